"""Classes a newcomer's walk found in session 42 (issue 10, wf44): a measure for a narrow group (失业保险金延续发放 for
those 距法定退休年龄不足1年) answered a general "how long" question as if its figure were everyone's. The cases are
data (tests/knowledge/data/answer_classes42_wf44.yaml). Session 43 (ans46): the line names the group only where the
clause gives other groups another figure; ordinary conditions go on a line below the figure."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.present.answers import answer_result
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes42_wf44.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["group_said"], ids=lambda c: c["question"])
def test_a_narrow_groups_figure_asked_by_a_general_word_says_the_group_in_its_line(
    kb: KnowledgeBase, case: dict[str, str]
) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    first = (answer_result(answer).answer or "").splitlines()[0]
    assert case["group"] in first, first
    assert "（限" in first, first


@pytest.mark.parametrize("case", CASES["conditions_below"], ids=lambda c: c["question"])
def test_ordinary_conditions_of_a_figure_asked_by_a_general_word_go_on_a_line_below_it(
    kb: KnowledgeBase, case: dict[str, str]
) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    lines = (answer_result(answer).answer or "").splitlines()
    first = lines[0]
    assert "（限" not in first and "：" in first, first
    # Whom the figure is for (对象：…, when the measure names them) may stand between the figure and its conditions.
    below = lines[2] if lines[1].startswith("对象：") else lines[1]
    assert below == f"条件：{case['conditions']}。", lines[:3]


@pytest.mark.parametrize("question", CASES["name_asked"])
def test_a_measure_asked_by_its_own_name_keeps_its_plain_figure_line(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    first = (answer_result(answer).answer or "").splitlines()[0]
    assert "：" in first and "（限" not in first, first
