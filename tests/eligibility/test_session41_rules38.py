"""Session 41 (issue 11, task rules38): set 33 opened. Whoever works for a unit is no 城镇登记失业人员 today (an
employee's 失业登记 is answered, never open); the interview asks where the person works or does business — once,
last, only when a measure following that place still stands and the person works, is insured, or runs or plans a
business (place_interviews.yaml); “其他地方” is a place no document covers; an owner's business place stands for his
place of work."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from eligibility.engine import Engine
from eligibility.interview import answers_from, run_interview
from eligibility.profile import Profile, parse_profile
from eligibility.results import NextQuestion
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

TRANSCRIPTS = yaml.safe_load(Path(__file__).with_name("place_interviews.yaml").read_text(encoding="utf-8"))[
    "transcripts"
]
PLACE_FACTS = ("work_region", "business_region")


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=[t["name"] for t in TRANSCRIPTS])
def test_the_place_of_work_or_business_is_asked_once_last_and_moves_the_measures_that_follow_it(
    engine: Engine, transcript: dict[str, Any]
) -> None:
    shown: list[NextQuestion] = []
    known = answers_from(transcript["answers"])

    def answer(question: NextQuestion, profile: Profile) -> Any:
        if question.fact in PLACE_FACTS:
            shown.append(question)
            return next((o.value for o in question.options if o.label == transcript.get("place")), None)
        return known(question, profile)

    start = parse_profile(transcript.get("told", {}), engine.rulebook.facts, transcript["as_of"])
    interview = run_interview(engine, start, answer)
    assert [q.fact for q in interview.asked] == transcript["asked"]
    assert len(shown) == (1 if transcript.get("options") else 0)
    if shown:
        assert [o.label for o in shown[0].options] == transcript["options"]
    judged = {b.id: b for b in interview.result.benefits}
    for benefit_id, (status, basis) in transcript["expect"].items():
        assert benefit_id in judged, benefit_id
        assert (judged[benefit_id].status, judged[benefit_id].basis) == (status, basis), benefit_id
    for benefit_id in transcript.get("gone", []):
        assert benefit_id not in judged, benefit_id


def test_an_employee_is_no_registered_unemployed_person_today(engine: Engine) -> None:
    # 吉林（十九） 城镇登记失业人员: a 2018 graduate hired in 2019 is not one; only the household is still open.
    worker = {
        "region": "白城",
        "age": 23,
        "employment_status": "employed",
        "education": "college",
        "graduation_date": date(2018, 7, 1),
        "rural_labor": False,
        "wants_training": True,
    }
    found = benefit_of(check(engine, worker, date(2019, 3, 20)), "jilin.vocational_training_subsidy")
    assert found.missing_facts == ("household",), found.missing_facts


def test_one_out_of_work_may_still_be_registered(engine: Engine) -> None:
    idle = {
        "region": "白城",
        "age": 23,
        "employment_status": "unemployed",
        "education": "college",
        "graduation_date": date(2018, 7, 1),
        "rural_labor": False,
        "wants_training": True,
        "household": [],
    }
    found = benefit_of(check(engine, idle, date(2019, 3, 20)), "jilin.vocational_training_subsidy")
    assert "registered_unemployed" in found.missing_facts, found.missing_facts


def test_the_runner_judges_a_hiring_measure_on_the_planned_hire_when_only_it_tells_who_the_hire_is(
    engine: Engine,
) -> None:
    # An owner who took on two 建档立卡 workers and plans to take on this year's graduates: the graduates' measure
    # (巴中（十） 吸纳毕业年度高校毕业生) hangs on the hire not made yet; the poor workers' reward on the one made.
    runner = load_runner()
    person = {
        "as_of": date(2018, 7, 10),
        "facts": {
            "place": "四川省巴中市巴州区",
            "age": 40,
            "employment": "employer",
            "education": "high_school",
            "other": "小微企业老板; 2018-03招用2名建档立卡贫困家庭劳动力, 签1年劳动合同并参保; "
            "计划2018-09招用2018届高校毕业生, 尚未招",
        },
    }
    rulebook = engine.rulebook
    raw = runner.profile_of(person["facts"], person["as_of"], rulebook)
    whole = engine.check(parse_profile(raw, rulebook.facts, person["as_of"]))
    graduates = "bazhong.graduate_hiring_social_insurance"
    _, planned = runner.judged_for(
        engine, rulebook, person, "企业吸纳毕业年度高校毕业生社会保险补贴", raw, whole, graduates
    )
    assert planned is True
    reward = "bazhong.poor_labor_hiring_reward"
    _, planned = runner.judged_for(engine, rulebook, person, "企业吸纳贫困家庭劳动力奖补", raw, whole, reward)
    assert planned is False
