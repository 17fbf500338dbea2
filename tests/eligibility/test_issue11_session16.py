"""Issue 11, session 16 (task rules11): people set 8 read, its disagreements judged against the clause texts.

- 商洛（三）: “下岗失业人员和就业困难人员…自主创业的，要给予税费减免、小额贷款…；灵活就业的，要给予一定比例的社会保险
  补贴” — a 下岗失业人员 who has opened a shop or works odd jobs was registered before starting; she is not
  registered today, and that does not take the support away.
- The same clause gives a 小额贷款 and says nothing of a second one after the first is repaid: to confirm.
- 巴中（十二）: “贫困家庭劳动力参加有组织劳务输出的，给予一次性单程铁路、公路或水运（路）交通补贴” — one trip paid at a
  time; whether a second organized trip is paid again is not written: to confirm, never refused, never
  passed over as if it had not been had.
"""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from eligibility.interview import answers_from, run_interview
from eligibility.profile import parse_profile
from tests.eligibility.checking import benefit_of, check

SELF_EMPLOYED = "shangluo.self_employment_support"
FLEXIBLE = "shangluo.flexible_social_insurance_subsidy"
FARE = "bazhong.labor_export_transport_subsidy"

# A 丹凤县 woman laid off in 2010 who registered, then opened a grain shop; not registered any more.
GRAIN_SHOP = {
    "region": "商洛市丹凤县",
    "age": 44,
    "employment_status": "self_employed",
    "education": "below_high_school",
    "business_form": "individual",
    "registered_unemployed": False,
    "hard_to_employ": False,
    "household": [],
    "received_before": [],
}
# A 恩阳区 man from a 建档立卡 household going out with the district's organized labour export.
EXPORTED = {
    "region": "巴中市恩阳区",
    "age": 37,
    "employment_status": "unemployed",
    "household": ["poverty_registered"],
    "organized_labor_export": True,
}


def test_a_laid_off_worker_who_opened_a_shop_keeps_the_self_employment_support(engine: Engine) -> None:
    result = benefit_of(
        check(engine, {**GRAIN_SHOP, "registered_before_starting": True}, date(2012, 12, 5)), SELF_EMPLOYED
    )
    assert result.status == "eligible", result.reasons


def test_a_shop_owner_never_registered_before_opening_is_not_a_laid_off_worker(engine: Engine) -> None:
    result = benefit_of(
        check(engine, {**GRAIN_SHOP, "registered_before_starting": False}, date(2012, 12, 5)), SELF_EMPLOYED
    )
    assert result.status == "ineligible"


def test_whether_a_shop_owner_was_laid_off_first_is_asked_not_assumed(engine: Engine) -> None:
    result = benefit_of(check(engine, GRAIN_SHOP, date(2012, 12, 5)), SELF_EMPLOYED)
    assert result.status == "possibly_eligible"
    assert "registered_before_starting" in result.missing_facts
    start = parse_profile({"region": "商洛市丹凤县"}, engine.rulebook.facts, date(2012, 12, 5))
    interview = run_interview(engine, start, answers_from({**GRAIN_SHOP, "registered_before_starting": True}))
    assert any("registered_before_starting" in q.facts for q in interview.asked)
    assert benefit_of(interview.result, SELF_EMPLOYED).status == "eligible"


def test_a_laid_off_worker_doing_odd_jobs_gets_the_flexible_workers_subsidy(engine: Engine) -> None:
    odd_jobs = {
        **GRAIN_SHOP,
        "employment_status": "flexible",
        "business_form": "none",
        "registered_before_starting": True,
        # Session 20: 一定比例的社会保险补贴 is a share of the premiums she pays as a flexible worker.
        "social_insurance_paid": True,
    }
    assert benefit_of(check(engine, odd_jobs, date(2012, 8, 1)), FLEXIBLE).status == "eligible"


