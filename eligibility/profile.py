"""A person's facts, checked against the facts registry.

A profile distinguishes three states per fact, because the interview depends on it: absent (not
asked yet — may be asked), `None` (asked, the person does not know — never asked again, results
that depend on it stay possibly eligible) and a typed value. Anything else is rejected with a
ProfileError naming the fact (worded for people by `bot/present`).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from eligibility.conditions import Possible
from eligibility.errors import ProfileError
from eligibility.facts import DATE_PROBLEMS, FactRegistry, parse_date_text

AS_OF = "as_of"


class Profile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    as_of: date
    values: dict[str, Any]

    def is_answered(self, fact: str) -> bool:
        return fact in self.values

    def is_open(self, fact: str) -> bool:
        """Not asked yet, or said without its kind (退役士兵): a question may still settle it."""
        return fact not in self.values or isinstance(self.values[fact], Possible)

    def with_answer(self, fact: str, value: Any) -> Profile:
        return Profile(as_of=self.as_of, values={**self.values, fact: value})

    def without_answer(self, fact: str) -> Profile:
        """The profile with `fact` not asked yet (a place we do not cover is asked again)."""
        return Profile(as_of=self.as_of, values={k: v for k, v in self.values.items() if k != fact})

    def as_json(self) -> dict[str, Any]:
        """The profile as it would be sent to `policybot check` (dates as ISO strings)."""
        out: dict[str, Any] = {AS_OF: self.as_of.isoformat()}
        for fact, value in self.values.items():
            if isinstance(value, date):
                out[fact] = value.isoformat()
            elif isinstance(value, tuple):
                out[fact] = [_record_json(v) if isinstance(v, dict) else v for v in value]
            else:
                out[fact] = value
        return out


def _record_json(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in record.items()}


def _parse_as_of(raw: Any, today: date) -> date:
    if raw is None:
        return today
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            parsed = parse_date_text(raw)
        except ValueError:
            raise ProfileError(AS_OF, "impossible_as_of", f"'as_of' is not a real date: {raw}.", raw=raw) from None
        if parsed is not None:
            return parsed
    raise ProfileError(AS_OF, "bad_as_of", f"'as_of' must be a date (YYYY-MM-DD), got {raw!r}.", raw=raw)


def parse_profile(raw: Any, facts: FactRegistry, today: date, set_aside: list[ProfileError] | None = None) -> Profile:
    """Check a JSON-like profile; `today` is the default `as_of` (time is an input, not read here).

    `set_aside`: a date fact with a date problem (no such day, or later than the fact allows) is left
    out of the profile — not asked yet, so the interview asks it — and its error added here instead
    of raised (the API's `warnings`); so is an `as_of` that is no real day, and today is used.
    Without it every problem is raised."""
    if not isinstance(raw, Mapping):
        raise ProfileError(None, "not_an_object", "a profile must be a JSON object of facts.")
    try:
        as_of = _parse_as_of(raw.get(AS_OF), today)
    except ProfileError as exc:
        if set_aside is None or exc.problem != "impossible_as_of":
            raise
        set_aside.append(exc)
        as_of = today
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name == AS_OF:
            continue
        if not isinstance(name, str) or name not in facts:
            close = difflib.get_close_matches(str(name), [s.name for s in facts], n=1)
            hint_en = f"; did you mean '{close[0]}'?" if close else "."
            raise ProfileError(
                str(name),
                "unknown_fact",
                f"unknown fact '{name}'{hint_en}",
                name=name,
                close=close[0] if close else None,
            )
        try:
            values[name] = facts.parse(name, value, as_of, set_aside)
        except ProfileError as exc:
            if set_aside is None or exc.problem not in DATE_PROBLEMS:
                raise
            set_aside.append(exc)
    return Profile(as_of=as_of, values=values)
