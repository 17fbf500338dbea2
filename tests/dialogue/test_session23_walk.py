"""Session 23 (issue 12 and issue 11's "only the person's own benefits", task chat19): the lead's second walk
through the widget as a newcomer — a conversation about someone else that turns to the speaker, and 别的补助
after an answer — through the dialogue core, in our own wording."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState, Turn
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 10)


def _about_his_wife(dialogue: Dialogue) -> SessionState:
    """A husband asks for his wife in 巴中 (laid off, 46), confirms her facts and answers the first question."""
    state, _ = say(dialogue, SessionState(), "我爱人在巴中，前年单位倒闭失业了，今年47岁", TODAY)
    assert state.for_someone_else and state.pending, state
    outcome = dialogue.respond(state, Turn(action="ok"), TODAY)
    assert outcome.state is not None and outcome.state.profile.get("region") == "巴中市"
    return outcome.state


# -- (1) the speaker turns from the one asked for to themselves --------------------------------------------


def test_the_speakers_own_situation_is_a_card_of_their_own_not_judged_with_the_other_persons_facts(
    dialogue: Dialogue,
) -> None:
    state = _about_his_wife(dialogue)
    state, replies = say(dialogue, state, "好的，我本人是退役士兵，前年退伍的，在资阳开了家小超市，请了3个员工", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    card = replies[0].text
    assert "资阳市" in card and "巴中" not in card and "46岁" not in card and "47岁" not in card, card
    assert "不是同一个人" in card, card
    # Her record stays until the speaker confirms their own.
    assert state.profile.get("region") == "巴中市" and state.pending.get("region") == "资阳市"


def test_a_question_next_is_asked_where_the_speaker_is_and_judged_by_nobody_elses_facts(dialogue: Dialogue) -> None:
    state = _about_his_wife(dialogue)
    state, _ = say(dialogue, state, "我自己是退伍军人，在资阳开了个小饭馆", TODAY)
    _, replies = say(dialogue, state, "创业补贴能领多少钱", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert any(c.startswith("ziyang-2017") for c in cited(replies)), answer.text
    assert not any(c.startswith("bazhong-2018") for c in cited(replies)), answer.text
    assert "失业" not in answer.text.split("依据政策原文")[0], answer.text


def test_confirming_starts_the_speakers_own_check_and_declining_keeps_the_other_persons(dialogue: Dialogue) -> None:
    state = _about_his_wife(dialogue)
    told, _ = say(dialogue, state, "我自己是退伍军人，在资阳开了个小饭馆", TODAY)
    confirmed = dialogue.respond(told, Turn(action="ok"), TODAY).state
    assert confirmed is not None
    assert confirmed.profile.get("region") == "资阳市" and "age" not in confirmed.profile, confirmed.profile
    assert not confirmed.for_someone_else
    dropped = dialogue.respond(told, Turn(action="drop"), TODAY).state
    assert dropped is not None and dropped.profile == state.profile and dropped.for_someone_else


# -- (2) 别的补助 asks the person's own at that place, never the thread's last topic ------------------------


def test_other_help_after_an_unanswered_question_is_not_a_follow_up_of_it(dialogue: Dialogue) -> None:
    state = _about_his_wife(dialogue)
    state, _ = say(dialogue, state, "她能领失业保险金吗", TODAY)
    _, replies = say(dialogue, state, "那巴中还有啥其他的补助", TODAY)
    assert not any("接着刚才的问题" in r.text for r in replies), [r.text for r in replies]
    # The open list of her own: a situated answer or the check going on — never a measure paid to another.
    for reply in replies:
        assert "发给用人单位" not in reply.text and "发给服务机构" not in reply.text, reply.text
    # Never a measure picked for the words 其他/补助: any answer is asked of her situation.
    assert all("按您说的情况" in r.text for r in replies if r.kind == "answer"), [r.text for r in replies]
    assert replies[-1].kind == "question", [r.text for r in replies]


def test_help_asked_of_the_persons_situation_is_never_an_employers_subsidy(dialogue: Dialogue) -> None:
    state = _about_his_wife(dialogue)
    _, replies = say(dialogue, state, "有啥补助", TODAY)
    for reply in replies:
        assert "发给用人单位" not in reply.text and "发给服务机构" not in reply.text, reply.text


# -- (3) the speaker turns to themselves while the other person's card still waits (the lead's third walk) ----


def test_the_speakers_own_situation_while_the_other_persons_card_waits_is_not_misunderstood(
    dialogue: Dialogue,
) -> None:
    state, _ = say(dialogue, SessionState(), "我爱人在巴中，前年单位倒闭失业了，今年47岁", TODAY)
    assert state.for_someone_else and state.pending, state
    state, replies = say(dialogue, state, "算了先说我自己吧，我是退役士兵，在资阳开了个小面馆，雇了两个人", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    card = replies[0].text
    assert "资阳市" in card and "巴中" not in card and "47岁" not in card, card
    # nothing of hers was confirmed: the conversation is now the speaker's own, and a question is asked there
    assert not state.for_someone_else and state.pending.get("region") == "资阳市", state
    _, replies = say(dialogue, state, "创业补贴能领多少钱", TODAY)
    assert any(c.startswith("ziyang-2017") for c in cited(replies)), [r.text for r in replies]
    assert not any(c.startswith("bazhong-2018") for c in cited(replies)), [r.text for r in replies]
