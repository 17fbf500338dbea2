"""The lexical index on disk, kept per document: tokens stored at ingest, the BM25 arrays built from
them and opened memory-mapped by every process.

Adding, replacing or deleting one document tokenizes only that document (jieba is the slow part)
and stores its units as term ids and counts (an append-only vocabulary). IDF and length
normalisation are corpus-wide — every clause's weight moves when a document comes or goes — so the
weights are recomputed, with numpy (`knowledge.bm25_arrays`), from unweighted postings saved beside
the index: the changed documents' postings are spliced out and in (no sort of the rest), or, when
many changed or nothing was saved, assembled from every document's stored counts. The saved arrays
carry a fingerprint of the tokenizer and of every document's hash, so a process opens them only
when they index exactly the clauses it serves.

    store = LexicalStore(data_dir / "index")
    store.put("jilin-2017", clauses_of_jilin)      # add or replace one document's tokens
    store.delete("shangluo-2012")                   # forget one document
    index = store.open(all_clauses)                 # the saved index, rebuilt only when stale
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.bm25_arrays import Postings, TermCounts
from knowledge.cache import fingerprint
from knowledge.clause_table import ClauseTable, document_hash
from knowledge.clauses import Clause
from knowledge.lexical import META_FILE, OWNER_FILE, DocumentCorpus, LexicalIndex, Tokenizer, document_corpus
from knowledge.query import tokenize

log = logging.getLogger(__name__)

TOKENS_DB = "lexical-tokens.sqlite3"
INDEX_DIR = "lexical"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS document_tokens (
    document_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    tokenizer TEXT NOT NULL,
    corpus TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS vocabulary (
    id INTEGER PRIMARY KEY,
    token TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS document_terms (
    document_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    tokenizer TEXT NOT NULL,
    terms BLOB NOT NULL
)
"""
_GRAINS = ("clauses", "sentences", "bigrams")
_LOOKUP_BATCH = 500
# Postings arrays saved beside the index (rows and column starts are the index's own arrays, kept
# again so a splice does not depend on bm25s's file names).
_SAVED = ("rows", "tf", "indptr", "kept", "lengths")
# Above this many documents added, replaced or deleted at once, assembling everything is cheaper.
_SPLICE_LIMIT = 16


def document_hashes(grouped: Mapping[str, Sequence[Clause]]) -> dict[str, str]:
    """document id → `document_hash`, in the given order."""
    return {doc_id: document_hash(own) for doc_id, own in grouped.items()}


def hashes_of(clauses: Sequence[Clause]) -> dict[str, str]:
    """document id → `document_hash` of these clauses' documents, in order: read from a clause
    table (worked out when it was saved), computed otherwise."""
    if isinstance(clauses, ClauseTable):
        return dict(clauses.document_hashes)
    return document_hashes(_by_document(clauses))


@dataclass(frozen=True)
class StoreChange:
    """What one `sync` did: documents tokenized (added or replaced) and documents dropped."""

    tokenized: tuple[str, ...]
    deleted: tuple[str, ...]


