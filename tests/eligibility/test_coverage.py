"""Session 40 (issue 11): a measure is judged by the place its coverage follows — where the person works and is
insured, where the business is, or where they are (coverage.yaml); the place kind is data on each rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from eligibility.coverage import PLACE_FACTS
from eligibility.engine import Engine
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook

PEOPLE = yaml.safe_load(Path(__file__).with_name("coverage.yaml").read_text(encoding="utf-8"))["people"]


@pytest.mark.parametrize("person", PEOPLE, ids=[p["name"] for p in PEOPLE])
def test_each_measure_is_judged_by_the_place_its_coverage_follows(engine: Engine, person: dict[str, Any]) -> None:
    result = engine.check(parse_profile(person["profile"], engine.rulebook.facts, person["as_of"]))
    judged = {b.id: b for b in result.benefits}
    for benefit_id, (status, basis) in person["expect"].items():
        assert benefit_id in judged, benefit_id
        assert (judged[benefit_id].status, judged[benefit_id].basis) == (status, basis), benefit_id
    for benefit_id in person.get("not_covered", []):
        assert benefit_id not in judged, benefit_id
    if "status" in person:
        assert result.status == person["status"]


def test_every_place_kind_a_rule_names_has_its_fact(rulebook: Rulebook) -> None:
    kinds = {b.covered_by for b in rulebook.benefits.values()}
    assert kinds == {"residence", *PLACE_FACTS}
    assert all(fact in rulebook.facts for fact in PLACE_FACTS.values())
