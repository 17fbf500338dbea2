"""A database as the release before migrations left it, and ways to read a schema and its rows.

previous_release/<dialect>.sql is the DDL that release ran (commit b7dcc72, captured from its own
`create_tables`); previous_release/rows.yaml holds a few rows for every one of its tables.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy
import yaml
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, Table, inspect, select
from sqlalchemy.engine import Connection, Engine

import bot.tables  # noqa: F401 - every table on Base.metadata
from bot.db import PREVIOUS_RELEASE_TABLES, Base, alembic_config
from bot.dialogue.keys import stored_key

PREVIOUS_RELEASE = Path(__file__).with_name("previous_release")
ROWS: dict[str, list[dict[str, Any]]] = yaml.safe_load((PREVIOUS_RELEASE / "rows.yaml").read_text(encoding="utf-8"))
# The deploy secret these databases are upgraded with (revision 0005 rewrites stored session keys).
SECRET = b"a-test-session-key-secret-of-forty-characters"
KEY_COLUMNS = {"dialogue_sessions": "key", "chat_transcripts": "session_key", "answer_log": "session_key"}


def with_stored_keys(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """`rows` as revision 0005 leaves them: every session key its keyed hash, all else the same."""

    def rewritten(table: str, row: dict[str, Any]) -> dict[str, Any]:
        column = KEY_COLUMNS.get(table)
        if column is None or row.get(column) is None:
            return row
        return {**row, column: stored_key(SECRET, row[column])}

    return unordered({table: [rewritten(table, row) for row in table_rows] for table, table_rows in rows.items()})


def unordered(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Rows per table in a fixed order of their own (a rewritten primary key reorders a table)."""
    return {table: sorted(table_rows, key=repr) for table, table_rows in rows.items()}


def head() -> str:
    (newest,) = ScriptDirectory.from_config(alembic_config(None)).get_heads()
    return newest


@contextmanager
def connected(url: str) -> Iterator[Connection]:
    engine = sqlalchemy.create_engine(url, poolclass=sqlalchemy.NullPool)
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def previous_release_ddl(dialect: str, tables: Collection[str] = PREVIOUS_RELEASE_TABLES) -> list[str]:
    """The CREATE TABLE and CREATE INDEX statements of `tables`, in the order that release ran them."""
    text = "\n".join(
        line for line in (PREVIOUS_RELEASE / f"{dialect}.sql").read_text(encoding="utf-8").splitlines()
        if not line.startswith("--")
    )  # fmt: skip
    statements = [s.strip() for s in text.split(";") if s.strip()]
    chosen = []
    for statement in statements:
        match = re.match(r"CREATE (?:TABLE (\w+)|INDEX \w+ ON (\w+))", statement)
        assert match, statement
        if (match[1] or match[2]) in tables:
            chosen.append(statement)
    return chosen


def create_previous_release(url: str, tables: Collection[str] = PREVIOUS_RELEASE_TABLES) -> None:
    """The schema that release made for `tables`, with the rows of rows.yaml in them."""
    with connected(url) as connection:
        for statement in previous_release_ddl(connection.dialect.name, tables):
            connection.exec_driver_sql(statement)
        metadata = MetaData()
        for name, rows in ROWS.items():
            if name in tables:
                connection.execute(Table(name, metadata, autoload_with=connection).insert(), rows)


def contents(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table but alembic_version, in primary-key order."""
    found: dict[str, list[dict[str, Any]]] = {}
    with connected(url) as connection:
        metadata = MetaData()
        metadata.reflect(bind=connection)
        for name, table in sorted(metadata.tables.items()):
            if name != "alembic_version":
                ordered = select(table).order_by(*table.primary_key.columns)
                found[name] = [dict(row._mapping) for row in connection.execute(ordered)]
    return found


def kept(url: str, before: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The rows of the tables in `before`, with only the columns they had: what a later revision
    must keep (it may add tables, and columns with a default)."""
    now = contents(url)
    return {name: [{k: row[k] for k in rows[0]} if rows else row for row in now[name]] for name, rows in before.items()}


def described(url: str) -> dict[str, dict[str, Any]]:
    """Each table as the database describes it: columns, keys, foreign keys, indexes, uniques."""
    with connected(url) as connection:
        inspector = inspect(connection)
        return {
            name: {
                "columns": [
                    (c["name"], str(c["type"]), c["nullable"], c.get("default"), c.get("autoincrement"))
                    for c in inspector.get_columns(name)
                ],
                "primary key": inspector.get_pk_constraint(name),
                "foreign keys": sorted(inspector.get_foreign_keys(name), key=repr),
                "indexes": sorted(inspector.get_indexes(name), key=lambda index: str(index["name"])),
                "uniques": sorted(inspector.get_unique_constraints(name), key=repr),
            }
            for name in sorted(inspector.get_table_names())
            if name != "alembic_version"
        }


def differences(url: str) -> list[Any]:
    """What Alembic's autogenerate would write to make the database match the models: [] when equal."""
    with connected(url) as connection:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


def version(url: str) -> list[str]:
    """The rows of alembic_version (one revision once migrated)."""
    with connected(url) as connection:
        return list(connection.execute(sqlalchemy.text("SELECT version_num FROM alembic_version")).scalars())


@contextmanager
def recorded_statements(engine: Engine) -> Iterator[list[str]]:
    """Every SQL statement `engine` sends inside the block."""
    seen: list[str] = []

    def keep(*args: Any) -> None:
        seen.append(" ".join(str(args[2]).split()))

    sqlalchemy.event.listen(engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        sqlalchemy.event.remove(engine, "before_cursor_execute", keep)
