"""Session 45 (issues 11 and 12, emp46): a fact told of a hire that no unit measure judges a hire on (残疾: no
`hire` fact stands for it, no unit's condition names it) is said to decide nothing for the unit, and the hires question
is asked again — never the owner's correction. Transcripts in transcripts_emp46.yaml."""

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

TODAY = date(2026, 12, 7)
TRANSCRIPTS = yaml.safe_load((Path(__file__).parent / "transcripts_emp46.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in TRANSCRIPTS["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    run = Run(Conversations(dialogue, store, clock=lambda: TODAY), key="test:emp46")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)
