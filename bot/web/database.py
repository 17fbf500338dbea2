"""The web's tables, in the same database as the dialogue sessions (separate tables, one URL).

Staff accounts and their login sessions, the answer log with each citation, staff marks on
citations, the audit trail, and the sites allowed to embed the widget. The engine comes from the
dialogue store's `make_engine`, so SQLite gets the same WAL pragmas and any SQLAlchemy URL works.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.dialogue.store import create_tables, make_engine

# What SQLAlchemy raises while the database cannot be reached (down, restarting, pool exhausted).
DATABASE_DOWN = (OperationalError, InterfaceError, PoolTimeout)


def utcnow() -> datetime:
    return datetime.now(UTC)


def storable(value: str) -> str:
    """PostgreSQL text cannot hold NUL characters (psycopg refuses the statement); nothing a person
    meant is lost without them. Applied to free text from requests before it is stored."""
    return value.replace("\x00", "")


class WebBase(DeclarativeBase):
    pass


class StaffAccount(WebBase):
    __tablename__ = "staff_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StaffSession(WebBase):
    """A login: only the SHA-256 of the cookie token is stored, with the form (CSRF) token."""

    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_accounts.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)

    staff: Mapped[StaffAccount] = relationship(lazy="joined")


class AnswerEntry(WebBase):
    """One answer the bot gave: through /api/ask (channel `api`) or a chat turn (`chat`)."""

    __tablename__ = "answer_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    session_key: Mapped[str | None] = mapped_column(String(200), index=True, nullable=True)
    question: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(32), nullable=True)
    region: Mapped[str | None] = mapped_column(String(32), nullable=True)
    answer: Mapped[str] = mapped_column(Text)

    citations: Mapped[list[AnswerCitation]] = relationship(
        back_populates="entry", order_by="AnswerCitation.position", cascade="all, delete-orphan"
    )


class AnswerCitation(WebBase):
    __tablename__ = "answer_citations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer_log.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    clause_id: Mapped[str] = mapped_column(String(64), index=True)
    quote: Mapped[str] = mapped_column(Text)
    quote_key: Mapped[str] = mapped_column(String(32), index=True)

    entry: Mapped[AnswerEntry] = relationship(back_populates="citations")


class CitationMark(WebBase):
    """A staff judgement on a quote of a clause; the newest mark for a quote_key is the one in force."""

    __tablename__ = "citation_marks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quote_key: Mapped[str] = mapped_column(String(32), index=True)
    clause_id: Mapped[str] = mapped_column(String(64), index=True)
    quote: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    staff_name: Mapped[str] = mapped_column(String(64))
    citation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class AuditEvent(WebBase):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class WidgetSite(WebBase):
    __tablename__ = "widget_sites"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    origins: Mapped[str] = mapped_column(Text)  # space-separated, normalized
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))


def open_database(url: str) -> Engine:
    """An engine for `url` with the web tables created (idempotent)."""
    engine = make_engine(url)
    create_tables(engine, WebBase.metadata)
    return engine


def is_reachable(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False
