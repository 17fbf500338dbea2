"""Session 32 (issue 12, task chat37): classes of chats set 24, in our own words —
- a place one goes (or went) to for work (去福建打工, 去深圳当了半年保安) is a destination, not where the person is: the
  card keeps their place, and the question beside it is asked where they live, never "福建 is not covered";
- a home in the countryside (俺家是乡下的) is a fact for the card, not a message the bot cannot read."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 5)


def test_a_place_gone_to_for_work_is_no_place_of_the_persons(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在通江 50岁", TODAY)
    state, replies = say(dialogue, state, "过完年打算跟着村里的人去福建打工 路费给报销不", TODAY)
    assert state.pending.get("region") == "通江县", [r.text for r in replies]
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and answers[0].citations, [r.text for r in replies]
    assert "福建" not in answers[0].text, answers[0].text


def test_a_place_worked_in_and_come_back_from_keeps_the_card_place(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在安岳", TODAY)
    state, replies = say(dialogue, state, "前年去深圳当了半年保安 现在回来了 没事干", TODAY)
    assert state.pending.get("region") == "安岳县", [r.text for r in replies]
    assert state.pending.get("employment_status") == "unemployed", [r.text for r in replies]


def test_a_home_in_the_countryside_is_a_fact_for_the_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "叶县的 19 初中没念完", TODAY)
    state, replies = say(dialogue, state, "俺家是乡下的", TODAY)
    assert state.pending.get("rural_labor") is True, [r.text for r in replies]
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
