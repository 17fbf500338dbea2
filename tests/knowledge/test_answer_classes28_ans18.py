"""Classes of answer failure fixed in session 28 (ans18, issue 10): a place-less question about a
measure two regions hold alike, answered with each region's own phrase; a group the hired are named
by counting for a founder's grant; an event told before a benefit word read as the benefit's own noun;
the asker's own business (农家乐, 民宿) as starting a business; keeping up one's own social insurance;
a question answered only from pieces of a glossary meaning. Every case is worded apart from the golden
and held-out sets."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 12, 5)


def direct(kb: KnowledgeBase, question: str) -> str:
    return answer_result(kb.answerer.answer(question, None, AS_OF)).direct_answer or ""


def cited(kb: KnowledgeBase, question: str) -> list[str]:
    return [c.clause_id for c in kb.answerer.answer(question, None, AS_OF).citations]


# ---- a place-less question, a measure several regions hold in the same words ----


@pytest.mark.parametrize(
    ("question", "phrase", "regions"),
    [
        # a condition phrase, said alike by 巴中（十二） and 资阳（十三）
        ("公司里招了几个贫困家庭的劳动力，劳动合同至少签几年才给奖补", "签订1年以上劳动合同", ("巴中市", "资阳市")),
        # who pays, said alike by 巴中（十四） and 资阳（十六）
        ("我老公退伍回来等安排工作 这段日子医保是哪个给交", "民政部门", ("巴中市", "资阳市")),
    ],
)
def test_each_region_saying_the_same_phrase_is_answered(
    kb: KnowledgeBase, question: str, phrase: str, regions: tuple[str, ...]
) -> None:
    line = direct(kb, question)
    lines = [row for row in line.splitlines() if phrase in row]
    for region in regions:
        assert any(region in row for row in lines), line


def test_a_place_named_keeps_one_regions_answer(kb: KnowledgeBase) -> None:
    line = direct(kb, "资阳的企业招了贫困家庭劳动力，合同要签多久才有奖补")
    assert "签订1年以上劳动合同" in line
    assert "巴中" not in line


# ---- the group a founder's grant names is not the group one hires ----


def test_hiring_graduates_is_not_asked_by_a_graduates_founding_grant(kb: KnowledgeBase) -> None:
    # 巴中（十） 大学生创办企业并吸纳就业的: the graduate founds; a 社会组织 hiring graduates is 吉林/资阳's.
    ids = cited(kb, "我们是个社会组织，录用了几名大学生，能不能按企业吸纳就业那样享受扶持")
    assert ids and not any(i.startswith("bazhong-2018-10") for i in ids)
    assert any(i in ("jilin-2017-08", "ziyang-2017-12") for i in ids)


# ---- an event told before the benefit word is no noun of the benefit's own ----


def test_a_subsidy_for_finding_people_work_is_each_compared_regions(kb: KnowledgeBase) -> None:
    line = direct(kb, "平顶山和巴中，中介给人找到工作的补贴，一人各多少钱")
    assert "300元/人" in line  # 巴中（十二） 不低于300元/人
    assert "按平顶山市" in line


def test_a_benefit_named_by_its_own_noun_is_still_a_near_miss(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("巴中农村的危房改造补助一户能有多少", None, AS_OF)
    assert answer.status is not AnswerStatus.ANSWERED


# ---- the asker's own business is starting a business ----


@pytest.mark.parametrize(
    "question", ["我打算回村里搞个民宿，这个算不算创业啊", "在老家经营了个小客栈，能当创业吗", "弄个民宿算创业不"]
)
def test_ones_own_guesthouse_is_starting_a_business(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert "创业" in (answer_result(answer).direct_answer or "")


@pytest.mark.parametrize("question", ["我家自己开了个农家乐，能享受哪些补贴", "自家办的农家乐，这个也能算创业吗"])
def test_ones_own_farm_stay_is_not_answered_with_a_hiring_reward(kb: KnowledgeBase, question: str) -> None:
    line = direct(kb, question)
    assert "创业" in line
    assert "吸纳贫困家庭劳动力" not in line


def test_a_farm_stay_that_hires_still_gets_the_hiring_reward(kb: KnowledgeBase) -> None:
    line = direct(kb, "我开的农家乐雇了三个贫困户 有没得奖补")
    assert "生产经营主体" in line


# ---- keeping up one's own social insurance ----


@pytest.mark.parametrize(
    "question", ["厂里不干了社保就断了，我想自己继续交，行不行", "养老保险停了好几个月 能自己接着缴不"]
)
def test_keeping_up_ones_own_insurance_is_joining_as_a_flexible_worker(kb: KnowledgeBase, question: str) -> None:
    line = direct(kb, question)
    assert "灵活就业人员" in line and ("身份参加" in line or "参加企业职工基本养老保险" in line), line


# ---- pieces of a glossary meaning are no tie to a measure ----


def test_a_vocational_school_fee_is_not_answered_from_graduates_measures(kb: KnowledgeBase) -> None:
    # 中职 reads as 中职毕业生; 资阳's measures for 高校毕业生 share only its piece 毕业生.
    answer = kb.answerer.answer("小孩在资阳念中职，学费能不能免掉", None, AS_OF)
    assert answer.status is not AnswerStatus.ANSWERED
