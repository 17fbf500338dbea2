"""Session 35 (issue 12, task chat43): what the chat understands about the person — the classes of chats set 27's
failed turns, in our own wording (written from the source texts, not from the set's phrasing)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.present.prose import prose
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 6)


def _card_passed_over(dialogue: Dialogue) -> SessionState:
    """A card of facts, then two questions asked past it: the second answer goes out with the card pointed to in one
    line, not shown again (session 37: the whole card only when new or changed)."""
    state, replies = say(dialogue, SessionState(), "我在安岳 42岁 没工作", TODAY)
    assert replies[-1].kind == "confirm" and state.pending, [r.text for r in replies]
    state, replies = say(dialogue, state, "资阳创业担保贷款能贷多少", TODAY)
    assert any(r.kind == "answer" for r in replies), [r.text for r in replies]
    state, replies = say(dialogue, state, "那职业培训补贴呢", TODAY)
    pointer = prose().reminders.card.split("{", 1)[0]
    assert any(r.kind == "answer" for r in replies), [r.text for r in replies]
    assert all(r.text.startswith(pointer) for r in replies if r.kind == "confirm"), [r.text for r in replies]
    return state


def _takes_in_the_answer_passed_over(dialogue: Dialogue, said: str) -> None:
    """`said` after the card was passed over takes in the answer: a notice, nothing put on the card."""
    before = _card_passed_over(dialogue)
    state, replies = say(dialogue, before, said, TODAY)
    assert not state.profile and state.pending == before.pending, [r.text for r in replies]
    assert replies and replies[0].kind == "notice", [r.text for r in replies]
    assert not any(r.kind in {"answer", "question", "acknowledge"} for r in replies), [r.text for r in replies]


# -- (a) a bare yes right after an answer that went out without the card takes in that answer -------------------


@pytest.mark.parametrize("said", ["好的明白", "哎 好吧", "行 知道了"])
def test_a_yes_after_an_answer_sent_without_the_card_takes_in_the_answer(dialogue: Dialogue, said: str) -> None:
    _takes_in_the_answer_passed_over(dialogue, said)


@pytest.mark.parametrize("said", ["嗯", "好的"])
def test_a_bare_ok_after_an_answer_takes_in_the_answer_too(dialogue: Dialogue, said: str) -> None:
    # Session 39 (chat51) reversed session 35 here: a bare "ok" said to the answer just read takes it in — the card
    # beneath it, a line only, waits for 对 or its button (that is right still confirms it).
    _takes_in_the_answer_passed_over(dialogue, said)
    before = _card_passed_over(dialogue)
    state, replies = say(dialogue, before, "对", TODAY)
    assert state.profile.get("age") == 42 and not state.pending, [r.text for r in replies]


def test_a_yes_to_a_card_just_shown_still_confirms_it(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在安岳 42岁 没工作", TODAY)
    state, replies = say(dialogue, state, "行吧", TODAY)
    assert state.profile.get("age") == 42 and not state.pending, [r.text for r in replies]


# -- (b) thanks said with "you" as the regions say it, or with whom they are said to, are thanks -----------------


@pytest.mark.parametrize("said", ["中 多谢恁", "好 谢了大哥", "谢谢你啊姐姐", "行 谢谢侬"])
def test_thanks_with_a_dialect_you_or_a_form_of_address_are_thanks(dialogue: Dialogue, said: str) -> None:
    _takes_in_the_answer_passed_over(dialogue, said)


# -- (c) 88 is a goodbye in chat — never an age read into the card ------------------------------------------------


@pytest.mark.parametrize("said", ["好 88", "88"])
def test_88_with_no_question_waiting_is_a_goodbye(dialogue: Dialogue, said: str) -> None:
    state, replies = say(dialogue, SessionState(), "我在安岳 没工作", TODAY)
    assert replies[-1].kind == "confirm", [r.text for r in replies]
    before = state
    state, replies = say(dialogue, before, "资阳创业担保贷款能贷多少", TODAY)
    state, replies = say(dialogue, state, said, TODAY)
    assert "age" not in state.pending and not state.profile, [r.text for r in replies]
    assert [r.kind for r in replies] == ["notice"], [r.text for r in replies]


# -- (d) when the job was lost, said by its date, is how long the person has been out of work ---------------------


@pytest.mark.parametrize(
    ("said", "months"),
    [
        # 去年 alone is 11 to 23 months, across 连续失业1年以上 (就业困难人员): never guessed, asked (session 43; was 17
        # from an assumed June 30 of 2025)
        ("延吉的 去年被厂里裁了 一直没找着活", None),
        ("前年下岗的 在家呆着", 29),
        ("2026年3月厂子倒闭了 现在没工作", 8),
    ],
)
def test_a_dated_job_loss_gives_how_long_out_of_work(dialogue: Dialogue, said: str, months: int | None) -> None:
    state, replies = say(dialogue, SessionState(), said, TODAY)
    assert state.pending.get("unemployed_months") == months, [r.text for r in replies]


def test_a_job_lost_before_the_work_done_now_gives_no_time_out_of_work(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "去年被公司辞退了 现在在跑外卖", TODAY)
    assert "unemployed_months" not in state.pending, [r.text for r in replies]


# -- (e) saying one only talks and asks nothing is no question: what is told goes on the card ---------------------


@pytest.mark.parametrize("said", ["随便聊聊 没想问什么 我在乐至 前年下岗了", "我就是讲讲 不打听啥 汝州的 下岗两年了"])
def test_telling_with_nothing_asked_gets_the_card(dialogue: Dialogue, said: str) -> None:
    state, replies = say(dialogue, SessionState(), said, TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending.get("employment_status") == "unemployed" and state.pending.get("region"), state.pending


# -- (f) a college sat for and not got into is no college schooling -----------------------------------------------


@pytest.mark.parametrize(
    ("said", "graduated"),
    [("我闺女在巴中 今年高考没考上 19了", "2026-06-30"), ("大学没考上 在通江屋头帮忙", None)],
)
def test_a_college_not_got_into_is_high_school(dialogue: Dialogue, said: str, graduated: str | None) -> None:
    state, replies = say(dialogue, SessionState(), said, TODAY)
    assert state.pending.get("education") == "high_school", [r.text for r in replies]
    assert state.pending.get("graduation_date") == graduated, state.pending


@pytest.mark.parametrize("said", ["谢了大兄弟 88", "行 88"])
def test_88_to_a_question_of_options_is_a_goodbye_never_an_age(dialogue: Dialogue, said: str) -> None:
    # A list of options takes only its own numbers: 88 answers none of them (the lead's session 35 walk read
    # 谢了大兄弟 88 as a correction of the age told, 42 → 88).
    state, replies = say(dialogue, SessionState(), "我在巴中 上个月被裁了 今年42岁", TODAY)
    assert replies[-1].kind == "confirm", [r.text for r in replies]
    state, replies = say(dialogue, state, "对", TODAY)
    assert replies[-1].kind == "question" and len(replies[-1].buttons) > 3, [r.text for r in replies]
    age = state.profile.get("age")
    state, replies = say(dialogue, state, said, TODAY)
    assert state.profile.get("age") == age == 42 and not state.pending, [r.text for r in replies]
    assert [r.kind for r in replies] == ["notice"], [r.text for r in replies]
