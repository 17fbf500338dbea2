"""Session 33 (issue 12, task chat40): what the chat understands about the person, in our own words —
- another relative's check asked while one relative's card waits (再帮我爸查一下 他58…, 换个人问 问我妈 她…, 帮我老婆也
  看看 她…) sets the waiting card aside and carries the new one; the new card asks of that relative, not the speaker."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.dialogue.words import load_vocabulary
from tests.dialogue.speaking import press, say

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("first", "then", "kin"),
    [
        ("帮我姐查查 她四十 在通江 没活干", "再帮我哥查一下 他45 也在通江 在砖厂上班", "哥"),
        ("替我闺女问 她在延吉 去年大专毕业 还没找到工作", "换个人问 问我妈 她五十七 在农村 没交过失业保险", "妈"),
        ("帮我爸问问 他六十了 在安岳 种地", "帮我老婆也看看 她三十出头 高中 在安岳带孩子", "老婆"),
    ],
    ids=["再帮我哥查一下", "换个人问-问我妈", "帮我老婆也看看-她…"],
)
def test_another_relative_named_while_a_relatives_card_waits_gets_a_card_of_their_own(
    dialogue: Dialogue, first: str, then: str, kin: str
) -> None:
    state, replies = say(dialogue, SessionState(), first, TODAY)
    assert state.for_someone_else and state.pending, [r.text for r in replies]
    first_card = dict(state.pending)
    state, replies = say(dialogue, state, then, TODAY)
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    assert state.for_someone_else and kin in (state.subject or "") and state.pending != first_card, state
    # The first relative's card is set aside as it was, never lost nor merged into the new one.
    assert any(s.for_someone_else and s.pending == first_card for s in state.others), state.others
    said = "\n".join(r.text for r in replies)
    assert "没有记进去" not in said and "您本人的资料已另外保存" not in said, said


def test_a_relatives_card_asks_of_the_relative_not_the_speaker(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "帮我妈查查 她55 在商州 一直没工作", TODAY)
    card = next(r.text for r in replies if r.kind == "confirm")
    assert "帮您母亲查" in card and "例如“母亲" in card, card
    assert "帮您查" not in card and "例如“我是" not in card, card


def _asked_then_answered(dialogue: Dialogue) -> SessionState:
    """Someone in 郏县 whose check has begun, who then asked a question of the documents (a thread to go on)."""
    state, _ = say(dialogue, SessionState(), "郏县的 查下补贴", TODAY)
    state, replies = say(dialogue, state, "失业保险金能领多久", TODAY)
    assert state.interviewing and any(r.kind == "answer" for r in replies), [r.text for r in replies]
    return state


@pytest.mark.parametrize("said", ["行 接着问俺的", "好 问我的吧", "那我接着回答你的问题吧"])
def test_handing_the_check_back_asks_its_question_again_never_a_search(dialogue: Dialogue, said: str) -> None:
    state = _asked_then_answered(dialogue)
    state, replies = say(dialogue, state, said, TODAY)
    assert [r.kind for r in replies] == ["question"], [r.text for r in replies]


@pytest.mark.parametrize("said", ["好 问我的吧", "行 接着问俺的"])
def test_handing_the_check_back_while_a_card_waits_takes_the_card(dialogue: Dialogue, said: str) -> None:
    state, _ = say(dialogue, SessionState(), "巴州区 26岁 大专", TODAY)
    assert state.pending
    state, replies = say(dialogue, state, said, TODAY)
    assert not state.pending and state.profile.get("age") == 26, state
    assert replies[-1].kind == "question", [r.text for r in replies]


@pytest.mark.parametrize("said", ["问我能领啥补贴", "请问创业贷款", "我回答不了", "你问我的情况"])
def test_asking_about_oneself_is_no_handing_back(said: str) -> None:
    assert load_vocabulary().hands_back.search(said) is None


def _at_the_group_list(dialogue: Dialogue) -> SessionState:
    """A check in 长春 at its 可多选 list of groups (人员类别)."""
    state, _ = say(dialogue, SessionState(), "查补贴", TODAY)
    state, replies = say(dialogue, state, "长春", TODAY)
    assert replies[-1].kind == "question" and replies[-1].multi_select, [r.text for r in replies]
    return state


@pytest.mark.parametrize("said", ["下岗", "失业"])
def test_a_state_typed_alone_mid_interview_is_told_not_searched(dialogue: Dialogue, said: str) -> None:
    state, replies = say(dialogue, _at_the_group_list(dialogue), said, TODAY)
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    # (session 42: told beside the list asked, it waits on the card)
    assert state.pending.get("employment_status") == "unemployed", state.pending


def test_a_benefit_typed_alone_mid_interview_is_still_asked(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, _at_the_group_list(dialogue), "创业补贴", TODAY)
    assert any(r.kind == "answer" and r.clause_ids for r in replies), [r.text for r in replies]


@pytest.mark.parametrize("said", ["后面那个", "第二个"])
def test_a_place_in_a_tick_list_asks_to_name_the_boxes(dialogue: Dialogue, said: str) -> None:
    state, replies = say(dialogue, _at_the_group_list(dialogue), said, TODAY)
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    assert replies[-1].kind == "question" and not state.ticked, [r.text for r in replies]


@pytest.mark.parametrize("said", ["帮我老婆查 她在柞水", "给我妈查一下 她在通江"])
def test_a_relatives_check_asked_with_only_their_place_starts_at_that_place(dialogue: Dialogue, said: str) -> None:
    state, _ = say(dialogue, SessionState(), "我在洛南 失业了", TODAY)
    state, _ = press(dialogue, state, "ok", TODAY)
    state, replies = say(dialogue, state, said, TODAY)
    # As 柞水的 查下补贴 does for the speaker: no card of one line, the check at that place.
    assert not any(r.kind == "confirm" for r in replies) and replies[-1].kind == "question", [r.text for r in replies]
    assert state.for_someone_else and state.interviewing and state.profile.get("region"), state
