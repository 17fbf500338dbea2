"""Session 45 (issue 11, elig45): a status that is a place's own record (建档立卡) registered in another place fails
that place's measures, and is never asked for when not said. People in session45_elig45.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from eligibility.engine import Engine
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook

DATA = yaml.safe_load(Path(__file__).with_name("session45_elig45.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("person", DATA["people"], ids=lambda p: p["name"])
def test_a_person_gets_what_the_clause_text_gives(engine: Engine, rulebook: Rulebook, person: dict[str, Any]) -> None:
    result = engine.check(parse_profile(person["profile"], rulebook.facts, person["as_of"]))
    found = {b.id: b for b in result.benefits}
    for benefit, status in person.get("statuses", {}).items():
        assert found[benefit].status == status, (benefit, found[benefit].reasons)
    for benefit, words in person.get("failed", {}).items():
        failed = [r.requirement.text or "" for r in found[benefit].reasons if r.kind == "failed" and r.requirement]
        assert any(words in text for text in failed), failed
    asked = result.next_question.fact if result.next_question is not None else None
    assert asked not in person.get("not_asked", []), asked
