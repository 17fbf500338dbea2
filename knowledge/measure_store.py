"""Measure units derived from each document's text, kept per document beside the index.

Cutting measure units from a document's text (`knowledge.derive`) costs tens of milliseconds; at
every city's scale that was minutes at every process start. The units are stored per document under
a hash of its clauses and a fingerprint of the deriving code, so a process reads them back and only
a new or edited document is cut again. A stale row is a plain miss, never a wrong answer.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from pathlib import Path

from pydantic import TypeAdapter

from knowledge import derive, measures
from knowledge.cache import fingerprint
from knowledge.clauses import Clause
from knowledge.derive import derive_measures
from knowledge.lexical_store import document_hash
from knowledge.measures import CHECKED_WHEN_STORED, Measure

log = logging.getLogger(__name__)

MEASURES_DB = "derived-measures.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS derived_measures (
    document_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    deriver TEXT NOT NULL,
    measures TEXT NOT NULL
)
"""
_UNITS = TypeAdapter(tuple[Measure, ...])
_INSERT = "INSERT OR REPLACE INTO derived_measures (document_id, hash, deriver, measures) VALUES (?, ?, ?, ?)"


def deriver_fingerprint() -> str:
    """The code that cuts and models the units: any change there makes every stored row stale."""
    return fingerprint(*(Path(module.__file__ or "").read_bytes() for module in (derive, measures)))


class MeasureUnitStore:
    """document id → its derived measure units, read from a SQLite file and filled on a miss."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.deriver = deriver_fingerprint()

    def units(
        self,
        documents: Iterable[str],
        clauses_of: Callable[[str], list[Clause]],
        curated: Mapping[str, tuple[Measure, ...]],
    ) -> dict[str, tuple[Measure, ...]]:
        """What `derive.measure_units` returns, with the derived part read from the store."""
        stored = self._read()
        out: dict[str, tuple[Measure, ...]] = {}
        missing: list[tuple[str, str, tuple[Measure, ...]]] = []
        for document_id in documents:
            clauses = clauses_of(document_id)
            texts = {clause.id: clause.text for clause in clauses}
            mine = curated.get(document_id, ())
            if mine and all(m.clause in texts and m.span in texts[m.clause] for m in mine):
                out[document_id] = mine
                continue
            wanted = document_hash(clauses)
            row = stored.get(document_id)
            if row is not None and row[0] == wanted:
                out[document_id] = _UNITS.validate_json(row[1], context={CHECKED_WHEN_STORED: True})
                continue
            out[document_id] = derive_measures(document_id, clauses)
            missing.append((document_id, wanted, out[document_id]))
        if missing:
            self._write(missing)
        return out

    def _connect(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
            connection.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            log.warning("derived measures store %s unusable: %s", self.path, exc)
            return None
        return connection

    def _read(self) -> dict[str, tuple[str, str]]:
        connection = self._connect()
        if connection is None:
            return {}
        with closing(connection) as db:
            rows = db.execute(
                "SELECT document_id, hash, measures FROM derived_measures WHERE deriver = ?", (self.deriver,)
            )
            return {doc_id: (hash_, units) for doc_id, hash_, units in rows}

    def _write(self, rows: list[tuple[str, str, tuple[Measure, ...]]]) -> None:
        """Store newly derived units; a failure only costs the next start the deriving."""
        connection = self._connect()
        if connection is None:
            return
        try:
            with closing(connection) as db, db:
                db.executemany(
                    _INSERT,
                    (
                        (
                            doc_id,
                            hash_,
                            self.deriver,
                            json.dumps(_UNITS.dump_python(units, mode="json"), ensure_ascii=False),
                        )
                        for doc_id, hash_, units in rows
                    ),
                )
        except sqlite3.Error as exc:
            log.warning("could not store derived measures in %s: %s", self.path, exc)
