"""The published documents as one-shot commands read them (`policybot ask`, `check`): from the
embedded SQLite file with the standard library's sqlite3, without SQLAlchemy or Alembic, so a
question costs no database stack (issue 9's start-up budget). No file yet means no staff change
yet: the packaged seeds are what is published. Anything else (PostgreSQL, a file whose schema is
older) goes through bot/library.py."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from knowledge.documents import Document

PUBLISHED = "published"
# A document whose date was not found is kept in review with this placeholder and cannot be published.
UNKNOWN_DATE = date(1, 1, 1)
_QUERY = (
    "SELECT id, title, issuer, document_number, province, city, county, signed, effective, valid_until, "
    "status, superseded_by, details, text FROM policy_documents WHERE state = ? ORDER BY created_at, id"
)


def document_from(values: Mapping[str, Any]) -> Document:
    """A stored document's row (columns by name) as the knowledge core's Document."""
    details = json.loads(values["details"] or "{}")
    details.pop("clause_count", None)
    details.pop("problems", None)
    details.pop("place_named", None)  # the review's note on the jurisdiction staff set (bot/library.py edit)
    return Document.model_validate(
        {
            **details,
            **{key: values[key] for key in ("id", "title", "issuer", "document_number", "city", "county")},
            "province": values["province"] or "",
            "signed": values["signed"] or UNKNOWN_DATE,
            "effective": values["effective"],
            "valid_until": values["valid_until"],
            "status": values["status"],
            "superseded_by": values["superseded_by"],
        }
    )


def read_sqlite(path: Path) -> tuple[int, list[tuple[Document, str]]] | None:
    """(version, published documents with their texts) from the file, read in one transaction;
    None when the file or its document tables are not there yet (the caller takes the full path)."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error:
        return None
    try:
        connection.row_factory = sqlite3.Row
        with connection:
            connection.execute("BEGIN")
            found = connection.execute("SELECT version FROM documents_version WHERE id = 1").fetchone()
            if found is None:
                return None
            rows = connection.execute(_QUERY, (PUBLISHED,)).fetchall()
        return int(found["version"]), [(document_from(dict(row)), str(row["text"])) for row in rows]
    except sqlite3.Error:
        return None
    finally:
        connection.close()
