"""The answer log and staff verification of citations.

Every answer given on the web is logged with its citations. Staff judge two things apart:

- the quote (clause id + quoted sentence): verbatim and correct (`verified`) or not (`flagged`, with a
  note). This mark is in force wherever the quote appears, so the same quote in later answers shows
  原文已核实 to users too;
- how one answer used it: `apt`, `misapplied` (the quote is right but does not answer this question)
  or `flagged` (this answer is wrong, with a note). This verdict belongs to that answer's citation
  alone and never spreads to other answers citing the same quote; a negative one takes the badge
  off that answer.

The newest mark of each kind is the one in force.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import queue
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Integer, Text, bindparam, delete, func, insert, select, true, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, selectinload

from bot.db import DATABASE_DOWN, one_statement_reads, storable, writing
from bot.present.prose import prose
from bot.tables import AnswerCitation, AnswerEntry, AnswerFeedback, CitationMark, utcnow
from bot.web.audit import AuditTrail
from bot.web.next_turn import NextTurn, next_turn
from knowledge.citations import Citation

log = logging.getLogger(__name__)
MarkStatus = Literal["verified", "flagged"]
VerdictStatus = Literal["apt", "misapplied", "flagged"]
LogFilter = Literal["all", "unmarked", "verified", "flagged"]
# The channel an answer is logged under: a chat's is its conversation's (the session key's channel: web,
# telegram, terminal), a question to /api/ask is `api`. Staff filter by it; rows logged before session 38
# name the web chat `chat`, so the web's filter takes both.
LogChannel = Literal["web", "telegram", "terminal", "api"]
LOG_CHANNELS: dict[LogChannel, tuple[str, ...]] = {
    "web": ("web", "chat"),
    "telegram": ("telegram",),
    "terminal": ("terminal",),
    "api": ("api",),
}


def logged_in(channel: LogChannel | None) -> Any:
    """The answer log's rows of one channel (None: every channel), as a WHERE clause."""
    return true() if channel is None else AnswerEntry.channel.in_(LOG_CHANNELS[channel])


def csv_headers() -> tuple[str, ...]:
    """The Chinese header row, one per CSV_COLUMNS entry (checked: a missing header fails loudly)."""
    headers = prose().staff_export.columns
    if len(headers) != len(CSV_COLUMNS):
        raise ValueError(f"prose staff_export.columns has {len(headers)} headers for {len(CSV_COLUMNS)} columns")
    return headers


MARK_LABELS = {"verified": "已核实", "flagged": "有问题"}
# How one answer used a quote (scope `answer`): shown on that answer only.
VERDICT_LABELS = {"apt": "切题", "misapplied": "答非所问", "flagged": "答复有问题"}
BAD_VERDICTS = frozenset({"misapplied", "flagged"})
# The export's columns, in order; their Chinese headers are prose (staff_export.columns).
CSV_COLUMNS = (
    "answer_id", "time_utc", "channel", "question", "status", "region",
    "position", "clause_id", "quote", "mark", "note", "marked_by", "marked_at_utc",
    "verdict", "verdict_note", "verdict_by", "verdict_at_utc",
)  # fmt: skip


