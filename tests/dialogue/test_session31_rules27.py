"""Session 31 (issue 11, task rules27): a relative's results say whose benefits they are — 您本人 is the speaker,
so a check for a relative names the relative (不发给您父亲本人, 您父亲本人可享受)."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState, Turn
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 5)


def _press(dialogue: Dialogue, state: SessionState, action: str) -> tuple[SessionState, tuple[Reply, ...]]:
    outcome = dialogue.respond(state, Turn(action=action), TODAY)
    assert outcome.state is not None
    return outcome.state, outcome.replies


def _results(dialogue: Dialogue, state: SessionState, replies: tuple[Reply, ...]) -> list[Reply]:
    """Answer every question 不清楚 until the results come."""
    for _ in range(20):
        found = [r for r in replies if r.kind == "results"]
        if found:
            return found
        asked = [r for r in replies if r.kind == "question"]
        assert asked, [r.text for r in replies]
        state, replies = say(dialogue, state, "不清楚", TODAY)
    raise AssertionError("no results after 20 answers")


def test_a_fathers_results_never_call_his_benefits_the_speakers(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在巴中 二十六 在一家超市上班", TODAY)
    state, replies = _press(dialogue, state, "ok")
    _results(dialogue, state, replies)
    state, replies = say(dialogue, state, "帮我爸也查查 他在巴中 五十九了 在工地打零工", TODAY)
    state, replies = _press(dialogue, state, "ok")
    his = _results(dialogue, state, replies)
    text = "\n".join(r.text for r in his)
    assert "为您父亲查询" in text, text
    assert "您本人" not in text, text
    assert "您父亲本人" in text, text
