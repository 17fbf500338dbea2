"""Dialogue transcripts (transcripts.yaml) run against the core with a real SQLite store."""

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

TRANSCRIPTS = yaml.safe_load((Path(__file__).parent / "transcripts.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in TRANSCRIPTS["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    today: date = case.get("today", date(2020, 6, 1))
    run = Run(Conversations(dialogue, store, clock=lambda: today), key="test:transcript")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)
