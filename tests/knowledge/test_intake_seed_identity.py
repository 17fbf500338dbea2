"""The general parser reads the five seeds exactly as the two fixed layouts did before it.

`data/intake/seed_parses.json` was written by the fixed-layout parser (sections_with_clauses /
sections_only) just before the general parser replaced it: ids, labels, headings, sections,
departments, preamble, closing and the quality report verbatim, clause texts by SHA-256.
After an intended change to normalization, re-pin it (and review the diff) with
`PYTHONPATH=. python tests/knowledge/test_intake_seed_identity.py`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from knowledge.clauses import ParsedDocument
from knowledge.documents import load_manifest, read_source
from knowledge.intake import parse_clauses

SNAPSHOT = Path(__file__).parent / "data" / "intake" / "seed_parses.json"
DOCUMENTS = {document.id: document for document in load_manifest().documents}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def snapshot_of(parsed: ParsedDocument) -> dict[str, Any]:
    data = parsed.model_dump(mode="json")
    for clause in data["clauses"]:
        if clause.get("source_text") is None:  # written in simplified characters: as the snapshot was taken
            clause.pop("source_text", None)
        for key in ("text", "body", "original_text"):
            clause[key] = _digest(clause[key])
    return data


EXPECTED: dict[str, Any] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))


@pytest.mark.parametrize("document_id", list(DOCUMENTS))
def test_the_general_parser_reads_each_seed_as_before(document_id: str) -> None:
    document = DOCUMENTS[document_id]
    parsed = parse_clauses(document, read_source(document))
    got = snapshot_of(parsed)
    expected = EXPECTED[document_id]
    assert [c["id"] for c in got["clauses"]] == [c["id"] for c in expected["clauses"]]
    for mine, theirs in zip(got["clauses"], expected["clauses"], strict=True):
        assert mine == theirs, mine["id"]
    assert got == expected


if __name__ == "__main__":
    pinned = {doc_id: snapshot_of(parse_clauses(doc, read_source(doc))) for doc_id, doc in DOCUMENTS.items()}
    SNAPSHOT.write_text(json.dumps(pinned, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
