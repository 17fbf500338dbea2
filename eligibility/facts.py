"""The facts registry: what we may know about a person, how to ask for it, how to check it.

The list of facts is a public contract (profiles sent to `policybot check` use these names), so
it lives as data in `facts.yaml`: each fact carries its type, the Chinese question, the answer
options and a short hint. The same spec parses a profile value and builds the next question, and
`bot/present` words a value back to the person from it ("您的失业保险参保年限为2年"), so the
three never drift apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eligibility.conditions import Possible
from eligibility.errors import ProfileError, RulebookError
from eligibility.loading import read_model

FactType = Literal["boolean", "integer", "number", "date", "enum", "enum_list", "text", "record_list"]
FactValue = bool | int | float | str | date | tuple[str, ...]

TEXT_MAX_LENGTH = 100
TYPE_NAMES_EN = {
    "boolean": "a boolean (true/false)",
    "integer": "an integer",
    "number": "a number",
    "date": "a date (YYYY-MM-DD)",
    "enum": "one of the options",
    "enum_list": "a list of options",
    "text": "a string",
    "record_list": "a list of records",
}
# More records than anyone holds (certificates …): a bigger list is a mistake, not a person.
RECORDS_MAX = 20
# A date as profiles write it: YYYY-MM-DD in 1900–2099 (the documents' and people's years; the engine's
# date arithmetic stays far from date.max). The form is JSON Schema's `pattern` for every date
# (bot/web/profile_schema.py); a date of that form that no calendar has (2021-02-30) or one later
# than a fact allows is a date problem of its own (`DATE_PROBLEMS`): the API sets it aside.
DATE_FORM = r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
DATE_PROBLEMS = frozenset({"impossible_date", "too_late"})
# Text facts (a place name): some character that is not a space, none a control character; at most
# TEXT_MAX_LENGTH characters as sent (stored stripped). Also the JSON Schema `pattern` of such facts.
_PLAIN = r"[^\x00-\x1f\x7f-\x9f]"
TEXT_FORM = rf"^{_PLAIN}*[^\s\x00-\x1f\x7f-\x9f]{_PLAIN}*$"


def parse_date_text(raw: str) -> date | None:
    """A date of `DATE_FORM`; None when `raw` has another form. ValueError: the form, but no such day."""
    if re.fullmatch(DATE_FORM, raw) is None:
        return None
    return date.fromisoformat(raw)


class Option(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    value: str | bool | None
    label: str
    # A broad option (退役士兵 said without its kind): the options it may be. Never offered as a
    # choice; a condition on the fact is open until the person says which (eligibility/conditions.py).
    covers: tuple[str, ...] = ()
    # enum_list: a yes/no fact whose `true` also says this option holds (有未还清的创业担保贷款 →
    # 办过创业担保贷款), so it is not asked twice.
    shown_by: str | None = None


class AnswerLabels(BaseModel):
    """The answers every question offers besides its own options (facts.yaml `answers`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    unknown: str
    yes: str
    no: str


class Implied(BaseModel):
    """A value a fact takes, unasked, when another answer settles it: whoever works for an
    employer, is out of work or at school runs no business of their own (经营形式 = 没有)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    when: str
    # Options of `when`, or `true` / `false` when it is a yes/no fact (创业后参加了社会保险 → 在缴纳社会保险费).
    in_: tuple[bool | str, ...] = Field(alias="in", min_length=1)
    # A count may be settled too (session 34: whoever works is not out of work — 0 months).
    value: str | bool | int


class Action(BaseModel):
    """What a person can do to make a fact hold (办理失业登记, 取得职业资格证书): a near miss failed
    only on such facts opens once they are done (eligibility/nearmiss.py). `sets` gives the facts the
    action settles (`as_of` for a date: done today); `unless` lists answers under which the action
    is not open to the person (an employee cannot register as unemployed)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=2)
    sets: dict[str, Any] = Field(min_length=1)
    # Facts the person settles by choosing one of these options when doing it (session 29): registering a
    # business is as much a 个体工商户 as a 合作社 — the near miss is judged under each choice and opens on the
    # best, never on one form recorded for a person who named none.
    chooses: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    unless: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Open only to a person known to be one of these (session 26): each alternative maps facts to the answers
    # that fit (a list) or to a least number ({at_least: 12}); all of an alternative's facts must fit. 就业困难人员
    # is a status one applies for, open to the groups the text names (巴中（十一）: 大龄、残疾、低收入家庭、连续失业
    # 1年以上人员), not to anyone — an action without `when_any` is open to all but `unless`.
    when_any: tuple[dict[str, Any], ...] = ()

    def fits(self, values: Mapping[str, Any]) -> bool:
        """Whether the person is known to be one the action is open to (always, without `when_any`)."""
        return not self.when_any or any(
            all(_fits(values.get(fact), wanted) for fact, wanted in alternative.items())
            for alternative in self.when_any
        )


