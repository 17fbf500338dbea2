"""Issue 14, M3: readiness means a turn can be stored, not only that the database answers."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bot.db import is_reachable, is_writable, make_engine

from ..databases import Databases


def test_a_database_that_takes_writes_is_writable(databases: Databases) -> None:
    engine = make_engine(databases.new_url())
    try:
        assert is_reachable(engine) and is_writable(engine)
    finally:
        engine.dispose()


def test_a_read_only_sqlite_file_is_reachable_but_not_writable(tmp_path: Path) -> None:
    path = tmp_path / "policybot.db"
    writer = create_engine(f"sqlite:///{path}")
    with writer.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    writer.dispose()
    # Opened read-only, as on a read-only volume (chmod does not stop root, who runs CI here).
    reader = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        assert is_reachable(reader)
        assert not is_writable(reader)
    finally:
        reader.dispose()


def test_a_read_only_postgresql_database_is_not_writable(databases: Databases) -> None:
    url = databases.new_url()
    if not url.startswith("postgresql"):
        pytest.skip("PostgreSQL only; the read-only SQLite file is the test above")
    engine = make_engine(url)
    try:
        database = engine.url.database
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'ALTER DATABASE "{database}" SET default_transaction_read_only = on'))
        engine.dispose()  # new connections take the database default
        assert is_reachable(engine)
        assert not is_writable(engine)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE"))
            connection.execute(text(f'ALTER DATABASE "{database}" SET default_transaction_read_only = off'))
    finally:
        engine.dispose()


def test_an_sqlite_file_whose_write_ahead_log_cannot_be_written_is_not_writable(tmp_path: Path) -> None:
    """The file and its log made immutable under a running process (root ignores file modes; the
    immutable flag holds even for root): the open file still reads, every commit fails with a disk
    I/O error. SQLite writes the log only at commit, so a probe that rolls back never saw it."""
    path = tmp_path / "policybot.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    locked = [path, path.with_name(path.name + "-wal")]
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (x INTEGER)"))
        assert is_writable(engine)
        made = subprocess.run(["chattr", "+i", *map(str, locked)], capture_output=True, text=True, check=False)
        if made.returncode != 0:
            pytest.skip(f"cannot make files immutable here ({made.stderr.strip()}): needs root and ext4/xfs")
        try:
            with pytest.raises(OperationalError), engine.begin() as connection:
                connection.execute(text("INSERT INTO t VALUES (1)"))
            assert is_reachable(engine)
            assert not is_writable(engine)
        finally:
            subprocess.run(["chattr", "-i", *map(str, locked)], capture_output=True, check=False)
        assert is_writable(engine)
    finally:
        engine.dispose()
