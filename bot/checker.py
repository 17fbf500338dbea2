"""The eligibility check as a service: the engine decides, the clause registry turns its clause ids
into the same citation objects `policybot ask` returns, and the presenter words reasons and the
disclaimer. Shared by the CLI, the web API and the dialogue; no I/O here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.present.results import result_json
from eligibility.engine import Engine
from eligibility.errors import ProfileError
from eligibility.facts import FactRegistry
from eligibility.profile import Profile, parse_profile
from eligibility.results import CheckResult
from knowledge.registry import Registry


@dataclass(frozen=True)
class Checker:
    """The engine plus the registry that expands its clause ids into citation objects."""

    engine: Engine
    registry: Registry

    @property
    def facts(self) -> FactRegistry:
        return self.engine.rulebook.facts

    def profile(self, raw: Any, today: date) -> Profile:
        return parse_profile(raw, self.facts, today)

    def check(self, raw: Any, today: date) -> dict[str, Any]:
        """One raw profile (a JSON object) → the `check --json` result object."""
        return self.to_json(self.engine.check(self.profile(raw, today)))

    def check_setting_dates_aside(self, raw: Any, today: date) -> tuple[dict[str, Any], list[ProfileError]]:
        """`check`, but a date that no calendar has or that is later than its fact allows is left out
        of the profile (so the result asks it) and returned beside the result, not raised."""
        set_aside: list[ProfileError] = []
        profile = parse_profile(raw, self.facts, today, set_aside)
        return self.to_json(self.engine.check(profile)), set_aside

    def to_json(self, result: CheckResult) -> dict[str, Any]:
        """The `check --json` contract (docs/eligibility.md), worded by the presenter."""
        return result_json(result, self.engine.rulebook, self.registry)
