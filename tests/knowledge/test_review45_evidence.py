"""Session 45 review (review45): 好多 meaning "many" is not read as 多少 (a question asking no sum is not answered
as a figure question); 按好多 still asks a sum (tests/knowledge/data/review45_evidence.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.intent import spoken_how
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "review45_evidence.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("question", CASES["asks_no_sum"])
def test_many_is_no_how_much(kb: KnowledgeBase, question: str) -> None:
    assert "多少" not in spoken_how(question), spoken_how(question)
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.direct is None or answer.direct.kind not in {"figure", "no_figure"}, answer.direct


@pytest.mark.parametrize("question", CASES["asks_a_sum"])
def test_an_governed_how_much_asks_a_sum(question: str) -> None:
    assert "按多少" in spoken_how(question), spoken_how(question)
