"""The seam to the published documents: which documents a place has, whether or not rules exist yet.

Eligibility lists a published document that has no rules yet as such (条件尚未整理成规则) instead of
silently leaving it out, so a person in a place whose policy was just published learns that there
is one. The catalog is injected (the knowledge core's clause `Registry` fits; a database of
documents with a lifecycle will too) and read on every check, so a publish shows without restart.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Protocol


class PublishedDocument(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def jurisdiction(self) -> str: ...

    @property
    def signed(self) -> date: ...

    @property
    def is_draft(self) -> bool: ...


class DocumentCatalog(Protocol):
    """The documents in force for answers (published), by id."""

    @property
    def documents(self) -> Mapping[str, PublishedDocument]: ...
