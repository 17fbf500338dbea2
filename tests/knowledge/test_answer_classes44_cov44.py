"""Session 44 (issue 10, cov44): a measure stated for the people asked is answered with its figure, never said
unstated for them. The cases are data (tests/knowledge/data/answer_classes44_cov44.yaml)."""

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
