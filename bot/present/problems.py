"""A profile or an answer that cannot be used, worded: eligibility's `ProfileError` carries a problem
code and its data; this module says it in Chinese (prose.yaml `eligibility.profile_errors`) and
builds the `{fact, message_zh, message_en}` object of `check --json` and `POST /api/check`.

Machines and the terminal see the fact named as “age”（年龄）; the chat, which asked the question
itself, just says 年龄 (`plain=True`).
"""

from __future__ import annotations

from typing import Any

from bot.present.prose import prose
from eligibility.errors import ProfileError

FACT_PROBLEMS = {
    "wrong_type",
    "negative",
    "below_minimum",
    "above_maximum",
    "too_late",
    "unknown_option",
    "bad_text",
    "impossible_date",
}


def problem_text(error: ProfileError, *, plain: bool = False) -> str:
    """未知的事实“agee”，是否想写“age”？ — what is wrong, in the person's language."""
    words = prose().eligibility.profile_errors
    details: dict[str, Any] = dict(error.details)
    problem = error.problem
    if problem in FACT_PROBLEMS:
        label = details["label"]
        details["fact"] = label if plain else words.named_fact.format(name=error.fact, label=label)
    if problem == "wrong_type":
        details["expected"] = type_name(details["type"])
    elif problem == "too_late":
        days = details["days"]
        details["limit"] = words.days_after.format(days=days) if days else words.on_the_day
    elif problem == "unknown_fact" and details.get("close"):
        problem = "unknown_fact_close"
    if problem == "bad_records":
        label = details["label"]
        details["fact"] = label if plain else words.named_fact.format(name=error.fact, label=label)
        details["keys"] = "、".join(details["keys"])
    template = (
        getattr(words, problem, None)
        or getattr(prose().records, problem, None)
        or getattr(prose().profile_warnings, problem, None)
    )
    if not isinstance(template, str):
        raise ValueError(f"no wording for profile problem {error.problem!r}")
    return template.format(**details)


def type_name(fact_type: str) -> str:
    """是/否（true/false）, 整数 … — what a value of this type looks like, for wrong-type messages."""
    if fact_type == "record_list":
        return prose().records.type_name
    return str(getattr(prose().eligibility.profile_errors.type_names, fact_type))


def problem_json(error: ProfileError) -> dict[str, str | None]:
    """The error object of the JSON contracts (docs/eligibility.md, docs/web.md)."""
    return {"fact": error.fact, "message_zh": problem_text(error), "message_en": error.message_en}


def profile_warning(error: ProfileError) -> dict[str, str | None]:
    """A date `POST /api/check` set aside: the error object plus what was done with it."""
    words = prose().profile_warnings
    said = problem_json(error)
    if error.problem != "impossible_as_of":
        said["message_zh"] = f"{said['message_zh']}{words.set_aside}"
    return {"problem": error.problem, **said}


def invalid_profile(error: ProfileError) -> str:
    """The terminal's stderr for a bad profile: 资料有误：… then the English line."""
    head = prose().eligibility.profile_errors.invalid_profile.format(message=problem_text(error))
    return f"{head}\nInvalid profile: {error.message_en}"
