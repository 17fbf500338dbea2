"""Measure units derived from each document's text, kept per document beside the index.

Cutting measure units from a document's text (`knowledge.derive`) costs tens of milliseconds; at
every city's scale that was minutes at every process start. The units are stored per document under
a hash of its clauses and a fingerprint of the deriving code, so a process reads them back and only
a new or edited document is cut again. A stale row is a plain miss, never a wrong answer.

A serving process does not hold every unit either (`MeasureUnitStore.catalog`): it reads each
document's *headings* (measure id, clause, names — what the matcher looks measures up by) at start,
and a document's units when a question first reaches one of its clauses. Replicas and amendments
repeat the same names, spans and figures, so the text of units read is shared, not copied.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from knowledge import attached, granted_figures, listed, measures
from knowledge.cache import fingerprint
from knowledge.clause_table import document_hash
from knowledge.clauses import Clause
from knowledge.measures import CHECKED_WHEN_STORED, Measure, MeasureHeading, content_key, heading_of

log = logging.getLogger(__name__)

MEASURES_DB = "derived-measures.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS derived_measures (
    document_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    deriver TEXT NOT NULL,
    measures TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS derived_headings (
    document_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    deriver TEXT NOT NULL,
    headings TEXT NOT NULL
)
"""
_UNITS = TypeAdapter(tuple[Measure, ...])
_INSERT = "INSERT OR REPLACE INTO derived_measures (document_id, hash, deriver, measures) VALUES (?, ?, ?, ?)"
_INSERT_HEADINGS = "INSERT OR REPLACE INTO derived_headings (document_id, hash, deriver, headings) VALUES (?, ?, ?, ?)"
# Fields that name one unit only: never shared between units, so not worth interning.
_OWN_FIELDS = frozenset({"id", "clause", "granted_in"})


def deriver_fingerprint() -> str:
    """The code that cuts and models the units: any change there makes every stored row stale."""
    cutter = importlib.util.find_spec("knowledge.derive")  # its file, not the module: see `derive_measures`
    files = [cutter.origin if cutter is not None else None]
    files += [module.__file__ for module in (granted_figures, listed, attached, measures)]
    return fingerprint(*(Path(name or "").read_bytes() for name in files))


def derive_measures(document_id: str, clauses: Iterable[Clause]) -> tuple[Measure, ...]:
    """`knowledge.derive.derive_measures`, imported when a document's units are first cut in this process: a
    process that reads them from the store (`policybot ask`, a worker) never compiles the cutter's ≈ 70 patterns."""
    from knowledge.derive import derive_measures as cut

    return cut(document_id, clauses)


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
            connection.executescript(_SCHEMA)
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
                db.executemany(
                    _INSERT_HEADINGS,
                    (
                        (doc_id, hash_, self.deriver, _headings_json([heading_of(m, doc_id) for m in units]))
                        for doc_id, hash_, units in rows
                    ),
                )
        except sqlite3.Error as exc:
            log.warning("could not store derived measures in %s: %s", self.path, exc)

    def catalog(
        self,
        documents: Iterable[str],
        clauses_of: Callable[[str], list[Clause]],
        curated: Mapping[str, tuple[Measure, ...]],
        hashes: Mapping[str, str] | None = None,
    ) -> StoredMeasures:
        """The same units as `units`, as a catalog: headings now, each stored document's units when
        first asked for. Documents without an up-to-date row are cut now (and stored). `hashes`:
        the documents' `document_hash`es when the caller has them (the lexical index does)."""
        hashes = hashes or {}
        rows = self._read_headings()
        in_memory: dict[str, tuple[Measure, ...]] = {}
        headings: list[MeasureHeading] = []
        stored: dict[str, str] = {}
        missing: list[tuple[str, str, tuple[Measure, ...]]] = []
        for document_id in documents:
            # A document's clauses are read only when they are needed (curated units to check, or
            # units to cut): with a clause table a stored document parses none of them.
            mine = curated.get(document_id, ())
            if mine:
                texts = {clause.id: clause.text for clause in clauses_of(document_id)}
                if all(m.clause in texts and m.span in texts[m.clause] for m in mine):
                    in_memory[document_id] = mine
                    headings += [heading_of(m, document_id) for m in mine]
                    continue
            wanted = hashes.get(document_id) or document_hash(clauses_of(document_id))
            row = rows.get(document_id)
            if row is not None and row[0] == wanted:
                stored[document_id] = wanted
                headings += [MeasureHeading(i, c, document_id, tuple(n), k) for i, c, n, k in row[1]]
                continue
            units = in_memory[document_id] = derive_measures(document_id, clauses_of(document_id))
            headings += [heading_of(m, document_id) for m in units]
            missing.append((document_id, wanted, units))
        if missing:
            self._write(missing)
        return StoredMeasures(self, headings, in_memory, stored, clauses_of)

    def _read_headings(self) -> dict[str, tuple[str, list[list[Any]]]]:
        """document id → (hash, headings as [id, clause, names, content key]) of the current deriver;
        headings missing for a stored row (a store written before they were, or before they held
        each unit's content key) are made from its units, without pydantic."""
        connection = self._connect()
        if connection is None:
            return {}
        with closing(connection) as db:
            rows = db.execute(
                "SELECT m.document_id, m.hash, h.hash, h.headings FROM derived_measures m "
                "LEFT JOIN derived_headings h ON h.document_id = m.document_id AND h.deriver = m.deriver "
                "WHERE m.deriver = ?",
                (self.deriver,),
            ).fetchall()
            out = {
                doc_id: (hash_, entries)
                for doc_id, hash_, own_hash, headings in rows
                if own_hash == hash_ and (entries := _entries_with_content(headings)) is not None
            }
            stale = [doc_id for doc_id, *_ in rows if doc_id not in out]
            if stale:
                made = []
                for doc_id in stale:
                    hash_, units = db.execute(
                        "SELECT hash, measures FROM derived_measures WHERE document_id = ?", (doc_id,)
                    ).fetchone()
                    entries = [
                        [u["id"], u["clause"], [u["name"], *u["aliases"]], content_key(u)] for u in json.loads(units)
                    ]
                    made.append((doc_id, hash_, self.deriver, json.dumps(entries, ensure_ascii=False)))
                    out[doc_id] = (hash_, entries)
                try:
                    with db:
                        db.executemany(_INSERT_HEADINGS, made)
                except sqlite3.Error as exc:
                    log.warning("could not store measure headings in %s: %s", self.path, exc)
        return out

    def read_units(self, document_id: str, hash_: str, strings: dict[str, str]) -> tuple[Measure, ...] | None:
        """One document's stored units, if its row is still the one wanted; equal texts are shared
        through `strings`."""
        connection = self._connect()
        if connection is None:
            return None
        with closing(connection) as db:
            row = db.execute(
                "SELECT measures FROM derived_measures WHERE document_id = ? AND hash = ? AND deriver = ?",
                (document_id, hash_, self.deriver),
            ).fetchone()
        if row is None:
            return None
        raw = _interned(json.loads(row[0]), strings)
        return _UNITS.validate_python(raw, context={CHECKED_WHEN_STORED: True})


