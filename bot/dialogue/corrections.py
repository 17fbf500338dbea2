"""Corrections that give only the new value: what they correct is read from the words around it.

People correct a card the way they would correct a person: 我不是三年前毕业，是两年前 (the new value
without its verb) or 岁数说错了，是五十八 (the fact named, the value bare). Neither states a fact on its
own, so the describer finds nothing in them. Here the new value is read in the place of the old one:
- 不是X，是Y: Y takes X's place — with as much of X's end as makes Y a fact of the same kind as X
  (两年前 + 毕业, the words X corrected); when X alone is a bare value (不是明年，是今年夏天; 不是去年
  是前年), the fact X names is the one on the card or the record that X reads as (明年 → the graduation
  date of next year), and Y is read as that fact's answer;
- Y，不是X (我三十二 不是三十一): Y read as the answer of the fact the card or the record holds as X;
- …说错了，是Y (or 我Y for a number: 岁数打错了 我41) with no X: Y is read as the answer to each fact
  the card or the record holds (the interview's own answer reader, so 五十八 is an age in 岁 and 去年
  a date); the correction is taken only when exactly one of those facts reads it and it changes that
  fact — or, when several do (58: an age, or months out of work), the one the words around it name
  (岁数打错了 → 岁, age's unit);
- …不对 Y with neither 是 nor 我 before Y (年龄也不对 35了): Y is read only as the answer of a fact the
  other words name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from bot.dialogue.describe import Describer, Description
from bot.dialogue.quantities import parse_day
from bot.dialogue.understand import AnswerReader
from eligibility.facts import FactRegistry
from eligibility.questions import question_for

_REPLACED = re.compile(r"不是(?P<old>[^，,。？?！!\s]{1,12}?)[\s，,]*(?:而是|是)(?P<new>[^，,。？?！!吗呢\s]{1,12})")
# Y，不是X — the new value said first (我24 不是23, 是前年不是去年, 24岁 不是23岁).
_REPLACED_AFTER = re.compile(
    r"(?:^|[\s，,。；;]|我|是)(?P<new>[^，,。？?！!吗呢\s我是不]{1,12}?)[\s，,]*不是(?P<old>[^，,。？?！!吗呢\s]{1,12})"
)
_NEW_VALUE = re.compile(
    r"(?:^|[\s，,。；;])(?:应该是|其实是|是|我(?=[0-9０-９一二三四五六七八九十两]))(?P<new>[^，,。？?！!吗呢\s]{1,12})"
)
_PHRASE = re.compile(r"[^\s，,。；;！!？?、]+")
_BRACKETED = re.compile(r"（[^）]*）|\([^)]*\)")
# The words up to the next punctuation or space (那是我哥们的|户口).
_FIRST_WORDS = re.compile(r"[^，,。！!？?；;\s]*")
# A bracketed aside of a question this long is another name of its fact (户口, 周岁), not a note.
_ALIAS_CHARS = 2
# Facts whose value is a yes or a no: a bare value never corrects them (是 would read as a yes).
_VALUED = frozenset({"integer", "number", "date", "enum"})
# A month said alone (是7月毕业的 不是6月): of the year of the date it corrects.
_BARE_MONTH = re.compile(r"(?<![年\d一二三四五六七八九十])(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")


class Corrections:
    def __init__(self, describer: Describer, reader: AnswerReader, facts: FactRegistry) -> None:
        self.describer = describer
        self.reader = reader
        self.facts = facts

    def replaces(self, text: str) -> bool:
        """不是X，是Y: a correction by its shape, whatever words it uses (我不是三年前毕业 是两年前)."""
        return _REPLACED.search(text) is not None or _REPLACED_AFTER.search(text) is not None

    def new_value(self, text: str) -> str | None:
        """The value a correction gives (打错了 是商洛 → 商洛; 不是商丘，是商洛 → 商洛), or None."""
        said = _REPLACED.search(text) or _NEW_VALUE.search(text)
        return said["new"] if said is not None else None

    def read(self, text: str, known: dict[str, Any], today: date) -> Description | None:
        """The facts a correction gives by its new value alone, or None."""
        replaced = _REPLACED.search(text)
        if replaced is not None:
            return self._in_place_of(replaced["old"], replaced["new"], today) or self._of_value_said(
                replaced["old"], replaced["new"], known, today
            )
        after = _REPLACED_AFTER.search(text)
        if after is not None:
            # 我24 不是23: only where the old value is the one the card or the record holds (23 is the
            # age on it) — then the new one is read as that fact's answer.
            corrected = self._of_value_said(after["old"], after["new"], known, today)
            if corrected is not None:
                return corrected
        said = _NEW_VALUE.search(text)
        if said is None:
            return self._of_fact_named(text, known, today)
        return self._of_known_fact(said["new"], known, today, text[: said.start("new")] + text[said.end("new") :])

    def _of_fact_named(self, text: str, known: dict[str, Any], today: date) -> Description | None:
        """年龄也不对 35了: no 是 marks the new value, so a phrase of its own is read as the answer of a
        fact only where the other words name that fact (年龄, two characters of its label, or its unit)."""
        phrases = _PHRASE.findall(text)
        for index, phrase in enumerate(phrases):
            around = "".join(phrases[:index] + phrases[index + 1 :])
            named = {fact: value for fact, value in known.items() if fact in self.facts and self.names(fact, around)}
            corrected = self._of_known_fact(phrase, named, today) if named else None
            if corrected is not None:
                return corrected
        return None

    def _in_place_of(self, old: str, new: str, today: date) -> Description | None:
        before = self.describer.describe(old, today).facts
        if not before:
            return None
        for cut in range(len(old) - 1, 0, -1):
            described = self.describer.describe(new + old[cut:], today)
            if described.facts and set(described.facts) <= set(before):
                return described
        return None

    def _of_value_said(self, old: str, new: str, known: dict[str, Any], today: date) -> Description | None:
        """不是明年 是今年夏天: the old value names the fact whose value it reads as (the same year for a
        date said by its year alone); the new one is read as that fact's answer."""
        named = {fact: value for fact, value in known.items() if self._reads_as(fact, old, value, today)}
        return self._of_known_fact(new, named, today) if len(named) == 1 else None

    def _reads_as(self, fact: str, said: str, value: Any, today: date) -> bool:
        if fact not in self.facts or self.facts[fact].type not in _VALUED:
            return False
        understood = self.reader.read(
            question_for((fact,), self.facts), self._in_year_of(fact, said, value, today), today
        )
        if understood is None or understood.raw is None:
            return False
        if self.facts[fact].type == "date":
            return str(understood.raw)[:4] == str(value)[:4]
        return bool(understood.raw == value)

    def _of_known_fact(self, value: str, known: dict[str, Any], today: date, around: str = "") -> Description | None:
        read: dict[str, Any] = {}
        notes: dict[str, str] = {}
        for fact, before in known.items():
            if fact not in self.facts or self.facts[fact].type not in _VALUED:
                continue
            said = self._in_year_of(fact, value, before, today)
            understood = self.reader.read(question_for((fact,), self.facts), said, today)
            if understood is None or understood.raw is None or understood.raw == before:
                continue
            read[fact] = understood.raw
            if understood.note:
                notes[fact] = understood.note
        if len(read) > 1:
            # 岁数打错了 是58: 58 reads as an age and as months out of work — the words around the value
            # name which (岁 is age's unit; 失业 is in 连续失业时长).
            named = {fact for fact in read if self.names(fact, around)}
            read = {fact: value for fact, value in read.items() if fact in named}
        if len(read) != 1:
            return None
        return Description(facts=read, notes={f: n for f, n in notes.items() if f in read})

    def _in_year_of(self, fact: str, said: str, known: Any, today: date) -> str:
        """A month said alone for a date fact (7月毕业的) read in the year of the date it corrects."""
        if self.facts[fact].type != "date" or not isinstance(known, str) or parse_day(said, today) is not None:
            return said
        month = _BARE_MONTH.search(said)
        return f"{said[: month.start()]}{known[:4]}年{said[month.start() :]}" if month is not None else said

    def whose_named(
        self, text: str, moved: re.Match[str], contrast: bool, told: dict[str, Any], today: date
    ) -> set[str]:
        """The facts among `told` that a correction of whose they were names (`moved`: where it says so).
        A contrast names them before it (低保户不是我 是我婆娘; 退役军人是我老公，不是我本人: a bare status names
        the fact it is a value of); 那是我哥们的户口 names the fact after whose it is — only that one moves."""
        if contrast:
            before = text[: moved.start()]
            return (set(self.describer.describe(before, today).facts) & set(told)) or self.named_facts(before, told)
        after = _FIRST_WORDS.match(text, moved.end())
        return self.named_facts(after.group() if after else "", told)

    def named_facts(self, words: str, among: Iterable[str]) -> set[str]:
        """The facts among `among` that `words` name — by their label (退役军人 → 退役军人身份) or by a
        value's label (退役士兵, 低保家庭) — when the words state no value of their own."""
        found: set[str] = set()
        for fact in among:
            if fact not in self.facts:
                continue
            spec = self.facts[fact]
            values = [_BRACKETED.sub("", option.label) for option in spec.options]
            if self.names(fact, words) or any(len(value) >= 2 and value in words for value in values):
                found.add(fact)
        return found

    def names(self, fact: str, words: str) -> bool:
        """`words` name the fact: its unit (岁, 个月) or two characters of its label (年龄, 失业)."""
        spec = self.facts[fact]
        if spec.unit and spec.unit in words:
            return True
        # 户口: another name the question gives the fact in brackets (您的户籍（户口）在哪里？).
        asides = [aside[1:-1] for aside in _BRACKETED.findall(spec.question or "")]
        if any(len(alias) == _ALIAS_CHARS and alias in words for alias in asides):
            return True
        return any(spec.label[i : i + 2] in words for i in range(len(spec.label) - 1))
