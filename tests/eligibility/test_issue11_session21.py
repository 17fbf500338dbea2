"""Issue 11, session 21 (set 13 read): the classes found, each checked from the clause texts.

- 平顶山（二十三） “对符合条件的生活困难下岗失业人员…一次性临时生活补助”: a laid-off worker who now sells at a
  stall is still a 下岗失业人员 (平顶山（十一） pays 就业困难人员 who work flexibly; 商洛（三） names 下岗失业人员
  who 灵活就业); a job with a unit is not.
- One measure, one benefit: 商洛（三） gives 职业培训补贴 to “农村劳动者转移就业…有培训意愿的” and to
  “下岗失业人员和就业困难人员” (no 培训意愿 written for them); 巴中（十三）'s 交通补贴 and 孵化基地 for
  去产能企业失业人员 are not （十二）'s fare for 贫困家庭劳动力 nor a package that needs 劳务输出 to be sure.
- 平顶山（十三） 毕业年度离校未就业实名登记高校毕业生 (求职创业补贴): gig work after leaving is still 离校未就业, as
  the same clause's 户口、档案 retention has read it since session 18.
- The held-out runner (bench/holdout_eligibility.py): 高职 is a school word; 距退休约14个月; 灵活就业社保补贴 is
  the 社会保险补贴; 从未享受过; a subsidy received in a span of years that ended long ago; an earlier turn
  (前一轮: …) is what was said, not a fact.
"""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from eligibility.rulebook import default_rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

BOOK = default_rulebook()
LIVING_ALLOWANCE = "pingdingshan.temporary_living_allowance"
RURAL_TRAINING = "shangluo.training_subsidy"
LAID_OFF_TRAINING = "shangluo.laid_off_training_subsidy"
POOR_FARE = "bazhong.labor_export_transport_subsidy"
OVERCAPACITY_FARE = "bazhong.overcapacity_transport_subsidy"
OVERCAPACITY_INCUBATOR = "bazhong.overcapacity_incubator_priority"
JOB_SEARCH = "pingdingshan.job_search_subsidy"


def test_a_laid_off_worker_now_at_a_market_stall_is_still_laid_off_for_the_living_allowance(engine: Engine) -> None:
    # 平顶山（二十三） 对符合条件的生活困难下岗失业人员，2020年度内…一次性临时生活补助 (a draft: capped).
    hawker = {
        "region": "河南省平顶山市郏县",
        "age": 49,
        "employment_status": "flexible",
        "registered_before_starting": True,
        "living_difficulty": True,
        "received_before": [],
    }
    assert benefit_of(check(engine, hawker, date(2020, 9, 1)), LIVING_ALLOWANCE).status == "possibly_eligible"
    # Back in a job with a unit, he is no 下岗失业人员 any more.
    hired = {**hawker, "employment_status": "employed"}
    assert benefit_of(check(engine, hired, date(2020, 9, 1)), LIVING_ALLOWANCE).status == "ineligible"
    # Working flexibly without ever having registered as 失业: not one either.
    never = {**hawker, "registered_before_starting": False}
    assert benefit_of(check(engine, never, date(2020, 9, 1)), LIVING_ALLOWANCE).status == "ineligible"


def test_shangluo_training_for_the_laid_off_needs_no_stated_wish_to_train(engine: Engine) -> None:
    # 商洛（三） 下岗失业人员和就业困难人员，要提供职业培训补贴和免费就业服务 — no 有培训意愿的 for them.
    laid_off = {
        "region": "陕西省商洛市丹凤县",
        "age": 44,
        "employment_status": "unemployed",
        "registered_unemployed": True,
        "rural_labor": False,
        "received_before": [],
    }
    result = check(engine, laid_off, date(2012, 11, 1))
    assert benefit_of(result, LAID_OFF_TRAINING).status == "eligible"
    # The town worker is not 农村劳动者转移就业: the rural measure is not his, whatever he wishes.
    assert benefit_of(
        check(engine, {**laid_off, "wants_training": True}, date(2012, 11, 1)), RURAL_TRAINING
    ).status == ("ineligible")


def test_shangluo_training_for_rural_migrants_keeps_its_wish_to_train(engine: Engine) -> None:
    # 商洛（三） 农村劳动者转移就业，…有培训意愿的，给予职业培训补贴.
    migrant = {
        "region": "陕西省商洛市柞水县",
        "age": 30,
        "employment_status": "employed",
        "rural_labor": True,
        "hard_to_employ": False,
        "wants_training": False,
    }
    result = check(engine, migrant, date(2012, 11, 1))
    assert benefit_of(result, RURAL_TRAINING).status == "ineligible"
    assert benefit_of(result, LAID_OFF_TRAINING).status == "ineligible"
    willing = check(engine, {**migrant, "wants_training": True}, date(2012, 11, 1))
    assert benefit_of(willing, RURAL_TRAINING).status == "eligible"


