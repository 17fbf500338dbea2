"""The order results are listed in: by status (eligible first), then by how directly each fits the person.

A measure whose conditions name many of the person's own stated facts, and hold on them (参加失业保险3年以上, 取得证书,
企业职工: 职工技能提升补贴), fits more directly than one that holds on a single broad fact or on facts still unknown
(劳动年龄内, 退役士兵 not said): it comes first within its status (session 44, elig44 — a 技能提升补贴 met on four facts
was listed twelfth, behind measures open on a fact the person never said)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eligibility.comparisons import build_test
from eligibility.conditions import Possible, Test
from eligibility.facts import FactRegistry
from eligibility.profile import Profile
from eligibility.results import BenefitResult, BenefitStatus

STATUS_ORDER: dict[BenefitStatus, int] = {
    "eligible": 0,
    "possibly_eligible": 1,
    "if_hired": 2,
    "as_employer": 3,
    "employer_only": 4,
    "not_yet_in_force": 5,
    "ineligible": 6,
    "expired": 7,
}


# The statuses listed to the person as theirs to act on; the rest keep the rule order within their status.
_LISTED_FIRST = frozenset({"eligible", "possibly_eligible", "if_hired", "as_employer"})


class Ranking:
    """Sorts results by status, then by the number of the person's facts their conditions test and that hold."""

    def __init__(self, facts: FactRegistry) -> None:
        self._facts = facts
        # Per benefit, its stated conditions as (fact, test) — built once: a result's conditions are its rule's.
        self._tests: dict[str, tuple[tuple[str, Test], ...]] = {}

    def sorted(self, results: Iterable[BenefitResult], profile: Profile | None = None) -> tuple[BenefitResult, ...]:
        listed = list(results)
        if profile is None:
            return tuple(sorted(listed, key=lambda r: STATUS_ORDER[r.status]))
        return tuple(
            sorted(
                listed,
                key=lambda r: (STATUS_ORDER[r.status], -self.fit(r, profile) if r.status in _LISTED_FIRST else 0),
            )
        )

    def fit(self, result: BenefitResult, profile: Profile) -> int:
        """The person's own facts the result's stated conditions test and that hold (a fact counted once)."""
        held: set[str] = set()
        values = profile.values
        for fact, test in self._tests_of(result):
            if fact in held:
                continue
            value = values.get(fact)
            if value is not None and not isinstance(value, Possible) and _holds(test, value, profile):
                held.add(fact)
        return len(held)

    def _tests_of(self, result: BenefitResult) -> tuple[tuple[str, Test], ...]:
        found = self._tests.get(result.id)
        if found is None:
            pairs = []
            for condition in result.conditions:
                fact, comparison = condition.fact, condition.comparison
                if fact is None or comparison is None or condition.open or condition.subject != "person":
                    continue
                spec = self._facts.specs.get(fact)
                try:
                    test = None if spec is None else build_test(spec, comparison, condition.operand)
                except ValueError:
                    test = None
                if test is not None:
                    pairs.append((fact, test))
            found = self._tests[result.id] = tuple(pairs)
        return found


def _holds(test: Test, value: Any, profile: Profile) -> bool:
    try:
        return bool(test(value, profile.as_of))
    except (TypeError, AttributeError, ValueError):
        return False
