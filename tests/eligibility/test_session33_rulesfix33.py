"""Session 33 (issue 11, task rulesfix33): the review of rules29 — an open alternative is not shown while its sibling
is still unknown, whole months of business are read safely at a start-day boundary, the unit of a count is the fact's
declared unit, and a park first recognised at one level and now at a higher one is to confirm."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.comparisons import build_test
from eligibility.engine import Engine
from eligibility.facts import FactSpec
from eligibility.results import NextQuestion
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner
from tests.eligibility.test_session33_rules29 import PARK_OWNER

STARTUP = "jilin.startup_subsidy"
LIAOYUAN_GRADUATE: dict[str, Any] = {
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


def test_an_open_alternative_is_not_shown_while_its_sibling_fact_is_not_asked_yet(engine: Engine) -> None:
    found = benefit_of(check(engine, LIAOYUAN_GRADUATE, date(2019, 10, 12)), STARTUP)
    texts = [str(r.requirement.text) for r in found.reasons if r.requirement is not None]
    # 吉林（七）'s open branch is of a business begun before the document: the person never said so.
    assert not any("前就已开始经营" in text for text in texts), texts
    assert not [r for r in found.reasons if r.kind == "to_confirm"]
    assert "business_months" in found.missing_facts


@pytest.mark.parametrize("months", [40, None], ids=["begun before the document", "answered 不清楚"])
def test_an_open_alternative_is_shown_once_its_sibling_is_answered(engine: Engine, months: int | None) -> None:
    found = benefit_of(check(engine, {**LIAOYUAN_GRADUATE, "business_months": months}, date(2019, 10, 12)), STARTUP)
    assert found.status == "possibly_eligible"
    confirms = [str(r.requirement.text) for r in found.reasons if r.kind == "to_confirm" and r.requirement]
    # Worded as what may be, never as what the person said.
    assert confirms and all("可能在文件印发" in text for text in confirms), confirms


# 吉林（七） signed 2017-10-12; business_months counts whole months, so N months up to as_of is a start anywhere in
# (as_of − (N+1) months, as_of − N months]. Only a start certainly on or after the day is met.
BOUNDARY = [
    pytest.param(date(2019, 10, 12), 23, True, id="23 whole months on the day: began 2017-10-13 or later"),
    pytest.param(date(2019, 10, 12), 24, False, id="24 whole months: may have begun 2017-09-13, before"),
    pytest.param(date(2019, 10, 11), 23, False, id="23 whole months a day earlier: may have begun 2017-10-11"),
    pytest.param(date(2019, 11, 12), 24, True, id="24 whole months a month later: began 2017-10-13 or later"),
]


@pytest.mark.parametrize(("as_of", "months", "met"), BOUNDARY)
def test_whole_months_of_business_start_on_or_after_a_day_only_when_the_whole_month_window_does(
    rulebook: Rulebook, as_of: date, months: int, met: bool
) -> None:
    test = build_test(rulebook.facts["business_months"], "started_on_or_after", date(2017, 10, 12))
    assert test(months, as_of) is met


def test_a_start_day_is_counted_back_from_a_fact_whose_declared_unit_is_months_whatever_its_name(
    rulebook: Rulebook,
) -> None:
    months = rulebook.facts["business_months"]
    renamed = FactSpec.model_validate({**months.model_dump(), "name": "business_age"})
    assert build_test(renamed, "started_on_or_after", date(2017, 10, 12))(30, date(2020, 10, 12)) is True
    # An age in years is no count of months, even named like one.
    named_months = FactSpec.model_validate({**rulebook.facts["age"].model_dump(), "name": "age_months"})
    with pytest.raises(ValueError, match="no count of months"):
        build_test(named_months, "started_on_or_after", date(2017, 10, 12))


# 巴中（六） 对首次认定为市级创业园区（孵化基地）的 — the first recognition: a park now 省级/国家级 may first
# have been 市级.
# 吉林（十一） 对省级农民工返乡创业基地（园区） — a 国家级 base may hold the 省级 recognition as well.
LEVELS = [
    pytest.param("巴中市巴州区", "bazhong.incubator_construction_subsidy", "provincial", "as_employer", id="巴中 省级"),
    pytest.param("巴中市巴州区", "bazhong.incubator_construction_subsidy", "national", "as_employer", id="巴中 国家级"),
    pytest.param("巴中市巴州区", "bazhong.incubator_construction_subsidy", "county", "ineligible", id="巴中 县级"),
    pytest.param("长春市", "jilin.provincial_returnee_base_grant", "national", "as_employer", id="吉林 国家级"),
    pytest.param("长春市", "jilin.provincial_returnee_base_grant", "city", "ineligible", id="吉林 市级"),
]


@pytest.mark.parametrize(("region", "benefit", "level", "status"), LEVELS)
def test_a_park_recognised_higher_than_the_level_named_may_have_held_that_level_first_and_is_to_confirm(
    engine: Engine, region: str, benefit: str, level: str, status: str
) -> None:
    found = benefit_of(
        check(engine, {**PARK_OWNER, "region": region, "unit_park_level": level}, date(2018, 12, 3)), benefit
    )
    assert found.status == status
    # The owner's unit may claim it, with its first (or provincial) recognition to confirm; a lower level is no.
    confirms = [r for r in found.reasons if r.kind == "to_confirm"]
    assert bool(confirms) is (status == "as_employer")


def _asked_park_level(engine: Engine, region: str) -> NextQuestion:
    """The park level question as the interview reaches it: every earlier question answered with its first no."""
    profile: dict[str, Any] = {**PARK_OWNER, "region": region}
    facts = engine.rulebook.facts
    for _ in range(20):
        question = check(engine, profile, date(2018, 12, 3)).next_question
        assert question is not None
        if question.fact == "unit_park_level":
            return question
        for name in question.facts or (question.fact,):
            spec = facts[name]
            first = spec.enum_values[0] if spec.type == "enum" else None
            profile[name] = {"boolean": False, "integer": 30, "enum_list": [], "enum": first}[spec.type]
    raise AssertionError("the park level was never asked")


@pytest.mark.parametrize(
    ("region", "own", "foreign"),
    [("巴中市巴州区", "巴中（六）", ("吉林", "80万元")), ("长春市", "吉林（十一）", ("巴中", "20万元"))],
    ids=["巴中 owner", "吉林 owner"],
)
def test_the_park_level_question_speaks_of_the_persons_own_places_grant_and_no_other(
    engine: Engine, region: str, own: str, foreign: tuple[str, ...]
) -> None:
    hint = _asked_park_level(engine, region).hint
    assert own in hint
    assert not [word for word in foreign if word in hint], hint


def test_the_park_level_hint_for_no_one_place_names_no_place(rulebook: Rulebook) -> None:
    hint = rulebook.facts["unit_park_level"].hint
    assert hint and not [place for place in ("巴中", "吉林", "万元") if place in hint], hint


def test_a_start_on_the_day_the_document_was_signed_is_worded_as_met(engine: Engine) -> None:
    found = benefit_of(check(engine, {**LIAOYUAN_GRADUATE, "business_months": None}, date(2019, 10, 12)), STARTUP)
    texts = [str(r.requirement.text) for r in found.reasons if r.requirement is not None]
    assert "需在文件印发（2017年10月12日）当天或以后开始经营" in texts, texts


# The held-out runner (bench/holdout_eligibility.py): a tenant of a park is not its owner, and a park of one's own said
# not yet recognised in the next clause is recognised at no level.
TENANTS = ["创办的公司入驻孵化基地", "开办网店入驻创业园区", "创办的企业在孵化园区内"]


@pytest.mark.parametrize("said", TENANTS)
def test_the_runner_reads_a_business_in_a_park_as_its_tenant_not_its_owner(rulebook: Rulebook, said: str) -> None:
    facts = {"place": "巴中市巴州区", "age": 30, "employment": "self_employed", "other": f"个体户; {said}"}
    profile = load_runner().profile_of(facts, date(2019, 3, 1), rulebook)
    assert profile.get("unit_park") is not True, profile


@pytest.mark.parametrize(
    ("said", "level"),
    [("另办返乡创业基地为县级认定", "county"), ("附设孵化空间，尚未申请认定", "none")],
    ids=["a base of his own, county", "a space of his own, not yet recognised"],
)
def test_the_runner_reads_the_level_of_a_park_of_ones_own(rulebook: Rulebook, said: str, level: str) -> None:
    facts = {"place": "巴中市巴州区", "age": 30, "employment": "self_employed", "other": f"开办小微企业; {said}"}
    profile = load_runner().profile_of(facts, date(2019, 3, 1), rulebook)
    assert profile.get("unit_park") is True and profile.get("unit_park_level") == level, profile
