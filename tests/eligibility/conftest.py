"""Shared fixtures: the packaged rulebook, the real place-name resolver, an engine over both."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.profile import Profile, parse_profile
from eligibility.rulebook import Rulebook, default_rulebook
from knowledge.regions import Gazetteer

from .personas import AS_OF


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return default_rulebook()


@pytest.fixture(scope="session")
def gazetteer(rulebook: Rulebook) -> Gazetteer:
    return Gazetteer(covered=rulebook.jurisdictions)


@pytest.fixture(scope="session")
def engine(rulebook: Rulebook, gazetteer: Gazetteer) -> Engine:
    return Engine(rulebook, gazetteer)


@pytest.fixture
def profile_of(rulebook: Rulebook):  # type: ignore[no-untyped-def]
    def make(raw: dict[str, Any], as_of: date = AS_OF) -> Profile:
        return parse_profile(raw, rulebook.facts, as_of)

    return make
