"""Session 44 (task wd44, issue 12): the newcomer walk's (walk46) answers to the bot's own question taken as new
questions — a reminder that it was said before (刚不是说了么, 我都说过了) opening the answer asks nothing, and the
rest answers the question waiting; the place of the business said after it (厂在雁江) is the business's. Transcripts
and readings in transcripts_wd44.yaml."""

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
DATA = yaml.safe_load((Path(__file__).parent / "transcripts_wd44.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in DATA["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    run = Run(Conversations(dialogue, store, clock=lambda: TODAY), key="test:wd44")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)


@pytest.mark.parametrize("case", [pytest.param(r, id=r["say"]) for r in DATA["reminders"]])
def test_reminder(dialogue: Dialogue, case: dict[str, str]) -> None:
    assert dialogue.words.without_reminder(case["say"]) == case["left"]


@pytest.mark.parametrize("case", [pytest.param(r, id=r["say"]) for r in DATA["readings"]])
def test_reading(dialogue: Dialogue, case: dict[str, Any]) -> None:
    facts = dialogue.describer.describe(case["say"], TODAY).facts
    for fact, value in case.get("facts", {}).items():
        assert facts.get(fact) == value, f"{fact}: {facts}"
    for fact in case.get("absent", []):
        assert fact not in facts, f"{fact} read: {facts}"
