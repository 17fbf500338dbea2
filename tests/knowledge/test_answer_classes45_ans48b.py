"""Session 45 (issue 10, ans48b), two rulings of the lead on the first line: a rate or an amount asked with no
condition told gives the standard first and the tier raised for a condition of its own after it, on its own line;
a benefit asked by name that the place's measures only act on (线上申领失业保险金) is said to be unstated first, then
those measures follow, never one of them as if it had the benefit's amount. The cases are data
(tests/knowledge/data/answer_classes45_ans48b.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes45_ans48b.yaml").read_text(encoding="utf-8"))


def _lines(kb: KnowledgeBase, question: str) -> list[str]:
    return (answer_result(kb.answerer.answer(question, None, AS_OF)).direct_answer or "").split("\n")


@pytest.mark.parametrize("case", CASES["raised_tier"], ids=lambda c: c["question"])
def test_the_standard_leads_and_a_raised_tier_follows_with_its_condition(
    kb: KnowledgeBase, case: dict[str, Any]
) -> None:
    lines = _lines(kb, case["question"])
    assert case["first"] in lines[0], lines
    assert case["not_first"] not in lines[0], lines
    if case["after"]:
        assert case["after"] in lines[1:], lines


@pytest.mark.parametrize("case", CASES["benefit_unstated"], ids=lambda c: c["question"])
def test_a_benefit_only_acted_on_is_said_unstated_before_the_measures(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    lines = _lines(kb, case["question"])
    assert case["first"] in lines[0], lines
    assert "没有写明具体" not in lines[0], lines
    assert any(case["listed"] in line for line in lines[1:]), lines


@pytest.mark.parametrize("case", CASES["acts_asked"], ids=lambda c: c["question"])
def test_a_question_saying_the_act_gets_the_measure(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    lines = _lines(kb, case["question"])
    assert case["first"] in lines[0], lines
    assert "本身" not in lines[0], lines
