"""The clause registry: every clause of every source document, addressable by its stable id."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from knowledge.clauses import Clause, ParsedDocument, parse_document
from knowledge.documents import Document, load_manifest, read_source
from knowledge.quality import QualityReport


@dataclass(frozen=True)
class Registry:
    documents: dict[str, Document]
    parsed: dict[str, ParsedDocument]
    clauses: tuple[Clause, ...]
    content_hash: str
    _by_id: dict[str, Clause] = field(init=False, repr=False, compare=False)
    _by_document: dict[str, list[Clause]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {c.id: c for c in self.clauses})
        grouped: dict[str, list[Clause]] = {}
        for clause in self.clauses:
            grouped.setdefault(clause.document_id, []).append(clause)
        object.__setattr__(self, "_by_document", grouped)

    def get(self, clause_id: str) -> Clause:
        """The clause with this id; KeyError names the id when there is none."""
        try:
            return self._by_id[clause_id]
        except KeyError:
            raise KeyError(f"unknown clause id: {clause_id}") from None

    def has(self, clause_id: str) -> bool:
        return clause_id in self._by_id

    def document_of(self, clause: Clause) -> Document:
        return self.documents[clause.document_id]

    def clauses_of(self, document_id: str) -> list[Clause]:
        """A document's clauses in order (a lookup: called once per document at start)."""
        return list(self._by_document.get(document_id, []))

    def quality_reports(self) -> list[QualityReport]:
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


def assemble_registry(sources: Iterable[tuple[Document, str]]) -> Registry:
    """A registry of these documents and their texts, in the order given. Raises on any malformed
    source (fail loudly at load)."""
    digest = hashlib.sha256()
    documents: dict[str, Document] = {}
    parsed: dict[str, ParsedDocument] = {}
    clauses: list[Clause] = []
    for document, raw in sources:
        digest.update(document.model_dump_json().encode())
        digest.update(raw.encode())
        result = parse_source(document, raw)
        documents[document.id] = document
        parsed[document.id] = result
        clauses.extend(result.clauses)
    return Registry(
        documents=documents,
        parsed=parsed,
        clauses=tuple(clauses),
        content_hash=digest.hexdigest()[:16],
    )


def build_registry(sources: Path | None = None) -> Registry:
    """Parse every document in the manifest (the packaged seeds)."""
    manifest = load_manifest(sources)
    return assemble_registry((document, read_source(document, sources)) for document in manifest.documents)


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry of the packaged sources, built once per process."""
    return build_registry()
