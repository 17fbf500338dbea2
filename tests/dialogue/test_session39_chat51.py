"""Session 39 (issue 12, task chat51): what the chat understands of the person — the classes of chats set 31's failed
confirm / interview / courtesy turns, in our own wording (written from the source texts, not the set's)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 27)


# -- (a) a bare "ok" right after an answer takes in the answer; the card shown only as a line beneath it waits -------


def _answered_with_card_waiting(dialogue: Dialogue) -> SessionState:
    """A self-description (its card shown), then a question answered from the documents with the card only
    reminded in a line beneath the answer."""
    state, replies = say(dialogue, SessionState(), "我是郏县的 今年36 在家带孩子", TODAY)
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    state, replies = say(dialogue, state, "招退役军人的企业有啥说法", TODAY)
    assert cited(replies), [r.text for r in replies]
    assert state.pending and not state.profile, state
    return state


@pytest.mark.parametrize("ok", ["好", "行", "嗯嗯", "ok", "要得", "好嘛", "中"])
def test_a_bare_ok_after_an_answer_takes_in_the_answer_and_leaves_the_card_waiting(dialogue: Dialogue, ok: str) -> None:
    state = _answered_with_card_waiting(dialogue)
    after, replies = say(dialogue, state, ok, TODAY)
    assert not after.profile and after.pending == state.pending, (after, [r.text for r in replies])
    assert not after.interviewing, [r.text for r in replies]
    assert replies[0].kind == "notice" and len(replies[0].text) <= 40, [r.text for r in replies]
    assert not cited(replies) and not any(r.kind == "question" for r in replies), [r.text for r in replies]


@pytest.mark.parametrize("right", ["对", "是的", "没错"])
def test_that_is_right_after_an_answer_still_confirms_the_card_beneath_it(dialogue: Dialogue, right: str) -> None:
    state = _answered_with_card_waiting(dialogue)
    after, replies = say(dialogue, state, right, TODAY)
    assert after.profile.get("region") == "郏县" and not after.pending, (after, [r.text for r in replies])


def test_a_bare_ok_to_the_card_itself_still_confirms_it(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我是郏县的 今年36 在家带孩子", TODAY)
    assert replies[-1].kind == "confirm", [r.text for r in replies]
    after, replies = say(dialogue, state, "要得", TODAY)
    assert after.profile.get("region") == "郏县" and not after.pending, (after, [r.text for r in replies])


# -- (b) 我说的是商洛 打错了 corrects where the last question asked, as 打错了 是商洛 does ------------------------


@pytest.mark.parametrize("slip", ["我说的是商洛 打错了", "我问的是商洛 说错了"])
def test_what_the_speaker_meant_to_say_corrects_the_place_of_the_last_question(dialogue: Dialogue, slip: str) -> None:
    state, replies = say(dialogue, SessionState(), "商丘招大学生有补贴吗", TODAY)
    assert not cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, slip, TODAY)
    assert any(r.kind == "answer" and "商洛" in r.text for r in replies), [r.text for r in replies]
    assert "商洛" not in str(state.profile), state
