"""Every table of the database, on the one declarative base (bot/db.py).

The dialogue's sessions; the web's staff accounts and their login sessions, the answer log with each
citation, staff marks on citations, the audit trail, and the sites allowed to embed the widget.
A change here needs a migration (`python -m bot.migrations "what changes"`); tests/db fails until
the revisions produce exactly these tables.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.db import Base


def utcnow() -> datetime:
    return datetime.now(UTC)


class SessionRow(Base):
    """One conversation: its channel-qualified key and its state as JSON (bot/dialogue/store.py)."""

    __tablename__ = "dialogue_sessions"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class StaffAccount(Base):
    __tablename__ = "staff_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StaffSession(Base):
    """A login: only the SHA-256 of the cookie token is stored, with the form (CSRF) token."""

    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_accounts.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)

    staff: Mapped[StaffAccount] = relationship(lazy="joined")


class AnswerEntry(Base):
    """One answer the bot gave: through /api/ask (channel `api`) or a chat — its conversation's channel: `web`
    (`chat` before session 38), `telegram` or `terminal`. `status` is the knowledge core's (answered, no_answer,
    region_not_covered); `ref` is the random reference a chat answer's feedback buttons carry (never the row id)."""

    __tablename__ = "answer_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    session_key: Mapped[str | None] = mapped_column(String(200), index=True, nullable=True)
    question: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(32), nullable=True)
    region: Mapped[str | None] = mapped_column(String(32), nullable=True)
    answer: Mapped[str] = mapped_column(Text)
    ref: Mapped[str | None] = mapped_column(String(32), unique=True, index=True, nullable=True)
    # What the dialogue understood was asked (its thread: intent | place | topic terms), revision 0008:
    # the next question asking the same again in other words is told by it.
    asked: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # The parts of a message asking several things that this answer left unanswered (one per line).
    unanswered_parts: Mapped[str | None] = mapped_column(Text, nullable=True)
    # What the person's next typed message said of this answer: `rebuffed` (不对, 我问的是…), `reasked`
    # (the same asked again in other words) or `quiet`; None until it comes. `next_said` keeps that
    # message only when it was a complaint — staff read why.
    next_turn: Mapped[str | None] = mapped_column(String(16), nullable=True)
    next_said: Mapped[str | None] = mapped_column(Text, nullable=True)

    citations: Mapped[list[AnswerCitation]] = relationship(
        back_populates="entry", order_by="AnswerCitation.position", cascade="all, delete-orphan"
    )


class AnswerCitation(Base):
    __tablename__ = "answer_citations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer_log.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    clause_id: Mapped[str] = mapped_column(String(64), index=True)
    quote: Mapped[str] = mapped_column(Text)
    quote_key: Mapped[str] = mapped_column(String(32), index=True)

    entry: Mapped[AnswerEntry] = relationship(back_populates="citations")


class CitationMark(Base):
    """A staff judgement, of one of two kinds (`scope`, revision 0007):

    - `quote`: the quote itself (clause id + quoted sentence) is verbatim and correct (`verified`) or
      not (`flagged`); the newest such mark for a quote_key is in force wherever the quote appears;
    - `answer`: how one answer used the quote (`citation_id`): `apt`, `misapplied` (the quote is
      right but does not answer this question) or `flagged` (this answer is wrong); the newest such
      mark for a citation is in force for that answer only.
    """

    __tablename__ = "citation_marks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quote_key: Mapped[str] = mapped_column(String(32), index=True)
    clause_id: Mapped[str] = mapped_column(String(64), index=True)
    quote: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    staff_name: Mapped[str] = mapped_column(String(64))
    citation_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    scope: Mapped[str] = mapped_column(String(8), default="quote", server_default="quote")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class WidgetSite(Base):
    __tablename__ = "widget_sites"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    origins: Mapped[str] = mapped_column(Text)  # space-separated, normalized
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))


class AnswerFeedback(Base):
    """A person's judgement of one answer: 👍 (`up`), 👎 (`down`) or a problem report (`report`, with
    an optional note). Deleted with the answer (the person's /forget)."""

    __tablename__ = "answer_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer_log.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    rating: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="")


