"""The lexical index in PostgreSQL, for replicas that share a database instead of an index directory.

The same jieba tokens the embedded index stores (`knowledge.lexical.document_corpus`) are written
per document at ingest, as postings: for each grain (clause, sentence, character bigram) and word,
the document's units that contain it and how often (`lexical_postings`), beside each unit's length
(`lexical_documents`). A document is stored under its `document_hash` and the tokenizer's
fingerprint, in one transaction: another version, or a document being written, is never half
visible, and replicas on different published sets (during a publish) each read their own versions.

A query reads only the columns of its words, of this process's documents only (the document filter
is inside the query), concatenated in the process's clause order by PostgreSQL. The BM25 weights
are then worked out with the embedded index's own arithmetic (`knowledge.bm25_arrays.Postings.bm25`:
IDF per document frequency with `math.log`, float32; the term-frequency part in float64; the product
in float32; summed word by word in float32 as bm25s does), so every score — and so every answer — is
the embedded index's, bit for bit. PostgreSQL's own text ranking (`ts_rank` over a `tsvector`) is
not BM25 and would move answers; a btree on (grain, word, document) is the lookup a GIN gives, and
needs no extension.

    store = PostgresLexicalStore(engine, tokens.tokenize, tokens.fingerprint)
    store.sync(registry.clauses)        # ingest: store missing documents, mark the others unused
    index = store.open(registry.clauses)  # a LexicalIndex whose columns are read from PostgreSQL
"""

from __future__ import annotations

import logging
import math
import threading
from collections import Counter, OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Engine, text

from knowledge.clause_table import clause_document_ids, document_hash
from knowledge.clauses import Clause
from knowledge.lexical import DocumentCorpus, LexicalIndex, Tokenizer, document_corpus, kept_clauses
from knowledge.lexical_store import StoreChange, hashes_of
from knowledge.query import tokenize

log = logging.getLogger(__name__)

GRAINS = ("clause", "sentence", "bigram")
_CODE = {grain: code for code, grain in enumerate(GRAINS)}
# Documents no published set has named for this long are deleted by the next sync: a replica still
# answering from the set before a publish keeps its versions until it has swapped.
GRACE_SECONDS = 600
# Columns (postings of one word at one grain) kept per process, counted in entries.
CACHE_ENTRIES = 2_000_000
_I4 = np.dtype("<i4")

_COLUMNS = """
SELECT p.grain, p.term, array_agg(d.ord), array_agg(length(p.units)),
       string_agg(p.units, ''::bytea), string_agg(p.tfs, ''::bytea)
FROM unnest(%s::smallint[], %s::text[]) AS q(grain, term)
JOIN lexical_postings p ON p.grain = q.grain AND p.term = q.term
JOIN unnest(%s::bigint[]) WITH ORDINALITY AS d(doc_key, ord) ON d.doc_key = p.doc_key
GROUP BY p.grain, p.term
"""


