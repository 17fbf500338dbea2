"""The lexical index on disk, kept per document: tokens stored at ingest, the BM25 arrays built from
them and opened memory-mapped by every process.

Adding, replacing or deleting one document tokenizes only that document (jieba is the slow part);
the BM25 arrays are then rebuilt from the stored tokens of every document, because IDF and length
normalisation are corpus-wide — every clause's weights move when a document comes or goes. The
saved arrays carry a fingerprint of the tokenizer and of every document's hash, so a process opens
them only when they index exactly the clauses it serves.

    store = LexicalStore(data_dir / "index")
    store.put("jilin-2017", clauses_of_jilin)      # add or replace one document's tokens
    store.delete("shangluo-2012")                   # forget one document
    index = store.open(all_clauses)                 # the saved index, rebuilt only when stale
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path

from knowledge.cache import fingerprint
from knowledge.clauses import Clause
from knowledge.lexical import DocumentCorpus, LexicalIndex, Tokenizer, document_corpus
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
)
"""


def document_hash(clauses: Sequence[Clause]) -> str:
    """What the index depends on in one document: its clauses' ids and texts, in order (one hash
    update per document: this runs over every clause each time a process opens the index)."""
    parts = [part for c in clauses for part in (c.id, c.heading, c.section_heading or "", c.body)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


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
        connection.execute(_SCHEMA)
        return connection

    def put(self, document_id: str, clauses: Sequence[Clause]) -> bool:
        """Add or replace one document's tokens; False (and no jieba) when they are up to date."""
        if any(c.document_id != document_id for c in clauses):
            raise ValueError(f"clauses of another document given for {document_id}")
        wanted = document_hash(clauses)
        with closing(self._connect()) as db, db:
            row = db.execute("SELECT hash, tokenizer FROM document_tokens WHERE document_id = ?", (document_id,))
            if row.fetchone() == (wanted, self.tokenizer_fingerprint):
                return False
            corpus = document_corpus(clauses, tokenizer=self.tokenizer)
            db.execute(
                "INSERT OR REPLACE INTO document_tokens (document_id, hash, tokenizer, corpus) VALUES (?, ?, ?, ?)",
                (document_id, wanted, self.tokenizer_fingerprint, json.dumps(asdict(corpus), ensure_ascii=False)),
            )
        return True

    def delete(self, document_id: str) -> bool:
        """Forget one document's tokens; False when there were none."""
        with closing(self._connect()) as db, db:
            return db.execute("DELETE FROM document_tokens WHERE document_id = ?", (document_id,)).rowcount > 0

    def documents(self) -> dict[str, str]:
        """document id → hash of the tokens stored."""
        with closing(self._connect()) as db:
            return dict(db.execute("SELECT document_id, hash FROM document_tokens"))

    def sync(self, clauses: Sequence[Clause]) -> StoreChange:
        """Make the stored tokens those of exactly these clauses' documents."""
        grouped = _by_document(clauses)
        tokenized = tuple(doc_id for doc_id, own in grouped.items() if self.put(doc_id, own))
        stale = sorted(set(self.documents()) - set(grouped))
        deleted = tuple(doc_id for doc_id in stale if self.delete(doc_id))
        return StoreChange(tokenized, deleted)

    def index_fingerprint(self, clauses: Sequence[Clause]) -> str:
        grouped = _by_document(clauses)
        parts = [self.tokenizer_fingerprint, *(f"{d}:{document_hash(c)}" for d, c in grouped.items())]
        return fingerprint(*parts)

    def open(self, clauses: Sequence[Clause]) -> LexicalIndex:
        """The saved index of exactly these clauses, memory-mapped; rebuilt from stored tokens (and
        saved) when it is missing or stale. Documents without stored tokens are tokenized first."""
        expected = self.index_fingerprint(clauses)
        saved = LexicalIndex.load(self.index_dir, clauses, expected)
        if saved is not None:
            return saved
        return self.rebuild(clauses, expected)

    def rebuild(self, clauses: Sequence[Clause], expected: str | None = None) -> LexicalIndex:
        """Build the BM25 arrays from the stored tokens of these clauses' documents, save, reopen."""
        grouped = _by_document(clauses)
        self.sync(clauses)
        with closing(self._connect()) as db:
            rows = db.execute("SELECT document_id, corpus FROM document_tokens")
            stored = {doc_id: corpus for doc_id, corpus in rows if doc_id in grouped}
        corpus = DocumentCorpus()
        for doc_id in grouped:
            corpus.extend(DocumentCorpus(**json.loads(stored[doc_id])))
        index = LexicalIndex.from_corpora(clauses, corpus)
        fingerprint_now = expected or self.index_fingerprint(clauses)
        try:
            index.save(self.index_dir, fingerprint_now)
        except OSError as exc:  # a read-only data dir still answers, from memory
            log.warning("could not save the lexical index to %s: %s", self.index_dir, exc)
            return index
        reopened = LexicalIndex.load(self.index_dir, clauses, fingerprint_now)
        return reopened if reopened is not None else index


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
