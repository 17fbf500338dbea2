"""Session 35 (issues 12 and 10, task chat44): which answer a question or a follow-up gets in a conversation — the
classes of chats set 27's failed answer turns, in our own wording (written from the source texts, not the set's)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.dialogue.words import load_vocabulary
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 6)


# -- (a) a courtesy right after an answer takes in that answer: never a yes to the card waiting beside it ----------


def _card_beside_an_answer(dialogue: Dialogue) -> SessionState:
    """A card waits; the next message tells one more fact and asks — the card changes and is shown beside the
    answer (the count of cards passed over starts again: the card is new, the answer is not)."""
    state, _ = say(dialogue, SessionState(), "我在安岳县 今年四十六 家里是低保户", TODAY)
    state, replies = say(dialogue, state, "我还是残疾人 去扶贫车间上班 车间有补贴不", TODAY)
    assert any(r.kind == "answer" and r.clause_ids for r in replies), [r.text for r in replies]
    assert any(r.kind == "confirm" for r in replies) and state.pending and not state.profile, state
    return state


@pytest.mark.parametrize("message", ["中 谢谢恁", "好嘛 谢谢你哈大爷", "好的明白", "唉 知道了", "哎 行吧"])
def test_a_courtesy_after_an_answer_never_confirms_the_card_beside_it(dialogue: Dialogue, message: str) -> None:
    before = _card_beside_an_answer(dialogue)
    state, replies = say(dialogue, before, message, TODAY)
    assert state.profile == before.profile and state.pending == before.pending, (state.profile, message)
    assert replies and replies[0].kind == "notice" and not cited(replies), [r.text for r in replies]


@pytest.mark.parametrize("message", ["嗯", "对", "好"])
def test_a_bare_yes_after_an_answer_still_confirms_the_card(dialogue: Dialogue, message: str) -> None:
    before = _card_beside_an_answer(dialogue)
    state, _ = say(dialogue, before, message, TODAY)
    assert state.profile.get("region") == "安岳县" and not state.pending, state.profile


def test_thanks_then_a_place_goes_on_asking(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "巴中创业担保贷款最多贷多少", TODAY)
    _, replies = say(dialogue, state, "谢谢 资阳", TODAY)
    assert cited(replies) and all(c.startswith("ziyang") for c in cited(replies)), [r.text for r in replies]


# -- (b) a question is answered while a card waits: an A-不-A question at the end, a supposed case ------------------


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("店里招了个残疾人 政府奖不奖", True),
        ("合作社招人政府补不补", True),
        ("我高考没考", False),
        ("高考没考上", False),
    ],
)
def test_an_a_not_a_closing_the_message_asks(text: str, asks: bool) -> None:
    assert load_vocabulary().is_question(text) is asks


def test_an_a_not_a_question_is_answered_while_the_card_waits(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在叶县 开了个小超市", TODAY)
    state, replies = say(dialogue, state, "超市招贫困户政府奖不奖", TODAY)
    assert cited(replies) and all(c.startswith("pingdingshan") for c in cited(replies)), [r.text for r in replies]
    assert replies[-1].kind == "confirm" and not state.profile, [r.text for r in replies]


def test_a_supposed_case_is_answered_while_the_card_waits(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在巴州区 在厂里上班 交了社保", TODAY)
    state, replies = say(dialogue, state, "要是厂里把我裁了 我能拿啥", TODAY)
    assert cited(replies) and all(c.startswith("bazhong") for c in cited(replies)), [r.text for r in replies]
    assert replies[-1].kind == "confirm" and not state.profile, [r.text for r in replies]


def test_asking_for_the_check_while_the_card_waits_still_asks_to_confirm(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在巴州区 在厂里上班 交了社保", TODAY)
    _, replies = say(dialogue, state, "我能领什么补贴", TODAY)
    assert [r.kind for r in replies] == ["notice", "confirm"], [r.text for r in replies]


# -- (c) 那X呢 naming something else: asked as the last question was, where the last answer was ----------------------


def test_something_else_named_alone_is_asked_as_before_where_the_answer_was(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "巴中 技能大师工作室 能补多少钱", TODAY)
    state, replies = say(dialogue, state, "那培训基地呢", TODAY)
    assert cited(replies) == {"bazhong-2018-17"}, [r.text for r in replies]
    assert "50万元" in replies[0].text, replies[0].text


def test_a_supposed_case_after_an_answer_stays_with_its_measure(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "平顶山 失业金领完了离退休不到一年 咋整", TODAY)
    state, replies = say(dialogue, state, "要是还差两年多呢", TODAY)
    assert cited(replies) and all(c.startswith("pingdingshan") for c in cited(replies)), [r.text for r in replies]
