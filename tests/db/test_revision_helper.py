"""`python -m bot.migrations "…"` writes the next revision from a model change, on a copy of the
migrations: the revision it writes brings a database to the changed models."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, String, Table

from bot.db import MIGRATIONS, Base, make_engine, upgrade
from bot.migrations.__main__ import NothingToWrite, main, next_revision_id, write_revision

from .schemas import differences, version


@pytest.fixture
def migrations(tmp_path: Path) -> Path:
    copy = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.fixture
def feedback_table() -> Iterator[Table]:
    """A model change: a new table on the one base, for the length of a test."""
    table = Table(
        "feedback", Base.metadata, Column("id", Integer, primary_key=True), Column("verdict", String(16), index=True)
    )
    yield table
    Base.metadata.remove(table)


def test_a_new_table_gets_the_next_numbered_revision_that_creates_it(
    migrations: Path, feedback_table: Table, tmp_path: Path
) -> None:
    head = max(p.name[:4] for p in (migrations / "versions").glob("[0-9]*.py"))
    number = next_revision_id(migrations)
    assert int(number) == int(head) + 1
    path = write_revision(f"sqlite:///{tmp_path / 'head.sqlite3'}", "add feedback table", migrations=migrations)
    assert path == migrations / "versions" / f"{number}_add_feedback_table.py"
    source = path.read_text(encoding="utf-8").replace("'", '"')  # formatted by ruff, or not
    assert f'revision: str = "{number}"' in source
    assert f'down_revision: str | Sequence[str] | None = "{head}"' in source
    assert re.search(r'create_table\(\s*"feedback"', source) and "ix_feedback_verdict" in source

    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine, migrations)
    engine.dispose()
    assert version(url) == [number]
    assert differences(url) == []


def test_without_a_model_change_nothing_is_written(migrations: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in (migrations / "versions").glob("*.py"))
    with pytest.raises(NothingToWrite):
        write_revision(f"sqlite:///{tmp_path / 'head.sqlite3'}", "nothing", migrations=migrations)
    assert sorted(p.name for p in (migrations / "versions").glob("*.py")) == before


def test_the_command_says_when_the_models_and_head_agree(capsys: pytest.CaptureFixture[str]) -> None:
    revisions = sorted((MIGRATIONS / "versions").glob("*.py"))
    assert main(["nothing changed"]) == 1
    assert "the models and head agree" in capsys.readouterr().err
    assert sorted((MIGRATIONS / "versions").glob("*.py")) == revisions
