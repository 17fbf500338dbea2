"""Session 36 (issue 12, task next36b): what the chat understands of whom it hears — leftovers of session 35's newcomer
walk, written from the source texts in our own words. The speaker's own question in a relative's check is the
speaker's; a kin word of the one checked (他爸) is a third person; a pasted official text is no statement of the
person. (A no that reaches its fact — 从来没给交过失业保险 — is data in understanding.yaml.)"""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import reply_texts, say

TODAY = date(2026, 12, 6)

NOTICE = (
    "关于做好2026年度就业困难人员认定工作的通知。各县（市、区）人社局：现就有关事项通知如下：一、认定范围。本市户籍、"
    "处于失业状态、有就业愿望的人员，本人申请后可认定为就业困难人员。二、所需材料。身份证、户口簿、失业登记证明。"
    "三、受理地点。户籍所在地乡镇（街道）公共就业服务机构。特此通知。平顶山市人力资源和社会保障局 2026年3月2日"
)


def _relative_carded(dialogue: Dialogue, told: str) -> SessionState:
    state, replies = say(dialogue, SessionState(), "帮我女儿查查能领什么补贴", TODAY)
    state, replies = say(dialogue, state, told, TODAY)
    assert state.for_someone_else and state.pending, reply_texts(replies)
    return state


# -- (1) the speaker's own question in a relative's check: the speaker's place and facts, never the relative's ------


@pytest.mark.parametrize("asked", ["我自己在资阳能领创业补贴吗", "我在资阳能领创业补贴吗"])
def test_the_speakers_own_question_in_a_relatives_check_is_not_judged_by_the_relatives_facts(
    dialogue: Dialogue, asked: str
) -> None:
    state = _relative_carded(dialogue, "她在巴中，24岁，大专毕业，还没找到工作")
    state, replies = say(dialogue, state, asked, TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "按您说的情况" not in answer.text and "您所在的巴中" not in answer.text, answer.text
    assert answer.clause_ids and all(c.startswith("ziyang") for c in answer.clause_ids), answer.clause_ids
    assert state.pending.get("region") == "巴中市" and state.for_someone_else, reply_texts(replies)


def test_the_speakers_own_question_naming_their_place_is_answered_there_without_the_relatives_situation(
    dialogue: Dialogue,
) -> None:
    state = _relative_carded(dialogue, "她在成都，42岁，失业半年了")
    state, replies = say(dialogue, state, "我自己在巴中能领创业补贴吗", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "按您说的情况" not in answer.text and "不符合" not in answer.text, answer.text
    assert answer.clause_ids and all(c.startswith("bazhong") for c in answer.clause_ids), answer.clause_ids


def test_a_question_of_the_relative_in_their_check_is_still_judged_by_their_facts(dialogue: Dialogue) -> None:
    state = _relative_carded(dialogue, "她在巴中，24岁，大专毕业，还没找到工作")
    state, replies = say(dialogue, state, "她能领创业补贴吗", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "按您说的情况" in answer.text, answer.text


# -- (3) a kin word of the one checked (他爸, 她妈) names a third person: never the one checked -----------------------


def test_what_is_told_of_the_checked_persons_father_is_not_their_job(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "帮我孙子查查能领什么补贴", TODAY)
    state, replies = say(dialogue, state, "他22岁，大专毕业，在巴中，他爸在西安打工", TODAY)
    assert state.pending.get("age") == 22 and state.pending.get("region") == "巴中市", reply_texts(replies)
    assert "employment_status" not in state.pending, state.pending


def test_a_message_only_of_the_checked_persons_parents_leaves_their_card_as_it_was(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "帮我孙子查查能领什么补贴", TODAY)
    state, _ = say(dialogue, state, "他22岁，大专毕业，在巴中", TODAY)
    before = dict(state.pending)
    state, replies = say(dialogue, state, "他爸在西安打工，他妈在家种地", TODAY)
    assert state.pending == before and not state.profile, reply_texts(replies)


# -- (4) an official text pasted while a card or a question waits is no correction and no answer ---------------------


def test_a_pasted_official_notice_while_a_card_waits_changes_nothing_on_it(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平顶山，45岁，下岗一年了，不是就业困难人员", TODAY)
    before = dict(state.pending)
    assert before.get("hard_to_employ") is False, before
    state, replies = say(dialogue, state, NOTICE, TODAY)
    assert state.pending == before and not state.profile, reply_texts(replies)
    assert [r.kind for r in replies] == ["notice", "confirm"], reply_texts(replies)


def test_a_pasted_official_notice_while_a_question_waits_answers_nothing(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平顶山，45岁，下岗一年了", TODAY)
    state, replies = say(dialogue, state, "对", TODAY)
    assert any(r.kind == "question" for r in replies), reply_texts(replies)
    before = dict(state.profile)
    state, replies = say(dialogue, state, NOTICE, TODAY)
    assert state.profile == before and not state.pending, reply_texts(replies)
    assert [r.kind for r in replies] == ["notice", "question"], reply_texts(replies)


def test_a_pasted_notice_asked_about_is_a_question(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平顶山，45岁，下岗一年了", TODAY)
    state, replies = say(dialogue, state, NOTICE + " 这个我能去办吗", TODAY)
    assert replies and replies[0].kind == "answer", reply_texts(replies)
