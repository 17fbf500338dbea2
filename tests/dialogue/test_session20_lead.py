"""Session 20 (lead): another kind of help asked as a question of its own after an answer (web walkthrough)."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 4)


def test_a_loan_asked_after_a_subsidy_answer_is_about_loans(dialogue: Dialogue) -> None:
    # 巴中（六）创业补贴 first; then a loan, asked without 那…呢: 巴中（七）'s 创业担保贷款, not（六）again.
    state, replies = say(dialogue, SessionState(), "巴中开个小饭馆有补贴吗", TODAY)
    assert "bazhong-2018-06" in cited(replies)
    state, replies = say(dialogue, state, "可以贷款吗，额度最高多少", TODAY)
    assert "bazhong-2018-07" in cited(replies), [r.text for r in replies]
    assert "bazhong-2018-06" not in cited(replies)
    assert any("创业担保贷款" in r.text for r in replies)


def test_the_same_kind_asked_again_goes_on_with_the_measure(dialogue: Dialogue) -> None:
    # a loan asked about the loan just shown stays on it
    state, replies = say(dialogue, SessionState(), "巴中创业担保贷款有什么条件", TODAY)
    assert "bazhong-2018-07" in cited(replies)
    state, replies = say(dialogue, state, "这个贷款利息谁出", TODAY)
    assert "bazhong-2018-07" in cited(replies)
