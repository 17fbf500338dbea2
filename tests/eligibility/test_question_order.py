"""The order of questions (issue 11, item 5): between questions that settle as many of the person's
benefits, the one at hand (yes/no, a tick) comes before one that must be looked up or worked out (a
number, a date); and a question that settles the person's own benefits outranks one that settles
only an employer's. Written over `choose_next_facts` with plain inputs, whatever the rules say."""

from __future__ import annotations

from datetime import date

from eligibility.engine import UNIT_WEIGHT, Engine
from eligibility.interview import answers_from, run_interview
from eligibility.profile import parse_profile
from eligibility.questions import choose_next_facts
from eligibility.rulebook import Rulebook

DAY = date(2020, 8, 1)


def test_a_yes_no_question_comes_before_a_number_that_settles_as_much(rulebook: Rulebook) -> None:
    facts = rulebook.facts
    profile = parse_profile({"region": "平顶山"}, facts, DAY)
    # `age` (integer) is listed before `living_difficulty` (yes/no) in facts.yaml: file order alone
    # would ask the age first; both settle the same two benefits.
    assert facts.priority["age"] < facts.priority["living_difficulty"]
    open_benefits = [("age", "living_difficulty"), ("age", "living_difficulty")]
    assert choose_next_facts(open_benefits, profile, facts) == ("living_difficulty",)


def test_a_number_still_comes_first_when_it_settles_clearly_more(rulebook: Rulebook) -> None:
    facts = rulebook.facts
    profile = parse_profile({"region": "平顶山"}, facts, DAY)
    open_benefits = [("ui_years",), ("ui_years",), ("ui_years", "living_difficulty")]
    assert choose_next_facts(open_benefits, profile, facts) == ("ui_years",)


def test_the_persons_own_benefits_outweigh_an_employers(rulebook: Rulebook) -> None:
    facts = rulebook.facts
    profile = parse_profile({"region": "平顶山"}, facts, DAY)
    # `ui_years` settles two employers' benefits (weighted as a unit's), `living_difficulty` one of hers.
    open_benefits = [("ui_years",), ("ui_years",), ("living_difficulty",)]
    weights = [UNIT_WEIGHT, UNIT_WEIGHT, 1.0]
    assert choose_next_facts(open_benefits, profile, facts, weights) == ("living_difficulty",)
    assert choose_next_facts(open_benefits, profile, facts) == ("ui_years",)


def test_a_date_that_settles_only_an_employers_subsidy_is_not_worth_asking(rulebook: Rulebook) -> None:
    """A question settling none of the person's own benefits must be worth its effort: one date
    looked up for one employer's subsidy for hiring her is not; a yes/no for it still is (session 8)."""
    facts = rulebook.facts
    profile = parse_profile({"region": "平顶山"}, facts, DAY)
    assert choose_next_facts([("graduation_date",)], profile, facts, [UNIT_WEIGHT], [False]) is None
    assert choose_next_facts([("ui_insured",)], profile, facts, [UNIT_WEIGHT], [False]) == ("ui_insured",)
    # Two employers' subsidies hang on the same date: together they outweigh it.
    both = [("graduation_date",), ("graduation_date",)]
    assert choose_next_facts(both, profile, facts, [UNIT_WEIGHT] * 2, [False] * 2) == ("graduation_date",)
    # The same date for one of her own benefits is asked.
    assert choose_next_facts([("graduation_date",)], profile, facts, [1.0], [True]) == ("graduation_date",)


def test_a_student_starting_a_business_is_not_asked_a_date_only_an_employer_needs(engine: Engine) -> None:
    """A 巴中 student who plans a business and said nothing of looking for a job: 离校日期 would only
    tell whether an employer hiring her gets 巴中（十）'s 社保补贴, so the interview ends without it."""
    as_of = date(2021, 3, 1)
    known = {
        "region": "巴中市巴州区",
        "employment_status": "student",
        "education": "college",
        "wants_business": True,
        "wants_training": False,
        "hard_to_employ": False,
        "household": [],
        "disabled": False,
        "student_loan": False,
        "veteran": "none",
        "returning_migrant": False,
        "overcapacity_worker": False,
        "organized_labor_export": False,
        "landless": False,
        "graduation_date": "2021-06-30",
    }
    interview = run_interview(engine, parse_profile({}, engine.rulebook.facts, as_of), answers_from(known))
    assert interview.result.status == "complete"
    assert "graduation_date" not in {f for q in interview.asked for f in q.facts}
    hiring = {b.id: b for b in interview.result.benefits}["bazhong.graduate_hiring_social_insurance"]
    assert hiring.status == "if_hired" and "graduation_date" in hiring.missing_facts
