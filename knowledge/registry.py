"""The clause registry: every clause of every source document, addressable by its stable id."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

import opencc

from knowledge.cache import fingerprint
from knowledge.clause_table import ClauseTable, open_clauses, save_clauses
from knowledge.clauses import Clause, ParsedDocument, parse_document
from knowledge.documents import Document, load_manifest, read_source
from knowledge.quality import QualityReport

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Registry:
    """`clauses`: every clause in memory (parsed sources), or a `ClauseTable` over the saved clause
    file, which parses a clause when it is read (`Registry.saved`)."""

    documents: dict[str, Document]
    parsed: dict[str, ParsedDocument]
    clauses: Sequence[Clause]
    content_hash: str
    # document id → `source_key` of what its clauses were parsed from (empty: not known).
    source_keys: dict[str, str] = field(default_factory=dict)
    _positions: dict[str, int] = field(init=False, repr=False, compare=False)
    _by_document: dict[str, list[int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[int]] = {}
        if isinstance(self.clauses, ClauseTable):
            table = self.clauses
            object.__setattr__(self, "_positions", {clause_id: i for i, clause_id in enumerate(table.ids)})
            grouped = {doc_id: list(table.positions_of(doc_id)) for doc_id in table.document_ids}
        else:
            object.__setattr__(self, "_positions", {c.id: i for i, c in enumerate(self.clauses)})
            for i, clause in enumerate(self.clauses):
                grouped.setdefault(clause.document_id, []).append(i)
        object.__setattr__(self, "_by_document", grouped)

    @classmethod
    def saved(cls, documents: dict[str, Document], clauses: ClauseTable, content_hash: str) -> Registry:
        """A registry over a saved clause file (no parse, no clause held until read)."""
        return cls(documents, {}, clauses, content_hash, dict(clauses.source_keys))

    def get(self, clause_id: str) -> Clause:
        """The clause with this id; KeyError names the id when there is none."""
        try:
            return self.clauses[self._positions[clause_id]]
        except KeyError:
            raise KeyError(f"unknown clause id: {clause_id}") from None

    def has(self, clause_id: str) -> bool:
        return clause_id in self._positions

    def document_id_of(self, clause_id: str) -> str:
        """The document of the clause with this id, without reading the clause from a clause file;
        KeyError names the id when there is none."""
        try:
            position = self._positions[clause_id]
        except KeyError:
            raise KeyError(f"unknown clause id: {clause_id}") from None
        if isinstance(self.clauses, ClauseTable):
            return self.clauses.document_id_at(position)
        return self.clauses[position].document_id

    def document_of(self, clause: Clause) -> Document:
        return self.documents[clause.document_id]

    def clauses_of(self, document_id: str) -> list[Clause]:
        """A document's clauses in order."""
        return [self.clauses[i] for i in self._by_document.get(document_id, ())]

    def document_ids(self) -> list[str]:
        """The documents that have clauses, in clause order."""
        return list(self._by_document)

    def quality_reports(self) -> list[QualityReport]:
        if isinstance(self.clauses, ClauseTable):
            return self.clauses.quality_reports()
        return [p.quality for p in self.parsed.values()]

    def is_in_force(self, document_id: str, as_of: date) -> bool:
        return self.documents[document_id].is_in_force(as_of)

    def successor_of(self, document: Document) -> Document | None:
        """The newer document that replaced this one, when it is in the registry too."""
        return self.documents.get(document.superseded_by) if document.superseded_by else None

    @property
    def jurisdictions(self) -> list[str]:
        """Covered jurisdictions, in manifest order (吉林省, 巴中市, …)."""
        return list(self._jurisdictions)

    @cached_property
    def _jurisdictions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(doc.jurisdiction for doc in self.documents.values()))


def parse_source(document: Document, text: str) -> ParsedDocument:
    """Clauses of one document (the general parser, whatever its layout)."""
    return parse_document(document, text)


_KNOWLEDGE_IMPORT = re.compile(r"^\s*from knowledge\.(\w+)", re.MULTILINE)


