"""Fresh databases for the store and web tests: an SQLite file, or a database on PostgreSQL.

The `databases` fixture (tests/conftest.py) is parametrized over both, so the same tests run on
SQLite and on PostgreSQL. Each `new_url()` is an empty database of its own.
"""

from __future__ import annotations

import shutil
from itertools import count
from pathlib import Path
from typing import Protocol

import sqlalchemy

from .postgres import PostgresServer


class Databases(Protocol):
    kind: str

    def new_url(self) -> str: ...

    def make_unreachable(self, url: str) -> None:
        """After this, connecting to `url` fails (the readiness tests)."""


class SqliteDatabases:
    kind = "sqlite"

    def __init__(self, root: Path) -> None:
        self.root = root
        self._numbers = count(1)

    def new_url(self) -> str:
        folder = self.root / f"db{next(self._numbers)}"
        folder.mkdir()
        return f"sqlite:///{folder / 'policybot.sqlite3'}"

    def make_unreachable(self, url: str) -> None:
        folder = Path(sqlalchemy.make_url(url).database or "").parent
        shutil.rmtree(folder)
        folder.write_text("not a directory")  # the database file cannot be opened any more


class PostgresDatabases:
    kind = "postgresql"

    def __init__(self, server: PostgresServer) -> None:
        self.server = server
        self.created: list[str] = []

    def new_url(self) -> str:
        url = self.server.create_database()
        self.created.append(url)
        return url

    def make_unreachable(self, url: str) -> None:
        self.server.drop_database(url)

    def drop_all(self) -> None:
        for url in self.created:
            self.server.drop_database(url)
