"""Classes of session 44 (issue 10, ans47): each listed measure decided on its own (its figure, or that it states
none), whom a measure is for when its sentence names the group before it, the general case asked in so many words,
and a count asked in pinyin. The cases are data (tests/knowledge/data/answer_classes44_ans47.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.kb import KnowledgeBase
from knowledge.measures import load_measures
from knowledge.sentence_subject import sentence_subject
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes44_ans47.yaml").read_text(encoding="utf-8"))


def _first_lines(kb: KnowledgeBase, question: str) -> str:
    return answer_result(kb.answerer.answer(question, None, AS_OF)).direct_answer or ""


@pytest.mark.parametrize("case", CASES["each_measure_its_figure"], ids=lambda c: c["question"])
def test_each_listed_measure_shows_its_own_figure_or_says_it_states_none(
    kb: KnowledgeBase, case: dict[str, Any]
) -> None:
    lines = _first_lines(kb, case["question"]).splitlines()
    unstated = [line for line in lines if case["unstated"] in line]
    assert unstated and all("没有写明" in line for line in unstated), lines
    for figure in case["shown"]:
        shown = [line for line in lines if figure in line]
        assert shown and not any("没有写明" in line for line in shown), lines


@pytest.mark.parametrize("case", CASES["sentence_subject"], ids=lambda c: c["question"])
def test_whom_the_sentence_names_is_said_with_the_condition(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    lines = _first_lines(kb, case["question"])
    assert f"对象：{case['targets']}" in lines, lines
    if "condition" in case:
        assert case["condition"] in lines, lines


def test_a_sentence_subject_is_a_group_the_sentence_writes_before_the_measure(kb: KnowledgeBase) -> None:
    """Over every curated measure: an inherited group is the targets of a sibling measure of the same clause, written
    verbatim in the same sentence before the measure's span; a measure naming its own group inherits none."""
    inherited = 0
    for measures in load_measures().values():
        for measure in measures:
            siblings = [m for m in measures if m.clause == measure.clause]
            text = kb.answerer.registry.get(measure.clause).text
            found = sentence_subject(measure, siblings, text)
            if measure.targets:
                assert found == (), measure.id
                continue
            if not found:
                continue
            inherited += 1
            at = text.find(measure.span)
            sentence = text[text.rfind("。", 0, at) + 1 : at]
            assert all(group in sentence for group in found), (measure.id, found)
            assert any(found == m.targets for m in siblings if m is not measure), measure.id
    assert inherited >= 5  # 商洛's four cases of 下岗失业人员和就业困难人员, 资阳's 去产能企业失业人员 and 退役士兵


@pytest.mark.parametrize("case", [*CASES["general_case"], *CASES["other_kind_asked"]], ids=lambda c: c["question"])
def test_no_figure_of_another_group_or_kind_is_given_as_the_answer(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    lines = _first_lines(kb, case["question"])
    assert all(figure not in lines for figure in case["not_shown"]), lines
    assert any(case["unstated"] in line and "没有写明" in line for line in lines.splitlines()), lines


@pytest.mark.parametrize("case", [*CASES["narrower_shown"], *CASES["pinyin_count"]], ids=lambda c: c["question"])
def test_the_asked_figure_is_shown(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    lines = _first_lines(kb, case["question"])
    assert all(figure in lines for figure in case["shown"]), lines
