"""Classes of first-line failure fixed for session 40 (issue 10, ans40), read from answers_holdout37 and 36: the
first line shows the asked measure's own figure, or says plainly that the document does not state it. The cases
are data (tests/knowledge/data/answer_classes40.yaml), one group per class:
- a count written in words after its bound (至少有一人) is a figure the measure states;
- a count of things or people is no sum a money question is paid;
- a number before 几 (20几个) tells a rough count, it asks none;
- said as not one kind (不是企业), a measure whose target lists another kind beside it is still asked;
- of two measures alike, the one whose own name holds more of the question's words is asked;
- a place-less question: the phrase most regions say answers;
- a bare name of a payment lists the region's payments holding it alike, whoever each pays."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes40.yaml").read_text(encoding="utf-8"))
ROWS = [(group, case) for group, cases in CASES.items() for case in cases]


@pytest.mark.parametrize(("group", "case"), ROWS, ids=[f"{group}-{case['question']}" for group, case in ROWS])
def test_the_first_line_shows_the_asked_measures_own_figure_or_says_it_is_not_stated(
    kb: KnowledgeBase, group: str, case: dict[str, object]
) -> None:
    answer = kb.answerer.answer(str(case["question"]), None, AS_OF)
    assert answer.citations and answer.citations[0].clause_id == case["first"], [c.clause_id for c in answer.citations]
    line = answer_result(answer).direct_answer or ""
    assert all(word in line for word in case["held"]), line  # type: ignore[attr-defined]
    assert not any(word in line for word in case["absent"]), line  # type: ignore[attr-defined]
