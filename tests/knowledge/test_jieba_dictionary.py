"""The prepared jieba dictionary (knowledge/jieba_dictionary.py): the same words, counts and cuts as
jieba's own loading, the same words by tag as a scan of the dictionary file, and a stale or broken
file is never used."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import jieba
import pytest

from knowledge import jieba_dictionary
from knowledge.jieba_dictionary import PREPARED_FILE, load_prepared, prepare, tagged_words, write_prepared
from knowledge.kb import KnowledgeBase
from knowledge.query import (
    _DOING_ENTRY,
    _FOLLOWER_ENTRY,
    _FUNCTION_ENTRY,
    _NOUN_ENTRY,
    _THING_ENTRY,
    _VERB_ENTRY,
    DATA_DIR,
    glossary_words,
    load_glossary,
)
from knowledge.regions import _PLACE_ENTRY
from knowledge.registry import Registry

REPO = Path(__file__).resolve().parents[2]


def _with_policy_words(tokenizer: jieba.Tokenizer) -> jieba.Tokenizer:
    """The words the tokenizer adds to jieba's dictionary (`query._jieba_ready`)."""
    tokenizer.load_userdict(str(DATA_DIR / "policy_terms.txt"))
    for term, freq in glossary_words(load_glossary()):
        tokenizer.add_word(term, freq=freq)
    return tokenizer


@pytest.fixture(scope="module")
def prepared_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with the prepared file written from jieba's own loading of its dictionary."""
    directory = tmp_path_factory.mktemp("prepared")
    own = jieba.Tokenizer()
    own.initialize()
    write_prepared(own, directory / PREPARED_FILE)
    return directory


@pytest.fixture(scope="module")
def own_and_prepared(prepared_dir: Path) -> tuple[jieba.Tokenizer, jieba.Tokenizer]:
    """jieba's dictionary loaded jieba's way, and loaded from the prepared file."""
    own = jieba.Tokenizer()
    own.initialize()
    prepared = jieba.Tokenizer()
    assert load_prepared(prepared, prepared_dir / PREPARED_FILE)
    assert prepared.initialized
    assert prepared.FREQ == own.FREQ
    assert prepared.total == own.total
    return _with_policy_words(own), _with_policy_words(prepared)


def test_the_prepared_dictionary_cuts_every_clause_of_the_corpus_as_jieba_own(
    own_and_prepared: tuple[jieba.Tokenizer, jieba.Tokenizer], registry: Registry
) -> None:
    own, prepared = own_and_prepared
    texts = [text for clause in registry.clauses for text in (clause.heading, clause.body) if text]
    assert len(texts) > 100
    differing = [text for text in texts if prepared.lcut(text) != own.lcut(text)]
    assert differing == []
    searched = [text for text in texts if prepared.lcut_for_search(text) != own.lcut_for_search(text)]
    assert searched == []


def _scanned(entry: re.Pattern[str]) -> frozenset[str]:
    """The words as the dictionary file is scanned without a prepared file."""
    with jieba.dt.get_dict_file() as handle:
        return frozenset(entry.findall(handle.read().decode("utf-8")))


@pytest.mark.parametrize(
    "entry",
    [_PLACE_ENTRY, _VERB_ENTRY, _NOUN_ENTRY, _THING_ENTRY, _DOING_ENTRY, _FUNCTION_ENTRY, _FOLLOWER_ENTRY],
    ids=["place names", "verbs", "nouns", "things", "doings", "function words", "single-character verb followers"],
)
def test_the_prepared_words_of_a_tag_are_those_a_scan_of_the_dictionary_finds(
    prepared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: re.Pattern[str]
) -> None:
    jieba_dictionary.initialize()
    monkeypatch.setattr(jieba_dictionary, "_kept_in", prepared_dir)
    prepared = tagged_words(entry)
    monkeypatch.setattr(jieba_dictionary, "_kept_in", tmp_path)  # no prepared file: the scan
    scanned = tagged_words(entry)
    assert scanned == _scanned(entry)
    assert prepared == scanned
    assert len(prepared) > 10


