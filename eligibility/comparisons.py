"""Comparisons a rule may make on a fact, checked against the fact's type at load.

Each YAML comparison (`gte: 3`, `contains_any: [dibao]`, `within_years: 2` …) becomes a small
test function and a default Chinese requirement ("需失业保险参保年限不少于3年"); rule files
override the wording with `requirement:` where the policy has a better phrase of its own.
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
    "integer": {"gte", "gt", "lte", "lt"},
    "number": {"gte", "gt", "lte", "lt"},
    "date": {"within_years", "within_months", "same_calendar_year", "same_school_year", "on_or_after"},
    "text": set(),
}


def _number(value: float) -> str:
    return f"{value:g}"


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


def default_requirement(spec: FactSpec, comparison: str, operand: Any) -> str:
    """Plain Chinese for a comparison, used when the rule file gives no `requirement`."""
    label, unit = spec.label, spec.unit
    if spec.type == "boolean":
        return f"需{spec.holds if operand else spec.fails}"
    if comparison == "is":
        return f"需{label}为{spec.option_label(operand)}"
    if comparison in {"in", "not_in", "contains_any"}:
        names = "或".join(spec.option_label(v) for v in operand)
        verb = {"in": "为", "not_in": "不为", "contains_any": "属于"}[comparison]
        return f"需{label}{verb}{names}"
    if comparison in {"gte", "gt", "lte", "lt"}:
        verb = {"gte": "不少于", "gt": "多于", "lte": "不超过", "lt": "少于"}[comparison]
        return f"需{label}{verb}{_number(operand)}{unit}"
    if comparison == "within_years":
        return f"需在{label}后{operand}年内"
    if comparison == "within_months":
        return f"需在{label}后{operand}个月内"
    if comparison == "same_calendar_year":
        return f"需在{label}的当年内"
    if comparison == "same_school_year":
        return f"需在{label}所在学年内"
    return f"需{label}不早于{operand.year}年{operand.month}月{operand.day}日"
