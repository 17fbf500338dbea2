"""Session 21 (lead): a document pointed at (这个文件) is the one the last answer cited (web walkthrough)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 4)


def _answers(replies: tuple[Reply, ...]) -> str:
    return "\n".join(r.text for r in replies if r.kind == "answer")


@pytest.mark.parametrize("pointing", ["这个文件是哪年哪月发的", "那份通知现在还有效吗", "该文件是正式的吗"])
def test_a_document_pointed_at_is_the_one_just_cited_not_the_persons_place(dialogue: Dialogue, pointing: str) -> None:
    # The person lives in 资阳 (雁江区); the last answer quoted 平顶山（九）.
    state, _ = say(dialogue, SessionState(), "我在资阳雁江区，失业了", TODAY)
    state, replies = say(dialogue, state, "平顶山春节期间生产防疫物资的企业新招了人，一个人补多少", TODAY)
    assert "平顶山" in _answers(replies)
    state, replies = say(dialogue, state, pointing, TODAY)
    text = _answers(replies)
    assert "平顶山市人民政府" in text, text
    assert "资阳市人民政府" not in text, text


def test_without_a_pointer_a_document_question_stays_at_the_persons_place(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在资阳雁江区，失业了", TODAY)
    state, replies = say(dialogue, state, "平顶山春节期间生产防疫物资的企业新招了人，一个人补多少", TODAY)
    state, replies = say(dialogue, state, "资阳的文件是哪年发的", TODAY)
    assert "资阳市人民政府" in _answers(replies), _answers(replies)
