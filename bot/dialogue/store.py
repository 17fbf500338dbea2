"""Sessions in a real database (SQLAlchemy 2): an SQLite file under the data dir by default,
PostgreSQL when several replicas share the sessions.

One row per channel-qualified key, the state as JSON, committed on every turn, so a restart or a
kill -9 between turns loses nothing. SQLite runs in WAL mode: a committed turn survives a crash
of the process, and readers do not block the writer. On PostgreSQL a turn holds an advisory lock
on its key, so two replicas never handle turns of one conversation at the same time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import DateTime, MetaData, String, Text, create_engine, delete, event, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from bot.dialogue.types import SessionState

log = logging.getLogger(__name__)
SCHEMA_LOCK = 0x706F6C6963  # one advisory lock id for creating our tables


class Base(DeclarativeBase):
    pass


class SessionRow(Base):
    __tablename__ = "dialogue_sessions"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine that survives a database restart (pre-ping replaces dead pooled connections) and
    never writes statement parameters — a person's facts — into error messages or SQL logging."""
    options: dict[str, Any] = {"pool_pre_ping": True, "hide_parameters": True}
    if url.startswith("postgresql"):
        # A database that does not answer fails the turn in seconds instead of hanging it.
        options |= {"pool_size": 10, "max_overflow": 20, "pool_timeout": 10, "connect_args": {"connect_timeout": 5}}
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def create_tables(engine: Engine, metadata: MetaData) -> None:
    """`create_all`, one process at a time: replicas starting together on a new database would
    otherwise race on CREATE TABLE (PostgreSQL: an advisory lock around it; SQLite: try again)."""
    for attempt in range(5):
        try:
            with engine.begin() as connection:
                if engine.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": SCHEMA_LOCK})
                metadata.create_all(connection)
            return
        except DBAPIError:
            if attempt == 4:
                raise
            time.sleep(0.2 * (attempt + 1))


class SessionRows:
    """Load, save and delete inside one database session (one transaction when it began one)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def load(self, key: str) -> SessionState | None:
        row = self.session.get(SessionRow, key)
        if row is None:
            return None
        try:
            return SessionState.model_validate_json(row.state)
        except ValidationError:
            log.warning("discarding unreadable session state for %s", key.split(":", 1)[0])
            return None

    def save(self, key: str, state: SessionState) -> None:
        values = {"key": key, "state": state.model_dump_json(), "updated_at": datetime.now(UTC)}
        dialect = self.session.get_bind().dialect.name
        if dialect in ("postgresql", "sqlite"):
            insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
            statement = insert(SessionRow).values(**values)
            update = {"state": statement.excluded.state, "updated_at": statement.excluded.updated_at}
            self.session.execute(statement.on_conflict_do_update(index_elements=["key"], set_=update))
        else:
            self.session.merge(SessionRow(**values))

    def delete(self, key: str) -> None:
        self.session.execute(delete(SessionRow).where(SessionRow.key == key))


class SqlSessionStore:
    """`SessionStore` over any SQLAlchemy URL (sqlite:///…, postgresql+psycopg://…)."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        create_tables(self.engine, Base.metadata)

    def load(self, key: str) -> SessionState | None:
        with Session(self.engine) as session:
            return SessionRows(session).load(key)

    def save(self, key: str, state: SessionState) -> None:
        with Session(self.engine) as session, session.begin():
            SessionRows(session).save(key, state)

    def delete(self, key: str) -> None:
        with Session(self.engine) as session, session.begin():
            SessionRows(session).delete(key)

    @contextmanager
    def turn(self, key: str) -> Iterator[SessionRows]:
        """One turn of `key` in one transaction, committed when the block ends. On PostgreSQL the
        transaction first takes an advisory lock on the key: a turn of the same conversation on
        another replica waits for this one (the lock goes with the commit, or with the connection
        when a replica dies)."""
        with Session(self.engine) as session, session.begin():
            if self.engine.dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key})
            yield SessionRows(session)

    def prune(self, older_than: datetime) -> int:
        """Delete sessions untouched since `older_than`; returns how many."""
        with Session(self.engine) as session, session.begin():
            result = session.execute(delete(SessionRow).where(SessionRow.updated_at < older_than))
            return int(getattr(result, "rowcount", 0) or 0)

    def keys(self) -> list[str]:
        with Session(self.engine) as session:
            return list(session.scalars(select(SessionRow.key)))

    def close(self) -> None:
        self.engine.dispose()
