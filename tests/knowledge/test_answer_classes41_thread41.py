"""The thing asked decides the measure over the story told (session 41, thread41): a loan asked for in the phrase
that asks (能不能贷款) beside a story of a rural business (回村里搞个农家乐) is answered by the place's loan to a
person, not by the measures the story's words rank first; the cases are data
(tests/knowledge/data/answer_classes41_thread41.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from knowledge.measure_match import asks_to_borrow
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes41_thread41.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["loan_asked"] + CASES["story_only"], ids=lambda c: str(c["question"]))
def test_the_thing_asked_decides_the_measure_answered_first(kb: KnowledgeBase, case: dict[str, str]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.citations and answer.citations[0].clause_id == case["first"], [c.clause_id for c in answer.citations]


@pytest.mark.parametrize("question", CASES["asks_to_borrow"])
def test_a_phrase_asking_for_a_loan_asks_to_borrow(question: str) -> None:
    assert asks_to_borrow(question)


@pytest.mark.parametrize("question", CASES["not_asking_to_borrow"])
def test_a_loan_told_or_named_beside_another_payment_is_not_asked_alone(question: str) -> None:
    assert not asks_to_borrow(question)
