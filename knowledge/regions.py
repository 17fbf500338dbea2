"""Resolve place names in free text to the jurisdictions our documents cover.

Uses the administrative-division table shipped by the `cpca` package (province, city and county
names with their codes), so 延吉 → 延吉市 (222401) → 吉林省 without a hand-kept list. Only the
data file is read: cpca's own import needs pkg_resources, which modern setuptools dropped.
On top of it, the names people give places that the table does not hold (towns, scenic areas,
universities, city nicknames, development zones, big employers: 鹰城, 光雾山, 北华大学, 汽开区) are
read from one data file (knowledge/data/places.yaml, or the file a deployment names), each mapped to
the table's place it lies in; and a covered place typed with a same-sounding character (吧中, 浑春)
is read as that place (place_sound.py).
"""

from __future__ import annotations

import csv
import logging
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import jieba
import yaml

from knowledge import jieba_dictionary
from knowledge.cache import fingerprint
from knowledge.datafile import read_yaml
from knowledge.errors import SourceError

if TYPE_CHECKING:
    from knowledge.place_sound import PlacesBySound

jieba.setLogLevel(logging.WARNING)

_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "省", "市", "县", "区", "盟", "旗")
_PROVINCE_SUFFIX = re.compile(r"(壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$")
# Short names that are ordinary words far more often than places.
# jieba's dictionary tells which of them are everyday words (资源, 合作, 延长, 小店 …); these are the
# ones it tags as place names although people mostly mean the word.
_AMBIGUOUS_SHORT = frozenset(
    {
        "新建",
        "城关",
        "新华",
        "和平",
        "平安",
        "长安",
        "新城",
        "城中",
        "市中",
        "工农",
        "向阳",
        "红旗",
        "东风",
        "前进",
        "振兴",
        "光明",
        "太平",
        "红星",
        "五一",
        "通道",
        "新兴",
        "中山",
        "永安",
        "安全",
        "白云",
        "大同",
    }
)
_COMMON_WORD_FREQ = 150
_PLACE_SHARE = 10
_EMBEDDED_PAIR_FREQ = 20
# Prepositions and verbs of place a place name follows (在内江, 到达州, 回安岳, 住在…).
_LOCATIVE = frozenset("在到回去住")
_CONJUNCTION = frozenset("和与跟同及")


@dataclass(frozen=True)
class Place:
    code: str
    name: str

    @property
    def level(self) -> int:
        """1 province, 2 prefecture-level city, 3 county/district."""
        if self.code[2:] == "0" * 10:
            return 1
        if self.code[4:] == "0" * 8:
            return 2
        return 3

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def city_code(self) -> str:
        return self.code[:4]


@dataclass(frozen=True)
class ResolvedRegion:
    """What a place name in the text means for us.

    `jurisdiction` is the covered jurisdiction (吉林省, 巴中市 …) or None; `candidates` lists covered
    jurisdictions inside a larger place that is not itself covered (四川省 → 巴中市, 资阳市).
    """

    query: str
    place: str | None
    jurisdiction: str | None
    covered: bool
    candidates: tuple[str, ...] = ()
    places: tuple[str, ...] = field(default=())
    # Covered jurisdictions that contain `jurisdiction` (吉林省 around 长春市): their documents apply too.
    enclosing: tuple[str, ...] = ()
    # The text puts the person in `place` but in none of its `candidates` (四川其他城市, 河南别的地方).
    outside_candidates: bool = False
    # The text puts the person in `place` and says they do not know which of its cities
    # (四川，具体哪个市不清楚): the province stays, the city stays open.
    city_unknown: bool = False
    # Places the text names as where the person is not (吉林省以外, 不在四川, 老家巴中、人在外地).
    excluded: tuple[str, ...] = ()
    # Covered jurisdictions a comparison names side by side (巴中和平顶山的见习补贴一样吗): each is asked.
    compared: tuple[str, ...] = ()
    # Covered places named only as whose document it is, set aside because the person is now in a place
    # no document covers (去了丹东…吉林给大学生的补贴我能拿不): the reply says whose document it was.
    issuers: tuple[str, ...] = ()

    @property
    def names_a_place(self) -> bool:
        return self.place is not None


def _adcodes_path() -> Path:
    try:
        files = metadata.files("cpca") or []
    except metadata.PackageNotFoundError as exc:
        raise SourceError("the cpca package (administrative divisions) is not installed") from exc
    for entry in files:
        if str(entry).endswith("resources/adcodes.csv"):
            return Path(str(entry.locate()))
    raise SourceError("cpca is installed but its adcodes.csv is missing")


def _nations() -> list[str]:
    path = _adcodes_path().with_name("56_nations.csv")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=1)
def load_places() -> tuple[Place, ...]:
    with _adcodes_path().open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(Place(code=row["adcode"], name=row["name"]) for row in rows)


def short_names(name: str, nations: Iterable[str], level: int = 3) -> list[str]:
    """Forms people write a place in: 延边朝鲜族自治州 → 延边, 巴中市 → 巴中, 吉林省 → 吉林."""
    stem = _stem(name, nations)
    # Provinces and prefecture-level cities are known by their short names (许昌, 延边); county
    # names are checked against everyday words (资源县, 小店区) — unless the dictionary writes the county's
    # full name often enough that the short one is mostly the place too (平遥县, 石首市).
    is_word = level == 3 and is_everyday_word(stem) and not _mostly_a_place(stem, name)
    if stem != name and len(stem) >= 2 and stem not in _AMBIGUOUS_SHORT and not is_word:
        return [name, stem]
    return [name]


def standalone_short_name(name: str, nations: Iterable[str], level: int) -> str | None:
    """The short name of a province or prefecture-level city that `short_names` withholds as an everyday
    word (大同市 → 大同, 中山市 → 中山): people name the city so far more often than they use the word,
    so it counts where it stands as a word of its own in the sentence (大同/失业/金), never inside
    another word (大同小异, 中山路)."""
    stem = _stem(name, nations)
    if level <= 2 and stem != name and len(stem) >= 2 and stem not in short_names(name, nations, level):
        return stem
    return None


