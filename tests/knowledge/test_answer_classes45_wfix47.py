"""Class of session 45 (issue 10, wfix47): a sum of money the question tells (一个月1200对吧, 政府直接给两万块钱) is
answered first — whether the documents of the place give it for the measure answered, for another, or not at all.
The cases are data (tests/knowledge/data/answer_classes45_wfix47.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.answers import answer_text
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes45_wfix47.yaml").read_text(encoding="utf-8"))
_VERDICT_WORDS = {"stated": "文件里写了", "absent": "文件里没有写", "elsewhere": "不是下面这项的标准"}


@pytest.mark.parametrize("case", CASES["told_sums"], ids=lambda c: c["question"])
def test_a_told_sum_is_answered_first_by_whether_the_documents_give_it(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = kb.answerer.answer(case["question"], None, AS_OF)
    assert [told.said for told in answer.told] == [case["said"]]
    # Unstated: said first; stated: right under the first line, which shows it. The sum is never echoed.
    lines = answer_text(answer).splitlines()
    said = lines[1] if case["verdict"] == "stated" else lines[0]
    assert said.startswith(("您说的这个数", "（您说的这个数")), lines
    assert _VERDICT_WORDS[case["verdict"]] in said, lines
    assert case["said"] not in said, lines
    for verdict, words in _VERDICT_WORDS.items():
        if verdict != case["verdict"]:
            assert words not in said, lines


@pytest.mark.parametrize("question", CASES["no_sum"])
def test_a_question_telling_no_sum_gets_no_verdict_line(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.told == ()
    assert "您说的“" not in answer_text(answer)
