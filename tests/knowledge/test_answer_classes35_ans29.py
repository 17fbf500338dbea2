"""Classes of answer failure fixed in session 35 (issue 10, ans29), read from answers_holdout32 and the
earlier sets it names. Every case is worded apart from the golden and chat sets, from the source texts:
- a state-owned or private firm told by its short name (国企, 民企, 私企) is an employer, as 企业 is;
- a person's group word means the group it names (退伍 → 退役士兵, 转业 → 军队转业干部): the measure for that
  group leads, not a neighbouring group's (a measure naming no target is for the group its name names);
- an outside topic said in short form (医保) that a clause writes in full (基本医疗保险费) is said there;
- a person asking what they get, answered only by measures that pay the unit, is told so first, then quoted."""

from __future__ import annotations

import pytest

from bot.present.answers import answer_text
from knowledge.intent import asks_as_a_person
from knowledge.kb import KnowledgeBase
from knowledge.measure_match import speaks_for_an_employer
from tests.knowledge.test_answer_classes12 import AS_OF, answered, cited


@pytest.mark.parametrize(
    "question", ["我们国企想给职工办培训", "俺们是民企 招了人", "我们私企在商洛", "我们企业在资阳"]
)
def test_a_firm_told_by_its_short_name_speaks_as_an_employer(question: str) -> None:
    assert speaks_for_an_employer(question)
    assert not asks_as_a_person(question)


def test_a_state_owned_firm_training_its_own_staff_is_answered_with_the_employers_measure(kb: KnowledgeBase) -> None:
    result = answered(kb, "我们国企在资阳 办了所职工技能培训学校 对职工免费 能纳入培训补贴么")
    assert cited(result)[:1] == ["ziyang-2017-21"]
    assert [m.measure_id for m in result.measures][:1] == ["ziyang-2017.enterprise_training_institution_subsidy"]


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("退伍回通江两年了 想在老家自己创业 有啥扶持", "bazhong-2018.self_employed_veteran_training"),
        ("复员回来想在资阳创业 有啥扶持", "ziyang-2017.self_employed_veteran_training"),
        ("我是转业干部 在巴中自主择业 想创业有扶持吗", "bazhong-2018.demobilized_officer_support"),
    ],
)
def test_a_person_s_group_word_leads_with_the_measure_for_that_group(
    kb: KnowledgeBase, question: str, measure: str
) -> None:
    assert [m.measure_id for m in answered(kb, question).measures][:1] == [measure]


def test_a_short_form_of_what_a_clause_writes_in_full_is_no_near_miss(kb: KnowledgeBase) -> None:
    result = answered(kb, "通江 退伍兵等政府安排工作这段时间 医保哪个管交")
    assert cited(result)[:1] == ["bazhong-2018-14"]
    assert "民政部门" in result.citations[0].quote


@pytest.mark.parametrize(
    "question", ["我在平昌一家公司见习 见习补贴发给我多少", "俺今年毕业进了巴中一家企业 社保补贴俺能拿多少"]
)
def test_a_person_answered_only_by_the_units_measures_is_told_first_that_they_pay_the_unit(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    first = answer_text(answer).splitlines()[0]
    assert first == "这项补贴是发给招用您的单位的（由单位申领），不是发给个人的。"
