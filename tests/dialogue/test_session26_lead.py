"""Session 26 (lead, from a newcomer walkthrough): 脱贫户 — what people call a 建档立卡 household today —
is that household category, told alone, through the dialogue core, in our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 8)


@pytest.mark.parametrize(
    "told",
    ["我是安岳的 今年47 家里是脱贫户", "我在通江 我们是脱贫家庭 想找点活干", "我商州的 家里属于脱贫人口 还没工作"],
)
def test_a_household_lifted_out_of_poverty_is_the_registered_poor_household(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert replies[-1].kind == "confirm", [r.text for r in replies]
    assert "poverty_registered" in (state.pending.get("household") or []), state.pending
