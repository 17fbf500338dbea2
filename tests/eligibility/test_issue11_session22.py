"""Issue 11, session 22 (set 14 read): measures that follow the person's 户籍, each checked from the clause texts.

- A clause may tie a measure to where the person is registered or comes from, not where they are now:
  巴中（十二） “贫困家庭劳动力参加有组织劳务输出的，给予一次性单程…交通补贴” (the 输出地 pays the fare of whom
  it sends away); 巴中（十二）/资阳（十三） “贫困家庭劳动力参照就业困难人员享受就业扶持政策” (建档立卡 is kept at
  the 户籍);
  商洛（三） “农村劳动者转移就业，…有培训意愿的，给予职业培训补贴”; 商洛（四） 返乡农民工 自主创业; 平顶山（十三）
  “转入生源地公共就业人才服务机构”. Such a measure (`household` in its rule) is judged also for a person registered
  there who lives or works elsewhere — covered or not — and listed apart (`basis: household`).
- 吉林（十二） “吉林籍建档立卡贫困家庭劳动者比照就业困难人员享受各项就业扶持政策” is a benefit now; 吉林籍 limits it
  to those registered in 吉林省: a 户籍 said to be elsewhere fails it.
- The held-out runner reads the writers' 户籍 (户籍X, X户籍, X籍建档立卡, 生源地X), 非建档立卡贫困家庭, and
  不是随有组织劳务输出外出.
"""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from bot.present.results import check_message, result_json
from eligibility.engine import Engine
from eligibility.rulebook import Rulebook, default_rulebook
from eligibility.schema import Household
from knowledge.registry import load_registry
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

BOOK = default_rulebook()
POOR_FARE = "bazhong.labor_export_transport_subsidy"
BAZHONG_PARITY = "bazhong.poor_labor_hardship_parity"
ZIYANG_PARITY = "ziyang.poor_labor_hardship_parity"
JILIN_PARITY = "jilin.poor_labor_hardship_parity"
RURAL_TRAINING = "shangluo.training_subsidy"
SHANGLUO_FLEXIBLE = "shangluo.flexible_social_insurance_subsidy"
SHANGLUO_STARTUP = "shangluo.entrepreneurship_support"

# A 通江 poor household's worker sent by the county's organized labor export to a factory in 资阳.
EXPORTED = {
    "region": "四川省资阳市雁江区（户籍巴中市通江县）",
    "age": 33,
    "employment_status": "employed",
    "household": ["poverty_registered"],
    "organized_labor_export": True,
    "rural_labor": True,
    "received_before": [],
}
# A 山阳 farmer's son laying bricks in 西安 who wants to learn welding.
MIGRANT = {
    "region": "陕西省西安市（户籍商洛市山阳县）",
    "age": 27,
    "employment_status": "flexible",
    "rural_labor": True,
    "wants_training": True,
    "social_insurance_paid": True,
    "household": [],
}


def test_the_home_citys_fare_follows_a_worker_it_sent_to_another_covered_city(engine: Engine) -> None:
    # 巴中（十二） 贫困家庭劳动力参加有组织劳务输出的，给予一次性单程…交通补贴 — the 输出地's, wherever he went.
    result = check(engine, EXPORTED, date(2018, 9, 1))
    assert result.jurisdiction == "资阳市"
    assert result.household is not None and result.household.place == "通江县"
    assert result.household_jurisdiction == "巴中市"
    fare = benefit_of(result, POOR_FARE)
    assert (fare.status, fare.basis) == ("eligible", "household")
    # 资阳's own parity is his as a poor household where he is; 巴中's is to confirm while he is away.
    assert benefit_of(result, ZIYANG_PARITY).basis == "place"
    home_parity = benefit_of(result, BAZHONG_PARITY)
    assert (home_parity.status, home_parity.basis) == ("possibly_eligible", "household")
    assert any(
        r.kind == "to_confirm" and "户籍在巴中" in str(r.requirement.text) for r in home_parity.reasons if r.requirement
    )
    # Only measures that follow the 户籍: 巴中's 创业补贴 is not judged for a worker in 资阳.
    assert not any(b.id == "bazhong.startup_subsidy" for b in result.benefits)
    # A worker who found the job himself was not sent: no fare.
    alone = {**EXPORTED, "organized_labor_export": False}
    assert benefit_of(check(engine, alone, date(2018, 9, 1)), POOR_FARE).status == "ineligible"


