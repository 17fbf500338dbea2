"""Issue 11, session 25 (set 17 read): what a caseworker would sign, each checked from the clause texts.

- The held-out runner reads what a file's header says its statuses mean where writers differ: one header calls
  if_hired only the asker's own unit's prospective hire ("employer_only means the money goes to an
  employer/organisation other than the asker"), another a future employer's subsidy for hiring this person; one says
  a measure past its own window (平顶山（二十三）「2020年度内…」) is a text not met, another calls it
  expired_or_uncertain. Our statuses stay as they are; only their translation follows the header.
- The runner reads a business's age from the date it was registered where a place or 新 stands between
  (2018-05在汝州注册…, 2019-01新注册…), and from 开业约2年4个月.
"""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from eligibility.rulebook import default_rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

BOOK = default_rulebook()

OWNERS_HEADER = """# Statuses: eligible, possibly_eligible, not_eligible, employer_only, if_hired, …
#   - When the asker is himself the owner, an employer-side measure is judged as his own, or if_hired when it
#     depends on a hire he has not made yet;
#     employer_only means the money goes to an employer/organisation other than the asker.
#   - as_of 2025–2026 against old texts -> expired_or_uncertain (not_eligible still wins when the
#     text itself is not met).
- id: x
"""
FUTURE_EMPLOYER_HEADER = """# - if_hired: employer-side subsidy a FUTURE employer of this job-seeker would get.
# - employer_only: employer / service-provider / park-operator benefit that is never this person's.
- id: x
"""


def test_the_runner_reads_whose_if_hired_is_from_the_header() -> None:
    runner = load_runner()
    owners, future = runner.Conventions.of(OWNERS_HEADER), runner.Conventions.of(FUTURE_EMPLOYER_HEADER)
    assert owners.owners_hire and owners.window_unmet
    assert not future.owners_hire and not future.window_unmet


def test_a_job_seekers_future_employers_subsidy_is_employer_only_where_if_hired_is_the_owners(engine: Engine) -> None:
    runner = load_runner()
    seeker = {
        "region": "四川省巴中市平昌县",
        "age": 40,
        "employment_status": "unemployed",
        "job_seeking": True,
        "hard_to_employ": True,
    }
    result = check(engine, seeker, date(2018, 9, 1))
    benefit = BOOK.benefits["bazhong.hard_to_employ_hiring_subsidy"]
    found = benefit_of(result, benefit.id)
    assert found.status == "if_hired"
    assert runner.their_status(result, benefit, found, runner.Conventions.of(FUTURE_EMPLOYER_HEADER)) == "if_hired"
    assert runner.their_status(result, benefit, found, runner.Conventions.of(OWNERS_HEADER)) == "employer_only"


def test_a_measure_past_its_own_window_is_a_text_not_met_where_the_header_says_so(engine: Engine) -> None:
    runner = load_runner()
    # 平顶山（二十三）「2020年度内可按当地最低生活保障标准发放不超过6个月的一次性临时生活补助」, asked in 2026.
    person = {"region": "河南省平顶山市鲁山县", "age": 45, "employment_status": "unemployed", "living_difficulty": True}
    result = check(engine, person, date(2026, 2, 1))
    benefit = BOOK.benefits["pingdingshan.temporary_living_allowance"]
    found = benefit_of(result, benefit.id)
    assert found.status == "expired"
    assert runner.their_status(result, benefit, found, runner.Conventions.of(FUTURE_EMPLOYER_HEADER)) == (
        "expired_or_uncertain"
    )
    assert runner.their_status(result, benefit, found, runner.Conventions.of(OWNERS_HEADER)) == "not_eligible"


