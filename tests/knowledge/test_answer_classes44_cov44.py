"""Session 44 (issue 10, cov44): a measure stated for the people asked is answered with its figure, never said
unstated for them; a certificate no clause of the place writes is said absent, plainly, quoting nothing — one told in
the person's story or written by the documents is not. The cases are data
(tests/knowledge/data/answer_classes44_cov44.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes44_cov44.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["stated_for_group"], ids=lambda c: c["question"])
def test_a_measure_stated_for_the_people_asked_is_answered(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED, answer.missing
    assert case["shown"] in (answer_result(answer).direct_answer or ""), answer_result(answer).direct_answer


@pytest.mark.parametrize("case", CASES["certificate_absent"], ids=lambda c: c["question"])
def test_a_certificate_no_clause_writes_is_said_absent(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert answer.missing is not None and answer.missing.kind == "measure", answer.missing
    assert answer.missing.name == case["certificate"]
    assert not answer.citations
    text = answer_result(answer).answer or ""
    assert case["certificate"] in text.splitlines()[0] and "没有" in text.splitlines()[0], text
    assert "12333" in text.splitlines()[-1], text


@pytest.mark.parametrize("question", CASES["certificate_told_or_written"])
def test_a_certificate_told_or_written_is_not_said_absent(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.missing is None or answer.missing.kind != "measure", answer.missing
    assert answer.citations, answer_result(answer).answer


@pytest.mark.parametrize("case", CASES["measure_absent_beside_certificate"], ids=lambda c: c["question"])
def test_the_measure_asked_not_the_certificate_told_is_said_absent(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.missing is not None and answer.missing.kind == "measure", answer.missing
    assert answer.missing.name == case["measure"]
