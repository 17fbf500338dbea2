"""Named errors of the eligibility engine.

Two families, because they fail differently: a broken rulebook is our bug and must stop the
program at load with the file and key; a bad profile is the user's input and must be explained
politely, naming the fact: it says what is wrong as a code with its data, `bot/present` words it
in Chinese, and the English message is for developers and logs.
"""

from __future__ import annotations

from typing import Any


class EligibilityError(Exception):
    """Base class for everything this package raises on purpose."""


class RulebookError(EligibilityError):
    """A rule, fact or definition file is malformed; the message names the file and the key."""

    def __init__(self, source: str, key: str, problem: str, code: str = "invalid", **details: Any) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        # What is wrong as a code with its data (`unknown_fact`, fact=…), for `rules_check` to
        # report in Chinese; `problem` is the English message for developers and logs.
        self.code = code
        self.details = details
        super().__init__(f"{source}: {key}: {problem}")


class ProfileError(EligibilityError):
    """A profile (the person's facts) or an answer cannot be used as given.

    `problem` names what is wrong (`wrong_type`, `unknown_option`, `too_late` …) and `details` carry
    the data a message needs (the fact's label, the value received, the limit …).
    """

    def __init__(self, fact: str | None, problem: str, message_en: str, **details: Any) -> None:
        self.fact = fact
        self.problem = problem
        self.message_en = message_en
        self.details = details
        super().__init__(message_en)
