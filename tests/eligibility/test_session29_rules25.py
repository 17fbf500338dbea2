"""Issue 11, session 29 (rules25): people set 21 read, and session 28's leftovers.

- 平顶山（十一）（十二）: 对…2020年度内享受灵活就业社会保险补贴政策（公益性岗位政策）期满仍未实现稳定就业的，
  政策享受期限可延长1年. 2020年度内 dates the 期满, not the claim: a subsidy that ran out in 2020 runs one more
  year, so the extension is claimed until 2021-12-31 at the latest. Until now it was `expired` from 2021-01-01.
- Per hire: 资阳（十九） 吸纳贫困家庭劳动力稳定就业6个月以上的，…按每人1000元的标准，给予一次性奖补 (and
  巴中（十二）'s 一次性奖补) is paid once for each person hired. A unit that had it for these hires does not have it
  again for them (`hire_rewarded`, ticked with the hire's terms); its `received_before` would also bar the next hires.
- 残疾人家庭: 巴中（二十一）、资阳（十五） 确保零就业家庭、低保家庭、残疾人家庭、贫困家庭至少有1人稳定就业 — a
  household with a disabled member, poor or not, is a household option of its own (`disabled_family`), not the
  person's own disability.
- A planned business's near miss (返乡下乡创业扶持) is judged under each form the person may register, never
  recorded as a 个体工商户 for someone who named none (`chooses` of the business_form action).
- The runner: a writer's "long after" is the year range its header names (a 2017 text asked in 2022 is in force to
  them); a bracket naming whose side it is (就业见习补贴（见习单位）) names the writer's unit measure; the hires' months
  and a reward had for them are read.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bench import holdout_eligibility as runner
from bot.dialogue.describe import Describer
from eligibility.conditions import Finding, Outcome
from eligibility.engine import Engine
from eligibility.nearmiss import Actions, opened_by
from eligibility.results import Requirement
from eligibility.rulebook import default_rulebook
from knowledge.regions import Gazetteer
from tests.eligibility.checking import benefit_of, check

BOOK = default_rulebook()

# -- 平顶山 延长1年: the window dates the 期满 ------------------------------------------------------------------------

# A woman in 舞钢 who cleaned offices by the hour; her flexible-work insurance subsidy ran out in November 2020.
HOURLY_CLEANER = {
    "region": "河南省平顶山市舞钢市",
    "age": 47,
    "employment_status": "flexible",
    "hard_to_employ": True,
    "flexible_subsidy_ended": True,
}
# A man in 汝州 whose 公益性岗位 as a park keeper ended in December 2020, still without steady work.
PARK_KEEPER = {
    "region": "河南省平顶山市汝州市",
    "age": 52,
    "employment_status": "unemployed",
    "public_welfare_job_ended": True,
}


@pytest.mark.parametrize(
    ("person", "benefit_id"),
    [
        (HOURLY_CLEANER, "pingdingshan.hard_to_employ_flexible_extension"),
        (PARK_KEEPER, "pingdingshan.public_welfare_job_extension"),
    ],
    ids=["flexible-subsidy", "public-welfare-post"],
)
def test_an_extension_of_a_2020_expiry_is_open_through_2021(
    engine: Engine, person: dict[str, Any], benefit_id: str
) -> None:
    # at: 2021-12-31, the last day a 2020 expiry's one more year can run — the draft's text met (possibly)
    found = benefit_of(check(engine, person, date(2021, 12, 31)), benefit_id)
    assert found.status == "possibly_eligible", found.reasons
    spring = benefit_of(check(engine, person, date(2021, 4, 8)), benefit_id)
    assert spring.status == "possibly_eligible", spring.reasons
    # over: 2022-01-01 — the extension itself is over
    ended = benefit_of(check(engine, person, date(2022, 1, 1)), benefit_id)
    assert ended.status == "expired"
    assert ended.reasons[0].window == "2020年度内期满后的1年内"
    assert ended.valid_to == date(2021, 12, 31)


def test_the_extension_still_asks_that_the_subsidy_ran_out(engine: Engine) -> None:
    never_had = {**HOURLY_CLEANER, "flexible_subsidy_ended": False}
    found = benefit_of(check(engine, never_had, date(2021, 4, 8)), "pingdingshan.hard_to_employ_flexible_extension")
    assert found.status == "ineligible"


# -- per hire: a one-time reward had for these hires -------------------------------------------------------------

# A man in 安岳 who runs a registered lemon cooperative; two workers from 建档立卡 households have picked for him
# since last spring.
LEMON_COOPERATIVE = {
    "region": "四川省资阳市安岳县",
    "age": 45,
    "employment_status": "self_employed",
    "business_form": "farm_entity",
    "hiring_staff": True,
    "hire_household": ["poverty_registered"],
    "hire_months": 14,
    "more_hires": False,
}
# A woman in 南江 whose registered family farm keeps goats; one worker from a 建档立卡 household since January,
# paid by the day without a contract (巴中（十二）'s other branch, an enterprise's contract and insurance, is not hers).
GOAT_FARM = {
    "region": "四川省巴中市南江县",
    "age": 39,
    "employment_status": "self_employed",
    "business_form": "farm_entity",
    "hiring_staff": True,
    "hire_household": ["poverty_registered"],
    "hire_months": 9,
    "hire_contract": False,
    "more_hires": False,
}
REWARDS = [
    (LEMON_COOPERATIVE, "ziyang.business_entity_hiring_reward", date(2019, 6, 10)),
    (GOAT_FARM, "bazhong.rural_entity_hiring_reward", date(2019, 10, 2)),
]


@pytest.mark.parametrize(("person", "benefit_id", "as_of"), REWARDS, ids=["ziyang-19", "bazhong-12"])
def test_a_reward_had_for_these_hires_is_not_had_again(
    engine: Engine, person: dict[str, Any], benefit_id: str, as_of: date
) -> None:
    had = benefit_of(check(engine, {**person, "hire_rewarded": True}, as_of), benefit_id)
    assert had.status == "ineligible"
    assert any(r.requirement and "每人只发一次" in (r.requirement.text or "") for r in had.reasons), had.reasons
    # guard: the same hires not yet paid for are the owner's unit's to claim
    fresh = benefit_of(check(engine, {**person, "hire_rewarded": False}, as_of), benefit_id)
    assert fresh.status == "as_employer"


def test_whether_the_hires_were_paid_for_is_asked_with_their_terms(engine: Engine) -> None:
    found = benefit_of(check(engine, LEMON_COOPERATIVE, date(2019, 6, 10)), "ziyang.business_entity_hiring_reward")
    assert "hire_rewarded" in found.missing_facts
    assert "hire_rewarded" in BOOK.facts.groups["hire_terms"].facts


# -- 残疾人家庭 ------------------------------------------------------------------------------------------------------

# A young man in 雁江 out of work; his mother uses a wheelchair, the family is neither poor nor on 低保.
WHEELCHAIR_MOTHERS_SON = {
    "region": "四川省资阳市雁江区",
    "age": 24,
    "employment_status": "unemployed",
    "hard_to_employ": False,
    "disabled": False,
    "household": ["disabled_family"],
}


@pytest.mark.parametrize(
    ("region", "benefit_id"),
    [("四川省资阳市雁江区", "ziyang.public_welfare_job"), ("四川省巴中市平昌县", "bazhong.public_welfare_job")],
    ids=["ziyang-15", "bazhong-21"],
)
def test_a_family_with_a_disabled_family_is_one_the_text_names(engine: Engine, region: str, benefit_id: str) -> None:
    found = benefit_of(check(engine, {**WHEELCHAIR_MOTHERS_SON, "region": region}, date(2019, 3, 1)), benefit_id)
    assert found.status == "possibly_eligible", found.reasons
    # guard: a household with none of the named conditions is still not one of them
    plain = benefit_of(
        check(engine, {**WHEELCHAIR_MOTHERS_SON, "region": region, "household": []}, date(2019, 3, 1)), benefit_id
    )
    assert plain.status == "ineligible"


@pytest.mark.parametrize(
    ("message", "household"),
    [("我们家是残疾人家庭，我现在没活干", ["disabled_family"]), ("家里有残疾人 我爸腿不好", ["disabled_family"])],
)
def test_a_disabled_family_is_the_households_not_the_persons(message: str, household: list[str]) -> None:
    describer = Describer(BOOK.facts, Gazetteer(covered=BOOK.jurisdictions))
    facts = describer.describe(message, date(2026, 12, 5)).facts
    assert facts.get("household") == household, facts
    assert facts.get("disabled") is not True, facts


# -- a planned business: every form it may take --------------------------------------------------------------------


def test_a_planned_business_is_judged_under_each_form() -> None:
    actions = Actions(BOOK.facts)
    values = {"wants_business": True, "employment_status": "unemployed", "business_form": "none"}
    variants = actions.done(values, ("business_form",), date(2019, 5, 1))
    assert sorted(v["business_form"] for v in variants) == ["farm_entity", "individual", "micro_enterprise"]
    assert all(v["business_licensed"] is True for v in variants)

    # A measure only a 合作社 or 家庭农场 meets (资阳（八） 领办农民专业合作社) opens for the plan; a 个体工商户
    # alone did not.
    def cooperative_only(after: dict[str, Any]) -> Outcome:
        return Outcome(after.get("business_form") == "farm_entity")

    finding = _business_form_finding()
    opening = opened_by(actions, [finding], values, date(2019, 5, 1), cooperative_only)
    assert opening is not None and opening.actions == ("business_form",) and opening.outcome is True


def _business_form_finding() -> Finding:
    requirement = Requirement(text="需领办农民专业合作社", fact="business_form", comparison="is", operand="farm_entity")
    return Finding(requirement=requirement, cite="ziyang-2017-08", facts=("business_form",))


# -- the runner ----------------------------------------------------------------------------------------------------

RANGE_HEADER = """# Conventions:
#   - as_of 2025–2026 against the 2012–2018 texts -> expired_or_uncertain (not_eligible still wins);
#     other as_of dates after signing are treated as in force.
"""


def test_a_writers_long_after_is_the_range_its_header_names(engine: Engine) -> None:
    conventions = runner.Conventions.of(RANGE_HEADER)
    assert conventions.stale_from == 2025
    assert runner.Conventions.of("# as_of is long after the document (2026 vs 2012–2020 texts)\n").stale_from is None
    # A 吉林 household-services firm's owner in 2022 (five years after the 2017 text): in force to the writer.
    person = {
        "region": "吉林省吉林市船营区",
        "age": 50,
        "employment_status": "unemployed",
        "registered_unemployed": True,
    }
    benefit = BOOK.benefits["jilin.vocational_training_subsidy"]
    for as_of, theirs in ((date(2022, 5, 1), "possibly_eligible"), (date(2025, 5, 1), "expired_or_uncertain")):
        result = check(engine, person, as_of)
        found = benefit_of(result, benefit.id)
        assert runner.their_status(result, benefit, found, conventions, as_of) == theirs


def test_a_bracket_naming_the_unit_names_the_units_measure() -> None:
    found = runner.benefit_for("jilin-2017-08", "接收中职毕业生参加就业见习的单位的见习补贴", BOOK)
    assert found is not None and found.id == "jilin.employment_internship"
    own = runner.benefit_for("jilin-2017-08", "高校毕业生参加就业见习", BOOK)
    assert own is not None and own.id == "jilin.internship_placement"


def test_the_hires_months_and_a_reward_had_for_them_are_read() -> None:
    facts = {
        "place": "四川省资阳市乐至县",
        "age": 50,
        "employment": "self_employed",
        "education": "junior_high",
        "other": (
            "经营已登记的柑橘合作社; 2020-03起吸纳2名建档立卡贫困家庭劳动力, 已稳定就业约10个月; 2020年已领取一次性奖补"
        ),
    }
    profile = runner.profile_of(facts, date(2021, 1, 15), BOOK)
    assert profile.get("hire_months") == 10 and profile.get("hire_rewarded") is True, profile
