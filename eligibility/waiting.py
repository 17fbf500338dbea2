"""When a near miss will qualify: requirements that time alone will meet.

Some facts grow by themselves — months in business, months out of work, years insured — so a
benefit failed only on such a figure (经营满12个月, 参保满3年) opens on a date we can name, provided
the person goes on as they are. The date is checked by evaluating the whole rule again on that day
with the figures grown, so a window that closes meanwhile (离校2年内, 2020年度内) is respected.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from eligibility.conditions import Finding, Node, add_months, evaluate

# Facts that grow with time while the person goes on as they are, and in which unit.
GROWING = {"business_months": "months", "unemployed_months": "months", "ui_years": "years"}
DAYS_PER_YEAR = 365.25


def qualifies_on(
    node: Node, values: Mapping[str, Any], as_of: date, failed: list[Finding], valid_to: date | None
) -> date | None:
    """The first day the failed requirements are met by time alone, or None (not a matter of time)."""
    day = as_of
    for finding in failed:
        requirement = finding.requirement
        fact = requirement.fact
        if fact not in GROWING or requirement.comparison not in {"gte", "gt"} or values.get(fact) is None:
            return None
        need = float(requirement.operand) - float(values[fact])
        if GROWING[fact] == "months":
            months = math.floor(need) + 1 if requirement.comparison == "gt" else math.ceil(need)
            day = max(day, add_months(as_of, months))
        else:
            days = math.ceil(need * DAYS_PER_YEAR) + (1 if requirement.comparison == "gt" else 0)
            day = max(day, as_of + timedelta(days=days))
    if day == as_of or (valid_to is not None and day > valid_to):
        return None
    grown = dict(values)
    for fact, unit in GROWING.items():
        if grown.get(fact) is not None:
            elapsed = (day - as_of).days
            grown[fact] = grown[fact] + (_months(as_of, day) if unit == "months" else elapsed / DAYS_PER_YEAR)
    return day if evaluate(node, grown, day).value is not False else None


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
