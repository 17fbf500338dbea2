"""Session 44 (task chat59, issue 12): a question answered while a card waits, and the other classes fixed — each in
several wordings of our own, in transcripts_session44_chat59.yaml."""

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

TODAY = date(2027, 1, 31)
TRANSCRIPTS = yaml.safe_load((Path(__file__).parent / "transcripts_session44_chat59.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in TRANSCRIPTS["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    run = Run(Conversations(dialogue, store, clock=lambda: TODAY), key="test:session44:chat59")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)


@pytest.mark.parametrize(
    ("said", "asks"),
    [
        ("要干满好久", True),
        ("失业金能领好久", True),
        ("社保得交好久哦", True),
        ("交了好久了", False),
        ("失业好久", False),
        ("我等了好久", False),
    ],
)
def test_haojiu_after_a_modal_asks_how_long(dialogue: Dialogue, said: str, asks: bool) -> None:
    """西南官话 好久 for 多久 after a modal asks how long; a time told (交了好久了) asks nothing."""
    assert dialogue.words.is_question(said) is asks