def _stem(name: str, nations: Iterable[str]) -> str:
    stem = name
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
            stem = stem[: -len(suffix)]
            break
    changed = True
    while changed:
        changed = False
        for nation in nations:
            for form in (nation, nation.removesuffix("族")):
                if stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem = stem[: -len(form)]
                    changed = True
    return stem


def is_everyday_word(word: str) -> bool:
    """True for words like 资源 or 小店 that are also short county names but rarely meant so."""
    frequency = jieba.dt.FREQ.get(word, 0)
    return word not in _place_words() and frequency >= _COMMON_WORD_FREQ


def _mostly_a_place(stem: str, name: str) -> bool:
    """Whether a county's short name that jieba counts often (so `is_everyday_word`) is still mostly written
    for the county: the dictionary tags its full name a place word (ns) and counts it at least one time in
    `_PLACE_SHARE` as often as the short one (平遥 239 / 平遥县 27, 石首 / 石首市, 恩施 / 恩施市). An everyday
    word's county is written far more rarely (小店 212 / 小店区 3, 和平 7998 / 和平区 47, 资源 / no 资源县)."""
    return name in _place_words() and jieba.dt.FREQ.get(name, 0) * _PLACE_SHARE >= jieba.dt.FREQ.get(stem, 0)


_PLACE_ENTRY = re.compile(r"^(\S+) \d+ ns\r?$", re.MULTILINE)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Words jieba's dictionary tags `ns` (place name), read straight from its dictionary file:
    the same tags `jieba.posseg` would load, without building its whole part-of-speech table."""
    return jieba_dictionary.tagged_words(_PLACE_ENTRY)


# The names people give places that cpca's table does not hold (towns, scenic areas, universities,
# nicknames, zones, employers), each under the table's place it lies in; a deployment names its own.
PLACE_NAMES_FILE = Path(__file__).resolve().parent / "data" / "places.yaml"
PLACE_NAMES_VARIABLE = "POLICYBOT_PLACES_FILE"
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,}")


# Divisions made or renamed after cpca's table was drawn (平城区: 大同's 城区 and 矿区 since 2018), each
# with the table's place whose documents cover it; shipped with the code, not a deployment's choice.
DIVISIONS_SINCE_FILE = Path(__file__).resolve().parent / "data" / "divisions_since.csv"


@lru_cache(maxsize=1)
def load_divisions_since() -> tuple[tuple[str, str], ...]:
    """(name, code of the table's place it lies in) for each division newer than cpca's table."""
    lines = [line for line in DIVISIONS_SINCE_FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    codes = {place.code for place in load_places()}
    found = []
    for row in csv.DictReader(lines):
        if row["within"] not in codes:
            raise SourceError(f"divisions since the table: {row['name']!r} lies in no place of the table")
        found.append((row["name"], row["within"]))
    return tuple(found)


def place_names_file() -> Path:
    """The place-names file in use: the one POLICYBOT_PLACES_FILE names, else the shipped one."""
    configured = os.environ.get(PLACE_NAMES_VARIABLE, "").strip()
    return Path(configured) if configured else PLACE_NAMES_FILE


def _place_at(path: str, places: Iterable[Place]) -> Place:
    """The table's place written as its path of names (吉林省/延边朝鲜族自治州/安图县)."""
    found: Place | None = None
    for part in path.split("/"):
        level = 1 if found is None else found.level + 1
        inside = [p for p in places if p.name == part and p.level == level and (found is None or _is_inside(p, found))]
        if len(inside) != 1:
            raise SourceError(f"place names: {path!r} is not a path of cpca's table ({part!r})")
        found = inside[0]
    if found is None:
        raise SourceError("place names: an empty place path")
    return found


def load_place_names(path: Path | None = None) -> dict[str, str]:
    """name → the code of the table's place it lies in (鹰城 → 平顶山市's, 光雾山 → 南江县's)."""
    path = path or place_names_file()
    try:
        data = read_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SourceError(f"place names: cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise SourceError(f"place names: {path} is not a mapping of place paths")
    places = load_places()
    names: dict[str, str] = {}
    for where, kinds in data.items():
        place = _place_at(str(where), places)
        if not isinstance(kinds, dict):
            raise SourceError(f"place names: {where!r} holds no kinds of names")
        for kind, written in kinds.items():
            if not isinstance(written, list):
                raise SourceError(f"place names: {where!r} {kind!r} is not a list")
            for name in map(str, written):
                if not _HAN_NAME.fullmatch(name):
                    raise SourceError(f"place names: {name!r} is not a name in Chinese characters")
                if names.get(name, place.code) != place.code:
                    raise SourceError(f"place names: {name!r} is under two places")
                names[name] = place.code
    return names


@dataclass(frozen=True)
class PlaceIndex:
    """What the gazetteer derives from cpca's table, jieba's dictionary and the place-names file:
    each written form of a place (巴中市, 巴中, 光雾山) → place codes, the two-character place words
    (`ns`) that a match may start inside (示范县 is not 范县, but 吉林 is a word of its own), and which
    forms came from the place-names file (`named`)."""

    forms: dict[str, list[str]]
    place_pairs: frozenset[str]
    named: frozenset[str] = frozenset()
    # Forms that name a place only where they stand as a word of their own (`standalone_short_name`).
    standalone: frozenset[str] = frozenset()
    # Full names of divisions newer than the table (平城区), each a form of the place it lies in (大同市).
    renamed: frozenset[str] = frozenset()

    @classmethod
    def build(cls, names_file: Path | None = None) -> PlaceIndex:
        nations = _nations()
        forms: dict[str, list[str]] = {}
        standalone: set[str] = set()
        for place in load_places():
            for form in short_names(place.name, nations, place.level):
                forms.setdefault(form, []).append(place.code)
        for place in load_places():
            short = standalone_short_name(place.name, nations, place.level)
            if short is not None and short not in forms:
                forms[short] = [place.code]
                standalone.add(short)
        named = load_place_names(names_file)
        for name, code in named.items():
            if name in forms:
                # (a name the table knows keeps the table's meaning: 新华 stays every 新华区)
                raise SourceError(f"place names: {name!r} is already a place name in cpca's table")
            forms[name] = [code]
        # A county made a city after the table was drawn (监利县 → 监利市 in 2020, as many 撤县设市):
        # people and documents write it with 市; a name no other place (nor the place-names file) holds
        # is that county's.
        for place in load_places():
            stem = place.name.removesuffix("县")
            if place.level == 3 and stem != place.name and len(stem) >= 2 and not stem.endswith("自治"):
                forms.setdefault(f"{stem}市", [place.code])
        # A division newer than the table (平城区, 平城) names the table's place it lies in, unless the table,
        # the place-names file or a county made a city already gives that form a meaning (长乐 stays 长乐市).
        # Its short form counts where the dictionary knows it as a word (平城, 钱塘), not a fragment that runs
        # across words (和安 in 代偿和安家费); one lying in a province as a whole (新星市) goes by its full name.
        levels = {place.code: place.level for place in load_places()}
        renamed: set[str] = set()
        for name, code in load_divisions_since():
            for form in short_names(name, nations) if levels[code] > 1 else [name]:
                if form not in forms and (form == name or jieba.dt.FREQ.get(form, 0) > 0):
                    forms[form] = [code]
                    if form == name:
                        renamed.add(form)
        pairs = frozenset(word for word in _place_words() if len(word) == 2)
        return cls(forms, pairs, frozenset(named), frozenset(standalone), frozenset(renamed))

    def to_json(self) -> dict[str, object]:
        return {
            "forms": self.forms,
            "place_pairs": sorted(self.place_pairs),
            "named": sorted(self.named),
            "standalone": sorted(self.standalone),
            "renamed": sorted(self.renamed),
        }

    @classmethod
    def from_json(cls, data: object) -> PlaceIndex | None:
        if not isinstance(data, dict):
            return None
        forms, pairs, named = data.get("forms"), data.get("place_pairs"), data.get("named")
        standalone, renamed = data.get("standalone"), data.get("renamed")
        if not isinstance(forms, dict) or not isinstance(pairs, list) or not isinstance(named, list):
            return None
        if not isinstance(standalone, list) or not isinstance(renamed, list):
            return None
        return cls(forms, frozenset(pairs), frozenset(named), frozenset(standalone), frozenset(renamed))


def place_index_fingerprint() -> str:
    """cpca's table, the divisions newer than it, jieba's version, the place-names file and this module's
    source: what the place index derives from."""
    names = place_names_file()
    return fingerprint(
        _adcodes_path().read_bytes(),
        DIVISIONS_SINCE_FILE.read_bytes(),
        f"jieba {jieba.__version__}",
        str(names),
        names.read_bytes() if names.is_file() else b"",
        Path(__file__).read_bytes(),
    )


def _is_embedded(
    text: str, start: int, place_pairs: frozenset[str], end: int | None = None, covered: bool = False
) -> bool:
    """A match whose first character forms a word with the previous one is inside another word
    (示范县 is not 范县, 人民和 is not 民和) — unless that previous character already belongs to the
    word before it (落户长春: 户 is 落户's, so 户长 is no word there and 长春 is a place)."""
    if start == 0:
        return False
    pair = text[start - 1 : start + 1]
    if jieba.dt.FREQ.get(pair, 0) < _EMBEDDED_PAIR_FREQ or pair in place_pairs:
        return False
    before = text[start - 2 : start] if start >= 2 else ""
    after = text[end - 1 : end + 1] if end is not None and end < len(text) else ""
    taken_before = bool(before) and jieba.dt.FREQ.get(before, 0) >= _EMBEDDED_PAIR_FREQ
    if (text[start - 1] in _LOCATIVE or (covered and text[start - 1] in _CONJUNCTION)) and not taken_before:
        # (吉林和平顶山: 和 joins two places — 和平 is no word there when a covered place follows it)
        # 我在内江, 回到达州: 在/到 marks where, so the place follows it — 在内 and 到达 are no words there
        # (现在内江 still reads 现在 first: its 在 is taken by the word before).
        return False
    # 重建和政府: 建 is 重建's, but 政 is 政府's too — a word on both sides, no place between them.
    taken_after = bool(after) and jieba.dt.FREQ.get(after, 0) >= _EMBEDDED_PAIR_FREQ
    return not taken_before or taken_after


def _ends_inside_word(
    text: str, start: int, end: int, written_is_name: bool, covered: bool, place_pairs: frozenset[str] = frozenset()
) -> bool:
    """A short form of a name outside the covered places (金明 for 金明区), rare as a word, whose last
    character makes a common word with the next one is no place: 失业金明年就领完了 reads 明年, not
    金明. A full name (郏县, 金明区) stands as written, and so does a covered place (巴中学技术)."""
    if written_is_name or covered or end >= len(text) or end - start >= 4:
        # (a name of four characters or more is no fragment of a word: 博尔塔拉开了 is 博尔塔拉)
        return False
    # A name the dictionary knows as a word of its own (渭南, 广元) stands before any word it runs into
    # (渭南下岗, 广元首次); a rare one (金明) gives way to a common word (明年).
    if int(jieba.dt.FREQ.get(text[start:end], 0)) >= _EMBEDDED_PAIR_FREQ:
        return False
    # The word it runs into must be an everyday one: a place word (黄南开了 — 南开 is 天津's 南开区) is no
    # reason to give way, or the scan would find that other place instead.
    after = text[end - 1 : end + 1]
    return after not in place_pairs and int(jieba.dt.FREQ.get(after, 0)) >= _EMBEDDED_PAIR_FREQ


# How many texts a gazetteer keeps resolved: a turn's few, not every question ever asked.
_RESOLVED_KEPT = 16


class Gazetteer:
    """Finds place names in text and maps them onto covered jurisdictions."""

    def __init__(self, covered: Iterable[str], index: PlaceIndex | None = None) -> None:
        """`index`: the name forms and place-word pairs, derived once (`PlaceIndex.build`) and
        possibly loaded from beside the search index; built here when not given."""
        jieba_dictionary.initialize()  # `find` reads word frequencies
        index = index or PlaceIndex.build()
        by_code = {place.code: place for place in load_places()}
        self._by_name: dict[str, list[Place]] = {
            form: [by_code[code] for code in codes] for form, codes in index.forms.items()
        }
        self._place_pairs = index.place_pairs
        self._named = index.named
        self._standalone = index.standalone
        self._renamed = index.renamed
        self._max_len = max(len(k) for k in self._by_name)
        # Every beginning of a name: a scan stops lengthening at a position as soon as none goes on.
        self._prefixes = frozenset(name[:k] for name in self._by_name for k in range(1, len(name) + 1))
        self._covered: dict[str, Place] = {}
        for jurisdiction in covered:
            match = [p for p in self._by_name.get(jurisdiction, []) if p.name == jurisdiction]
            if not match:
                raise SourceError(f"covered jurisdiction {jurisdiction!r} is not a known place name")
            self._covered[jurisdiction] = min(match, key=lambda p: p.level)
        # Covered jurisdictions by the code a place is compared on at their level: a lookup per
        # place instead of a scan of every covered jurisdiction (every city's documents at scale).
        self._covered_by_key: dict[tuple[int, str], list[str]] = {}
        for name, covered_place in self._covered.items():
            key = _covering_key(covered_place.level, covered_place)
            if key is not None:
                self._covered_by_key.setdefault(key, []).append(name)
        # One turn resolves the same few texts several times over (the question, its situation, its
        # place): the last few are kept. The gazetteer never changes once made.
        self._resolved = lru_cache(maxsize=_RESOLVED_KEPT)(self._resolve)
        # …and scans the same texts for place names as often (a question's mentions, its resolution,
        # its situation: about eight scans of three texts a policy turn).
        self._scanned = lru_cache(maxsize=_RESOLVED_KEPT)(self._scan_text)

    def names(self) -> tuple[str, ...]:
        """Every written form of every place (巴中市, 巴中, 通江县, 通江 …)."""
        return tuple(self._by_name)

    def names_covered_first(self) -> tuple[str, ...]:
        """`names()`, the names of places inside a covered jurisdiction first: where two places are
        written alike in pinyin (ziyang: 资阳 and 紫阳), the one the documents cover is meant."""
        covered = [name for name, places in self._by_name.items() if any(map(self._is_covered, places))]
        seen = set(covered)
        return (*covered, *(name for name in self._by_name if name not in seen))

    def covered_names(self) -> tuple[str, ...]:
        """The written forms of the places inside a covered jurisdiction (巴中, 通江县, 通江 …): the
        table's names, not the place-names file's (光雾山, 鹰城)."""
        return tuple(
            name
            for name, places in self._by_name.items()
            if name not in self._named and any(map(self._is_covered, places))
        )

    def warm(self) -> None:
        """Make now the covered places by sound that a question's place slip is read against (a server,
        at start: never in a person's first turn)."""
        self._by_sound.warm()

    @cached_property
    def _by_sound(self) -> PlacesBySound:
        from knowledge.place_sound import PlacesBySound

        return PlacesBySound(self.covered_names(), is_place=self.is_place_name)

    def is_place_name(self, word: str) -> bool:
        return word in self._by_name

    @property
    def covered(self) -> list[str]:
        return list(self._covered)

    def find(self, text: str) -> list[Place]:
        """Place mentions, longest match first at each position, scanning left to right."""
        return _disambiguate([candidates for _, candidates in self._scan(text)], self._is_covered)

    def _situation_places(self, text: str) -> tuple[list[Place], list[Place], list[Place]]:
        """The places the question is about, and the places named as where the person is not.

        A place named only as where the person comes from (老家巴中，在广州打工) does not govern a
        question about somewhere else, unless the question is about going back there (回老家创业).
        A place said with a negation or as the outside of it (不在四川, 吉林省以外, 除巴中外, 老家资阳、
        人在外地) is not where the person is, whatever else the sentence says."""
        scanned = _within_the_place_before(self._scan_at(text), text)
        heard: list[tuple[int, str, list[Place]]] = []
        if _OWN_PLACE.search(text):
            # 听说资阳那边一个人给一千，我们这边给多少: a place only heard of is whose money it is; the
            # person asks about their own place, wherever else the message names it (老家大足).
            hearsay = [_is_hearsay(text, start) for start, _, _ in scanned]
            # (every place only heard of: the person's own place is asked, which the message does not
            # name — a conversation knows it, a single question asks for it)
            if any(hearsay):
                heard = [entry for entry, is_heard in zip(scanned, hearsay, strict=True) if is_heard]
                scanned = [entry for entry, is_heard in zip(scanned, hearsay, strict=True) if not is_heard]
        away = _away_runs(
            text, scanned, [_is_away(text, start, start + len(written), scanned) for start, written, _ in scanned]
        )
        excluded = [entry for entry, is_away in zip(scanned, away, strict=True) if is_away]
        scanned = [entry for entry, is_away in zip(scanned, away, strict=True) if not is_away]
        if len(scanned) > 1 and not _RETURN_CUES.search(text) and not heard:
            marked = _origin_runs(text, scanned)
            if not all(marked):
                scanned = [entry for entry, is_origin in zip(scanned, marked, strict=True) if not is_origin]
        if len(scanned) > 1:
            # A place said as what another used to belong to (简阳以前归资阳管), or only as part of a school's
            # or a firm's name (吉林大学珠海学院), yields to the places the person is in.
            ends = [0, *(start + len(written) for start, written, _ in scanned)]
            aside = [
                _is_former(text, start, after)
                or _names_an_institution(text, start + len(written))
                or _is_landmark(text, start + len(written))
                for (start, written, _), after in zip(scanned, ends, strict=False)
            ]
            if not all(aside):
                scanned = [entry for entry, is_aside in zip(scanned, aside, strict=True) if not is_aside]
        issuers: list[tuple[int, str, list[Place]]] = heard
        if len(scanned) > 1 and not _RETURN_CUES.search(text) and not heard:
            scanned, issuers = self._where_the_person_is(text, scanned)
        here = _disambiguate([candidates for _, _, candidates in scanned], self._is_covered)
        return (
            here,
            _disambiguate([candidates for _, _, candidates in excluded], self._is_covered),
            _disambiguate([candidates for _, _, candidates in issuers], self._is_covered),
        )

    def _where_the_person_is(
        self, text: str, scanned: list[tuple[int, str, list[Place]]]
    ) -> tuple[list[tuple[int, str, list[Place]]], list[tuple[int, str, list[Place]]]]:
        """A covered place named only as whose document or money it is (吉林给大学生的补贴, 资阳文件里说的),
        beside a place the person is now in that no document covers (去了丹东…开了个店, 我在简阳上班):
        the person's own place decides — the covered document does not reach them there."""
        issuer = [bool(_ISSUER_AFTER.match(text[start + len(written) :])) for start, written, _ in scanned]
        if not any(issuer) or all(issuer):
            return scanned, []
        placed = [
            entry
            for entry, is_issuer in zip(scanned, issuer, strict=True)
            if not is_issuer and _PRESENT_BEFORE.search(_CLAUSE.split(text[: entry[0]])[-1][-4:])
        ]
        present = [entry for entry in placed if not any(self._is_covered(place) for place in entry[2])]
        if not present or len(present) < len(placed):
            # (none, or the person is also placed in a covered place: 打算回巴中开店 — asked there)
            return scanned, []
        return present, [entry for entry, is_issuer in zip(scanned, issuer, strict=True) if is_issuer]

    def mentions(self, text: str) -> list[str]:
        """The place names as written in the text (平顶山, 长春): removed before a question is
        segmented, so no fragment of a place (平顶) is ever taken as a word of the question."""
        return [written for written, _ in self._scan(text)]

    def _scan(self, text: str) -> list[tuple[str, list[Place]]]:
        return [(written, candidates) for _, written, candidates in self._scan_at(text)]

    def _scan_at(self, text: str) -> list[tuple[int, str, list[Place]]]:
        """Place mentions with where each starts in the text."""
        return list(self._scanned(text))

    def _scan_text(self, text: str) -> tuple[tuple[int, str, list[Place]], ...]:
        found: list[tuple[int, str, list[Place]]] = []
        words: set[tuple[int, int]] | None = None  # the sentence's word spans, cut once if needed
        i = 0
        while i < len(text):
            longest = 0
            while longest < min(self._max_len, len(text) - i) and text[i : i + longest + 1] in self._prefixes:
                longest += 1
            for length in range(longest, 1, -1):
                candidates = self._by_name.get(text[i : i + length])
                if candidates and text[i : i + length] in self._standalone:
                    if words is None:
                        words = {(start, end) for _, start, end in jieba.tokenize(text)}
                    if (i, i + length) not in words or _inside_a_longer_word(text, i, i + length):
                        continue
                if candidates and _ends_inside_word(
                    text,
                    i,
                    i + length,
                    text[i : i + length] in self._named
                    or text[i : i + length] in self._renamed
                    or any(place.name == text[i : i + length] for place in candidates),
                    any(map(self._is_covered, candidates)),
                    self._place_pairs,
                ):
                    continue
                covered = any(map(self._is_covered, candidates)) if candidates else False
                if candidates and not _is_embedded(text, i, self._place_pairs, i + length, covered):
                    found.append((i, text[i : i + length], candidates))
                    i += length
                    break
            else:
                i += 1
        return tuple(_without_bare_words(found))

    def _is_covered(self, place: Place) -> bool:
        return self.jurisdiction_of(place) is not None

    def jurisdiction_of(self, place: Place) -> str | None:
        """The most specific covered jurisdiction that contains the place (长春市 before 吉林省)."""
        containing = self.covering(place)
        return containing[0] if containing else None

    def _compared(self, text: str, places: list[Place]) -> tuple[str, ...]:
        """Two covered jurisdictions or more named in a comparison (资阳这边中级证给多少？两边一样吗 with
        吉林 named before), else ()."""
        if len(places) < 2 or not (_COMPARES.search(text) or _joined(text, places)):
            return ()
        found = _nearest_jurisdictions(self, places)
        return found if len(found) >= 2 else ()

    def covering(self, place: Place) -> tuple[str, ...]:
        """Every covered jurisdiction that contains the place, the most specific first: a county's
        or a city's documents apply there, and so do its province's."""
        found: list[str] = []
        for level in (3, 2, 1):
            key = _covering_key(level, place)
            if key is not None:
                found += self._covered_by_key.get(key, [])
        return tuple(found)

    def candidates_in(self, place: Place) -> tuple[str, ...]:
        if place.level != 1:
            return ()
        return tuple(
            name
            for name, covered in self._covered.items()
            if covered.level == 2 and covered.province_code == place.province_code
        )

    def resolve(self, text: str) -> ResolvedRegion:
        return self._resolved(text)

    def _named_whole(self, place: Place, named: list[Place]) -> str:
        """An uncovered district's name with its city's when a covered city has a district of the same name and the
        text named the city (沈阳铁西区 → 沈阳市铁西区): the name alone (铁西区) would be read again as the covered one
        (四平's) when the place is stored and resolved anew, and judge the person on another province's policies."""
        namesakes = self._by_name.get(place.name, [])
        if not any(other.code != place.code and self.covering(other) for other in namesakes):
            return place.name
        above = [
            p
            for p in named
            if (p.level == 2 and p.city_code == place.city_code)
            or (p.level == 1 and p.province_code == place.province_code)
        ]
        if not above:
            return place.name
        return f"{max(above, key=lambda p: p.level).name}{place.name}"

    def _resolve(self, text: str) -> ResolvedRegion:
        if not self._scan_at(text):
            # 吧中市大学生创业贷款: a covered place typed with a same-sounding character.
            heard = self._by_sound.correct(text)
            if heard != text:
                return replace(self._resolve(heard), query=text)
        places, away, issuers = self._situation_places(text)
        excluded = tuple(p.name for p in away)
        named_as_issuer = tuple(dict.fromkeys(j for p in issuers if (j := self.jurisdiction_of(p))))
        if not places:
            return ResolvedRegion(query=text, place=None, jurisdiction=None, covered=False, excluded=excluded)
        names = tuple(p.name for p in places)
        compared = self._compared(text, places)
        if compared:
            first = next(p for p in places if self.covering(p)[:1] == compared[:1])
            return ResolvedRegion(
                query=text,
                place=first.name,
                jurisdiction=compared[0],
                covered=True,
                places=names,
                excluded=excluded,
                compared=compared,
            )
        for place in sorted(places, key=lambda p: -p.level):
            containing = self.covering(place)
            if containing:
                return ResolvedRegion(
                    query=text,
                    place=place.name,
                    jurisdiction=containing[0],
                    covered=True,
                    places=names,
                    enclosing=containing[1:],
                    excluded=excluded,
                )
        most_specific = max(places, key=lambda p: p.level)
        # Only a province named alone holds candidates: 四川省成都市 is 成都市, which holds neither
        # 巴中市 nor 资阳市.
        candidates = self.candidates_in(most_specific)
        # A covered city named as where the person is not (四川，不在巴中) leaves the others.
        ruled_out = {self.jurisdiction_of(p) for p in away}
        remaining = tuple(c for c in candidates if c not in ruled_out)
        rest = bool(candidates) and (
            not remaining
            or _names_the_rest(text, self.mentions(text))
            or (most_specific.level == 1 and bool(_PROVINCE_ITSELF.search(text)))
        )
        return ResolvedRegion(
            query=text,
            place=self._named_whole(most_specific, places),
            jurisdiction=None,
            covered=False,
            candidates=candidates if rest else remaining,
            places=names,
            outside_candidates=rest,
            city_unknown=bool(remaining) and not rest and _says_unknown_after(text, self.mentions(text)),
            excluded=excluded,
            issuers=named_as_issuer,
        )


def _inside_a_longer_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a longer word of jieba's dictionary (中山大学, 中山路, 大同小异, 世界大同):
    the sentence's cut alone can split such a word once other words are added to the dictionary (大学毕业)."""
    for before in range(max(0, start - 3), start + 1):
        for after in range(end, min(len(text), end + 3) + 1):
            if (before, after) != (start, end) and jieba.dt.FREQ.get(text[before:after], 0) > 0:
                return True
    return False


def _without_bare_words(found: list[tuple[int, str, list[Place]]]) -> list[tuple[int, str, list[Place]]]:
    """Drop a district whose full name is an everyday word several cities give a district (城区, 郊区,
    矿区: 平城区 holds 城区, 我在城区开店 names no city) unless the text names the city it lies in
    (阳泉城区): alone it tells no place, and a reply that no document covers "城区" helps nobody."""
    cities = {place.city_code for _, _, places in found for place in places if place.level <= 2}
    kept = []
    for mention in found:
        _, written, places = mention
        bare = len(places) > 1 and all(p.name == written for p in places) and is_everyday_word(written)
        if bare and not any(p.city_code in cities for p in places):
            continue
        kept.append(mention)
    return kept


def _within_the_place_before(
    scanned: list[tuple[int, str, list[Place]]], text: str
) -> list[tuple[int, str, list[Place]]]:
    """A place written right after a larger one is read inside it (新疆巴州 is 新疆's 巴州, never 巴中's
    巴州区; 四川巴州区 is): its readings outside that place are dropped, and a name with none inside
    it is no place of its own — the larger place stands. So is a name that goes on as a smaller
    place's (广东省吉林村: a village named 吉林, not 吉林省), and the same name said again later in the
    message (我是新疆巴州库尔勒的，巴州这边…: still 新疆's)."""
    out: list[tuple[int, str, list[Place]]] = []
    read_inside: dict[str, list[Place]] = {}
    for start, written, readings in scanned:
        candidates = readings
        before = out[-1] if out else None
        if written in read_inside:
            candidates = [c for c in readings if any(_is_inside(c, p) for p in read_inside[written])]
            if not candidates:
                continue
        elif before is not None and before[0] + len(before[1]) == start:
            lowest = min(c.level for c in readings)
            names_smaller = bool(_SMALLER_PLACE_AFTER.match(text[start + len(written) :]))
            parents = [p for p in before[2] if p.level < lowest or (names_smaller and p.level <= lowest)]
            if parents:
                candidates = [c for c in readings if any(_is_inside(c, p) for p in parents)]
                if candidates != readings:
                    read_inside[written] = parents
                if not candidates:
                    continue
        out.append((start, written, candidates))
    return out


# A name that goes on as a village's, a street's or a neighbourhood's (吉林村, 长春路, 巴中街道).
_SMALLER_PLACE_AFTER = re.compile(r"^(?:村|屯|镇|乡|街|路|大道|社区|小区|组)")


def _is_inside(place: Place, larger: Place) -> bool:
    if larger.level == 1:
        return place.province_code == larger.province_code
    if larger.level == 2:
        return place.city_code == larger.city_code
    return place.code.startswith(larger.code)


# A question comparing places (两地一样吗, 有什么区别, 哪边多, 巴中和平顶山…): each place named is asked.
# How a question asks about two places side by side: the comparison words (一样, 区别, 对比), "which of
# them" (哪边, 哪个文件/城市), the pair (两地, 两个地方), each of them (分别, 各是多少, 各自) and "X 跟 Y 比".
_COMPARES = re.compile(
    r"一样|相同|区别|不同|差别|差多少|比较|对比|相比|比起|两地|两边|分别|各自|哪边"
    r"|哪(?:个|一个|份|家)?(?:地方|文件|城市|市|省|边)"
    r"|两(?:个|份|家)(?:地方|文件|城市|市|省)"
    r"|各(?:是|有|给|为|写|多少|能|拿|补)"
    r"|[跟和与同][^，。；,;？?！!]{1,8}?比"
)


# Two places asked as a pair (平顶山跟资阳的…, 巴中和资阳…): one joined right after the other.
_PAIRED = "(?:市|省|县|区)?(?:的|这边|那边)?(?:跟|和|与|同|及|以及|还有|、)"


def _joined(text: str, places: list[Place]) -> bool:
    """Two of the places named side by side, joined by 跟/和/与/、 … (平顶山跟资阳的创业补贴): each is asked."""
    names = [p.name for p in places]
    return any(_pair_pattern(a, b).search(text) is not None for a in names for b in names if a != b)


@lru_cache(maxsize=1024)
def _pair_pattern(a: str, b: str) -> re.Pattern[str]:
    """Place `a` joined right before place `b` (`_joined`): built once per pair of places."""
    return re.compile(re.escape(_short(a)) + _PAIRED + re.escape(_short(b)))


def _short(name: str) -> str:
    """A place's name as people write it, without its level (平顶山 of 平顶山市)."""
    return name[:-1] if len(name) > 2 and name[-1] in "市省县区" else name


def _nearest_jurisdictions(gazetteer: Gazetteer, places: list[Place]) -> tuple[str, ...]:
    """The covered jurisdiction of each place, in the order named, each once."""
    found: list[str] = []
    for place in places:
        covering = gazetteer.covering(place)
        if covering and covering[0] not in found:
            found.append(covering[0])
    return tuple(found)


# After a province: the rest of it (四川其他城市, 河南省别的地方). 陕西除商洛以外 is the province with
# its covered city excluded (`_is_away`); 四川以外 is outside the province altogether.
_THE_REST = re.compile(r"^[省内的\s]{0,3}(?:其他|其它|其余|别的|另外)")
# Words of not knowing after a province (四川，具体哪个市不清楚): the city is unknown, the province said.
_UNKNOWN_CITY = re.compile(r"不清楚|不太清楚|不知道|不确定|说不准|说不好|不记得|记不清|不晓得|忘了")


def _says_unknown_after(text: str, mentions: list[str]) -> bool:
    if not mentions:
        return False
    last = text.rfind(mentions[-1]) + len(mentions[-1])
    return bool(_UNKNOWN_CITY.search(text[last:]))


# A place said as where the person is not: a negation right before it (不在四川, 不是平顶山的, 除了巴中,
# session 12: 不属资阳市, 不属于巴中 — a county now under another city),
# or the outside of it right after (吉林省以外, 之外, 资阳市外, 巴中外地). A negation about where one comes
# from (户口不在平顶山, 不是吉林人) says nothing of where one is.
_NOT_BEFORE = re.compile(r"(?:(?<!是)(?:不|没有?|并非|非)(?:是|住|待|呆|属)?(?:在|于)?|除了?)$")
_OUTSIDE_AFTER = re.compile(
    r"^(?:省|市|县|区)?(?:以外|之外|外地|外省|外市|外县|外(?=$|[，,。；;！!？?的\s]|工作|打工|上班|生活))"
)
_ORIGIN_SUBJECT = re.compile(r"户口|户籍|籍贯|老家|祖籍")
_ORIGIN_AFTER = re.compile(r"^(?:户口|户籍|籍|人(?!社|力|民|才))")
# The person placed somewhere else than a place named as where they come from (老家巴中，现在在外地).
_ELSEWHERE = re.compile(r"(?:在|去|到|跑)(?:了)?(?:外地|外省|省外|外市|异地)")
_CLAUSE = re.compile(r"[，,。；;！!？?、\s]")


def _is_away(text: str, start: int, end: int, scanned: list[tuple[int, str, list[Place]]]) -> bool:
    """Whether the mention at text[start:end] is named as where the person is not."""
    clause = _CLAUSE.split(text[:start])[-1]
    if _OUTSIDE_AFTER.match(text[end:]):
        return True
    if _NOT_BEFORE.search(clause[-4:]):
        return not (_ORIGIN_SUBJECT.search(clause) or _ORIGIN_AFTER.match(text[end:]))
    if _ELSEWHERE.search(text) and not _RETURN_CUES.search(text):
        return _is_origin(text, start) or bool(_ORIGIN_AFTER.match(text[end:]))
    return False


# Between two places, words that make the second one a part of the first (湖南益阳, 益阳那个资阳区).
_PART_OF = re.compile(r"(?:省|市|州|县|区)?(?:的|那个|那|这个)?")


def _away_runs(text: str, scanned: list[tuple[int, str, list[Place]]], away: list[bool]) -> list[bool]:
    """A place written on straight after one named as where the person is not is not where they are
    either: 不是湖南益阳那个资阳区 leaves out 益阳 and its 资阳区 as well as 湖南."""
    out = list(away)
    for i in range(1, len(scanned)):
        start, written, _ = scanned[i - 1]
        if out[i - 1] and not out[i] and _PART_OF.fullmatch(text[start + len(written) : scanned[i][0]]):
            out[i] = True
    return out


# Words for what a place used to belong to, just before it (以前归资阳管, 原属资阳, 过去是巴中的).
_FORMER_BEFORE = re.compile(r"(?:以前|之前|原来|原先|过去|曾经?|原)(?:归|属于?|隶属于?|是|在|划归|归属)?$")
# A place name going on as an institution's (吉林大学, 巴中职业技术学院, 资阳日报): where one studied or
# works, not the place asked about when another is named.
_INSTITUTION_AFTER = re.compile(
    r"^(?:省|市)?(?:大学|学院|师范|理工|医科|财经|职业技术|职业学院|技师学院|银行|日报|晚报|电视台|集团)"
)
# Words asking about a province's own level (河南省里统一的, 四川全省标准): a covered city of it does not answer.
_PROVINCE_ITSELF = re.compile(r"全省|省里|省级|省本级|省上|省政府|省人社厅|省一级|省统一")


# A place named as a landmark of another (商洛隔壁的渭南, 渭南，挨着商洛): the other one is where the person is.
_LANDMARK_AFTER = re.compile(r"^(?:省|市|县|区)?(?:的)?(?:隔壁|旁边|附近|周边|边上|周围|邻近|相邻|毗邻|交界)")
# A place only heard of (听说资阳那边…, 据说吉林…), and the person's own place asked about (我们这边).
_HEARSAY_BEFORE = re.compile(r"(?:听说|听人说|听别人说|听朋友说|据说|人家说|别人说|网上说)[^，,。；;！!？?]{0,4}$")
_OWN_PLACE = re.compile(
    r"(?:我们|俺们|咱们|我|俺|咱)[^，,。；;！!？?]{0,6}?(?:这边|这里|这儿|这块|当地|本地|那边|那里|那儿)"
)


def _is_landmark(text: str, end: int) -> bool:
    return bool(_LANDMARK_AFTER.match(text[end:]))


def _is_hearsay(text: str, start: int) -> bool:
    return bool(_HEARSAY_BEFORE.search(_CLAUSE.split(text[:start])[-1]))


# A place named as where the person now is (我在简阳上班, 去了丹东, 搬到了外省的…) …
_PRESENT_BEFORE = re.compile(r"(?:在|到|回|去了?|来了?|搬到了?|嫁到了?|住在|定居在?|落户在?)$")
# … and one named as whose document or money it is (资阳文件里说的, 吉林给大学生的, 巴中政策规定).
_ISSUER_AFTER = re.compile(r"^(?:省|市)?的?(?:文件|政策|红头文件|给|发的|出台|规定)")


def asks_the_province_itself(text: str) -> bool:
    """Words asking about a province's own level (省里统一的, 全省标准), not its cities."""
    return bool(_PROVINCE_ITSELF.search(text))


def _is_former(text: str, start: int, after: int = 0) -> bool:
    """以前归资阳管, 原属资阳: the words before the place (after the place named before it, `after`: 原 ending
    松原 in 松原乾安县 is part of a name, not "formerly") say what it used to belong to."""
    return bool(_FORMER_BEFORE.search(_CLAUSE.split(text[after:start])[-1][-5:]))


def _names_an_institution(text: str, end: int) -> bool:
    return bool(_INSTITUTION_AFTER.match(text[end:]))


def _origin_runs(text: str, scanned: list[tuple[int, str, list[Place]]]) -> list[bool]:
    """Which mentions name where the person comes from: one right after a word for it, and the
    places written on straight after it (户籍四川省资阳市安岳县: the whole address is the origin)."""
    marked: list[bool] = []
    end = -1
    for start, written, _ in scanned:
        marked.append(_is_origin(text, start) or (bool(marked) and marked[-1] and start == end))
        end = start + len(written)
    return marked


def _is_origin(text: str, start: int) -> bool:
    """Whether a word for where one comes from stands just before the mention (老家巴中, 户口在资阳)."""
    before = text[max(0, start - 4) : start]
    return any(marker in before for marker in _ORIGIN_MARKERS)


def _names_the_rest(text: str, mentions: list[str]) -> bool:
    """Whether a place mention is followed by words for the rest of it (其他城市)."""
    start = 0
    for written in mentions:
        at = text.find(written, start)
        start = at + len(written)
        if _THE_REST.search(text[start:]):
            return True
    return False


# Where one comes from (老家巴中), or a place only heard of beside one's own (我是广元的，听说巴中有…，
# 我们广元有没有): neither governs a question that names another place.
_ORIGIN_MARKERS = ("老家", "家乡", "户口", "户籍", "原籍", "祖籍", "出生", "听说", "据说", "听人说", "看到", "网上说")
_RETURN_CUES = re.compile(r"返乡|回乡|回老家|回家|回到|回来|回去|返回")


def _covering_key(level: int, place: Place) -> tuple[int, str] | None:
    """The code a covered jurisdiction of `level` shares with every place it contains: its province
    (level 1), its city (level 2, for places of city level or below), itself (level 3)."""
    if level == 1:
        return (1, place.province_code)
    if level == 2:
        return (2, place.city_code) if place.level >= 2 else None
    return (3, place.code)


def _disambiguate(found: list[list[Place]], is_covered: Callable[[Place], bool]) -> list[Place]:
    """Pick one place per mention: one consistent with the other mentions (湖南资阳 → 资阳区), else
    the highest level (资阳 → 资阳市), and among equals one we cover (山阳 → 山阳县, 商洛)."""
    provinces = {p.province_code for group in found if len(group) == 1 for p in group}
    chosen: list[Place] = []
    for group in found:
        consistent = [p for p in group if p.province_code in provinces] or group
        chosen.append(min(consistent, key=lambda p: (p.level, not is_covered(p), p.code)))
    return chosen