def quote_key(clause_id: str, quote: str) -> str:
    return hashlib.sha256(f"{clause_id}\n{quote}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class _Answer:
    """An answer waiting to be written (plain data, so a failed write can be tried again)."""

    channel: str
    question: str
    answer: str
    citations: tuple[tuple[str, str], ...]
    status: str | None
    region: str | None
    session_key: str | None
    ref: str | None = None
    asked: str | None = None
    unanswered_parts: tuple[str, ...] = ()
    created_at: datetime = field(default_factory=utcnow)

    def row(self) -> dict[str, Any]:
        left = storable("\n".join(self.unanswered_parts)) if self.unanswered_parts else None
        return {
            "created_at": self.created_at, "channel": self.channel, "session_key": self.session_key,
            "question": storable(self.question), "status": self.status, "region": self.region,
            "answer": storable(self.answer), "ref": self.ref, "asked": (self.asked or None) and self.asked[:200],
            "unanswered_parts": left,
        }  # fmt: skip

    def citation_rows(self, answer_id: int) -> list[dict[str, Any]]:
        return [
            {
                "answer_id": answer_id,
                "position": i,
                "clause_id": clause_id,
                "quote": quote,
                "quote_key": quote_key(clause_id, quote),
            }
            for i, (clause_id, quote) in enumerate(self.citations, start=1)
        ]


@dataclass(frozen=True)
class ChatTurn:
    """What a chat answer carries besides its words: the reference its feedback buttons carry, what the
    dialogue understood was asked (`Thread.asked_key`) and the asked parts it left unanswered."""

    ref: str | None = None
    asked: str | None = None
    unanswered_parts: tuple[str, ...] = ()


NO_TURN = ChatTurn()


@dataclass(frozen=True)
class _Said:
    """A typed message of a conversation, waiting to be told against the answer logged before it: the
    first typed message after an answer says whether it missed (bot/web/next_turn.py)."""

    session_key: str
    message: str
    asked: str | None  # what this message was understood to ask, when it was answered
    told: bool = False  # the message told something of the person (`Outcome.told`)


# The writer's statements, built once on the tables (Core: the ORM's unit of work cost more than the SQL).
_ANSWERS = AnswerEntry.metadata.tables[AnswerEntry.__tablename__]
_INSERT_ANSWER = insert(_ANSWERS).returning(_ANSWERS.c.id)
_CITATIONS = AnswerCitation.metadata.tables[AnswerCitation.__tablename__]
_INSERT_CITATIONS = insert(_CITATIONS)
_FEEDBACK = AnswerFeedback.metadata.tables[AnswerFeedback.__tablename__]
_SESSION_ANSWERS = select(_ANSWERS.c.id).where(_ANSWERS.c.session_key == bindparam("key"))
_LAST_ANSWER = (
    select(_ANSWERS.c.id, _ANSWERS.c.asked, _ANSWERS.c.next_turn)
    .where(_ANSWERS.c.session_key == bindparam("key"))
    .order_by(_ANSWERS.c.id.desc())
    .limit(1)
)
_SETTLE = (
    update(_ANSWERS)
    .where(_ANSWERS.c.id == bindparam("answer_id"), _ANSWERS.c.next_turn.is_(None))
    .values(next_turn=bindparam("how"), next_said=bindparam("said"))
)
_FORGET_ANSWERS = (
    delete(_FEEDBACK).where(_FEEDBACK.c.answer_id.in_(bindparam("ids", expanding=True))),
    delete(_CITATIONS).where(_CITATIONS.c.answer_id.in_(bindparam("ids", expanding=True))),
    delete(_ANSWERS).where(_ANSWERS.c.id.in_(bindparam("ids", expanding=True))),
)


def _logged_with_citations() -> Any:
    """On PostgreSQL an answer and its citations in one statement, one round trip (the citations' id of
    the answer comes from the insert's RETURNING inside the statement), with one text for any number of
    citations (they come as arrays), so the server prepares it once per connection."""
    written = (
        "created_at", "channel", "session_key", "question", "status", "region", "answer", "ref", "asked",
        "unanswered_parts",
    )  # fmt: skip
    values = {name: bindparam(name, type_=_ANSWERS.c[name].type) for name in written}
    logged = insert(_ANSWERS).values(values).returning(_ANSWERS.c.id).cte("logged")
    cited = (
        func.unnest(
            bindparam("positions", type_=postgresql.ARRAY(Integer)),
            bindparam("clause_ids", type_=postgresql.ARRAY(Text)),
            bindparam("quotes", type_=postgresql.ARRAY(Text)),
            bindparam("quote_keys", type_=postgresql.ARRAY(Text)),
        )
        .table_valued("position", "clause_id", "quote", "quote_key")
        .render_derived(name="cited")
    )
    columns = ["answer_id", "position", "clause_id", "quote", "quote_key"]
    rows = select(logged.c.id, cited.c.position, cited.c.clause_id, cited.c.quote, cited.c.quote_key)
    return insert(_CITATIONS).from_select(columns, rows.select_from(logged.join(cited, true())))


_INSERT_LOGGED_WITH_CITATIONS = _logged_with_citations()


@dataclass(frozen=True)
class Settling:
    """What a typed message says of the answer logged before it, judged before the turn's transaction
    (the web's turn reads nothing inside it, session 29): written by id, once."""

    answer_id: int
    how: NextTurn
    said: str | None


@dataclass(frozen=True)
class LastAnswer:
    """The answer logged last in a conversation (`LAST_ANSWER`'s row): what it was understood to ask, and
    what the message after it said of it, once told."""

    id: int
    asked: str | None
    next_turn: str | None


# The conversation's ("key") last logged answer, for a statement that reads it beside other rows before a
# turn (bot/web/turn_read.py); its columns are `LastAnswer`'s.
LAST_ANSWER = _LAST_ANSWER


def _settling(connection: Connection, said: _Said) -> Settling | None:
    """The conversation's last logged answer told what the message after it said, once: only the first
    typed message after an answer speaks of it (a later one speaks of whatever came between)."""
    row = connection.execute(_LAST_ANSWER, {"key": said.session_key}).first()
    return _settling_after(LastAnswer(*row) if row is not None else None, said)


def _settling_after(last: LastAnswer | None, said: _Said) -> Settling | None:
    if last is None or last.next_turn is not None:
        return None
    how = next_turn(said.message, last.asked, said.asked, said.told)
    kept = storable(said.message.strip()[:500]) if how != "quiet" else None
    return Settling(last.id, how, kept)


def _settle_by_id(connection: Connection, settling: Settling) -> None:
    values = {"answer_id": settling.answer_id, "how": settling.how, "said": settling.said}
    connection.execute(_SETTLE, values)


def _settle_on(connection: Connection, said: _Said) -> None:
    settling = _settling(connection, said)
    if settling is not None:
        _settle_by_id(connection, settling)


def _insert_on(connection: Connection, answers: list[_Answer | _Said]) -> None:
    if connection.dialect.name == "postgresql":
        for answer in answers:
            if isinstance(answer, _Said):
                _settle_on(connection, answer)
                continue
            cited = answer.citation_rows(0)
            connection.execute(
                _INSERT_LOGGED_WITH_CITATIONS,
                {
                    **answer.row(),
                    "positions": [c["position"] for c in cited],
                    "clause_ids": [c["clause_id"] for c in cited],
                    "quotes": [c["quote"] for c in cited],
                    "quote_keys": [c["quote_key"] for c in cited],
                },
            )
        return
    for answer in answers:
        if isinstance(answer, _Said):
            _settle_on(connection, answer)
            continue
        answer_id = connection.execute(_INSERT_ANSWER, answer.row()).scalar_one()
        citations = answer.citation_rows(answer_id)
        if citations:
            connection.execute(_INSERT_CITATIONS, citations)


@dataclass(frozen=True)
class Mark:
    status: MarkStatus
    note: str
    staff_name: str
    at: str


class AnswerLog:
    """Writes go through one background thread in batches, so answering never waits on the database
    (and SQLite's single writer is never contended); `flush()` waits until everything is stored.
    While the database is unreachable the writer keeps the batch and tries again (up to
    `retry_seconds`), so answers given just before an outage are stored when it is back."""

    def __init__(
        self, engine: Engine, audit: AuditTrail, cache_seconds: float = 5.0, retry_seconds: float = 30.0
    ) -> None:
        self.engine = engine
        self.audit = audit
        self.cache_seconds = cache_seconds
        self.retry_seconds = retry_seconds
        self._verified: frozenset[str] = frozenset()
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()
        self._reads = one_statement_reads(engine)
        self._pending: queue.Queue[_Answer | _Said | None] = queue.Queue()
        self._writer = threading.Thread(target=self._write_batches, name="answer-log-writer", daemon=True)
        self._writer.start()

    # -- writing --------------------------------------------------------------------------------

    def record(
        self,
        channel: str,
        question: str,
        answer: str,
        citations: Iterable[Citation],
        status: str | None = None,
        region: str | None = None,
        session_key: str | None = None,
        turn: ChatTurn = NO_TURN,
    ) -> None:
        """Queue an answer for the log; `turn`: its feedback reference and what it was asked (a chat's)."""
        cited = tuple((c.clause_id, c.quote) for c in citations)
        left = turn.unanswered_parts
        self._pending.put(
            _Answer(channel, question, answer, cited, status, region, session_key, turn.ref, turn.asked, left)
        )

    def said(self, session_key: str, message: str, asked: str | None = None, told: bool = False) -> None:
        """Queue a typed message of a conversation (before the answers to it): it tells the answer logged
        before it whether it missed. `asked`: what it was understood to ask, when it was answered; `told`:
        whether it told something of the person (`Outcome.told`)."""
        self._pending.put(_Said(session_key, message, asked, told))

    def settling(self, session_key: str, message: str, asked: str | None = None, told: bool = False) -> Settling | None:
        """`said`, judged on a read of its own before a turn's transaction (a web chat turn's): what to
        write with the turn by `settle_on`, or None when no answer waits for it."""
        with self._reads.connect() as connection:
            return _settling(connection, _Said(session_key, message, asked, told))

    def settling_after(
        self, last: LastAnswer | None, session_key: str, message: str, asked: str | None = None, told: bool = False
    ) -> Settling | None:
        """`settling`, on the last logged answer as read already (with the glance, before the turn)."""
        return _settling_after(last, _Said(session_key, message, asked, told))

    def settle_on(self, connection: Connection, settling: Settling) -> None:
        """A `settling` written inside the turn's own transaction (an update by id, once)."""
        _settle_by_id(connection, settling)

    def add(
        self,
        connection: Connection,
        channel: str,
        question: str,
        answer: str,
        citations: Iterable[Citation],
        status: str | None = None,
        session_key: str | None = None,
        turn: ChatTurn = NO_TURN,
    ) -> None:
        """`record` inside a transaction already open: a chat turn's answer goes in the turn's own
        commit, with its session and transcript, instead of a transaction of the writer's of its own."""
        cited = tuple((c.clause_id, c.quote) for c in citations)
        answered = _Answer(
            channel, question, answer, cited, status, None, session_key, turn.ref, turn.asked, turn.unanswered_parts
        )
        _insert_on(connection, [answered])

    def _write_batches(self) -> None:
        while True:
            first = self._pending.get()
            batch = [first]
            while len(batch) < 200:
                try:
                    batch.append(self._pending.get_nowait())
                except queue.Empty:
                    break
            answers = [a for a in batch if a is not None]
            try:
                if answers:
                    self._store(answers)
            finally:
                for _ in batch:
                    self._pending.task_done()
            if None in batch:
                return

    def _store(self, answers: list[_Answer | _Said]) -> None:
        deadline = time.monotonic() + self.retry_seconds
        pause = 0.1
        while True:
            try:
                self._insert(answers)
                return
            except DATABASE_DOWN as exc:
                if time.monotonic() + pause > deadline:
                    log.error("database unavailable: %d answer log entries lost (%s)", len(answers), type(exc).__name__)
                    return
            except Exception:
                if len(answers) == 1:
                    log.exception("could not store an answer log entry")
                    return
                for answer in answers:
                    self._store([answer])
                return
            # Waited outside the handler: the failed statement (referenced from the exception's
            # traceback) keeps its connection, and on SQLite the file read-only for the whole
            # process, for as long as the exception lives (bot/db.py `_closes_read_only_leftovers`).
            time.sleep(pause)
            pause = min(pause * 2, 2.0)

    def _insert(self, answers: list[_Answer | _Said]) -> None:
        with writing(self.engine), self.engine.begin() as connection:
            _insert_on(connection, answers)

    def flush(self) -> None:
        """Wait until every recorded answer is in the database."""
        self._pending.join()

    def close(self) -> None:
        if self._writer.is_alive():
            self._pending.put(None)
            self._writer.join(timeout=10)

    def forget_session(self, session_key: str) -> int:
        """Delete every logged answer of one conversation (the person sent /forget)."""
        self.flush()
        with writing(self.engine), self.engine.begin() as connection:
            return self.forget_session_on(connection, session_key)

    def forget_session_on(self, connection: Connection, session_key: str) -> int:
        """`forget_session` inside a transaction already open (after `flush()`: queued answers are stored)."""
        ids = list(connection.scalars(_SESSION_ANSWERS, {"key": session_key}))
        if ids:
            for statement in _FORGET_ANSWERS:
                connection.execute(statement, {"ids": ids})
        return len(ids)

    def delete_entry(self, answer_id: int) -> bool:
        """Delete one logged answer with its citations and feedback (staff, for an /api/ask question
        that holds personal details); False when there is none."""
        self.flush()
        with Session(self.engine) as session, session.begin():
            session.execute(delete(AnswerFeedback).where(AnswerFeedback.answer_id == answer_id))
            session.execute(delete(AnswerCitation).where(AnswerCitation.answer_id == answer_id))
            result = session.execute(delete(AnswerEntry).where(AnswerEntry.id == answer_id))
            return bool(getattr(result, "rowcount", 0))

    def prune(self, older_than: datetime) -> int:
        """Delete answers logged before `older_than` with their citations and feedback (the retention
        limit); staff marks stay, they belong to the quote. Returns how many answers."""
        self.flush()
        old = select(AnswerEntry.id).where(AnswerEntry.created_at < older_than)
        with Session(self.engine) as session, session.begin():
            session.execute(delete(AnswerFeedback).where(AnswerFeedback.answer_id.in_(old)))
            session.execute(delete(AnswerCitation).where(AnswerCitation.answer_id.in_(old)))
            result = session.execute(delete(AnswerEntry).where(AnswerEntry.created_at < older_than))
            return int(getattr(result, "rowcount", 0) or 0)

    def count_session(self, session_key: str) -> int:
        self.flush()
        with Session(self.engine) as session:
            query = select(func.count(AnswerEntry.id)).where(AnswerEntry.session_key == session_key)
            return int(session.scalar(query) or 0)

    def detach_session(self, session_key: str) -> None:
        """A new conversation in its place (新对话): its answers stay for staff, no longer linked to anyone."""
        self.flush()
        with Session(self.engine) as session, session.begin():
            session.execute(
                update(AnswerEntry).where(AnswerEntry.session_key == session_key).values(session_key=None, ref=None)
            )

    def mark(self, citation_id: int, status: MarkStatus, note: str, staff_name: str) -> AnswerCitation | None:
        """Mark a logged citation's quote (in force wherever the quote appears); None when there is no
        such citation."""
        if status not in MARK_LABELS:
            raise ValueError(f"unknown mark {status!r}")
        return self._judge(citation_id, "quote", status, note, staff_name)

    def judge_answer(
        self, citation_id: int, status: VerdictStatus, note: str, staff_name: str
    ) -> AnswerCitation | None:
        """A verdict on how this one answer used the quote; never shown on another answer."""
        if status not in VERDICT_LABELS:
            raise ValueError(f"unknown verdict {status!r}")
        return self._judge(citation_id, "answer", status, note, staff_name)

    def _judge(self, citation_id: int, scope: str, status: str, note: str, staff_name: str) -> AnswerCitation | None:
        with Session(self.engine) as session, session.begin():
            citation = session.get(AnswerCitation, citation_id)
            if citation is None:
                return None
            session.add(
                CitationMark(
                    quote_key=citation.quote_key,
                    clause_id=citation.clause_id,
                    quote=citation.quote,
                    status=status,
                    note=storable(note.strip()),
                    staff_name=staff_name,
                    citation_id=citation.id,
                    scope=scope,
                )
            )
            if scope == "quote":
                action = "citation_verified" if status == "verified" else "citation_flagged"
                said = f"引文{MARK_LABELS[status]}"
            else:
                action = f"answer_{status}"
                said = VERDICT_LABELS[status]
            detail = f"答复#{citation.answer_id} 引用{citation.position}：{said}：{citation.quote[:60]}" + (
                f"；备注：{note.strip()}" if note.strip() else ""
            )
            self.audit.record(staff_name, action, citation.clause_id, detail, session=session)
            session.expunge(citation)
        self._loaded_at = float("-inf")
        return citation

    # -- reading --------------------------------------------------------------------------------

    def verified_keys(self) -> frozenset[str]:
        """Quote keys whose mark in force is `verified`; cached briefly (replicas see changes soon)."""
        now = time.monotonic()
        if now - self._loaded_at < self.cache_seconds:
            return self._verified
        with self._lock:
            if now - self._loaded_at >= self.cache_seconds:
                self._verified = frozenset(k for k, m in self.marks().items() if m.status == "verified")
                self._loaded_at = now
        return self._verified

    def verified_quotes(self, clause_id: str) -> list[str]:
        """The quotes of this clause whose mark in force is `verified`."""
        keys = self.verified_keys()
        query = select(CitationMark.quote_key, CitationMark.quote).where(
            CitationMark.clause_id == clause_id, CitationMark.scope == "quote"
        )
        with Session(self.engine) as session:
            rows = session.execute(query.distinct()).all()
        return list(dict.fromkeys(quote for key, quote in rows if key in keys))

    def marks(self, keys: Iterable[str] | None = None) -> dict[str, Mark]:
        """The mark in force per quote key (all keys, or those asked for)."""
        newest = select(func.max(CitationMark.id)).where(CitationMark.scope == "quote").group_by(CitationMark.quote_key)
        if keys is not None:
            newest = newest.where(CitationMark.quote_key.in_(list(keys)))
        with Session(self.engine) as session:
            rows = session.scalars(select(CitationMark).where(CitationMark.id.in_(newest)))
            return {
                r.quote_key: Mark(r.status, r.note, r.staff_name, r.created_at.strftime("%Y-%m-%d %H:%M"))  # type: ignore[arg-type]
                for r in rows
            }

    def verdicts(self, citation_ids: Iterable[int] | None = None) -> dict[int, Mark]:
        """The verdict in force per logged citation (how that one answer used its quote)."""
        newest = (
            select(func.max(CitationMark.id))
            .where(CitationMark.scope == "answer", CitationMark.citation_id.is_not(None))
            .group_by(CitationMark.citation_id)
        )
        if citation_ids is not None:
            newest = newest.where(CitationMark.citation_id.in_(list(citation_ids)))
        with Session(self.engine) as session:
            rows = session.scalars(select(CitationMark).where(CitationMark.id.in_(newest)))
            return {
                r.citation_id: Mark(r.status, r.note, r.staff_name, r.created_at.strftime("%Y-%m-%d %H:%M"))  # type: ignore[arg-type,misc]
                for r in rows
            }

    def badge_withdrawn(self, refs: Iterable[str]) -> dict[str, set[tuple[str, str]]]:
        """Per answer reference, the (clause id, quote) pairs staff judged misapplied or wrong for that
        answer: it shows no 原文已核实 for them, whatever the quote's own mark."""
        wanted = [ref for ref in refs if ref]
        if not wanted:
            return {}
        query = (
            select(AnswerEntry.ref, AnswerCitation.id, AnswerCitation.clause_id, AnswerCitation.quote)
            .join(AnswerEntry, AnswerEntry.id == AnswerCitation.answer_id)
            .where(AnswerEntry.ref.in_(wanted))
        )
        with Session(self.engine) as session:
            cited = session.execute(query).all()
        verdicts = self.verdicts(c.id for c in cited) if cited else {}
        withdrawn: dict[str, set[tuple[str, str]]] = {}
        for ref, citation_id, clause_id, quote in cited:
            if ref and citation_id in verdicts and verdicts[citation_id].status in BAD_VERDICTS:
                withdrawn.setdefault(ref, set()).add((clause_id, quote))
        return withdrawn

    def history(self, key: str) -> list[CitationMark]:
        """The quote's own marks, newest first."""
        with Session(self.engine) as session:
            query = (
                select(CitationMark)
                .where(CitationMark.quote_key == key, CitationMark.scope == "quote")
                .order_by(CitationMark.id.desc())
            )
            return list(session.scalars(query))

    def verdict_history(self, citation_id: int) -> list[CitationMark]:
        """The verdicts on how this answer used its quote, newest first."""
        with Session(self.engine) as session:
            query = (
                select(CitationMark)
                .where(CitationMark.citation_id == citation_id, CitationMark.scope == "answer")
                .order_by(CitationMark.id.desc())
            )
            return list(session.scalars(query))

    def entries(
        self, which: LogFilter = "all", limit: int = 50, offset: int = 0, channel: LogChannel | None = None
    ) -> list[AnswerEntry]:
        query = (
            select(AnswerEntry)
            .options(selectinload(AnswerEntry.citations))
            .where(logged_in(channel))
            .order_by(AnswerEntry.id.desc())
        )
        if which != "all":
            marks = self.marks()
            verdicts = self.verdicts()
            judged = list(verdicts)
            bad = [c for c, m in verdicts.items() if m.status in BAD_VERDICTS]
            if which == "unmarked":  # neither the quote nor its use in this answer judged
                cited = select(AnswerCitation.answer_id).where(
                    AnswerCitation.quote_key.not_in(list(marks)), AnswerCitation.id.not_in(judged)
                )
            elif which == "verified":  # a verified quote this answer did not misuse
                keys = [k for k, m in marks.items() if m.status == "verified"]
                cited = select(AnswerCitation.answer_id).where(
                    AnswerCitation.quote_key.in_(keys), AnswerCitation.id.not_in(bad)
                )
            else:  # a wrong quote, or this answer's own problem
                keys = [k for k, m in marks.items() if m.status == "flagged"]
                cited = select(AnswerCitation.answer_id).where(
                    AnswerCitation.quote_key.in_(keys) | AnswerCitation.id.in_(bad)
                )
            query = query.where(AnswerEntry.id.in_(cited))
        with Session(self.engine) as session:
            return list(session.scalars(query.limit(limit).offset(offset)))

    def answer_of(self, citation_id: int) -> int | None:
        """The logged answer a citation belongs to."""
        with Session(self.engine) as session:
            return session.scalar(select(AnswerCitation.answer_id).where(AnswerCitation.id == citation_id))

    def entry(self, answer_id: int) -> AnswerEntry | None:
        with Session(self.engine) as session:
            query = select(AnswerEntry).options(selectinload(AnswerEntry.citations)).where(AnswerEntry.id == answer_id)
            return session.scalar(query)

    def quotes_of(self, clause_id: str, limit: int = 100) -> list[AnswerCitation]:
        """Where the bot quoted this clause, newest first."""
        with Session(self.engine) as session:
            query = (
                select(AnswerCitation)
                .options(selectinload(AnswerCitation.entry))
                .where(AnswerCitation.clause_id == clause_id)
                .order_by(AnswerCitation.id.desc())
                .limit(limit)
            )
            return list(session.scalars(query))

    def counts(self) -> dict[str, int]:
        marks = self.marks()
        with Session(self.engine) as session:
            answers = session.scalar(select(func.count(AnswerEntry.id))) or 0
            keys = list(session.scalars(select(AnswerCitation.quote_key).distinct()))
        verdicts = self.verdicts()
        return {
            "answers": answers,
            "misused": sum(1 for m in verdicts.values() if m.status in BAD_VERDICTS),
            "quotes": len(keys),
            "verified": sum(1 for k in keys if k in marks and marks[k].status == "verified"),
            "flagged": sum(1 for k in keys if k in marks and marks[k].status == "flagged"),
            "unmarked": sum(1 for k in keys if k not in marks),
        }

    def export_csv(self, channel: LogChannel | None = None) -> Iterator[str]:
        """The whole log (or one channel's), one row per citation, UTF-8 with a BOM so spreadsheet programs read
        Chinese."""
        marks = self.marks()
        verdicts = self.verdicts()
        buffer = io.StringIO()
        writer = _FormulaSafeWriter(csv.writer(buffer))
        buffer.write("\ufeff")
        writer.writerow(csv_headers())
        last_id = 0
        while True:
            with Session(self.engine) as session:
                query = (
                    select(AnswerEntry)
                    .options(selectinload(AnswerEntry.citations))
                    .where(AnswerEntry.id > last_id, logged_in(channel))
                    .order_by(AnswerEntry.id)
                    .limit(500)
                )
                batch = list(session.scalars(query))
            if not batch:
                break
            for entry in batch:
                head = [
                    entry.id, entry.created_at.strftime("%Y-%m-%d %H:%M:%S"), entry.channel,
                    entry.question, entry.status or "", entry.region or "",
                ]  # fmt: skip
                for citation in entry.citations or [None]:  # type: ignore[list-item]
                    if citation is None:
                        writer.writerow([*head, "", "", "", "", "", "", "", "", "", "", ""])
                        continue
                    mark = marks.get(citation.quote_key)
                    verdict = verdicts.get(citation.id)
                    writer.writerow(
                        [
                            *head,
                            citation.position,
                            citation.clause_id,
                            citation.quote,
                            MARK_LABELS[mark.status] if mark else "",
                            mark.note if mark else "",
                            mark.staff_name if mark else "",
                            mark.at if mark else "",
                            VERDICT_LABELS[verdict.status] if verdict else "",
                            verdict.note if verdict else "",
                            verdict.staff_name if verdict else "",
                            verdict.at if verdict else "",
                        ]
                    )
                last_id = entry.id
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()


# A cell a spreadsheet would run as a formula (=HYPERLINK(…), +cmd, -2+3, @SUM, a leading tab or CR):
# anyone can plant one through /api/ask, so it is exported as text (OWASP "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralised(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def formula_safe(writer: Any) -> _FormulaSafeWriter:
    """A csv writer whose cells a spreadsheet would run as formulas are written as text."""
    return _FormulaSafeWriter(writer)


class _FormulaSafeWriter:
    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([neutralised(cell) for cell in row])
