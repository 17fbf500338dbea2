"""Sessions in a real database (SQLAlchemy 2): an SQLite file under the data dir by default.

One row per channel-qualified key, the state as JSON, committed on every turn, so a restart or a
kill -9 between turns loses nothing. SQLite runs in WAL mode: a committed turn survives a crash
of the process, and readers do not block the writer.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import DateTime, String, Text, create_engine, delete, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from bot.dialogue.types import SessionState

log = logging.getLogger(__name__)


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
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class SqlSessionStore:
    """`SessionStore` over any SQLAlchemy URL (sqlite:///…, postgresql+psycopg://…)."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        Base.metadata.create_all(self.engine)

    def load(self, key: str) -> SessionState | None:
        with Session(self.engine) as session:
            row = session.get(SessionRow, key)
            if row is None:
                return None
            try:
                return SessionState.model_validate_json(row.state)
            except ValidationError:
                log.warning("discarding unreadable session state for %s", key.split(":", 1)[0])
                return None

    def save(self, key: str, state: SessionState) -> None:
        with Session(self.engine) as session, session.begin():
            session.merge(SessionRow(key=key, state=state.model_dump_json(), updated_at=datetime.now(UTC)))

    def delete(self, key: str) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(delete(SessionRow).where(SessionRow.key == key))

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
