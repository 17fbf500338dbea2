"""Session 44 (task chat58, issue 12): a conversation that never drops a question — the classes fixed, each in
several wordings of our own, in transcripts_session44_chat58.yaml."""

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
TRANSCRIPTS = yaml.safe_load((Path(__file__).parent / "transcripts_session44_chat58.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in TRANSCRIPTS["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    run = Run(Conversations(dialogue, store, clock=lambda: TODAY), key="test:session44")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)
