"""The source manifest: one entry per policy document, with its official metadata."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.datafile import read_yaml
from knowledge.errors import SourceError

MANIFEST_NAME = "manifest.yaml"


class DocumentStatus(StrEnum):
    OFFICIAL = "official"
    DRAFT = "draft"


STATUS_LABELS = {DocumentStatus.OFFICIAL: "正式文件", DocumentStatus.DRAFT: "征求意见稿（草案，未正式施行）"}


class Structure(StrEnum):
    """The layout a document's numbering follows. The parser reads every layout by itself
    (knowledge.structure); the value tells the wording of citations how clauses are labelled."""

    SECTIONS_WITH_CLAUSES = "sections_with_clauses"
    SECTIONS_ONLY = "sections_only"
    AUTO = "auto"


class TimeLimitedMeasure(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    clause: int
    text: str
    valid_from: date | None = None
    valid_to: date | None = None

    def has_expired(self, as_of: date) -> bool:
        return self.valid_to is not None and self.valid_to < as_of


class Document(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    source_file: str
    title: str
    short_name: str
    issuer: str
    province: str
    city: str | None
    document_number: str | None
    index_number: str | None = None
    signed: date
    published: date | None
    published_note: str | None
    status: DocumentStatus
    structure: Structure
    departments_lead_first: bool = False
    time_limited_measures: tuple[TimeLimitedMeasure, ...] = ()
    # The lifecycle (documents kept in the database): a county's document, when it takes effect and
    # until when, and the newer document that replaced it.
    county: str | None = None
    effective: date | None = None
    valid_until: date | None = None
    superseded_by: str | None = None

    @property
    def jurisdiction(self) -> str:
        """The place the document governs: the county or city where it is theirs, else the province."""
        return self.county or self.city or self.province

    def is_in_force(self, as_of: date) -> bool:
        """Official, not replaced by a newer document, and within its validity on `as_of`."""
        if self.is_draft or self.superseded_by is not None:
            return False
        starts = self.effective or self.signed
        return starts <= as_of and (self.valid_until is None or as_of <= self.valid_until)

    def is_replaced(self, as_of: date) -> bool:
        """Superseded by a newer document, or past its validity: answers prefer other documents."""
        return self.superseded_by is not None or (self.valid_until is not None and self.valid_until < as_of)

    @property
    def is_draft(self) -> bool:
        return self.status == DocumentStatus.DRAFT

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def measures_for(self, clause_number: int) -> list[TimeLimitedMeasure]:
        return [m for m in self.time_limited_measures if m.clause == clause_number]


class Manifest(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    documents: tuple[Document, ...]

    @cached_property
    def by_id(self) -> dict[str, Document]:
        return {doc.id: doc for doc in self.documents}


def sources_dir() -> Path:
    return Path(__file__).resolve().parent / "sources"


def load_manifest(directory: Path | None = None) -> Manifest:
    path = (directory or sources_dir()) / MANIFEST_NAME
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
        return Manifest.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise SourceError(f"{path}: {exc}") from exc


def read_source(document: Document, directory: Path | None = None) -> str:
    path = (directory or sources_dir()) / document.source_file
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"{path}: {exc}") from exc
