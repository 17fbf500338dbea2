"""Session 39 (issues 12 and 10, task chat52): which answer a question or a follow-up gets in a conversation — the
classes of chats set 31's failed answer turns and session 38's leftover, in our own wording (written from the source
texts, not the set's)."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from knowledge.measures import Beneficiary, load_measures
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 27)


def _beneficiary(name: str) -> Beneficiary:
    return next(m.beneficiary for measures in load_measures().values() for m in measures if m.name == name)


# -- (a) a clause opened after the person's list stays on the person's side; another place asks the person's too -----


def test_a_clause_opened_after_a_graduates_list_is_on_the_graduates_side_and_so_is_another_place(
    dialogue: Dialogue,
) -> None:
    state, replies = say(dialogue, SessionState(), "我是巴中的 今年刚大学毕业 还没找到工作 有啥补贴", TODAY)
    assert "bazhong-2018-10" in cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, "第二条呢", TODAY)
    assert "bazhong-2018-10" in cited(replies), [r.text for r in replies]
    assert state.thread is not None and state.thread.measure, state.thread
    assert _beneficiary(state.thread.measure) is Beneficiary.PERSON, state.thread
    state, replies = say(dialogue, state, "要是在平顶山呢", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "pingdingshan-2020-09" not in cited(replies), answer.text
    assert "用人单位" not in answer.text.split("依据政策原文")[0], answer.text


# -- (b) an until-when asked with 为止 (补到啥时候为止) names no topic: it goes on from the thread, never off-topic ---


def test_until_when_closed_by_wei_zhi_goes_on_from_the_thread(dialogue: Dialogue) -> None:
    assert dialogue.threads.content_words("补到啥时候为止") == []
    state, replies = say(dialogue, SessionState(), "我在宝丰 儿子前年大专毕业 想灵活就业 社保能补不", TODAY)
    assert "pingdingshan-2020-11" in cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, "补到啥时候为止", TODAY)
    assert "pingdingshan-2020-11" in cited(replies), [r.text for r in replies]


# -- (c) right after an answer, words that ask nothing and name nothing (中 先这) take the answer in, cite nothing


def test_words_asking_and_naming_nothing_after_an_answer_cite_nothing(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在鲁山 今年大专毕业 想跑外卖灵活就业 社保有补贴不", TODAY)
    assert "pingdingshan-2020-11" in cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, "中 先这", TODAY)
    assert not cited(replies) and not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    assert replies[0].kind == "notice", [r.text for r in replies]
