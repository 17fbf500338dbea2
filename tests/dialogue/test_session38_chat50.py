"""Session 38 (issues 12 and 10, task chat50): which answer a question or a follow-up gets in a conversation — the
classes of chats set 30's failed answer turns, in our own wording (written from the source texts, not the set's)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.dialogue.words import load_vocabulary
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 20)


# -- (a) 西南官话 有…没得 (= 有没有) asks, as 有…没有 and 有…不 do ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("那边有补贴没得", True),
        ("像我们这种有创业补贴没得", True),
        ("开小卖部的有贷款没得", True),
        ("我屋头啥子都没得", False),  # a plain "have none": no 有 before it
        ("钱也没得 活也没得", False),
    ],
)
def test_you_mei_de_closing_a_phrase_asks(text: str, asks: bool) -> None:
    assert load_vocabulary().is_question(text) is asks


def test_a_you_mei_de_question_is_answered_while_the_card_waits(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我平昌的 在县城开了个小卖部 开了两年了 是就业困难人员", TODAY)
    state, replies = say(dialogue, state, "像我这种有创业补贴没得", TODAY)
    assert "bazhong-2018-06" in cited(replies), [r.text for r in replies]
    assert replies[-1].kind == "confirm" and not state.profile, [r.text for r in replies]


# -- (b) a follow-up naming another measure of the clause just shown (by its words or its figure) asks that measure --


def test_a_sibling_measure_named_after_an_answer_is_asked_not_the_measure_answered(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "吉林省的创业园区有什么扶持", TODAY)
    assert "jilin-2017-07" in cited(replies), [r.text for r in replies]
    assert state.thread is not None and "孵化" in (state.thread.measure or ""), state.thread
    state, replies = say(dialogue, state, "那个5000块的初创补贴咋领", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    first = answer.text.split("依据政策原文")[0]
    assert "初创企业补贴" in first and "孵化" not in first, answer.text
    assert state.thread is not None and state.thread.measure == "初创企业补贴", state.thread


# -- (c) a bare question right after the person told their situation asks of what they told, not the answer before --


def test_a_bare_sum_asked_after_a_told_certificate_is_asked_of_that_certificate(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在资阳雁江区 今年31", TODAY)
    state, replies = say(dialogue, state, "失业保险金最长能领多久", TODAY)
    assert "ziyang-2017-05" in cited(replies), [r.text for r in replies]
    state, _ = say(dialogue, state, "我在电子厂上了五年班 失业保险一直在交 今年九月拿了个电工中级证", TODAY)
    assert state.thread is not None and state.thread.told_since, state.thread
    state, replies = say(dialogue, state, "这个能补多少", TODAY)
    assert "ziyang-2017-22" in cited(replies), [r.text for r in replies]
    assert "ziyang-2017-05" not in cited(replies), [r.text for r in replies]


def test_words_of_the_clause_shown_still_go_on_from_it_after_a_told_place(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "平顶山失业登记去哪里办", TODAY)
    assert "pingdingshan-2020-19" in cited(replies), [r.text for r in replies]
    state, _ = say(dialogue, state, "我老家是许昌的 在卫东区住了三年了", TODAY)
    state, replies = say(dialogue, state, "登记了有什么好处", TODAY)
    assert "pingdingshan-2020-19" in cited(replies), [r.text for r in replies]
