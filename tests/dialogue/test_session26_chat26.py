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


@pytest.mark.parametrize(
    ("story", "asked", "about", "other"),
    [
        # The thread was the speaker's 失业保险金 in 吉林: the sister, a new graduate in 巴中, is asked about.
        (
            "我在四平，31岁，厂子黄了没活干",
            "四平失业保险金能领多久",
            "那我妹妹呢 她在平昌 今年刚大学毕业 还没找到工作",
            "巴中",
        ),
        # The thread was the speaker's loan in 吉林: the brother farms in 巴中.
        ("我在白山开了个小超市", "创业担保贷款能贷多少钱", "我弟呢？他在南江老家种地", "巴中"),
    ],
)
def test_a_relative_told_of_with_a_bare_ne_is_asked_about_by_their_own_situation(
    dialogue: Dialogue, story: str, asked: str, about: str, other: str
) -> None:
    state, _ = say(dialogue, SessionState(), story, TODAY)
    state, _ = say(dialogue, state, asked, TODAY)
    _, replies = say(dialogue, state, about, TODAY)
    answer = replies[0]
    assert answer.kind == "answer" and answer.citations, answer.text
    assert all(c.clause_id.startswith("bazhong-") for c in answer.citations), [c.clause_id for c in answer.citations]
    assert "接着刚才的问题" not in answer.text, answer.text
    # Where the relative is is theirs: no word of the speaker's own place having other documents.
    assert "您所在的" not in answer.text, answer.text


def test_a_relative_asked_about_by_name_of_a_measure_is_asked_as_it_stands(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在四平，31岁，厂子黄了没活干", TODAY)
    state, _ = say(dialogue, state, "四平失业保险金能领多久", TODAY)
    _, replies = say(dialogue, state, "我妹妹呢 她在平昌 刚毕业 能领求职创业补贴不", TODAY)
    assert "求职创业补贴" in replies[0].text, replies[0].text
