"""Classes of session 43 (issue 10, ans46): a quote cut to the parts stating the asked tier, where to apply said
unstated without quoting an unrelated sentence, and two procedure steps asked at once both said unstated. The cases
are data (tests/knowledge/data/answer_classes43_ans46.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes43_ans46.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["asked_part_quoted"], ids=lambda c: c["question"])
def test_the_quote_holds_the_asked_tier_and_no_other_tiers_figure(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    result = answer_result(answer)
    quotes = "\n".join(c.quote for c in result.citations)
    for figure in case["shown"]:
        assert figure in (result.direct_answer or ""), result.direct_answer
        assert figure in quotes, quotes
    for figure in case["not_quoted"]:
        assert figure not in quotes, quotes
    for phrase in case.get("quoted", ()):
        assert phrase in quotes, quotes
    for citation in result.citations:
        assert citation.quote in citation.text  # verbatim


@pytest.mark.parametrize("case", CASES["whole_span_quoted"], ids=lambda c: c["question"])
def test_a_phrase_stating_two_figures_is_quoted_whole(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    result = answer_result(kb.answerer.answer(case["question"], None, AS_OF))
    quotes = "\n".join(c.quote for c in result.citations)
    assert all(phrase in quotes for phrase in case["quoted"]), quotes


@pytest.mark.parametrize("question", CASES["where_unstated"])
def test_where_to_apply_unstated_is_said_plainly_with_no_sentence_quoted(kb: KnowledgeBase, question: str) -> None:
    result = answer_result(kb.answerer.answer(question, None, AS_OF))
    text = result.answer or ""
    assert text.startswith("收录的政策文件没有写明您问的办理地点或网站"), text
    assert "“" not in text, text
    assert "12333" in text.splitlines()[-1] and "当地人社部门" in text.splitlines()[-1], text


@pytest.mark.parametrize("question", CASES["both_steps_said"])
def test_two_steps_asked_and_unstated_are_both_said(kb: KnowledgeBase, question: str) -> None:
    result = answer_result(kb.answerer.answer(question, None, AS_OF))
    first = (result.answer or "").splitlines()[0]
    assert "办理地点或网站" in first and "所需材料" in first, first