def _fits(value: Any, wanted: Any) -> bool:
    """A known answer that is one of the listed ones (or, for a list answer, holds one), or reaches a least number."""
    if value is None:
        return False
    if isinstance(wanted, dict):
        return isinstance(value, int | float) and not isinstance(value, bool) and value >= wanted["at_least"]
    if isinstance(value, list | tuple | set | frozenset):
        return any(v in wanted for v in value)
    return bool(value in wanted)


# Whom a fact is about: the person (default), the person a unit hires (`hire`: 所招人员, asked of an
# owner whose business hires, standing for a fact about a person), or the unit itself (`unit`: the
# owner's business). An owner's unit is judged on `hire` and `unit` facts only (issue 11, session 13).
About = Literal["person", "hire", "unit"]


class FactSpec(BaseModel):
    """One fact: its type and bounds, and the Chinese wording to ask and to explain it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = ""
    type: FactType
    label: str
    question: str | None = None
    # The region only: asked again when a province (四川) holds covered cities but is not covered
    # itself, because then the city decides which document applies. {place}: the province.
    narrow_question: str | None = None
    # …and the option for the rest of the province (a city whose documents are not collected): its
    # label, and the place it stands for, which the region resolver reads as "in {place}, none of its
    # covered cities" (四川省其他城市).
    rest_of_place: Option | None = None
    # …and its 不清楚: the place it stands for, which the resolver reads as "in {place}, the city not
    # known" (四川省（具体城市不清楚）) — so 不清楚 keeps the province said (session 9).
    unknown_city: Option | None = None
    # A place where the person works or does business (session 41): the option for the place where they are — its
    # `value` a template of that place ({place}: the jurisdiction judged), so the answer reads as that place.
    same_place: Option | None = None
    # The region only (session 41, interview41): the place facts its one-place answer also settles — the question
    # asks where the person lives AND works or does business, so a single place says both are there.
    settles: tuple[str, ...] = ()
    # A place fact settled by that answer: the value recorded, standing for the place where the person is.
    as_region: Option | None = None
    # Asked only of a person known to be one of these (session 41): alternatives as an action's `when_any` (the
    # place of work of one who works or is insured, the place of business of one who runs or plans a business).
    asked_of: tuple[dict[str, Any], ...] = ()
    hint: str = ""
    # Session 29: the hint for a person whose open benefits are all of one place (jurisdiction → hint, citing
    # that place's clause) — the general hint's clauses of other places are never a footnote to them.
    place_hints: dict[str, str] = Field(default_factory=dict)
    options: tuple[Option, ...] = ()
    unit: str = ""
    # What a number counts, for the engine (the `unit` above is words for people): months lets a rule count back
    # from `as_of` to a start day (started_on_or_after, session 33).
    counts: Literal["months"] | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_future_days: int = 0
    after: tuple[str, ...] = ()
    # Session 43 (issue 11): `after` orders this question behind its premises; by default the question also
    # presupposes them (这张证书是哪天颁发的？ is not asked after 不清楚 to the certificate). `after_only` says it does
    # not: 您是否打算自主创业？ asks nothing of a business the person could not say they have, so 不清楚 to 经营形式
    # leaves it askable — never named under 还需确认 and left unasked.
    after_only: bool = False
    # What answering costs, in benefits it must settle to be asked first (default by type: a number or
    # a date 0.5). 年龄 settles a benefit only for the rare person under 16, so it waits for the rest.
    effort: float | None = Field(default=None, ge=0)
    holds: str | None = None
    fails: str | None = None
    tick: str | None = None
    empty: str | None = None
    implied: Implied | None = None
    # record_list: record key → the fact that key holds ({level: certificate_level, date: …}). A
    # benefit that speaks of those facts is judged once per record (吉林（二十） pays per certificate).
    fields: dict[str, str] = Field(default_factory=dict)
    # record_list: said before the questions about a record after the first ({number}: its place in
    # the list), so 所招人员 asked again is heard as the next one (关于您招用的第2位人员：…).
    next_record: str | None = None
    # boolean: “yes” (another one) moves the record being asked into this record_list and asks the
    # record's facts again (您还有其他证书吗？).
    collects: str | None = None
    about: About = "person"
    # A `hire` fact that says of the person hired what another fact says of a person (所招人员的家庭情况
    # → household): the unit's conditions, written about the person hired, read it in that fact's place.
    stands_for: str | None = None
    action: Action | None = None
    # Session 37 (next38r): what an employer's measure leaves to confirm when the business said to hold this fact is
    # only planned (正在招人 of a shop not opened yet): the business must open first, and claims as a unit.
    when_planned: str | None = None

    @model_validator(mode="after")
    def _check_shape(self) -> FactSpec:
        if self.type in {"enum", "enum_list"} and not self.options:
            raise ValueError("enum facts need options")
        narrow = {o.value for o in self.options if not o.covers}
        for option in self.options:
            if option.covers and (self.type != "enum" or not set(option.covers) <= narrow):
                raise ValueError(
                    f"option {option.value!r} covers {list(option.covers)}: not other options of this enum"
                )
        if self.type == "boolean" and not (self.holds and self.fails):
            raise ValueError("boolean facts need `holds` and `fails` phrases")
        if self.type == "enum_list" and not self.empty:
            raise ValueError("enum_list facts need an `empty` phrase")
        if (self.type == "record_list") != bool(self.fields):
            raise ValueError("record_list facts, and only they, have `fields`")
        if self.collects and self.type != "boolean":
            raise ValueError("only a yes/no fact `collects` a record")
        if self.stands_for and self.about != "hire":
            raise ValueError("only a `hire` fact `stands_for` a fact about a person")
        values = [o.value for o in self.options]
        if len(values) != len(set(values)):
            raise ValueError("option values must be unique")
        return self

    @property
    def is_askable(self) -> bool:
        return self.question is not None

    @property
    def presupposes(self) -> tuple[str, ...]:
        """The premises whose 不清楚 makes this question presuppose an answer not given (none when `after_only`)."""
        return () if self.after_only else self.after

    def is_asked_of(self, values: Mapping[str, Any]) -> bool:
        """Whether the person is known to be one this fact is asked of (always, without `asked_of`)."""
        return not self.asked_of or any(
            all(_fits(values.get(fact), wanted) for fact, wanted in alternative.items())
            for alternative in self.asked_of
        )

    @property
    def unticked(self) -> bool | str | tuple[str, ...] | None:
        """This fact's value when its boxes in a 可多选 group are left unticked (None: not groupable)."""
        if self.type == "boolean":
            return False
        if self.type == "enum" and "none" in self.enum_values:
            return "none"
        if self.type == "enum_list":
            return ()
        return None

    @property
    def enum_values(self) -> tuple[str, ...]:
        return tuple(str(o.value) for o in self.options)

    def option_label(self, value: Any) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        return str(value)

    def answer_options(self, answers: AnswerLabels) -> list[Option]:
        """The options offered with the question; every question also accepts 不清楚 (null)."""
        if self.type == "boolean":
            base = [Option(value=True, label=answers.yes), Option(value=False, label=answers.no)]
        else:
            base = [o for o in self.options if not o.covers]
        return [*base, Option(value=None, label=answers.unknown)]

    @property
    def offered(self) -> tuple[Option, ...]:
        """The options a question offers (a broad option is said, never chosen)."""
        return tuple(o for o in self.options if not o.covers)

    # -- checking a profile value -------------------------------------------------------------

    def parse(self, raw: Any, as_of: date) -> FactValue | None:
        """The typed value, or ProfileError naming this fact. `None` (不清楚) is always accepted."""
        if raw is None:
            return None
        parser = getattr(self, f"_parse_{self.type}")
        value: FactValue = parser(raw, as_of)
        return value

    def _wrong_type(self, raw: Any) -> ProfileError:
        shown = repr(raw) if not isinstance(raw, str) else f'"{raw}"'
        return ProfileError(
            self.name,
            "wrong_type",
            f"fact '{self.name}' must be {TYPE_NAMES_EN[self.type]}, got {shown}.",
            label=self.label,
            type=self.type,
            shown=shown,
        )

    def _check_range(self, value: float) -> None:
        if not math.isfinite(value):
            raise self._wrong_type(value)
        low = 0.0 if self.minimum is None else self.minimum
        if value < low:
            problem, en = (
                ("negative", "must not be negative") if low == 0 else ("below_minimum", f"must be at least {low:g}")
            )
            raise ProfileError(
                self.name, problem, f"fact '{self.name}' {en}, got {value:g}.", label=self.label, limit=low, value=value
            )
        if self.maximum is not None and value > self.maximum:
            raise ProfileError(
                self.name,
                "above_maximum",
                f"fact '{self.name}' must be at most {self.maximum:g}, got {value:g}.",
                label=self.label,
                limit=self.maximum,
                value=value,
            )

    def _parse_boolean(self, raw: Any, as_of: date) -> bool:
        if not isinstance(raw, bool):
            raise self._wrong_type(raw)
        return raw

    def _parse_integer(self, raw: Any, as_of: date) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise self._wrong_type(raw)
        if isinstance(raw, float) and not raw.is_integer():
            raise self._wrong_type(raw)
        self._check_range(_as_float(raw))
        return int(raw)

    def _parse_number(self, raw: Any, as_of: date) -> float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise self._wrong_type(raw)
        self._check_range(_as_float(raw))
        return float(raw)

    def _parse_date(self, raw: Any, as_of: date) -> date:
        if isinstance(raw, date):
            value = raw
        elif isinstance(raw, str):
            try:
                parsed = parse_date_text(raw)
            except ValueError:
                raise ProfileError(
                    self.name,
                    "impossible_date",
                    f"fact '{self.name}' is not a real date: {raw}.",
                    label=self.label,
                    raw=raw,
                ) from None
            if parsed is None:
                raise self._wrong_type(raw)
            value = parsed
        else:
            raise self._wrong_type(raw)
        latest = as_of + timedelta(days=self.max_future_days)
        if value > latest:
            raise ProfileError(
                self.name,
                "too_late",
                f"fact '{self.name}' must not be later than {latest.isoformat()}, got {value.isoformat()}.",
                label=self.label,
                days=self.max_future_days,
                latest=latest,
                value=value,
            )
        return value

    def _unknown_option(self, raw: Any) -> ProfileError:
        allowed = ", ".join(self.enum_values)
        return ProfileError(
            self.name,
            "unknown_option",
            f"fact '{self.name}' has unknown value {raw!r}; allowed: {allowed}.",
            label=self.label,
            raw=raw,
            allowed=allowed,
        )

    def _parse_enum(self, raw: Any, as_of: date) -> str:
        if not isinstance(raw, str):
            raise self._wrong_type(raw)
        if raw not in self.enum_values:
            raise self._unknown_option(raw)
        return raw

    def _parse_enum_list(self, raw: Any, as_of: date) -> tuple[str, ...]:
        if not isinstance(raw, list | tuple):
            raise self._wrong_type(raw)
        values: list[str] = []
        for item in raw:
            if not isinstance(item, str) or item not in self.enum_values:
                raise self._unknown_option(item)
            if item not in values:
                values.append(item)
        return tuple(v for v in self.enum_values if v in values)

    def _parse_text(self, raw: Any, as_of: date) -> str:
        if not isinstance(raw, str):
            raise self._wrong_type(raw)
        if len(raw) > TEXT_MAX_LENGTH or re.fullmatch(TEXT_FORM, raw) is None:
            raise ProfileError(
                self.name,
                "bad_text",
                f"fact '{self.name}' must be 1 to {TEXT_MAX_LENGTH} printable characters.",
                label=self.label,
                limit=TEXT_MAX_LENGTH,
            )
        return raw.strip()


