"""Classes of answer failure fixed in session 35 (issue 10, ans29), read from answers_holdout32 and the
earlier sets it names. Every case is worded apart from the golden and chat sets, from the source texts:
- a state-owned or private firm told by its short name (国企, 民企, 私企) is an employer, as 企业 is."""

from __future__ import annotations

import pytest

from knowledge.intent import asks_as_a_person
from knowledge.kb import KnowledgeBase
from knowledge.measure_match import speaks_for_an_employer
from tests.knowledge.test_answer_classes12 import answered, cited


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
