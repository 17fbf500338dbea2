"""Which question to ask next, and how to word it.

The rule (as in publicodes' missing variables): count, for every fact not yet answered, how many
still-open benefits it could decide, and ask the fact with the highest count; ties go to the fact
listed earlier in facts.yaml. A fact counts only where it is still relevant — Kleene evaluation
already dropped parts that a known answer decided — so a question never asks something that
cannot change any result, and a fact answered 不清楚 (null) is never asked again.

Screening facts are grouped (facts.yaml `groups`) into one 可多选 question, the way benefit
screeners ask "which of these apply to you": a group counts every open benefit that any of its
still-relevant members could decide, and offers only those members.
"""

from __future__ import annotations

from collections.abc import Iterable

from eligibility.conditions import Possible
from eligibility.facts import FactRegistry
from eligibility.profile import Profile
from eligibility.results import AnswerOption, NextQuestion
from eligibility.rulebook import Rulebook

GROUP_TYPE = "choice_group"
# The (never asked) fact listing the 可多选 questions answered 不清楚: their facts are asked singly.
UNSURE_GROUPS = "unsure_groups"
# Extra cost of a question by fact type, counted in benefits it must settle to be worth asking first.
EFFORT = {"integer": 0.5, "number": 0.5, "date": 0.5}


def choose_next_facts(
    open_benefits: Iterable[tuple[str, ...]],
    profile: Profile,
    facts: FactRegistry,
    weights: Iterable[float] | None = None,
    own: Iterable[bool] | None = None,
) -> tuple[str, ...] | None:
    """The facts to ask next (one, or a group's relevant members), or None when nothing can matter.

    Each open benefit lists its still-relevant unknown facts. Within one benefit a fact waits for
    the facts it is asked `after` (经营时长 after 经营形式) when those are relevant to the same
    benefit, so follow-up questions come in a natural order.

    `own` says which benefits are the person's own (default: all). A question that settles none of
    them is asked only when what it settles outweighs its effort: a date looked up only for an
    employer's subsidy for hiring the person (worth `UNIT_WEIGHT`, the date's effort) is not.
    """
    touched: dict[str, float] = {}
    members: dict[str, list[str]] = {}
    settles_own: set[str] = set()
    unsure = set(profile.values.get(UNSURE_GROUPS) or ())
    benefits = list(open_benefits)
    weighted = list(weights) if weights is not None else [1.0] * len(benefits)
    owned = list(own) if own is not None else [True] * len(benefits)
    for relevant, weight, is_own in zip(benefits, weighted, owned, strict=True):
        askable = {
            f
            for f in relevant
            if profile.is_open(f) and facts[f].is_askable and not _presupposes_unknown(f, profile, facts)
        }
        keys: set[str] = set()
        for fact in {_first_prerequisite(f, askable, facts) for f in askable}:
            # A fact said without its kind is asked alone, with the options it may be.
            group = facts.group_of.get(fact) if fact not in profile.values else None
            key = group.name if group and group.name not in unsure else fact
            keys.add(key)
            if fact not in members.setdefault(key, []):
                members[key].append(fact)
        for key in keys:
            touched[key] = touched.get(key, 0) + weight
        if is_own:
            settles_own |= keys
    for key in [k for k in touched if k not in settles_own and touched[k] <= _effort(members[k], facts)]:
        del touched[key]
    for key in [k for k in touched if k not in settles_own and _unsure_member(k, unsure, facts)]:
        # Session 41 (walk): a list answered 不清楚 is followed, one member at a time, only by the members that can
        # still change one of the person's own results — not by each box that only an employer's measure reads.
        del touched[key]
    if not touched:
        return None
    # The members of a list answered 不清楚 are asked one at a time, ranked like any other question (session 41, walk:
    # asked straight after the list, nine 人员类别 came before 就业状态 and 学历, which settle most of them).
    best = min(touched, key=lambda k: (-touched[k] + _effort(members[k], facts), _priority(k, members[k], facts)))
    if best in facts.groups and best not in unsure and len(members[best]) > 1:
        return tuple(f for f in facts.groups[best].facts if f in members[best])
    return (members[best][0],)


def _unsure_member(key: str, unsure: set[str], facts: FactRegistry) -> bool:
    """A member of a 可多选 list the person answered 不清楚, asked on its own."""
    return key in facts.group_of and facts.group_of[key].name in unsure


def _presupposes_unknown(fact: str, profile: Profile, facts: FactRegistry) -> bool:
    """A follow-up whose premise was answered 不清楚 is not asked: “这张证书是哪天颁发的？” after
    不清楚 to the certificate presupposes an answer the person did not give."""
    return any(profile.is_answered(p) and profile.values[p] is None for p in facts[fact].presupposes)


def _effort(members: list[str], facts: FactRegistry) -> float:
    """What answering costs, in benefits: a number or a date must be looked up or worked out,
    a yes/no or a tick is at hand — so between near-equal questions the easy one goes first."""
    return max(_own_effort(facts, f) for f in members)


def _own_effort(facts: FactRegistry, fact: str) -> float:
    spec = facts[fact]
    return spec.effort if spec.effort is not None else EFFORT.get(spec.type, 0.0)


def _priority(key: str, members: list[str], facts: FactRegistry) -> int:
    return min(facts.priority[f] for f in members)


def _first_prerequisite(fact: str, askable: set[str], facts: FactRegistry) -> str:
    for prerequisite in facts[fact].after:
        if prerequisite in askable:
            return _first_prerequisite(prerequisite, askable, facts)
    return fact


