"""The interview loop: ask the engine's next question until the check is complete.

Channels differ only in how an answer is obtained (a terminal prompt, a chat message, a known
profile in tests and benchmarks), so the loop takes an `answer` callable and stays free of I/O.
Answers are raw JSON-like values and are checked here with the same fact specs as profiles.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from eligibility.engine import Engine
from eligibility.errors import ProfileError
from eligibility.facts import FactRegistry
from eligibility.profile import Profile
from eligibility.questions import GROUP_TYPE
from eligibility.results import CheckResult, NextQuestion

Answer = Callable[[NextQuestion, Profile], Any]
MAX_QUESTIONS = 60


@dataclass(frozen=True)
class Interview:
    result: CheckResult
    profile: Profile
    asked: tuple[NextQuestion, ...]


def apply_answer(profile: Profile, question: NextQuestion, raw: Any, facts: FactRegistry) -> Profile:
    """The profile with this answer recorded; ProfileError names the fact when the answer is unusable.

    A group question takes None (不清楚: every offered fact unknown), a list of ticked options (each
    an option's value such as {"veteran": "soldier_self_employed"}, or a yes/no fact's name), or a
    mapping fact → value; offered facts not ticked become false / `none` / an empty list.
    """
    if question.type != GROUP_TYPE:
        return profile.with_answer(question.fact, facts[question.fact].parse(raw, profile.as_of))
    if raw is None:
        chosen: dict[str, Any] = dict.fromkeys(question.facts)
    elif isinstance(raw, Mapping):
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
                        fact,
                        f"“{facts[fact].label}”只能选一项。",
                        f"only one option may be ticked for '{fact}'.",
                    )
                chosen[fact] = value
    else:
        raise _not_an_option(raw)
    for fact, value in chosen.items():
        profile = profile.with_answer(fact, facts[fact].parse(value, profile.as_of))
    return profile


def _check_offered(setting: Mapping[str, Any], question: NextQuestion) -> None:
    for fact in setting:
        if fact not in question.facts:
            raise _not_an_option(fact)


def _not_an_option(tick: Any) -> ProfileError:
    return ProfileError(str(tick), f"“{tick}”不是本题的选项。", f"{tick!r} is not an option of this question.")


def run_interview(engine: Engine, start: Profile, answer: Answer) -> Interview:
    """Ask until the result is complete or the region is not covered."""
    profile = start
    asked: list[NextQuestion] = []
    result = engine.check(profile)
    while result.next_question is not None:
        if len(asked) >= MAX_QUESTIONS:
            raise RuntimeError(f"interview did not finish after {MAX_QUESTIONS} questions")
        question = result.next_question
        profile = apply_answer(profile, question, answer(question, profile), engine.rulebook.facts)
        asked.append(question)
        result = engine.check(profile)
    return Interview(result=result, profile=profile, asked=tuple(asked))


def answers_from(known: Mapping[str, Any]) -> Answer:
    """Answer from a complete profile's values; facts it does not hold are answered 不清楚 (null)."""

    def answer(question: NextQuestion, profile: Profile) -> Any:
        if question.type == GROUP_TYPE:
            return {fact: known.get(fact) for fact in question.facts}
        return known.get(question.fact)

    return answer
