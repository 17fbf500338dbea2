"""Clauses kept in a clause file and read when used (issue 13, item 5): what a serving process
reads back is what the parser made, and a registry is read from the file only when the file was
parsed from exactly the documents published now."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from knowledge import registry as registry_module
from knowledge.clause_table import (
    ClauseTable,
    clause_document_ids,
    clause_ids,
    document_hash,
    open_clauses,
    save_clauses,
)
from knowledge.documents import Document, load_manifest, read_source
from knowledge.lexical import idf_of, most_holding
from knowledge.lexical_store import LexicalStore
from knowledge.registry import Registry, assemble_registry, load_registry, registry_of, save_registry, saved_registry

REPO = Path(__file__).resolve().parents[2]


def _sources() -> list[tuple[Document, str]]:
    return [(d, read_source(d)) for d in load_manifest().documents]


@pytest.fixture
def saved_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "clauses"
    assert save_registry(load_registry(), directory)
    return directory


def test_every_clause_reads_back_as_the_parser_made_it(saved_dir: Path) -> None:
    parsed = load_registry()
    table = open_clauses(saved_dir)
    assert table is not None
    assert len(table) == len(parsed.clauses)
    assert list(table) == list(parsed.clauses)
    assert table[-1] == parsed.clauses[-1]
    assert table[3:6] == list(parsed.clauses[3:6])
    with pytest.raises(IndexError):
        table[len(parsed.clauses)]
    assert clause_ids(table) == [c.id for c in parsed.clauses]
    assert clause_document_ids(table) == [c.document_id for c in parsed.clauses]
    assert [table.document_id_at(i) for i in range(len(table))] == [c.document_id for c in parsed.clauses]


def test_a_saved_document_hash_is_the_one_the_index_works_out(saved_dir: Path) -> None:
    parsed = load_registry()
    table = open_clauses(saved_dir)
    assert table is not None
    assert table.document_hashes == {d: document_hash(parsed.clauses_of(d)) for d in parsed.documents}
    store = LexicalStore(saved_dir.parent / "index")
    assert store.index_fingerprint(table) == store.index_fingerprint(parsed.clauses)


def test_a_registry_over_the_file_finds_what_the_parsed_one_finds(saved_dir: Path) -> None:
    parsed = load_registry()
    saved = saved_registry(_sources(), saved_dir)
    assert saved is not None
    assert isinstance(saved.clauses, ClauseTable)
    assert saved.content_hash == parsed.content_hash
    assert saved.source_keys == parsed.source_keys
    some = parsed.clauses[len(parsed.clauses) // 2]
    assert saved.get(some.id) == some
    assert saved.has(some.id)
    assert not saved.has("no-such-clause-01")
    for doc_id in parsed.documents:
        assert saved.clauses_of(doc_id) == parsed.clauses_of(doc_id)
    assert saved.quality_reports() == parsed.quality_reports()


def _edited_text(sources: list[tuple[Document, str]]) -> list[tuple[Document, str]]:
    (document, text), *rest = sources
    return [(document, text.replace("。", "；", 1)), *rest]


def _renamed(sources: list[tuple[Document, str]]) -> list[tuple[Document, str]]:
    (document, text), *rest = sources
    return [(document.model_copy(update={"title": document.title + "（修订）"}), text), *rest]


def _reordered(sources: list[tuple[Document, str]]) -> list[tuple[Document, str]]:
    return sources[::-1]


def _one_fewer(sources: list[tuple[Document, str]]) -> list[tuple[Document, str]]:
    return sources[1:]


@pytest.mark.parametrize("change", [_edited_text, _renamed, _reordered, _one_fewer])
def test_documents_that_changed_since_the_file_was_saved_are_parsed_again(saved_dir: Path, change) -> None:  # type: ignore[no-untyped-def]
    sources = change(_sources())
    assert saved_registry(sources, saved_dir) is None
    fresh = registry_of(sources, saved_dir)
    assert not isinstance(fresh.clauses, ClauseTable)
    assert fresh.content_hash == assemble_registry(sources).content_hash


def test_a_changed_parser_parses_again(saved_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_module, "parser_fingerprint", lambda: "another parser")
    assert saved_registry(_sources(), saved_dir) is None


def test_a_broken_or_missing_file_is_parsed_again(saved_dir: Path, tmp_path: Path) -> None:
    assert saved_registry(_sources(), tmp_path / "nothing-here") is None
    (saved_dir / "meta.json").write_text("{not json", encoding="utf-8")
    assert open_clauses(saved_dir) is None
    assert not isinstance(registry_of(_sources(), saved_dir).clauses, ClauseTable)


def test_a_registry_read_from_the_file_is_not_written_again(saved_dir: Path) -> None:
    saved = saved_registry(_sources(), saved_dir)
    assert saved is not None
    before = (saved_dir / "meta.json").stat().st_mtime_ns
    assert not save_registry(saved, saved_dir)
    assert not save_registry(load_registry(), saved_dir)  # the same documents: nothing to write
    assert (saved_dir / "meta.json").stat().st_mtime_ns == before


def test_the_parser_fingerprint_covers_every_module_the_parser_loads() -> None:
    """Read in a fresh interpreter: whatever `knowledge.structure` imports, directly or not, is
    part of the fingerprint (so an edit to any of them parses every document again)."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, knowledge.structure; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO)},
    ).stdout.split()
    ours = {name.removeprefix("knowledge.") for name in loaded if name.startswith("knowledge.")}
    assert "labels" in ours
    assert ours <= set(registry_module.parser_modules())


