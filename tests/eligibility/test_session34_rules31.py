"""Session 34 (issue 11, task rules31): a measure of others the person serves — a park's owner asking about the rent
subsidy of the founders who rent space in it (巴中（六）) is theirs, not his: `employer_only` with `beneficiary: others`
and whom it goes to, the same in the engine, the JSON and the presenter; 资阳（二十一）'s approved, non-profit staff
training institution is the firm's, never a worker's; the holdout runner reads a firm that laid off no one as
staffed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.present.check import check_text
from bot.present.results import result_json, unit_label
from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from knowledge.registry import Registry
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

RENT = "bazhong.incubator_rent_subsidy"
# 巴中（六）: 对入驻创业园区（孵化基地）创业的，由受益财政适当给予房租、宽带网络、公共软件等补贴 — paid to those
# who rent space in the park (hp25-39, hp23-37: the owner asks whether it is his or theirs).
PARK_OWNER: dict[str, Any] = {
    "region": "四川省巴中市巴州区",
    "age": 45,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "business_in_incubator": False,
    "unit_park": True,
    "unit_park_level": "city",
    "received_before": [],
}
AS_OF = date(2018, 12, 3)


def test_a_park_owner_is_told_the_tenants_rent_subsidy_is_theirs_not_his(engine: Engine) -> None:
    found = benefit_of(check(engine, PARK_OWNER, AS_OF), RENT)
    assert (found.status, found.beneficiary) == ("employer_only", "others")
    assert found.whose == "入驻创业园区（孵化基地）创业的人"
    assert found.missing_facts == ()


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        pytest.param({"unit_park": False, "business_in_incubator": True}, "possibly_eligible", id="a tenant"),
        pytest.param({"unit_park": False}, "ineligible", id="neither tenant nor park"),
        pytest.param({"unit_park": None}, "ineligible", id="park not said"),
    ],
)
def test_whoever_does_not_run_the_park_is_judged_on_the_subsidys_own_conditions(
    engine: Engine, changes: dict[str, Any], status: str
) -> None:
    found = benefit_of(check(engine, {**PARK_OWNER, **changes}, AS_OF), RENT)
    assert (found.status, found.beneficiary, found.whose) == (status, "applicant", None)


def test_the_json_and_the_terminal_list_the_tenants_subsidy_apart_and_say_whose_it_is(
    engine: Engine, registry: Registry
) -> None:
    result = check(engine, PARK_OWNER, AS_OF)
    shown = result_json(result, engine.rulebook, registry)
    (rent,) = [b for b in shown["benefits"] if b["id"] == RENT]
    assert (rent["side"], rent["whose"], rent["beneficiary"]) == ("unit", "入驻创业园区（孵化基地）创业的人", "others")
    assert rent["beneficiary_label"] == "其他人可享受（不发给您本人）"
    assert RENT in shown["unit_benefits"] and RENT not in shown["own_benefits"]
    # Like any employer_only measure, the terminal lists it nowhere; where a unit's measure is labelled, it says whose.
    assert "入驻创业园区" not in check_text(result, registry, engine.rulebook)
    assert unit_label(benefit_of(result, RENT)) == "这项补贴发给入驻创业园区（孵化基地）创业的人，不发给您本人"


TRAINING = "ziyang.enterprise_training_institution"


@pytest.mark.parametrize(
    ("facts", "status"),
    [
        pytest.param({"employment_status": "employed", "ui_insured": True}, "employer_only", id="a worker (hp25-23)"),
        pytest.param(
            {"employment_status": "self_employed", "business_form": "micro_enterprise", "business_has_employees": True},
            "as_employer",
            id="the head of a firm with staff (hp26-38)",
        ),
    ],
)
def test_a_firms_approved_staff_training_institution_is_the_firms_to_confirm_never_a_workers(
    engine: Engine, facts: dict[str, Any], status: str
) -> None:
    found = benefit_of(check(engine, {"region": "四川省资阳市乐至县", "age": 40, **facts}, date(2018, 9, 26)), TRAINING)
    assert found.status == status
    if status == "as_employer":
        assert [r.kind for r in found.reasons] == ["to_confirm"]


def test_the_holdout_runner_reads_a_firm_that_laid_off_no_one_as_having_staff(rulebook: Rulebook) -> None:
    runner = load_runner()
    facts = {"place": "四川省资阳市", "age": 54, "employment": "business_owner", "other": "企业未裁员, 按时缴费"}
    assert runner.profile_of(facts, date(2018, 6, 5), rulebook).get("business_has_employees") is True
    worker = {**facts, "employment": "employed"}
    assert "business_has_employees" not in runner.profile_of(worker, date(2018, 6, 5), rulebook)


LOCAL_BASE = "jilin.local_returnee_base_grant"


@pytest.mark.parametrize(
    ("level", "status"),
    [
        pytest.param("county", "as_employer", id="a county's base: the base's, its amount to confirm"),
        pytest.param("city", "as_employer", id="a city's base"),
        pytest.param("provincial", "ineligible", id="a provincial base: its grant is the 80万元 one"),
    ],
)
def test_a_city_or_county_returnee_base_gets_the_grant_its_city_or_county_sets(
    engine: Engine, level: str, status: str
) -> None:
    """吉林（十一）: 各市（州）、县（市、区）对市、县级返乡创业基地也要给予适当资金补助."""
    owner = {
        "region": "吉林省松原市前郭尔罗斯蒙古族自治县",
        "age": 45,
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
        "unit_park": True,
        "unit_park_level": level,
        "received_before": [],
    }
    found = benefit_of(check(engine, owner, date(2018, 5, 1)), LOCAL_BASE)
    assert found.status == status
    if status == "as_employer":
        assert "to_confirm" in [r.kind for r in found.reasons]
