"""Eligibility engine: cited benefit rules as data, three-valued evaluation, minimal questions.

Imports neither `knowledge` nor `bot`; place names come through the `RegionResolver` protocol.
"""

from eligibility.engine import Engine
from eligibility.errors import EligibilityError, ProfileError, RulebookError
from eligibility.interview import apply_answer, run_interview
from eligibility.profile import Profile, parse_profile
from eligibility.regions import RegionResolver, ResolvedRegion
from eligibility.results import BenefitResult, CheckResult, NextQuestion
from eligibility.rulebook import Rulebook, default_rulebook, load_rulebook

__all__ = [
    "BenefitResult",
    "CheckResult",
    "EligibilityError",
    "Engine",
    "NextQuestion",
    "Profile",
    "ProfileError",
    "RegionResolver",
    "ResolvedRegion",
    "Rulebook",
    "RulebookError",
    "apply_answer",
    "default_rulebook",
    "load_rulebook",
    "parse_profile",
    "run_interview",
]