def test_a_place_not_covered_still_lists_the_home_citys_measures_and_nothing_else(engine: Engine) -> None:
    # 商洛（三） 农村劳动者转移就业，…有培训意愿的，给予职业培训补贴 — his 户籍 is 商洛; 西安 is not covered.
    result = check(engine, MIGRANT, date(2012, 10, 1))
    assert result.status == "region_not_covered"
    assert result.region.status == "not_covered"
    assert all(b.basis == "household" for b in result.benefits)
    training = benefit_of(result, RURAL_TRAINING)
    assert training.status == "possibly_eligible"
    assert any(r.kind == "to_confirm" and r.clause_id == "shangluo-2012-03" for r in training.reasons)
    # 商洛（三）'s 灵活就业 社保补贴 is for work in 商洛: not a measure of the 户籍.
    assert not any(b.id == SHANGLUO_FLEXIBLE for b in result.benefits)
    # 返乡农民工 自主创业 (商洛（四）): only once he plans a business, and to confirm while away.
    planning = check(engine, {**MIGRANT, "returning_migrant": True, "wants_business": True}, date(2012, 10, 1))
    assert benefit_of(planning, SHANGLUO_STARTUP).status == "possibly_eligible"
    # Without a 户籍 said, an uncovered place lists nothing, as before.
    plain = check(engine, {**MIGRANT, "region": "陕西省西安市"}, date(2012, 10, 1))
    assert (plain.status, plain.benefits, plain.household) == ("region_not_covered", (), None)


def test_the_household_fact_says_the_same_as_an_aside_and_a_home_that_is_here_adds_nothing(engine: Engine) -> None:
    said = {**MIGRANT, "region": "陕西省西安市", "household_region": "商洛市山阳县"}
    assert benefit_of(check(engine, said, date(2012, 10, 1)), RURAL_TRAINING).basis == "household"
    at_home = check(
        engine, {**MIGRANT, "region": "陕西省商洛市山阳县", "household_region": "商洛市山阳县"}, date(2012, 10, 1)
    )
    assert at_home.household is None
    assert all(b.basis == "place" for b in at_home.benefits)
    assert len({b.id for b in at_home.benefits}) == len(at_home.benefits)


def test_jilin_registered_poor_households_are_a_benefit_and_jilin_ji_means_registered_in_jilin(engine: Engine) -> None:
    # 吉林（十二） 吉林籍建档立卡贫困家庭劳动者比照就业困难人员享受各项就业扶持政策.
    benefit = BOOK.benefits[JILIN_PARITY]
    assert benefit.citations[0].cite == "jilin-2017-12"
    poor = {"age": 41, "household": ["poverty_registered"], "employment_status": "employed"}
    # In 长春 with the 户籍 not said: which policies is open — possible.
    assert benefit_of(check(engine, {**poor, "region": "长春"}, date(2018, 6, 1)), JILIN_PARITY).status == (
        "possibly_eligible"
    )
    # A 黑龙江 household working in 长春 is not 吉林籍.
    elsewhere = check(engine, {**poor, "region": "长春", "household_region": "黑龙江省绥化市"}, date(2018, 6, 1))
    found = benefit_of(elsewhere, JILIN_PARITY)
    assert found.status == "ineligible"
    assert found.reasons[0].requirement is not None and "吉林籍" in str(found.reasons[0].requirement.text)
    # A 吉林 household delivering parcels in 沈阳 (not covered) is 吉林籍: listed as the 户籍's.
    away = check(engine, {**poor, "region": "辽宁省沈阳市", "household_region": "吉林省白城市"}, date(2018, 6, 1))
    parity = benefit_of(away, JILIN_PARITY)
    assert (parity.status, parity.basis) == ("possibly_eligible", "household")


