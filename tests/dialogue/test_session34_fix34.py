"""Session 34 (task fix34): a card of facts asks 对吗？对的话我接着帮您查… — a yes of wanting or of an act said alone
(要, 需要, 想, 登记了) is the natural reply and accepts the card; one with more in it still answers something else."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 6)
TOLD = "我在长春，去年大学毕业，现在还没找到工作"


@pytest.mark.parametrize("said", ["要", "需要", "想", "可以", "要的", "需要的，谢谢", "登记了"])
def test_a_yes_of_wanting_said_alone_accepts_the_card(dialogue: Dialogue, said: str) -> None:
    state, replies = say(dialogue, SessionState(), TOLD, TODAY)
    assert [r.kind for r in replies][-1] == "confirm", [r.text for r in replies]
    state, replies = say(dialogue, state, said, TODAY)
    assert state.profile.get("region") == "长春市" and not state.pending, [r.text for r in replies]
    assert replies[0].kind == "acknowledge", [r.text for r in replies]


def test_a_yes_of_an_act_with_facts_beside_it_does_not_accept_the_card_as_shown(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), TOLD, TODAY)
    state, replies = say(dialogue, state, "交了 我35岁", TODAY)
    assert not state.profile and state.pending.get("age") == 35, [r.text for r in replies]
