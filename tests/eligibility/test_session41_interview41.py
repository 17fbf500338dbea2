"""Session 41 (issue 11, task interview41): a shorter interview that asks the same things.

- The region question asks where the person lives and where they work or do business: one place answered settles the
  place of work and of business as that place (与居住地相同, facts.yaml `settles` / `as_region`), so the place question
  (eligibility/coverage.py) is left for a place told otherwise; 不清楚 settles nothing; a place of work said already is
  kept.
- A 可多选 list answered 不清楚 is followed only by the members that can still change one of the person's own results
  (not by the boxes only an employer's measure reads), and they are ranked like any other question — 就业状态 and 学历,
  which settle most of them, are not put after nine 人员类别 asked one by one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eligibility.engine import Engine
from eligibility.interview import apply_answer, run_interview
from eligibility.profile import Profile, parse_profile
from eligibility.questions import GROUP_TYPE
from eligibility.results import NextQuestion

PLACES = ("work_region", "business_region")


def _region_answered(engine: Engine, raw: Any, told: dict[str, Any] | None = None) -> Profile:
    facts = engine.rulebook.facts
    profile = parse_profile(told or {}, facts, date(2018, 6, 1))
    question = engine.check(profile).next_question
    assert question is not None and question.fact == "region"
    return apply_answer(profile, question, raw, facts)


def test_one_place_answered_to_the_region_question_is_where_one_works_and_does_business_too(engine: Engine) -> None:
    profile = _region_answered(engine, "长春市")
    assert {f: profile.values.get(f) for f in PLACES} == dict.fromkeys(PLACES, "与居住地相同")
    assert all(engine.rulebook.facts[f].as_region is not None for f in PLACES)


def test_dont_know_to_the_region_question_settles_no_place(engine: Engine) -> None:
    profile = _region_answered(engine, None)
    assert not any(f in profile.values for f in PLACES)


def test_a_place_of_work_told_with_the_region_is_kept(engine: Engine) -> None:
    profile = _region_answered(engine, "资中", {"work_region": "雁江区"})
    assert profile.values["work_region"] == "雁江区"
    assert profile.values["business_region"] == "与居住地相同"


def test_a_place_settled_as_here_judges_the_measures_where_the_person_is(engine: Engine) -> None:
    # 吉林（二十）: a 长春 worker's skill upgrade subsidy stays 吉林's; no other covered place's measure is brought in.
    facts = engine.rulebook.facts
    values = {"region": "长春市", "work_region": "与居住地相同", "employment_status": "employed"}
    result = engine.check(parse_profile(values, facts, date(2018, 6, 1)))
    assert {b.id.split(".")[0] for b in result.benefits} == {"jilin"}
    assert result.next_question is None or result.next_question.fact not in PLACES


def _unsure_to_every_list(engine: Engine, told: dict[str, Any], answers: dict[str, Any], as_of: date) -> list[str]:
    facts = engine.rulebook.facts

    def answer(question: NextQuestion, profile: Profile) -> Any:
        return None if question.type == GROUP_TYPE else answers.get(question.fact)

    interview = run_interview(engine, parse_profile(told, facts, as_of), answer)
    return [q.fact for q in interview.asked]


def test_an_owner_unsure_of_his_business_list_is_asked_singly_only_what_is_his_own(engine: Engine) -> None:
    # 巴中 小吃店: after 不清楚 to 关于您的经营, his own 首次创业 is asked on its own; whether the shop hires, is a
    # labour broker, a park or a training base (what only a unit's measure reads) is not asked box by box.
    asked = _unsure_to_every_list(
        engine,
        {"region": "巴中市恩阳区"},
        {"employment_status": "self_employed", "business_form": "individual", "education": "below_high_school"},
        date(2018, 8, 1),
    )
    assert "business_details" in asked and "business_first" in asked, asked
    assert not {"hiring_staff", "labor_broker", "unit_park", "unit_training_base"} & set(asked), asked


def test_after_dont_know_to_the_categories_the_general_questions_are_not_put_off(engine: Engine) -> None:
    # 延吉 student: before, nine 人员类别 were asked one by one before 学历 and 就业状态.
    asked = _unsure_to_every_list(
        engine, {"region": "延吉"}, {"education": "college", "employment_status": "student"}, date(2026, 5, 1)
    )
    situation = asked.index("situation")
    assert asked[situation + 1 : situation + 3] == ["education", "employment_status"], asked
