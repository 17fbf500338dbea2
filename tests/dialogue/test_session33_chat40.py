"""Session 33 (issue 12, task chat40): what the chat understands about the person, in our own words —
- another relative's check asked while one relative's card waits (再帮我爸查一下 他58…, 换个人问 问我妈 她…, 帮我老婆也
  看看 她…) sets the waiting card aside and carries the new one; the new card asks of that relative, not the speaker."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

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