@lru_cache(maxsize=1)
def _parser_sources() -> dict[str, str]:
    """module name (in `knowledge`) → source, for `knowledge.structure` and every module of the
    package it imports, directly or not (found from the import statements, so a new module is
    covered without a list)."""
    package = Path(__file__).resolve().parent
    seen: dict[str, str] = {}
    todo = ["structure"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        source = (package / f"{name}.py").read_text(encoding="utf-8")
        seen[name] = source
        todo += _KNOWLEDGE_IMPORT.findall(source)
    return seen


def parser_modules() -> list[str]:
    """The `knowledge` modules the parser's fingerprint covers."""
    return sorted(_parser_sources())


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """The parser's code (`parser_modules`) and opencc's version (traditional → simplified)."""
    sources = _parser_sources()
    return fingerprint(f"opencc {opencc.__version__}", *(f"{n}\n{sources[n]}" for n in sorted(sources)))


def source_key(document: Document, raw: str) -> str:
    """What one document's clauses are parsed from: the document, its text and the parser."""
    return fingerprint(parser_fingerprint(), document.model_dump_json(), raw)


def assemble_registry(sources: Iterable[tuple[Document, str]]) -> Registry:
    """A registry of these documents and their texts, in the order given. Raises on any malformed
    source (fail loudly at load)."""
    digest = hashlib.sha256()
    documents: dict[str, Document] = {}
    parsed: dict[str, ParsedDocument] = {}
    clauses: list[Clause] = []
    keys: dict[str, str] = {}
    for document, raw in sources:
        digest.update(document.model_dump_json().encode())
        digest.update(raw.encode())
        result = parse_source(document, raw)
        documents[document.id] = document
        parsed[document.id] = result
        keys[document.id] = source_key(document, raw)
        clauses.extend(result.clauses)
    return Registry(
        documents=documents,
        parsed=parsed,
        clauses=tuple(clauses),
        content_hash=digest.hexdigest()[:16],
        source_keys=keys,
    )


def saved_registry(sources: Sequence[tuple[Document, str]], directory: Path) -> Registry | None:
    """The registry of these documents read from the clause file saved in `directory` (no parse:
    clauses are read when used), or None when that file was parsed from anything else (another
    document, text, order or parser)."""
    table = open_clauses(directory)
    if table is None:
        return None
    digest = hashlib.sha256()
    keys: dict[str, str] = {}
    for document, raw in sources:
        digest.update(document.model_dump_json().encode())
        digest.update(raw.encode())
        keys[document.id] = source_key(document, raw)
    if list(table.source_keys.items()) != list(keys.items()) or list(table.document_ids) != list(keys):
        return None
    documents = {document.id: document for document, _raw in sources}
    return Registry.saved(documents, table, digest.hexdigest()[:16])


def registry_of(sources: Sequence[tuple[Document, str]], saved: Path | None = None) -> Registry:
    """The registry of these documents: from the clause file saved in `saved` when it was parsed
    from exactly them, else parsed now."""
    found = saved_registry(sources, saved) if saved is not None else None
    return found if found is not None else assemble_registry(sources)


def save_registry(registry: Registry, directory: Path, hashes: Mapping[str, str] | None = None) -> bool:
    """Keep this registry's clauses in the clause file under `directory` for the next process
    (`saved_registry`); False when there is nothing to write (the file holds them already, or
    the registry does not know what its clauses were parsed from)."""
    if isinstance(registry.clauses, ClauseTable) or not registry.source_keys:
        return False
    table = open_clauses(directory)
    if table is not None and table.source_keys == registry.source_keys:
        return False
    grouped = {doc_id: registry.clauses_of(doc_id) for doc_id in registry.document_ids()}
    try:
        save_clauses(directory, grouped, hashes, registry.source_keys, registry.quality_reports())
    except OSError as exc:  # a full or read-only volume: the next start parses, as before
        log.warning("parsed clauses not saved to %s: %s", directory, exc)
        return False
    return True


def build_registry(sources: Path | None = None) -> Registry:
    """Parse every document in the manifest (the packaged seeds)."""
    manifest = load_manifest(sources)
    return assemble_registry((document, read_source(document, sources)) for document in manifest.documents)


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry of the packaged sources, built once per process."""
    return build_registry()
