"""Covered place names typed with a same-sounding character: 商落 for 商洛, 平定山 for 平顶山, 吧中 for 巴中.

On a phone's pinyin keyboard the wrong candidate is one tap away, and a question whose place is misspelt
would otherwise be answered for every region (or the wrong one). A run of characters is read as a covered
place when no place is named in the question, it sounds like the place's name (toneless pinyin: the typed
characters by their common reading, as the keyboard offers them — 延期不 is yan qi bu, never yan ji fu — the
name by any of its readings, 柞水 zuo shui, 珲春 hun chun), it keeps one of the name's characters (浑春, 夹县: a
keyboard slip changes one, not all), it is no word of the dictionary and no place name of its own (同江 is a
city, not a slip for 通江), and jieba does not join any of its characters to a character outside it (投资洋酒 is
投资 + 洋酒: left alone). Only names of places the documents cover are read this way, so a misspelt place
elsewhere stays unknown rather than becoming a covered one by accident.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache

from knowledge.query import is_dictionary_word, jieba_words

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_SHORTEST, _LONGEST = 2, 4


@lru_cache(maxsize=4096)
def _readings(char: str) -> tuple[str, ...]:
    """Every toneless reading of one character (长: zhang, chang; 柞: zha, zuo, ze)."""
    from pypinyin import Style, pinyin

    return tuple(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True)[0]))


def _sounds(chars: str) -> Iterable[tuple[str, ...]]:
    """Every way the characters can be read, one toneless reading per character."""
    return itertools.product(*map(_readings, chars))


class PlacesBySound:
    def __init__(self, names: Iterable[str], is_place: Callable[[str], bool] = lambda _: False) -> None:
        """`names`: the written forms of the covered places (巴中, 通江县, 通江 …); `is_place`: whether
        a run is a place name of its own (never read as a slip for another)."""
        self._names = tuple(n for n in dict.fromkeys(names) if _SHORTEST <= len(n) <= _LONGEST and _HAN.fullmatch(n))
        self._is_place = is_place

    def warm(self) -> None:
        """Make the index of the names' sounds now (a server, at start)."""
        _ = self._by_sound

    @cached_property
    def _by_sound(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        found: dict[tuple[str, ...], list[str]] = {}
        for name in self._names:
            for sound in _sounds(name):
                found.setdefault(sound, []).append(name)
        return {sound: tuple(dict.fromkeys(names)) for sound, names in found.items()}

    def _sounds_like(self, window: str, sound: tuple[str, ...]) -> str | None:
        """The covered name `window` is a slip for, or None. `sound`: the window's characters as the keyboard
        offers them, each by its first (common) reading — 延期不 is yan qi bu, never yan ji fu through rare
        readings of 期 and 不; the names keep every reading."""
        for name in self._by_sound.get(sound, ()):
            if name == window:
                return None  # (written right: no slip)
            if set(name) & set(window):
                return name
        return None

    def correct(self, text: str) -> str:
        """The text with the first run that sounds like a covered place replaced by that place's name
        (the longest such run first); the text itself when none does."""
        if not self._names:
            return text
        for run in _HAN.finditer(text):
            chars = run.group()
            if len(chars) < _SHORTEST:
                continue
            word_of: list[tuple[int, int]] | None = None  # cut only when a run sounds like a place
            typed = tuple(_readings(char)[0] for char in chars)  # (each character read once per run)
            for length in range(min(_LONGEST, len(chars)), _SHORTEST - 1, -1):
                for start in range(len(chars) - length + 1):
                    window = chars[start : start + length]
                    name = self._sounds_like(window, typed[start : start + length])
                    if name is None or is_dictionary_word(window) or self._is_place(window):
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
