"""Facts that come as a list of records: a person may hold several certificates, each with its level
and date, and a benefit that speaks of a certificate is met by any one of them.

facts.yaml declares the list (`certificates: {type: record_list, fields: {level: certificate_level,
date: certificate_date}}`); rules keep speaking of the plain facts (`certificate_level`,
`certificate_date`), and a benefit that uses them is judged once per record with that record's
values in place (an old 高级 certificate fails 吉林（二十）'s 12-month limit, a new 中级 one meets it).
Where the text pays per certificate, every record that qualifies brings its own tier.

The interview asks one record at a time through the plain facts (the *slot*); a yes to the
collecting fact (`more_certificates: 您还有其他证书吗？`) stores the slot in the list and asks it
again. A list ending in an empty record `{}` means "another one, not yet described": the slot.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from eligibility.conditions import Finding, Leaf, Node, Open, Outcome, evaluate, walk_leaves
from eligibility.facts import FactRegistry
from eligibility.profile import Profile
from eligibility.results import Requirement

NO_RECORD = "none"
# How many records (hires, certificates) the interview has described one by one before it stops asking
# for another: three tell apart the kinds a unit's or a person's benefits distinguish.
MAX_ASKED_RECORDS = 3


@dataclass(frozen=True, slots=True)
class RecordList:
    """One record_list fact: its name, record key → plain fact, and the fact that collects a record."""

    name: str
    fields: dict[str, str]
    more: str | None
    # The main fact has a `none` option (certificate_level: none = no certificate): `[]` then says
    # "no record". A list without one (the people a unit hires) is empty until someone is described.
    none_main: bool = True

    @property
    def facts(self) -> tuple[str, ...]:
        return tuple(self.fields.values())

    @property
    def main(self) -> str:
        """The record's first fact (the certificate's level): `none` there means no record."""
        return next(iter(self.fields.values()))

    @property
    def details(self) -> tuple[str, ...]:
        """The record's other facts (the certificate's date): asked once the main one names a record."""
        return self.facts[1:]

    def asked_enough(self, values: Mapping[str, Any]) -> bool:
        """The interview has had this many records described one by one (`MAX_ASKED_RECORDS`): it asks
        for no other (a person who keeps saying "yes, another" would never reach the results); more
        can still be given at once in the JSON list."""
        stored = len([r for r in values.get(self.name) or () if r])
        return stored + (1 if self.names_a_record(values) else 0) >= MAX_ASKED_RECORDS

    def names_a_record(self, values: Mapping[str, Any]) -> bool:
        """The record being asked (the slot) names one: a certificate's level other than none, or
        anything said about a hire."""
        if self.none_main:
            return values.get(self.main) not in {None, NO_RECORD}
        return any(values.get(f) is not None for f in self.facts)

    def may_have_more(self, values: Mapping[str, Any]) -> bool:
        """Answered whether there is another record, other than no (不清楚, or yes before it is
        described): a record that fails then leaves the benefit open (`_pending`), so the named
        record's details can no longer rule it out."""
        return self.more is not None and self.more in values and values[self.more] is not False


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """The benefit judged over every record: the outcome, the values of the record that decided it
    (for reasons, amount and next question), and the values of every record that qualifies."""

    outcome: Outcome
    values: Mapping[str, Any]
    qualifying: tuple[Mapping[str, Any], ...]
    # Where the qualifying records stand in the list (0-based, the slot last) and how many were judged.
    meeting: tuple[int, ...] = ()
    judged: int = 1


def record_lists(facts: FactRegistry) -> list[RecordList]:
    lists = []
    for name, spec in facts.records.items():
        more = next((f.name for f in facts if f.collects == name), None)
        main = facts[next(iter(spec.fields.values()))]
        lists.append(RecordList(name, dict(spec.fields), more, NO_RECORD in main.enum_values))
    return lists


def record_list_of(node: Node, lists: list[RecordList]) -> RecordList | None:
    """The record list whose facts this condition speaks of, if any."""
    used = set(node.facts())
    return next((r for r in lists if used & set(r.facts)), None)


Judge = Callable[[Mapping[str, Any]], Outcome]


