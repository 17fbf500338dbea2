"""Which place's documents cover a person for a measure (issue 11, session 40).

A measure is the policy of the place its `covered_by` names (rule files): where the person is (`residence`, the
default), where they work and are insured (`work`: 社保补贴, 技能提升 — paid from that place's 失业保险基金), or
where their business is registered or planned (`business`: 创业补贴, 创业担保贷款, 场地). The person's work and
business places are facts (`work_region`, `business_region`) read through the same region seam as `region`;
a kind whose place is not said (or said 不清楚, or a province that holds several covered cities) falls back to
where the person is. A place said that no document covers covers none of its kind's measures.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from eligibility.facts import FactRegistry
from eligibility.regions import RegionResolver, without_former_affiliation
from eligibility.results import BenefitResult
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


def bound_places(
    values: Mapping[str, Any],
    resolver: RegionResolver,
    covered: Iterable[str],
    elsewhere: Collection[str] = (),
    here: Collection[str] = (),
) -> BoundPlaces:
    """The work and business places said in the profile, resolved to the covered jurisdictions (or None).
    `elsewhere`: the answers that name no place but say it is none of the covered ones (其他地方, session 41);
    `here`: the answers saying it is where the person is (与居住地相同: the region question answered with one place)."""
    places = set(covered)
    found: dict[str, str | None] = {}
    for kind, fact in PLACE_FACTS.items():
        said = values.get(fact)
        if not isinstance(said, str) or not said.strip():
            continue
        if said in here:
            continue
        if said in elsewhere:
            found[kind] = None
            continue
        region = resolver.resolve(without_former_affiliation(said))
        if region.covered and region.jurisdiction in places:
            found[kind] = region.jurisdiction
        elif region.place and not region.candidates:
            # A place no document covers (西安, 大连, 简阳): none of this kind's measures is the person's here.
            found[kind] = None
    if "work" not in found and "business" in found and runs_business(values):
        # Session 41: one who runs a business works and is insured where it is (个体经营者、企业主 参保 there).
        found["work"] = found["business"]
    return BoundPlaces(found)


# A result that the place it follows could still change: the measure stands here, met or open (session 41).
STANDING = frozenset({"eligible", "possibly_eligible", "if_hired", "as_employer"})


def place_to_ask(
    results: Iterable[BenefitResult], benefits: Mapping[str, Benefit], values: Mapping[str, Any], facts: FactRegistry
) -> str | None:
    """The place fact worth asking (session 41), or None: not said yet, asked of this person (its `asked_of`: one
    who works or is insured, one who runs or plans a business), and some measure of its kind still standing here —
    where the person works or does business decides whether that measure is theirs, or another place's is."""
    standing = {benefits[r.id].covered_by for r in results if r.status in STANDING and r.id in benefits}
    if "work" in standing and runs_business(values):
        # One who runs a business works and is insured where it is: its place, asked once, stands for both.
        standing = (standing - {"work"}) | {"business"}
    for kind, fact in PLACE_FACTS.items():
        spec = facts.specs.get(fact)
        if spec is None or not spec.is_askable or fact in values or kind not in standing:
            continue
        if spec.is_asked_of(values):
            return fact
    return None


def here_answers(facts: FactRegistry) -> frozenset[str]:
    """The place facts' answers for the place where the person is (their `as_region`, session 41)."""
    return frozenset(
        str(spec.as_region.value)
        for fact in PLACE_FACTS.values()
        if (spec := facts.specs.get(fact)) is not None and spec.as_region is not None
    )


def elsewhere_answers(facts: FactRegistry) -> frozenset[str]:
    """The place facts' answers for a place no document covers (their `rest_of_place`: 其他地方)."""
    return frozenset(
        str(spec.rest_of_place.value)
        for fact in PLACE_FACTS.values()
        if (spec := facts.specs.get(fact)) is not None and spec.rest_of_place is not None
    )


# The forms of a business one runs (facts.yaml business_form; `none`: no business of one's own).
BUSINESS_FORMS = frozenset({"micro_enterprise", "individual", "farm_entity"})


def runs_business(values: Mapping[str, Any]) -> bool:
    """Runs a business of their own now: a form said, or self-employed while the form is not said."""
    form = values.get("business_form")
    if form is not None:
        return form in BUSINESS_FORMS
    return values.get("employment_status") == "self_employed"
