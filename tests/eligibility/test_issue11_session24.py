"""Issue 11, session 24 (set 16 read): what a caseworker would sign, each checked from the clause texts.

- The 户籍 is asked only when it still matters: at a place no document covers (a covered 户籍 brings the measures
  that follow it — 吉林（十二）“吉林籍…”, 资阳（十八） 输出地, 返乡创业 …), once; and where 吉林（十二）'s measure for
  “吉林籍建档立卡贫困家庭劳动者” still stands, whether the 户籍 is in 吉林省. Nowhere else.
- 巴中（十一）「对实现灵活就业并缴纳社会保险费的就业困难人员，按规定给予社会保险补贴」 (and its 资阳/商洛/平顶山 twins):
  for a person out of work who plans flexible work, the subsidy is the next step within reach — open
  (`possibly_eligible`, 灵活就业并缴费后可申请), not refused; without a plan it stays refused.
- 吉林（十五）「对自主就业的退役士兵，加强就业创业服务，落实相关优惠政策，开展职业技能培训，定期组织专场招聘会」: two
  measures — the services it names (`eligible`) and “相关优惠政策”, which it does not name (`possibly_eligible`).
"""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from eligibility.interview import answers_from, run_interview
from eligibility.profile import parse_profile
from eligibility.rulebook import default_rulebook
from tests.eligibility.checking import benefit_of, check

DAY = date(2018, 9, 1)


def test_an_uncovered_place_asks_the_household_once_offering_the_covered_places(engine: Engine) -> None:
    result = check(engine, {"region": "广州市", "age": 30}, DAY)
    question = result.next_question
    assert result.status == "region_not_covered" and question is not None
    assert question.fact == "household_region" and "户籍" in question.text
    assert [o.label for o in question.options] == [*engine.rulebook.jurisdictions, "其他地方"]
    for answer in (None, "其他地方", "广东省"):
        done = check(engine, {"region": "广州市", "age": 30, "household_region": answer}, DAY)
        assert done.next_question is None and done.benefits == ()


def test_a_covered_household_lists_the_measures_that_follow_it_and_asks_nothing_more(engine: Engine) -> None:
    result = check(engine, {"region": "广州市", "age": 30, "household_region": "资阳市"}, DAY)
    assert result.next_question is None and result.household_jurisdiction == "资阳市"
    assert result.benefits and all(b.basis == "household" for b in result.benefits)


def test_a_covered_place_asks_the_household_only_while_a_measure_for_those_registered_there_stands(
    engine: Engine,
) -> None:
    """吉林（十二）「吉林籍建档立卡贫困家庭劳动者比照就业困难人员享受各项就业扶持政策」."""
    rulebook = default_rulebook()
    start = parse_profile({"region": "长春市"}, rulebook.facts, DAY)
    poor = {"region": "长春市", "age": 35, "employment_status": "unemployed", "household": ["poverty_registered"]}
    asked = run_interview(engine, start, answers_from({**poor, "household_region": "其他地方"}))
    assert asked.asked[-1].fact == "household_region" and asked.asked[-1].text == "您的户籍（户口）在吉林省吗？"
    assert benefit_of(asked.result, "jilin.poor_labor_hardship_parity").status == "ineligible"
    local = run_interview(engine, start, answers_from({**poor, "household_region": "吉林省"}))
    assert benefit_of(local.result, "jilin.poor_labor_hardship_parity").status == "possibly_eligible"
    # Not a poor household: the 户籍 decides nothing here, so it is never asked.
    other = run_interview(engine, start, answers_from({**poor, "household": []}))
    assert "household_region" not in [q.fact for q in other.asked]


def test_a_person_out_of_work_planning_flexible_work_is_told_the_subsidy_is_within_reach(engine: Engine) -> None:
    person = {"region": "巴中市南江县", "age": 53, "employment_status": "unemployed", "hard_to_employ": True}
    planned = benefit_of(
        check(engine, {**person, "wants_flexible": True}, DAY), "bazhong.flexible_social_insurance_subsidy"
    )
    assert planned.status == "possibly_eligible" and planned.missing_facts == ()
    assert any("缴纳社会保险费后" in (r.requirement.text if r.requirement else "") for r in planned.reasons)
    unplanned = check(engine, {**person, "wants_flexible": False}, DAY)
    assert benefit_of(unplanned, "bazhong.flexible_social_insurance_subsidy").status == "ineligible"
    # Not said: the plan is what is asked (in the 打算 group), not guessed either way.
    unsaid = check(engine, person, DAY)
    assert "wants_flexible" in benefit_of(unsaid, "bazhong.flexible_social_insurance_subsidy").missing_facts


def test_a_graduate_out_of_work_past_two_years_is_not_within_reach_of_pingdingshan_graduate_subsidy(
    engine: Engine,
) -> None:
    """平顶山（十一）「离校2年内未就业高校毕业生实现灵活就业…」: work starting now is past the 2 years."""
    person = {
        "region": "平顶山市湛河区",
        "age": 24,
        "education": "college",
        "graduation_date": "2018-06-30",
        "employment_status": "unemployed",
        "wants_flexible": True,
    }
    found = benefit_of(check(engine, person, date(2020, 9, 22)), "pingdingshan.graduate_flexible_social_insurance")
    assert found.status == "ineligible"


def test_jilin_fifteen_is_two_measures_the_named_services_and_the_unnamed_policies(engine: Engine) -> None:
    soldier = check(engine, {"region": "松原市", "veteran": "soldier_self_employed"}, date(2018, 4, 17))
    assert benefit_of(soldier, "jilin.veteran_support").status == "eligible"
    policies = benefit_of(soldier, "jilin.veteran_preferential_policies")
    assert policies.status == "possibly_eligible"
    assert any(
        r.kind == "to_confirm" and "相关优惠政策" in (r.requirement.text if r.requirement else "")
        for r in policies.reasons
    )
    officer = check(engine, {"region": "松原市", "veteran": "officer_self_employed"}, date(2018, 4, 17))
    assert benefit_of(officer, "jilin.veteran_preferential_policies").status == "ineligible"


def test_the_runner_reads_a_cousin_as_another_person_and_a_stated_plan_of_flexible_work() -> None:
    from tests.eligibility.holdout_runner import load_runner

    runner, book = load_runner(), default_rulebook()
    assert runner.ABOUT_ANOTHER.search("离校1年内未就业的中职（技校）毕业生纳入就业见习范围（表弟）")
    planned = {
        "place": "四川省巴中市平昌县",
        "age": 51,
        "employment": "unemployed",
        "education": "primary",
        "other": "已认定就业困难人员; 目前未就业, 拟摆摊灵活就业",
    }
    assert runner.profile_of(planned, DAY, book)["wants_flexible"] is True
    unsaid = {**planned, "other": "已认定就业困难人员; 目前没有任何工作"}
    assert runner.profile_of(unsaid, DAY, book)["wants_flexible"] is False