class FactGroup(BaseModel):
    """Facts asked together as one multiple-choice question (可多选), as screening forms do.

    Members are yes/no facts, lists (家庭情况) or choices with a `none` value (退役军人身份). Only the
    members still relevant to an open benefit are offered; a ticked box sets its fact (true, the
    chosen value, or adds the value to the list), unticked ones leave false / `none` / an empty
    list, and 不清楚 sets all offered members to null.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = ""
    question: str
    hint: str
    place_hints: dict[str, str] = Field(default_factory=dict)
    facts: tuple[str, ...] = Field(min_length=2)


class FactsFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    facts: dict[str, FactSpec] = Field(min_length=1)
    groups: dict[str, FactGroup] = Field(default_factory=dict)
    answers: AnswerLabels


class FactRegistry:
    """All facts, in the file's order; that order is also the tie-break for the next question."""

    def __init__(
        self, specs: dict[str, FactSpec], groups: dict[str, FactGroup], answers: AnswerLabels, source: str
    ) -> None:
        self.answers = answers
        self.specs = {name: spec.model_copy(update={"name": name}) for name, spec in specs.items()}
        self.priority = {name: index for index, name in enumerate(self.specs)}
        # Broad options (退役士兵 without its kind) by fact and value: looked up at every check.
        self._broad = {
            name: {o.value: o.covers for o in spec.options if o.covers}
            for name, spec in self.specs.items()
            if any(o.covers for o in spec.options)
        }
        for name, spec in self.specs.items():
            for prerequisite in spec.after:
                if prerequisite not in self.specs:
                    raise RulebookError(source, f"facts.{name}.after", f"unknown fact {prerequisite!r}")
        self._check_asked_of(source)
        self._check_settles(source)
        self.implied: dict[str, Implied] = {}
        for name, spec in self.specs.items():
            if spec.implied is None:
                continue
            implied, key = spec.implied, f"facts.{name}.implied"
            if implied.when not in self.specs:
                raise RulebookError(source, f"{key}.when", f"unknown fact {implied.when!r}")
            when = self.specs[implied.when]
            allowed: set[bool | str] = {True, False} if when.type == "boolean" else set(when.enum_values)
            fits = _implied_fits(spec, implied.value)
            if not set(implied.in_) <= allowed or not fits:
                raise RulebookError(source, key, "values must be options of the facts they name")
            self.implied[name] = implied
        for name, spec in self.specs.items():
            for index, option in enumerate(spec.options):
                shown = option.shown_by
                if shown is not None and (spec.type != "enum_list" or self.specs.get(shown, spec).type != "boolean"):
                    raise RulebookError(
                        source, f"facts.{name}.options[{index}].shown_by", f"{shown!r} is not a yes/no fact"
                    )
        self.records = self._record_lists(source)
        self.hire_facts = self._hire_facts(source)
        self._check_actions(source)
        self.groups = {name: group.model_copy(update={"name": name}) for name, group in groups.items()}
        self.group_of: dict[str, FactGroup] = {}
        for name, group in self.groups.items():
            for index, member in enumerate(group.facts):
                key = f"groups.{name}.facts[{index}]"
                if member not in self.specs or self.specs[member].unticked is None:
                    raise RulebookError(
                        source,
                        key,
                        f"{member!r} cannot be ticked: not yes/no, a list, or a choice with 'none'",
                    )
                if member in self.group_of:
                    raise RulebookError(source, key, f"{member!r} is already in group {self.group_of[member].name!r}")
                self.group_of[member] = group

    def _check_asked_of(self, source: str) -> None:
        """Every fact an `asked_of` alternative names exists (session 41)."""
        for name, spec in self.specs.items():
            for index, alternative in enumerate(spec.asked_of):
                unknown = [fact for fact in alternative if fact not in self.specs]
                if unknown:
                    raise RulebookError(source, f"facts.{name}.asked_of[{index}]", f"unknown fact {unknown[0]!r}")

    def _check_settles(self, source: str) -> None:
        """Every fact a question `settles` exists and says what that answer records (its `as_region`)."""
        for name, spec in self.specs.items():
            for index, settled in enumerate(spec.settles):
                if settled not in self.specs or self.specs[settled].as_region is None:
                    raise RulebookError(source, f"facts.{name}.settles[{index}]", f"{settled!r} has no as_region")

    def _hire_facts(self, source: str) -> dict[str, str]:
        """person fact → the `hire` fact standing for it, checked to have the same type and options."""
        hire: dict[str, str] = {}
        for name, spec in self.specs.items():
            base = spec.stands_for
            if base is None:
                continue
            key = f"facts.{name}.stands_for"
            other = self.specs.get(base)
            if other is None or other.about != "person":
                raise RulebookError(source, key, f"{base!r} is not a fact about a person")
            if other.type != spec.type or other.enum_values != spec.enum_values:
                raise RulebookError(source, key, f"{name!r} must have the type and options of {base!r}")
            if base in hire:
                raise RulebookError(source, key, f"{base!r} already has the hire fact {hire[base]!r}")
            hire[base] = name
        return hire

    def _check_options(self, source: str, key: str, named: Mapping[str, tuple[str, ...]]) -> None:
        for fact, values in named.items():
            if fact not in self.specs or not values or not set(values) <= set(self.specs[fact].enum_values):
                raise RulebookError(source, f"{key}.{fact}", "values must be options of the fact named")

    def _check_actions(self, source: str) -> None:
        for name, spec in self.specs.items():
            if spec.action is None:
                continue
            key = f"facts.{name}.action"
            for fact, value in spec.action.sets.items():
                if fact not in self.specs:
                    raise RulebookError(source, f"{key}.sets.{fact}", f"unknown fact {fact!r}")
                if value != "as_of" or self.specs[fact].type != "date":
                    try:
                        self.specs[fact].parse(value, date(2099, 1, 1))
                    except ProfileError as exc:
                        raise RulebookError(source, f"{key}.sets.{fact}", str(exc)) from None
            self._check_options(source, f"{key}.chooses", spec.action.chooses)
            self._check_options(source, f"{key}.unless", spec.action.unless)
            for n, alternative in enumerate(spec.action.when_any):
                for fact, wanted in alternative.items():
                    where = f"{key}.when_any[{n}].{fact}"
                    if fact not in self.specs:
                        raise RulebookError(source, where, f"unknown fact {fact!r}")
                    if isinstance(wanted, dict):
                        if set(wanted) != {"at_least"} or not isinstance(wanted["at_least"], int):
                            raise RulebookError(source, where, "a least number is written {at_least: N}")
                        continue
                    for value in wanted:
                        try:
                            self.specs[fact].parse(
                                [value] if self.specs[fact].type == "enum_list" else value, date(2099, 1, 1)
                            )
                        except ProfileError as exc:
                            raise RulebookError(source, where, str(exc)) from None

    def _record_lists(self, source: str) -> dict[str, FactSpec]:
        records: dict[str, FactSpec] = {}
        for name, spec in self.specs.items():
            for key, field_fact in spec.fields.items():
                if field_fact not in self.specs or self.specs[field_fact].type == "record_list":
                    raise RulebookError(source, f"facts.{name}.fields.{key}", f"{field_fact!r} is not a plain fact")
            if spec.fields:
                records[name] = spec
            if spec.collects is not None and self.specs.get(spec.collects, spec).type != "record_list":
                raise RulebookError(source, f"facts.{name}.collects", f"{spec.collects!r} is not a record_list fact")
        return records

    def parse(self, name: str, raw: Any, as_of: date, set_aside: list[ProfileError] | None = None) -> Any:
        """A profile value of fact `name`: a record list record by record, anything else by its spec.
        `set_aside`: a record's date with a date problem (`DATE_PROBLEMS`) is left out of the record
        and its error added here, instead of raised."""
        spec = self.specs[name]
        if spec.type != "record_list" or raw is None:
            return spec.parse(raw, as_of)
        if not isinstance(raw, list | tuple) or len(raw) > RECORDS_MAX:
            raise ProfileError(
                name,
                "bad_records",
                f"fact '{name}' must be a list of at most {RECORDS_MAX} objects with keys {', '.join(spec.fields)}.",
                label=spec.label,
                keys=tuple(spec.fields),
                limit=RECORDS_MAX,
            )
        records = []
        for item in raw:
            if not isinstance(item, dict) or not set(item) <= set(spec.fields):
                raise ProfileError(
                    name,
                    "bad_records",
                    f"each record of '{name}' must be an object with keys {', '.join(spec.fields)}, got {item!r}.",
                    label=spec.label,
                    keys=tuple(spec.fields),
                    limit=RECORDS_MAX,
                )
            record = {}
            for key, value in item.items():
                try:
                    record[key] = self.specs[spec.fields[key]].parse(value, as_of)
                except ProfileError as exc:
                    if set_aside is None or exc.problem not in DATE_PROBLEMS:
                        raise
                    set_aside.append(exc)
            records.append(record)
        return tuple(records)

    def holds_option(self, values: Mapping[str, Any], name: str, option: str) -> bool | None:
        """Whether the list fact `name` holds `option`: its answer, or the yes/no fact the option is
        `shown_by` answered yes (有未还清的创业担保贷款 → 办过创业担保贷款); None while unknown."""
        spec = self.specs[name]
        shown = next((o.shown_by for o in spec.options if o.value == option and o.shown_by), None)
        if shown is not None and values.get(shown) is True:
            return True
        listed = values.get(name)
        return None if listed is None else option in listed

    def is_vaguer(self, name: str, said: Any, known: Any) -> bool:
        """`said` is a broad option covering the `known` one (退役士兵 without its kind beside 退役士兵（自主就业）):
        it tells nothing the known value does not — a vaguer word never replaces a more specific fact."""
        covers = self._broad.get(name, {}).get(said, ()) if isinstance(said, str) else ()
        return said != known and known in covers

    def with_possible(self, values: dict[str, Any]) -> dict[str, Any]:
        """`values` with each broad option (退役士兵 without its kind) as the options it may be."""
        broad = {
            name: Possible(value, self._broad[name][value])
            for name, value in values.items()
            if name in self._broad
            and isinstance(value, str)
            and not isinstance(value, Possible)
            and value in self._broad[name]
        }
        return {**values, **broad} if broad else values

    def with_implied(self, values: dict[str, Any]) -> dict[str, Any]:
        """`values` plus the facts another answer settles (never overriding an answer)."""
        extra = {
            name: implied.value
            for name, implied in self.implied.items()
            if name not in values and values.get(implied.when) in implied.in_
        }
        return {**values, **extra} if extra else values

    def __contains__(self, name: object) -> bool:
        return name in self.specs

    def __getitem__(self, name: str) -> FactSpec:
        return self.specs[name]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.specs.values())


def _implied_fits(spec: FactSpec, value: str | bool | int) -> bool:
    """An implied value of the fact's own type: yes/no, one of its options, or a count within its bounds."""
    if spec.type == "boolean":
        return isinstance(value, bool)
    if spec.type == "integer":
        low = 0 if spec.minimum is None else spec.minimum
        high = math.inf if spec.maximum is None else spec.maximum
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    return value in spec.enum_values


def load_facts(path: Path) -> FactRegistry:
    parsed = read_model(path, FactsFile)
    return FactRegistry(parsed.facts, parsed.groups, parsed.answers, str(path))


def _as_float(raw: int | float) -> float:
    """An integer beyond float range (JSON allows 400 digits) is infinite, so the range check refuses
    it with the usual message instead of an OverflowError."""
    try:
        return float(raw)
    except OverflowError:
        return math.inf if raw > 0 else -math.inf