def test_someone_out_of_work_is_never_asked_what_came_before_starting(engine: Engine) -> None:
    """The question speaks of a start; for a person who has started nothing it decides nothing."""
    looking = {"region": "商洛市柞水县", "age": 30, "employment_status": "unemployed", "registered_unemployed": False}
    checked = check(engine, looking, date(2012, 8, 1))
    assert all("registered_before_starting" not in b.missing_facts for b in checked.benefits)


def test_a_second_small_loan_after_repaying_the_first_is_to_confirm(engine: Engine) -> None:
    repaid = {
        **GRAIN_SHOP,
        "registered_before_starting": True,
        "has_startup_loan": False,
        "received_before": ["startup_loan"],
    }
    result = benefit_of(check(engine, repaid, date(2012, 12, 5)), SELF_EMPLOYED)
    assert result.status == "possibly_eligible"
    assert any(
        r.kind == "to_confirm" and "再次申请" in (r.requirement.text or "") for r in result.reasons if r.requirement
    )


def test_a_fare_paid_on_an_earlier_organized_trip_leaves_the_next_one_to_confirm(engine: Engine) -> None:
    again = benefit_of(check(engine, {**EXPORTED, "received_before": ["transport_subsidy"]}, date(2019, 2, 10)), FARE)
    first = benefit_of(check(engine, {**EXPORTED, "received_before": []}, date(2019, 2, 10)), FARE)
    assert again.status == "possibly_eligible"
    assert again.missing_facts == ()
    assert any(r.kind == "to_confirm" for r in again.reasons)
    assert first.status == "eligible"


def test_whether_the_fare_was_had_before_is_asked_once_the_rest_holds(engine: Engine) -> None:
    assert benefit_of(check(engine, EXPORTED, date(2019, 2, 10)), FARE).missing_facts == ("received_before",)
    start = parse_profile({"region": "巴中市恩阳区"}, engine.rulebook.facts, date(2019, 2, 10))
    interview = run_interview(engine, start, answers_from({**EXPORTED, "received_before": ["transport_subsidy"]}))
    asked = [q for q in interview.asked if q.fact == "received_before"]
    assert len(asked) == 1
    assert "transport_subsidy" in [o.value for o in asked[0].options]
    assert benefit_of(interview.result, FARE).status == "possibly_eligible"


# -- 吉林（十九）（十三）: training paid “按规定”, a threshold not stated -------------------------------------------

# A 梨树县 farmer of 38 from a 建档立卡 household who wants to learn welding.
WELDER = {
    "region": "四平市梨树县",
    "age": 38,
    "employment_status": "unemployed",
    "education": "below_high_school",
    "household": ["poverty_registered"],
    "rural_labor": True,
    "wants_training": True,
}


def test_a_poor_farmer_wanting_training_is_told_which_training_is_paid_is_to_confirm(engine: Engine) -> None:
    """吉林（十九）: “建档立卡贫困劳动力参加就业技能培训的，按规定给予职业培训补贴” — he is in the group; which course
    and institution are paid the text leaves to rules it does not give. Nothing left to ask him."""
    result = benefit_of(check(engine, WELDER, date(2018, 4, 12)), "jilin.vocational_training_subsidy")
    assert result.status == "possibly_eligible"
    assert result.missing_facts == ()
    assert [r.kind for r in result.reasons] == ["to_confirm"]


def test_the_eight_yuan_an_hour_standard_is_shown_with_its_unstated_threshold(engine: Engine) -> None:
    """吉林（十三）: “降低职业培训补贴门槛，将农村劳动力技能培训补贴标准提高到每学时8元” — a threshold lowered,
    not stated."""
    result = benefit_of(check(engine, WELDER, date(2018, 4, 12)), "jilin.rural_skills_training_subsidy")
    assert result.status == "possibly_eligible"
    assert result.amount is not None and result.amount.text == "每学时8元"
    assert any(r.kind == "to_confirm" and "门槛" in (r.requirement.text or "") for r in result.reasons if r.requirement)


