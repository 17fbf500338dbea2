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


@pytest.mark.parametrize(
    "told", ["我是大专毕业的，在吉林市开了家小饭馆，有什么补贴", "我大学毕业，在长春开了个网店，有啥补贴"]
)
def test_a_graduate_running_a_shop_hears_the_startup_grant_first(dialogue: Dialogue, told: str) -> None:
    # 吉林（七）: 一次性5000元初创企业补贴 — the situation's words (高校毕业生 自主创业) name only the 社保补贴 of
    # （八）, which states no figure: the person's own words, which list what there is, are answered.
    _, replies = say(dialogue, SessionState(), told, TODAY)
    assert replies[0].kind == "answer", [r.text for r in replies]
    assert "5000元" in replies[0].text.split("依据政策原文")[0], replies[0].text
