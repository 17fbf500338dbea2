"""Classes of session 44 (issue 10, cov44): a measure asked by name for people it is granted here only to others is
said unstated first and plainly, the nearest measure labelled as related; one stated for them is answered. The cases
are data (tests/knowledge/data/answer_classes44_cov44.yaml)."""

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


@pytest.mark.parametrize("case", CASES["not_granted_to_group"], ids=lambda c: c["question"])
def test_a_measure_granted_only_to_others_is_said_unstated_first(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert answer.missing is not None and answer.missing.kind == "for_group", answer.missing
    text = answer_result(answer).answer or ""
    lines = text.splitlines()
    assert "没有写明" in lines[0] and case["group"] in lines[0] and case["measure"] in lines[0], text
    assert not any(ch.isdigit() for ch in lines[0]), lines[0]
    assert "不是您问的" in lines[1], text  # the related clause is labelled so, never as the answer
    assert [c.clause_id for c in answer.citations] == [case["related"]]
    assert "12333" in lines[-1] and "当地人社部门" in lines[-1], text


@pytest.mark.parametrize("case", CASES["stated_for_group"], ids=lambda c: c["question"])
def test_a_measure_stated_for_the_people_asked_is_answered(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert answer.missing is None or answer.missing.kind != "for_group", answer.missing
    assert case["shown"] in (answer_result(answer).direct_answer or ""), answer_result(answer).direct_answer
