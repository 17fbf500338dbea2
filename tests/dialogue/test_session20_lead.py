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


def test_a_loan_asked_by_its_verb_is_about_loans(dialogue: Dialogue) -> None:
    # 能贷多少 after a subsidy answer: the loan of 巴中（七）, not the subsidy of（六）again
    state, replies = say(dialogue, SessionState(), "巴中开个小饭馆有补贴吗", TODAY)
    state, replies = say(dialogue, state, "那最多能贷多少", TODAY)
    assert "bazhong-2018-07" in cited(replies), [r.text for r in replies]


def test_a_place_only_heard_of_leaves_the_persons_own_place(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在巴中通江，前年下岗了一直没上班", TODAY)
    state, replies = say(dialogue, state, "对", TODAY)
    state, replies = say(dialogue, state, "听人说资阳那边开店有补贴，我们这边有没有", TODAY)
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and all(c.startswith("bazhong-") for c in cited(answers)), [r.text for r in replies]


def test_a_supposed_case_is_not_ruled_out_by_the_facts_given(dialogue: Dialogue) -> None:
    # told: out of work; asked: what if they started a business — the start-up subsidy is not "不符合"
    state, replies = say(dialogue, SessionState(), "我弟弟在资阳雁江，失业快一年了", TODAY)
    state, replies = say(dialogue, state, "对", TODAY)
    state, replies = say(dialogue, state, "那他要是自己开个店呢", TODAY)
    assert "ziyang-2017-08" in cited(replies), [r.text for r in replies]
    assert not any("不符合" in r.text for r in replies), [r.text for r in replies]
