"""Measure units derived per document are kept beside the index (issue 13, item 5): a process reads
them back instead of cutting every document's text at start, and an edited document is cut again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from knowledge import measure_store
from knowledge.clauses import Clause
from knowledge.derive import measure_units
from knowledge.measure_store import MeasureUnitStore
from knowledge.registry import Registry

NO_CURATED: dict[str, tuple] = {}  # type: ignore[type-arg]


def test_stored_units_are_the_units_derived_from_the_text(tmp_path: Path, registry: Registry) -> None:
    path = tmp_path / "derived.sqlite3"
    first = MeasureUnitStore(path).units(registry.documents, registry.clauses_of, NO_CURATED)
    assert first == measure_units(registry.documents, registry.clauses_of, NO_CURATED)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM derived_measures").fetchone() == (len(registry.documents),)


def test_a_second_start_derives_nothing_and_an_edited_document_is_derived_again(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "derived.sqlite3"
    MeasureUnitStore(path).units(registry.documents, registry.clauses_of, NO_CURATED)
    derived: list[str] = []
    real = measure_store.derive_measures

    def counting(document_id: str, clauses: list[Clause]):  # type: ignore[no-untyped-def]
        derived.append(document_id)
        return real(document_id, clauses)

    monkeypatch.setattr(measure_store, "derive_measures", counting)
    again = MeasureUnitStore(path).units(registry.documents, registry.clauses_of, NO_CURATED)
    assert derived == []
    assert again == measure_units(registry.documents, registry.clauses_of, NO_CURATED)

    edited_doc = "bazhong-2018"
    edited = {
        c.id: c.model_copy(
            update={
                "body": c.body + "另给予每人2000元一次性求职补贴。",
                "text": c.text + "另给予每人2000元一次性求职补贴。",
            }
        )
        for c in registry.clauses_of(edited_doc)[-1:]
    }

    def clauses_of(document_id: str) -> list[Clause]:
        return [edited.get(c.id, c) for c in registry.clauses_of(document_id)]

    units = MeasureUnitStore(path).units(registry.documents, clauses_of, NO_CURATED)
    assert derived == [edited_doc]
    assert units[edited_doc] == measure_units([edited_doc], clauses_of, NO_CURATED)[edited_doc]
