"""Session 19 (issue 12, task chat14): the classes of chats set 11's failed turns — through the dialogue
core, in our own wording (written from the source texts, not from the set's phrasing)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.dialogue.words import load_vocabulary
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 10)


# -- (a) A-not-A only asks when its first character is a word of its own ---------------------------


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("中考没考上，在家帮忙", False),  # 中考 is the exam: "did not pass", no question
        ("去年报考没考上", False),
        ("你们这边办没办过这种补贴", True),
        ("他去没去登记都不知道，有补贴吗", True),
        ("创业贷款是不是要担保", True),
    ],
)
def test_a_not_a_inside_a_word_is_no_question(message: str, asks: bool) -> None:
    assert load_vocabulary().is_question(message) is asks


def test_failing_an_exam_is_told_about_oneself_not_asked(dialogue: Dialogue) -> None:
    # 平顶山（十七）: 城乡未继续升学的初高中毕业生 … 劳动预备制培训 — whoever tells this is carded, not searched.
    state, replies = say(dialogue, SessionState(), "宝丰县的 18岁 今年中考没考上 在家闲着", TODAY)
    assert [r.kind for r in replies] == ["confirm"]
    assert state.pending["region"] == "宝丰县" and state.pending["age"] == 18


# -- (b) praise of the assistant with thanks closes ------------------------------------------------


@pytest.mark.parametrize("message", ["多谢 你真耐心", "你太专业了，谢谢啦", "谢谢，您可真细心"])
def test_thanks_with_praise_closes_after_an_answer(dialogue: Dialogue, message: str) -> None:
    # 吉林（七）: 初创企业补贴 一次性5000元.
    state, replies = say(dialogue, SessionState(), "吉林初创企业补贴多少", TODAY)
    assert any("jilin-2017-07" in r.clause_ids for r in replies if r.kind == "answer")
    _, replies = say(dialogue, state, message, TODAY)
    assert replies and not any(r.kind == "answer" for r in replies), [r.text for r in replies]


@pytest.mark.parametrize("message", ["你好", "你好，我想问问补贴", "这个政策挺好的 我能领吗"])
def test_a_greeting_or_a_question_is_no_praise(message: str) -> None:
    assert load_vocabulary().closing(message) is None


# -- (c) a place, then a bare request to look up "the subsidies" ---------------------------------


@pytest.mark.parametrize(
    ("message", "place"),
    [
        ("安岳县 帮我查下政策", "安岳县"),
        ("洛南的 给我对一下补贴", "洛南县"),
        ("在梅河口，麻烦测下我的补贴", "梅河口市"),
    ],
)
def test_a_place_then_a_bare_request_for_the_subsidies_starts_the_check_there(
    dialogue: Dialogue, message: str, place: str
) -> None:
    # Session 26 (lead's decision): recorded at once, the first question saying the place — no card.
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert [r.kind for r in replies] == ["question"], [r.text for r in replies]
    assert state.profile["region"] == place and not state.pending


def test_a_request_naming_a_subsidy_is_still_a_search(dialogue: Dialogue) -> None:
    # 资阳（八）: 创业补贴 for 就业困难人员 — named, so the documents are asked.
    state, replies = say(dialogue, SessionState(), "安岳县 帮我查下创业补贴", TODAY)
    assert replies[0].kind == "answer" and not state.pending


# -- (d) asking, then telling someone else's case ------------------------------------------------


@pytest.mark.parametrize("message", ["前几年厂子倒闭了", "近几个月一直在家", "这几年在外地打工"])
def test_a_few_years_back_is_told_not_asked(message: str) -> None:
    assert not load_vocabulary().is_question(message)


def test_how_many_years_is_still_asked() -> None:
    assert load_vocabulary().is_question("社保要交几年才行")


def test_a_bare_asking_word_then_a_relatives_case_checks_for_them(dialogue: Dialogue) -> None:
    # 吉林（八）: 中职毕业生 … 就业见习 — the nephew's case is carded for him, not searched as a question.
    state, replies = say(dialogue, SessionState(), "我想问下 我外甥在白山 前年中专毕业的", TODAY)
    assert replies[-1].kind == "confirm" and state.for_someone_else
    assert state.pending["region"] == "白山市" and state.pending["graduation_date"].startswith("2024")


def test_asking_for_a_parent_who_was_laid_off_years_ago_cards_the_parent(dialogue: Dialogue) -> None:
    # 平顶山（二十二）: 领取失业保险金期满仍未就业 … 距法定退休年龄不足1年 — the parent's case.
    state, replies = say(dialogue, SessionState(), "替我爸问问 他57了 卫东区的 前几年单位破产了", TODAY)
    assert replies[-1].kind == "confirm" and state.for_someone_else
    assert state.pending["age"] == 57 and state.pending["region"] == "卫东区"


def test_a_bare_asking_word_then_ones_own_case_is_still_ones_own(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "问一下 我在白山 前年中专毕业的", TODAY)
    assert replies[-1].kind == "confirm" and not state.for_someone_else