class LexicalStore:
    """Per-document tokens (SQLite) and the saved lexical index (bm25s arrays) under one directory."""

    def __init__(self, directory: Path, tokenizer: Tokenizer = tokenize, tokenizer_fingerprint: str = "") -> None:
        """`tokenizer_fingerprint`: identifies the tokenizer's vocabulary and code (knowledge.tokens);
        stored tokens made by another tokenizer are recomputed."""
        self.directory = directory
        self.tokenizer = tokenizer
        self.tokenizer_fingerprint = tokenizer_fingerprint

    @property
    def index_dir(self) -> Path:
        return self.directory / INDEX_DIR

    def _connect(self) -> sqlite3.Connection:
        self.directory.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.directory / TOKENS_DB, timeout=30)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(_SCHEMA)
        return connection

    def put(
        self,
        document_id: str,
        clauses: Sequence[Clause],
        known: tuple[str, str] | None = None,
        wanted: str | None = None,
    ) -> bool:
        """Add or replace one document's tokens; False (and no jieba) when they are up to date.
        `known`: the (hash, tokenizer) stored for it, when the caller has read them already."""
        if any(c.document_id != document_id for c in clauses):
            raise ValueError(f"clauses of another document given for {document_id}")
        wanted = wanted or document_hash(clauses)
        if known == (wanted, self.tokenizer_fingerprint):
            return False  # up to date: not even a connection (sync asks this of every document)
        with closing(self._connect()) as db, db:
            if known is None:
                row = db.execute("SELECT hash, tokenizer FROM document_terms WHERE document_id = ?", (document_id,))
                known = row.fetchone()
            if known == (wanted, self.tokenizer_fingerprint):
                return False
            corpus = document_corpus(clauses, tokenizer=self.tokenizer)
            db.execute(
                "INSERT OR REPLACE INTO document_tokens (document_id, hash, tokenizer, corpus) VALUES (?, ?, ?, ?)",
                (document_id, wanted, self.tokenizer_fingerprint, json.dumps(vars(corpus), ensure_ascii=False)),
            )
            _store_terms(db, document_id, wanted, self.tokenizer_fingerprint, corpus)
        return True

    def delete(self, document_id: str) -> bool:
        """Forget one document's tokens; False when there were none."""
        with closing(self._connect()) as db, db:
            db.execute("DELETE FROM document_terms WHERE document_id = ?", (document_id,))
            return db.execute("DELETE FROM document_tokens WHERE document_id = ?", (document_id,)).rowcount > 0

    def documents(self) -> dict[str, str]:
        """document id → hash of the tokens stored."""
        with closing(self._connect()) as db:
            return dict(db.execute("SELECT document_id, hash FROM document_tokens"))

    def sync(self, clauses: Sequence[Clause], hashes: Mapping[str, str] | None = None) -> StoreChange:
        """Make the stored tokens those of exactly these clauses' documents (`hashes`: their
        `document_hash`es, when the caller has them)."""
        grouped = _by_document(clauses)
        hashes = hashes or document_hashes(grouped)
        with closing(self._connect()) as db:
            _migrate_terms(db)
            stored = {d: (h, t) for d, h, t in db.execute("SELECT document_id, hash, tokenizer FROM document_terms")}
        tokenized = tuple(
            doc_id
            for doc_id, own in grouped.items()
            if self.put(doc_id, own, stored.get(doc_id, ("", "")), hashes[doc_id])
        )
        stale = sorted(set(self.documents()) - set(grouped))
        deleted = tuple(doc_id for doc_id in stale if self.delete(doc_id))
        return StoreChange(tokenized, deleted)

    def index_fingerprint(self, clauses: Sequence[Clause], hashes: Mapping[str, str] | None = None) -> str:
        hashes = hashes or hashes_of(clauses)
        return fingerprint(self.tokenizer_fingerprint, *(f"{d}:{h}" for d, h in hashes.items()))

    def open(self, clauses: Sequence[Clause]) -> LexicalIndex:
        """The saved index of exactly these clauses, memory-mapped; rebuilt from stored tokens (and
        saved) when it is missing or stale. Documents without stored tokens are tokenized first."""
        hashes = hashes_of(clauses)
        expected = self.index_fingerprint(clauses, hashes)
        saved = LexicalIndex.load(self.index_dir, clauses, expected)
        index = saved if saved is not None else self.rebuild(clauses, expected, hashes)
        index.document_hashes = hashes
        return index

    def rebuild(
        self, clauses: Sequence[Clause], expected: str | None = None, hashes: Mapping[str, str] | None = None
    ) -> LexicalIndex:
        """The BM25 arrays of these clauses' documents, saved and reopened: the saved postings with
        the documents that changed spliced out and in (`Postings.splice`) when a few changed, else
        assembled from every document's stored term counts."""
        grouped = _by_document(clauses)
        hashes = hashes or document_hashes(grouped)
        self.sync(clauses, hashes)
        built = self._spliced(grouped, hashes) or self._assembled(grouped, hashes)
        with closing(self._connect()) as db:
            vocabulary = _vocabulary(db)
        clause, sentence, bigram = (p.bm25(vocabulary) for p in built.postings)
        index = LexicalIndex.from_arrays(clauses, clause, sentence, bigram, built.owner.astype(np.int64))
        fingerprint_now = expected or self.index_fingerprint(clauses, hashes)
        extra = {
            f"{grain}-{field}": getattr(p, field)
            for grain, p in zip(_GRAINS, built.postings, strict=True)
            for field in _SAVED
        }
        meta = {"tokenizer": self.tokenizer_fingerprint, "documents": built.documents}
        try:
            index.save(self.index_dir, fingerprint_now, extra, meta)
        except OSError as exc:  # a read-only data dir still answers, from memory
            log.warning("could not save the lexical index to %s: %s", self.index_dir, exc)
            return index
        reopened = LexicalIndex.load(self.index_dir, clauses, fingerprint_now)
        return reopened if reopened is not None else index

    def _assembled(self, grouped: Mapping[str, Sequence[Clause]], hashes: Mapping[str, str]) -> _Built:
        with closing(self._connect()) as db:
            rows = db.execute("SELECT document_id, terms FROM document_terms")
            stored = {doc_id: terms for doc_id, terms in rows if doc_id in grouped}
        parts: dict[str, list[TermCounts]] = {grain: [] for grain in _GRAINS}
        owners: list[np.ndarray] = []
        documents: list[list[object]] = []
        offset = 0
        for doc_id in grouped:
            decoded, owner = _decode_terms(stored[doc_id])
            for grain, counts in zip(_GRAINS, decoded, strict=True):
                parts[grain].append(counts)
            owners.append(owner + offset)
            offset += len(decoded[0].lengths)
            documents.append([doc_id, hashes[doc_id], *(len(c.lengths) for c in decoded)])
        postings = tuple(Postings.of(TermCounts.concat(parts[grain])) for grain in _GRAINS)
        owner = np.concatenate(owners) if owners else np.zeros(0, dtype=np.int64)
        return _Built(postings, owner, documents)

    def _spliced(self, grouped: Mapping[str, Sequence[Clause]], hashes: Mapping[str, str]) -> _Built | None:
        """The saved postings with changed documents replaced, or None when there are none to start
        from, the documents were reordered, or too many changed for splicing to pay."""
        saved = _saved_postings(self.index_dir, self.tokenizer_fingerprint)
        if saved is None:
            return None
        postings, owner, documents = list(saved.postings), saved.owner, saved.documents
        old = {str(d[0]): str(d[1]) for d in documents}
        changed = [d for d in grouped if old.get(d) != hashes[d]]
        gone = {str(d[0]) for d in documents if d[0] not in grouped or d[0] in changed}
        if len(changed) + len(gone) > _SPLICE_LIMIT:
            return None
        if [d for d in grouped if d not in changed] != [d[0] for d in documents if d[0] not in gone]:
            return None
        with closing(self._connect()) as db:
            marks = ",".join("?" * len(changed))
            query = f"SELECT document_id, terms FROM document_terms WHERE document_id IN ({marks})"
            stored = dict(db.execute(query, changed).fetchall()) if changed else {}
        if set(stored) != set(changed):
            return None
        units = {str(d[0]): [int(str(n)) for n in d[2:]] for d in documents}
        starts = [0] * len(_GRAINS)
        kept: list[list[object]] = []
        for entry in documents:  # out: every gone document, in order (its later neighbours move up)
            doc_id, sizes = str(entry[0]), units[str(entry[0])]
            if doc_id not in gone:
                kept.append(entry)
                starts = [a + n for a, n in zip(starts, sizes, strict=True)]
                continue
            postings = [p.splice(a, n, TermCounts.concat([])) for p, a, n in zip(postings, starts, sizes, strict=True)]
            owner = np.concatenate([owner[: starts[1]], owner[starts[1] + sizes[1] :] - sizes[0]])
        by_id = {str(d[0]): d for d in kept}
        starts = [0] * len(_GRAINS)
        result: list[list[object]] = []
        for doc_id in grouped:  # in: every changed document at its place in the new order
            if doc_id not in stored:
                sizes = units[doc_id]
                result.append(by_id[doc_id])
            else:
                decoded, own = _decode_terms(stored[doc_id])
                sizes = [len(c.lengths) for c in decoded]
                postings = [p.splice(a, 0, c) for p, a, c in zip(postings, starts, decoded, strict=True)]
                owner = np.concatenate([owner[: starts[1]], own + starts[0], owner[starts[1] :] + sizes[0]])
                result.append([doc_id, hashes[doc_id], *sizes])
            starts = [a + n for a, n in zip(starts, sizes, strict=True)]
        return _Built(tuple(postings), owner, result)


