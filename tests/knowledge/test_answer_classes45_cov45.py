"""Session 45 (issue 10, cov45): a thing the documents never set (a wage, scope.yaml `outside`) asked of a measure the
asked place grants and the question names is said unstated, naming it as that measure's, with the measure's own
sentence quoted — not the bare refusal; told before the measure, or not a thing, the refusal is unchanged. The cases
are data (tests/knowledge/data/answer_classes45_cov45.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes45_cov45.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["unstated_of_a_named_measure"], ids=lambda c: c["question"])
def test_a_thing_asked_of_a_named_measure_is_said_unstated_with_the_measure(
    kb: KnowledgeBase, case: dict[str, Any]
) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert answer.missing is not None and answer.missing.kind == "detail", answer.missing
    assert answer.missing.name == case["asked"]
    assert any(case["quoted"] in c.quote for c in answer.citations), [c.quote for c in answer.citations]
    text = answer_result(answer).answer or ""
    assert case["asked"] in text.splitlines()[0] and "没有写明" in text.splitlines()[0], text


@pytest.mark.parametrize("question", CASES["refused_as_before"])
def test_a_thing_told_before_the_measure_keeps_the_refusal(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert answer.missing is None, answer.missing
    assert not answer.citations, [c.quote for c in answer.citations]


@pytest.mark.parametrize("case", CASES["stated"], ids=lambda c: c["question"])
def test_a_figure_the_clause_states_is_still_answered(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED, answer.missing
    assert case["shown"] in (answer_result(answer).direct_answer or ""), answer_result(answer).direct_answer


@pytest.mark.parametrize("case", CASES["site_names_the_place"], ids=lambda c: c["question"])
def test_a_government_site_names_its_place(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    analysis = kb.answerer.retrieve(case["question"]).analysis
    assert analysis.region.place == case["region"], analysis.region


@pytest.mark.parametrize("question", CASES["site_names_no_place"])
def test_initials_many_places_share_name_none(kb: KnowledgeBase, question: str) -> None:
    analysis = kb.answerer.retrieve(question).analysis
    assert not analysis.region.names_a_place, analysis.region
