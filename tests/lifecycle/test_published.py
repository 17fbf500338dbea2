"""One-shot commands read the published documents from the SQLite file without SQLAlchemy
(bot/published.py): exactly what the library publishes, on a real file."""

from __future__ import annotations

from pathlib import Path

from bot.db import open_database
from bot.library import DocumentLibrary
from bot.published import read_sqlite
from knowledge.registry import assemble_registry

from .documents import newer_jilin


def test_the_quick_read_is_what_the_library_publishes(tmp_path: Path) -> None:
    path = tmp_path / "policybot.sqlite3"
    assert read_sqlite(path) is None, "no file yet"
    library = DocumentLibrary(open_database(f"sqlite:///{path}"))
    assert read_sqlite(path) is None, "no seeds loaded yet"
    newer_jilin(library, publish=True)
    library.retire("shangluo-2012", "tester")
    quick = read_sqlite(path)
    assert quick is not None
    version, registry = library.registry()
    assert quick[0] == version == 3
    assert [d.id for d, _ in quick[1]] == list(registry.documents)
    assert assemble_registry(quick[1]).clauses == registry.clauses
    assert assemble_registry(quick[1]).documents == registry.documents
