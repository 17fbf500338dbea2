"""Session 43 (issue 11, elig43): a fact named under 还需确认 can be asked.

A question waits for its premises (facts.yaml `after`); after 不清楚 to a premise it is asked only when it does
not presuppose the premise's answer (`after_only`): 您是否打算自主创业？ needs no answer about the business's form.
`policybot rules check` reports a fact a rule reads that no question can ever ask (`fact_not_askable`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from eligibility.engine import Engine
from eligibility.interview import answers_from, run_interview
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook
from eligibility.rules_check import _unaskable_premise

DATA = yaml.safe_load(Path(__file__).with_name("session43_elig43.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("person", DATA["interviews"], ids=lambda p: p["name"])
def test_an_open_fact_is_asked_unless_it_presupposes_an_unknown_answer(
    engine: Engine, rulebook: Rulebook, person: dict[str, Any]
) -> None:
    said = parse_profile(person["said"], rulebook.facts, person["as_of"]).values
    start = parse_profile({}, rulebook.facts, person["as_of"])
    interview = run_interview(engine, start, answers_from(said))
    asked = {fact for question in interview.asked for fact in question.facts}
    assert set(person.get("asked", ())) <= asked, sorted(asked)
    assert not set(person.get("never_asked", ())) & asked, sorted(asked)


def test_every_fact_a_shipped_rule_reads_can_be_asked(rulebook: Rulebook) -> None:
    read = {f for benefit in rulebook.benefits.values() for f in benefit.facts}
    assert "wants_business" in read
    blocked = {f: _unaskable_premise(f, rulebook.facts.specs, ()) for f in read}
    assert {f: premise for f, premise in blocked.items() if premise is not None} == {}


def test_a_question_behind_a_premise_without_a_question_is_not_askable(rulebook: Rulebook) -> None:
    specs = dict(rulebook.facts.specs)
    specs["business_form"] = specs["business_form"].model_copy(update={"question": None})
    assert _unaskable_premise("business_months", specs, ()) == "business_form"
    # 您是否打算自主创业？ only waits for the business's form; it does not presuppose it.
    assert _unaskable_premise("wants_business", specs, ()) is None


@pytest.mark.parametrize("person", DATA["providers"], ids=lambda p: p["name"])
def test_a_providers_grant_is_decided_for_a_person_who_runs_no_business(
    engine: Engine, rulebook: Rulebook, person: dict[str, Any]
) -> None:
    result = engine.check(parse_profile(person["profile"], rulebook.facts, person["as_of"]))
    found = {b.id: b for b in result.benefits}
    for benefit in person["benefits"]:
        assert found[benefit].status == "employer_only", benefit
        missing = set(found[benefit].missing_facts)
        assert set(person["missing"]) <= missing if person["missing"] else not missing, (benefit, missing)
