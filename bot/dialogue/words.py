"""The conversation's vocabulary (data/words.yaml): yes / no / 不清楚, commands, intents, abuse.

Messages are compared in a squashed form (繁→简, lower case, no spaces or punctuation), so
“是的！”, "是 的" and 是的 read the same.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from knowledge.normalize import to_simplified

DATA = Path(__file__).parent / "data" / "words.yaml"
Command = Literal["check", "profile", "reset", "forget", "help", "sources", "greeting", "thanks"]
SHORT_MESSAGE = 12


class Answers(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    unknown: tuple[str, ...]
    affirmative: tuple[str, ...]
    negative: tuple[str, ...]


class VocabularyFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    answers: Answers
    commands: dict[Command, tuple[str, ...]]
    eligibility_request: tuple[str, ...]
    deny: tuple[str, ...]
    question_marks: tuple[str, ...]
    abuse: tuple[str, ...]
    question_patterns: tuple[str, ...]
    first_person: tuple[str, ...]
    asking: tuple[str, ...]
    supposing: tuple[str, ...]
    benefit_words: tuple[str, ...]
    modal_words: tuple[str, ...]
    intent_cues: dict[str, str]
    citation_ordinal: str
    continuing: str
    not_a_topic: tuple[str, ...]


class Vocabulary:
    """The file's phrases, squashed once."""

    def __init__(self, data: VocabularyFile) -> None:
        def squashed(words: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(w for w in dict.fromkeys(squash(word) for word in words) if w)

        self.unknown = squashed(data.answers.unknown)
        self.yes = squashed(data.answers.affirmative)
        self.no = squashed(data.answers.negative)
        self.commands = {command: frozenset(squashed(words)) for command, words in data.commands.items()}
        self.eligibility_request = squashed(data.eligibility_request)
        self.deny = squashed(data.deny)
        self.question_marks = data.question_marks
        self.abuse = squashed(data.abuse)
        marks = [re.escape(mark) for mark in data.question_marks]
        self.question_cue = re.compile("|".join([*marks, *data.question_patterns]))
        self.first_person = data.first_person
        self.asking = data.asking
        self.supposing = data.supposing
        self.benefit_words = data.benefit_words
        self.intent_cues = data.intent_cues
        self.citation_ordinal = re.compile(data.citation_ordinal)
        self.continuing = re.compile(data.continuing)
        self.not_a_topic = frozenset(data.not_a_topic)
        self.modal_cue = re.compile("|".join(re.escape(w) for w in sorted(data.modal_words, key=len, reverse=True)))

    def yes_no(self, text: str) -> tuple[bool, bool | None]:
        """(understood, value): value True / False, or None for 不清楚."""
        squashed = squash(text)
        if not squashed:
            return False, None
        if any(word in squashed for word in self.unknown) or not squashed.strip("?？"):
            return True, None
        best: tuple[int, bool] | None = None
        for value, words in ((True, self.yes), (False, self.no)):
            for word in words:
                if squashed.startswith(word) and (best is None or len(word) > best[0]):
                    best = (len(word), value)
        if best is None:
            return False, None
        # A long message that merely starts with 有 or 不 is not a yes/no answer.
        if len(squashed) > SHORT_MESSAGE and best[0] == 1:
            return False, None
        return True, best[1]

    def is_unknown(self, text: str) -> bool:
        understood, value = self.yes_no(text)
        return understood and value is None

    def is_no(self, text: str) -> bool:
        understood, value = self.yes_no(text)
        return understood and value is False

    def command(self, text: str) -> Command | None:
        squashed = squash(text)
        for command, phrases in self.commands.items():
            if squashed in phrases:
                return command
        return None

    def is_eligibility_request(self, text: str) -> bool:
        squashed = squash(text)
        return any(phrase in squashed for phrase in self.eligibility_request)

    def is_denial(self, text: str) -> bool:
        squashed = squash(text)
        return any(phrase in squashed for phrase in self.deny)

    def is_question(self, text: str) -> bool:
        return self.question_cue.search(text) is not None

    def is_abuse(self, text: str) -> bool:
        squashed = squash(text)
        return any(phrase in squashed for phrase in self.abuse)


def squash(text: str) -> str:
    simplified = to_simplified(text).lower()
    return "".join(ch for ch in simplified if not unicodedata.category(ch).startswith(("P", "Z", "C")) or ch in "?？")


@lru_cache(maxsize=1)
def load_vocabulary(path: Path = DATA) -> Vocabulary:
    return Vocabulary(VocabularyFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))))
