"""The document library on a real SQLite file and a real PostgreSQL database: the seeds are its
bootstrap (once, identical to the packaged registry), and publish / retire / supersede change what
is answered from in one transaction that raises the version."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from bot.db import open_database
from bot.library import DocumentLibrary, DocumentState, LibraryError
from bot.present.documents import error_text
from knowledge.registry import build_registry

from ..databases import Databases
from .documents import newer_jilin

SEEDS = ["bazhong-2018", "pingdingshan-2020", "jilin-2017", "ziyang-2017", "shangluo-2012"]


@pytest.fixture
def library(databases: Databases) -> DocumentLibrary:
    return DocumentLibrary(open_database(databases.new_url()))


def test_the_seeds_are_loaded_once_and_build_exactly_the_packaged_registry(library: DocumentLibrary) -> None:
    assert library.version() == 0
    assert library.ensure_seeds() == 5
    assert library.ensure_seeds() == 0, "idempotent"
    version, registry = library.registry()
    packaged = build_registry()
    assert version == 1
    assert list(registry.documents) == SEEDS
    assert registry.documents == packaged.documents
    assert registry.clauses == packaged.clauses
    assert registry.content_hash == packaged.content_hash
    listed = {view.id: view.summary() for view in library.documents()}
    assert listed["jilin-2017"] == {
        "id": "jilin-2017",
        "title": "吉林省人民政府印发关于做好当前和今后一段时期就业创业工作若干政策措施的通知",
        "issuer": "吉林省人民政府",
        "document_number": "吉政发〔2017〕32号",
        "jurisdiction": "吉林省",
        "signed": "2017-10-12",
        "status": "official",
        "state": "published",
        "clauses": 30,
        "superseded_by": None,
    }
    assert listed["pingdingshan-2020"]["status"] == "draft"
    name, media_type, data = library.original("shangluo-2012")
    assert name.endswith(".txt") and media_type == "text/plain" and "商洛" in data.decode("utf-8")


def test_processes_starting_together_load_the_seeds_once(databases: Databases) -> None:
    url = databases.new_url()
    libraries = [DocumentLibrary(open_database(url)) for _ in range(3)]
    added: list[int] = []
    threads = [threading.Thread(target=lambda lib=lib: added.append(lib.ensure_seeds())) for lib in libraries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(added) == [0, 0, 5]
    assert [view.id for view in libraries[0].documents()] == SEEDS
    assert libraries[0].version() == 1


def test_a_retired_document_leaves_the_registry_and_comes_back_when_published(library: DocumentLibrary) -> None:
    library.ensure_seeds()
    retired = library.retire("shangluo-2012", "李敏")
    assert retired.state is DocumentState.RETIRED and retired.actor == "李敏" and retired.retired_at
    version, registry = library.registry()
    assert version == 2
    assert "shangluo-2012" not in registry.documents
    assert not any(c.document_id == "shangluo-2012" for c in registry.clauses)
    assert "商洛市" not in registry.jurisdictions
    with pytest.raises(LibraryError) as again:
        library.retire("shangluo-2012", "李敏")
    assert error_text(again.value) == "文件 shangluo-2012 已经停用。"
    assert library.version() == 2, "a refusal changes nothing"

    library.publish("shangluo-2012", "李敏")
    version, registry = library.registry()
    assert version == 3 and "shangluo-2012" in registry.documents


def test_a_document_in_review_is_not_answered_from_until_published(library: DocumentLibrary) -> None:
    view = newer_jilin(library, publish=False)
    assert view.state is DocumentState.DRAFT_REVIEW and view.clause_count == 30
    assert library.version() == 1
    assert "jilin-2024" not in library.registry()[1].documents
    library.publish("jilin-2024", "李敏")
    version, registry = library.registry()
    assert version == 2
    assert registry.get("jilin-2024-07").body == registry.get("jilin-2017-07").body


def test_publishing_a_newer_document_marks_the_older_one_superseded_but_answerable(
    library: DocumentLibrary,
) -> None:
    newer_jilin(library, publish=False)
    library.publish("jilin-2024", "李敏", supersedes="jilin-2017")
    _version, registry = library.registry()
    older = registry.documents["jilin-2017"]
    assert older.superseded_by == "jilin-2024"
    assert registry.successor_of(older) == registry.documents["jilin-2024"]
    assert older.is_replaced(date(2026, 1, 1)) and not registry.documents["jilin-2024"].is_replaced(date(2026, 1, 1))
    assert library.get("jilin-2017").state is DocumentState.PUBLISHED


def test_retiring_with_a_successor_records_it(library: DocumentLibrary) -> None:
    newer_jilin(library, publish=True)
    view = library.retire("jilin-2017", "李敏", superseded_by="jilin-2024")
    assert view.document.superseded_by == "jilin-2024"
    assert view.summary()["state"] == "retired"
    assert "jilin-2017" not in library.registry()[1].documents


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda lib: lib.publish("nope", "x"), "没有编号为“nope”的文件，可用 policybot documents list 查看全部文件。"),
        (lambda lib: lib.retire("nope", "x"), "没有编号为“nope”的文件，可用 policybot documents list 查看全部文件。"),
        (lambda lib: lib.publish("jilin-2017", "x"), "文件 jilin-2017 已经发布，无需重复发布。"),
        (lambda lib: lib.retire("jilin-2017", "x", superseded_by="jilin-2017"), "文件 jilin-2017 不能替代它自己。"),
        (
            lambda lib: lib.retire("jilin-2017", "x", superseded_by="nope"),
            "没有编号为“nope”的文件，可用 policybot documents list 查看全部文件。",
        ),
    ],
    ids=["publish-unknown", "retire-unknown", "publish-twice", "supersede-itself", "unknown-successor"],
)
def test_refusals_are_polite_and_change_nothing(library: DocumentLibrary, action, message: str) -> None:  # type: ignore[no-untyped-def]
    library.ensure_seeds()
    before = [view.summary() for view in library.documents()]
    with pytest.raises(LibraryError) as refused:
        action(library)
    assert error_text(refused.value) == message
    assert [view.summary() for view in library.documents()] == before
    assert library.version() == 1


def test_the_last_published_document_cannot_be_retired(library: DocumentLibrary) -> None:
    library.ensure_seeds()
    for document_id in SEEDS[:-1]:
        library.retire(document_id, "x")
    with pytest.raises(LibraryError) as refused:
        library.retire(SEEDS[-1], "x")
    assert refused.value.code == "last_document"
    assert library.get(SEEDS[-1]).state is DocumentState.PUBLISHED
    assert list(library.registry()[1].documents) == [SEEDS[-1]]


def test_the_same_file_is_not_stored_twice(library: DocumentLibrary) -> None:
    newer_jilin(library, publish=False)
    with pytest.raises(LibraryError) as refused:
        newer_jilin(library, publish=False)
    assert refused.value.code == "duplicate_id"
    assert [v.id for v in library.documents()].count("jilin-2024") == 1
