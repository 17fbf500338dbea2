"""Session 26 (issue 12, chat26): every question of a message answered, and where to apply said honestly.
Through the dialogue core, in our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    "asked",
    ["吉林的创业担保贷款要多久才能放款，要去哪里办", "在长春办创业担保贷款，在哪里申请？审批要多长时间？"],
)
def test_two_steps_of_applying_are_both_answered(dialogue: Dialogue, asked: str) -> None:
    # A time limit and a place to apply are two questions: the answer to one says nothing of the other.
    _, replies = say(dialogue, SessionState(), asked, TODAY)
    answer = replies[0]
    assert answer.kind == "answer" and answer.text.count("【") == 2, answer.text
    assert "办理地点或网站" in answer.text and "办理时限" in answer.text, answer.text


def test_how_to_apply_and_what_to_bring_stays_one_question(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "吉林就业见习补贴怎么申请，要带什么材料", TODAY)
    assert replies[0].kind == "answer" and "【" not in replies[0].text, replies[0].text


@pytest.mark.parametrize("asked", ["想办吉林的创业担保贷款 去哪里申请啊", "在延吉申请创业担保贷款，在哪里办"])
def test_a_platform_for_another_purpose_does_not_say_where_to_apply(dialogue: Dialogue, asked: str) -> None:
    # 吉林（六） names a 融资平台 for start-ups, never where the loan is applied for: said plainly.
    _, replies = say(dialogue, SessionState(), asked, TODAY)
    answer = replies[0]
    assert answer.kind == "answer" and answer.citations, answer.text
    assert answer.answer_status == "no_answer" and "没有写明您问的办理地点或网站" in answer.text, answer.text


def test_a_clause_saying_where_one_registers_still_answers(dialogue: Dialogue) -> None:
    # 巴中（二十三）: 可为其在常住地进行失业登记 — where one goes is written.
    _, replies = say(dialogue, SessionState(), "巴中农村没地的 失业登记去哪儿办", TODAY)
    assert replies[0].answer_status == "answered", replies[0].text
