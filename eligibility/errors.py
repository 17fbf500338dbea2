"""Named errors of the eligibility engine.

Two families, because they fail differently: a broken rulebook is our bug and must stop the
program at load with the file and key; a bad profile is the user's input and must be explained
politely, in Chinese and English, naming the fact.
"""

from __future__ import annotations


class EligibilityError(Exception):
    """Base class for everything this package raises on purpose."""


class RulebookError(EligibilityError):
    """A rule, fact or definition file is malformed; the message names the file and the key."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        super().__init__(f"{source}: {key}: {problem}")


class ProfileError(EligibilityError):
    """A profile (the person's facts) cannot be used as given."""

    def __init__(self, fact: str | None, message_zh: str, message_en: str) -> None:
        self.fact = fact
        self.message_zh = message_zh
        self.message_en = message_en
        super().__init__(f"{message_zh} / {message_en}")

    def as_dict(self) -> dict[str, str | None]:
        return {"fact": self.fact, "message_zh": self.message_zh, "message_en": self.message_en}