def test_a_closed_mine_worker_planning_a_repair_shop_has_the_incubator_priority_without_a_labour_trip(
    engine: Engine,
) -> None:
    # 巴中（十三） 对自主创业的去产能企业失业人员，优先安排入驻各类创业孵化基地.
    miner = {
        "region": "四川省巴中市南江县",
        "age": 45,
        "employment_status": "unemployed",
        "overcapacity_worker": True,
        "wants_business": True,
        "household": [],
        "received_before": [],
    }
    result = check(engine, miner, date(2018, 9, 1))
    assert benefit_of(result, OVERCAPACITY_INCUBATOR).status == "eligible"
    # The fare is for 参加有组织劳务输出的 — not said yet, so not sure.
    assert benefit_of(result, OVERCAPACITY_FARE).status == "possibly_eligible"


def test_a_mine_workers_organised_trip_is_paid_by_the_overcapacity_clause_not_the_poor_households_one(
    engine: Engine,
) -> None:
    # 巴中（十二） 贫困家庭劳动力参加有组织劳务输出的…交通补贴; （十三） 参加有组织劳务输出的…交通补贴 (去产能).
    traveller = {
        "region": "四川省巴中市通江县",
        "age": 40,
        "employment_status": "unemployed",
        "overcapacity_worker": True,
        "organized_labor_export": True,
        "household": [],
        "received_before": [],
    }
    result = check(engine, traveller, date(2018, 9, 1))
    assert benefit_of(result, OVERCAPACITY_FARE).status == "eligible"
    assert [c.clause_id for c in benefit_of(result, OVERCAPACITY_FARE).citations] == ["bazhong-2018-13"]
    assert benefit_of(result, POOR_FARE).status == "ineligible"


def test_a_graduate_streaming_sales_after_leaving_is_still_a_school_leaver_without_a_job(engine: Engine) -> None:
    # 平顶山（十三） 毕业年度离校未就业实名登记高校毕业生求职创业补贴; （十一） names the graduate who then works
    # flexibly “离校2年内未就业高校毕业生实现灵活就业”. The draft caps the status at 可能符合.
    streamer = {
        "region": "河南省平顶山市鲁山县",
        "age": 22,
        "education": "college",
        "graduation_date": "2020-07-01",
        "employment_status": "flexible",
        "registered_unemployed": True,
        "household": [],
        "disabled": False,
        "student_loan": False,
        "received_before": [],
    }
    assert benefit_of(check(engine, streamer, date(2020, 10, 1)), JOB_SEARCH).status == "possibly_eligible"
    hired = {**streamer, "employment_status": "employed"}
    assert benefit_of(check(engine, hired, date(2020, 10, 1)), JOB_SEARCH).status == "ineligible"


def test_the_runner_reads_a_vocational_college_and_months_to_retirement() -> None:
    runner = load_runner()
    graduate = {"place": "吉林省四平市", "age": 21, "employment": "unemployed", "other": "2019-07高职（机电）毕业"}
    assert runner.profile_of(graduate, date(2019, 9, 1), BOOK)["graduation_date"] == date(2019, 7, 1)
    older = {"place": "河南省平顶山市", "age": 59, "employment": "unemployed", "other": "距法定退休年龄约9个月"}
    assert runner.profile_of(older, date(2020, 9, 1), BOOK)["years_to_retirement"] == 0.75


def test_the_runner_reads_a_flexible_subsidy_never_had_or_ended_years_ago() -> None:
    runner = load_runner()
    never = {
        "place": "河南省平顶山市",
        "age": 45,
        "employment": "flexible",
        "other": "就业困难人员; 从未享受过灵活就业社保补贴",
    }
    assert runner.profile_of(never, date(2020, 9, 1), BOOK)["flexible_subsidy_ended"] is False
    old = {
        "place": "河南省平顶山市",
        "age": 45,
        "employment": "flexible",
        "other": "2015-2017年享受灵活就业社保补贴（已期满）",
    }
    assert runner.profile_of(old, date(2020, 9, 1), BOOK)["flexible_subsidy_ended"] is False


def test_the_runner_takes_facts_after_an_earlier_turn_not_from_it() -> None:
    runner = load_runner()
    follow_up = {
        "place": "河南省平顶山市",
        "age": 45,
        "employment": "flexible",
        "other": "前一轮: 他问灵活就业社会保险补贴期满能否延长。本人: 就业困难人员, 没有领过灵活就业社会保险补贴",
    }
    assert runner.profile_of(follow_up, date(2020, 9, 1), BOOK)["flexible_subsidy_ended"] is False


def test_the_runner_splits_hires_described_in_groups_by_their_months() -> None:
    runner = load_runner()
    owner = {
        "place": "四川省资阳市乐至县",
        "age": 40,
        "employment": "self_employed",
        "other": "2017年办理营业执照开农家乐; 招用4名建档立卡贫困家庭劳动力, 3人已干9个月, 1人刚来2个月",
    }
    hires = runner.profile_of(owner, date(2018, 6, 1), BOOK)["hires"]
    assert [h["months"] for h in hires] == [9, 2]
    assert all(h["household"] == ["poverty_registered"] for h in hires)
