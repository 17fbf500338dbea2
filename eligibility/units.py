"""The owner's unit (issue 11, session 13): what an employer's or provider's measure is judged on
when the person asking is that unit — the people it hires or places and the unit itself, never the
owner's own situation.

Facts say whom they are about (facts.yaml `about`): a `hire` fact stands for the fact a rule states of
a person (所招人员的家庭情况 → `household`), so a rule written about the person hired is read, for the
unit, of the hire. The engine words nothing: a reason about the hire only names the hire's facts and
marks its requirement `subject: hire`, and `bot/present` words it (所招人员…).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from eligibility.conditions import Finding, Node, Outcome, add_months, evaluate
from eligibility.facts import FactRegistry
from eligibility.profile import Profile
from eligibility.records import RecordList, evaluate_records
from eligibility.results import Reason, Stated

# When the person was hired: the hire's dates (毕业年度, 离校1年内) are judged on that day. Asked only
# when that day decides something (`judge_hire`).
HIRE_DATE = "hire_date"
HIRE_MONTHS = "hire_months"
# Hire days tried when the day is not known: a hire kept `hire_months` months ago, else half a year
# and a year ago — whether an earlier day could meet what today fails.
EARLIER_MONTHS = (6, 12)


@dataclass(frozen=True, slots=True)
class UnitJudgement:
    """An employer's or provider's measure judged for the person's own unit: the outcome over every
    hire (any hire that meets it meets it), the unit view of the hire that decided it, that hire's
    values (what is still open about it is asked only where it is absent there), and — when more than
    one hire is described — which of them (1-based, in the order given) meet it."""

    outcome: Outcome
    view: Profile
    row: Mapping[str, Any]
    meeting: tuple[int, ...]


def judge_unit(node: Node, profile: Profile, facts: FactRegistry, hires: RecordList | None) -> UnitJudgement:
    """The unit's measure over its hires (issue 11, session 14): each hire is judged on its own facts,
    on its own hire day, so one hire can open a benefit another does not."""

    def judge(values: Mapping[str, Any]) -> Outcome:
        return judge_hire(node, unit_view(Profile(as_of=profile.as_of, values=dict(values)), facts), values)

    if hires is None:
        outcome = judge(profile.values)
        return UnitJudgement(outcome, unit_view(profile, facts), profile.values, ())
    judged = evaluate_records(node, profile.values, profile.as_of, hires, judge)
    row = judged.values
    view = unit_view(Profile(as_of=profile.as_of, values=dict(row)), facts)
    meeting = tuple(i + 1 for i in judged.meeting) if judged.judged > 1 else ()
    return UnitJudgement(judged.outcome, view, row, meeting)


def judge_hire(node: Node, view: Profile, row: Mapping[str, Any]) -> Outcome:
    """One hire's outcome on the unit view. When the hire day is not known and the hire fails only
    what an earlier hire day would meet (毕业年度: a 2017 graduate hired in 2017, asked about in 2018),
    the day decides: unknown, on `hire_date`, instead of a no judged as if hired today."""
    outcome = evaluate(node, view.values, view.as_of)
    if outcome.value is not False or isinstance(row.get(HIRE_DATE), date):
        return outcome
    months = row.get(HIRE_MONTHS)
    earlier = (months,) if isinstance(months, int) and months > 0 else EARLIER_MONTHS
    if not any(evaluate(node, view.values, add_months(view.as_of, -m)).value is True for m in earlier):
        return outcome
    return Outcome(None, unknown=[Finding(f.requirement, f.cite, (HIRE_DATE,)) for f in outcome.failed])


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
    said_of_hire = any(f in hire or f == HIRE_DATE for f in finding.facts)
    if requirement is not None and (said_of_hire or requirement.fact in hire):
        update: dict[str, Any] = {"subject": "hire"}
        if requirement.fact in hire:
            update["fact"] = hire[requirement.fact]
        requirement = requirement.model_copy(update=update)
    stated = tuple(Stated(fact=hire.get(s.fact, s.fact), value=s.value) for s in reason.stated)
    return reason.model_copy(update={"requirement": requirement, "stated": stated})