def question_for(
    members: tuple[str, ...], facts: FactRegistry, said: object = None, only: frozenset[str] | None = None
) -> NextQuestion:
    """One fact's own question, or its group's 可多选 question over `members`.

    `only`: the options still at stake, for a list fact asked on its own (the rest are not offered).
    A group option's value is the facts it sets when ticked ({"rural_labor": true},
    {"veteran": "soldier_self_employed"}, {"household": ["dibao"]}); members left unticked become
    false, `none` or an empty list.
    """
    if len(members) > 1:
        group = facts.group_of[members[0]]
        ticks: list[AnswerOption] = []
        for name in members:
            spec = facts[name]
            if spec.type == "boolean":
                ticks.append(AnswerOption(value={name: True}, label=spec.tick or str(spec.holds)))
            elif spec.type == "enum_list":
                ticks.extend(AnswerOption(value={name: [o.value]}, label=o.label) for o in spec.offered)
            else:
                ticks.extend(
                    AnswerOption(value={name: o.value}, label=o.label) for o in spec.offered if o.value != "none"
                )
        return NextQuestion(
            fact=group.name,
            facts=members,
            text=group.question,
            type=GROUP_TYPE,
            options=(*ticks, AnswerOption(value=None, label=facts.answers.unknown)),
            hint=group.hint,
        )
    spec = facts[members[0]]
    options = tuple(AnswerOption(value=o.value, label=o.label) for o in spec.answer_options(facts.answers))
    if spec.type not in {"boolean", "enum", "enum_list"}:
        options = tuple(o for o in options if o.value is None)
    if isinstance(said, Possible):  # 退役士兵 was said: which kind, of those it may be
        options = tuple(o for o in options if o.value is None or o.value in said.covers)
    if only:  # a list asked about the options still at stake (以前领过的补贴: those open here)
        options = tuple(o for o in options if o.value is None or o.value in only)
    return NextQuestion(
        fact=spec.name,
        facts=(spec.name,),
        text=str(spec.question),
        type=spec.type,
        options=options,
        hint=spec.hint,
    )


def region_question(rulebook: Rulebook, places: tuple[str, ...] | None = None) -> NextQuestion:
    """The first question: where. Covered places (`places`, default the rulebook's) are offered as
    options; any place name is accepted."""
    spec = rulebook.facts["region"]
    options = tuple(AnswerOption(value=j, label=j) for j in (places or rulebook.jurisdictions))
    return NextQuestion(
        fact="region",
        facts=("region",),
        text=str(spec.question),
        type=spec.type,
        options=options,
        hint=spec.hint,
    )


def city_question(rulebook: Rulebook, place: str, candidates: tuple[str, ...]) -> NextQuestion:
    """The region asked again when a province holds covered cities but is not covered itself
    (四川省 → 巴中市, 资阳市): the city decides which document applies. Its covered cities are offered,
    the rest of the province (其他城市), which no collected document covers, and 不清楚 — standing for
    the province with its city unknown, so that not knowing the city keeps the province."""
    spec = rulebook.facts["region"]
    template = spec.narrow_question or str(spec.question)
    options = [AnswerOption(value=c, label=c) for c in candidates]
    for other in (spec.rest_of_place, spec.unknown_city):
        if other is not None:
            options.append(AnswerOption(value=str(other.value).format(place=place), label=other.label))
    return NextQuestion(
        fact="region",
        facts=("region",),
        text=template.format(place=place),
        type=spec.type,
        options=tuple(options),
        hint=spec.hint,
    )


def household_question(rulebook: Rulebook, places: tuple[str, ...], here: str | None = None) -> NextQuestion:
    """The 户籍, asked only when it still matters (session 24): at a place no document covers, the
    covered places are offered (their measures that follow the 户籍 may be the person's); where a measure
    limited to those registered `here` (吉林籍) still stands, whether the 户籍 is here. Either way
    “其他地方” (the spec's `rest_of_place`) is a 户籍 elsewhere, and 不清楚 leaves it unknown."""
    spec = rulebook.facts[HOUSEHOLD_REGION]
    text = (spec.narrow_question or str(spec.question)).format(place=here) if here else str(spec.question)
    options = [AnswerOption(value=p, label=p) for p in ((here,) if here else places)]
    if spec.rest_of_place is not None:
        options.append(AnswerOption(value=str(spec.rest_of_place.value), label=spec.rest_of_place.label))
    return NextQuestion(
        fact=HOUSEHOLD_REGION,
        facts=(HOUSEHOLD_REGION,),
        text=text,
        type=spec.type,
        options=tuple(options),
        hint=spec.hint,
    )


# Where the person's 户籍 is (facts.yaml), asked by `household_question`.
HOUSEHOLD_REGION = "household_region"


def place_question(rulebook: Rulebook, fact: str, places: tuple[str, ...], here: str) -> NextQuestion:
    """Where the person works or does business (session 41), asked by `coverage.place_to_ask`: the place where
    they are first (the spec's `same_place`, standing for `here`), the other covered places, then “其他地方”
    (`rest_of_place`: none of them); 不清楚 leaves the place where they are standing for it."""
    spec = rulebook.facts[fact]
    options = []
    if spec.same_place is not None:
        options.append(AnswerOption(value=str(spec.same_place.value).format(place=here), label=spec.same_place.label))
    options += [AnswerOption(value=p, label=p) for p in places if p != here]
    if spec.rest_of_place is not None:
        options.append(AnswerOption(value=str(spec.rest_of_place.value), label=spec.rest_of_place.label))
    return NextQuestion(
        fact=fact, facts=(fact,), text=str(spec.question), type=spec.type, options=tuple(options), hint=spec.hint
    )
