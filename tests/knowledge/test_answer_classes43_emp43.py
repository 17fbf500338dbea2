"""Session 43 (issues 10 and 12, emp43): whom a question asks money for decides which measures answer it — an
employer's question is answered from the measures paid to employers (never a provider's figure, nor a person's own
measure), a person's from their own, a provider's from the providers'. Cases are data
(tests/knowledge/data/answer_classes43_emp43.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from knowledge.measures import Beneficiary
from knowledge.recipient import asked_recipient
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes43_emp43.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["recipient"], ids=lambda c: c["question"])
def test_the_recipient_asked_is_read_from_the_sentence(case: dict[str, Any]) -> None:
    expected = Beneficiary(case["asked"]) if case["asked"] else None
    assert asked_recipient(case["question"]) is expected


@pytest.mark.parametrize("case", CASES["employer_asked"], ids=lambda c: c["question"])
def test_money_asked_for_an_employer_is_answered_from_the_employers_measures(
    kb: KnowledgeBase, case: dict[str, Any]
) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.status in (AnswerStatus.ANSWERED, AnswerStatus.NO_ANSWER) and answer.measures, answer.status
    assert all(m.beneficiary == Beneficiary.EMPLOYER for m in answer.measures), [m.name for m in answer.measures]
    result = answer_result(answer)
    if "not_cited" in case:
        assert all(c.clause_id != case["not_cited"] for c in result.citations)
    if "says" in case:
        assert case["says"] in (result.answer or "").splitlines()[0], result.answer


@pytest.mark.parametrize("question", CASES["person_asked"])
def test_money_asked_by_the_person_shows_no_employers_or_providers_measure(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.measures, answer.status
    paid_to_others = {Beneficiary.EMPLOYER, Beneficiary.PROVIDER}
    assert not any(m.beneficiary in paid_to_others for m in answer.measures), [m.name for m in answer.measures]


@pytest.mark.parametrize("case", CASES["provider_asked"], ids=lambda c: c["question"])
def test_money_asked_for_a_provider_is_the_providers_figure(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.measures and answer.measures[0].beneficiary == Beneficiary.PROVIDER
    assert case["says"] in (answer_result(answer).answer or "")