def _dictionary(path: Path, lines: list[str], mtime_ns: int) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


def test_a_stale_prepared_dictionary_is_not_used_and_is_written_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _dictionary(
        tmp_path / "words.txt", ["创业 300 vn", "补贴 200 n", "吉林 100 ns"], 1_600_000_000_000_000_000
    )
    index = tmp_path / "index"
    monkeypatch.setattr(jieba_dictionary, "_kept_in", index)
    first = jieba.Tokenizer(str(source))
    first.tmp_dir = str(tmp_path)
    jieba_dictionary.initialize(first)
    assert (index / PREPARED_FILE).is_file()
    assert first.FREQ["创业"] == 300

    _dictionary(source, ["创业 300 vn", "补贴 200 n", "吉林 100 ns", "担保贷款 50 n"], 1_700_000_000_000_000_000)
    stale = jieba.Tokenizer(str(source))
    stale.tmp_dir = str(index)  # jieba trusts its own cache file by its time: a fresh place for this one
    assert not load_prepared(stale, index / PREPARED_FILE)
    assert not stale.initialized
    jieba_dictionary.initialize(stale)  # jieba's own load of the changed file, and the file written anew
    assert stale.FREQ["担保贷款"] == 50
    fresh = jieba.Tokenizer(str(source))
    assert load_prepared(fresh, index / PREPARED_FILE)
    assert fresh.FREQ == stale.FREQ
    assert fresh.total == stale.total == 650
    assert fresh.lcut("吉林创业担保贷款补贴") == ["吉林", "创业", "担保贷款", "补贴"]