def test_the_runner_reads_a_business_age_from_its_registration_with_words_between() -> None:
    runner = load_runner()
    second = {
        "place": "吉林省白山市浑江区",
        "age": 30,
        "employment": "self_employed",
        "other": "2016-12首次领取个体营业执照开花店; 2018转让; 2019-01新注册小微企业",
    }
    assert runner.profile_of(second, date(2019, 3, 14), BOOK)["business_months"] == 2
    placed = {
        "place": "河南省平顶山市汝州市",
        "age": 38,
        "employment": "self_employed",
        "other": "2018-05在汝州注册小微企业",
    }
    assert runner.profile_of(placed, date(2020, 9, 28), BOOK)["business_months"] == 28
    spoken = {
        "place": "河南省平顶山市汝州市",
        "age": 38,
        "employment": "self_employed",
        "other": "开个体店, 开业约2年4个月",
    }
    assert runner.profile_of(spoken, date(2020, 9, 28), BOOK)["business_months"] == 28


# 吉林（八）「落实小微企业招用毕业年度高校毕业生社会保险补贴政策」: the unit's benefit for whom it hires.
GRADUATE_HIRING = "jilin.graduate_hiring_social_insurance"


def test_an_owner_not_yet_asked_whether_he_hires_is_never_judged_as_the_one_hired(engine: Engine) -> None:
    owner = {
        "region": "吉林省白山市浑江区",
        "age": 27,
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
        "education": "college",
        "graduation_date": date(2016, 6, 1),
    }
    result = check(engine, owner, date(2019, 3, 14))
    found = benefit_of(result, GRADUATE_HIRING)
    # His own 2016 graduation decides nothing of his unit's subsidy for hiring a 2019 graduate: not `ineligible`
    # on it, but not his either until he says his business hires (正在招人, the question asked next).
    assert found.status == "employer_only"
    assert found.missing_facts[0] == "hiring_staff"
    assert all(
        r.requirement is None or r.requirement.open or r.requirement.subject == "hire" for r in found.reasons[1:]
    )
    assert not any(s.fact == "graduation_date" for r in found.reasons for s in r.stated)
    # 不清楚 to whether it hires: the same.
    unsure = check(engine, {**owner, "hiring_staff": None}, date(2019, 3, 14))
    assert benefit_of(unsure, GRADUATE_HIRING).status == "employer_only"
    # It hires: his unit's, judged on whom it hires.
    hires = check(engine, {**owner, "hiring_staff": True}, date(2019, 3, 14))
    assert benefit_of(hires, GRADUATE_HIRING).status == "as_employer"


def test_an_owner_whose_business_hires_is_asked_about_the_hire_only_after_saying_so(engine: Engine) -> None:
    owner = {
        "region": "吉林省白山市浑江区",
        "age": 27,
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
    }
    result = check(engine, owner, date(2019, 3, 14))
    asked = result.next_question
    assert asked is not None and not asked.fact.startswith("hire_")


def test_a_broker_is_not_the_unit_that_hires_the_people_he_places(engine: Engine) -> None:
    # 巴中（十二）「按吸纳人数给予企业一定的奖补」 is the firm's, not the 劳务经纪人's who placed them.
    broker = {
        "region": "四川省巴中市南江县",
        "age": 38,
        "employment_status": "self_employed",
        "business_form": "individual",
        "labor_broker": True,
        "hire_household": ["poverty_registered"],
        "hire_contract": True,
        "hire_insured": True,
    }
    found = benefit_of(check(engine, broker, date(2019, 3, 1)), "bazhong.poor_labor_hiring_reward")
    assert found.status == "employer_only"


def test_the_graduates_hiring_reward_left_to_rules_is_open_when_what_the_text_names_is_met(engine: Engine) -> None:
    # 巴中（十）「大学生创办企业并吸纳就业的，按规定给予创业吸纳就业奖励」: its terms are 按规定 — possible, not sure.
    owner = {
        "region": "四川省巴中市巴州区",
        "age": 26,
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
        "education": "college",
        "business_has_employees": True,
    }
    found = benefit_of(check(engine, owner, date(2018, 9, 1)), "bazhong.startup_hiring_reward")
    assert found.status == "possibly_eligible"
    assert any(r.requirement is not None and r.requirement.open for r in found.reasons)


