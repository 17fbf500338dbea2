"""BM25 arrays assembled with numpy from stored term counts (issue 13, item 5): every weight equals
the one bm25s's own indexing gives, so adding a document no longer re-indexes the corpus in Python,
and the answers do not move."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import bm25s
import numpy as np
import pytest

from knowledge.bm25_arrays import Postings, TermCounts, _column_order, assemble
from knowledge.lexical import LexicalIndex, document_corpus
from knowledge.lexical_store import TOKENS_DB, LexicalStore
from knowledge.registry import Registry
from knowledge.saved_arrays import SavedColumns


def _weights(index: bm25s.BM25 | SavedColumns) -> dict[tuple[str, int], np.float32]:
    """(token, unit) → stored weight, independent of how columns are numbered (a saved index's columns read from
    its files)."""
    out = {}
    for token, column in index.vocab_dict.items():
        if isinstance(index, SavedColumns):
            if column + 1 >= len(index._indptr):
                continue
            rows, data = index.column(column)
        else:
            scores = index.scores
            if column + 1 >= len(scores["indptr"]):
                continue
            start, end = int(scores["indptr"][column]), int(scores["indptr"][column + 1])
            rows, data = scores["indices"][start:end], scores["data"][start:end]
        for unit, weight in zip(rows.tolist(), data, strict=True):
            out[(token, unit)] = weight
    return out


@pytest.mark.parametrize("grain", ["clauses", "sentences", "bigrams"])
def test_assembled_weights_are_bit_identical_to_bm25s_indexing(registry: Registry, grain: str) -> None:
    units = getattr(document_corpus(registry.clauses), grain)
    vocabulary = ["", *sorted({t for unit in units for t in unit}, reverse=True)]  # another numbering
    ids = {token: i for i, token in enumerate(vocabulary)}
    ours = assemble(TermCounts.of(units, ids.__getitem__), vocabulary)
    theirs = bm25s.BM25(k1=1.2, b=0.75)
    theirs.index(units, show_progress=False)
    assert set(ours.vocab_dict) == set(theirs.vocab_dict)
    ours_weights, their_weights = _weights(ours), _weights(theirs)
    assert ours_weights.keys() == their_weights.keys()
    assert all(ours_weights[k].tobytes() == their_weights[k].tobytes() for k in their_weights)
    query = units[3][:6]
    assert np.array_equal(ours.get_scores(query), theirs.get_scores(query))


def test_the_packed_sort_and_the_argsort_give_the_same_column_order() -> None:
    rng = np.random.default_rng(7)
    rows = np.sort(rng.integers(0, 300, 5000)).astype(np.int32)
    cols = rng.integers(0, 90, 5000).astype(np.int64)
    keep = np.unique((cols << 20) | rows, return_index=True)[1]  # one entry per (row, column)
    rows, cols = rows[np.sort(keep)], cols[np.sort(keep)]
    tf = rng.integers(1, 9, len(rows)).astype(np.int32)
    packed = _column_order(rows, cols, tf)
    order = np.lexsort((rows, cols))
    assert all(np.array_equal(a, b) for a, b in zip(packed, (rows[order], cols[order], tf[order]), strict=True))
    huge = cols + (1 << 50)  # too wide to pack: the argsort path
    assert np.array_equal(_column_order(rows, huge, tf)[1], huge[order])


def test_an_index_stored_before_term_counts_is_migrated_without_jieba(tmp_path: Path, registry: Registry) -> None:
    LexicalStore(tmp_path).open(registry.clauses)
    with sqlite3.connect(tmp_path / TOKENS_DB) as db:
        db.execute("DROP TABLE document_terms")
        db.execute("DROP TABLE vocabulary")
    calls: list[str] = []

    def refusing(text: str) -> list[str]:
        calls.append(text)
        return []

    store = LexicalStore(tmp_path, refusing)
    index = store.rebuild(registry.clauses)
    assert calls == []
    built = LexicalIndex(registry.clauses)
    for words in (["创业", "补贴"], ["技能", "提升", "补贴"], ["火星"]):
        assert np.array_equal(index.clause_scores(words), built.clause_scores(words))
        assert np.array_equal(index.best_sentence_scores(words), built.best_sentence_scores(words))


def _per_document(registry: Registry, grain: str, ids: dict[str, int]) -> dict[str, TermCounts]:
    """Each seed document's units at one grain as term counts (ids appended as words appear)."""
    out = {}
    for doc_id in registry.documents:
        units = getattr(document_corpus(registry.clauses_of(doc_id)), grain)
        out[doc_id] = TermCounts.of(units, lambda t: ids.setdefault(t, len(ids) + 1))
    return out


def _same(spliced: Postings, built: Postings, vocabulary: list[str]) -> None:
    for field in ("rows", "tf", "indptr", "kept", "lengths"):
        assert np.array_equal(getattr(spliced, field), getattr(built, field)), field
    ours, theirs = spliced.bm25(vocabulary).scores, built.bm25(vocabulary).scores
    assert ours["data"].tobytes() == theirs["data"].tobytes()


