"""Session 38 (walk38, task next39t): a list shown is counted as the person counts it, an aspect whose document says
nothing more is said so plainly, and a new place asking what help there is starts a new thread — on the real index,
in our own wording (the walk's conversation: 资阳 安岳县, her husband, her son)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, press, say

TODAY = date(2026, 12, 6)


def _from(dialogue: Dialogue, messages: list[str]) -> tuple[SessionState, tuple[str, ...]]:
    state: SessionState = SessionState()
    state, _ = say(dialogue, state, "我在资阳安岳县", TODAY)
    state, _ = press(dialogue, state, "drop", TODAY)
    texts: tuple[str, ...] = ()
    for message in messages:
        state, replies = say(dialogue, state, message, TODAY)
        texts = tuple(r.text for r in replies)
    return state, texts


# -- (1) 第三条 counts the items of the list shown, while follow-ups went on about one of them ----------------------
# 那他呢？有啥补贴？ lists three measures of 资阳; 多久到账 and 在哪办 go on about one of them (one clause each shown);
# 第三条呢 next is the list's third item — never article （三） of 资阳's document.

ITEM_AFTER_FOLLOW_UPS = [
    ["资阳高校毕业生有啥补贴", "多久到账？", "在哪办？", "第三条呢？"],
    ["资阳高校毕业生有啥补贴", "第三条呢？"],
]


@pytest.mark.parametrize("messages", ITEM_AFTER_FOLLOW_UPS, ids=["after two follow-ups", "right after the list"])
def test_the_nth_item_asked_after_a_list_is_the_lists_nth_item_not_the_documents_article(
    dialogue: Dialogue, messages: list[str]
) -> None:
    state, _ = _from(dialogue, messages[:1])
    assert state.thread is not None and len(state.thread.items) >= 3, state.thread
    third = state.thread.items[2]
    replies: tuple = ()
    for message in messages[1:]:
        state, replies = say(dialogue, state, message, TODAY)
    assert third in cited(replies), [r.text for r in replies]
    assert "ziyang-2017-03" not in cited(replies)


def test_an_article_named_by_its_document_is_still_the_article_after_a_list(dialogue: Dialogue) -> None:
    state, _ = _from(dialogue, ["资阳高校毕业生有啥补贴", "在哪办？"])
    state, replies = say(dialogue, state, "资阳的文件第三条写的什么", TODAY)
    assert "ziyang-2017-03" in cited(replies), [r.text for r in replies]


# -- (2) 要啥条件 of a measure whose document names no condition beyond whom it is for: said, not repeated ---------


def test_conditions_asked_of_a_measure_with_none_beyond_its_targets_are_said_plainly_not_repeated(
    dialogue: Dialogue,
) -> None:
    state, first = _from(dialogue, ["资阳求职创业补贴是给谁的"])
    state, replies = say(dialogue, state, "要啥条件？", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert answer.text not in first and "ziyang-2017-12" in cited(replies)
    assert "没有写求职创业补贴的其他申请条件" in answer.text and "困难高校毕业生" in answer.text, answer.text


def test_conditions_the_document_states_are_still_answered_with_them(dialogue: Dialogue) -> None:
    state, _ = _from(dialogue, ["吉林技能提升补贴多少钱"])
    state, replies = say(dialogue, state, "要啥条件？", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "失业保险3年以上" in answer.text and "没有写" not in answer.text.split("\n")[1], answer.text


# -- (3) a new place asking what help there is starts a new thread; 那成都呢 goes on -------------------------------

NEW_THREAD = ["成都有补贴吗", "成都那边有啥补贴", "巴中有补贴吗"]
GOES_ON = ["那成都呢", "成都也有吗", "成都有这个补贴吗"]


@pytest.mark.parametrize("asked", NEW_THREAD)
def test_a_place_the_thread_was_not_at_asking_what_help_there_is_starts_a_new_thread(
    dialogue: Dialogue, asked: str
) -> None:
    state, _ = _from(dialogue, ["资阳求职创业补贴是给谁的", "要啥条件？"])
    state, replies = say(dialogue, state, asked, TODAY)
    text = "\n".join(r.text for r in replies)
    assert "接着刚才的问题" not in text and "求职创业补贴" not in text.split("\n")[0], text


@pytest.mark.parametrize("asked", GOES_ON)
def test_a_place_asked_by_going_on_or_comparing_still_follows_the_thread(dialogue: Dialogue, asked: str) -> None:
    state, _ = _from(dialogue, ["资阳求职创业补贴是给谁的"])
    state, replies = say(dialogue, state, asked, TODAY)
    assert "接着刚才的问题" in "\n".join(r.text for r in replies), [r.text for r in replies]