def test_a_school_leaver_of_a_year_keeps_only_the_training_scope_to_confirm(engine: Engine) -> None:
    """at/over — 城乡未继续升学的初高中毕业生: one year after leaving, only which training is paid is open; a day
    later, whether he still counts as a school leaver is open too."""
    leaver = {
        "region": "长春",
        "age": 16,
        "employment_status": "unemployed",
        "education": "below_high_school",
        "graduation_date": "2025-06-30",
        "household": [],
        "rural_labor": False,
        "overcapacity_worker": False,
        "registered_unemployed": False,
        "wants_training": True,
    }
    at = benefit_of(check(engine, leaver, date(2026, 6, 30)), "jilin.vocational_training_subsidy")
    over = benefit_of(check(engine, leaver, date(2026, 7, 1)), "jilin.vocational_training_subsidy")
    assert at.status == over.status == "possibly_eligible"
    assert len(at.reasons) == 1
    assert len(over.reasons) == 2


# -- 商洛（三）: 未就业的高校毕业生, a measure of its own --------------------------------------------------------


def test_an_unemployed_graduate_gets_training_and_job_introduction_like_the_hard_to_employ(engine: Engine) -> None:
    """“对未就业的高校毕业生，要与其他就业困难人员一样给予职业培训、职业介绍…”: the group is written; he need not be
    certified 就业困难 nor say he wants training. Session 36 (rules33): what the parity gives and on what terms is not
    written here, so it is the one thing left to confirm (was eligible)."""
    graduate = {"region": "商洛市柞水县", "age": 24, "education": "college", "employment_status": "unemployed"}
    result = benefit_of(check(engine, graduate, date(2012, 8, 27)), "shangluo.graduate_training_and_placement")
    assert result.status == "possibly_eligible", result.reasons
    assert [reason.kind for reason in result.reasons] == ["to_confirm"]
    assert result.beneficiary == "applicant"


def test_a_graduate_in_a_job_is_not_an_unemployed_graduate(engine: Engine) -> None:
    clerk = {"region": "商洛市柞水县", "age": 24, "education": "college", "employment_status": "employed"}
    result = benefit_of(check(engine, clerk, date(2012, 8, 27)), "shangluo.graduate_training_and_placement")
    assert result.status == "ineligible"


# -- 平顶山（九）: a stated condition that was only in the amount text -------------------------------------------

# The owner of a 宝丰县 car-parts firm of 30 staff who took on 3 people in July 2020.
PARTS_FIRM = {
    "region": "平顶山市宝丰县",
    "age": 45,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "hiring_staff": True,
    "unit_staff": 30,
    "unit_new_hire_percent": 10,
}
LOAN = "pingdingshan.micro_enterprise_guarantee_loan"


def test_a_small_firm_below_the_hiring_share_is_not_offered_the_eased_loan(engine: Engine) -> None:
    """“将当年新招用符合条件人员占现有职工比例下调为20%，其中在职职工超过100人的下调为10%”: 3 of 30 is 10%."""
    result = benefit_of(check(engine, PARTS_FIRM, date(2020, 8, 20)), LOAN)
    assert result.status == "ineligible"
    assert any("20%" in (r.requirement.text or "") for r in result.reasons if r.requirement)


def test_a_small_firm_at_the_share_may_apply_with_who_counts_to_confirm(engine: Engine) -> None:
    result = benefit_of(check(engine, {**PARTS_FIRM, "unit_new_hire_percent": 20}, date(2020, 8, 20)), LOAN)
    assert result.status == "as_employer"
    assert result.missing_facts == ()
    assert [r.kind for r in result.reasons if r.kind != "not_yet_in_force"][-1] == "to_confirm"


def test_the_owner_is_asked_the_size_and_the_share_of_his_firm(engine: Engine) -> None:
    unknown = {k: v for k, v in PARTS_FIRM.items() if k not in {"unit_staff", "unit_new_hire_percent"}}
    result = benefit_of(check(engine, unknown, date(2020, 8, 20)), LOAN)
    assert result.status == "as_employer"
    assert set(result.missing_facts) <= {"unit_staff", "unit_new_hire_percent"} and result.missing_facts
