"""Questions written in Latin script (issue 10 §4): pinyin of our own vocabulary and a short list of
English policy terms are read back into Chinese; anything else gets a polite request for Chinese,
never an answer pieced together from fragments.

Pinyin is matched without tones or spaces (pingdingshan shiye buzhujin, ping ding shan) against the
transliteration of the words the product already knows — policy terms, glossary words, measure names
and place names — so the reader grows with the vocabulary and needs no list of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from knowledge.datafile import read_yaml
from knowledge.intent import figure_cue_words

LATIN_FILE = Path(__file__).resolve().parent / "data" / "latin.yaml"
_CJK = re.compile(r"[\u3400-\u9fff]")
_LETTERS = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
# Latin words inside a Chinese question, spaces between them kept (interest rate, jiuye jianxi).
_LATIN_RUN = re.compile(r"[A-Za-z]+(?:[- ]+[A-Za-z]+)*")
# A government site's address (www.pds.gov.cn, rsj.ziyang.gov.cn/xxgk): the label right before gov.cn names the
# site's place — in full pinyin, or by its syllables' initials, as Chinese government sites are named.
_GOV_SITE = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)*?([a-z]{2,})\.gov\.cn(?::\d+)?(?:/[\w./?=&%#-]*)?", re.IGNORECASE | re.ASCII
)
# The ending of a place's administrative name (平顶山市, 通江县): its site is named without it (pds, not pdss).
_ADMINISTRATIVE_END = re.compile(r"(?:自治州|自治县|地区|市|县|区|省|州|盟|旗)$")
MIN_COVERAGE = 0.6
_MIN_KEY_LETTERS = 4  # shorter pinyin keys (ji, ye) match inside anything


class _LatinData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    english: dict[str, str]
    english_function: dict[str, str]
    pinyin_function: tuple[str, ...]


def is_latin_question(text: str) -> bool:
    """Letters and no Chinese character at all."""
    return not _CJK.search(text) and bool(_LETTERS.search(text))


def has_letters(text: str) -> bool:
    """Whether the text writes a Latin letter: without one, `LatinReader.within` gives it back as it is."""
    return _LETTERS.search(text) is not None


@dataclass(frozen=True)
class Reading:
    chinese: str
    coverage: float
    terms: tuple[str, ...]


def _spaced(phrase: str) -> str:
    """A phrase as the tables write it: lower case, one space between words and before a number."""
    return " ".join(re.sub(r"(?<=[a-z])(?=\d)", " ", phrase.lower()).split())


class LatinReader:
    """Reads a Latin-script question into Chinese words from our vocabulary, or gives up."""

    def __init__(self, terms: Iterable[str], places: Iterable[str]) -> None:
        self._terms = tuple(dict.fromkeys(terms))
        self._places = tuple(dict.fromkeys(places))

    def warm(self) -> None:
        """Read the tables now (a server, at start): the pinyin of every vocabulary word and place."""
        _ = self._data, self._pinyin, self._short_pinyin, self._numbered_phrases, self._english_words, self._sites

    @cached_property
    def _data(self) -> _LatinData:
        return _LatinData.model_validate(read_yaml(LATIN_FILE.read_text(encoding="utf-8")))

    @cached_property
    def _vocabulary(self) -> frozenset[str]:
        """The policy words pinyin is read into: our vocabulary and the Chinese of the English terms
        (就业, 政策, 文件 — words our compounds hold but that no compound list has alone)."""
        return frozenset((*self._terms, *(word for word in self._data.english.values() if word)))

    @cached_property
    def _pinyin(self) -> dict[str, str]:
        """Toneless pinyin without spaces → the word (policy terms win over place names)."""
        from pypinyin import lazy_pinyin

        keys: dict[str, str] = {}
        # (the words asking a kind of figure, after the hand-listed function words: duoshao ge asks a count)
        for word in (*self._vocabulary, *self._data.pinyin_function, *figure_cue_words(), *self._places):
            if _CJK.search(word):
                key = "".join(lazy_pinyin(word))
                if len(key) >= _MIN_KEY_LETTERS and key.isalpha():
                    keys.setdefault(key.lower(), word)
        return keys

    @cached_property
    def _sites(self) -> dict[str, str]:
        """A government site's label → the place it names: the full pinyin of a place (covered places first, as
        `_pinyin`), or the initials of its syllables when no other place's name has the same (pds: 平顶山 alone;
        two-letter initials such as jl are shared by many places and read as none)."""
        from pypinyin import lazy_pinyin

        full: dict[str, str] = {}
        initials: dict[str, set[str]] = {}
        first: dict[str, str] = {}
        for place in self._places:
            name = _ADMINISTRATIVE_END.sub("", place) if len(place) > 2 else place
            syllables = [s.lower() for s in lazy_pinyin(name)] if _CJK.search(name) else []
            if len(syllables) < 2 or not all(s.isascii() and s.isalpha() for s in syllables):
                continue
            full.setdefault("".join(syllables), place)
            key = "".join(s[0] for s in syllables)
            initials.setdefault(key, set()).add(name)
            first.setdefault(key, place)
        unique = {key: first[key] for key, names in initials.items() if len(names) == 1}
        return {**unique, **full}

    @cached_property
    def _short_pinyin(self) -> dict[str, str]:
        """The function words whose pinyin is too short to be looked for inside other letters (de → 的): read only
        where the writer spelled one as a word of its own (zuidi gongzi de duoshao: 最低工资的多少, the figure asked
        as a share of a wage, not the wage's own)."""
        from pypinyin import lazy_pinyin

        keys: dict[str, str] = {}
        for word in self._data.pinyin_function:
            key = "".join(lazy_pinyin(word)).lower()
            if len(key) < _MIN_KEY_LETTERS and key.isalpha():
                keys.setdefault(key, word)
        return keys

    @cached_property
    def _numbered_phrases(self) -> re.Pattern[str]:
        """The English phrases holding a number (level 4): a run of Latin words stops at a digit, so
        these are put back in Chinese before the runs are read."""
        numbered = sorted((p for p in self._data.english if re.search(r"\d", p)), key=lambda p: (-len(p), p))
        alternatives = "|".join(r"\s*".join(map(re.escape, p.split())) for p in numbered) or "(?!)"
        return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", re.IGNORECASE)

    def read(self, text: str) -> Reading | None:
        """The question in Chinese, or None when too little of it is understood."""
        pieces, understood, total = self._pieces(text)
        if not total or not any(is_term for _, _, is_term in pieces):
            return None
        coverage = understood / total
        if coverage < MIN_COVERAGE:
            return None
        ordered = [chinese for _, chinese, _ in sorted(pieces, key=lambda p: p[0]) if chinese]
        return Reading("".join(ordered), round(coverage, 3), tuple(c for _, c, t in sorted(pieces) if t and c))

    def within(self, text: str) -> str:
        """A Chinese question with Latin words in it (平顶山 jianxi见习补贴 是最低工资的几个percent): each run
        of Latin words read wholly as our vocabulary or the English tables is put back in Chinese, in
        place; a run read only in part (a brand, a name, QQ) stays as written."""
        if not _LETTERS.search(text):
            return text
        text = _GOV_SITE.sub(lambda m: self._sites.get(m.group(1).lower(), m.group()), text)
        text = self._numbered_phrases.sub(lambda m: self._data.english[_spaced(m.group())], text)

        def chinese(run: re.Match[str]) -> str:
            pieces, understood, total = self._pieces(run.group())
            said = "".join(c for _, c, _ in sorted(pieces, key=lambda p: p[0]))
            return said if total and understood == total and said else run.group()

        return _LATIN_RUN.sub(chinese, text)

    def _pieces(self, text: str) -> tuple[list[tuple[int, str, bool]], int, int]:
        """The words read (position, Chinese, whether a policy term), the letters read and all letters."""
        # digits stay for the phrases that hold one (level 4 → 四级); a number outside them is not read
        # a hyphen joins words as a space does (poor-household, co-op): the tables are matched on words
        words = re.sub(r"[^a-z0-9\- ]+", " ", text.lower()).replace("-", " ").split()
        lowered = " " + " ".join(map(self._base_form, words)) + " "
        pieces: list[tuple[int, str, bool]] = []  # (position, chinese, is a term)
        understood = 0
        for table, is_term in ((self._data.english, True), (self._data.english_function, False)):
            for phrase in sorted(table, key=lambda p: (-len(p), p)):
                pattern = f" {phrase.replace('-', ' ')} "
                while pattern in lowered:
                    at = lowered.index(pattern)
                    pieces.append((at, table[phrase], is_term))
                    understood += len(phrase.replace(" ", "").replace("-", ""))
                    lowered = lowered[:at] + " " + "#" * len(phrase) + " " + lowered[at + len(pattern) :]
        letters = [(m.start(), m.group(0)) for m in _WORD.finditer(lowered)]
        total = understood + sum(len(w.replace("-", "")) for _, w in letters)
        joined = "".join(w.replace("-", "") for _, w in letters)
        starts: list[int] = []
        for at, word in letters:
            starts.extend([at] * len(word.replace("-", "")))
        for begin, key in self._segment(joined, {at for at, _ in _word_starts(letters)}):
            word = self._pinyin.get(key) or self._short_pinyin[key]
            pieces.append((starts[begin], word, word in self._vocabulary))
            understood += len(key)
        return pieces, understood, total

    @cached_property
    def _english_words(self) -> frozenset[str]:
        """Every word of the English tables (startup, subsidy, how, …)."""
        phrases = (*self._data.english, *self._data.english_function)
        return frozenset(word for phrase in phrases for word in phrase.split())

    def _base_form(self, word: str) -> str:
        """An English word as the tables write it: workers → worker, subsidies → subsidy, upgrading →
        upgrade, certified → certify is not tried — only the plain endings -s, -es, -ies, -ing, -ed.
        Words the tables hold, and words no ending turns into one of them, stay as written (pinyin
        is read from the letters that are left)."""
        known = self._english_words
        if word in self._data.english or word in self._data.english_function or len(word) <= 3:
            return word
        candidates = []
        if word.endswith("ies"):
            candidates.append(word[:-3] + "y")
        if word.endswith("es"):
            candidates.append(word[:-2])
        if word.endswith("s") and not word.endswith("ss"):
            candidates.append(word[:-1])
        if word.endswith("ing"):
            candidates += [word[:-3], word[:-3] + "e"]
        if word.endswith("ed"):
            candidates += [word[:-2], word[:-1]]
        # (a stem of three letters or more: ding is not d + ing, nor a contraction's remnant)
        return next((c for c in candidates if len(c) >= 3 and c in known), word)

    def _segment(self, joined: str, boundaries: set[int]) -> list[tuple[int, str]]:
        """The reading that covers most letters with known words, preferring words that start and end
        where the writer put a space, then fewer words (dynamic programming, deterministic)."""
        Score = tuple[int, int, int]  # (letters covered, aligned ends, -words)
        best: list[tuple[Score, list[tuple[int, str]]]] = [((0, 0, 0), [])]
        for i in range(1, len(joined) + 1):
            score, path = best[i - 1]
            candidates = [(score, path)]
            for j in range(max(0, i - 30), i):
                key = joined[j:i]
                if key in self._pinyin if len(key) >= _MIN_KEY_LETTERS else self._is_short_word(key, j, i, boundaries):
                    (covered, aligned, words), before = best[j]
                    ends = (j in boundaries) + (i in boundaries)
                    candidates.append(((covered + len(key), aligned + ends, words - 1), [*before, (j, key)]))
            best.append(max(candidates, key=lambda c: c[0]))
        return best[-1][1]

    def _is_short_word(self, key: str, start: int, end: int, boundaries: set[int]) -> bool:
        """A short function word's pinyin written as a whole word (spaces on both sides)."""
        return key in self._short_pinyin and start in boundaries and end in boundaries


def _word_starts(letters: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Offsets into the joined letters where each written word starts (and where the last ends)."""
    out: list[tuple[int, str]] = []
    offset = 0
    for _, word in letters:
        out.append((offset, word))
        offset += len(word.replace("-", ""))
    out.append((offset, ""))
    return out
