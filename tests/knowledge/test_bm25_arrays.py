"""BM25 arrays assembled with numpy from stored term counts (issue 13, item 5): every weight equals
the one bm25s's own indexing gives, so adding a document no longer re-indexes the corpus in Python,
and the answers do not move."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import bm25s
import numpy as np
import pytest

from knowledge.bm25_arrays import TermCounts, _column_order, assemble
from knowledge.lexical import LexicalIndex, document_corpus
from knowledge.lexical_store import TOKENS_DB, LexicalStore
from knowledge.registry import Registry


def _weights(index: bm25s.BM25) -> dict[tuple[str, int], np.float32]:
    """(token, unit) → stored weight, independent of how columns are numbered."""
    scores = index.scores
    out = {}
    for token, column in index.vocab_dict.items():
        if column + 1 >= len(scores["indptr"]):
            continue
        start, end = int(scores["indptr"][column]), int(scores["indptr"][column + 1])
        for unit, weight in zip(scores["indices"][start:end].tolist(), scores["data"][start:end], strict=True):
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
