"""Session 33 (issue 11, task rules29): people set 25's classes — a business begun before 吉林（七）'s document is to
confirm, and a park's or base's grant judged on the level it was recognised at."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.comparisons import build_test
from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check

STARTUP = "jilin.startup_subsidy"
GRADUATE_SHOP: dict[str, Any] = {
    "region": "辽源市龙山区",
    "age": 29,
    "employment_status": "self_employed",
    "education": "college",
    "graduation_date": date(2015, 6, 30),
    "business_form": "individual",
    "business_first": True,
    "business_licensed": True,
    "business_insured": True,
    "received_before": [],
}

# 吉林（七）: 对符合条件的高校毕业生和就业困难人员首次创办小微企业或从事个体经营，领取工商营业执照且
# 有正常经营行为1年以上，并参加社会保险的，给予一次性5000元初创企业补贴 — no day the business must start on;
# the document was signed 2017-10-12. A business begun before it is neither covered nor barred by the text: to confirm.
BEGUN = [
    pytest.param(date(2022, 6, 7), 73, "possibly_eligible", id="licensed in 2016, before the document: to confirm"),
    # Session 33 (rulesfix33): whole months — 24 months may have begun 2017-09-13, 23 months began 2017-10-13 or later.
    pytest.param(date(2019, 10, 12), 24, "possibly_eligible", id="24 whole months may have begun before: to confirm"),
    pytest.param(date(2019, 10, 12), 23, "eligible", id="23 whole months began after the document: met"),
    pytest.param(date(2019, 6, 3), 15, "eligible", id="begun in 2018, after the document: met"),
]


@pytest.mark.parametrize(("as_of", "months", "status"), BEGUN)
def test_a_first_business_begun_before_jilins_document_is_to_confirm_not_met(
    engine: Engine, as_of: date, months: int, status: str
) -> None:
    found = benefit_of(check(engine, {**GRADUATE_SHOP, "business_months": months}, as_of), STARTUP)
    assert found.status == status
    confirms = [r for r in found.reasons if r.kind == "to_confirm"]
    if status == "possibly_eligible":
        assert confirms and "文件印发（2017年10月12日）前" in str(
            confirms[0].requirement.text if confirms[0].requirement else ""
        )
    else:
        assert not confirms


@pytest.mark.parametrize(
    ("months", "met"), [(23, True), (24, False)], ids=["23 whole months began after it", "24 may have begun before it"]
)
def test_months_of_business_counted_back_from_as_of_start_on_or_after_a_day(
    rulebook: Rulebook, months: int, met: bool
) -> None:
    test = build_test(rulebook.facts["business_months"], "started_on_or_after", date(2017, 10, 12))
    assert test(months, date(2019, 10, 12)) is met


def test_a_start_day_cannot_be_counted_back_from_a_fact_that_is_not_in_months(rulebook: Rulebook) -> None:
    with pytest.raises(ValueError, match="no count of months"):
        build_test(rulebook.facts["age"], "started_on_or_after", date(2017, 10, 12))


PARK_OWNER: dict[str, Any] = {
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "business_in_incubator": False,
    "unit_park": True,
    "received_before": [],
}

# 巴中（六） 对首次认定为市级创业园区（孵化基地）的，按规定由市财政给予业主20万元的园区建设补贴;
# 吉林（十一） 对省级农民工返乡创业基地（园区）给予80万元资金补助 — the recognition is the park's,
# said by its owner (unit_park_level).
PARKS = [
    pytest.param("巴中市巴州区", "bazhong.incubator_construction_subsidy", "city", "as_employer", id="巴中 city park"),
    pytest.param(
        "巴中市巴州区", "bazhong.incubator_construction_subsidy", "county", "ineligible", id="巴中 county park"
    ),
    pytest.param("巴中市巴州区", "bazhong.incubator_construction_subsidy", "none", "ineligible", id="巴中 not yet"),
    pytest.param("长春市", "jilin.provincial_returnee_base_grant", "provincial", "as_employer", id="吉林 provincial"),
    pytest.param("长春市", "jilin.provincial_returnee_base_grant", "county", "ineligible", id="吉林 county base"),
]


@pytest.mark.parametrize(("region", "benefit", "level", "status"), PARKS)
def test_a_parks_own_grant_is_judged_on_the_level_it_was_recognised_at(
    engine: Engine, region: str, benefit: str, level: str, status: str
) -> None:
    profile = {**PARK_OWNER, "region": region, "unit_park_level": level}
    found = benefit_of(check(engine, profile, date(2018, 12, 3)), benefit)
    assert found.status == status
    # Nothing about the recognition is left to confirm once its level is said.
    assert not [r for r in found.reasons if r.kind == "to_confirm"]


def test_a_park_owner_who_has_not_said_its_level_is_asked_it(engine: Engine) -> None:
    result = check(engine, {**PARK_OWNER, "region": "巴中市巴州区"}, date(2018, 12, 3))
    found = benefit_of(result, "bazhong.incubator_construction_subsidy")
    assert found.status == "as_employer"
    assert "unit_park_level" in found.missing_facts


def test_an_owner_whose_unit_is_no_park_is_not_asked_its_level(engine: Engine) -> None:
    profile = {**PARK_OWNER, "region": "巴中市巴州区", "unit_park": False}
    result = check(engine, profile, date(2018, 12, 3))
    assert all("unit_park_level" not in b.missing_facts for b in result.benefits)
    assert result.next_question is None or result.next_question.fact != "unit_park_level"