@dataclass(frozen=True)
class _Built:
    """The three grains' postings, each sentence's clause position, and per document in order its
    id, hash and units per grain (what a later splice needs to find its rows)."""

    postings: tuple[Postings, ...]
    owner: np.ndarray
    documents: list[list[object]]


def _saved_postings(directory: Path, tokenizer: str) -> _Built | None:
    """The postings saved beside the index in `directory` (memory-mapped), when they are there and
    from this tokenizer."""
    try:
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        if meta.get("tokenizer") != tokenizer or "documents" not in meta:
            return None
        postings = []
        for grain in _GRAINS:
            arrays = {f: np.load(directory / f"{grain}-{f}.npy", mmap_mode="r") for f in _SAVED}
            postings.append(Postings(**{f: np.asarray(a).view(np.ndarray) for f, a in arrays.items()}))
        owner = np.asarray(np.load(directory / OWNER_FILE, mmap_mode="r")).astype(np.int64)
        # Another process may have swapped the directory while these were read: the same meta after
        # as before means the same index, and the arrays must add up to its documents.
        unchanged = json.loads((directory / META_FILE).read_text(encoding="utf-8")) == meta
    except (OSError, ValueError, KeyError) as exc:
        log.info("no saved postings to splice in %s: %s", directory, exc)
        return None
    units = [sum(int(d[2 + g]) for d in meta["documents"]) for g in range(len(_GRAINS))]
    consistent = all(len(p.lengths) == n and p.indptr[-1] == len(p.rows) for p, n in zip(postings, units, strict=True))
    if not (unchanged and consistent and len(owner) == units[1]):
        return None
    return _Built(tuple(postings), owner, meta["documents"])


