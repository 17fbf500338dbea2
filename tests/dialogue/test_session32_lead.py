"""Session 32, the lead's fixes from the whole-diff review, in our own words:
- a number typed at a question whose options hold numbers (证书是哪一级: 中级（四级）…) is not a button's place;
- handing the next question back is 你接着问, never a bare 问: 请问… beside it still asks;
- the speaker as a boss is asked about hiring only when a hire is said; someone hired by a boss is not the boss;
- a message far over the limit is declined before any work on its spaces."""

from __future__ import annotations

import time
from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState
from knowledge.query import MAX_QUESTION_CHARS, QueryError, clean_question
from tests.dialogue.speaking import press, say

TODAY = date(2026, 12, 5)


def _at_certificate_level(dialogue: Dialogue) -> SessionState:
    state, _ = say(dialogue, SessionState(), "我在长春 在厂里上班 交了三年社保 考了个电工证", TODAY)
    state, replies = press(dialogue, state, "ok", TODAY)
    for _ in range(8):
        question = [r for r in replies if r.kind == "question"][-1]
        labels = [b.label for row in question.buttons for b in row]
        if "中级（四级）" in labels:
            return state
        actions = [b.action for row in question.buttons for b in row]
        state, replies = press(dialogue, state, next((a for a in actions if a.startswith("none")), actions[0]), TODAY)
    raise AssertionError("the certificate level was never asked")


def test_a_level_number_is_not_the_place_of_a_button(dialogue: Dialogue) -> None:
    state = _at_certificate_level(dialogue)
    for typed in ("4", "四"):
        after, _ = say(dialogue, state, typed, TODAY)
        # The fourth button is 高级（三级）: typing 4 / 四 never records it.
        assert after.profile.get("certificate_level") != "senior", (typed, after.profile)


def _texts(replies: tuple[Reply, ...]) -> str:
    return "\n".join(r.text for r in replies)


def test_a_question_beside_handing_back_is_still_asked(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在巴中 刚从广州打工回来 四十岁", TODAY)
    assert any(r.kind == "confirm" for r in replies), _texts(replies)
    _, replies = say(dialogue, state, "你接着问吧，请问创业担保贷款最多能贷多少", TODAY)
    assert any(r.kind == "answer" for r in replies), _texts(replies)


def test_a_boss_who_hires_nobody_is_not_answered_with_hiring_measures(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "我在资阳开了个小面馆 我是老板 能享受啥补贴", TODAY)
    assert "当老板招人" not in _texts(replies), _texts(replies)


def test_someone_a_boss_hired_is_not_the_boss(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "我在巴中 我是老板招来的大学生 我能领啥补贴", TODAY)
    assert "不是发给被招的人" not in _texts(replies), _texts(replies)


def test_a_boss_who_hires_is_answered_with_the_employers_measures(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "我在平顶山 俺当老板 招了俩刚毕业的大学生 俺能领啥补贴", TODAY)
    assert any(r.kind == "answer" and r.citations for r in replies), _texts(replies)


def test_a_huge_spaced_message_is_declined_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(QueryError, match="问题太长了"):
        clean_question("补 贴 " * (MAX_QUESTION_CHARS * 50))
    assert time.perf_counter() - started < 0.5
