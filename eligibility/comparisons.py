"""Comparisons a rule may make on a fact, checked against the fact's type at load.

Each YAML comparison (`gte: 3`, `contains_any: [dibao]`, `within_years: 2` …) becomes a small
test function. The comparison itself travels with the result (`results.Requirement`), and
`bot/present` phrases it ("需失业保险参保年限不少于3年") unless the rule file gives its own
`requirement:` wording, where the policy has a better phrase.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eligibility.conditions import Test, add_months, add_years, school_year_of
from eligibility.facts import FactSpec

NUMERIC = {"integer", "number"}
ALLOWED = {
    "boolean": {"is"},
    "enum": {"is", "in", "not_in"},
    "enum_list": {"contains_any"},
    "integer": {"gte", "gt", "lte", "lt", "started_on_or_after"},
    "number": {"gte", "gt", "lte", "lt"},
    "date": {"within_years", "within_months", "same_calendar_year", "same_school_year", "on_or_after"},
    "text": set(),
}


def _within_years(years: int) -> Test:
    def test(value: date, as_of: date) -> bool:
        return value <= as_of <= add_years(value, years)

    return test


def _within_months(months: int) -> Test:
    def test(value: date, as_of: date) -> bool:
        return value <= as_of <= add_months(value, months)

    return test


def _same_school_year(value: date, as_of: date) -> bool:
    start, end = school_year_of(value)
    return start <= as_of <= end


def _started_on_or_after(earliest: date) -> Test:
    """A count of whole months up to `as_of` (经营了14个月) that certainly began on or after `earliest`.

    N whole months is a start anywhere in the month before `as_of` less N months (14个月 on 2019-10-12: begun
    between 2018-07-13 and 2018-08-12); only when the earliest of those days is not before `earliest` is it met —
    at the boundary the safe reading is the later start's doubt, never a lean to eligible (session 33)."""

    def test(value: float, as_of: date) -> bool:
        return add_months(earliest, int(value) + 1) <= as_of

    return test


def build_test(spec: FactSpec, comparison: str, operand: Any) -> Test:
    """The test for `fact <comparison> operand`; ValueError when it does not fit the fact."""
    if comparison not in ALLOWED[spec.type]:
        raise ValueError(f"{comparison!r} does not apply to {spec.type} fact {spec.name!r}")
    if spec.type == "boolean":
        if not isinstance(operand, bool):
            raise ValueError(f"{spec.name!r} is a boolean; compare with true or false")
        return lambda value, as_of: value is operand
    if spec.type in {"enum", "enum_list"}:
        wanted = (operand,) if comparison == "is" else tuple(operand)
        unknown = [w for w in wanted if w not in spec.enum_values]
        if unknown:
            raise ValueError(f"{unknown[0]!r} is not a value of {spec.name!r} ({', '.join(spec.enum_values)})")
        if comparison == "is":
            return lambda value, as_of: value == operand
        if comparison == "in":
            return lambda value, as_of: value in wanted
        if comparison == "not_in":
            return lambda value, as_of: value not in wanted
        return lambda value, as_of: any(item in wanted for item in value)
    if comparison == "started_on_or_after":
        if spec.counts != "months" or not isinstance(operand, date):
            raise ValueError(f"started_on_or_after counts months back from as_of: {spec.name!r} is no count of months")
        return _started_on_or_after(operand)
    if spec.type in NUMERIC:
        limit = float(operand)
        return {
            "gte": lambda value, as_of: value >= limit,
            "gt": lambda value, as_of: value > limit,
            "lte": lambda value, as_of: value <= limit,
            "lt": lambda value, as_of: value < limit,
        }[comparison]
    if comparison == "within_years":
        return _within_years(int(operand))
    if comparison == "within_months":
        return _within_months(int(operand))
    if comparison == "same_calendar_year":
        return lambda value, as_of: value.year == as_of.year
    if comparison == "same_school_year":
        return _same_school_year
    earliest: date = operand
    return lambda value, as_of: value >= earliest
