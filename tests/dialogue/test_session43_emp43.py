"""Session 43 (issue 12, emp43): one who asks for a unit that hires is answered from the employers' measures of
the place — not interviewed as the person, not judged against their own facts — and what is said of the unit is
not recorded as theirs. Transcripts in transcripts_emp43.yaml."""

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
TRANSCRIPTS = yaml.safe_load((Path(__file__).parent / "transcripts_emp43.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in TRANSCRIPTS["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    run = Run(Conversations(dialogue, store, clock=lambda: TODAY), key="test:emp43")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)
