"""Session 45 (issue 11, emp46): what a hiring unit's measures judge a hire on is offered for each hire, nothing else.

A unit's condition states a fact of a person (hard_to_employ, household …); the `hire` fact standing for it is what the
interview asks of each hire. Every such hire fact is kept on each hire (a field of the `hires` record) and asked (in the
`hires` or `hire_terms` list, or on its own); every member of the `hires` list stands for a fact some rule judges a hire
on — so a category no rule encodes (残疾: the five documents have no unit measure for hiring 残疾人) is never offered,
and the dialogue says so when it is told (tests/dialogue/transcripts_emp46.yaml)."""

from __future__ import annotations

from eligibility.rulebook import default_rulebook

BOOK = default_rulebook()
FACTS = BOOK.facts


def _unit_facts() -> set[str]:
    return {f for b in BOOK.benefits.values() if b.unit_condition is not None for f in b.unit_condition.facts()}


def test_every_hire_fact_a_rule_uses_is_kept_on_each_hire_and_asked() -> None:
    categories = {FACTS.hire_facts[f] for f in _unit_facts() if f in FACTS.hire_facts}
    assert categories, "no unit measure judges a hire"
    fields = set(FACTS["hires"].fields.values())
    for fact in sorted(categories):
        assert fact in fields, f"{fact} is not kept on each hire (facts.yaml hires.fields)"
    # The hire's terms (合同, 社保, 已领过…) are asked too (`hire_rewarded` is said of the hires together).
    for fact in sorted(categories | {f for f in _unit_facts() if FACTS[f].about == "hire"}):
        assert fact in FACTS.group_of or FACTS[fact].is_askable, f"{fact} is never asked"


def test_the_hires_list_offers_only_what_a_rule_judges_a_hire_on() -> None:
    judged = {FACTS.hire_facts[f] for f in _unit_facts() if f in FACTS.hire_facts}
    for fact in FACTS.groups["hires"].facts:
        assert FACTS[fact].about == "hire" and FACTS[fact].stands_for, fact
        assert fact in judged, f"{fact} is offered for a hire but no unit's condition names {FACTS[fact].stands_for}"


def test_a_disability_is_no_hire_category_while_no_rule_judges_a_hire_on_it() -> None:
    # The documents' only words on units and 残疾人 (巴中（十九）、资阳 促进妇女、残疾人等公平就业; 平顶山
    # 完善残疾人就业保障金管理使用制度) grant a unit nothing: no hire fact stands for `disabled`, no unit's condition
    # names it.
    assert "disabled" not in FACTS.hire_facts
    assert "disabled" not in _unit_facts()
