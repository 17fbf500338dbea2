"""What a question asks: an amount, eligibility, conditions, what a measure is, who is responsible,
how or where to apply, or whether a document is in force (issue 10). The cues are data
(`knowledge/data/intents.yaml`); this module only matches them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

INTENTS_FILE = Path(__file__).resolve().parent / "data" / "intents.yaml"


class Intent(StrEnum):
    STATUS = "status"
    DEPARTMENT = "department"
    PROCEDURE = "procedure"
    AMOUNT = "amount"
    CONDITIONS = "conditions"
    ELIGIBILITY = "eligibility"
    WHAT = "what"
    OVERVIEW = "overview"  # no cue: a search-box message (长春创业补贴)


class _IntentCues(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    intent: Intent
    cues: tuple[str, ...]


class _IntentFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    intents: tuple[_IntentCues, ...]
    units: dict[str, tuple[str, ...]]
    document_words: tuple[str, ...]


@dataclass(frozen=True)
class AskedIntent:
    primary: Intent
    all: tuple[Intent, ...]
    unit: str | None = None  # for amounts: "ratio", "duration" or "money" when the question says which

    def asks(self, intent: Intent) -> bool:
        return intent in self.all


@lru_cache(maxsize=1)
def _data() -> _IntentFile:
    return _IntentFile.model_validate(yaml.safe_load(INTENTS_FILE.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[Intent, re.Pattern[str]], ...]:
    return tuple((e.intent, re.compile("|".join(f"(?:{cue})" for cue in e.cues))) for e in _data().intents)


def asked_unit(question: str) -> str | None:
    """`ratio`, `duration` or `money` (checked in that order: 几个月 is more specific than 多少), else None."""
    return next((unit for unit, cues in _data().units.items() if any(cue in question for cue in cues)), None)


def classify(question: str) -> AskedIntent:
    """Every intent whose cue occurs in the question, in priority order; `overview` when none does."""
    found = tuple(intent for intent, pattern in _patterns() if pattern.search(question))
    if not found:
        return AskedIntent(Intent.OVERVIEW, (Intent.OVERVIEW,))
    unit = asked_unit(question) if Intent.AMOUNT in found else None
    return AskedIntent(found[0], found, unit)


def without_cues(question: str) -> str:
    """The question with every intent cue taken out (多少, 什么条件, 去哪办 …): what remains is what
    it is about."""
    for _, pattern in _patterns():
        question = pattern.sub("，", question)
    return question


def is_about_a_document(question: str) -> bool:
    """Names a document (这个文件, 征求意见稿), not one of its measures."""
    return any(word in question for word in _data().document_words)
