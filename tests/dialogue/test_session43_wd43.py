"""Session 43 (task wd43, issue 12): the newcomer walk's dropped and re-asked questions — an answer to the list question
taken after a question, every part of a two-part message answered, what was said not asked again, a duration known to
the year only never guessed, a plan told as only asked, a favour the product cannot do declined. Transcripts and
readings in transcripts_wd43.yaml; the part a later answer adds under its heading, line by line."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.dialogue import render
from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.dialogue.types import Reply
from bot.present.prose import prose
from knowledge.citations import Citation

from .transcript import Run

TODAY = date(2026, 12, 7)
DATA = yaml.safe_load((Path(__file__).parent / "transcripts_wd43.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in DATA["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    run = Run(Conversations(dialogue, store, clock=lambda: TODAY), key="test:wd43")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)


@pytest.mark.parametrize("case", [pytest.param(r, id=r["say"]) for r in DATA["readings"]])
def test_reading(dialogue: Dialogue, case: dict[str, Any]) -> None:
    facts = dialogue.describer.describe(case["say"], TODAY).facts
    for fact, value in case.get("facts", {}).items():
        assert facts.get(fact) == value, f"{fact}: {facts}"
    for fact in case.get("absent", []):
        assert fact not in facts, f"{fact} read: {facts}"
    for fact in case.get("present", []):
        assert fact in facts, f"{fact} not read: {facts}"


def test_a_later_part_whose_answer_quotes_nothing_says_its_own_words() -> None:
    # The terminal's 【要啥条件】 held only the line saying what it was read as, over "见上一段": the answer below that
    # line (the documents name no condition) is the section.
    words = prose().followups
    said = words.read_as.format(question="资阳市的创业担保贷款")
    own = words.no_conditions.format(name="创业担保贷款")
    cited = Citation(
        clause_id="ziyang-2017-09",
        document_title="资阳市文件",
        issuer="资阳市人民政府",
        jurisdiction="资阳市",
        date="2017-12-12",
        document_status="in_force",
        clause_number=9,
        clause_label="（九）",
        heading="",
        quote="落实创业担保贷款政策",
        text="落实创业担保贷款政策",
        score=None,
    )
    first = Reply(kind="answer", text="按资阳市2017年文件，创业担保贷款……\n\n依据政策原文：\n1. …", citations=(cited,))
    later = Reply(kind="answer", text=f"{said}\n{own}", citations=(cited,))
    text = render.joined([("能贷多少", first), ("要啥条件", later)]).text
    section = text.split("【要啥条件】\n", 1)[1]
    assert section.startswith(own), text
    assert words.clauses_above not in section, text
