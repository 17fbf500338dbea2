"""Session 44, walk46's terminal part (issue 12): to a 可多选 list, several numbers typed on one line ("10 11",
"1,3", "2、5") tick each box, the way pressing them one by one does — before, the line was sent as text and
answered 没看懂这个回答 with no word of the format. The format is printed under the list; a number not on the
list is told so, with the format, and nothing is sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.chat_cli import turns_for
from bot.dialogue.types import Button, Turn
from bot.present.prose import prose
from knowledge.kb import KnowledgeBase
from tests.dialogue.test_chat_cli import _chat as run_chat

BOXES = [Button(label=f"⬜ 选项{n}", action=f"tick:{n}") for n in range(1, 12)] + [
    Button(label="✅ 确定", action="done:x")
]


@pytest.mark.parametrize(
    ("typed", "pressed"),
    [
        ("10 11", ["tick:10", "tick:11"]),
        ("1,3", ["tick:1", "tick:3"]),
        ("1，3", ["tick:1", "tick:3"]),
        ("2、5", ["tick:2", "tick:5"]),
        (" 4  7 ", ["tick:4", "tick:7"]),
        ("3 3", ["tick:3"]),  # once each: a repeat does not untick what was just ticked
        ("12 2", ["tick:2", "done:x"]),  # 确定 last, whatever the order typed
        ("6", ["tick:6"]),
    ],
)
def test_numbers_typed_to_a_several_list_press_each_box(typed: str, pressed: list[str]) -> None:
    assert turns_for(typed, BOXES, free_text=False, several=True) == [Turn(action=a) for a in pressed]


@pytest.mark.parametrize("typed", ["3 13", "0", "99", "1、20"])
def test_a_number_not_on_the_list_sends_nothing(typed: str) -> None:
    assert turns_for(typed, BOXES, free_text=False, several=True) is None


@pytest.mark.parametrize(
    ("typed", "several", "free_text"),
    [
        ("1 2", False, False),  # a one-choice list: two numbers are not a press
        ("10 11", True, True),  # a number being asked: digits are the answer
        ("我选1和3", True, False),  # words: sent as typed, for the dialogue to read
    ],
)
def test_other_lines_are_sent_as_typed(typed: str, several: bool, free_text: bool) -> None:
    assert turns_for(typed, BOXES, free_text=free_text, several=several) == [Turn(text=typed)]


@pytest.fixture
def data_dir(kb: KnowledgeBase, kb_dir: Path) -> Path:
    return kb_dir


def test_two_numbers_on_one_line_tick_two_boxes_in_the_real_terminal(data_dir: Path, tmp_path: Path) -> None:
    done = run_chat(["我在长春", "1", "1 2", "1、99"], data_dir, tmp_path / "s.sqlite3")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    words = prose()
    assert "可一次输入几个" in out.split("人员类别", 1)[1], "the format is printed under the list"
    assert "已选：就业困难人员（已认定）、已办理失业登记" in out
    assert words.dialogue.notices.not_understood_answer not in out
    last = out.rsplit("\n> ", 1)[0].rsplit("\n> ", 1)[1]
    assert "没有这个序号" in last and "可一次输入几个" in last, "a number not on the list: told, with the format"
