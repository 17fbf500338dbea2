"""BM25 arrays assembled with numpy from term counts stored per document.

bm25s indexes a corpus in Python (a Counter per unit, a loop per document); at every city's scale
that takes minutes, and IDF and length normalisation are corpus-wide, so adding one document moves
every weight. Here each document's units (clauses or sentences) are stored once as term ids and
counts; the arrays of the whole corpus are a handful of vectorised steps over those counts.

The result is bit-identical to `bm25s.BM25(method="lucene").index(tokens)`: IDF with `math.log` per
document frequency, cast to float32; the term-frequency part in float64 with the same operation
order; the product cast to float32. Only the column numbering differs (vocabulary ids instead of
first-seen order), which changes no score: a query sums its words' columns in the query's order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import bm25s

_INT = np.int32


@dataclass(frozen=True)
class TermCounts:
    """A run of units (clauses or sentences): each unit's length in tokens, how many distinct terms
    it has, and those terms (vocabulary ids) with their counts, unit after unit."""

    lengths: np.ndarray
    sizes: np.ndarray
    terms: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, units: Sequence[Sequence[str]], term_id: Callable[[str], int]) -> TermCounts:
        lengths: list[int] = []
        sizes: list[int] = []
        terms: list[int] = []
        counts: list[int] = []
        for tokens in units:
            counted = Counter(term_id(t) for t in tokens)
            lengths.append(len(tokens))
            sizes.append(len(counted))
            terms += counted.keys()
            counts += counted.values()
        return cls(*(np.asarray(a, dtype=_INT) for a in (lengths, sizes, terms, counts)))

    @classmethod
    def concat(cls, parts: Sequence[TermCounts]) -> TermCounts:
        if not parts:
            return cls(*(np.zeros(0, dtype=_INT) for _ in range(4)))
        return cls(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("lengths", "sizes", "terms", "counts")))

    def arrays(self) -> list[np.ndarray]:
        return [self.lengths, self.sizes, self.terms, self.counts]


@dataclass(frozen=True)
class Postings:
    """The unweighted CSC of a run of units: for each present term (column, in vocabulary-id order)
    the units that contain it (rows, ascending) and how often (tf), plus every unit's length. BM25
    weights are a function of these alone, so one document's units can be spliced in or out without
    re-sorting the rest (`splice`), and the weights recomputed in one vectorised pass."""

    rows: np.ndarray
    tf: np.ndarray
    indptr: np.ndarray
    kept: np.ndarray
    lengths: np.ndarray

    @classmethod
    def of(cls, counts: TermCounts) -> Postings:
        rows = np.repeat(np.arange(len(counts.lengths), dtype=_INT), counts.sizes)
        top = int(counts.terms.max(initial=0))
        present = np.zeros(top + 1, dtype=bool)
        present[counts.terms] = True
        columns_of = np.cumsum(present, dtype=np.int64) - 1
        cols = columns_of[counts.terms]
        kept = np.flatnonzero(present)
        doc_freq = np.bincount(cols, minlength=len(kept))
        rows, _, tf = _column_order(rows, cols, counts.counts)
        indptr = np.zeros(len(kept) + 1, dtype=np.int64)
        np.cumsum(doc_freq, out=indptr[1:])
        return cls(rows.astype(_INT), tf.astype(_INT), indptr, kept.astype(np.int64), counts.lengths.astype(_INT))

    def splice(self, start: int, removed: int, added: TermCounts) -> Postings:
        """These postings with units [start, start + removed) replaced by `added`'s units (an add:
        removed = 0; a delete: no units added). Equal to `Postings.of` over the spliced counts, in a
        few linear passes over the entries and no sort of them."""
        old_df = np.diff(self.indptr)
        rows, tf = np.asarray(self.rows), np.asarray(self.tf)
        if removed:
            gone = (rows >= start) & (rows < start + removed)
            gone_columns = np.searchsorted(self.indptr, np.flatnonzero(gone), side="right") - 1
            old_df = old_df - np.bincount(gone_columns, minlength=len(old_df))
            rows, tf = rows[~gone], tf[~gone]
        else:
            rows = rows.copy()
        shift = len(added.lengths) - removed
        if shift:
            rows[rows >= start + removed] += shift
        old_indptr = np.zeros(len(old_df) + 1, dtype=np.int64)
        np.cumsum(old_df, out=old_indptr[1:])
        # Column numbering is the rank of the term id among present terms (monotone: old entries
        # keep their (column, row) order; only the column starts move).
        added_terms = added.terms.astype(np.int64)
        kept = np.union1d(self.kept[old_df > 0], added_terms)
        df = np.zeros(len(kept), dtype=np.int64)
        alive = old_df > 0
        df[np.searchsorted(kept, self.kept[alive])] = old_df[alive]
        new_cols = np.searchsorted(kept, added_terms)
        new_rows = start + np.repeat(np.arange(len(added.lengths), dtype=np.int64), added.sizes)
        df += np.bincount(new_cols, minlength=len(kept))
        # Where each new entry goes: after the entries of its term's column (or of the columns of
        # smaller terms) whose rows come before the new document's.
        order = np.lexsort((new_rows, new_cols))
        exact = np.searchsorted(self.kept, added_terms[order])
        base = old_indptr.copy()  # only the columns that receive entries need their split point
        for column in np.unique(exact[exact < len(self.kept)]).tolist():
            first, last = int(old_indptr[column]), int(old_indptr[column + 1])
            base[column] = first + int(np.searchsorted(rows[first:last], start))
        padded = np.append(self.kept, -1)  # a term past the last column is never known
        at = np.where(padded[exact] == added_terms[order], base[exact], old_indptr[exact])
        rows = np.insert(rows, at, new_rows[order].astype(rows.dtype))
        tf = np.insert(tf, at, added.counts[order].astype(tf.dtype))
        indptr = np.zeros(len(kept) + 1, dtype=np.int64)
        np.cumsum(df, out=indptr[1:])
        lengths = np.concatenate([self.lengths[:start], added.lengths, self.lengths[start + removed :]])
        return Postings(rows.astype(_INT, copy=False), tf.astype(_INT, copy=False), indptr, kept, lengths)

    def bm25(self, vocabulary: Sequence[str], k1: float = 1.2, b: float = 0.75) -> bm25s.BM25:
        """A bm25s index (lucene BM25, as `bm25s.BM25(k1, b).index(...)` builds it) of these units;
        `vocabulary[i]` is the token of term id i."""
        n_units = len(self.lengths)
        n_cols = len(self.kept)
        doc_freq = np.diff(self.indptr)
        distinct, which = np.unique(doc_freq, return_inverse=True)
        idf_by_df = np.asarray([math.log(1 + (n_units - df + 0.5) / (df + 0.5)) for df in distinct.tolist()])
        idf = idf_by_df.astype(np.float32)[which]
        cols = np.repeat(np.arange(n_cols, dtype=np.int64), doc_freq)
        lengths = self.lengths.astype(np.int64)
        average = lengths.mean() if n_units else 0.0
        norm = k1 * ((1 - b) + b * lengths.astype(np.float64) / average)
        tf64 = self.tf.astype(np.float64)
        tfc = tf64 / (norm[self.rows] + tf64)
        data = (idf[cols].astype(np.float64) * tfc).astype(np.float32)

        import bm25s  # (here, not at the top: a process that only opens a saved index never imports it)

        index = bm25s.BM25(k1=k1, b=b)
        index.scores = {"data": data, "indices": self.rows.astype(_INT), "indptr": self.indptr, "num_docs": n_units}
        vocab_dict = {vocabulary[int(i)]: c for c, i in enumerate(self.kept.tolist())}
        if "" not in vocab_dict:
            vocab_dict[""] = n_cols
        index.vocab_dict = vocab_dict
        index.unique_token_ids_set = set(vocab_dict.values())
        index.nonoccurrence_array = None
        return index


def assemble(counts: TermCounts, vocabulary: Sequence[str], k1: float = 1.2, b: float = 0.75) -> bm25s.BM25:
    """A bm25s index (lucene BM25, as `bm25s.BM25(k1, b).index(...)` builds it) of these units;
    `vocabulary[i]` is the token of term id i."""
    return Postings.of(counts).bm25(vocabulary, k1, b)


def _column_order(rows: np.ndarray, cols: np.ndarray, tf: np.ndarray) -> tuple[np.ndarray, ...]:
    """The entries sorted by (column, row), as CSC stores them. Packed into one int64 key and sorted
    by value (several times faster than an argsort); an argsort when they do not fit 63 bits."""
    row_bits = max(int(rows.max(initial=0)).bit_length(), 1)
    tf_bits = max(int(tf.max(initial=0)).bit_length(), 1)
    col_bits = max(int(cols.max(initial=0)).bit_length(), 1)
    if row_bits + tf_bits + col_bits > 63:
        order = np.argsort(cols, kind="stable")
        return rows[order].astype(np.int64), cols[order], tf[order].astype(np.int64)
    key = (cols.astype(np.int64) << (row_bits + tf_bits)) | (rows.astype(np.int64) << tf_bits) | tf
    key.sort()
    tf_mask, row_mask = (1 << tf_bits) - 1, (1 << row_bits) - 1
    return (key >> tf_bits) & row_mask, key >> (row_bits + tf_bits), key & tf_mask
