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


@dataclass(frozen=True)
class AskedIntent:
    primary: Intent
    all: tuple[Intent, ...]

    def asks(self, intent: Intent) -> bool:
        return intent in self.all


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[Intent, re.Pattern[str]], ...]:
    data = _IntentFile.model_validate(yaml.safe_load(INTENTS_FILE.read_text(encoding="utf-8")))
    return tuple((entry.intent, re.compile("|".join(f"(?:{cue})" for cue in entry.cues))) for entry in data.intents)


def classify(question: str) -> AskedIntent:
    """Every intent whose cue occurs in the question, in priority order; `overview` when none does."""
    found = tuple(intent for intent, pattern in _patterns() if pattern.search(question))
    if not found:
        return AskedIntent(Intent.OVERVIEW, (Intent.OVERVIEW,))
    return AskedIntent(found[0], found)
