"""Issue 11, session 26 (rules22): whose misses the terminal check counts, and 就业困难人员 recognition as
something a person can do.

- `policybot check` (bot/present/check.py) said "另有 N 项不符合条件" counting every failed measure, the
  employers' and service providers' among them: a job-seeker who is not 就业困难 was told she failed
  巴中（十一）'s subsidy for units that take on 就业困难人员. A unit's measure is never the person's miss
  (the chat counts them apart since session 25); the terminal text now counts them the same way.
- 就业困难人员 is a status one applies for (facts.yaml `hard_to_employ.action`, `when_any`): a person out of work who
  is one of the groups 巴中（十一） names (残疾、低收入家庭、连续失业1年以上) but not recognised yet sees the measures
  behind it as within reach — apply to be recognised — not as a flat miss; nobody else is told so.
- The held-out runner reads an owner's hires hire by hire: a hire only planned (计划招用…, 尚未招) is not one made —
  his unit's measures are then what he would get if he hires (the writers' if_hired), and what the plan says of
  the people (下岗失业人员) is never the owner's; the terms said after a hire (未签劳动合同、未参保; 签合同并缴社保) and
  how long the hires have stayed (稳定就业8个多月) are the hires'; a unit failing only on what it can still do for its
  hires (sign, insure) is if_hired where the header makes if_hired the asker's own; the header's words for that
  convention are read in either phrasing.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.present.check import check_text
from bot.present.results import is_near_miss, own_misses
from eligibility.engine import Engine
from eligibility.rulebook import default_rulebook
from knowledge.registry import Registry, load_registry
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

BOOK = default_rulebook()

WINTER = date(2018, 11, 5)
# A 30-year-old in 通江 out of work, registered, not recognised as 就业困难, no hardship in the family.
JOB_SEEKER = {
    "region": "巴中市通江县",
    "age": 30,
    "employment_status": "unemployed",
    "education": "high_school",
    "hard_to_employ": False,
    "household": [],
    "registered_unemployed": True,
    "disabled": False,
    "received_before": [],
}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def test_terminal_summary_counts_only_the_persons_own_misses(engine: Engine, registry: Registry) -> None:
    result = check(engine, JOB_SEEKER, WINTER)
    facts = engine.rulebook.facts
    units_failed = [b for b in result.benefits if b.status == "ineligible" and b.beneficiary != "applicant"]
    assert units_failed, "the example needs an employer's measure this person fails"
    own = [b for b in own_misses(result) if not is_near_miss(b, facts)]
    text = check_text(result, registry, engine.rulebook)
    said = re.search(r"另有 (\d+) 项补贴您目前不符合条件", text)
    assert said is not None and int(said[1]) == len(own)
    # Session 29: a job-seeker is told no count of other units' measures (nothing in it is about her).
    assert "用人单位或服务机构的补贴" not in text and "您的单位另有" not in text


# 巴中（十一）: 就业困难人员 are 「办理了失业登记且难以实现就业的大龄、残疾、低收入家庭、连续失业1年以上人员」 whom the
# 人社部门 recognises. A man of 53 in 南江, registered, out of work for 15 months, never recognised: the measures
# behind the status are within his reach (apply to be recognised), not a flat miss.
NOT_YET_RECOGNISED = {
    "region": "巴中市南江县",
    "age": 53,
    "employment_status": "unemployed",
    "education": "below_high_school",
    "hard_to_employ": False,
    "household": [],
    "registered_unemployed": True,
    "disabled": False,
    "unemployed_months": 15,
    "received_before": [],
}
SPRING = date(2019, 5, 20)
PUBLIC_WELFARE_JOB = "bazhong.public_welfare_job"


def test_one_who_could_be_recognised_sees_the_measures_within_reach(engine: Engine, registry: Registry) -> None:
    result = check(engine, NOT_YET_RECOGNISED, SPRING)
    job = benefit_of(result, PUBLIC_WELFARE_JOB)
    assert job.status == "ineligible"
    assert job.opens_with == ("hard_to_employ",)
    assert job.opens_to in {"eligible", "possibly_eligible"}
    assert is_near_miss(job, engine.rulebook.facts)
    text = check_text(result, registry, engine.rulebook)
    assert "申请认定为就业困难人员" in text.split("【差一点符合")[1]


@pytest.mark.parametrize(
    ("change", "opens"),
    [
        ({"unemployed_months": 12}, True),  # 连续失业1年以上: a year is enough
        ({"unemployed_months": 11}, False),
        ({"unemployed_months": 3, "disabled": True}, True),  # (a 残疾 person is in 公益性岗位's own groups too)
        ({"unemployed_months": 3, "household": ["low_income"]}, True),
        ({"unemployed_months": None}, False),  # not known to be one of the groups: nothing claimed
        ({"employment_status": "employed"}, False),  # in work: not one the text speaks of
    ],
)
def test_recognition_is_open_only_to_the_groups_the_text_names(
    engine: Engine, change: dict[str, object], opens: bool
) -> None:
    person = {k: v for k, v in {**NOT_YET_RECOGNISED, **change}.items() if v is not None}
    job = benefit_of(check(engine, person, SPRING), PUBLIC_WELFARE_JOB)
    if opens:
        assert "hard_to_employ" in job.opens_with or job.status != "ineligible"
    else:
        assert job.status == "ineligible" and "hard_to_employ" not in job.opens_with


ASKERS_OWN_HEADER = """# Statuses (the highest applicable wins):
#   employer_only = the money goes to an employer/organisation, not to the asker; if_hired = the asker is the employer
#   and would get it if he hires.
- id: x
"""


def test_the_runner_reads_the_owners_if_hired_in_other_words() -> None:
    assert load_runner().Conventions.of(ASKERS_OWN_HEADER).owners_hire


def test_a_planned_hire_is_not_one_made_and_its_people_are_not_the_owner() -> None:
    runner = load_runner()
    owner = {
        "place": "陕西省商洛市山阳县",
        "age": 44,
        "employment": "self_employed",
        "education": "senior_high",
        "other": "2010年开办一家农机修理个体户; 本人不是下岗失业人员; 打算招用两名下岗职工, 目前还没招",
    }
    profile = runner.profile_of(owner, date(2012, 10, 8), BOOK)
    assert profile.get("registered_before_starting") is not True
    assert profile.get("registered_unemployed") is not True
    assert runner.hires_planned_only(owner)
    made = {**owner, "other": "2010年开办一家农机修理个体户; 2012-05招用2名下岗职工, 签订2年劳动合同"}
    assert not runner.hires_planned_only(made)


def test_a_hires_terms_and_months_are_read_from_the_parts_after_the_hire() -> None:
    runner = load_runner()
    unit = {
        "place": "四川省资阳市乐至县",
        "age": 47,
        "employment": "self_employed",
        "education": "junior_high",
        "other": (
            "竹编专业合作社负责人; 2018-02起吸纳3名建档立卡贫困家庭劳动力, 稳定就业7个多月; "
            "还没与他们签劳动合同、没给他们参保"
        ),
    }
    profile = runner.profile_of(unit, date(2018, 9, 20), BOOK)
    assert profile["hire_months"] == 7
    assert profile["hire_contract"] is False and profile["hire_insured"] is False
    signed = {**unit, "other": "竹编专业合作社负责人; 2018-02起吸纳3名建档立卡贫困家庭劳动力, 签3年劳动合同并缴社保"}
    profile = runner.profile_of(signed, date(2018, 9, 20), BOOK)
    assert profile["hire_contract"] is True and profile["hire_insured"] is True
    planned_terms = {
        **unit,
        "other": unit["other"].replace("还没与他们签劳动合同、没给他们参保", "准备下月签合同并参保"),
    }
    profile = runner.profile_of(planned_terms, date(2018, 9, 20), BOOK)
    assert "hire_insured" not in profile


def test_a_unit_failing_only_on_terms_it_can_still_give_is_if_hired_for_the_owner(engine: Engine) -> None:
    runner = load_runner()
    unit = {
        "region": "四川省资阳市乐至县",
        "age": 47,
        "employment_status": "self_employed",
        "business_form": "farm_entity",
        "hiring_staff": True,
        "hire_household": ["poverty_registered"],
        "hire_months": 7,
        "hire_contract": False,
        "hire_insured": False,
        "more_hires": False,
    }
    result = check(engine, unit, date(2018, 9, 20))
    benefit = BOOK.benefits["ziyang.poor_labor_hiring_reward"]
    found = benefit_of(result, benefit.id)
    assert found.status == "ineligible" and found.opens_with
    assert runner.their_status(result, benefit, found, runner.Conventions.of(ASKERS_OWN_HEADER)) == "if_hired"


def test_a_labour_export_denied_outright_wins_over_a_broker_and_a_full_school_name_dates_the_leaving() -> None:
    runner = load_runner()
    worker = {
        "place": "四川省巴中市恩阳区",
        "age": 31,
        "employment": "employed",
        "education": "junior_high",
        "other": "经劳务经纪人牵线进了本地一家食品厂; 自己去厂里报到的, 不是有组织劳务输出",
    }
    assert runner.profile_of(worker, date(2018, 12, 3), BOOK).get("organized_labor_export") is False
    leaver = {
        "place": "四川省巴中市恩阳区",
        "age": 17,
        "employment": "unemployed",
        "education": "vocational",
        "other": "2018-06中等职业学校（电子专业）毕业离校, 还没找到工作",
    }
    assert runner.profile_of(leaver, date(2018, 9, 3), BOOK)["graduation_date"] == date(2018, 6, 1)


def test_a_registration_named_with_a_negation_inside_and_a_denial_across_a_capacity() -> None:
    runner = load_runner()
    graduate = {
        "place": "河南省平顶山市新华区",
        "age": 23,
        "employment": "unemployed",
        "education": "bachelor",
        "other": "2020-06本科毕业; 已到人社局办了离校未就业实名登记; 没有以灵活就业人员身份交社保",
    }
    profile = runner.profile_of(graduate, date(2020, 9, 15), BOOK)
    assert profile["registered_unemployed"] is True
    assert profile["social_insurance_paid"] is False
