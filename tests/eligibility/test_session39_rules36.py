"""Session 39 (issue 11, task rules36): set 31 read. The 领满补贴期限 box (`hire_term_used`, 巴中（十） 给予最长1年的
社会保险补贴, 平顶山（九） 补贴期限最长不超过1年) is shown only where the term matters — for a hire the measure is for,
not to every hiring employer; and the runner's readings of set 31."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.interview import run_interview
from eligibility.profile import parse_profile
from eligibility.questions import GROUP_TYPE
from eligibility.results import NextQuestion
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

OWNER: dict[str, Any] = {
    "age": 40,
    "education": "college",
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "hiring_staff": True,
    "business_months": 30,
    "hire_contract": True,
    "hire_insured": True,
}

PLACES = [
    pytest.param("四川省巴中市巴州区", date(2018, 6, 1), id="巴中（十）"),
    pytest.param("河南省平顶山市新华区", date(2020, 8, 1), id="平顶山（九）"),
]


def _asked(engine: Engine, region: str, as_of: date, hire: dict[str, Any]) -> list[NextQuestion]:
    """Every question an owner who hires is asked, answered from what he knows (what he does not: no, none)."""
    facts = engine.rulebook.facts
    known = {"region": region, **OWNER, **hire}

    def value(name: str) -> Any:
        if name in known:
            return known[name]
        return {"boolean": False, "enum_list": [], "integer": 0}.get(facts[name].type)

    def answer(question: NextQuestion, _: object) -> Any:
        if question.type == GROUP_TYPE:
            return {name: value(name) for name in question.facts}
        return value(question.fact)

    start = parse_profile(
        {k: known[k] for k in ("region", "employment_status", "business_form", "hiring_staff")}, facts, as_of
    )
    return list(run_interview(engine, start, answer).asked)


@pytest.mark.parametrize(("region", "as_of"), PLACES)
def test_an_owner_whose_hire_is_no_graduate_is_not_asked_whether_the_graduate_subsidy_term_is_used_up(
    engine: Engine, region: str, as_of: date
) -> None:
    hire = {"hire_hard_to_employ": True, "hire_education": "high_school"}
    asked = _asked(engine, region, as_of, hire)
    assert not any("hire_term_used" in q.facts for q in asked), [q.facts for q in asked]


@pytest.mark.parametrize(("region", "as_of"), PLACES)
def test_an_owner_who_hires_a_graduate_of_the_year_is_still_asked_whether_the_term_is_used_up(
    engine: Engine, region: str, as_of: date
) -> None:
    hire = {"hire_education": "college", "hire_graduation_date": date(as_of.year, 6, 30)}
    asked = _asked(engine, region, as_of, hire)
    assert any("hire_term_used" in q.facts for q in asked), [q.facts for q in asked]


RUNNER_READINGS = [
    pytest.param(
        {"employment": "business_owner", "other": "2016年认定就业困难人员; 2017-06首次开办个体小吃店"},
        date(2018, 10, 16),
        {"business_first": True},
        id="首次开办 is a first business",
    ),
    pytest.param(
        {"employment": "flexible", "other": "持残疾证; 2018-03办理个体工商户执照开网店"},
        date(2018, 10, 8),
        {"business_form": "individual", "business_months": 7},
        id="a licence said without 营业 is a business of her own, opened on its day",
    ),
    pytest.param(
        {"employment": "business_owner", "other": "创业园区业主; 园区未被认定为高技能人才培训基地"},
        date(2026, 9, 22),
        {"unit_training_base": "none"},
        id="a unit said to be no training base",
    ),
    pytest.param(
        {"employment": "unemployed", "other": "1962-11出生, 男, 法定退休年龄约在2022-11; 原钢厂职工"},
        date(2020, 10, 12),
        {"years_to_retirement": 2.0},
        id="法定退休年龄约在 a month is the day of retirement",
    ),
    pytest.param(
        {"employment": "employed", "other": "制药企业职工; 2015年取得初级证书"},
        date(2017, 9, 15),
        {"certificates": [{"date": date(2015, 7, 1), "level": "junior"}]},
        id="a certificate dated by its year alone",
    ),
]


@pytest.mark.parametrize(("facts", "as_of", "read"), RUNNER_READINGS)
def test_the_runner_reads_set_31s_words(
    rulebook: Rulebook, facts: dict[str, Any], as_of: date, read: dict[str, Any]
) -> None:
    profile = load_runner().profile_of({"place": "四川省巴中市平昌县", "age": 40, **facts}, as_of, rulebook)
    assert {k: profile.get(k) for k in read} == read, profile


def test_the_runner_reads_a_hire_planned_for_the_end_of_a_year_as_not_made() -> None:
    facts = {
        "employment": "business_owner",
        "other": "广告设计小微企业负责人, 职工8人; 计划2018年底招用2名2018届高校毕业生; 尚未招用",
    }
    runner = load_runner()
    assert runner.hires_planned_only(facts) or runner.hire_described_planned(facts)


# A 平顶山 labour broker (卫东区 劳务公司) who placed a 建档立卡 family's child and a rural worker sent out, grouped.
BROKER: dict[str, Any] = {
    "region": "河南省平顶山市卫东区",
    "age": 45,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "received_before": [],
    "labor_broker": True,
    "more_hires": False,
    "hire_insured": True,
    "hire_household": ["poverty_registered"],
    "hire_rural_labor": True,
    "hire_organized_labor_export": True,
}
FREE_OF_CHARGE = [
    pytest.param("pingdingshan.job_referral_service_subsidy", id="平顶山（二十） 免费为…介绍就业"),
    pytest.param("pingdingshan.labor_export_service_subsidy", id="平顶山（十四） 免费开展…有组织劳务输出"),
]


@pytest.mark.parametrize("benefit_id", FREE_OF_CHARGE)
def test_a_broker_who_charged_the_people_it_placed_has_no_subsidy_for_them(engine: Engine, benefit_id: str) -> None:
    found = benefit_of(check(engine, {**BROKER, "hire_placed_free": False}, date(2021, 3, 15)), benefit_id)
    assert found.status == "ineligible", found
    assert any(r.requirement and "免费" in (r.requirement.text or "") for r in found.reasons), found.reasons


@pytest.mark.parametrize("benefit_id", FREE_OF_CHARGE)
def test_a_broker_who_placed_them_free_is_judged_as_the_unit_and_one_who_did_not_say_is_asked(
    engine: Engine, benefit_id: str
) -> None:
    free = benefit_of(check(engine, {**BROKER, "hire_placed_free": True}, date(2021, 3, 15)), benefit_id)
    assert free.status == "as_employer" and "hire_placed_free" not in free.missing_facts, free
    unsaid = benefit_of(check(engine, BROKER, date(2021, 3, 15)), benefit_id)
    assert unsaid.status == "as_employer" and "hire_placed_free" in unsaid.missing_facts, unsaid


def test_whether_the_placement_was_free_is_a_box_of_the_hires_terms(rulebook: Rulebook) -> None:
    assert "hire_placed_free" in rulebook.facts.groups["hire_terms"].facts
