"""Session 42 (task wf44, issue 12): a 户籍 in a covered place with no other place said is the place whose policies
apply (a measure it lacks is said so first); thanks with a decline of more help (谢谢，不用了) is a goodbye, never a
follow-up. Transcripts in transcripts_wf44.yaml."""

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

TODAY = date(2027, 1, 17)
TRANSCRIPTS = yaml.safe_load((Path(__file__).parent / "transcripts_wf44.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in TRANSCRIPTS["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    run = Run(Conversations(dialogue, store, clock=lambda: TODAY), key="test:wf44")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)