class PostgresLexicalStore:
    """Per-document postings in PostgreSQL (tables `lexical_documents`, `lexical_postings`, made by
    the migrations in bot/migrations) and the indexes opened over them."""

    def __init__(
        self,
        engine: Engine,
        tokenizer: Tokenizer = tokenize,
        tokenizer_fingerprint: str = "",
        *,
        grace_seconds: float = GRACE_SECONDS,
        cache_entries: int = CACHE_ENTRIES,
    ) -> None:
        if engine.dialect.name != "postgresql":
            raise ValueError(f"the lexical index in the database needs PostgreSQL, not {engine.dialect.name}")
        self.engine = engine
        self.reads = engine.execution_options(isolation_level="AUTOCOMMIT")
        self.tokenizer = tokenizer
        self.tokenizer_fingerprint = tokenizer_fingerprint
        self.grace_seconds = grace_seconds
        self.cache_entries = cache_entries

    def put(self, document_id: str, clauses: Sequence[Clause], wanted: str | None = None) -> bool:
        """Store one document's postings (add, or a new version of it); False when this version is
        stored already."""
        if any(c.document_id != document_id for c in clauses):
            raise ValueError(f"clauses of another document given for {document_id}")
        wanted = wanted or document_hash(clauses)
        if self._stored({document_id: wanted}):
            return False
        return self.put_corpus(document_id, wanted, document_corpus(clauses, tokenizer=self.tokenizer))

    def put_corpus(self, document_id: str, hash_: str, corpus: DocumentCorpus) -> bool:
        """Store a document's tokens computed elsewhere (the embedded store's, for instance)."""
        lengths = [
            _packed([len(unit) for unit in getattr(corpus, grain)]) for grain in ("clauses", "sentences", "bigrams")
        ]
        with self.engine.begin() as connection:
            key = connection.execute(
                text(
                    "INSERT INTO lexical_documents (document_id, hash, tokenizer, clause_lengths, sentence_lengths, "
                    "bigram_lengths, sentence_owner) VALUES (:d, :h, :t, :c, :s, :b, :o) "
                    "ON CONFLICT (document_id, hash, tokenizer) DO NOTHING RETURNING doc_key"
                ),
                {
                    "d": document_id,
                    "h": hash_,
                    "t": self.tokenizer_fingerprint,
                    "c": lengths[0],
                    "s": lengths[1],
                    "b": lengths[2],
                    "o": _packed(corpus.owner),
                },
            ).scalar()
            if key is None:
                return False  # another process stored this version meanwhile
            driver = connection.connection.driver_connection
            assert driver is not None
            with (
                driver.cursor() as cursor,
                cursor.copy(
                    "COPY lexical_postings (doc_key, grain, term, units, tfs) FROM STDIN (FORMAT BINARY)"
                ) as copy,
            ):
                copy.set_types(["int8", "int2", "text", "bytea", "bytea"])
                for grain, units in zip(GRAINS, (corpus.clauses, corpus.sentences, corpus.bigrams), strict=True):
                    for term, (rows, tfs) in _postings(units).items():
                        copy.write_row((key, _CODE[grain], term, _packed(rows), _packed(tfs)))
        return True

    def delete(self, document_id: str) -> bool:
        """Forget every stored version of one document; False when there was none."""
        with self.engine.begin() as connection:
            gone = connection.execute(text("DELETE FROM lexical_documents WHERE document_id = :d"), {"d": document_id})
            return gone.rowcount > 0

    def documents(self) -> dict[str, str]:
        """document id → hash of the versions in use (not marked unused), for this tokenizer."""
        with self.reads.connect() as connection:
            rows = connection.execute(
                text("SELECT document_id, hash FROM lexical_documents WHERE tokenizer = :t AND unused_since IS NULL"),
                {"t": self.tokenizer_fingerprint},
            )
            return {str(d): str(h) for d, h in rows}

    def sync(self, clauses: Sequence[Clause], hashes: Mapping[str, str] | None = None) -> StoreChange:
        """Store the documents of these clauses that are missing; mark every other version unused and
        delete those unused for longer than the grace period (`deleted`: documents a version of which
        was deleted)."""
        hashes = dict(hashes or hashes_of(clauses))
        tokenized = self._store_missing(clauses, hashes)
        with self.engine.begin() as connection:
            wanted = {"ids": list(hashes), "hashes": list(hashes.values()), "t": self.tokenizer_fingerprint}
            in_set = (
                "(document_id, hash) IN (SELECT * FROM unnest(CAST(:ids AS text[]), CAST(:hashes AS text[])))"
                " AND tokenizer = :t"
            )
            connection.execute(
                text(
                    f"UPDATE lexical_documents SET unused_since = now() WHERE unused_since IS NULL AND NOT ({in_set})"
                ),
                wanted,
            )
            connection.execute(text(f"UPDATE lexical_documents SET unused_since = NULL WHERE {in_set}"), wanted)
            deleted = connection.execute(
                text(
                    "DELETE FROM lexical_documents WHERE unused_since < now() - make_interval(secs => :grace) "
                    "RETURNING document_id"
                ),
                {"grace": self.grace_seconds},
            )
            gone = tuple(sorted({d for (d,) in deleted}))
        return StoreChange(tokenized, gone)

    def open(self, clauses: Sequence[Clause]) -> PostgresLexicalIndex:
        """An index over exactly these clauses' documents, reading its columns from the database;
        documents not stored yet are tokenized and stored first."""
        hashes = hashes_of(clauses)
        stored = self._stored(hashes)
        if len(stored) < len(hashes):
            self._store_missing(clauses, hashes)
            stored = self._stored(hashes)
        keys = [stored[d][0] for d in hashes]
        with self.engine.begin() as connection:  # in use again (a sync of an older set may have marked it)
            connection.execute(
                text(
                    "UPDATE lexical_documents SET unused_since = NULL "
                    "WHERE doc_key = ANY(:k) AND unused_since IS NOT NULL"
                ),
                {"k": keys},
            )
        index = PostgresLexicalIndex(clauses, self, keys, [stored[d][1] for d in hashes], self.cache_entries)
        index.document_hashes = dict(hashes)
        return index

    def _store_missing(self, clauses: Sequence[Clause], hashes: Mapping[str, str]) -> tuple[str, ...]:
        stored = self._stored(hashes)
        missing = [d for d in hashes if d not in stored]
        if not missing:
            return ()
        owners = clause_document_ids(clauses)
        positions: dict[str, list[int]] = {}
        for position, doc_id in enumerate(owners):
            positions.setdefault(doc_id, []).append(position)
        tokenized = []
        for doc_id in missing:
            own = [clauses[i] for i in positions[doc_id]]
            if self.put(doc_id, own, hashes[doc_id]):
                tokenized.append(doc_id)
        return tuple(tokenized)

    def _stored(self, hashes: Mapping[str, str]) -> dict[str, tuple[int, _Lengths]]:
        """document id → (key, unit lengths) of the stored versions among these."""
        with self.reads.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT doc_key, document_id, clause_lengths, sentence_lengths, bigram_lengths, sentence_owner "
                    "FROM lexical_documents WHERE tokenizer = :t AND (document_id, hash) IN "
                    "(SELECT * FROM unnest(CAST(:ids AS text[]), CAST(:hashes AS text[])))"
                ),
                {"t": self.tokenizer_fingerprint, "ids": list(hashes), "hashes": list(hashes.values())},
            )
            found = {}
            for key, doc_id, *arrays in rows:
                clause, sentence, bigram, owner = (np.frombuffer(a, dtype=_I4) for a in arrays)
                found[doc_id] = (int(key), _Lengths(clause, sentence, bigram, owner))
            return found


