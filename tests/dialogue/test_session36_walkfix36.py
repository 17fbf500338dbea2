"""Session 36 (issue 12, task walkfix36): defects of the newcomer walk walk36. In a relative's check (帮家人查) a
sentence of an answer that speaks of the one checked names them (您父亲目前不符合), never 您 — which the speaker
reads as themselves; what is said to the speaker (按您说的情况, 您问的) stays the speaker's."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState
from tests.dialogue.speaking import press, say

TODAY = date(2026, 12, 6)

FATHER = "我爸，58岁，在安岳，在家务农，有残疾证"


def _texts(replies: tuple[Reply, ...]) -> list[str]:
    return [r.text for r in replies]


def _fathers_check(dialogue: Dialogue) -> SessionState:
    state, _ = say(dialogue, SessionState(), "帮家人查", TODAY)
    state, replies = say(dialogue, state, FATHER, TODAY)
    assert state.for_someone_else and state.pending, _texts(replies)
    state, replies = press(dialogue, state, "ok", TODAY)
    assert state.profile.get("age") == 58, _texts(replies)
    return state


# -- W36: a misfit said of the relative checked names the relative --------------------------------------------------


@pytest.mark.parametrize("asked", ["他能领社保补贴吗", "他能领公益性岗位补贴吗"])
def test_a_misfit_in_a_relatives_check_names_the_relative_and_keeps_what_the_speaker_said(
    dialogue: Dialogue, asked: str
) -> None:
    state = _fathers_check(dialogue)
    state, replies = say(dialogue, state, asked, TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "不符合" in answer.text, answer.text
    assert "您目前不符合" not in answer.text and "您父亲目前不符合" in answer.text, answer.text
    assert "按您说的情况" in answer.text, answer.text


def test_the_speakers_own_question_in_a_relatives_check_is_still_said_to_the_speaker(dialogue: Dialogue) -> None:
    state = _fathers_check(dialogue)
    state, replies = say(dialogue, state, "我自己在资阳能领创业补贴吗", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "您父亲" not in answer.text, answer.text


# -- W27: a fact said the other way takes off the card's fact that settled it ----------------------------------------


@pytest.mark.parametrize("confirm_first", [False, True])
def test_no_social_insurance_said_after_insured_since_starting_flips_the_business_insurance(
    dialogue: Dialogue, confirm_first: bool
) -> None:
    state, replies = say(dialogue, SessionState(), "我在安岳开了个小店，是个体工商户，创业后交了社保", TODAY)
    assert state.pending.get("business_insured") is True, _texts(replies)
    if confirm_first:
        state, replies = press(dialogue, state, "ok", TODAY)
        assert state.profile.get("business_insured") is True, _texts(replies)
    state, replies = say(dialogue, state, "不对，我没交社保", TODAY)
    assert state.pending.get("social_insurance_paid") is False, (_texts(replies), state.pending)
    assert state.pending.get("business_insured") is False, (_texts(replies), state.pending)
    card = next(r for r in replies if r.kind == "confirm")
    assert re.search(r"创业后参加社会保险：(?:是 → )?否", card.text), card.text