class StoredMeasures:
    """A catalog of units (`knowledge.measures.MeasureCatalog`): headings of every measure, the
    units of a stored document read on first use and then kept (with their texts shared, every
    unit of every city's replicas is tens of megabytes, not hundreds)."""

    def __init__(
        self,
        store: MeasureUnitStore,
        headings: list[MeasureHeading],
        in_memory: dict[str, tuple[Measure, ...]],
        stored: dict[str, str],
        clauses_of: Callable[[str], list[Clause]],
    ) -> None:
        self._store = store
        self._clauses_of = clauses_of
        self._headings = headings
        self._stored = stored
        self._by_document: dict[str, dict[str, Measure]] = {
            doc_id: {m.id: m for m in units} for doc_id, units in in_memory.items()
        }
        self._strings: dict[str, str] = {}
        self._lock = threading.Lock()

    def headings(self) -> list[MeasureHeading]:
        return list(self._headings)

    def measure(self, heading: MeasureHeading) -> Measure:
        units = self._by_document.get(heading.document)
        if units is None:
            units = self._load(heading.document)
        return units[heading.id]

    def _load(self, document_id: str) -> dict[str, Measure]:
        with self._lock:
            units = self._by_document.get(document_id)
            if units is not None:
                return units
            read = self._store.read_units(document_id, self._stored[document_id], self._strings)
            if read is None:  # the row changed or went since start: cut this process's clauses again
                read = derive_measures(document_id, self._clauses_of(document_id))
            units = self._by_document[document_id] = {m.id: m for m in read}
            return units


def _headings_json(headings: list[MeasureHeading]) -> str:
    return json.dumps([[h.id, h.clause, list(h.names), h.content] for h in headings], ensure_ascii=False)


def _entries_with_content(headings: str | None) -> list[list[Any]] | None:
    """The entries of a headings JSON, or None when there is none or they carry no content key (a
    store written before they did)."""
    if headings is None:
        return None
    entries: list[list[Any]] = json.loads(headings)
    return entries if not entries or len(entries[0]) == 4 else None  # a row is written in one format


def _interned(value: Any, strings: dict[str, str], key: str = "") -> Any:
    """The parsed JSON with every text that is not one unit's own id taken from `strings`."""
    if isinstance(value, str):
        return value if key in _OWN_FIELDS else strings.setdefault(value, value)
    if isinstance(value, list):
        return [_interned(item, strings, key) for item in value]
    if isinstance(value, dict):
        return {k: _interned(v, strings, k) for k, v in value.items()}
    return value