def test_the_archive_may_go_to_the_graduates_home_city_wherever_she_lives(engine: Engine) -> None:
    # 平顶山（十三） 离校未就业高校毕业生可将户口、档案在学校保留2年或转入生源地公共就业人才服务机构 (a draft).
    graduate = {
        "region": "河南省洛阳市",
        "household_region": "平顶山市汝州市",
        "age": 23,
        "employment_status": "flexible",
        "education": "college",
        "graduation_date": date(2019, 7, 1),
    }
    found = benefit_of(check(engine, graduate, date(2020, 9, 1)), "pingdingshan.graduate_status_retention")
    assert found.basis == "household"
    assert found.status == "possibly_eligible"  # met; capped only by the draft


def test_a_measure_that_is_to_confirm_away_must_say_what(rulebook: Rulebook) -> None:
    with pytest.raises(ValidationError, match="requirement"):
        Household(away="to_confirm", cite="bazhong-2018-12", quote="贫困家庭劳动力参照就业困难人员享受就业扶持政策")
    marked = [b.id for b in rulebook.benefits.values() if b.household is not None]
    assert {POOR_FARE, BAZHONG_PARITY, ZIYANG_PARITY, JILIN_PARITY, RURAL_TRAINING} <= set(marked)


def test_the_result_says_the_home_place_and_tags_its_measures(engine: Engine) -> None:
    result = check(engine, MIGRANT, date(2012, 10, 1))
    message = check_message(result)
    assert "户籍" in message and "商洛市随户籍的政策" in message
    shown = result_json(result, BOOK, load_registry())
    assert shown["household"]["jurisdiction"] == "商洛市"
    assert {b["basis"] for b in shown["benefits"]} == {"household"}


def test_the_runner_reads_where_the_writers_say_the_household_is() -> None:
    runner = load_runner()
    read = {
        "户籍 黑龙江省绥化市; 建档立卡 in 黑龙江": "黑龙江省绥化市",
        "黑龙江籍建档立卡贫困家庭劳动者, 农村户口": "黑龙江",
        "黑龙江省农村户籍, 黑龙江建档立卡贫困家庭": "黑龙江省",
        "商洛柞水户籍, 在西安灵活就业": "商洛柞水",
        "生源地平顶山汝州市; 2019-07本科毕业": "平顶山汝州市",
    }
    for text, place in read.items():
        profile: dict[str, object] = {}
        runner._household_region(text, profile)
        assert profile.get("household_region") == place, text
    for text in ("城镇户口", "not 吉林籍 (hukou Heilongjiang)"):
        profile = {}
        runner._household_region(text, profile)
        assert "household_region" not in profile, text
    # 非建档立卡贫困家庭 is none of the listed households; 不是随有组织劳务输出外出 is no organized export.
    profile = {}
    runner._household("农村劳动力; 非建档立卡贫困家庭", profile)
    assert profile["household"] == []
    assert runner.mentions("2018-03自行到资阳就业; 不是随有组织劳务输出外出", ("劳务输出",)) is False
    # 是否被认定为就业困难人员不明 says nothing; 登记失业约5个月 is 5 months.
    assert runner.mentions("持残疾人证; 是否被认定为就业困难人员不明", ("就业困难人员",)) is None
    facts = {"place": "河南省平顶山市宝丰县", "other": "2020-06底被小微企业招用(被招用时登记失业约5个月)"}
    assert runner.profile_of(facts, date(2020, 7, 30), BOOK)["unemployed_months"] == 5


def test_bazhong_overcapacity_job_stabilization_is_the_firms_own_measure(engine: Engine) -> None:
    # 巴中（十三） 对不裁员或少裁员的，按不超过企业及其职工上年度足额缴纳失业保险费总额的70%给予稳岗补贴 — one measure,
    # one benefit: its 70 % is not looked for on （十三）'s fare, and a worker the firm kept is not paid it.
    kept = {"region": "巴中市恩阳区", "age": 46, "employment_status": "employed", "overcapacity_worker": True}
    found = benefit_of(check(engine, kept, date(2018, 11, 5)), "bazhong.overcapacity_job_stabilization_subsidy")
    assert found.status == "employer_only"
    assert found.amount is not None and "70%" in str(found.amount.text)
    assert BOOK.benefits["bazhong.overcapacity_job_stabilization_subsidy"].citations[0].cite == "bazhong-2018-13"
