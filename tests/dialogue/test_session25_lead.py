"""Session 25 (issue 12, the lead, from walk23): a story followed by a wish to ask in general words (想问问补贴的事,
想咨询一下政策方面的事情) asks nothing the documents answer — the card comes, for the check, never "没有找到"
first. Through the dialogue core, in our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    "told",
    [
        "您好 我今年31 在四平铁西区 想问问补贴的事",
        "我是通江的，今年45了，想咨询一下政策方面的事情",
        "我在资阳乐至，29岁，想了解下补助的情况",
    ],
)
def test_a_story_and_a_wish_to_ask_in_general_gets_the_card(dialogue: Dialogue, told: str) -> None:
    _, replies = say(dialogue, SessionState(), told, TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]


def test_a_story_and_a_named_subsidy_is_still_answered(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "我在四平，27岁，想了解一下创业补贴", TODAY)
    assert replies[0].kind == "answer" and replies[0].citations, [r.text for r in replies]
    assert replies[-1].kind == "confirm"


def test_an_uncovered_place_is_said_first(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "我在杭州，33岁，想问问补贴的事", TODAY)
    assert replies[0].kind == "answer" and replies[0].answer_status == "region_not_covered", [r.text for r in replies]
