"""Session 45 review (review45): evidence — a 户籍 said only as the province that holds the city (四川省 for 资阳) is
not "registered elsewhere": the city's own 建档立卡 measures are at most to confirm, never failed."""

from __future__ import annotations

from datetime import date

import pytest

from eligibility.engine import Engine
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook

PERSON = {"region": "资阳市雁江区", "age": 35, "employment_status": "unemployed", "household": ["poverty_registered"],
          "business_form": "none", "wants_business": True, "job_seeking": True}  # fmt: skip


@pytest.mark.parametrize(
    "benefit",
    ["ziyang.poor_entrepreneur_guarantee_loan", "ziyang.poor_labor_job_referral", "ziyang.poor_labor_hardship_parity"],
)
def test_the_province_holding_the_city_is_no_household_elsewhere(
    engine: Engine, rulebook: Rulebook, benefit: str
) -> None:
    profile = parse_profile({**PERSON, "household_region": "四川省"}, rulebook.facts, date(2018, 5, 1))
    found = {b.id: b for b in engine.check(profile).benefits}
    assert found[benefit].status == "possibly_eligible", found[benefit].reasons
    assert found[benefit].reasons[0].kind == "to_confirm"


@pytest.mark.parametrize("household", ["巴中市平昌县", "河南省"])
def test_a_place_outside_the_city_still_fails(engine: Engine, rulebook: Rulebook, household: str) -> None:
    profile = parse_profile({**PERSON, "household_region": household}, rulebook.facts, date(2018, 5, 1))
    found = {b.id: b for b in engine.check(profile).benefits}
    assert found["ziyang.poor_labor_job_referral"].status == "ineligible"
