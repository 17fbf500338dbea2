"""Session 40 review (fixb40, issue 12): what the bot is asked to make or to take up is told apart from a question.

- A creative request (写首诗夸夸我, 编个段子) is the whole message: an ordinary question about a thing to write
  (写份申请书需要什么材料) asks the documents, never 这个我帮不上忙.
- A grievance (拖欠工资, 投诉老板) is told where it is taken up — the labour inspection office or 12333 — whether the
  bot is asked to take it up (帮我投诉老板), asked for a number (给我投诉电话) or asked where (那去哪里投诉); never the
  人社 office of 办理 nor 不是就业政策方面的问题."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.present.prose import prose
from tests.dialogue.speaking import say

TODAY = date(2027, 1, 3)
READING = prose().dialogue_reading


@pytest.mark.parametrize("asked", ["写份申请书需要什么材料", "作一份承诺书要盖章吗", "帮我写个创业计划书要写哪些内容"])
def test_a_question_about_a_thing_to_write_is_no_creative_request(dialogue: Dialogue, asked: str) -> None:
    _, replies = say(dialogue, SessionState(), asked, TODAY)
    assert not any(READING.cannot_make in r.text for r in replies), [r.text for r in replies]


@pytest.mark.parametrize("asked", ["编个段子逗我乐乐", "写首诗夸夸我", "帮我画张海报"])
def test_a_whole_message_asking_something_made_is_a_creative_request(dialogue: Dialogue, asked: str) -> None:
    _, replies = say(dialogue, SessionState(), asked, TODAY)
    assert any(READING.cannot_make in r.text for r in replies), [r.text for r in replies]


@pytest.mark.parametrize("asked", ["帮我投诉一下老板", "能帮我讨薪不", "给我投诉电话", "老板拖欠工资怎么维权"])
def test_a_grievance_is_told_where_it_is_taken_up(dialogue: Dialogue, asked: str) -> None:
    _, replies = say(dialogue, SessionState(), asked, TODAY)
    texts = [r.text for r in replies]
    assert any(READING.cannot_take_up in t for t in texts), texts
    assert not any("人社部门" in t or "不是就业政策" in t for t in texts), texts


def test_where_to_complain_after_a_grievance_is_the_same_answer(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "帮我投诉老板拖欠工资", TODAY)
    _, replies = say(dialogue, state, "那去哪里投诉", TODAY)
    texts = [r.text for r in replies]
    assert any(READING.cannot_take_up in t for t in texts), texts
    assert not any("不是就业政策" in t for t in texts), texts


def test_acting_for_the_person_still_points_at_where_it_is_done(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "你能直接帮我把贷款办了不", TODAY)
    assert any(READING.cannot_act in r.text for r in replies), [r.text for r in replies]