def test_a_registry_of_parsed_clauses_and_one_of_the_file_agree_on_positions(saved_dir: Path) -> None:
    parsed = load_registry()
    table = open_clauses(saved_dir)
    assert table is not None
    saved = Registry.saved(dict(parsed.documents), table, parsed.content_hash)
    assert saved.document_ids() == parsed.document_ids() == list(parsed.documents)


def test_a_volume_that_refuses_the_file_leaves_the_registry_parsed(tmp_path: Path) -> None:
    """A full or read-only volume: nothing is saved, nothing raised; the next start parses again."""
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the index directory should be", encoding="utf-8")
    assert not save_registry(load_registry(), blocked / "clauses")
    assert saved_registry(_sources(), blocked / "clauses") is None
    assert not isinstance(registry_of(_sources(), blocked / "clauses").clauses, ClauseTable)


def _phrases(texts: list[str]) -> list[str]:
    """Pieces of the clauses' own texts — from their start (the label), across a line break, inside —, and
    pieces no text writes."""
    found = {"不在任何条款里的话", "。", "\n"}
    for text in texts:
        for start in range(0, len(text), 37):
            found |= {text[start : start + 2], text[start : start + 5], text[start : start + 11]}
        if "\n" in text:
            at = text.index("\n")
            found.add(text[max(at - 3, 0) : at + 3])
    return sorted(p for p in found if p)


def test_the_clauses_holding_a_phrase_are_counted_from_the_file_as_from_the_texts(saved_dir: Path) -> None:
    table = open_clauses(saved_dir)
    assert table is not None
    texts = [clause.text for clause in table]
    for phrase in _phrases(texts):
        assert table.count_holding(phrase) == sum(1 for text in texts if phrase in text), phrase


@pytest.mark.parametrize(
    "text",
    ['补贴标准为"每人2000元"', "申请材料：\\n身份证", "第一行\n第二行\t补贴", 'n补贴"\\\\', "1000元n补贴"],
    ids=["quotes", "a backslash", "control characters", "escapes at the end", "ascii first"],
)
def test_a_phrase_the_file_writes_escaped_is_counted_as_the_text_holds_it(tmp_path: Path, text: str) -> None:
    clause = load_registry().clauses[0]
    own = [clause.model_copy(update={"id": f"{clause.document_id}-{k:02d}", "text": text}) for k in (1, 2)]
    # the body writes the phrase too: only the text counts
    other = clause.model_copy(update={"id": f"{clause.document_id}-03", "text": "无关", "body": text})
    save_clauses(tmp_path / "clauses", {clause.document_id: [*own, other]})
    table = open_clauses(tmp_path / "clauses")
    assert table is not None
    for phrase in {text, text[1:], text[:-1], text[2:6], "n补贴", "\\n", "\n", '"', "\\"}:
        assert table.count_holding(phrase) == sum(1 for c in table if phrase in c.text), repr(phrase)


def test_a_phrase_is_looked_for_only_in_the_clauses_whose_text_writes_each_of_its_pairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pair index saved with the clause file names the clauses to look at: not one whose body, or the
    file's bytes elsewhere, write the phrase while its text does not (a question then reads a few clauses,
    not the whole file — at every city's scale 0.1–0.5 s a phrase)."""
    clause = load_registry().clauses[0]
    writes = [
        clause.model_copy(update={"id": f"{clause.document_id}-{k:02d}", "text": "创业担保贷款贴息"}) for k in (1, 2)
    ]
    body_only = clause.model_copy(update={"id": f"{clause.document_id}-03", "text": "无关", "body": "创业担保贷款贴息"})
    pairs_apart = clause.model_copy(update={"id": f"{clause.document_id}-04", "text": "担保贷款，创业担保"})
    save_clauses(tmp_path / "clauses", {clause.document_id: [*writes, body_only, pairs_apart]})
    table = open_clauses(tmp_path / "clauses")
    assert table is not None
    looked_at: list[int] = []
    looked = ClauseTable._text_holds

    def _looking(self: ClauseTable, row: int, *rest: Any) -> bool:
        looked_at.append(row)
        return looked(self, row, *rest)

    monkeypatch.setattr(ClauseTable, "_text_holds", _looking)
    assert table.count_holding("创业担保贷款") == 2
    # not the body's clause; the one writing every pair, but apart, is looked at and not counted
    assert sorted(looked_at) == [0, 1, 3]
    assert table.count_holding("担保贷款") == 3
    assert table.count_holding("创业贴息") == 0


