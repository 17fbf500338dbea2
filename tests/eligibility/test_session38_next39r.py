"""Session 38 (issue 11, task next39r): set 30's and the newcomer walk's leftovers. A unit short of a number of hires
that says it hires more has not missed the reward (巴中（十二） 新吸纳10个以上); a business only planned is one of
the forms a business registers as, never a 社会组织 (资阳（十二）); 不清楚 to the list of the people one hires is
said once."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.interview import apply_answer
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

# 巴中（十二） “对认定为就业扶贫基地，新吸纳10个以上贫困家庭劳动力就业的，给予一定标准的奖励”: a recognised base
# that has taken on 6 people of poor households, each on a 2-year contract with insurance.
BASE_OF_SIX: dict[str, Any] = {
    "region": "四川省巴中市通江县",
    "age": 52,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "hiring_staff": True,
    "hire_contract": True,
    "hire_insured": True,
    "hire_household": ["poverty_registered"],
    "hire_rewarded": False,
    "more_hires": False,
    "received_before": [],
    "unit_poverty_base": True,
    "unit_poor_hires": 6,
}
BASE_REWARD = "bazhong.poverty_employment_base_reward"
ON = date(2018, 11, 12)


def test_a_base_short_of_ten_hires_that_hires_more_is_told_the_hires_to_come_open_it(engine: Engine) -> None:
    found = benefit_of(check(engine, {**BASE_OF_SIX, "unit_hiring_more": True}, ON), BASE_REWARD)
    assert found.status == "ineligible"
    assert found.opens_with == ("unit_poor_hires",)
    assert any("10个以上" in (r.requirement.text or "") for r in found.reasons if r.requirement)


@pytest.mark.parametrize("more", [False, None], ids=["says it hires no more", "says nothing of more hires"])
def test_a_base_short_of_ten_hires_without_more_to_come_has_missed_the_reward(
    engine: Engine, more: bool | None
) -> None:
    profile = {**BASE_OF_SIX, **({"unit_hiring_more": more} if more is not None else {})}
    found = benefit_of(check(engine, profile, ON), BASE_REWARD)
    assert found.status == "ineligible"
    assert found.opens_with == ()


def test_the_runner_reads_hires_planned_after_those_made(rulebook: Rulebook) -> None:
    facts = {
        "place": "四川省巴中市通江县",
        "age": 52,
        "employment": "business_owner",
        "other": "茶叶公司老板; 公司2018年被认定为就业扶贫基地; 2018年新招用6名建档立卡贫困家庭劳动力; 计划年底前再招",
    }
    assert load_runner().profile_of(facts, ON, rulebook).get("unit_hiring_more") is True


def test_the_runner_tells_a_reward_that_hangs_on_hires_to_come_as_if_hired(engine: Engine, rulebook: Rulebook) -> None:
    runner = load_runner()
    result = check(engine, {**BASE_OF_SIX, "unit_hiring_more": True}, ON)
    conventions = runner.Conventions.of(
        "# an owner asking about his own firm's measure is judged as his own (if_hired when the hire is not made yet);"
    )
    found = benefit_of(result, BASE_REWARD)
    assert runner.their_status(result, rulebook.benefits[BASE_REWARD], found, conventions, ON) == "if_hired"


# 资阳（十二） “对吸纳高校毕业生就业的社会组织，符合条件的可同等享受企业吸纳就业扶持政策”: the 社会组织's measure.
# A woman out of work who plans to sell lemons online and hire two neighbours (walk38 T19) plans a business — which
# is no 社会组织.
PLANS_A_SHOP: dict[str, Any] = {
    "region": "四川省资阳市安岳县",
    "age": 38,
    "employment_status": "unemployed",
    "wants_business": True,
    "hiring_staff": True,
}


def test_a_social_organisations_measure_is_not_a_planned_businesss(engine: Engine) -> None:
    found = benefit_of(check(engine, PLANS_A_SHOP, date(2026, 12, 6)), "ziyang.social_org_graduate_hiring_parity")
    assert found.status == "ineligible"
    assert "business_form" not in found.missing_facts


def test_a_measure_any_business_form_may_claim_stays_the_planned_businesss(engine: Engine) -> None:
    found = benefit_of(check(engine, PLANS_A_SHOP, date(2026, 12, 6)), "ziyang.poor_labor_hiring_reward")
    assert found.status == "as_employer"


def test_a_business_said_without_its_form_is_judged_under_every_form(engine: Engine) -> None:
    profile = {**PLANS_A_SHOP, "employment_status": "self_employed", "business_form": "business"}
    found = benefit_of(check(engine, profile, date(2026, 12, 6)), "ziyang.social_org_graduate_hiring_parity")
    assert found.status == "ineligible"


# walk38 T14–T16: 不清楚 to “您招用的人员属于以下哪些类别？” was followed by each category asked again, one at a time.
OWNER_WHO_HIRES: dict[str, Any] = {
    "region": "四川省资阳市安岳县",
    "age": 38,
    "employment_status": "self_employed",
    "business_form": "individual",
    "hiring_staff": True,
    "returning_migrant": True,
}


def _answered(engine: Engine, rulebook: Rulebook, raw: dict[str, Any], fact: str, answer: Any) -> dict[str, Any]:
    """The profile after the interview reached the question of `fact` (other questions answered 都不是) and it was
    answered `answer`; the facts asked after it."""
    profile = parse_profile(raw, rulebook.facts, date(2026, 12, 6))
    asked_after: list[str] = []
    reached = False
    for _ in range(30):
        question = engine.check(profile).next_question
        if question is None:
            break
        if reached:
            asked_after.extend(question.facts)
        if question.fact == fact and not reached:
            reached = True
            profile = apply_answer(profile, question, answer, rulebook.facts)
            continue
        profile = apply_answer(profile, question, [] if question.type == "choice_group" else None, rulebook.facts)
    assert reached, "the question was never asked"
    return {"values": profile.values, "after": asked_after}


def test_unsure_of_the_hires_categories_is_asked_once_not_category_by_category(
    engine: Engine, rulebook: Rulebook
) -> None:
    done = _answered(engine, rulebook, OWNER_WHO_HIRES, "hires", None)
    members = rulebook.facts.groups["hires"].facts
    assert not set(done["after"]) & set(members), done["after"]
    assert any(f in done["values"] and done["values"][f] is None for f in members)


def test_unsure_of_ones_own_categories_still_asks_them_one_at_a_time(engine: Engine, rulebook: Rulebook) -> None:
    raw = {"region": "四川省资阳市安岳县", "age": 38, "employment_status": "unemployed"}
    done = _answered(engine, rulebook, raw, "situation", None)
    assert set(done["after"]) & set(rulebook.facts.groups["situation"].facts), done["after"]


# walk38 T19: a self-employed woman whose shop is hiring (正在招人) was told only to confirm 有无雇工 for the 灵活就业
# items, as if it were unknown — 《社会保险法》第十条's 无雇工的个体工商户 is who insures as a 灵活就业人员.
FLEXIBLE_ITEMS = ["ziyang.flexible_worker_insurance_enrollment", "ziyang.flexible_social_insurance_subsidy"]
OWN_SHOP: dict[str, Any] = {
    "region": "四川省资阳市安岳县",
    "age": 38,
    "employment_status": "self_employed",
    "business_form": "individual",
    "household": ["poverty_registered"],
    "social_insurance_paid": True,
}


@pytest.mark.parametrize("benefit_id", FLEXIBLE_ITEMS)
def test_a_shop_said_to_hire_is_told_what_staff_mean_for_the_flexible_items(engine: Engine, benefit_id: str) -> None:
    found = benefit_of(check(engine, {**OWN_SHOP, "hiring_staff": True}, date(2026, 12, 6)), benefit_id)
    assert found.status == "possibly_eligible"
    assert "正在招人" in (found.reasons[0].requirement.text if found.reasons[0].requirement else "")


@pytest.mark.parametrize("benefit_id", FLEXIBLE_ITEMS)
def test_whether_a_shop_hires_is_not_asked_for_the_flexible_items(engine: Engine, benefit_id: str) -> None:
    found = benefit_of(check(engine, OWN_SHOP, date(2026, 12, 6)), benefit_id)
    assert found.status == "possibly_eligible"
    assert "hiring_staff" not in found.missing_facts
    assert not any("正在招人" in (r.requirement.text or "") for r in found.reasons if r.requirement)