@dataclass(frozen=True)
class _Lengths:
    """One document's unit lengths per grain and each sentence's clause (positions in the document)."""

    clause: np.ndarray
    sentence: np.ndarray
    bigram: np.ndarray
    owner: np.ndarray


@dataclass(frozen=True)
class _Column:
    """One word's postings at one grain in this process's documents: unit positions ascending and
    their BM25 weights (float32)."""

    rows: np.ndarray
    weights: np.ndarray


class PostgresLexicalIndex(LexicalIndex):
    """A `LexicalIndex` whose columns are read from PostgreSQL when a query needs them (kept in a
    bounded cache: the index of one published set never changes)."""

    def __init__(
        self,
        clauses: Sequence[Clause],
        store: PostgresLexicalStore,
        keys: Sequence[int],
        lengths: Sequence[_Lengths],
        cache_entries: int = CACHE_ENTRIES,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> None:
        self.clauses = kept_clauses(clauses)
        self.document_hashes = {}
        self._idf = {}
        self._store = store
        self._keys = [int(k) for k in keys]
        self._bases: dict[str, np.ndarray] = {}
        self._norm: dict[str, np.ndarray] = {}
        for grain in GRAINS:
            sizes = np.asarray([len(getattr(own, grain)) for own in lengths], dtype=np.int64)
            self._bases[grain] = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64) if len(sizes) else sizes
            units = np.concatenate([getattr(own, grain) for own in lengths]) if lengths else np.zeros(0, dtype=_I4)
            # As `Postings.bm25` computes it: the mean of the int64 lengths, the ratio in float64.
            as_int = units.astype(np.int64)
            average = as_int.mean() if len(as_int) else 1.0
            self._norm[grain] = k1 * ((1 - b) + b * as_int.astype(np.float64) / average)
        if len(self._norm["clause"]) != len(self.clauses):
            raise ValueError(f"{len(self._norm['clause'])} clause units stored for {len(self.clauses)} clauses")
        owners = [own.owner.astype(np.int64) + base for own, base in zip(lengths, self._bases["clause"], strict=True)]
        self._owner = np.concatenate(owners) if owners else np.zeros(0, dtype=np.int64)
        self._cache: OrderedDict[tuple[str, str], _Column | None] = OrderedDict()
        self._cached = 0
        self._cache_entries = cache_entries
        self._lock = threading.Lock()
        self.fetches = 0  # round trips to the database (the benchmark reports them)

    def clause_rows(self, token: str) -> np.ndarray | None:
        column = self._column("clause", token)
        return None if column is None else column.rows

    def grain_scores(self, grain: str, tokens: list[str]) -> np.ndarray:
        columns = self._columns([(grain, t) for t in tokens])
        scores = np.zeros(len(self._norm[grain]), dtype=np.float32)
        for token in tokens:
            column = columns.get((grain, token))
            if column is not None:
                np.add.at(scores, column.rows, column.weights)
        return scores

    def prefetch(self, words: Sequence[str], pairs: Sequence[str]) -> None:
        self._columns([(grain, w) for w in words for grain in ("clause", "sentence")] + [("bigram", p) for p in pairs])

    def clear_cache(self) -> None:
        """Forget the columns read (the benchmark measures answers that read every column)."""
        with self._lock:
            self._cache.clear()
            self._cached = 0

    def _column(self, grain: str, token: str) -> _Column | None:
        return self._columns([(grain, token)]).get((grain, token))

    def _columns(self, wanted: Sequence[tuple[str, str]]) -> dict[tuple[str, str], _Column | None]:
        """These columns, from the cache or read together in one round trip (an empty word has none)."""
        found: dict[tuple[str, str], _Column | None] = {}
        with self._lock:
            for key in wanted:
                if key in self._cache:
                    self._cache.move_to_end(key)
                    found[key] = self._cache[key]
        missing = list(dict.fromkeys(w for w in wanted if w[1] and w not in found))
        if missing:
            found.update(self._fetch(missing))
        return found

    def _fetch(self, missing: Sequence[tuple[str, str]]) -> dict[tuple[str, str], _Column | None]:
        read: dict[tuple[str, str], _Column | None] = dict.fromkeys(missing)
        params = ([_CODE[g] for g, _ in missing], [t for _, t in missing], self._keys)
        # Through SQLAlchemy, so a database that went away raises its OperationalError (a 503 on the web).
        with self._store.reads.connect() as connection:
            for code, term, ords, sizes, units, tfs in connection.exec_driver_sql(_COLUMNS, params):
                grain = GRAINS[code]
                read[(grain, term)] = self._weighted(grain, ords, sizes, units, tfs)
        self.fetches += 1
        with self._lock:
            for key, column in read.items():
                self._remember(key, column)
        return read

    def _weighted(self, grain: str, ords: list[int], sizes: list[int], units: bytes, tfs: bytes) -> _Column:
        """A column's rows in this process's unit order and BM25 weights, as `Postings.bm25` makes them.
        The documents' runs come in any order (`ords`: each run's document, 1-based, in clause order):
        they are put in order here, with numpy, rather than sorted by the database."""
        counts = np.asarray(sizes, dtype=np.int64) // _I4.itemsize
        documents = np.asarray(ords, dtype=np.int64) - 1
        order = np.argsort(documents, kind="stable")
        taken = counts[order]
        read_at = (np.cumsum(counts) - counts)[order]
        write_at = np.cumsum(taken) - taken
        picked = np.repeat(read_at - write_at, taken) + np.arange(int(taken.sum()), dtype=np.int64)
        starts = self._bases[grain][documents[order]]
        rows = np.frombuffer(units, dtype=_I4)[picked].astype(np.int64) + np.repeat(starts, taken)
        tf64 = np.frombuffer(tfs, dtype=_I4)[picked].astype(np.float64)
        df = len(rows)
        n_units = len(self._norm[grain])
        idf = np.float64(np.float32(math.log(1 + (n_units - df + 0.5) / (df + 0.5))))
        weights = (idf * (tf64 / (self._norm[grain][rows] + tf64))).astype(np.float32)
        return _Column(rows.astype(np.int32), weights)

    def _remember(self, key: tuple[str, str], column: _Column | None) -> None:
        if self._cache_entries <= 0:
            return
        self._cache[key] = column
        self._cached += 0 if column is None else len(column.rows)
        while self._cached > self._cache_entries and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._cached -= 0 if dropped is None else len(dropped.rows)


def _postings(units: Sequence[Sequence[str]]) -> dict[str, tuple[list[int], list[int]]]:
    """word → (the units that contain it, ascending; how often each does)."""
    found: dict[str, tuple[list[int], list[int]]] = {}
    for position, tokens in enumerate(units):
        for term, tf in Counter(tokens).items():
            rows, tfs = found.setdefault(term, ([], []))
            rows.append(position)
            tfs.append(tf)
    return found


def _packed(values: Sequence[int]) -> bytes:
    return np.asarray(values, dtype=_I4).tobytes()
