"""Classes of answer failure fixed in session 32 by ans25 (issue 10), read from answers_holdout29 after
it was opened: a unit of what is paid for (学时) said without 每; a tier for employers past a headcount
shown to one who told none; a sum asked of a thing the best measure only provides while a grant of the
same place pays for it; whether a document has taken effect asked yes or no; a count of people asked
by 几人/几位; a place-less question whose best region writes the asked figure in words while another
region writes it in figures. Every case is worded apart from the golden sets."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import answer_result
from knowledge.intent import Intent, classify
from knowledge.kb import KnowledgeBase
from knowledge.measure_match import told_headcounts, without_untold_headcount

AS_OF = date(2026, 12, 6)


def line_of(kb: KnowledgeBase, question: str) -> str:
    return answer_result(kb.answerer.answer(question, None, AS_OF)).direct_answer or ""


@pytest.mark.parametrize("question", ["一个学时给多少钱", "按学时算的话补几块", "学时费补贴多少"])
def test_a_unit_of_what_is_paid_for_is_asked_with_or_without_mei(kb: KnowledgeBase, question: str) -> None:
    # 吉林（十三）: 农村劳动力技能培训补贴 每学时8元.
    assert "每学时8元" in line_of(kb, question)


@pytest.mark.parametrize(
    "question",
    [
        "平顶山 小微企业想申请创业担保贷款 新招的人得占全部职工多大比例",
        "平顶山的小微企业 新招职工要占到多大比例才能申请创业担保贷款",
    ],
)
def test_a_tier_past_a_headcount_is_not_shown_to_one_who_told_none(kb: KnowledgeBase, question: str) -> None:
    # 平顶山（九）: 占现有职工比例下调为20%；其中在职职工超过100人的下调为10%.
    line = line_of(kb, question)
    assert "20%" in line, line
    assert "10%" not in line


def test_the_tier_past_a_headcount_answers_one_who_told_a_headcount_past_it(kb: KnowledgeBase) -> None:
    line = line_of(kb, "平顶山 我们厂有150个职工 申请创业担保贷款新招人员比例要多少")
    assert "10%" in line, line
    assert "20%" not in line


def test_a_headcount_told_after_its_noun_picks_the_tier(kb: KnowledgeBase) -> None:
    assert told_headcounts("我们单位员工有130多名") == (131,)
    line = line_of(kb, "平顶山 我们单位员工有130多名 申请创业担保贷款 新招人员比例要多少")
    assert "10%" in line, line
    assert "20%" not in line


def test_both_tiers_are_shown_when_the_question_asks_how_they_differ(kb: KnowledgeBase) -> None:
    line = line_of(kb, "平顶山小微企业贷创业担保贷款 新招职工得占多大比例 大一点的企业有区别吗")
    assert "20%" in line and "10%" in line, line


def test_phrases_without_a_headcount_threshold_are_kept_when_none_is_told() -> None:
    phrases = ("比例下调为20%", "在职职工超过100人的下调为10%")
    assert without_untold_headcount(phrases) == ("比例下调为20%",)
    assert without_untold_headcount(("吸纳10人以上的", "超过100人的")) == ("吸纳10人以上的", "超过100人的")


@pytest.mark.parametrize("question", ["巴中建创业园区政府给多少钱", "在巴中搞个创业园区 能补好多钱"])
def test_a_sum_asked_of_a_provided_thing_is_answered_by_the_grant_that_pays_for_it(
    kb: KnowledgeBase, question: str
) -> None:
    # 巴中（五） provides 创业园区 as premises (no sum); 巴中（六） pays its owner 20万元.
    line = line_of(kb, question)
    assert "20万元" in line, line
    assert "没有写明" not in line


def test_a_grant_sharing_only_how_it_is_paid_is_not_the_thing_asked(kb: KnowledgeBase) -> None:
    # 巴中（十二）'s 一次性就业服务补贴 (不低于300元/人, for agencies) shares only 一次性 with a question
    # about a veteran's money: it is not what the 退役 measure provides.
    line = line_of(kb, "我爸退伍回来了 巴中这边一次性能给多少退役费")
    assert "300元" not in line, line


def test_a_provided_thing_asked_without_a_sum_is_still_the_provision(kb: KnowledgeBase) -> None:
    line = line_of(kb, "巴中 创业园区 有啥扶持")
    assert "众创空间" in line, line


@pytest.mark.parametrize("question", ["平顶山那个就业文件生效了吗", "资阳的政策有没有生效"])
def test_whether_a_document_has_taken_effect_is_a_status_question(kb: KnowledgeBase, question: str) -> None:
    assert classify(question).primary is Intent.STATUS
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status.value == "answered"


def test_taking_effect_asked_of_the_draft_says_it_is_a_draft(kb: KnowledgeBase) -> None:
    assert "征求意见稿" in line_of(kb, "平顶山那个就业文件生效了吗")


@pytest.mark.parametrize("question", ["厂里要招几位", "至少几人"])
def test_a_count_of_people_asked_by_ji_ren_or_ji_wei_is_a_count(question: str) -> None:
    assert "count" in classify(question).units


@pytest.mark.parametrize("question", ["零就业家庭至少要有几个人上班", "困难家庭政府保证至少几个人就业"])
def test_a_count_written_in_figures_by_another_region_answers_a_placeless_question(
    kb: KnowledgeBase, question: str
) -> None:
    # 吉林（十四） writes 至少一人 in words; 资阳（十五） and 巴中 write 至少有1人稳定就业.
    line = line_of(kb, question)
    assert "至少有1人稳定就业" in line, line
    assert "没有写明" not in line


@pytest.mark.parametrize(
    "question",
    ["见习补贴可以拿来给见习学生买意外伤害险吗", "见习补贴能不能用在见习人员的指导管理上"],
)
def test_a_placeless_question_of_a_thing_one_region_says_is_answered_by_that_region(
    kb: KnowledgeBase, question: str
) -> None:
    # Only 吉林（八） says what the 见习补贴 may be spent on (人身意外伤害保险, 指导管理费用); 平顶山 and
    # 巴中 name the same subsidy and say nothing of it.
    answer = answer_result(kb.answerer.answer(question, None, AS_OF))
    assert answer.region == "吉林省", answer.direct_answer
    assert "平顶山" not in (answer.direct_answer or "")


def test_a_placeless_question_of_the_measure_itself_still_answers_every_region(kb: KnowledgeBase) -> None:
    line = line_of(kb, "见习补贴给谁")
    assert "平顶山" in line and "吉林" in line, line


def test_a_version_speaking_of_its_own_asked_thing_stays_beside_the_best(kb: KnowledgeBase) -> None:
    # 平顶山（十）: 开业5年以内的小微企业主创业培训…纳入职业培训补贴范围 — it speaks of 范围 asked.
    line = line_of(kb, "开了两年小店的老板去上创业培训 能纳入职业培训补贴范围不")
    assert "平顶山" in line, line