def test_whether_few_clauses_hold_a_phrase_is_told_as_their_count_tells_it(saved_dir: Path) -> None:
    table = open_clauses(saved_dir)
    assert table is not None
    texts = [clause.text for clause in table]
    for phrase in _phrases(texts)[::3]:
        holding = sum(1 for text in texts if phrase in text)
        for most in {0, 1, 2, 5, holding - 1, holding, holding + 1, len(texts)}:
            assert table.is_held_by_few(phrase, most) == (1 <= holding <= most), (phrase, most)


def test_a_phrase_written_by_no_more_clauses_than_asked_is_decided_by_the_first_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clause = load_registry().clauses[0]
    writes = [
        clause.model_copy(update={"id": f"{clause.document_id}-{k:02d}", "text": "创业担保贷款贴息"}) for k in (1, 2, 3)
    ]
    save_clauses(tmp_path / "clauses", {clause.document_id: writes})
    table = open_clauses(tmp_path / "clauses")
    assert table is not None
    looked_at: list[int] = []
    looked = ClauseTable._text_holds

    def _looking(self: ClauseTable, row: int, *rest: Any) -> bool:
        looked_at.append(row)
        return looked(self, row, *rest)

    monkeypatch.setattr(ClauseTable, "_text_holds", _looking)
    assert table.is_held_by_few("担保贷款", 3)
    assert looked_at == [0]
    assert not table.is_held_by_few("担保贷款", 1)  # three hold it: counted to two, no further
    assert looked_at == [0, 0, 1]


@pytest.mark.parametrize("clauses", [1, 119, 11_900, 83_300])
@pytest.mark.parametrize("bar", [0.5, 3.0, 7.5])
def test_the_most_clauses_a_word_may_be_in_are_those_whose_idf_meets_the_bar(clauses: int, bar: float) -> None:
    most = most_holding(clauses, bar)
    assert [1 <= df <= most for df in range(clauses + 1)] == [idf_of(clauses, df) >= bar for df in range(clauses + 1)]


def test_a_clause_file_saved_before_the_pair_index_counts_the_same(saved_dir: Path) -> None:
    texts = [clause.text for clause in load_registry().clauses]
    meta = json.loads((saved_dir / "meta.json").read_text(encoding="utf-8"))
    del meta["pairs"]
    (saved_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    for name in ("pair_keys.npy", "pair_starts.npy", "pair_rows.npy"):
        (saved_dir / name).unlink()
    table = open_clauses(saved_dir)
    assert table is not None
    for phrase in _phrases(texts)[:200]:
        assert table.count_holding(phrase) == sum(1 for text in texts if phrase in text), phrase


def test_a_pair_index_of_another_save_is_refused_and_parsed_again(saved_dir: Path, tmp_path: Path) -> None:
    clauses = load_registry().clauses
    first = [c for c in clauses if c.document_id == clauses[0].document_id]
    save_clauses(tmp_path / "old", {clauses[0].document_id: first})
    for name in ("pair_keys.npy", "pair_starts.npy", "pair_rows.npy"):
        (saved_dir / name).write_bytes((tmp_path / "old" / name).read_bytes())
    assert open_clauses(saved_dir) is None
    assert not isinstance(registry_of(_sources(), saved_dir).clauses, ClauseTable)


def test_offsets_of_one_save_over_the_bytes_of_another_are_refused_and_parsed_again(
    saved_dir: Path, tmp_path: Path
) -> None:
    # a reader that read meta and offsets of one save, then the clause file of the save made meanwhile
    clauses = load_registry().clauses
    first = [c for c in clauses if c.document_id == clauses[0].document_id]
    save_clauses(tmp_path / "old", {clauses[0].document_id: first})
    (tmp_path / "old" / "clauses.jsonl").write_bytes((saved_dir / "clauses.jsonl").read_bytes())
    assert open_clauses(tmp_path / "old") is None
    assert not isinstance(registry_of(_sources(), tmp_path / "old").clauses, ClauseTable)
