"""Issue 11, session 28 (rules24): whose a park's or base's own grant is.

巴中（六）: 对首次认定为市级创业园区（孵化基地）的，按规定由市财政给予业主20万元的园区建设补贴.
吉林（十一）: 对省级农民工返乡创业基地（园区）给予80万元资金补助.

Both grants go to the park or base itself. Until now nothing said whether the person's own business is that park, so
every business owner — a park's tenant, a cooperative, a park's owner alike — was told `employer_only` (someone
else's money), and a park's owner never heard it was his unit's to claim. Whether the person's unit is a park or base
(`unit_park`) is now asked of a person who runs a business: no — not theirs (`ineligible`, with the requirement
quoted); yes — their unit's (`as_employer`, the rest still to confirm); a park already paid on its first
recognition (首次认定) is not paid again. Whoever runs no business keeps `employer_only`.
"""

from __future__ import annotations

from datetime import date

import pytest

from eligibility.engine import Engine
from eligibility.rulebook import default_rulebook
from tests.eligibility.checking import benefit_of, check

BOOK = default_rulebook()

# A man in 恩阳区 who runs a company letting workshop space to a dozen start-ups, recognised in March.
PARK_RUNNER = {
    "region": "四川省巴中市恩阳区",
    "age": 49,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "hiring_staff": False,
}
# A woman in 梅河口 who heads a mushroom cooperative she set up on returning from 沈阳.
COOPERATIVE_HEAD = {
    "region": "吉林省通化市梅河口市",
    "age": 41,
    "employment_status": "self_employed",
    "business_form": "farm_entity",
    "returning_migrant": True,
    "hiring_staff": False,
}
AUTUMN_2018 = date(2018, 11, 5)
GRANTS = [
    (PARK_RUNNER, "bazhong.incubator_construction_subsidy"),
    (COOPERATIVE_HEAD, "jilin.provincial_returnee_base_grant"),
]
IDS = ["bazhong-park-construction", "jilin-returnee-base"]


@pytest.mark.parametrize(("person", "benefit_id"), GRANTS, ids=IDS)
def test_whether_the_owners_unit_is_the_park_is_asked(
    engine: Engine, person: dict[str, object], benefit_id: str
) -> None:
    result = check(engine, person, AUTUMN_2018)
    found = benefit_of(result, benefit_id)
    assert found.status == "employer_only"
    assert "unit_park" in found.missing_facts


@pytest.mark.parametrize(("person", "benefit_id"), GRANTS, ids=IDS)
def test_a_unit_that_is_no_park_is_told_the_grant_is_not_its(
    engine: Engine, person: dict[str, object], benefit_id: str
) -> None:
    found = benefit_of(check(engine, {**person, "unit_park": False}, AUTUMN_2018), benefit_id)
    assert found.status == "ineligible"
    failed = [r for r in found.reasons if r.kind == "failed"]
    assert failed and all(r.requirement is not None and r.requirement.fact == "unit_park" for r in failed)
    clause = BOOK.benefits[benefit_id].citations[0].cite
    assert all(r.clause_id == clause for r in failed)


@pytest.mark.parametrize(("person", "benefit_id"), GRANTS, ids=IDS)
def test_the_parks_own_owner_is_told_his_unit_may_claim_it(
    engine: Engine, person: dict[str, object], benefit_id: str
) -> None:
    found = benefit_of(check(engine, {**person, "unit_park": True}, AUTUMN_2018), benefit_id)
    assert found.status == "as_employer"
    # The recognition (首次认定为市级 / 省级) is not known yet: asked since session 33 (unit_park_level).
    assert "unit_park_level" in found.missing_facts
    assert found.amount is not None and ("20万元" in (found.amount.text or "") or "80万元" in (found.amount.text or ""))


def test_a_park_paid_on_its_first_recognition_is_not_paid_again(engine: Engine) -> None:
    paid = {**PARK_RUNNER, "unit_park": True, "received_before": ["incubator_construction_subsidy"]}
    found = benefit_of(check(engine, paid, AUTUMN_2018), "bazhong.incubator_construction_subsidy")
    assert found.status == "ineligible"
    assert any(r.clause_id == "bazhong-2018-06" and r.kind == "failed" for r in found.reasons)


def test_someone_without_a_business_is_not_asked_about_parks(engine: Engine) -> None:
    # A founder renting a desk has a business; a job seeker has none — for her the grant is another's, unasked.
    seeker = {"region": "四川省巴中市恩阳区", "age": 27, "employment_status": "unemployed", "job_seeking": True}
    result = check(engine, seeker, AUTUMN_2018)
    found = benefit_of(result, "bazhong.incubator_construction_subsidy")
    assert found.status == "employer_only"
    assert result.next_question is None or result.next_question.fact != "unit_park"


def test_a_no_park_owner_before_the_document_is_still_not_its(engine: Engine) -> None:
    # 巴中 2018-02-01: asked in January 2018, a unit that is no park hears "not yours", not "not yet in force".
    found = benefit_of(
        check(engine, {**PARK_RUNNER, "unit_park": False}, date(2018, 1, 10)), "bazhong.incubator_construction_subsidy"
    )
    assert found.status == "ineligible"
    before = benefit_of(
        check(engine, {**PARK_RUNNER, "unit_park": True}, date(2018, 1, 10)), "bazhong.incubator_construction_subsidy"
    )
    assert before.status == "not_yet_in_force"


def test_a_tenant_of_a_park_is_told_the_grant_is_its_owners(engine: Engine) -> None:
    # A 个体户 renting a desk in the park runs no park (implied): the park's grant is its owner's, another's.
    tenant = {**PARK_RUNNER, "business_form": "individual", "business_in_incubator": True}
    found = benefit_of(check(engine, tenant, AUTUMN_2018), "bazhong.incubator_construction_subsidy")
    assert found.status == "employer_only"
    assert "unit_park" not in found.missing_facts
