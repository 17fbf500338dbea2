"""Session 19 (lead): a bare "how much" right after the person told their case (web walkthrough)."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 4)


def test_a_bare_sum_after_telling_ones_case_asks_to_confirm_then_checks(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我退伍两年了 在巴中通江开了个修车铺", TODAY)
    assert state.pending, [r.kind for r in replies]
    state, replies = say(dialogue, state, "我能领多少", TODAY)
    # never the bare "没有找到" refusal: the check answers it, once the card is confirmed
    assert all(r.answer_status != "no_answer" for r in replies), [r.text for r in replies]
    assert replies[0].kind == "notice" and "确认" in replies[0].text
    assert replies[-1].kind == "confirm"
    state, replies = say(dialogue, state, "对", TODAY)
    assert not state.pending
    assert state.profile["region"]


def test_a_bare_sum_after_an_answer_is_still_about_that_measure(dialogue: Dialogue) -> None:
    # jilin-2017-07: 一次性5000元初创企业补贴 — asked first, then "how much" of it.
    state, replies = say(dialogue, SessionState(), "吉林初创企业补贴什么条件", TODAY)
    assert "jilin-2017-07" in cited(replies)
    state, replies = say(dialogue, state, "能拿多少钱", TODAY)
    assert "jilin-2017-07" in cited(replies)
    assert any("5000元" in r.text for r in replies)
