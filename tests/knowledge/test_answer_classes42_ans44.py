"""Classes a newcomer's walk found in session 42 (issue 10, ans44): what decides an answer before it is worded. The
cases are data (tests/knowledge/data/answer_classes42_ans44.yaml):
- an out-of-scope entry that only asks a figure (每个月能领多少) refused a measure the asked place's documents hold: the
  scope list decides only topics no document covers;
- a place's last character read with the next word as an outside topic (巴中|考个 → 中考);
- an everyday word for the thing asked that no document writes (路费, 叉车证) weighed nothing, so the story's written
  words chose the measure: its glossary reading that a measure bears stands in for it;
- a loan asked after a long story (回老家开个农家乐 能贷款不) was declined: the story's words outweighed the
  asking one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from knowledge.measures import MeasureKind, load_measures
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes42_ans44.yaml").read_text(encoding="utf-8"))
KINDS = {m.id: m.kind for measures in load_measures().values() for m in measures}


@pytest.mark.parametrize("case", CASES["named_here"] + CASES["place_then_word"], ids=lambda c: c["question"])
def test_a_measure_the_place_holds_is_answered_whatever_outside_phrase_is_near(
    kb: KnowledgeBase, case: dict[str, str]
) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.citations and answer.citations[0].clause_id == case["first"], [c.clause_id for c in answer.citations]
    assert answer.measures and answer.measures[0].measure_id == case["measure"], [m.measure_id for m in answer.measures]


@pytest.mark.parametrize("question", CASES["still_declined"])
def test_an_outside_topic_asked_is_still_declined(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER, answer.status
    assert not answer.citations, [c.clause_id for c in answer.citations]


@pytest.mark.parametrize("case", CASES["everyday_thing"], ids=lambda c: c["question"])
def test_an_everyday_word_for_the_thing_asked_finds_the_measure_that_pays_for_it(
    kb: KnowledgeBase, case: dict[str, object]
) -> None:
    answer = kb.answerer.answer(str(case["question"]), None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED, answer.status
    assert answer.measures and answer.measures[0].measure_id in case["measure"], [  # type: ignore[operator]
        m.measure_id for m in answer.measures
    ]


@pytest.mark.parametrize("case", CASES["loan_after_story"], ids=lambda c: c["question"])
def test_a_loan_asked_after_a_story_is_answered_by_the_places_loan(kb: KnowledgeBase, case: dict[str, str]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED, answer.status
    assert answer.citations[0].clause_id == case["first"], [c.clause_id for c in answer.citations]
    assert answer.measures and KINDS[answer.measures[0].measure_id] is MeasureKind.LOAN, [
        m.measure_id for m in answer.measures
    ]
