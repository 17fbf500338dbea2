"""Session 45 (task chat60, issue 12): what a turn is when a card waits after an answer (an ok, thanks, a laugh, a
season's wish take the answer in), a job lost told as a statement, a fact told inside the request for the check, a
place one lives in said before a question, a chat app's placeholder for a picture — each in several wordings of our
own, in transcripts_session45_chat60.yaml."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore

from .transcript import Run

TODAY = date(2027, 2, 7)
TRANSCRIPTS = yaml.safe_load((Path(__file__).parent / "transcripts_session45_chat60.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in TRANSCRIPTS["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    run = Run(Conversations(dialogue, store, clock=lambda: TODAY), key="test:session45:chat60")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("好的谢谢 新年快乐", "thanked"),
        ("哈哈哈", "understood"),
        ("lol 好", "understood"),
        ("谢谢 恭喜发财", "thanked"),
        ("新年快乐 拜拜", "farewell"),
        ("新年有啥补贴", None),
        ("哈哈 那创业贷款呢", None),
    ],
)
def test_laughing_and_wishes_close_like_thanks(dialogue: Dialogue, said: str, kind: str | None) -> None:
    """A laugh or a season's wish is a courtesy around the talk; beside a question it closes nothing."""
    assert dialogue.words.closing(said, waiting=True) == kind


@pytest.mark.parametrize(
    ("said", "home"),
    [
        ("住鲁山", True),
        ("家在柳河", True),
        ("人在通江", True),
        ("现在住在叶县城里", True),
        ("在鲁山", False),
        ("住院", False),
    ],
)
def test_where_one_lives_is_home(dialogue: Dialogue, said: str, home: bool) -> None:
    """住X / 家在X / 人在X name where the speaker lives; a bare 在X (asked of a place) and 住院 do not."""
    assert dialogue.reader._is_home(said) is home
