"""The interview loop: ask the engine's next question until the check is complete.

Channels differ only in how an answer is obtained (a terminal prompt, a known profile in tests
and benchmarks), so the loop takes an `answer` callable and stays free of I/O. Answers are raw
JSON-like values and are checked here with the same fact specs as profiles. A person at a
terminal also needs to be told, and asked again, when a place is not covered or an answer cannot
be used: the loop reports both through optional callbacks and asks again. The chat asks one
question per turn instead (bot/dialogue/interview.py), with the same engine and `apply_answer`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from eligibility.engine import Engine
from eligibility.errors import ProfileError
from eligibility.facts import FactRegistry
from eligibility.profile import Profile
from eligibility.questions import GROUP_TYPE, UNSURE_GROUPS
from eligibility.records import collect
from eligibility.results import CheckResult, NextQuestion

Answer = Callable[[NextQuestion, Profile], Any]
Uncovered = Callable[[CheckResult], None]
Rejected = Callable[[NextQuestion, ProfileError], None]
MAX_QUESTIONS = 60


class NoMoreAnswers(Exception):
    """Raised by an answerer whose input has ended: the interview stops with the result so far."""


@dataclass(frozen=True)
class Interview:
    """Where the interview ended; `finished` is False when the answers ran out first."""

    result: CheckResult
    profile: Profile
    asked: tuple[NextQuestion, ...]
    finished: bool = True


def apply_answer(profile: Profile, question: NextQuestion, raw: Any, facts: FactRegistry) -> Profile:
    """The profile with this answer recorded and, after a yes to another hire or certificate, the record
    described so far folded into its list (records.collect); ProfileError names the fact when unusable."""
    answered = answer_as_given(profile, question, raw, facts)
    if question.type == GROUP_TYPE:
        return answered
    return collect(_settle_with(answered, question.fact, facts), question.fact, facts)


def _settle_with(profile: Profile, fact: str, facts: FactRegistry) -> Profile:
    """The facts a place answer also settles (session 41: the region question asks where the person lives and
    works or does business — one place said is both), unless said otherwise already; 不清楚 settles nothing."""
    if profile.values.get(fact) is None:
        return profile
    for settled in facts[fact].settles:
        same = facts[settled].as_region
        if same is not None and settled not in profile.values:
            profile = profile.with_answer(settled, facts[settled].parse(same.value, profile.as_of))
    return profile


def answer_as_given(profile: Profile, question: NextQuestion, raw: Any, facts: FactRegistry) -> Profile:
    """The profile with this answer set as given — what is said back to the person (session 15: after a yes
    to 还招用了其他人员吗 the stored profile no longer holds the yes, it has become a new record).

    A group question takes None (不清楚: its facts are then asked one at a time), a list of ticked options (each
    an option's value such as {"veteran": "soldier_self_employed"}, or a yes/no fact's name), or a
    mapping fact → value; offered facts not ticked become false / `none` / an empty list.

    None to a question whose 不清楚 option stands for a value (the city question's “四川省（具体城市
    不清楚）”) records that value: not knowing the city keeps the province said.
    """
    if raw is None:
        raw = _unknown_stands_for(question, facts)
    if question.type != GROUP_TYPE:
        return profile.with_answer(question.fact, facts[question.fact].parse(raw, profile.as_of))
    if raw is None:
        if not any(facts[f].about == "person" for f in question.facts):
            # Session 38 (walk38 T14–T16): 不清楚 to a list about the people one hires (or the terms of their hire)
            # is about them, not about one box — asking each box again asks the same thing. Every member offered is
            # answered 不清楚, once.
            for fact in question.facts:
                profile = profile.with_answer(fact, None)
            return profile
        # 不清楚 to the whole list of the person's own: its facts are asked one at a time, each with its own 不清楚.
        unsure = [*(profile.values.get(UNSURE_GROUPS) or []), question.fact]
        return profile.with_answer(UNSURE_GROUPS, facts[UNSURE_GROUPS].parse(sorted(set(unsure)), profile.as_of))
    chosen: dict[str, Any]
    if isinstance(raw, Mapping):
        chosen = {f: raw.get(f, facts[f].unticked) for f in question.facts}
        _check_offered(raw, question)
    elif isinstance(raw, list | tuple):
        chosen = {f: facts[f].unticked for f in question.facts}
        for tick in raw:
            setting = {tick: True} if isinstance(tick, str) else tick
            if not isinstance(setting, Mapping):
                raise _not_an_option(tick)
            _check_offered(setting, question)
            for fact, value in setting.items():
                if facts[fact].type == "enum_list":
                    chosen[fact] = [*chosen[fact], *(value if isinstance(value, list | tuple) else [value])]
                    continue
                if chosen[fact] != facts[fact].unticked and chosen[fact] != value:
                    raise ProfileError(
                        fact, "one_option_only", f"only one option may be ticked for '{fact}'.", label=facts[fact].label
                    )
                chosen[fact] = value
    else:
        raise _not_an_option(raw)
    for fact, value in chosen.items():
        profile = profile.with_answer(fact, facts[fact].parse(value, profile.as_of))
    return profile


def _unknown_stands_for(question: NextQuestion, facts: FactRegistry) -> Any:
    """The value of the question's 不清楚 option (None for every question but the city question)."""
    label = facts.answers.unknown
    return next((o.value for o in question.options if o.label == label and o.value is not None), None)


