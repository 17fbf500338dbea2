"""Which place's documents cover a person for a measure (issue 11, session 40).

A measure is the policy of the place its `covered_by` names (rule files): where the person is (`residence`, the
default), where they work and are insured (`work`: 社保补贴, 技能提升 — paid from that place's 失业保险基金), or
where their business is registered or planned (`business`: 创业补贴, 创业担保贷款, 场地). The person's work and
business places are facts (`work_region`, `business_region`) read through the same region seam as `region`;
a kind whose place is not said (or said 不清楚, or a province that holds several covered cities) falls back to
where the person is. A place said that no document covers covers none of its kind's measures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from eligibility.regions import RegionResolver, without_former_affiliation
from eligibility.rulebook import Benefit

# The fact holding each place kind other than where the person is (eligibility/facts.yaml).
PLACE_FACTS: dict[str, str] = {"work": "work_region", "business": "business_region"}


@dataclass(frozen=True, slots=True)
class BoundPlaces:
    """The covered jurisdiction of each place kind the person said (None: a place no document covers);
    a kind not said is absent and falls back to where the person is."""

    jurisdictions: Mapping[str, str | None]

    def covering(self, benefit: Benefit, here: str | None) -> str | None:
        """The jurisdiction whose documents cover the person for `benefit`: its kind's place, or `here`."""
        return self.jurisdictions.get(benefit.covered_by, here) if benefit.covered_by in PLACE_FACTS else here

    def covered_here(self, benefits: Iterable[Benefit], here: str | None) -> list[Benefit]:
        """Of `here`'s measures, those the person's places leave to `here` (a worker measure of a person insured
        elsewhere is not)."""
        return [b for b in benefits if here is not None and self.covering(b, here) == here]

    def elsewhere(self, here: str | None) -> tuple[str, ...]:
        """The covered places other than `here` that a work or business place brings, in the kinds' order."""
        return tuple(dict.fromkeys(j for j in self.jurisdictions.values() if j is not None and j != here))


def bound_places(values: Mapping[str, Any], resolver: RegionResolver, covered: Iterable[str]) -> BoundPlaces:
    """The work and business places said in the profile, resolved to the covered jurisdictions (or None)."""
    places = set(covered)
    found: dict[str, str | None] = {}
    for kind, fact in PLACE_FACTS.items():
        said = values.get(fact)
        if not isinstance(said, str) or not said.strip():
            continue
        region = resolver.resolve(without_former_affiliation(said))
        if region.covered and region.jurisdiction in places:
            found[kind] = region.jurisdiction
        elif region.place and not region.candidates:
            # A place no document covers (西安, 大连, 简阳): none of this kind's measures is the person's here.
            found[kind] = None
    return BoundPlaces(found)
