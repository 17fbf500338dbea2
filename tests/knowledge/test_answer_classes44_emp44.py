"""Session 44 (issues 10 and 12, emp44): whom a question asks money for is read from the sentence's structure — the
one a hire is done to, what a unit is only told to have said, two recipients joined — and an answer asked for two
says whom each measure pays, and of one that none of them pays, that none does. Cases are data
(tests/knowledge/data/answer_classes44_emp44.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.answers import answer_result
from bot.present.prose import prose
from knowledge.kb import KnowledgeBase
from knowledge.measures import Beneficiary
from knowledge.recipient import asked_recipients, works_for_a_unit
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes44_emp44.yaml").read_text(encoding="utf-8"))
SIDES = {"person": "（发给个人）", "employer": "（发给用人单位）", "provider": "（发给服务机构）"}


@pytest.mark.parametrize("case", CASES["recipient"], ids=lambda c: c["question"])
def test_the_recipients_asked_are_read_from_the_sentence(case: dict[str, Any]) -> None:
    assert asked_recipients(case["question"]) == frozenset(Beneficiary(b) for b in case["asked"])


@pytest.mark.parametrize("case", CASES["two_asked"], ids=lambda c: c["question"])
def test_an_answer_asked_for_two_answers_both_and_says_whom_each_measure_pays(
    kb: KnowledgeBase, case: dict[str, Any]
) -> None:
    question = case["question"]
    asked = frozenset(Beneficiary(b) for b in case["asked"])
    assert asked_recipients(question) == asked
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.measures, answer.status
    text = answer_result(answer).answer or ""
    for measure in answer.measures:
        if measure.beneficiary == Beneficiary.PERSON and not measure.pays:
            # (a placement pays no one: never 退役士兵安排工作（发给个人）)
            assert f"{measure.name}{SIDES['person']}" not in text, (measure.name, text)
            continue
        side = SIDES.get(measure.beneficiary, "（由政府部门落实）")
        assert f"{measure.name}{side}" in text, (measure.name, text)
    unpaid = prose().answers.direct.none_paid_to
    for recipient in asked:
        # each one asked is answered: a measure paying them, or the line that none of those shown does
        paid = any(m.beneficiary == recipient and m.pays for m in answer.measures)
        assert paid or unpaid[recipient] in text, (recipient, text)


_FOUNDING = ("创业", "创办", "自谋职业", "个体经营")


@pytest.mark.parametrize("question", CASES["hired_asked"])
def test_one_hired_gets_no_founders_measure_and_the_units_is_said_to_be_the_units(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.measures, answer.status
    for m in answer.measures:
        said = "".join((m.name, *m.conditions, *m.targets)).replace("就业创业", "").replace("求职创业", "")
        assert m.beneficiary != Beneficiary.PERSON or not any(w in said for w in _FOUNDING), (m.name, m.conditions)
    text = answer_result(answer).answer or ""
    first = answer.measures[0]
    if first.beneficiary == Beneficiary.EMPLOYER:
        assert prose().answers.direct.paid_to_others["employer"] in text or "（发给用人单位）" in text, text


@pytest.mark.parametrize("question", CASES["person_asked"])
def test_money_asked_by_the_person_shows_no_employers_or_providers_measure(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.measures, answer.status
    paid_to_others = {Beneficiary.EMPLOYER, Beneficiary.PROVIDER}
    assert not any(m.beneficiary in paid_to_others for m in answer.measures), [m.name for m in answer.measures]


@pytest.mark.parametrize("case", CASES["group_told"], ids=lambda c: c["question"])
def test_a_measure_for_another_group_of_its_clause_is_not_shown(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    names = [m.name for m in kb.answerer.answer(case["question"], None, AS_OF).measures]
    assert case["shown"] in names, names
    assert not set(case["not_shown"]) & set(names), names


@pytest.mark.parametrize("case", CASES["works_for_a_unit"], ids=lambda c: c["question"])
def test_working_for_a_unit_is_read_from_the_sentence(case: dict[str, Any]) -> None:
    assert works_for_a_unit(case["question"]) is case["works"]
