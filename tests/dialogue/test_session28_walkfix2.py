"""Session 28 (issue 10, task walkfix2): a verb and its object typed (找人 担保) is never read as the hiring word
招人 by the dialogue's speller, so the question asked is the one answered; thanks said with the praise of a
region's own words (巴适, 安逸, 得劲) or with the degree after the word (靠谱得很) closes the conversation
politely — never read as a follow-up question that answers the last topic again. In our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize("thanks", ["多谢哈 安逸得很", "谢了 巴适", "感谢感谢 靠谱得很", "得劲 谢谢您"])
def test_thanks_with_praise_after_an_answer_is_a_closing(dialogue: Dialogue, thanks: str) -> None:
    state, replies = say(dialogue, SessionState(), "通江县灵活就业社保补贴补几年", TODAY)
    assert any(r.kind == "answer" for r in replies)
    state, replies = say(dialogue, state, thanks, TODAY)
    assert [r.kind for r in replies] == ["notice"], [r.text for r in replies]


@pytest.mark.parametrize("text", ["巴适得板", "这边工作安逸得很吗", "谢谢你哈 你们好安逸"])
def test_praise_alone_closes_and_a_question_stays_one(dialogue: Dialogue, text: str) -> None:
    closes = dialogue.words.closing(text, waiting=False) is not None
    assert closes is (not text.endswith("吗")), text


def test_asking_for_a_guarantor_is_not_asking_about_hiring(dialogue: Dialogue) -> None:
    typed = "创业贷款能借好多 还要找人担保吗"
    assert dialogue.speller.correct(typed) == typed
