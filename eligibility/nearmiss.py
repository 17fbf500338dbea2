"""What would open a near miss: requirements the person can meet by doing something.

Some facts are the person's to change — 办理失业登记, 考取职业资格证书, 办理营业执照, 报名参加培训 —
and facts.yaml says so (`action`: what to do, the facts it settles, for whom it is open). A benefit
failed only on requirements such actions meet (or open only on such facts the person answered
不清楚) is judged again with the actions done; when that opens it, the result names the actions.
It is derived from the rule's own failed conditions and the facts' actions — never a list per
benefit — and, like `waiting.py`, judges the whole rule again, so nothing else is assumed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from eligibility.conditions import Finding, Outcome
from eligibility.facts import FactRegistry


@dataclass(frozen=True, slots=True)
class Opening:
    """The actions (the facts whose `action` they are) and what the benefit becomes once done."""

    actions: tuple[str, ...]
    outcome: bool | None


class Actions:
    """The facts' actions, indexed by every fact an action settles (证书颁发日期 → 考取证书)."""

    def __init__(self, facts: FactRegistry) -> None:
        self.facts = facts
        self.owner: dict[str, str] = {}
        for spec in facts:
            if spec.action is not None:
                for settled in (*spec.action.sets, *spec.action.chooses):
                    # A fact's own action settles it first (办理失业登记 for 失业登记, even though applying to be
                    # recognised as 就业困难人员 needs a registration too).
                    if settled == spec.name:
                        self.owner[settled] = spec.name
                    else:
                        self.owner.setdefault(settled, spec.name)
        # Record lists whose records hold a settled fact: a new record replaces the list (records.py).
        self.lists = {
            name: set(spec.fields.values()) for name, spec in facts.records.items() if set(spec.fields.values())
        }

    def candidates(self, findings: Iterable[Finding], values: Mapping[str, Any]) -> tuple[str, ...]:
        """The actions open to this person that settle a fact the findings speak of, not done yet."""
        chosen: dict[str, None] = {}
        for finding in findings:
            for fact in finding.facts:
                owner = self.owner.get(fact)
                if owner is None or owner in chosen:
                    continue
                action = self.facts[owner].action
                assert action is not None
                if any(values.get(f) in blocked for f, blocked in action.unless.items()) or not action.fits(values):
                    continue
                if all(_done(values.get(f), v) for f, v in action.sets.items() if v != "as_of") and all(
                    values.get(f) in options for f, options in action.chooses.items()
                ):
                    continue
                chosen[owner] = None
        return tuple(chosen)

    def done(self, values: Mapping[str, Any], actions: Iterable[str], as_of: date) -> list[dict[str, Any]]:
        """The facts as they would be once the actions are done (a date set `as_of`: done today), one mapping per
        choice the person could make doing them (`chooses`: the form of a business registered); a choice the person
        already made is kept."""
        after = dict(values)
        choices: dict[str, tuple[Any, ...]] = {}
        for owner in actions:
            action = self.facts[owner].action
            assert action is not None
            for fact, value in action.sets.items():
                after[fact] = as_of if value == "as_of" else self.facts[fact].parse(value, as_of)
                self._drop_lists(after, fact)
            for fact, options in action.chooses.items():
                if values.get(fact) not in options:
                    choices[fact] = tuple(self.facts[fact].parse(option, as_of) for option in options)
                    self._drop_lists(after, fact)
        variants = [after]
        for fact, options in choices.items():
            variants = [{**variant, fact: option} for variant in variants for option in options]
        return variants

    def _drop_lists(self, after: dict[str, Any], fact: str) -> None:
        for name, fields in self.lists.items():
            if fact in fields:
                after.pop(name, None)


def opened_by(
    actions: Actions,
    findings: list[Finding],
    values: Mapping[str, Any],
    as_of: date,
    judge: Callable[[dict[str, Any]], Outcome],
) -> Opening | None:
    """The fewest actions that open the benefit (one alone, best outcome first; else all together)."""
    candidates = actions.candidates(findings, values)
    if not candidates:
        return None
    best: Opening | None = None
    for owner in candidates:
        value = _best(judge, actions.done(values, (owner,), as_of))
        if value is not False and (best is None or (value is True and best.outcome is not True)):
            best = Opening((owner,), value)
    if best is not None or len(candidates) == 1:
        return best
    value = _best(judge, actions.done(values, candidates, as_of))
    return Opening(candidates, value) if value is not False else None


def _best(judge: Callable[[dict[str, Any]], Outcome], variants: list[dict[str, Any]]) -> bool | None:
    """The best outcome over the choices the person could make: met under one is met (True before None before False)."""
    outcomes = [judge(variant).value for variant in variants]
    return True if True in outcomes else None if None in outcomes else False


def _done(current: Any, wanted: Any) -> bool:
    return bool(current == wanted)