@pytest.mark.parametrize(
    "content",
    [b"", b"not a prepared dictionary\n", b"policybot jieba dictionary 1\n{broken json\n"],
    ids=["empty", "another file", "broken header"],
)
def test_a_file_that_is_no_prepared_dictionary_leaves_jieba_to_load_its_own(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / PREPARED_FILE
    path.write_bytes(content)
    tokenizer = jieba.Tokenizer()
    assert not load_prepared(tokenizer, path)
    assert not tokenizer.initialized
    assert tokenizer.FREQ == {}


@pytest.mark.parametrize("damage", ["cut at a line end", "one byte changed", "a byte added"])
def test_a_prepared_file_whose_data_is_not_whole_leaves_jieba_to_load_its_own(tmp_path: Path, damage: str) -> None:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    path = tmp_path / PREPARED_FILE
    write_prepared(tokenizer, path)
    whole = path.read_bytes()
    middle = len(whole) // 2
    damaged = {
        "cut at a line end": whole[: whole.rfind(b"\n", 0, middle)],
        "one byte changed": whole[:middle] + bytes([whole[middle] ^ 1]) + whole[middle + 1 :],
        "a byte added": whole + b"\n",
    }[damage]
    path.write_bytes(damaged)
    fresh = jieba.Tokenizer()
    assert not load_prepared(fresh, path)
    assert not fresh.initialized


PROBE = """
import sys, jieba
from knowledge import jieba_dictionary
from bot.cli import main
prepared = jieba_dictionary.load_prepared
used = []
def recording(tokenizer, path):
    used.append(prepared(tokenizer, path))
    return used[-1]
jieba_dictionary.load_prepared = recording
code = main(["ask", "吉林创业补贴"])
print("PREPARED", used, file=sys.stderr)
sys.exit(code)
"""


def test_ask_after_a_warm_start_loads_jieba_from_the_prepared_file(kb_dir: Path, kb: KnowledgeBase) -> None:
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(kb_dir)}
    for _ in range(2):  # the first run writes the file if no earlier one did
        done = subprocess.run(
            [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, done.stderr
    assert (kb_dir / "index" / PREPARED_FILE).is_file()
    assert "PREPARED [True]" in done.stderr
    assert "5000元" in done.stdout


def test_ingest_leaves_a_current_prepared_dictionary_and_keeps_it_while_it_is_current(
    kb_dir: Path, kb: KnowledgeBase, tmp_path: Path
) -> None:
    path = kb_dir / "index" / PREPARED_FILE
    assert path.is_file()  # KnowledgeBase.open ingested into an empty data directory
    assert load_prepared(jieba.Tokenizer(), path)
    prepare(tmp_path)
    written = (tmp_path / PREPARED_FILE).stat().st_mtime_ns
    prepare(tmp_path)
    assert (tmp_path / PREPARED_FILE).stat().st_mtime_ns == written
    (tmp_path / PREPARED_FILE).write_bytes(b"stale")
    prepare(tmp_path)
    assert load_prepared(jieba.Tokenizer(), tmp_path / PREPARED_FILE)


def test_the_prepared_file_holds_jieba_words_and_each_tag_words_in_the_order_a_scan_of_the_text_finds_them(
    prepared_dir: Path,
) -> None:
    """Written section by section (the dictionary file a line at a time): the same bytes a join of jieba's words
    and of the whole text's `findall` by tag gives."""
    own = jieba.Tokenizer()
    own.initialize()
    with (prepared_dir / PREPARED_FILE).open("rb") as handle:
        header = jieba_dictionary._header(handle, jieba_dictionary.prepared_fingerprint(own))
        assert header is not None
        data = jieba_dictionary._data(handle, header)
    assert data is not None
    assert data[: header["words"]] == "\n".join(own.FREQ).encode("utf-8")
    scanned: dict[str, list[str]] = {}
    with own.get_dict_file() as dictionary:
        for word, tag in jieba_dictionary._ENTRY.findall(dictionary.read().decode("utf-8")):
            scanned.setdefault(tag, []).append(word)
    assert list(header["tags"]) == list(scanned)
    for tag, (at, size) in header["tags"].items():
        assert data[at : at + size] == "\n".join(scanned[tag]).encode("utf-8"), tag


def test_writing_the_prepared_file_holds_its_sections_not_the_dictionary_text_and_a_tuple_per_line(
    tmp_path: Path,
) -> None:
    """The write's own peak (Python allocations): ≈ 90 MB when the dictionary file's whole text, a tuple per
    line and a joined copy of the sections were held at once (session 44), ≈ 20 MB now (the 12 MB of sections)."""
    own = jieba.Tokenizer()
    own.initialize()
    tracemalloc.start()
    try:
        assert write_prepared(own, tmp_path / PREPARED_FILE)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40_000_000
    assert load_prepared(jieba.Tokenizer(), tmp_path / PREPARED_FILE)


def test_prepare_copies_the_current_file_jieba_was_loaded_from_instead_of_loading_jieba_again(
    prepared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jieba_dictionary, "_source", prepared_dir / PREPARED_FILE)

    def second_load(self: jieba.Tokenizer, dictionary: str | None = None) -> None:
        raise AssertionError("jieba's dictionary loaded a second time")

    with monkeypatch.context() as patched:
        patched.setattr(jieba.Tokenizer, "initialize", second_load)
        prepare(tmp_path)
    assert (tmp_path / PREPARED_FILE).read_bytes() == (prepared_dir / PREPARED_FILE).read_bytes()

    damaged = tmp_path / "damaged"
    damaged.mkdir()
    whole = (prepared_dir / PREPARED_FILE).read_bytes()
    (damaged / PREPARED_FILE).write_bytes(whole[:-1] + bytes([whole[-1] ^ 1]))
    monkeypatch.setattr(jieba_dictionary, "_source", damaged / PREPARED_FILE)
    target = tmp_path / "fresh"
    prepare(target)  # a damaged source is not copied: written from jieba's own load
    assert (target / PREPARED_FILE).read_bytes() == whole
