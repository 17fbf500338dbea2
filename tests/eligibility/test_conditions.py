"""Three-valued logic and the "could this fact still change the result" analysis, on small trees."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.conditions import AllOf, AnyOf, Defined, Leaf, Node, NotOf, Open, evaluate, facts_that_matter
from eligibility.results import Requirement

DAY = date(2026, 3, 1)


def leaf(fact: str) -> Leaf:
    requirement = Requirement(fact=fact, comparison="is", operand=True)
    return Leaf(fact, lambda value, as_of: value is True, requirement, "jilin-2017-01", "q")


def any_of(*parts: Node) -> AnyOf:
    return AnyOf(tuple(parts), Requirement(text="需其一"), "jilin-2017-01")


A, B, C = leaf("a"), leaf("b"), leaf("c")


@pytest.mark.parametrize(
    ("node", "values", "expected"),
    [
        (AllOf((A, B)), {"a": True, "b": True}, True),
        (AllOf((A, B)), {"a": False}, False),
        (AllOf((A, B)), {"a": True}, None),
        (any_of(A, B), {"b": True}, True),
        (any_of(A, B), {"a": False}, None),
        (any_of(A, B), {"a": False, "b": False}, False),
        (NotOf(A, "需非a", "jilin-2017-01"), {"a": True}, False),
        (NotOf(A, "需非a", "jilin-2017-01"), {}, None),
        (AllOf(()), {}, True),
    ],
)
def test_kleene_evaluation(node: Node, values: dict[str, Any], expected: bool | None) -> None:
    assert evaluate(node, values, DAY).value is expected


def test_a_failed_all_reports_every_failed_part_and_no_unknown_one() -> None:
    outcome = evaluate(AllOf((A, B, C)), {"a": False, "b": False}, DAY)
    assert [f.facts for f in outcome.failed] == [("a",), ("b",)]


def _askable(*names: str):  # type: ignore[no-untyped-def]
    return lambda fact: fact in names


def test_every_open_part_of_an_all_matters() -> None:
    assert facts_that_matter(AllOf((A, B)), {}, DAY, _askable("a", "b")) == {"a", "b"}


def test_a_fact_behind_a_part_known_to_be_unknowable_does_not_matter() -> None:
    """all(a, any(b, c)) with a and b answered 不清楚: c can make the any true, but the all can
    never become yes (a is unknown for good) nor no through c — so c must not be asked."""
    node = AllOf((A, any_of(B, C)))
    assert facts_that_matter(node, {"a": None, "b": None}, DAY, _askable("c")) == frozenset()


def test_a_fact_that_can_still_make_an_all_fail_matters_even_beside_an_unknowable_part() -> None:
    node = AllOf((A, B))
    assert facts_that_matter(node, {"a": None}, DAY, _askable("b")) == {"b"}


def test_decided_parts_are_ignored() -> None:
    node = any_of(AllOf((A, B)), C)
    assert facts_that_matter(node, {"a": False}, DAY, _askable("b", "c")) == {"c"}


def _term_with_an_open_part() -> Defined:
    """A shared term whose last stretch the text leaves open (两后生 who left school a while ago)."""
    open_part = Open(Requirement(text="是否仍算", open=True), "pingdingshan-2020-16", "q")
    return Defined("term", any_of(A, AllOf((B, open_part))), Requirement(text="需属于该类人员"), "x-2020-01", "q")


def test_a_term_open_only_in_the_texts_gap_says_what_to_confirm_not_the_whole_term() -> None:
    outcome = evaluate(_term_with_an_open_part(), {"a": False, "b": True}, DAY)
    assert outcome.value is None
    assert [(f.requirement.text, f.requirement.open, f.cite) for f in outcome.unknown] == [
        ("是否仍算", True, "pingdingshan-2020-16")
    ]


def test_a_term_still_waiting_for_an_answer_is_reported_as_the_term() -> None:
    outcome = evaluate(_term_with_an_open_part(), {"a": False}, DAY)
    assert [(f.requirement.text, f.facts) for f in outcome.unknown] == [("需属于该类人员", ("b",))]
