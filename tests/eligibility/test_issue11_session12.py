"""Issue 11, session 12: prior receipt, and whose a benefit is before when it is in force.

- A one-time measure the person already had is not theirs again: 吉林（七） “给予一次性5000元初创企业补贴”,
  吉林（八） “给予一次性求职创业补贴”, 巴中（六）/资阳（八） 创业补贴 for the 首次 business, 平顶山（二十三）
  “一次性临时生活补助”, 平顶山（九） the 2020春节 “一次性吸纳就业补贴” of an owner's business. Where the text
  does not say whether a measure may be had again (创业担保贷款 in every text; 巴中、资阳、平顶山 求职创业补贴
  without 一次性), a prior one is to confirm, never `eligible`.
- The question (`received_before`) is asked only where it decides something: once every other condition
  of a one-time measure holds, offering only the measures at stake.
- A unit's benefit is the unit's before it is anything else: before its document or after its window it
  is `employer_only` for a person who is not that unit, with the date as its reason.
- 巴中（九）/资阳（十一） “其他从业者可按灵活就业人员身份参加养老、医疗保险”: a person working for themselves
  (an online shop without a licence) is one of them — to confirm, not refused.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.present.results import result_json
from eligibility.engine import Engine
from eligibility.interview import answers_from, run_interview
from eligibility.profile import Profile, parse_profile
from eligibility.results import CheckResult
from knowledge.registry import Registry, load_registry
from tests.eligibility.checking import benefit_of, check

ROOT = Path(__file__).resolve().parents[2]
# A 长春 graduate whose first shop has run 18 months with a licence and insurance: 吉林（七） holds. (Session 33:
# 18, not 20 — a shop of 20 months on 2019-06-01 began before the document of 2017-10-12, which is to confirm.)
SHOP = {
    "region": "长春",
    "age": 31,
    "employment_status": "self_employed",
    "education": "college",
    "graduation_date": "2016-07-01",
    "hard_to_employ": False,
    "household": [],
    "business_form": "individual",
    "business_first": True,
    "business_licensed": True,
    "business_months": 18,
    "business_insured": True,
    "hiring_staff": False,
    "job_seeking": False,
}
AS_OF = date(2019, 6, 1)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _check(engine: Engine, profile: dict[str, Any], as_of: date = AS_OF) -> CheckResult:
    return check(engine, profile, as_of)


_benefit = benefit_of


def test_a_shop_owner_who_already_had_the_one_time_subsidy_is_not_told_eligible_again(
    engine: Engine, registry: Registry
) -> None:
    result = _check(engine, {**SHOP, "received_before": ["startup_subsidy"]})
    subsidy = _benefit(result, "jilin.startup_subsidy")
    assert subsidy.status == "ineligible"
    assert [r.kind for r in subsidy.reasons] == ["failed"] and subsidy.reasons[0].clause_id == "jilin-2017-07"
    payload = {b["id"]: b for b in result_json(result, engine.rulebook, registry)["benefits"]}
    assert payload["jilin.startup_subsidy"]["reasons"][0].startswith(
        "创业补贴（初创企业补贴）只能享受一次，您已经领取过"
    )


def test_the_question_comes_only_once_the_rest_of_the_measure_holds_and_offers_what_is_at_stake(
    engine: Engine,
) -> None:
    pending = _benefit(_check(engine, SHOP), "jilin.startup_subsidy")
    assert pending.status == "possibly_eligible" and pending.missing_facts == ("received_before",)
    start = parse_profile({"region": "长春"}, engine.rulebook.facts, AS_OF)
    interview = run_interview(engine, start, answers_from({**SHOP, "received_before": []}))
    asked = [q.fact for q in interview.asked]
    assert asked.count("received_before") == 1
    # After every fact the subsidy's other conditions need, offering only the measure at stake.
    assert asked.index("received_before") > max(asked.index(f) for f in ("business_form", "business_details"))
    question = interview.asked[asked.index("received_before")]
    assert [o.value for o in question.options] == ["startup_subsidy", None]
    assert _benefit(interview.result, "jilin.startup_subsidy").status == "eligible"
    # A shop of 8 months fails the subsidy: its prior receipt decides nothing and is not asked.
    young = parse_profile({"region": "长春"}, engine.rulebook.facts, AS_OF)
    short = run_interview(engine, young, answers_from({**SHOP, "business_months": 8, "received_before": []}))
    assert "received_before" not in [q.fact for q in short.asked]


def test_never_having_had_it_makes_it_eligible_and_not_knowing_keeps_it_open(engine: Engine) -> None:
    never = _check(engine, {**SHOP, "received_before": []})
    assert _benefit(never, "jilin.startup_subsidy").status == "eligible"
    other = _check(engine, {**SHOP, "received_before": ["startup_loan"]})
    assert _benefit(other, "jilin.startup_subsidy").status == "eligible"
    unknown = _check(engine, {**SHOP, "received_before": None})
    subsidy = _benefit(unknown, "jilin.startup_subsidy")
    assert subsidy.status == "possibly_eligible" and [r.kind for r in subsidy.reasons] == ["unsure"]
    assert unknown.next_question is None or unknown.next_question.fact != "received_before"


def test_a_loan_had_before_is_to_confirm_never_refused_and_a_current_loan_says_it_too(engine: Engine) -> None:
    # 资阳（十九） “按规定给予最高不超过10万元的创业担保贷款” says nothing of a second loan.
    poor = {"region": "资阳", "household": ["poverty_registered"], "business_form": "none", "wants_business": True}
    for had in ({"received_before": ["startup_loan"]}, {"has_startup_loan": True}):
        loan = _benefit(_check(engine, {**poor, **had}, date(2019, 3, 1)), "ziyang.poor_entrepreneur_guarantee_loan")
        assert loan.status == "possibly_eligible"
        confirm = [r for r in loan.reasons if r.kind == "to_confirm" and r.clause_id == "ziyang-2017-19"]
        assert any("能否再次申请" in str(r.requirement.text) for r in confirm if r.requirement)


def test_a_job_search_subsidy_without_once_in_the_text_is_to_confirm_after_a_prior_one(engine: Engine) -> None:
    # 巴中（十） extends 求职创业补贴 without saying it is paid once; 吉林（八） says 一次性.
    graduate = {"education": "college", "household": ["dibao"], "employment_status": "unemployed"}
    bazhong = _benefit(
        _check(engine, {"region": "巴中", **graduate, "received_before": ["job_search_subsidy"]}),
        "bazhong.job_search_subsidy",
    )
    assert bazhong.status == "possibly_eligible"
    assert any(
        r.kind == "to_confirm" and "能否再次领取" in str(r.requirement.text) for r in bazhong.reasons if r.requirement
    )
    jilin = _check(
        engine,
        {
            "region": "吉林",
            **graduate,
            "graduation_date": "2019-06-30",
            "job_seeking": True,
            "received_before": ["job_search_subsidy"],
        },
        date(2019, 9, 1),
    )
    assert _benefit(jilin, "jilin.job_search_subsidy").status == "ineligible"


def test_an_owner_whose_factory_had_the_spring_festival_hiring_subsidy_is_not_offered_it_again(engine: Engine) -> None:
    owner = {
        "region": "平顶山",
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
        "hiring_staff": True,
        "job_seeking": False,
    }
    had = _check(engine, {**owner, "received_before": ["hiring_subsidy"]}, date(2020, 8, 1))
    assert _benefit(had, "pingdingshan.epidemic_hiring_subsidy").status == "ineligible"
    fresh = _check(engine, {**owner, "received_before": []}, date(2020, 8, 1))
    assert _benefit(fresh, "pingdingshan.epidemic_hiring_subsidy").status == "as_employer"


@pytest.mark.parametrize(
    ("as_of", "kind"),
    [
        # 吉林（八） 就业见习补贴 goes to the 见习单位; the document was signed 2017-10-12.
        (date(2017, 10, 11), "not_yet_in_force"),
        (date(2017, 10, 12), None),
    ],
)
def test_a_units_benefit_is_the_units_before_it_is_in_force(engine: Engine, as_of: date, kind: str | None) -> None:
    seeker = {
        "region": "通化",
        "education": "college",
        "graduation_date": "2017-06-30",
        "employment_status": "unemployed",
    }
    unit = _benefit(_check(engine, seeker, as_of), "jilin.employment_internship")
    assert unit.status in {"employer_only", "if_hired"}
    assert [r.kind for r in unit.reasons if r.kind == "not_yet_in_force"] == ([kind] if kind else [])


def test_an_owner_asking_about_his_own_units_measure_still_hears_its_dates(engine: Engine) -> None:
    # 平顶山（一）稳岗返还 “实施期限延长至2020年年底”: to a job-seeker in 2021 it is the firm's;
    # to a firm's owner it has ended.
    seeker = _check(
        engine, {"region": "平顶山", "employment_status": "unemployed", "job_seeking": True}, date(2021, 3, 1)
    )
    assert _benefit(seeker, "pingdingshan.job_stabilization_refund").status == "employer_only"
    owner = {"region": "平顶山", "employment_status": "self_employed", "business_form": "micro_enterprise"}
    assert (
        _benefit(_check(engine, owner, date(2021, 3, 1)), "pingdingshan.job_stabilization_refund").status == "expired"
    )


def test_someone_working_for_themselves_may_insure_as_a_flexible_worker(engine: Engine) -> None:
    shop = {"region": "巴中", "age": 30, "employment_status": "self_employed", "business_form": "individual"}
    enrolment = _benefit(_check(engine, shop, date(2019, 3, 1)), "bazhong.flexible_worker_insurance_enrollment")
    assert enrolment.status == "possibly_eligible"
    assert any(r.kind == "to_confirm" for r in enrolment.reasons)
    employee = {"region": "巴中", "age": 30, "employment_status": "employed"}
    assert (
        _benefit(_check(engine, employee, date(2019, 3, 1)), "bazhong.flexible_worker_insurance_enrollment").status
        == "ineligible"
    )


def test_check_json_takes_the_new_fact_and_old_profiles_still_work(tmp_path: Path) -> None:
    profiles = [
        {**SHOP, "as_of": "2019-06-01", "received_before": ["startup_subsidy"]},
        {**SHOP, "as_of": "2019-06-01"},
        {**SHOP, "as_of": "2019-06-01", "received_before": ["startup_grant"]},
    ]
    done = subprocess.run(
        [sys.executable, "-m", "bot.check_cli", "--json"],
        input="\n".join(json.dumps(p, ensure_ascii=False) for p in profiles),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    had, old, wrong = (json.loads(line) for line in done.stdout.splitlines())
    statuses = {b["id"]: b["status"] for b in had["benefits"]}
    assert statuses["jilin.startup_subsidy"] == "ineligible"
    assert old["status"] == "needs_more_info"
    assert {b["id"]: b for b in old["benefits"]}["jilin.startup_subsidy"]["missing_facts"] == ["received_before"]
    assert wrong["status"] == "error" and wrong["error"]["fact"] == "received_before"


def test_a_county_said_as_not_belonging_to_a_covered_city_is_not_that_city(engine: Engine) -> None:
    # 简阳 has been administered by 成都 since 2016: “不属资阳市” says where the person is not.
    for said in ("四川省成都市简阳市（不属资阳市）", "简阳，现在不属于资阳市了"):
        result = _check(engine, {"region": said, "employment_status": "self_employed"}, date(2026, 4, 1))
        assert result.status == "region_not_covered" and result.jurisdiction is None
    assert _check(engine, {"region": "我属于资阳的雁江区"}, date(2026, 4, 1)).jurisdiction == "资阳市"


def test_a_worker_of_fifty_six_is_not_a_recent_school_leaver_whatever_the_date(engine: Engine) -> None:
    # 平顶山（十七） 城乡未继续升学的初高中毕业生 (两后生): the age bounds an unknown leaving date.
    worker = {"region": "平顶山", "age": 56, "education": "below_high_school", "employment_status": "unemployed"}
    training = _benefit(
        _check(engine, {**worker, "wants_training": True}, date(2026, 2, 1)), "pingdingshan.labor_preparation_training"
    )
    assert training.status == "ineligible" and "graduation_date" not in training.missing_facts


def test_a_drafts_measure_is_not_asked_about_what_could_only_meet_it(engine: Engine) -> None:
    # 平顶山's 劳动预备制 (a 征求意见稿) is at best possible: a leaving date that could only make the person a
    # 两后生 changes no status, so it is not asked (it was, found by test_properties' search).
    profile = Profile(
        as_of=date(2020, 1, 1),
        values={
            "region": "平顶山",
            "employment_status": "employed",
            "education": "below_high_school",
            "hard_to_employ": None,
            "registered_unemployed": None,
            "age": None,
            "wants_training": True,
        },
    )
    result = engine.check(profile)
    assert _benefit(result, "pingdingshan.labor_preparation_training").status == "possibly_eligible"
    assert result.next_question is None or "graduation_date" not in result.next_question.facts
