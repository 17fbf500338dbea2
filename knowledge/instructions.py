"""Messages addressed to the assistant rather than questions about the policies (issues 10, 12): an
instruction to drop or reveal its rules, a role to play, a claim to repeat, or text shaped like
markup or a system message. One detector, read from `knowledge/data/instructions.yaml`, serves the
dialogue (which declines and keeps what it was doing) and every answer (`/api/ask`, `policybot ask`),
which declines instead of quoting a clause that shares a few words with the message."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from knowledge.datafile import read_yaml
from knowledge.normalize import to_simplified

INSTRUCTIONS_FILE = Path(__file__).resolve().parent / "data" / "instructions.yaml"


class _InstructionFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    bot_instructions: tuple[str, ...]
    generic_instructions: tuple[str, ...]
    pointing_at_bot: str
    overriding: tuple[str, ...]
    role_change: tuple[str, ...]
    system_like: tuple[str, ...]
    dictating: tuple[str, ...]
    task_request: str
    computation_request: str
    computation_subjects: dict[str, tuple[str, ...]]


# A question word or mark: a message holding one asks something, whatever it opens with.
_ASKS = re.compile(r"[？?]|吗|呢|哪|什么|啥|怎么|怎样|如何|多少|几|是否|能否|有没有|能不能|可不可以|要不要")


# Markup typed or pasted around words (<b>补贴</b>, <script>alert(1)</script> 吉林 初创企业补贴): its tags, and what a
# script or style element holds, are nobody's words — what is left is read as the message.
_MARKUP_ELEMENT = re.compile(r"<\s*(script|style)\b[^<>]*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^<>]*>")


def without_markup(text: str) -> str:
    """`text` without HTML-shaped tags and the contents of script and style elements ("" for markup alone)."""
    return " ".join(_TAG.sub(" ", _MARKUP_ELEMENT.sub(" ", text)).split())


def _spaced(text: str) -> str:
    """Lower case, 繁→简, single spaces: for phrases of several English words (act as)."""
    return " ".join(to_simplified(text).lower().split())


def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the phrases; an English one only as whole words (DAN is not inside danbao, the pinyin
    of 担保). Acronyms are left to `_acronyms`."""
    parts = []
    for word in sorted({_spaced(w) for w in words if not _is_acronym(w)}, key=lambda w: (-len(w), w)):
        escaped = re.escape(word)
        parts.append(rf"(?<![a-z]){escaped}(?![a-z])" if word.isascii() else escaped)
    return re.compile("|".join(parts))


def _is_acronym(word: str) -> bool:
    return word.isascii() and word.isupper()


def _acronyms(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The phrases written in capitals (DAN), matched only as typed in capitals: in lower case the same
    letters are a pinyin syllable (dan bao dai kuan, 担保贷款 typed syllable by syllable)."""
    found = sorted({w for w in words if _is_acronym(w)}, key=lambda w: (-len(w), w))
    if not found:
        return None
    return re.compile("|".join(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])" for w in found))


class InstructionDetector:
    def __init__(self, data: _InstructionFile) -> None:
        self._bot_instructions = _phrases(data.bot_instructions)
        self._generic_instructions = _phrases(data.generic_instructions)
        self._pointing_at_bot = re.compile(data.pointing_at_bot)
        self._overriding = _phrases(data.overriding)
        self._role_change = _phrases(data.role_change)
        self._role_acronyms = _acronyms(data.role_change)
        self._system_like = re.compile("|".join(f"(?:{p})" for p in data.system_like))
        self._dictating = re.compile("|".join(f"(?:{p})" for p in data.dictating))
        self._task_request = re.compile(data.task_request)
        self._computation_request = re.compile(data.computation_request)
        self._computation_subjects = data.computation_subjects

    def requests_a_task(self, text: str) -> bool:
        """A task for the assistant to carry out (帮我用python写个爬虫), asking nothing."""
        spaced = _spaced(text)
        return bool(self._task_request.search(spaced)) and not _ASKS.search(spaced)

    def requests_a_computation(self, text: str) -> bool:
        """A sum the assistant is asked to work out for the person (帮我算下个税, 算一下我能拿多少养老金)."""
        return bool(self._computation_request.search(to_simplified(text)))

    def computation_subject(self, text: str) -> str | None:
        """The key of what the sum is of (tax, pension…: the first group one of whose words is said), or None."""
        simplified = to_simplified(text)
        return next(
            (key for key, words in self._computation_subjects.items() if any(w in simplified for w in words)), None
        )

    def addresses_the_assistant(self, text: str) -> bool:
        spaced = _spaced(text)
        if self._system_like.search(text) or self._role_change.search(spaced) or self._dictating.search(spaced):
            return True
        if self._role_acronyms is not None and self._role_acronyms.search(to_simplified(text)):
            return True
        if self.requests_a_task(text):
            return True
        overriding = [m.end() for m in self._overriding.finditer(spaced)]
        if not overriding:
            return False
        if self._bot_instructions.search(spaced):
            return True
        # An everyday word for rules (规则, 设定) means the assistant's own when it points at it (你的设定,
        # 以上规则) or follows the overriding verb at once (忽略规则, ignore rules).
        for m in self._generic_instructions.finditer(spaced):
            before = spaced[: m.start()]
            if self._pointing_at_bot.search(before) or any(0 <= m.start() - end <= 1 for end in overriding):
                return True
        return False


@lru_cache(maxsize=1)
def detector() -> InstructionDetector:
    data = read_yaml(INSTRUCTIONS_FILE.read_text(encoding="utf-8"))
    return InstructionDetector(_InstructionFile.model_validate(data))


def addresses_the_assistant(text: str) -> bool:
    """Whether the message speaks to the assistant's own instructions or role (忽略以上规则,
    你现在是市长, 照着说一遍, <script>…) instead of asking about the policies."""
    return detector().addresses_the_assistant(text)


def requests_a_task(text: str) -> bool:
    """Whether the message asks the assistant to write, make or translate something (给我写一份自荐信,
    用C语言编个程序) and asks nothing about the policies."""
    return detector().requests_a_task(text)


def requests_a_computation(text: str) -> bool:
    """Whether the message asks the assistant to work out a sum for the person (帮我算下农家乐的个税)."""
    return detector().requests_a_computation(text)


def computation_subject(text: str) -> str | None:
    """What a sum asked to be worked out is of (`computation_subjects`' key: tax, pension…), or None."""
    return detector().computation_subject(text)
