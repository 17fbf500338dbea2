"""Session 38 prep (issues 12 and 10, task next38d): answer and follow-up classes of the newcomer walk (walk37,
chat48 A1–A6), in our own wording (written from the source texts, not the sets')."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 13)


# -- (A2) a when-question after a measure is asked of that measure, and told plainly when the text says no time ----
# 啥时候能拿到 asks a time (a date); the clauses state none: the answer says the document does not state when, of the
# measure just shown, with its clause — it neither repeats the measure's grant nor switches to a neighbour.

WHEN_NOT_STATED = [
    ("平顶山就业见习补贴一个月多少钱", "啥时候能拿到", "就业见习补贴", "pingdingshan-2020-13"),
    ("平顶山失业补助金能领多少", "什么时候发", "失业补助金", "pingdingshan-2020-22"),
]


@pytest.mark.parametrize(("first", "then", "measure", "clause"), WHEN_NOT_STATED)
def test_a_when_question_after_a_measure_says_the_document_states_no_time_for_that_measure(
    dialogue: Dialogue, first: str, then: str, measure: str, clause: str
) -> None:
    state, replies = say(dialogue, SessionState(), first, TODAY)
    assert clause in cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, then, TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    first_line = next(line for line in answer.text.splitlines() if line.startswith("按"))
    assert measure in first_line and "没有写明具体时间" in first_line, answer.text
    assert clause in cited(replies), answer.text
    assert state.thread is not None and state.thread.measure == measure, state.thread


# -- (A3) a follow-up naming its own kind of help as the person's own (俺那个贷款) asks that kind -------------------
# 这个补贴 / 那笔贷款 point at the measure just shown; after 我/俺/咱 the same words are possessive (俺那个贷款 is the
# person's loan, told of before): a loan asked after a training subsidy is asked as a loan, where the thread is.

OWN_KIND_AFTER_ANOTHER = [
    ("资阳职业培训补贴多少钱", "俺那个贷款最多能贷多少钱？", "ziyang-2017-22", "贷"),
    ("平顶山就业见习补贴一个月多少钱", "我那个贷款能贷多少", "pingdingshan-2020-13", "贷"),
]


@pytest.mark.parametrize(("first", "then", "shown_clause", "kind"), OWN_KIND_AFTER_ANOTHER)
def test_a_follow_up_naming_the_persons_own_kind_of_help_is_not_asked_of_the_measure_just_shown(
    dialogue: Dialogue, first: str, then: str, shown_clause: str, kind: str
) -> None:
    state, replies = say(dialogue, SessionState(), first, TODAY)
    assert shown_clause in cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, then, TODAY)
    assert shown_clause not in cited(replies), [r.text for r in replies]
    assert state.thread is not None and kind in (state.thread.measure or ""), state.thread
