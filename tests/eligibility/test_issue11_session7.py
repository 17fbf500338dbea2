"""Issue 11, session 7: 劳动年龄 (a benefit about work needs a person of legal working age, one shared
definition) and the open readings the second held-out people showed — 个体经营 as 灵活就业 and texts
that only name other policies (按规定享受小微企业扶持政策, 落实…等政策). Each person here is written
from the clause texts, not from a held-out person."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.present.reasons import reason_texts
from eligibility.conditions import Defined, Node, walk_leaves
from eligibility.engine import Engine
from eligibility.interview import answers_from, run_interview
from eligibility.profile import parse_profile
from eligibility.results import BenefitResult, CheckResult
from eligibility.rulebook import Benefit, Rulebook

WORKING_AGE = "working_age"
PLACES = {
    "吉林省": "延吉市",
    "巴中市": "巴中市平昌县",
    "资阳市": "资阳市安岳县",
    "平顶山市": "平顶山市",
    "商洛市": "商洛市",
}


def _defines(node: Node) -> set[str]:
    return {n.name for n in walk_leaves(node, lambda n: isinstance(n, Defined)) if isinstance(n, Defined)}


def _needs_working_age(benefit: Benefit) -> bool:
    return WORKING_AGE in _defines(benefit.condition)


def _check(engine: Engine, raw: dict[str, Any], as_of: date) -> CheckResult:
    return engine.check(parse_profile(raw, engine.rulebook.facts, as_of))


def _by_id(result: CheckResult) -> dict[str, BenefitResult]:
    return {b.id: b for b in result.benefits}


def test_every_hire_or_placement_of_the_person_needs_working_age(rulebook: Rulebook) -> None:
    # An employer's or provider's benefit with `hiring` terms pays for hiring or placing this person:
    # nobody under 16 may be hired (《劳动法》第十五条), so each one requires the shared definition.
    hires = [b for b in rulebook.benefits.values() if b.hiring]
    assert hires
    assert [b.id for b in hires if not _needs_working_age(b)] == []


def test_training_and_study_benefits_have_no_age_floor(rulebook: Rulebook) -> None:
    # 吉林（十九） names 贫困家庭子女 and 城乡未继续升学的初高中毕业生; 平顶山（十七） 劳动预备制 is for school leavers.
    for benefit_id in ("jilin.vocational_training_subsidy", "pingdingshan.labor_preparation_training"):
        assert not _needs_working_age(rulebook.benefits[benefit_id]), benefit_id


def _school_leaver(place: str, age: int) -> dict[str, Any]:
    """A child who left 初中 this summer, from a 建档立卡 family, out of work and wanting a job, a trade and
    a small business of their own, going out with a 劳务输出 group."""
    return {
        "region": place,
        "age": age,
        "employment_status": "unemployed",
        "education": "below_high_school",
        "graduation_date": "2019-06-30",
        "household": ["poverty_registered"],
        "job_seeking": True,
        "wants_training": True,
        "wants_business": True,
        "organized_labor_export": True,
        "rural_labor": True,
        "registered_unemployed": True,
    }


@pytest.mark.parametrize("jurisdiction", sorted(PLACES))
def test_a_15_year_old_is_offered_no_work_benefit_but_keeps_training(engine: Engine, jurisdiction: str) -> None:
    as_of = date(2019, 8, 1)
    young = _by_id(_check(engine, _school_leaver(PLACES[jurisdiction], 15), as_of))
    grown = _by_id(_check(engine, _school_leaver(PLACES[jurisdiction], 16), as_of))
    work = [i for i in young if _needs_working_age(engine.rulebook.benefits[i])]
    assert work
    for benefit_id in work:
        assert young[benefit_id].status in {"ineligible", "expired", "employer_only"}, benefit_id
        if young[benefit_id].status == "ineligible" and grown[benefit_id].status != "ineligible":
            worded = reason_texts(young[benefit_id], engine.rulebook)
            assert any("年满16周岁" in line for line in worded), (benefit_id, worded)
    # At 16 (“以上” includes the number) the same child is no longer refused on age anywhere.
    moved = [i for i in work if young[i].status != grown[i].status]
    assert moved, jurisdiction
    # Training is not work: a 15-year-old school leaver keeps what the training clauses give him.
    training = [i for i in young if not _needs_working_age(engine.rulebook.benefits[i])]
    assert {young[i].status for i in training} & {"eligible", "possibly_eligible", "not_yet_in_force"}, jurisdiction


def test_working_age_is_presumed_from_a_labour_contract_or_a_college_degree(engine: Engine) -> None:
    # No age given: a person on a labour contract, or with a 大专 degree, is of working age; a 初中
    # leaver out of work is asked; one who does not know their age is never asked again.
    base = {"region": "资阳市雁江区", "household": ["poverty_registered"], "job_seeking": True}
    referral = "ziyang.poor_labor_job_referral"
    contract = _by_id(_check(engine, {**base, "employment_status": "employed"}, date(2018, 5, 1)))[referral]
    degree = _by_id(
        _check(engine, {**base, "employment_status": "unemployed", "education": "college"}, date(2018, 5, 1))
    )[referral]
    assert contract.status == degree.status == "eligible"
    leaver = {**base, "employment_status": "unemployed", "education": "below_high_school"}
    asked = _by_id(_check(engine, leaver, date(2018, 5, 1)))[referral]
    assert asked.status == "possibly_eligible" and "age" in asked.missing_facts
    unsure = _check(engine, {**leaver, "age": None}, date(2018, 5, 1))
    assert _by_id(unsure)[referral].status == "possibly_eligible"
    assert unsure.next_question is None or "age" not in (unsure.next_question.facts or (unsure.next_question.fact,))


def test_the_interview_asks_a_young_school_leaver_his_age_and_then_refuses_work_benefits(engine: Engine) -> None:
    known = parse_profile(_school_leaver("巴中市通江县", 15), engine.rulebook.facts, date(2019, 8, 1)).values
    start = parse_profile({}, engine.rulebook.facts, date(2019, 8, 1))
    interview = run_interview(engine, start, answers_from(known))
    asked = {fact for q in interview.asked for fact in (q.facts or (q.fact,))}
    assert "age" in asked
    final = _by_id(interview.result)
    assert final["bazhong.labor_export_transport_subsidy"].status == "ineligible"
    assert final["bazhong.poor_labor_hiring_reward"].status == "ineligible"


def test_a_self_employed_person_paying_as_a_flexible_worker_is_to_confirm_not_refused(engine: Engine) -> None:
    # 资阳（十一） 其他从业者可按灵活就业人员身份参加养老、医疗保险…符合条件的高校毕业生…按规定给予社会保险补贴:
    # a graduate who sells online from home as a 个体户 and pays social insurance herself.
    result = _check(
        engine,
        {
            "region": "资阳市乐至县",
            "age": 27,
            "employment_status": "self_employed",
            "education": "college",
            "social_insurance_paid": True,
        },
        date(2018, 5, 1),
    )
    subsidy = _by_id(result)["ziyang.flexible_social_insurance_subsidy"]
    assert subsidy.status == "possibly_eligible"
    assert any("个体经营" in line for line in reason_texts(subsidy, engine.rulebook))
    # Somebody on a labour contract is not a flexible worker at all.
    employed = _check(
        engine,
        {"region": "资阳市乐至县", "age": 27, "employment_status": "employed", "education": "college"},
        date(2018, 5, 1),
    )
    assert _by_id(employed)["ziyang.flexible_social_insurance_subsidy"].status == "ineligible"


@pytest.mark.parametrize(
    ("place", "benefit_id", "profile"),
    [
        # 巴中（六） 除按规定享受小微企业扶持政策外，还可享受返乡创业相关扶持政策: which ones is not written.
        (
            "巴中市南江县",
            "bazhong.returning_entrepreneur_support",
            {"returning_migrant": True, "business_form": "micro_enterprise", "business_licensed": True},
        ),
        # 资阳（八） 依法办理工商登记注册的可按规定享受小微企业扶持政策.
        (
            "资阳市雁江区",
            "ziyang.returning_entrepreneur_support",
            {"returning_migrant": True, "business_form": "individual", "business_licensed": True},
        ),
        # 吉林（九） 落实学费补偿、助学贷款代偿和安家费等政策: no 服务年限 or 考核 condition is given here.
        ("吉林省长春市", "jilin.grassroots_service", {"education": "college", "grassroots_service": True}),
    ],
)
def test_a_text_that_only_names_other_policies_is_to_confirm(
    engine: Engine, place: str, benefit_id: str, profile: dict[str, Any]
) -> None:
    result = _check(
        engine, {"region": place, "age": 30, "employment_status": "self_employed", **profile}, date(2019, 3, 1)
    )
    benefit = _by_id(result)[benefit_id]
    assert benefit.status == "possibly_eligible"
    assert benefit.missing_facts == ()
    assert any(line.startswith("需向人社部门确认") for line in reason_texts(benefit, engine.rulebook))
