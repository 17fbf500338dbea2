"""What a policy turn worked out again and again is worked out once (issue 14's load target, session 28):
the same text is scanned for place names once however many times a turn asks (its mentions, its
resolution, its situation); the glossary's readings of a word are looked up, not found by a scan of
every entry; the pattern of a word as people shorten it is built once per word, not per measure it
is tried against. Each gives what the work done afresh gives."""

from __future__ import annotations

import re

import pytest

from knowledge import measure_answer, query
from knowledge.query import glossary_meanings, load_glossary
from knowledge.regions import Gazetteer, Place

COVERED = ["巴中市", "平顶山市", "吉林省", "资阳市", "商洛市"]

# Texts of my own (no golden set's): places alone, in a sentence, none, and a place said after a larger one.
TEXTS = [
    "我在通江县开了家小面馆，想问问有没有补贴",
    "宝丰县退伍的，回来想搞养殖",
    "新疆巴州库尔勒的，巴州这边有创业贷款吗",
    "听说资阳那边给一千，我们这边呢",
    "没说地方的问题",
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(COVERED)


class CountingScans(Gazetteer):
    scans = 0

    def _scan_text(self, text: str) -> tuple[tuple[int, str, list[Place]], ...]:
        self.scans += 1
        return super()._scan_text(text)


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_is_scanned_for_places_once(gazetteer: Gazetteer, text: str) -> None:
    counting = CountingScans(COVERED)
    assert counting.mentions(text) == gazetteer.mentions(text)
    assert counting.resolve(text) == gazetteer.resolve(text)
    assert counting.mentions(text) == gazetteer.mentions(text)
    assert counting.scans == 1


def test_a_scan_kept_is_not_changed_by_its_reader(gazetteer: Gazetteer) -> None:
    text = TEXTS[0]
    first = gazetteer._scan_at(text)
    first.clear()
    assert gazetteer._scan_at(text)


def _meanings_by_scan(word: str) -> list[str]:
    return [w for entry in load_glossary().entries if word in entry.say for w in entry.means]


def test_glossary_readings_are_those_a_scan_of_every_entry_finds() -> None:
    words = {said for entry in load_glossary().entries for said in entry.say} | {"小卖部老板", "", "补贴"}
    for word in sorted(words):
        assert glossary_meanings(word) == _meanings_by_scan(word), word


def test_glossary_readings_are_looked_up_not_scanned() -> None:
    glossary = load_glossary()
    index = query._meanings_by_word(glossary)
    assert query._meanings_by_word(glossary) is index
    readings = glossary_meanings("大学生")
    readings.append("not kept")
    assert "not kept" not in glossary_meanings("大学生")


def _shortened_by_scan(word: str, text: str) -> bool:
    if word in text:
        return True
    gaps = "".join(f"{re.escape(ch)}[^，,。；;]{{0,3}}?" for ch in word[:-1])
    return re.search(gaps + re.escape(word[-1]), text) is not None


@pytest.mark.parametrize(
    "word,text",
    [
        ("失业金", "失业保险金按月发放"),
        ("社保", "社会保险补贴"),
        ("社保", "社会，保险"),
        ("创业补贴", "一次性创业补贴5000元"),
        ("租房补贴", "房租减免"),
        ("a.b", "axxb"),
    ],
)
def test_a_shortened_word_is_found_as_before(word: str, text: str) -> None:
    assert measure_answer._shortened_in(word, text) == _shortened_by_scan(word, text)


def test_a_words_shortened_pattern_is_built_once() -> None:
    measure_answer._shortened.cache_clear()
    for text in ("社会保险补贴", "社会保障卡", "养老保险", "就业补贴"):
        measure_answer._shortened_in("社保补贴", text)
    info = measure_answer._shortened.cache_info()
    assert (info.misses, info.hits) == (1, 3)
