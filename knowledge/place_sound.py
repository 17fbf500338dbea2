"""Covered place names typed with a same-sounding character: 商落 for 商洛, 平定山 for 平顶山, 资洋 for 资阳.

On a phone's pinyin keyboard the wrong candidate is one tap away, and a question whose place is
misspelt would otherwise be answered for every region (or the wrong one). A run of characters is read
as a covered place when no place is named in the question, it sounds like the place's name (toneless
pinyin: the keyboard is typed without tones), it keeps the name's first character, and jieba does not
join any of its characters to a character outside it (投资洋酒 is 投资 + 洋酒: left alone). Only names
of places the documents cover are read this way, so a misspelt place elsewhere stays unknown rather
than becoming a covered one by accident.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from knowledge.query import jieba_words

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_SHORTEST, _LONGEST = 2, 4


class PlacesBySound:
    def __init__(self, names: Iterable[str]) -> None:
        """`names`: the written forms of the covered places (巴中, 通江县, 通江 …)."""
        self._names = tuple(n for n in dict.fromkeys(names) if _SHORTEST <= len(n) <= _LONGEST and _HAN.fullmatch(n))

    @cached_property
    def _by_sound(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        from pypinyin import lazy_pinyin

        found: dict[tuple[str, ...], list[str]] = {}
        for name in self._names:
            found.setdefault(tuple(lazy_pinyin(name)), []).append(name)
        return {sound: tuple(names) for sound, names in found.items()}

    def correct(self, text: str) -> str:
        """The text with the first run that sounds like a covered place replaced by that place's name
        (the longest such run first); the text itself when none does."""
        if not self._names:
            return text
        from pypinyin import lazy_pinyin

        by_sound = self._by_sound
        for run in _HAN.finditer(text):
            chars = run.group()
            if len(chars) < _SHORTEST:
                continue
            sounds = lazy_pinyin(chars)  # one reading per character of a Han run
            if len(sounds) != len(chars):
                continue
            word_of: list[tuple[int, int]] | None = None  # cut only when a run sounds like a place
            for length in range(min(_LONGEST, len(chars)), _SHORTEST - 1, -1):
                for start in range(len(chars) - length + 1):
                    window = chars[start : start + length]
                    names = by_sound.get(tuple(sounds[start : start + length]), ())
                    name = next((n for n in names if n != window and n[0] == window[0]), None)
                    if name is None or names.count(window):
                        continue
                    word_of = word_of or _word_spans(chars)
                    if not _stands_alone(word_of, start, start + length):
                        continue
                    at = run.start() + start
                    return text[:at] + name + text[at + length :]
        return text


def _word_spans(chars: str) -> list[tuple[int, int]]:
    """For each character, the span of the jieba word holding it."""
    spans: list[tuple[int, int]] = []
    at = 0
    for word in jieba_words(chars):
        spans.extend([(at, at + len(word))] * len(word))
        at += len(word)
    return spans


def _stands_alone(word_of: list[tuple[int, int]], start: int, end: int) -> bool:
    """No character of [start, end) belongs to a word reaching outside it."""
    return all(start <= word_of[i][0] and word_of[i][1] <= end for i in range(start, end))
