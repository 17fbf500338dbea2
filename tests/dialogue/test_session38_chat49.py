"""Session 38 (issue 12, task chat49): what the chat understands of the person — the classes of chats set 30's failed
confirm / interview / courtesy turns, in our own wording (written from the source texts, not the set's)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 20)


# -- (a) a bare place heading a self-description that ends in a question is the speaker's place ---------------------


def test_a_place_heading_what_the_speaker_tells_before_a_question_is_their_place(dialogue: Dialogue) -> None:
    message = "宝丰 俺开了个烧烤店三年了 想贷个创业担保贷款 要啥条件"
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert state.pending.get("region") == "宝丰县", state.pending
    assert state.pending.get("employment_status") == "self_employed", state.pending
    assert any(c.startswith("pingdingshan-2020-") for c in cited(replies)), [r.text for r in replies]


def test_the_measure_the_speaker_wants_is_what_a_bare_question_after_it_asks(dialogue: Dialogue) -> None:
    reading = dialogue.reader.read("宝丰 俺开了个烧烤店三年了 想贷个创业担保贷款 要啥条件")
    assert "创业担保贷款" in reading.question and "宝丰" in reading.question, reading
    assert reading.statement.startswith("宝丰"), reading


def test_a_place_before_a_question_stays_the_questions_context(dialogue: Dialogue) -> None:
    reading = dialogue.reader.read("巴中那边，我开店有补贴吗")
    assert not reading.statement.startswith("巴中"), reading


# -- (b) a graduation told by its diploma got (才拿的毕业证) corrects the graduation date -----------------------------


def test_a_diploma_got_in_a_month_corrects_the_graduation_date_on_the_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "郏县的 毕业两年了 一直打零工", TODAY)
    assert state.pending.get("graduation_date") == "2024-12-20", state.pending
    state, replies = say(dialogue, state, "不对 我是大前年十一月才领的毕业证", TODAY)
    assert state.pending.get("graduation_date") == "2023-11-30", [r.text for r in replies]
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]


# -- (c) 俺 / 咱 are 我 in the phrases that ask for the check (适合俺的补贴) -------------------------------------------


@pytest.mark.parametrize("message", ["想瞅瞅有没有适合俺的补贴", "有啥补贴适合咱的政策不"])
def test_asking_for_subsidies_that_suit_an_or_zan_starts_the_check(dialogue: Dialogue, message: str) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert replies[-1].kind == "question" and not cited(replies), [r.text for r in replies]
    assert state.interviewing, state


# -- (d) putting the rest off to later (回头再说, 改天再问) after an answer is a goodbye, never a yes to the card ------


@pytest.mark.parametrize("later", ["行 回头再说", "好 改天再问吧"])
def test_putting_off_to_later_after_an_answer_leaves_the_card_unconfirmed(dialogue: Dialogue, later: str) -> None:
    state, _ = say(dialogue, SessionState(), "我是郏县一个养殖场的老板", TODAY)
    assert state.pending.get("region") == "郏县", state.pending
    state, replies = say(dialogue, state, "招退役军人有啥说法", TODAY)
    assert cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, later, TODAY)
    assert not state.profile and state.pending.get("region") == "郏县", (state, [r.text for r in replies])
    assert not cited(replies) and all(r.kind == "notice" for r in replies), [r.text for r in replies]


# -- (e) the age at a past event (十八岁就出去打工) is not the age now ---------------------------------------------


def test_the_age_at_a_past_event_is_not_the_age_now(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我是洛南的 今年41 二十岁那年就去广州电子厂做 前年辞工回来了", TODAY)
    assert state.pending.get("age") == 41, state.pending