@pytest.mark.parametrize("grain", ["clauses", "sentences", "bigrams"])
def test_splicing_one_document_in_or_out_equals_assembling_the_corpus_again(registry: Registry, grain: str) -> None:
    ids: dict[str, int] = {}
    docs = _per_document(registry, grain, ids)
    names = list(docs)
    # A newer version of the second document: its last unit gone, a unit of words no other has.
    second = docs[names[1]]
    last = int(second.sizes[-1])
    fresh = np.asarray([len(ids) + 1, len(ids) + 2], dtype=np.int32)
    edited = TermCounts(
        np.concatenate([second.lengths[:-1], [5, 3]]).astype(np.int32),
        np.concatenate([second.sizes[:-1], [2, 1]]).astype(np.int32),
        np.concatenate([second.terms[:-last], fresh, second.terms[:1]]).astype(np.int32),
        np.concatenate([second.counts[:-last], [2, 3], [3]]).astype(np.int32),
    )
    vocabulary = [""] * (len(ids) + 3)
    for token, i in ids.items():
        vocabulary[i] = token
    vocabulary[-2:] = ["新词甲", "新词乙"]

    def built(order: list[TermCounts]) -> Postings:
        return Postings.of(TermCounts.concat(order))

    corpus = [docs[n] for n in names]
    full = built(corpus)
    start = sum(len(d.lengths) for d in corpus[:1])
    # replace the second document (one unit fewer, then two more: row numbers of later ones move)
    replaced = full.splice(start, len(second.lengths), edited)
    _same(replaced, built([corpus[0], edited, *corpus[2:]]), vocabulary)
    # delete it again (its new words vanish from the columns), then add it back in the middle
    deleted = replaced.splice(start, len(edited.lengths), TermCounts.concat([]))
    _same(deleted, built([corpus[0], *corpus[2:]]), vocabulary)
    _same(deleted.splice(start, 0, second), full, vocabulary)
    # add a document at the end, delete the first
    _same(full.splice(len(full.lengths), 0, edited), built([*corpus, edited]), vocabulary)
    _same(full.splice(0, len(corpus[0].lengths), TermCounts.concat([])), built(corpus[1:]), vocabulary)


def _arrays(index: LexicalIndex) -> list[object]:
    """Every weight by (token, unit) at the three grains, and each sentence's clause: independent of
    column numbering (a store's vocabulary ids depend on the order documents first came)."""
    parts = (index._clause_bm25, index._sentence_bm25, index._bigram_bm25)
    weights = [{k: v.tobytes() for k, v in _weights(part).items()} for part in parts]
    return [*weights, np.asarray(index._owner, dtype=np.int64).tobytes()]


def test_the_store_splices_a_changed_document_into_the_saved_index(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Add, replace (a clause longer) and delete one document: the saved index is spliced, never
    assembled from every document again, and equals a store that built the same clauses afresh."""
    store = LexicalStore(tmp_path / "kept")
    store.open(registry.clauses)
    first = registry.clauses_of(next(iter(registry.documents)))
    added = [c.model_copy(update={"id": f"new-{c.clause_number:02d}", "document_id": "new"}) for c in first]
    edited = [*added[:-1], added[-1].model_copy(update={"body": added[-1].body + "具体标准另行公布。"})]
    middle = len(registry.clauses) // 2
    while registry.clauses[middle].document_id == registry.clauses[middle - 1].document_id:
        middle += 1  # a document boundary: the new one goes between two others
    versions = [
        [*registry.clauses[:middle], *added, *registry.clauses[middle:]],
        [*registry.clauses[:middle], *edited, *registry.clauses[middle:]],
        [c for c in registry.clauses if c.document_id != registry.clauses[0].document_id],
    ]

    def refused(*_: object) -> None:
        raise AssertionError("assembled every document again")

    monkeypatch.setattr(LexicalStore, "_assembled", refused)
    for number, clauses in enumerate(versions):
        spliced = store.open(clauses)
        monkeypatch.undo()
        fresh = LexicalStore(tmp_path / f"fresh-{number}").open(clauses)
        monkeypatch.setattr(LexicalStore, "_assembled", refused)
        assert _arrays(spliced) == _arrays(fresh), number
        words = ["创业", "补贴", "具体", "标准"]
        assert np.array_equal(spliced.clause_scores(words), fresh.clause_scores(words))


def test_splicing_into_no_units_equals_assembling_them() -> None:
    units = TermCounts(*(np.asarray(a, dtype=np.int32) for a in ([3, 2], [2, 1], [4, 9, 4], [2, 1, 2])))
    empty = Postings.of(TermCounts.concat([]))
    spliced, built = empty.splice(0, 0, units), Postings.of(units)
    for field in ("rows", "tf", "indptr", "kept", "lengths"):
        assert np.array_equal(getattr(spliced, field), getattr(built, field)), field


def test_saved_postings_that_do_not_add_up_are_assembled_again(tmp_path: Path, registry: Registry) -> None:
    """A postings file from another index (a directory swapped mid-read, a partial copy) is not
    spliced into: the store assembles every document, and the result is still right."""
    store = LexicalStore(tmp_path / "kept")
    store.open(registry.clauses)
    lengths = tmp_path / "kept" / "lexical" / "clauses-lengths.npy"
    np.save(lengths, np.load(lengths)[:-1])
    fewer = [c for c in registry.clauses if c.document_id != registry.clauses[0].document_id]
    assembled: list[int] = []
    original = LexicalStore._assembled

    def counting(self: LexicalStore, *args: Any) -> Any:
        assembled.append(1)
        return original(self, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(LexicalStore, "_assembled", counting)
        index = store.open(fewer)
    assert assembled == [1]
    assert _arrays(index) == _arrays(LexicalStore(tmp_path / "fresh").open(fewer))
