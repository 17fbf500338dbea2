"""Session 45 (issue 10, ans48): the measure the question asks leads the answer — a span of levels said with its
count (市县两级) is those levels' measure, not the 省级 one beside it; a measure for the people among a group
(…建档立卡贫困家庭中的高校毕业生) waits behind the group's own measure when those people are never said. The cases are
data (tests/knowledge/data/answer_classes45_ans48.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes45_ans48.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["levels_span"], ids=lambda c: c["question"])
def test_a_span_of_levels_said_is_answered_by_those_levels_measure(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    line = answer_result(kb.answerer.answer(case["question"], None, AS_OF)).direct_answer or ""
    assert case["shown"] in line, line
    assert case["not_shown"] not in line, line


@pytest.mark.parametrize("case", CASES["among_group"], ids=lambda c: c["question"])
def test_the_group_said_leads_over_the_people_among_it(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.direct is not None and answer.direct.measures, answer_result(answer).direct_answer
    names = [m.name for m in answer.direct.measures]
    assert case["first"] in names[0], names
