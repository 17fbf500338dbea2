"""Session 33 (issue 12, task chat39): what the chat answers, in our own wording — another kind of help asked at a
place the message names (那巴中能贷款吗 after 巴中's training subsidy) is that kind there, never the last measure
again."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, reply_texts, say

TODAY = date(2026, 12, 5)


# -- (1) another kind of help asked at a named place ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "shown", "then", "loans"),
    [
        # the same place named again: the loan clause of 巴中, not its training clause
        ("巴中有啥创业培训补贴", "bazhong-2018-16", "那巴中能贷款吗", {"bazhong-2018-07"}),
        # another place named: 资阳's loans, not 资阳's counterpart of 吉林's skills subsidy
        ("吉林技能提升补贴多少钱", "jilin-2017-20", "资阳可以贷款不", {"ziyang-2017-09", "ziyang-2017-19"}),
    ],
)
def test_a_loan_asked_at_a_named_place_after_a_subsidy_is_answered_with_that_places_loans(
    dialogue: Dialogue, first: str, shown: str, then: str, loans: set[str]
) -> None:
    state, replies = say(dialogue, SessionState(), first, TODAY)
    assert shown in cited(replies), reply_texts(replies)
    _, replies = say(dialogue, state, then, TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert cited(replies) & loans, reply_texts(replies)
    assert "贷款" in answer.text.split("依据政策原文")[0], answer.text
    assert shown not in cited(replies), reply_texts(replies)


# -- (2) a certificate said as got, with the card waiting ----------------------------------------------------------


@pytest.mark.parametrize("asked", ["考了证能拿多少", "拿到证书补多少钱"])
def test_a_sum_asked_of_a_certificate_said_as_got_is_answered_of_the_cards_certificate(
    dialogue: Dialogue, asked: str
) -> None:
    state, replies = say(dialogue, SessionState(), "我在四平 40岁 交了六年失业保险 今年考下了初级电工证", TODAY)
    assert replies[-1].kind == "confirm", reply_texts(replies)
    state, replies = say(dialogue, state, asked, TODAY)
    assert "jilin-2017-20" in cited(replies), reply_texts(replies)
    answer = next(r for r in replies if r.kind == "answer")
    assert "1000元" in answer.text.split("依据政策原文")[0], answer.text
    assert replies[-1].kind == "confirm", reply_texts(replies)
    assert not state.profile, state.profile


def test_a_sum_asked_of_nothing_the_card_holds_still_asks_for_the_card_first(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在四平 40岁 厂里干了十年", TODAY)
    _, replies = say(dialogue, state, "拿了钱能补多少", TODAY)
    assert not any(r.kind == "answer" and r.clause_ids for r in replies), reply_texts(replies)


# -- (3) a no opening what was meant: the last measure goes on ----------------------------------------------------


@pytest.mark.parametrize("meant", ["不是 我是问我自己能拿多少", "不是，我本人能领多少"])
def test_a_no_opening_what_was_meant_goes_on_with_the_last_measure(dialogue: Dialogue, meant: str) -> None:
    state, replies = say(dialogue, SessionState(), "资阳就业见习补贴一个月多少钱", TODAY)
    shown = cited(replies)
    assert shown, reply_texts(replies)
    _, replies = say(dialogue, state, meant, TODAY)
    assert cited(replies) & shown, reply_texts(replies)


# -- (4) what an employer gets for hiring the speaker, asked of the speaker's situation ---------------------------


@pytest.mark.parametrize("asked", ["公司录用我 有社保补贴没", "单位要招我 单位能拿社保补贴不"])
def test_an_employer_hiring_the_speaker_is_answered_with_the_measure_for_people_like_the_speaker(
    dialogue: Dialogue, asked: str
) -> None:
    state, replies = say(dialogue, SessionState(), "我恩阳的 今年6月本科毕业 还没找到工作", TODAY)
    assert replies[-1].kind == "confirm", reply_texts(replies)
    _, replies = say(dialogue, state, asked, TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "bazhong-2018-10" in answer.clause_ids, reply_texts(replies)
    first = answer.text.split("依据政策原文")[0].split("\n")
    listed = [line for line in first if line.startswith("·")] or first
    assert "高校毕业生" in listed[0], first


# -- (5) a loan asked by its verb alone, with the card waiting ------------------------------------------------------


@pytest.mark.parametrize("asked", ["最多能贷多少", "能贷多少款"])
def test_a_loan_asked_by_its_verb_with_the_card_waiting_is_answered_with_the_places_loans(
    dialogue: Dialogue, asked: str
) -> None:
    state, replies = say(dialogue, SessionState(), "我柞水的 35岁 想回老家开个小超市", TODAY)
    assert replies[-1].kind == "confirm", reply_texts(replies)
    _, replies = say(dialogue, state, asked, TODAY)
    answer = next((r for r in replies if r.kind == "answer"), None)
    assert answer is not None and answer.clause_ids, reply_texts(replies)
    assert all(c.startswith("shangluo-2012-") for c in answer.clause_ids), answer.clause_ids
    assert "贷款" in answer.text.split("依据政策原文")[0], answer.text
    assert replies[-1].kind == "confirm", reply_texts(replies)
