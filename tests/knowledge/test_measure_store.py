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
from knowledge.measures import Measure
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


def _all_measures(catalog: measure_store.StoredMeasures) -> dict[str, list[Measure]]:
    out: dict[str, list[Measure]] = {}
    for heading in catalog.headings():
        out.setdefault(heading.document, []).append(catalog.measure(heading))
    return out


def test_a_catalog_lists_every_unit_and_reads_a_document_only_when_one_of_its_units_is_asked(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "derived.sqlite3"
    expected = measure_units(registry.documents, registry.clauses_of, NO_CURATED)
    MeasureUnitStore(path).units(registry.documents, registry.clauses_of, NO_CURATED)
    store = MeasureUnitStore(path)
    read: list[str] = []
    real = store.read_units

    def counting(document_id: str, hash_: str, strings: dict[str, str]):  # type: ignore[no-untyped-def]
        read.append(document_id)
        return real(document_id, hash_, strings)

    monkeypatch.setattr(store, "read_units", counting)
    monkeypatch.setattr(measure_store, "derive_measures", _never)
    catalog = store.catalog(registry.documents, registry.clauses_of, NO_CURATED)
    assert read == []
    headings = catalog.headings()
    assert [h.id for h in headings] == [m.id for units in expected.values() for m in units]
    one = next(h for h in headings if h.document == "jilin-2017")
    assert catalog.measure(one) == next(m for m in expected["jilin-2017"] if m.id == one.id)
    assert read == ["jilin-2017"]
    assert _all_measures(catalog) == {doc: list(units) for doc, units in expected.items() if units}
    assert sorted(read) == sorted(doc for doc, units in expected.items() if units)


def test_units_read_back_share_the_texts_that_replicas_repeat(tmp_path: Path, registry: Registry) -> None:
    doc = "shangluo-2012"
    copy = "shangluo-2012-copy"
    copied = [
        c.model_copy(update={"id": c.id.replace(doc, copy), "document_id": copy}) for c in registry.clauses_of(doc)
    ]

    def clauses_of(document_id: str) -> list[Clause]:
        return copied if document_id == copy else registry.clauses_of(document_id)

    path = tmp_path / "derived.sqlite3"
    MeasureUnitStore(path).units([doc, copy], clauses_of, NO_CURATED)
    catalog = MeasureUnitStore(path).catalog([doc, copy], clauses_of, NO_CURATED)
    measures = _all_measures(catalog)
    assert measures[doc] and len(measures[doc]) == len(measures[copy])
    for own, other in zip(measures[doc], measures[copy], strict=True):
        assert own.id != other.id
        assert own.span == other.span and own.span is other.span


def test_a_store_written_before_headings_gets_them_from_its_units(tmp_path: Path, registry: Registry) -> None:
    path = tmp_path / "derived.sqlite3"
    MeasureUnitStore(path).units(registry.documents, registry.clauses_of, NO_CURATED)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM derived_headings")
    expected = measure_units(registry.documents, registry.clauses_of, NO_CURATED)
    catalog = MeasureUnitStore(path).catalog(registry.documents, registry.clauses_of, NO_CURATED)
    assert [(h.id, h.clause, h.names) for h in catalog.headings()] == [
        (m.id, m.clause, (m.name, *m.aliases)) for units in expected.values() for m in units
    ]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM derived_headings").fetchone() == (len(registry.documents),)


def test_a_row_replaced_after_start_is_cut_again_from_the_clauses_this_process_serves(
    tmp_path: Path, registry: Registry
) -> None:
    path = tmp_path / "derived.sqlite3"
    MeasureUnitStore(path).units(registry.documents, registry.clauses_of, NO_CURATED)
    catalog = MeasureUnitStore(path).catalog(registry.documents, registry.clauses_of, NO_CURATED)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE derived_measures SET hash = 'another' WHERE document_id = 'bazhong-2018'")
    expected = measure_units(["bazhong-2018"], registry.clauses_of, NO_CURATED)["bazhong-2018"]
    assert _all_measures(catalog)["bazhong-2018"] == list(expected)


def _never(document_id: str, clauses: list[Clause]) -> tuple[Measure, ...]:
    raise AssertionError(f"{document_id} cut again although its units are stored")


def test_a_catalog_given_the_index_hashes_hashes_no_clause_again(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "derived.sqlite3"
    MeasureUnitStore(path).units(registry.documents, registry.clauses_of, NO_CURATED)
    hashes = {doc: measure_store.document_hash(registry.clauses_of(doc)) for doc in registry.documents}

    def hashing(clauses: list[Clause]) -> str:
        raise AssertionError("hashed again")

    monkeypatch.setattr(measure_store, "document_hash", hashing)
    monkeypatch.setattr(measure_store, "derive_measures", _never)
    catalog = MeasureUnitStore(path).catalog(registry.documents, registry.clauses_of, NO_CURATED, hashes)
    assert set(_all_measures(catalog)) == {d for d in registry.documents if registry.clauses_of(d)}
