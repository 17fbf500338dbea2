"""Three-valued evaluation of compiled conditions: yes, no, or not yet known.

Kleene logic: `all` is no as soon as one part is no, `any` is yes as soon as one part is yes, and
otherwise an unknown part keeps the whole unknown. Evaluation also says *why*: the failed
requirements (for the ineligible explanation) and the unknown leaves that still matter (for the
next question), so the engine never asks about a part that a known answer has already decided.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eligibility.results import Requirement

Tri = bool | None


class Possible(str):
    """A value said without its kind (退役士兵: 待安排工作 or 自主就业): the broad option, which
    `covers` the options it may be. A condition is decided when every covered option decides it
    the same way; otherwise it is open and the fact is asked — only then."""

    covers: tuple[str, ...]

    def __new__(cls, value: str, covers: tuple[str, ...]) -> Possible:
        made = super().__new__(cls, value)
        made.covers = covers
        return made


def _test(node: Leaf, value: Any, as_of: date) -> Tri:
    if not isinstance(value, Possible):
        return bool(node.test(value, as_of))
    seen = {bool(node.test(option, as_of)) for option in value.covers}
    return seen.pop() if len(seen) == 1 else None


Test = Callable[[Any, date], bool]


@dataclass(frozen=True, slots=True)
class Finding:
    """One requirement, with the clause it comes from and the facts it speaks about."""

    requirement: Requirement
    cite: str
    facts: tuple[str, ...]


@dataclass(slots=True)
class Outcome:
    value: Tri
    failed: list[Finding] = field(default_factory=list)
    unknown: list[Finding] = field(default_factory=list)


# The one `yes` (it carries no findings): shared, never mutated.
YES = Outcome(True)


@dataclass(frozen=True, slots=True)
class Leaf:
    fact: str
    test: Test
    requirement: Requirement
    cite: str
    quote: str
    # Met while `fact` is unknown when this is met (劳动年龄 shown by a labour contract); never a no.
    presumed_by: Node | None = None
    # Its `no` and `unknown` outcomes are the same in every check: built once (never mutated).
    no: Outcome = field(init=False, repr=False, compare=False)
    unsure: Outcome = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        finding = Finding(self.requirement, self.cite, (self.fact,))
        object.__setattr__(self, "no", Outcome(False, failed=[finding]))
        object.__setattr__(self, "unsure", Outcome(None, unknown=[finding]))

    def facts(self) -> tuple[str, ...]:
        if self.presumed_by is None:
            return (self.fact,)
        return _unique((self.fact, *self.presumed_by.facts()))

    def judge(self, values: Mapping[str, Any], as_of: date) -> Outcome:
        value = values.get(self.fact)
        if value is None:
            if self.presumed_by is not None and self.presumed_by.judge(values, as_of).value is True:
                return YES
            return self.unsure
        tested = bool(self.test(value, as_of)) if type(value) is not Possible else _test(self, value, as_of)
        if tested is None:
            return self.unsure
        return YES if tested else self.no


@dataclass(frozen=True, slots=True)
class AllOf:
    parts: tuple[Node, ...]

    def facts(self) -> tuple[str, ...]:
        return _unique(f for part in self.parts for f in part.facts())

    def judge(self, values: Mapping[str, Any], as_of: date) -> Outcome:
        failed: list[Finding] | None = None
        unknown: list[Finding] | None = None
        for part in self.parts:
            outcome = part.judge(values, as_of)
            value = outcome.value
            if value is False:
                failed = outcome.failed if failed is None else failed + outcome.failed
            elif value is None and failed is None:
                unknown = outcome.unknown if unknown is None else unknown + outcome.unknown
        if failed:
            return Outcome(False, failed=failed)
        return Outcome(None, unknown=unknown) if unknown else YES


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple[Node, ...]
    requirement: Requirement
    cite: str
    # The facts it speaks about, worked out once (a failed `any` names them in every check).
    names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    no: Outcome = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", _unique(f for part in self.parts for f in part.facts()))
        object.__setattr__(self, "no", Outcome(False, failed=[Finding(self.requirement, self.cite, self.names)]))

    def facts(self) -> tuple[str, ...]:
        return self.names

    def judge(self, values: Mapping[str, Any], as_of: date) -> Outcome:
        unknown: list[Finding] | None = None
        failing: set[str] = set()
        for part in self.parts:
            outcome = part.judge(values, as_of)
            value = outcome.value
            if value is True:
                return YES
            if value is None:
                unknown = outcome.unknown if unknown is None else unknown + outcome.unknown
            else:
                failing.update(f for finding in outcome.failed for f in finding.facts)
        if unknown:
            return Outcome(None, unknown=_asked_first(unknown, values))
        return _failing_only(self.no, self.names, failing)


@dataclass(frozen=True, slots=True)
class NotOf:
    part: Node
    requirement: Requirement
    cite: str
    names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    no: Outcome = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", self.part.facts())
        object.__setattr__(self, "no", Outcome(False, failed=[Finding(self.requirement, self.cite, self.names)]))

    def facts(self) -> tuple[str, ...]:
        return self.names

    def judge(self, values: Mapping[str, Any], as_of: date) -> Outcome:
        inner = self.part.judge(values, as_of)
        if inner.value is None:
            return inner
        return self.no if inner.value else YES


@dataclass(frozen=True, slots=True)
class Defined:
    """A shared definition (就业困难人员, 毕业年度 …) as cited by one jurisdiction."""

    name: str
    part: Node
    requirement: Requirement
    cite: str
    quote: str
    names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    no: Outcome = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", self.part.facts())
        object.__setattr__(self, "no", Outcome(False, failed=[Finding(self.requirement, self.cite, self.names)]))

    def facts(self) -> tuple[str, ...]:
        return self.names

    def judge(self, values: Mapping[str, Any], as_of: date) -> Outcome:
        inner = self.part.judge(values, as_of)
        if inner.value is False:
            return _failing_only(self.no, self.names, {f for finding in inner.failed for f in finding.facts})
        if inner.value is None:
            facts = _unique(f for finding in inner.unknown for f in finding.facts)
            if not facts:
                # Only a part the text leaves open is unknown (两后生 who left school over a year ago):
                # what is to be confirmed is that part, not the whole term.
                return inner
            return Outcome(None, unknown=[Finding(self.requirement, self.cite, facts)])
        return inner


@dataclass(frozen=True, slots=True)
class Open:
    """A condition the text leaves to rules it does not give: unknown for good, asked of nobody."""

    requirement: Requirement
    cite: str
    quote: str
    unsure: Outcome = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "unsure", Outcome(None, unknown=[Finding(self.requirement, self.cite, ())]))

    def facts(self) -> tuple[str, ...]:
        return ()

    def judge(self, values: Mapping[str, Any], as_of: date) -> Outcome:
        return self.unsure


Node = Leaf | AllOf | AnyOf | NotOf | Defined | Open


def walk_leaves(node: Node, keep: Callable[[Node], bool]) -> Iterator[Node]:
    """The nodes under `node` (itself included) that `keep` picks, depth first in rule order."""
    if keep(node):
        yield node
    if isinstance(node, AllOf | AnyOf):
        for part in node.parts:
            yield from walk_leaves(part, keep)
    elif isinstance(node, NotOf | Defined):
        yield from walk_leaves(node.part, keep)


def stated_requirements(node: Node) -> tuple[Requirement, ...]:
    """What the rule states a person must meet, in rule order (issue 11, session 42): each part's requirement (an
    `all` with no words of its own is its parts'), each said once. An open condition is not stated but left to
    confirm (its `to_confirm` reason says it)."""
    if isinstance(node, AllOf):
        found = [r for part in node.parts for r in stated_requirements(part)]
        return tuple(dict.fromkeys(found))
    if isinstance(node, Open):
        return ()
    return (node.requirement,)


def _asked_first(unknown: list[Finding], values: Mapping[str, Any]) -> list[Finding]:
    """An `any`'s unknown findings less what the text leaves open (吉林（七） 文件印发前开始经营的) while a fact of
    another alternative is not asked yet: that one is to ask, and the open one would say what the person never said
    (session 33, rulesfix33). Once the fact is answered — 不清楚 included — the open alternative is worth confirming."""
    if not any(f not in values for finding in unknown for f in finding.facts):
        return unknown
    return [finding for finding in unknown if finding.facts]


def _unique(items: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def evaluate(node: Node, values: Mapping[str, Any], as_of: date) -> Outcome:
    """Evaluate `node` against known values; a fact absent from `values` or None is unknown.

    The hot path of every check (a province judges two cities' ≈ 40 benefits): each node class
    judges itself (no type tests), one `yes` outcome is shared and a node's own `no` / unknown
    outcomes are built once at load (outcomes are never mutated)."""
    return node.judge(values, as_of)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap target year
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(f"cannot add {months} months to {day}")


def school_year_of(day: date) -> tuple[date, date]:
    """The school year (1 September to 31 August) that contains `day`: 毕业学年 for a graduation date."""
    start_year = day.year if day.month >= 9 else day.year - 1
    return date(start_year, 9, 1), date(start_year + 1, 8, 31)


@dataclass(frozen=True, slots=True)
class Reach:
    """Where an unknown node can still go once the askable facts are answered, and through which facts.

    `to_true` / `to_false`: facts that could move the node to yes / no (None: that side is out of
    reach, e.g. an `all` with a part that is unknown for good because the person said 不清楚).
    """

    value: Tri
    to_true: frozenset[str] | None
    to_false: frozenset[str] | None


_NONE: frozenset[str] = frozenset()


def reach(node: Node, values: Mapping[str, Any], as_of: date, askable: Callable[[str], bool]) -> Reach:
    """The facts whose answers could still change `node`: the basis of every next question."""
    if isinstance(node, Leaf):
        value = values.get(node.fact)
        tested = None if value is None else _test(node, value, as_of)
        if tested is not None:
            return Reach(tested, None, None)
        side = frozenset({node.fact}) if askable(node.fact) else None
        if node.presumed_by is None:
            return Reach(None, side, side)
        presumed = reach(node.presumed_by, values, as_of, askable)
        if presumed.value is True:
            return Reach(True, None, None)
        to_true = side if presumed.to_true is None else (side or _NONE) | presumed.to_true
        return Reach(None, to_true, side)
    if isinstance(node, Open):
        return Reach(None, None, None)
    if isinstance(node, NotOf):
        inner = reach(node.part, values, as_of, askable)
        return Reach(None if inner.value is None else not inner.value, inner.to_false, inner.to_true)
    if isinstance(node, Defined):
        return reach(node.part, values, as_of, askable)
    parts = [reach(part, values, as_of, askable) for part in node.parts]
    decisive, neutral = (False, True) if isinstance(node, AllOf) else (True, False)
    if any(p.value is decisive for p in parts):
        return Reach(decisive, None, None)
    open_parts = [p for p in parts if p.value is None]
    if not open_parts:
        return Reach(neutral, None, None)
    # One open part reaching the decisive side decides the node; the neutral side needs all of them.
    to_decisive = [side for p in open_parts if (side := _side(p, decisive)) is not None]
    one = frozenset().union(*to_decisive) if to_decisive else None
    to_neutral = [side for p in open_parts if (side := _side(p, neutral)) is not None]
    all_ = frozenset().union(*to_neutral) if len(to_neutral) == len(open_parts) else None
    if decisive is False:
        return Reach(None, all_, one)
    return Reach(None, one, all_)


def _side(part: Reach, side: bool) -> frozenset[str] | None:
    return part.to_true if side else part.to_false


def facts_that_matter(
    node: Node,
    values: Mapping[str, Any],
    as_of: date,
    askable: Callable[[str], bool],
    to_true: bool = True,
    to_false: bool = True,
) -> frozenset[str]:
    """Facts that could move `node` to yes or no (only to no with `to_true=False`: for a status
    that yes and unknown share, such as an employer's `if_hired`; only to yes with `to_false=False`:
    where a no would still leave the result open, such as a certificate while another may exist).

    `reach` unites what each part needs, which over-counts when parts need one fact on opposite
    sides: 平顶山（十七） is for 两后生 (age ≤ 25, when the school-leaving date is 不清楚) or a
    registered unemployed person aged ≤ 20 — 失业登记 can only fail it at an age that already fails
    both. So the open facts that several leaves test are fixed in turn to a value of each range
    their tests split them into, and a fact counts only where it moves the node with them fixed."""
    picked = _sides(reach(node, values, as_of, askable), to_true, to_false)
    if len(picked) < 2:
        return picked
    split = {fact: cells for fact, leaves in _split_facts(node, values, askable).items() if (cells := _cells(leaves))}
    if not split or math.prod(len(c) for c in split.values()) > _MAX_CELLS:
        return picked
    refined = picked & frozenset(split)
    for combo in itertools.product(*split.values()):
        fixed = {**values, **dict(zip(split, combo, strict=True))}
        refined |= _sides(reach(node, fixed, as_of, askable), to_true, to_false)
    return picked & refined


def presumers(
    node: Node, wanted: frozenset[str], values: Mapping[str, Any], as_of: date, askable: Callable[[str], bool]
) -> frozenset[str]:
    """The open, askable facts whose answer could meet a leaf in `wanted` by presumption (劳动年龄 shown
    by 返乡 or a labour contract) — an answer that spares asking the leaf's own fact (the age), though it
    moves no status itself while another part stays open (a loan's terms the text leaves open). Only facts
    the rule itself names outside presumptions: a measure's question never offers what its text is not about
    (商洛 names 返乡农民工, not 去产能职工)."""
    found: set[str] = set()
    named: set[str] = set()
    for leaf in walk_leaves(node, lambda n: isinstance(n, Leaf)):
        assert isinstance(leaf, Leaf)
        named.add(leaf.fact)
        if leaf.fact in wanted and leaf.presumed_by is not None and leaf.fact not in values:
            found |= reach(leaf.presumed_by, values, as_of, askable).to_true or _NONE
    return frozenset(found & named)


def _sides(result: Reach, to_true: bool, to_false: bool) -> frozenset[str]:
    return ((result.to_true or _NONE) if to_true else _NONE) | ((result.to_false or _NONE) if to_false else _NONE)


# At most this many combinations of split values are tried; beyond it the united count stands.
_MAX_CELLS = 48
# An enum value no rule names: it fails every `is` and `in`, meets every `not_in`.
_OTHER = "\x00other"


def _split_facts(node: Node, values: Mapping[str, Any], askable: Callable[[str], bool]) -> dict[str, list[Leaf]]:
    """The open, askable facts that more than one leaf tests (presumptions included), with those leaves."""
    leaves: dict[str, list[Leaf]] = {}
    for leaf in _all_leaves(node):
        if leaf.fact in values or not askable(leaf.fact):
            continue
        leaves.setdefault(leaf.fact, []).append(leaf)
    return {fact: found for fact, found in leaves.items() if len(found) > 1}


def _all_leaves(node: Node) -> Iterator[Leaf]:
    for leaf in walk_leaves(node, lambda n: isinstance(n, Leaf)):
        assert isinstance(leaf, Leaf)
        yield leaf
        if leaf.presumed_by is not None:
            yield from _all_leaves(leaf.presumed_by)


def _cells(leaves: list[Leaf]) -> list[Any] | None:
    """One value in each range that the leaves' tests split a fact into (None: a kind not split —
    dates and lists, whose ranges depend on the day or on subsets)."""
    comparisons = {leaf.requirement.comparison for leaf in leaves}
    operands = [leaf.requirement.operand for leaf in leaves]
    if comparisons == {"is"} and all(isinstance(o, bool) for o in operands):
        return [True, False]
    if comparisons <= {"is", "in", "not_in"} and not any(isinstance(o, bool) for o in operands):
        named = {o for o in operands if isinstance(o, str)} | {
            v for o in operands if isinstance(o, list | tuple) for v in o
        }
        return [*sorted(named), _OTHER]
    if comparisons <= {"gte", "gt", "lte", "lt"}:
        limits = sorted({float(o) for o in operands})
        between = [(a + b) / 2 for a, b in itertools.pairwise(limits)]
        return [limits[0] - 1, *limits, *between, limits[-1] + 1]
    return None


def _failing_only(no: Outcome, names: tuple[str, ...], failing: set[str]) -> Outcome:
    """A failed requirement of several parts (需为毕业学年的六类困难高校毕业生，或…实名登记的高校毕业生) speaking
    only of the facts that failed in its parts — the date past, the registration not made — not of those the
    person meets (低保家庭, 助学贷款: session 31). All of its facts when no part names one."""
    said = tuple(f for f in names if f in failing)
    if not said or len(said) == len(names):
        return no
    finding = no.failed[0]
    return Outcome(False, failed=[Finding(finding.requirement, finding.cite, said)])