def test_the_runner_reads_an_owners_hires_written_in_their_own_field() -> None:
    runner = load_runner()
    base = {"place": "四川省巴中市巴州区", "age": 45, "employment": "employer", "other": "小广告公司老板"}
    none = runner.profile_of({**base, "hires": "none"}, date(2018, 12, 1), BOOK)
    assert none["hiring_staff"] is False
    staff = runner.profile_of({**base, "hires": "22 employees, no layoffs"}, date(2018, 12, 1), BOOK)
    assert staff["business_has_employees"] is True and "hiring_staff" not in staff
    hired = runner.profile_of(
        {**base, "hires": "1 college graduate (graduated 2018-06) hired 2018-07, 2-year labor contract"},
        date(2018, 12, 1),
        BOOK,
    )
    assert hired["hiring_staff"] is True and hired["hire_education"] == "college"
    assert hired["hire_graduation_date"] == date(2018, 6, 1) and hired["hire_date"] == date(2018, 7, 1)
    kept = runner.profile_of(
        {**base, "hires": "3 建档立卡贫困家庭劳动力 employed continuously since 2018-01, no labor contracts"},
        date(2018, 10, 1),
        BOOK,
    )
    assert kept["hire_months"] == 9 and kept["hire_contract"] is False


def test_an_owners_prospective_hire_is_if_hired_where_the_header_says_so(engine: Engine) -> None:
    runner = load_runner()
    owner = {
        "region": "吉林省白山市浑江区",
        "age": 27,
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
    }
    result = check(engine, owner, date(2019, 3, 14))
    benefit = BOOK.benefits[GRADUATE_HIRING]
    found = benefit_of(result, GRADUATE_HIRING)
    assert runner.their_status(result, benefit, found, runner.Conventions.of(OWNERS_HEADER)) == "if_hired"
    assert runner.their_status(result, benefit, found, runner.Conventions.of(FUTURE_EMPLOYER_HEADER)) == (
        "employer_only"
    )


def test_the_runner_reads_a_trainee_as_out_of_work_and_names_a_measure_by_its_name_before_a_bracket() -> None:
    runner = load_runner()
    trainee = {"place": "吉林省长春市朝阳区", "age": 22, "employment": "trainee", "education": "bachelor"}
    assert runner.profile_of(trainee, date(2018, 7, 16), BOOK)["employment_status"] == "unemployed"
    # 巴中（十）「将离校1年内未就业的中职（技校）毕业生纳入就业见习范围，按规定给予就业见习补贴」.
    named = runner.benefit_for("bazhong-2018-10", "离校1年内未就业中职毕业生就业见习补贴", BOOK)
    assert named is not None and named.id == "bazhong.employment_internship"


def test_the_runner_reads_a_parks_owner_as_running_it_not_renting_in_it() -> None:
    runner = load_runner()
    owner = {
        "place": "四川省巴中市巴州区",
        "age": 45,
        "employment": "self_employed",
        "other": "创业孵化基地业主（公司法人）; 基地内已入驻八家创业企业",
    }
    assert runner.profile_of(owner, date(2018, 3, 1), BOOK)["business_in_incubator"] is False
    tenant = {"place": "四川省巴中市巴州区", "age": 30, "employment": "self_employed", "other": "网店入驻创业孵化基地"}
    assert runner.profile_of(tenant, date(2018, 3, 1), BOOK)["business_in_incubator"] is True
    # The park's owner named as another party is not the person: 向园区业主租用厂房 speaks of a tenant.
    renting = {**tenant, "other": "小加工厂, 入驻创业园区, 向园区业主租用厂房"}
    assert runner.profile_of(renting, date(2018, 3, 1), BOOK)["business_in_incubator"] is True
