"""Until when a measure runs, asked of one that writes no date (session 40 review, fixb40; issue 10): a running period
answers — a duration with its unit whose own sentence says it runs (补贴期限最长不超过3年) — never any figure the
cutter read as a duration (提前30, 在学校保留2年, 力争用两年时间). Cases are data
(tests/knowledge/data/answer_classes40_fixb40.yaml): one accepted, one refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes40_fixb40.yaml").read_text(encoding="utf-8"))
ROWS = [(group, case) for group, cases in CASES.items() for case in cases]


@pytest.mark.parametrize(("group", "case"), ROWS, ids=[f"{group}-{case['question']}" for group, case in ROWS])
def test_until_when_is_told_only_by_a_period_the_measure_runs(
    kb: KnowledgeBase, group: str, case: dict[str, object]
) -> None:
    answer = kb.answerer.answer(str(case["question"]), None, AS_OF)
    assert answer.citations and answer.citations[0].clause_id == case["first"], [c.clause_id for c in answer.citations]
    line = answer_result(answer).direct_answer or ""
    assert all(word in line for word in case.get("held", ())), line  # type: ignore[attr-defined]
    assert not any(word in line for word in case["absent"]), line  # type: ignore[attr-defined]
