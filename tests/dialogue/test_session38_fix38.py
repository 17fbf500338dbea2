"""Session 38 review (issue 12): putting off to later is a goodbye only when the whole message is about talking
later (回头再说, 改天再问) — never a task put off (过两天再办: the thing is still to be done), and never while a
question waits when the message says anything else (还没登记，过两天再说 answers the question first)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 20)
ASKS = "我在巴中，帮我看看能领什么补贴"


@pytest.mark.parametrize("later", ["还没登记，过两天再办", "过两天再办", "还没登记，过两天再说", "有空再看看吧"])
def test_a_task_put_off_or_a_put_off_beside_other_words_does_not_end_the_interview(
    dialogue: Dialogue, later: str
) -> None:
    state, replies = say(dialogue, SessionState(), ASKS, TODAY)
    assert replies[-1].kind == "question", [r.text for r in replies]
    state, replies = say(dialogue, state, later, TODAY)
    assert state.interviewing, (state, [r.text for r in replies])
    assert not any("再见" in r.text for r in replies), [r.text for r in replies]


@pytest.mark.parametrize("later", ["过两天再说吧", "改天再问"])
def test_a_whole_message_about_talking_later_while_a_question_waits_is_a_goodbye(
    dialogue: Dialogue, later: str
) -> None:
    state, _ = say(dialogue, SessionState(), ASKS, TODAY)
    state, replies = say(dialogue, state, later, TODAY)
    assert any("再见" in r.text for r in replies), [r.text for r in replies]
