"""Words of the product's own vocabulary typed with a same-sounding character: 毕叶 for 毕业, 代款 for
贷款, 补帖 for 补贴 — on a phone's pinyin keyboard the wrong candidate is one tap away.

A pair of characters is read as a vocabulary word when jieba knows neither of its characters as part
of a word of two or more characters (不贴息 is 不 + 贴息: left alone; 交代款项 is 交代 + 款项), the pair
sounds like the word with its tones (any reading of each character: 帖 is tiē, tiě or tiè) — or, when
no word has its tones, like one word alone by its syllables (a pinyin keyboard takes no tones: 申情 is
申请) — and it keeps one of the word's characters in its place; never where the pair and the word are
each a verb and its object (找人 is a phrase of its own beside 招人). The vocabulary is the product's own — the
two-character dictionary words inside its topic terms and description phrases — so no list of
misspellings is kept, and the corrector grows with the vocabulary.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from operator import ne

from knowledge.query import is_dictionary_word, jieba_words, nouns, verbs

_HAN = re.compile(r"[\u4e00-\u9fff]")
# A pair holding a particle (招了, 雇了) is a phrase, not a term: 找了个工作 keeps 了 and sounds like 招了
# without tones, yet nobody misspells a phrase's verb — such pairs are never corrected towards. A measure word
# is one too (个, 些): 能拿些啥 sounds like 哪些 without tones, and is a verb taking "some".
_PARTICLES = frozenset("了的个些着过吗呢吧啊么得地")
WORD_CHARS = 2
# A numeral is part of a number, not a slip of the keyboard: 一年零几个月 keeps 零 (líng), though
# 年龄 sounds the same.
_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
# Pairs of characters whose sound-alike word is kept (a few hundred kilobytes at most).
_PAIRS_KEPT = 8192


class Speller:
    def __init__(
        self,
        terms: Iterable[str],
        toneless: bool = True,
        loose_terms: Iterable[str] | None = None,
        whole_terms: Iterable[str] = (),
    ) -> None:
        """`toneless`: also read a pair as the one word with its syllables when no word has its tones
        (申情 → 申请). The dialogue does, with its own vocabulary; the query analyzer does not — 找人
        is zhao ren like the hiring word 招人, and 补组金 zu jin like 租金. `loose_terms`: the words such a
        syllables-only reading may give (the policy's own terms: 见系 → 见习, 创也 → 创业); the rest of the
        vocabulary is only matched with its tones — 是去 in 是去人社局还是社区 is 是 + 去, never 失去, a word
        of how people describe themselves. All the terms when not given. `whole_terms`: policy terms of
        three characters or more also read whole when one character is typed with its sound (失业补注金),
        where the pair holding it is a word of its own; not the everyday phrases (往上申请 is no 网上申请)."""
        self._terms = tuple(dict.fromkeys(terms))
        self._whole = tuple(
            dict.fromkeys(w for w in whole_terms if len(w) > WORD_CHARS and all(map(_HAN.fullmatch, w)))
        )
        self._loose_terms = self._terms if loose_terms is None else tuple(dict.fromkeys(loose_terms))
        self._toneless = toneless
        # The word a pair of characters sounds like depends on the pair alone (the vocabulary is
        # fixed): worked out once per pair seen, not on every message that holds it.
        self._sounding_like = lru_cache(maxsize=_PAIRS_KEPT)(self._word_sounding_like)

    @cached_property
    def _by_sound(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Each vocabulary word by its sound (tone-numbered pinyin of its usual reading) — and by each character's own
        tone, where the word's reading changes it (不是 is bú shì, yet 不 typed alone, as 部 sounds, is bù: 都部是 is
        都不是, session 41; 补是 keeps its third tone and stays). The latter only for the dialogue's own vocabulary
        (`toneless`): the query analyzer keeps to the words' readings."""
        from pypinyin import Style, lazy_pinyin

        index = self._indexed(lambda word: tuple(lazy_pinyin(word, style=Style.TONE3)))
        if not self._toneless:
            return index
        cited = self._indexed(lambda word: tuple(lazy_pinyin(ch, style=Style.TONE3)[0] for ch in word))
        for sound, words in cited.items():
            index[sound] = tuple(dict.fromkeys((*index.get(sound, ()), *words)))
        return index

    @cached_property
    def _by_syllables(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Each vocabulary word by its syllables without tones: a pinyin keyboard takes no tones
        (shenqing offers 申请 and 申情 side by side)."""
        from pypinyin import Style, lazy_pinyin

        return self._indexed(lambda word: tuple(lazy_pinyin(word, style=Style.NORMAL)), self._loose_terms)

    def warm(self) -> None:
        """Make the sound indexes now (a server, before its first message): made on the first message
        with a pair jieba does not know, they import pypinyin and read every vocabulary word's sound —
        seconds of CPU that one early message paid for, with every other request waiting behind it."""
        _ = self._by_sound, self._by_opening, verbs(), nouns()
        if self._toneless:
            _ = self._by_syllables

    def _indexed(
        self, sound_of: Callable[[str], tuple[str, ...]], terms: tuple[str, ...] | None = None
    ) -> dict[tuple[str, ...], tuple[str, ...]]:
        found: dict[tuple[str, ...], list[str]] = {}
        for term in self._terms if terms is None else terms:
            for at in range(len(term) - WORD_CHARS + 1):
                word = term[at : at + WORD_CHARS]
                if (
                    _HAN.fullmatch(word[0])
                    and _HAN.fullmatch(word[1])
                    and not _PARTICLES.intersection(word)
                    and is_dictionary_word(word)
                ):
                    sound = sound_of(word)
                    if word not in found.setdefault(sound, []):
                        found[sound].append(word)
        return {sound: tuple(words) for sound, words in found.items()}

    def correct(self, text: str, keep: Iterable[str] = ()) -> str:
        """`text` with each misspelt vocabulary word written right (毕叶 → 毕业); the rest unchanged, and
        so is each of `keep` written in it: place names jieba does not know (康养之都 is never 康养猪都)."""
        kept = [False] * len(text)
        for written in keep:
            at = text.find(written) if written else -1  # (each place it is written, left to right, not overlapping)
            while at >= 0:
                kept[at : at + len(written)] = [True] * len(written)
                at = text.find(written, at + len(written))
        text = self._whole_terms(text, kept)
        known = [a or b for a, b in zip(self._in_known_words(text), kept, strict=True)]
        chars = list(text)
        at = 0
        while at < len(chars) - 1:
            pair = "".join(chars[at : at + WORD_CHARS])
            if not known[at] and not known[at + 1] and _HAN.fullmatch(pair[0]) and _HAN.fullmatch(pair[1]):
                word = self._sounding_like(pair)
                if word is not None:
                    chars[at : at + WORD_CHARS] = list(word)
                    at += WORD_CHARS
                    continue
            at += 1
        return "".join(chars)

    @cached_property
    def _by_opening(self) -> dict[tuple[int, str], tuple[str, ...]]:
        """Each vocabulary term of three characters or more by two of its first three characters — the
        first and second (0, 失业), the first and third (1, 失补), the second and third (2, 业补): a term
        typed with one character changed keeps one of these pairs in place."""
        found: dict[tuple[int, str], list[str]] = {}
        for term in self._whole:
            if not _NUMERALS.intersection(term) and not _PARTICLES.intersection(term):
                for key in _openings(term):
                    words = found.setdefault(key, [])
                    if term not in words:
                        words.append(term)
        return {key: tuple(words) for key, words in found.items()}

    def _whole_terms(self, text: str, kept: list[bool]) -> str:
        """`text` with each term of three characters or more typed with one same-sounding character (its
        tones too) written right: 失业补注金 is 失业补助金, though jieba reads 补注 as a word of its own and
        the pair is never corrected. Only there: the changed character must lie in a word of two or more
        characters inside the window (认定为就业 keeps 为, a word of its own, though 为 may be read wèi like
        未 of 未就业). A window that is a dictionary word is never changed; the longest term read wins,
        and only when it is the one term of its length so read."""
        index = self._by_opening
        words: list[tuple[int, int]] = []  # the jieba word (start, end) of each character, made on demand
        at = 0
        while at < len(text) - WORD_CHARS:
            a, b, c = text[at], text[at + 1], text[at + 2]
            found = (index.get((2, a + b)), index.get((1, a + c)), index.get((0, b + c)))
            if not any(found):
                at += 1
                continue
            candidates = dict.fromkeys(term for terms in found if terms for term in terms)
            read: dict[int, set[str]] = {}
            for term in candidates:
                length = len(term)
                window = text[at : at + length]
                # (the characters compared in C: most candidates differ in more than one)
                if len(window) < length or sum(map(ne, window, term)) != 1 or any(kept[at : at + length]):
                    continue
                slot = next(i for i in range(length) if window[i] != term[i])
                had = window[slot]
                if had in _PARTICLES or had in _NUMERALS or not _HAN.fullmatch(had):
                    continue
                if not _sounds_as(had, term, slot):
                    continue
                words = words or _word_spans(text)
                start, end = words[at + slot]
                if end - start >= WORD_CHARS and at <= start and end <= at + length:
                    read.setdefault(length, set()).add(term)
            longest = max(read, default=0)
            if longest and len(read[longest]) == 1 and not is_dictionary_word(text[at : at + longest]):
                text = text[:at] + read[longest].pop() + text[at + longest :]
                words = []
                at += longest
                continue
            at += 1
        return text

    def _word_sounding_like(self, pair: str) -> str | None:
        """The one vocabulary word that sounds like `pair` and keeps one of its characters in place."""
        if is_dictionary_word(pair):
            return None
        from pypinyin import Style, lazy_pinyin, pinyin

        # The word with the pair's tones (any reading of each character) first; else the one word
        # with the syllables of the pair's usual reading (申情 → 申请; 了家 is le jia, never 了解).
        toned: list[tuple[str, ...]] = list(itertools.product(*pinyin(pair, style=Style.TONE3, heteronym=True)))
        readings = [(toned, self._by_sound)]
        if self._toneless:
            readings.append(([tuple(lazy_pinyin(pair))], self._by_syllables))
        for sounds, index in readings:
            matches = {
                word
                for sound in sounds
                for word in index.get(tuple(sound), ())
                if word != pair
                and (word[0] == pair[0] or word[1] == pair[1])
                and not _changes_a_numeral(pair, word)
                and not (_is_verb_and_object(pair) and _is_verb_and_object(word))
            }
            if matches:
                return matches.pop() if len(matches) == 1 else None
        return None

    @staticmethod
    def _in_known_words(text: str) -> list[bool]:
        """For each character: whether jieba reads it inside a dictionary word of two or more characters."""
        known: list[bool] = []
        for word in jieba_words(text):
            inside = len(word) >= WORD_CHARS and is_dictionary_word(word)
            known.extend([inside] * len(word))
        return known


def _is_verb_and_object(pair: str) -> bool:
    """Whether a pair reads as a verb of its own and its object (找人, 招人, 要钱). Typed for a word of the
    same shape it is a phrase the person chose, not a slip: a keyboard offers 找人 and 招人 side by side for
    zhaoren, and 要找人担保 asks for a guarantor — hiring (招人) is another question."""
    return pair[0] in verbs() and pair[1] in nouns()


def _changes_a_numeral(pair: str, word: str) -> bool:
    """A numeral typed is part of a number, and one written where none was typed makes a number the person never
    said (实岁是45 is no 十岁: session 41) — neither is a slip of the keyboard."""
    return any(
        had != wanted and (had in _NUMERALS or wanted in _NUMERALS) for had, wanted in zip(pair, word, strict=True)
    )


@lru_cache(maxsize=4096)
def _sounds_as(written: str, term: str, at: int) -> bool:
    """Whether the character `written` has a reading (with its tone) of the term's character at `at`."""
    from pypinyin import Style, lazy_pinyin, pinyin

    wanted = lazy_pinyin(term, style=Style.TONE3)[at]
    return wanted in pinyin(written, style=Style.TONE3, heteronym=True)[0]


def _word_spans(text: str) -> list[tuple[int, int]]:
    """For each character: the (start, end) of the jieba word holding it."""
    spans: list[tuple[int, int]] = []
    at = 0
    for word in jieba_words(text):
        spans.extend([(at, at + len(word))] * len(word))
        at += len(word)
    return spans


def _openings(text: str) -> tuple[tuple[int, str], ...]:
    """Two of the first three characters, each pair keyed by the one left out (see `_by_opening`)."""
    return ((2, text[0] + text[1]), (1, text[0] + text[2]), (0, text[1] + text[2]))