def _check_offered(setting: Mapping[str, Any], question: NextQuestion) -> None:
    for fact in setting:
        if fact not in question.facts:
            raise _not_an_option(fact)


def _not_an_option(tick: Any) -> ProfileError:
    return ProfileError(str(tick), "not_an_option", f"{tick!r} is not an option of this question.", tick=tick)


def run_interview(
    engine: Engine,
    start: Profile,
    answer: Answer,
    *,
    on_uncovered: Uncovered | None = None,
    on_rejected: Rejected | None = None,
) -> Interview:
    """Ask until the result is complete.

    Without callbacks an uncovered region ends the interview once its 户籍 is asked (its result says
    why) and an unusable answer raises ProfileError. With `on_uncovered` the result is reported, the
    户籍 asked when it still matters (session 24: a covered 户籍 ends the interview with the measures
    that follow it), and the region asked again; with `on_rejected` the error is reported and the
    same question asked again (also when
    `answer` itself raises ProfileError, e.g. for an option number that does not exist). A person
    may name uncovered places for as long as they like: the guard against a question loop counts
    the questions asked since the region was last asked again.
    """
    profile = start
    asked: list[NextQuestion] = []
    since_region = 0
    told = False
    result = engine.check(profile)
    while True:
        if result.status == "region_not_covered" and on_uncovered is not None and not result.benefits:
            # Said once: the 户籍 asked next (a covered 户籍 lists its measures that follow it, and
            # the interview ends there), or the region asked again.
            if not told:
                on_uncovered(result)
            told = result.next_question is not None
            if not told:
                profile = profile.without_answer("region")
                result = engine.check(profile)
                since_region = 0
        question = result.next_question
        if question is None:
            return Interview(result=result, profile=profile, asked=tuple(asked))
        if since_region >= MAX_QUESTIONS:
            raise RuntimeError(f"interview did not finish after {MAX_QUESTIONS} questions")
        try:
            profile = apply_answer(profile, question, answer(question, profile), engine.rulebook.facts)
        except NoMoreAnswers:
            return Interview(result=result, profile=profile, asked=tuple(asked), finished=False)
        except ProfileError as exc:
            if on_rejected is None:
                raise
            on_rejected(question, exc)
            continue
        asked.append(question)
        since_region += 1
        result = engine.check(profile)


def answers_from(known: Mapping[str, Any]) -> Answer:
    """Answer from a complete profile's values; facts it does not hold are answered 不清楚 (null)."""

    def answer(question: NextQuestion, profile: Profile) -> Any:
        if question.type == GROUP_TYPE:
            return {fact: known.get(fact) for fact in question.facts}
        return known.get(question.fact)

    return answer
