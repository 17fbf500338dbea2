"""Helpers shared by the per-session eligibility tests: a profile checked on a day, one benefit's result."""

from __future__ import annotations

from datetime import date
from typing import Any

from eligibility.engine import Engine
from eligibility.profile import parse_profile
from eligibility.results import BenefitResult, CheckResult


def check(engine: Engine, profile: dict[str, Any], as_of: date) -> CheckResult:
    return engine.check(parse_profile(profile, engine.rulebook.facts, as_of))


def benefit_of(result: CheckResult, benefit_id: str) -> BenefitResult:
    return next(b for b in result.benefits if b.id == benefit_id)
