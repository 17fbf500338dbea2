"""Words of the product's own vocabulary typed with a same-sounding character: 毕叶 for 毕业, 代款 for
贷款, 补帖 for 补贴 — on a phone's pinyin keyboard the wrong candidate is one tap away.

A pair of characters is read as a vocabulary word when jieba knows neither of its characters as part
of a word of two or more characters (不贴息 is 不 + 贴息: left alone; 交代款项 is 交代 + 款项), the pair
sounds like the word with its tones (any reading of each character: 帖 is tiē, tiě or tiè), and it
keeps one of the word's characters in its place. The vocabulary is the product's own — the
two-character dictionary words inside its topic terms and description phrases — so no list of
misspellings is kept, and the corrector grows with the vocabulary.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cached_property

from knowledge.query import is_dictionary_word, jieba_words

_HAN = re.compile(r"[\u4e00-\u9fff]")
WORD_CHARS = 2


class Speller:
    def __init__(self, terms: Iterable[str]) -> None:
        self._terms = tuple(dict.fromkeys(terms))

    @cached_property
    def _by_sound(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Each vocabulary word by its sound (tone-numbered pinyin of its usual reading)."""
        from pypinyin import Style, lazy_pinyin

        found: dict[tuple[str, ...], list[str]] = {}
        for term in self._terms:
            for at in range(len(term) - WORD_CHARS + 1):
                word = term[at : at + WORD_CHARS]
                if _HAN.fullmatch(word[0]) and _HAN.fullmatch(word[1]) and is_dictionary_word(word):
                    sound = tuple(lazy_pinyin(word, style=Style.TONE3))
                    if word not in found.setdefault(sound, []):
                        found[sound].append(word)
        return {sound: tuple(words) for sound, words in found.items()}

    def correct(self, text: str) -> str:
        """`text` with each misspelt vocabulary word written right (毕叶 → 毕业); the rest unchanged."""
        known = self._in_known_words(text)
        chars = list(text)
        at = 0
        while at < len(chars) - 1:
            pair = "".join(chars[at : at + WORD_CHARS])
            if not known[at] and not known[at + 1] and _HAN.fullmatch(pair[0]) and _HAN.fullmatch(pair[1]):
                word = self._word_sounding_like(pair)
                if word is not None:
                    chars[at : at + WORD_CHARS] = list(word)
                    at += WORD_CHARS
                    continue
            at += 1
        return "".join(chars)

    def _word_sounding_like(self, pair: str) -> str | None:
        """The one vocabulary word that sounds like `pair` and keeps one of its characters in place."""
        if is_dictionary_word(pair):
            return None
        from pypinyin import Style, pinyin

        readings = pinyin(pair, style=Style.TONE3, heteronym=True)
        matches = {
            word
            for sound in itertools.product(*readings)
            for word in self._by_sound.get(tuple(sound), ())
            if word != pair and (word[0] == pair[0] or word[1] == pair[1])
        }
        return matches.pop() if len(matches) == 1 else None

    @staticmethod
    def _in_known_words(text: str) -> list[bool]:
        """For each character: whether jieba reads it inside a dictionary word of two or more characters."""
        known: list[bool] = []
        for word in jieba_words(text):
            inside = len(word) >= WORD_CHARS and is_dictionary_word(word)
            known.extend([inside] * len(word))
        return known
