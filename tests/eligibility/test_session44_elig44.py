"""Session 44 (issue 11, elig44): results listed by how directly they fit; a past flexible period and a 失业登记 read as
what the clauses make of them. People in session44_elig44.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from eligibility.engine import Engine
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook

DATA = yaml.safe_load(Path(__file__).with_name("session44_elig44.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("person", DATA["people"], ids=lambda p: p["name"])
def test_a_person_gets_what_the_clause_text_gives(engine: Engine, rulebook: Rulebook, person: dict[str, Any]) -> None:
    result = engine.check(parse_profile(person["profile"], rulebook.facts, person["as_of"]))
    found = {b.id: b for b in result.benefits}
    for benefit, status in person.get("statuses", {}).items():
        assert found[benefit].status == status, (benefit, found[benefit].reasons)
    order = [b.id for b in result.benefits]
    for first, second in person.get("before", []):
        assert order.index(first) < order.index(second), order
    for benefit, words in person.get("open", {}).items():
        confirm = [r.requirement.text or "" for r in found[benefit].reasons if r.kind == "to_confirm" and r.requirement]
        assert any(words in text for text in confirm), confirm
