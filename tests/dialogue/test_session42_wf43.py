"""Session 42 (task wf43, issue 12): a status denied by the speaker of themselves (不对，我没在家务农) is taken back,
never kept beside the no. Transcripts in transcripts_session42_wf43.yaml; the denials read, sentence by sentence."""

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
TRANSCRIPTS = yaml.safe_load((Path(__file__).parent / "transcripts_session42_wf43.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in TRANSCRIPTS["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    today: date = case.get("today", TODAY)
    run = Run(Conversations(dialogue, store, clock=lambda: today), key="test:wf43")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("不对，我没在家务农，我是打算创业开养猪场", {"employment_status": "farming"}),
        ("我不是务农的", {"employment_status": "farming"}),
        ("我并没有跑外卖", {"employment_status": "flexible"}),
        ("我老婆没在家务农", {}),
        ("以前没种地", {}),
        ("我没交社保", {}),
    ],
)
def test_a_status_said_with_a_no_is_denied_never_set(dialogue: Dialogue, text: str, denied: dict[str, Any]) -> None:
    described = dialogue.describer.describe(text, TODAY)
    assert described.denied == denied
    assert described.facts.get("employment_status") not in denied.values()
