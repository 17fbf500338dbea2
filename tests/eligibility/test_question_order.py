"""The order of questions (issue 11, item 5): between questions that settle as many of the person's
benefits, the one at hand (yes/no, a tick) comes before one that must be looked up or worked out (a
number, a date); and a question that settles the person's own benefits outranks one that settles
only an employer's. Written over `choose_next_facts` with plain inputs, whatever the rules say."""

from __future__ import annotations

from datetime import date

from eligibility.engine import UNIT_WEIGHT
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
