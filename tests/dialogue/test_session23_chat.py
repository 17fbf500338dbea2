"""Session 23 (issue 12, task chat18): the classes of chats set 15's failed turns and the open items of the last
note — through the dialogue core, in our own wording (written from the source texts, not from the set's phrasing)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 10)


# -- (a) a group the last answer was already about is no other group for the same measure -----------------


@pytest.mark.parametrize("then", ["那转移就业呢", "转移就业嘞"])
def test_a_word_of_the_measure_shown_is_asked_alone_not_as_another_group(dialogue: Dialogue, then: str) -> None:
    # 商洛（三）: 农村劳动者转移就业…给予职业培训补贴 is shown first; 商洛（六）: 全年农村劳动力转移就业58.2万人 is what
    # 转移就业 asks next — never "转移就业 + 培训" again.
    state, replies = say(dialogue, SessionState(), "商洛每年要培训多少农民工", TODAY)
    state, replies = say(dialogue, state, then, TODAY)
    assert "shangluo-2012-06" in cited(replies), [r.text for r in replies]
    assert not any("接着刚才的问题" in r.text for r in replies), [r.text for r in replies]


def test_another_group_still_asks_the_same_measure(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "巴中创业担保贷款能贷多少", TODAY)
    _, replies = say(dialogue, state, "那退役士兵呢", TODAY)
    assert any("接着刚才的问题" in r.text and "退役士兵" in r.text for r in replies), [r.text for r in replies]


# -- (b) what one can get or qualifies for, however it is said, asks for the check -------------------------


@pytest.mark.parametrize("asked", ["帮俺瞧瞧 能领到点啥", "瞅瞅俺符合啥子", "帮我查下补贴", "我能拿到什么"])
def test_asking_what_one_can_get_starts_the_check(dialogue: Dialogue, asked: str) -> None:
    state, replies = say(dialogue, SessionState(), asked, TODAY)
    assert replies[-1].kind == "question" and state.interviewing, [r.text for r in replies]
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]


# -- (c) 那巴中呢 after a detail asked (要交税吗, 去哪办) asks that detail there ---------------------------------


def test_a_place_after_a_tax_question_asks_the_tax_there(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "资阳的创业补贴领了要交税吗", TODAY)
    _, replies = say(dialogue, state, "那巴中呢", TODAY)
    assert any(c.startswith("bazhong-2018") for c in cited(replies)), [r.text for r in replies]
    reading = next(r.text for r in replies if r.kind == "answer")
    assert "交税" in reading and "缴税" in reading, reading


def test_a_place_after_where_to_apply_asks_where_there(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "巴中的创业补贴去哪办", TODAY)
    _, replies = say(dialogue, state, "平顶山呢", TODAY)
    reading = next(r.text for r in replies if r.kind == "answer")
    assert "去哪办" in reading, reading


def test_a_repeat_asked_then_another_place_asks_the_repeat_there(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "资阳创业补贴有多少", TODAY)
    state, _ = say(dialogue, state, "第二次创业还能领吗", TODAY)
    _, replies = say(dialogue, state, "那巴中呢", TODAY)
    reading = next(r.text for r in replies if r.kind == "answer")
    assert "第二次" in reading, reading


# -- (d) an article with no document to take it from: which place's, then that place's ------------------


def test_an_article_without_a_document_asks_the_place_then_shows_it(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "第十五条", TODAY)
    assert [r.kind for r in replies] == ["notice"] and "哪个地方" in replies[0].text, [r.text for r in replies]
    state, replies = say(dialogue, state, "资阳的", TODAY)
    assert cited(replies) == {"ziyang-2017-15"}, [r.text for r in replies]
    # 16条呢: the next article of the same document, typed without 第.
    _, replies = say(dialogue, state, "16条呢", TODAY)
    assert cited(replies) == {"ziyang-2017-16"}, [r.text for r in replies]


def test_an_article_only_one_document_has_is_that_documents(dialogue: Dialogue) -> None:
    # 吉林's document alone has a 第三十条 (资阳 29, 巴中 25, 平顶山 28, 商洛 7).
    _, replies = say(dialogue, SessionState(), "第三十条", TODAY)
    assert cited(replies) == {"jilin-2017-30"}, [r.text for r in replies]


def test_a_place_whose_document_is_shorter_says_it_has_no_such_article(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "第十二条", TODAY)
    _, replies = say(dialogue, state, "商洛的", TODAY)
    assert "没有第十二条" in replies[0].text, [r.text for r in replies]


@pytest.mark.parametrize("told", ["我家有3条狗", "村里修了2条路"])
def test_a_count_of_things_with_tiao_is_no_article(dialogue: Dialogue, told: str) -> None:
    _, replies = say(dialogue, SessionState(), f"我在巴中 {told}", TODAY)
    assert not any(r.kind == "answer" and r.text.startswith("【《") for r in replies), [r.text for r in replies]