def _store_terms(db: sqlite3.Connection, document_id: str, hash_: str, tokenizer: str, corpus: DocumentCorpus) -> None:
    """One document's units as term ids and counts, new words appended to the vocabulary."""
    words = sorted({t for grain in _GRAINS for unit in getattr(corpus, grain) for t in unit})
    db.executemany("INSERT OR IGNORE INTO vocabulary (token) VALUES (?)", ((w,) for w in words))
    ids: dict[str, int] = {}
    for start in range(0, len(words), _LOOKUP_BATCH):
        batch = words[start : start + _LOOKUP_BATCH]
        marks = ",".join("?" * len(batch))
        ids.update(db.execute(f"SELECT token, id FROM vocabulary WHERE token IN ({marks})", batch))
    counted = [TermCounts.of(getattr(corpus, grain), ids.__getitem__) for grain in _GRAINS]
    header = [n for c in counted for n in (len(c.lengths), len(c.terms))]
    arrays = [np.asarray(header, dtype=np.int32), *(a for c in counted for a in c.arrays())]
    arrays.append(np.asarray(corpus.owner, dtype=np.int32))
    db.execute(
        "INSERT OR REPLACE INTO document_terms (document_id, hash, tokenizer, terms) VALUES (?, ?, ?, ?)",
        (document_id, hash_, tokenizer, np.concatenate(arrays).astype("<i4").tobytes()),
    )


def _decode_terms(blob: bytes) -> tuple[list[TermCounts], np.ndarray]:
    values = np.frombuffer(blob, dtype="<i4")
    header = values[: 2 * len(_GRAINS)]
    at = len(header)
    decoded = []
    for units, entries in header.reshape(-1, 2).tolist():
        lengths, sizes = values[at : at + units], values[at + units : at + 2 * units]
        at += 2 * units
        terms, counts = values[at : at + entries], values[at + entries : at + 2 * entries]
        at += 2 * entries
        decoded.append(TermCounts(lengths, sizes, terms, counts))
    return decoded, values[at:].astype(np.int64)


def _vocabulary(db: sqlite3.Connection) -> list[str]:
    """Token of each term id (ids start at 1; position 0 is never a term)."""
    (top,) = db.execute("SELECT COALESCE(MAX(id), 0) FROM vocabulary").fetchone()
    vocabulary = [""] * (top + 1)
    for term_id, token in db.execute("SELECT id, token FROM vocabulary"):
        vocabulary[term_id] = token
    return vocabulary


def _migrate_terms(db: sqlite3.Connection) -> None:
    """Term counts for documents whose tokens were stored before counts were (no jieba needed)."""
    missing = db.execute(
        "SELECT t.document_id, t.hash, t.tokenizer, t.corpus FROM document_tokens t "
        "LEFT JOIN document_terms c ON c.document_id = t.document_id "
        "WHERE c.document_id IS NULL OR c.hash != t.hash OR c.tokenizer != t.tokenizer"
    ).fetchall()
    if not missing:
        return
    with db:
        for document_id, hash_, tokenizer, corpus in missing:
            _store_terms(db, document_id, hash_, tokenizer, DocumentCorpus(**json.loads(corpus)))


def _by_document(clauses: Iterable[Clause]) -> dict[str, list[Clause]]:
    """Clauses grouped by document, in first-seen order; a document's clauses must be contiguous
    (the index keeps them in registry order)."""
    grouped: dict[str, list[Clause]] = {}
    last = None
    for clause in clauses:
        if clause.document_id != last and clause.document_id in grouped:
            raise ValueError(f"clauses of {clause.document_id} are not contiguous")
        grouped.setdefault(clause.document_id, []).append(clause)
        last = clause.document_id
    return grouped