class TranscriptEntry(Base):
    """One message of a web conversation, so the widget shows it again after a reload: what the
    person sent (`user`) or one reply (`bot`, the reply's JSON). `offered` lists the button actions
    of a reply that are still live (emptied when the person starts over). Same privacy rules as the
    session: /forget deletes it, sessions idle past the retention limit are purged with it."""

    __tablename__ = "chat_transcripts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_key: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    turn_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    role: Mapped[str] = mapped_column(String(8))
    body: Mapped[str] = mapped_column(Text)
    offered: Mapped[str] = mapped_column(Text, default="")


class PolicyDocument(Base):
    """A policy document as data (issue 13): its metadata, lifecycle and extracted text. `state` is
    draft-review → published → retired; only published documents are answered from. `details` holds
    the parser's settings as JSON (short name, structure, time-limited measures, web publication)."""

    __tablename__ = "policy_documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    issuer: Mapped[str] = mapped_column(String(200))
    document_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    province: Mapped[str | None] = mapped_column(String(32), nullable=True)
    city: Mapped[str | None] = mapped_column(String(32), nullable=True)
    county: Mapped[str | None] = mapped_column(String(32), nullable=True)
    signed: Mapped[date | None] = mapped_column(Date, nullable=True)
    effective: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), index=True)
    superseded_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    origin: Mapped[str] = mapped_column(String(16))
    details: Mapped[str] = mapped_column(Text, default="{}")
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    actor: Mapped[str] = mapped_column(String(64))

    files: Mapped[list[DocumentFile]] = relationship(
        back_populates="document", order_by="DocumentFile.id", cascade="all, delete-orphan"
    )


class DocumentFile(Base):
    """An original file a document was read from, kept byte for byte."""

    __tablename__ = "document_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("policy_documents.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[PolicyDocument] = relationship(back_populates="files")


class DocumentsVersion(Base):
    """One row: a counter raised by every change to the published documents. Every process compares
    it with the version it answers from and rebuilds its knowledge base when it moved."""

    __tablename__ = "documents_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DocumentRules(Base):
    """One benefit's rules (YAML, as staff uploaded it in the console) for a document that has no
    packaged rules: checked against the clause text before it is stored, and used by eligibility
    while the document is published (issue 13). A file of the same name replaces the older one."""

    __tablename__ = "document_rules"
    __table_args__ = (UniqueConstraint("document_id", "name", name="uq_document_rules_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("policy_documents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class LexicalDocument(Base):
    """One version of a document in the lexical index kept in the database (knowledge/pg_lexical.py,
    used on PostgreSQL when `POLICYBOT_LEXICAL_INDEX=database`): its units' lengths per grain and each
    sentence's clause, as little-endian int32. `unused_since`: when no published set named it last."""

    __tablename__ = "lexical_documents"
    __table_args__ = (UniqueConstraint("document_id", "hash", "tokenizer", name="uq_lexical_documents_version"),)

    doc_key: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    document_id: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    tokenizer: Mapped[str] = mapped_column(String(64))
    clause_lengths: Mapped[bytes] = mapped_column(LargeBinary)
    sentence_lengths: Mapped[bytes] = mapped_column(LargeBinary)
    bigram_lengths: Mapped[bytes] = mapped_column(LargeBinary)
    sentence_owner: Mapped[bytes] = mapped_column(LargeBinary)
    unused_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True, index=True)


class LexicalPosting(Base):
    """One word's postings in one document version at one grain (0 clause, 1 sentence, 2 character
    bigram): the units that contain it, ascending, and how often (int32 arrays). The primary key is
    the lookup a query makes: (grain, word), then the documents it reads."""

    __tablename__ = "lexical_postings"

    grain: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    term: Mapped[str] = mapped_column(Text, primary_key=True)
    doc_key: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("lexical_documents.doc_key", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    )
    units: Mapped[bytes] = mapped_column(LargeBinary)
    tfs: Mapped[bytes] = mapped_column(LargeBinary)
