"""Session 31 (issue 12, task chat35): conversation leftovers, in our own wording — a question pointing at a fact on
the waiting card (这个证能补多少) is answered of the card's situation, the card offered again (never 请先确认); the
person's own tier is the one looked up (取得高级（三级）…); a relative's check asks of that relative (您哥哥本人的情况),
never 您本人; 帮她查查 starts the check for the one just spoken of, or asks whom; a new person told of with a
situation of their own is never answered with the thread's measure; a stretch of work elsewhere said by its length
and a return by 回到 make a returning migrant worker, kept past the tick-list; 资阳的呢 after a place's policies were
asked in general asks the same of 资阳."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.present.prose import prose
from tests.dialogue.speaking import cited, last_question, press, reply_texts, say

TODAY = date(2026, 12, 5)
_OFF_TOPIC = "这不是就业政策方面的问题"


def _known(state: SessionState) -> dict[str, object]:
    return {**state.profile, **state.pending}


# -- (1) a question pointing at what the waiting card holds ------------------------------------------------------


@pytest.mark.parametrize("asked", ["那这个证能补多少", "这张证书给多少钱"])
def test_a_question_pointing_at_the_cards_certificate_is_answered_and_the_card_offered_again(
    dialogue: Dialogue, asked: str
) -> None:
    state, replies = say(dialogue, SessionState(), "我在白山 43岁 交了五年失业保险 上个月考下来高级焊工证", TODAY)
    assert replies[-1].kind == "confirm", reply_texts(replies)
    state, replies = say(dialogue, state, asked, TODAY)
    assert "jilin-2017-20" in cited(replies), reply_texts(replies)
    answer = next(r for r in replies if r.kind == "answer")
    assert "2000元" in answer.text.split("依据政策原文")[0], answer.text
    assert replies[-1].kind == "confirm", reply_texts(replies)
    assert not any(prose().dialogue.notices.confirm_first_sum in t for t in reply_texts(replies))
    assert not state.profile, state.profile


def test_a_bare_sum_pointing_at_nothing_on_the_card_still_asks_for_the_card_first(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在白山 43岁 厂里干了二十年", TODAY)
    _, replies = say(dialogue, state, "这个能补多少钱", TODAY)
    assert any(prose().dialogue.notices.confirm_first_sum in t for t in reply_texts(replies)), reply_texts(replies)


def test_the_persons_own_tier_is_the_one_looked_up_once_confirmed(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在松原 36岁 参加失业保险四年了 今年拿了高级证", TODAY)
    state, _ = press(dialogue, state, "ok", TODAY)
    _, replies = say(dialogue, state, "这证能补多少钱", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    line = answer.text.split("依据政策原文")[0]
    assert "jilin-2017-20" in answer.clause_ids and "2000元" in line, line
    assert "1000元" not in line, line


# -- (5) whose check: a relative's questions, 帮她查查 -----------------------------------------------------------


def test_a_relatives_check_asks_of_that_relative_never_of_you_yourself(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "帮我哥问问 他在雁江 39了 失业半年了", TODAY)
    assert state.for_someone_else, reply_texts(replies)
    state, replies = press(dialogue, state, "ok", TODAY)
    asked = last_question(replies)
    assert asked is not None, reply_texts(replies)
    assert "您本人" not in asked.text and "您哥哥" in asked.text, asked.text
    assert "为您哥哥查询" in asked.text, asked.text


def test_help_her_check_after_speaking_of_a_sister_starts_the_sisters_check(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在长春 38岁 失业了", TODAY)
    state, _ = press(dialogue, state, "ok", TODAY)
    own = dict(state.profile)
    state, replies = say(dialogue, state, "我妹妹今年大专毕业 也在长春 还没找到工作 她能领点啥", TODAY)
    assert any(r.kind == "answer" for r in replies), reply_texts(replies)
    state, replies = say(dialogue, state, "那帮她也查一下", TODAY)
    assert state.for_someone_else and state.subject in {"我妹", "妹妹", "我妹妹"}, (state.subject, reply_texts(replies))
    assert any("为您妹妹查询" in t for t in reply_texts(replies)), reply_texts(replies)
    assert any(s.profile == own for s in state.others), state.others


def test_help_her_check_with_nobody_spoken_of_asks_whom(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在长春 38岁 失业了", TODAY)
    state, _ = press(dialogue, state, "ok", TODAY)
    before = state
    state, replies = say(dialogue, state, "帮他查查", TODAY)
    assert any(prose().subjects.ask_whom in t for t in reply_texts(replies)), reply_texts(replies)
    assert not state.for_someone_else and state.profile == before.profile and not state.others
    assert last_question(replies) is not None, reply_texts(replies)


# -- (6) a new person told of is asked about as they are -----------------------------------------------------------


def test_a_spouses_wish_told_after_ones_own_measure_is_not_answered_with_that_measure(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在恩阳区开了个小超市 快两年了 创业补贴有多少", TODAY)
    assert any(r.kind == "answer" for r in replies), reply_texts(replies)
    _, replies = say(dialogue, state, "我媳妇也想出去找点活 有人管不", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "接着刚才的问题" not in answer.text and "创业补贴" not in answer.text.split("依据政策原文")[0], answer.text


# -- (4) a return from work elsewhere, kept past the tick-list ------------------------------------------------------


@pytest.mark.parametrize(
    "told", ["我平昌的 34 之前在宁波厂里做了六年 前年回来了", "我从福建打工回到南江了 41岁 想养鸡"]
)
def test_work_elsewhere_then_a_return_is_a_returning_worker_kept_past_the_tick_list(
    dialogue: Dialogue, told: str
) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert state.pending.get("returning_migrant") is True, (state.pending, reply_texts(replies))
    assert state.pending.get("employment_status") != "employed", state.pending
    state, _ = press(dialogue, state, "ok", TODAY)
    state, replies = say(dialogue, state, "都不是", TODAY)
    assert state.profile.get("returning_migrant") is True, state.profile
    assert not any("返乡" in b.label for r in replies for row in r.buttons for b in row), reply_texts(replies)


# -- (3) another place asked after a place's policies in general ------------------------------------------------------


@pytest.mark.parametrize(("then", "clause"), [("资阳的呢", "ziyang-"), ("那商洛呢 我是丹凤的", "shangluo-")])
def test_another_place_after_a_general_question_asks_the_same_there(dialogue: Dialogue, then: str, clause: str) -> None:
    state, replies = say(dialogue, SessionState(), "杭州的就业政策有没有", TODAY)
    assert not cited(replies), reply_texts(replies)
    _, replies = say(dialogue, state, then, TODAY)
    assert any(c.startswith(clause) for c in cited(replies)), reply_texts(replies)
    assert not any(_OFF_TOPIC in t for t in reply_texts(replies)), reply_texts(replies)
