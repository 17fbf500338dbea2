"""A follow-up written in English that names only another covered place (what about Bazhong?, and in Ziyang):
read as 那巴中呢, so the thread's last question is asked there — as the same words in Chinese are. Without it the
message went to the documents as English, where a place alone is no policy word: "目前只能读懂中文…" although the
place was read, or the last answer's place again (and in Ziyang answered for 吉林省).

The place is read by its toneless pinyin (knowledge's LatinReader over the covered place names, one to three
written words joined: ping ding shan); every other word must be one of the vocabulary's `latin_follow_up`
words. Anything else is left to the answerer's own reading of Latin script."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from itertools import pairwise

from knowledge.latin import LatinReader, is_latin_question

_WORDS = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_MOST_WORDS = 8


class LatinFollowUps:
    def __init__(self, places: Callable[[], Iterable[str]], follow_up_words: frozenset[str]) -> None:
        self._places = places
        self._follow_up = follow_up_words

    def warm(self) -> None:
        """Read the covered places' pinyin now (a server, at start)."""
        self._reader.warm()

    @cached_property
    def _names(self) -> frozenset[str]:
        return frozenset(self._places())

    @cached_property
    def _reader(self) -> LatinReader:
        return LatinReader((), sorted(self._names, key=lambda n: (-len(n), n)))

    def place_asked(self, text: str) -> str | None:
        """The covered place an English follow-up names (what about Bazhong? → 巴中), or None."""
        if not is_latin_question(text):
            return None
        words = [w.lower() for w in _WORDS.findall(text)]
        if not words or len(words) > _MOST_WORDS:
            return None
        found: list[str] = []
        at = 0
        while at < len(words):
            for size in (3, 2, 1):
                if at + size > len(words):
                    continue
                place = self._place("".join(words[at : at + size]))
                if place is not None:
                    found.append(place)
                    at += size
                    break
            else:
                if words[at] not in self._follow_up:
                    return None
                at += 1
        return found[0] if len(found) == 1 else None

    def _place(self, joined: str) -> str | None:
        read = self._reader.within(joined)
        return read if read in self._names else None


_FIGURE = re.compile(r"\d+(?:\s*[./:：]\s*\d+)?\s*%?")


def follow_up_in_chinese(text: str, asks: Mapping[str, str], filler: frozenset[str]) -> str | None:
    """what does the 2/3 mean → 2/3是什么意思, how long can I get it → 能领多久: an English question after an answer, by
    the first of its asking words (`asks`, longest first, whole words) — the figures it quotes kept before it. None:
    not in Latin script alone, a word of its own beside the asking words and `filler` (startup loan, how much: a
    question of its own, for the answerer's reading of English), or no asking word known."""
    if not asks or not is_latin_question(text):
        return None
    words = _WORDS.findall(text.replace("’", "'").lower())
    known = filler | {word for cue in asks for word in cue.split()}
    if not words or any(word not in known for word in words):
        return None
    lowered = " ".join(words)
    for cue in sorted(asks, key=lambda c: (-len(c), c)):
        if re.search(rf"(?<![a-z']){re.escape(cue)}(?![a-z'])", lowered):
            figures = "".join(f.replace(" ", "") for f in _FIGURE.findall(text))
            return f"{figures}{asks[cue]}"
    return None


def with_person_in_chinese(text: str, frames: Mapping[str, str]) -> str:
    """I'm in 珲春, 29, 退伍军人 → 我在 珲春, 29, 退伍军人: the speaker's frame said in English (`frames`, longest
    first, as whole words; ’ read as ') in a message with Chinese words — the rest is read as the speaker's, as
    the same words after 我在 are. A message in English only is left to the answerer."""
    if not frames or not _CHINESE.search(text):
        return text
    phrases = sorted(frames, key=lambda p: (-len(p), p))
    pattern = re.compile(
        r"(?<![A-Za-z'])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![A-Za-z'])\s*", re.IGNORECASE
    )
    return pattern.sub(lambda m: frames[m.group(0).strip().lower()], text.replace("’", "'")).strip()


def names_kin(text: str, kin: frozenset[str]) -> bool:
    """Hi, my son graduated in 2025…: a message in Latin script that writes of someone of the speaker's (my son, my
    wife's) — about them, as 我儿子 is. A message with Chinese words is read in its Chinese words."""
    if _CHINESE.search(text):
        return False
    words = [w.lower().removesuffix("'s") for w in _WORDS.findall(text.replace("’", "'"))]
    return any(word == "my" and after in kin for word, after in pairwise(words))