def evaluate_records(
    node: Node, values: Mapping[str, Any], as_of: date, records: RecordList, judge: Judge | None = None
) -> RecordOutcome:
    """Any record that meets the condition meets it; unknown while a record could, or — when every
    record named fails — while the person has not said whether there is another; else the failures
    of the record that came closest. `judge`: how one record's values are judged (default: the
    condition on them at `as_of`; a unit's hires are judged on the unit view, units.py)."""
    judge = judge or (lambda bound: evaluate(node, bound, as_of))
    candidates = bound_records(values, records)
    judged = [(judge(bound), bound) for bound in candidates]
    qualifying = tuple(bound for outcome, bound in judged if outcome.value is True)
    if qualifying:
        meeting = tuple(i for i, (outcome, _) in enumerate(judged) if outcome.value is True)
        return RecordOutcome(Outcome(True), qualifying[0], qualifying, meeting, len(judged))
    unknown = [(outcome, bound) for outcome, bound in judged if outcome.value is None]
    if unknown:
        outcome, bound = unknown[0]
        return RecordOutcome(outcome, bound, ())
    outcome, bound = min(reversed(judged), key=lambda pair: len(pair[0].failed))
    pending = _pending(node, values, records, judge)
    if pending:
        return RecordOutcome(Outcome(None, unknown=[pending]), bound, ())
    return RecordOutcome(outcome, bound, ())


def bound_records(values: Mapping[str, Any], records: RecordList) -> list[Mapping[str, Any]]:
    """The person's values once per record, with that record's facts in place of the slot's: the
    stored records in order, then the record being asked (the slot), if any."""
    stored = values.get(records.name)
    slot = {f: values[f] for f in records.facts if f in values}
    if stored is None:
        return [values]
    rows = list(stored)
    if rows and not rows[-1]:
        rows.pop()  # "another one": the slot stands for it
        if not slot:
            return [*(_with(values, records, r) for r in rows), values]
    elif not slot:
        if not rows:
            return [{**values, records.main: NO_RECORD}] if records.none_main else [values]
        return [_with(values, records, r) for r in rows]
    bound: list[Mapping[str, Any]] = [_with(values, records, r) for r in rows]
    if slot.get(records.main) != NO_RECORD or not bound:
        bound.append(values)
    return bound


def _with(values: Mapping[str, Any], records: RecordList, record: Mapping[str, Any]) -> dict[str, Any]:
    """A stored record's facts in place; a key it does not give is unknown for good (never asked)."""
    return {**values, **{fact: record.get(key) for key, fact in records.fields.items()}}


def _pending(node: Node, values: Mapping[str, Any], records: RecordList, judge: Judge) -> Finding | None:
    """The person named a record and has not said there is no other (not asked yet, or 不清楚): one
    could still meet the condition, unless the condition fails whatever the record is."""
    if records.more is None or values.get(records.more, True) is False:
        return None
    if not records.names_a_record(values):
        return None
    unset = {k: v for k, v in values.items() if k not in records.facts}
    if judge(unset).value is False:
        return None
    leaves = walk_leaves(node, lambda n: isinstance(n, Leaf))
    leaf = next((n for n in leaves if isinstance(n, Leaf) and n.fact in records.facts), None)
    cite = leaf.cite if leaf is not None else next(iter(_cites(node)))
    requirement = Requirement(fact=records.more, comparison="is", operand=True)
    return Finding(requirement, cite, (records.more,))


def _cites(node: Node) -> list[str]:
    """The clause ids a condition cites, first leaf first (a unit's condition speaks of the hire's
    facts under the person's names, so no leaf names a record's own fact)."""
    return [n.cite for n in walk_leaves(node, lambda n: isinstance(n, Leaf | Open)) if isinstance(n, Leaf | Open)]


def collect(profile: Profile, fact: str, facts: FactRegistry) -> Profile:
    """After a yes to a collecting fact: the record being asked joins its list, and is asked afresh."""
    target = facts[fact].collects
    if target is None or profile.values.get(fact) is not True:
        return profile
    spec = facts[target]
    slot = {key: profile.values[f] for key, f in spec.fields.items() if f in profile.values}
    stored = [r for r in (profile.values.get(target) or ()) if r]
    values = {k: v for k, v in profile.values.items() if k not in spec.fields.values() and k != fact}
    values[target] = (*stored, *([slot] if slot else []), {})
    return Profile(as_of=profile.as_of, values=values)
