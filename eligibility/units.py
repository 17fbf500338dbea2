"""The owner's unit (issue 11, session 13): what an employer's or provider's measure is judged on
when the person asking is that unit — the people it hires or places and the unit itself, never the
owner's own situation.

Facts say whom they are about (facts.yaml `about`): a `hire` fact stands for the fact a rule states of
a person (所招人员的家庭情况 → `household`), so a rule written about the person hired is read, for the
unit, of the hire. The engine words nothing: a reason about the hire only names the hire's facts and
marks its requirement `subject: hire`, and `bot/present` words it (所招人员…).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eligibility.conditions import Finding
from eligibility.facts import FactRegistry
from eligibility.profile import Profile
from eligibility.results import Reason, Stated

# Not asked: when the person was hired; the hire's dates (毕业年度, 离校1年内) are judged on that day.
HIRE_DATE = "hire_date"


def unit_view(profile: Profile, facts: FactRegistry) -> Profile:
    """The facts an owner's unit is judged on: the unit's own and the hire's, each hire fact in the
    place of the person fact it stands for (所招人员的家庭情况 read as `household`)."""
    values = {f: v for f, v in profile.values.items() if f in facts and facts[f].about != "person"}
    for base, hire in facts.hire_facts.items():
        if hire in profile.values:
            values[base] = profile.values[hire]
    # Whom a unit hired is judged on the day of the hire (吸纳毕业年度高校毕业生), when it is given.
    hired = profile.values.get(HIRE_DATE)
    return Profile(as_of=hired if isinstance(hired, date) else profile.as_of, values=values)


def of_the_hire(reason: Reason, finding: Finding, facts: FactRegistry) -> Reason:
    """A reason about the person hired names the hire facts (所招人员…), not the owner's own."""
    hire = facts.hire_facts
    requirement = reason.requirement
    if requirement is not None and any(f in hire for f in finding.facts):
        update: dict[str, Any] = {"subject": "hire"}
        if requirement.fact in hire:
            update["fact"] = hire[requirement.fact]
        requirement = requirement.model_copy(update=update)
    stated = tuple(Stated(fact=hire.get(s.fact, s.fact), value=s.value) for s in reason.stated)
    return reason.model_copy(update={"requirement": requirement, "stated": stated})
