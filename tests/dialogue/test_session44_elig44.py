"""Session 44 (issue 11, elig44): a past flexible period (以前打过零工), a 公益性岗位 that has ended, schooling left
unfinished (高二辍学), a professional title (初级会计职称) and a cohort (2020届) read as the clauses mean them — in a
description and in an answer to the question. Cases in readings_elig44.yaml."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.dialogue.describe import Describer
from bot.dialogue.understand import AnswerReader
from bot.dialogue.words import load_vocabulary
from eligibility.results import AnswerOption, NextQuestion
from eligibility.rulebook import default_rulebook
from knowledge.regions import Gazetteer

TODAY = date(2026, 12, 7)
DATA = yaml.safe_load((Path(__file__).parent / "readings_elig44.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def describer() -> Describer:
    rulebook = default_rulebook()
    return Describer(rulebook.facts, Gazetteer(covered=rulebook.jurisdictions))


@pytest.mark.parametrize("case", DATA["readings"], ids=lambda c: f"{c['say']}@{c.get('today', TODAY)}")
def test_reading(describer: Describer, case: dict[str, Any]) -> None:
    facts = describer.describe(case["say"], case.get("today", TODAY)).facts
    for fact, value in case.get("facts", {}).items():
        assert facts.get(fact) == value, f"{fact}: {facts}"
    for fact in case.get("absent", []):
        assert fact not in facts, f"{fact} read: {facts}"


@pytest.mark.parametrize("case", DATA["answers"], ids=lambda c: f"{c['fact']}:{c['say']}")
def test_answer(describer: Describer, case: dict[str, Any]) -> None:
    rulebook = default_rulebook()
    reader = AnswerReader(rulebook.facts, load_vocabulary(), describer, Gazetteer(covered=rulebook.jurisdictions))
    spec = rulebook.facts[case["fact"]]
    options = tuple(AnswerOption(value=o.value, label=o.label) for o in spec.options or ())
    question = NextQuestion(
        fact=case["fact"], facts=(case["fact"],), text=spec.question or "", type=spec.type, options=options, hint=""
    )
    understood = reader.read(question, case["say"], TODAY)
    assert understood is not None and understood.raw == case["value"], understood
