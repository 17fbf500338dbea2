"""Profiles are checked at the boundary: bad ones are rejected with a message naming the fact."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.present.problems import problem_text
from eligibility.errors import ProfileError
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook

from .personas import AS_OF

BAD = yaml.safe_load(Path(__file__).with_name("bad_profiles.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(c, id=c["name"]) for c in BAD])
def test_a_bad_profile_is_rejected_naming_the_fact(rulebook: Rulebook, case: dict[str, Any]) -> None:
    with pytest.raises(ProfileError) as raised:
        parse_profile({"as_of": AS_OF.isoformat(), **case["profile"]}, rulebook.facts, AS_OF)
    error = raised.value
    assert error.fact == case["fact"]
    worded = problem_text(error)
    assert case["says"] in worded
    assert case["fact"] in worded and case["fact"] in error.message_en


@pytest.mark.parametrize("raw", [[], "age=3", 42, None])
def test_a_profile_must_be_a_json_object(rulebook: Rulebook, raw: Any) -> None:
    with pytest.raises(ProfileError, match="JSON"):
        parse_profile(raw, rulebook.facts, AS_OF)


def test_null_means_dont_know_and_is_kept_apart_from_not_asked(rulebook: Rulebook) -> None:
    profile = parse_profile({"hard_to_employ": None}, rulebook.facts, AS_OF)
    assert profile.is_answered("hard_to_employ") and profile.values["hard_to_employ"] is None
    assert not profile.is_answered("age")


def test_as_of_defaults_to_the_given_today_and_dates_are_relative_to_it(rulebook: Rulebook) -> None:
    assert parse_profile({}, rulebook.facts, AS_OF).as_of == AS_OF
    profile = parse_profile({"as_of": "2020-05-01", "certificate_date": "2020-04-30"}, rulebook.facts, AS_OF)
    assert profile.as_of == date(2020, 5, 1)
    assert profile.values["certificate_date"] == date(2020, 4, 30)


def test_a_student_may_give_an_expected_graduation_date(rulebook: Rulebook) -> None:
    profile = parse_profile({"graduation_date": "2026-06-30"}, rulebook.facts, AS_OF)
    assert profile.values["graduation_date"] == date(2026, 6, 30)


def test_values_are_normalized(rulebook: Rulebook) -> None:
    profile = parse_profile(
        {"household": ["zero_employment", "dibao", "dibao"], "ui_years": 3, "age": 30.0, "region": " 延吉 "},
        rulebook.facts,
        AS_OF,
    )
    assert profile.values["household"] == ("dibao", "zero_employment")
    assert profile.values["ui_years"] == 3.0 and profile.values["age"] == 30
    assert profile.values["region"] == "延吉"
