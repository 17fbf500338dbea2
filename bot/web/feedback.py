"""People's feedback on answers, and the staff queues that show where content is missing.

Every chat answer (web and Telegram) is logged with a random reference; its 👍/👎/报告问题 buttons
carry that reference, and feedback is accepted only from the conversation the answer was given in.
The queues: questions the documents could not answer, questions declined because the place is
not covered, answers people rated down or reported, answers given but missed — the person's next
message says so (不对, 我问的是…) or asks the same again in other words (bot/web/next_turn.py), or
their last 👍/👎 on it is 👎; their 👍 outranks what is read from their next words — and messages
asking several things of which only some were answered; each with counts per day.

A question is filed under 地区未收录 only when the place it asks ABOUT is uncovered. The answer was
declined as region_not_covered by the dialogue or knowledge core (not decided here); a question whose
place asked about is covered — read by the gazetteer's own reading of where the person is and asks
about (社保从东莞转回巴中: 巴中) — merely mentions an uncovered place (worked there, came from there), and
the gap is content: it is filed under 未能回答, labelled with the covered place it asks about — when
that place was covered already when it was asked. A place whose documents staff published only after
the question (烟台 declined, then 烟台's document published) was not covered then: the question stays
under 地区未收录, noted as covered since (session 34), never called a content gap of a covered place.
"""

from __future__ import annotations

import csv
import io
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.db import open_database, storable
from bot.dialogue.service import Handled
from bot.dialogue.types import Reply
from bot.present.prose import prose
from bot.tables import AnswerCitation, AnswerEntry, AnswerFeedback, PolicyDocument, utcnow
from bot.web.answer_log import AnswerLog, ChatTurn, LogChannel, formula_safe, logged_in
from bot.web.audit import AuditTrail

Rating = Literal["up", "down", "report"]
QueueName = Literal["unanswered", "refused", "low_rated", "missed", "partial"]
QUEUES: dict[QueueName, str] = {
    "unanswered": "未能回答",
    "refused": "地区未收录",
    "low_rated": "差评与报告",
    "missed": "答复没对上",
    "partial": "只答了一部分",
}
# Why an answer is in 答复没对上: what the person's next message did (answer_log.next_turn).
MISSED = ("rebuffed", "reasked")
MISSED_LABELS: dict[str, str] = {"rebuffed": "用户下一句说没答对", "reasked": "用户接着换个说法又问了一遍"}
RATED_MISSED = "用户点了“没用”"
COVERED_SINCE = "提问时未收录，{place}的文件是之后发布的"
RATING_LABELS: dict[str, str] = {"up": "👍 有用", "down": "👎 没用", "report": "⚑ 报告问题"}
LOW_RATINGS = ("down", "report")
VERDICTS = ("up", "down")  # a report says something of the answer, not whether it was what was asked
BEIJING = ZoneInfo("Asia/Shanghai")


def new_ref() -> str:
    return secrets.token_urlsafe(12)


@dataclass(frozen=True)
class QueueRow:
    entry: AnswerEntry
    ratings: tuple[tuple[str, str], ...]  # (rating, note), newest first
    # The question asked just before in the same conversation: 那巴中呢 alone cannot be judged.
    before: str | None = None
    # Not answered, yet clauses were quoted: the documents name the measure but not what was asked (a
    # sum, a procedure) — another kind of gap than a question nothing in them is about.
    quoted: bool = False
    # Declined as region_not_covered, yet the place asked about is this covered one: a content gap.
    asked_covered: str | None = None
    # Declined as region_not_covered, the place asked about covered only since (its documents published later).
    covered_since: str | None = None


class FeedbackDesk:
    def __init__(
        self, engine: Engine, answer_log: AnswerLog, covered_place_asked: Callable[[str], str | None] | None = None
    ) -> None:
        """`covered_place_asked`: the covered jurisdiction a question asks about, or None (the
        gazetteer's reading); without it every declined question stays under 地区未收录."""
        self.engine = engine
        self.answer_log = answer_log
        self._covered_place_asked = covered_place_asked

    def give(self, session_key: str, ref: str, rating: Rating, note: str = "") -> bool:
        """Store feedback on the answer `ref` of this conversation; False when there is no such answer
        in it (another conversation's answer, a forgotten one, a made-up reference)."""
        self.answer_log.flush()
        with Session(self.engine) as session, session.begin():
            answer_id = session.scalar(
                select(AnswerEntry.id).where(AnswerEntry.ref == ref, AnswerEntry.session_key == session_key)
            )
            if answer_id is None:
                return False
            session.add(AnswerFeedback(answer_id=answer_id, rating=rating, note=storable(note.strip())))
        return True

    def ratings_of(self, session_key: str) -> dict[str, str]:
        """The latest 👍/👎 given to each answer of this conversation, by the answer's reference: what
        the widget shows pressed again after a reload (a report is shown as a report)."""
        self.answer_log.flush()
        query = (
            select(AnswerEntry.ref, AnswerFeedback.rating)
            .join(AnswerFeedback, AnswerFeedback.answer_id == AnswerEntry.id)
            .where(AnswerEntry.session_key == session_key)
            .order_by(AnswerFeedback.id)
        )
        with Session(self.engine) as session:
            return {ref: rating for ref, rating in session.execute(query).all() if ref}

    def of_answer(self, answer_id: int) -> list[AnswerFeedback]:
        """What people said of one answer — 👍, 👎 and reports with their notes — newest first (the
        answer page shows it, as the queue does)."""
        query = select(AnswerFeedback).where(AnswerFeedback.answer_id == answer_id).order_by(AnswerFeedback.id.desc())
        with Session(self.engine) as session:
            return list(session.scalars(query))

    def asked_covered(self, question: str) -> str | None:
        """The covered place a question asks about, if any."""
        return self._covered_place_asked(question) if self._covered_place_asked is not None else None

    def _declined_about_covered(self, session: Session) -> tuple[dict[int, str], dict[int, str]]:
        """Declined answers (region_not_covered) whose question asks about a covered place, by id: those
        asked while it was covered (a content gap), and those asked before its documents were published."""
        if self._covered_place_asked is None:
            return {}, {}
        declined = session.execute(
            select(AnswerEntry.id, AnswerEntry.question, AnswerEntry.created_at).where(
                AnswerEntry.status == "region_not_covered"
            )
        )
        first_published = _first_published(session)
        then: dict[int, str] = {}
        since: dict[int, str] = {}
        for i, question, asked_at in declined:
            place = self.asked_covered(question)
            if place is None:
                continue
            published = first_published.get(place)
            # No document row for the place (a knowledge base given without the library): covered then.
            covered_then = published is None or _utc(published) <= _utc(asked_at)
            (then if covered_then else since)[i] = place
        return then, since

    def _query(
        self, name: QueueName, about_covered: Iterable[int] = (), channel: LogChannel | None = None
    ) -> Select[AnswerEntry]:
        return self._queued(name, about_covered).where(logged_in(channel))

    def _queued(self, name: QueueName, about_covered: Iterable[int]) -> Select[AnswerEntry]:
        moved = list(about_covered)
        if name == "unanswered":
            return select(AnswerEntry).where((AnswerEntry.status == "no_answer") | AnswerEntry.id.in_(moved))
        if name == "refused":
            return select(AnswerEntry).where(AnswerEntry.status == "region_not_covered", AnswerEntry.id.not_in(moved))
        if name == "missed":
            missed = AnswerEntry.next_turn.in_(MISSED) | AnswerEntry.id.in_(_last_verdict("down"))
            return select(AnswerEntry).where(missed, AnswerEntry.id.not_in(_last_verdict("up")))
        if name == "partial":
            return select(AnswerEntry).where(AnswerEntry.unanswered_parts.is_not(None))
        rated = select(AnswerFeedback.answer_id).where(AnswerFeedback.rating.in_(LOW_RATINGS))
        return select(AnswerEntry).where(AnswerEntry.id.in_(rated))

    def queue(
        self, name: QueueName, limit: int = 50, offset: int = 0, channel: LogChannel | None = None
    ) -> list[QueueRow]:
        """One queue, newest first; `channel`: only the questions asked there (None: every channel)."""
        with Session(self.engine) as session:
            about_covered, covered_since = self._declined_about_covered(session)
            query = (
                self._query(name, about_covered, channel).order_by(AnswerEntry.id.desc()).limit(limit).offset(offset)
            )
            entries = list(session.scalars(query))
            ids = [e.id for e in entries]
            notes: dict[int, list[tuple[str, str]]] = {}
            rows = session.execute(
                select(AnswerFeedback.answer_id, AnswerFeedback.rating, AnswerFeedback.note)
                .where(AnswerFeedback.answer_id.in_(ids))
                .order_by(AnswerFeedback.id.desc())
            )
            for answer_id, rating, note in rows:
                notes.setdefault(answer_id, []).append((rating, note))
            before = {e.id: self._asked_before(session, e) for e in entries}
            quoted = set(session.scalars(select(AnswerCitation.answer_id).where(AnswerCitation.answer_id.in_(ids))))
        return [
            QueueRow(
                e,
                tuple(notes.get(e.id, ())),
                before[e.id],
                e.id in quoted,
                about_covered.get(e.id),
                covered_since.get(e.id),
            )
            for e in entries
        ]

    def export_csv(self, name: QueueName, channel: LogChannel | None = None) -> Iterator[str]:
        """One queue, a row per question (newest first) with why it is there, UTF-8 with a BOM; every
        cell a spreadsheet would run as a formula is written as text (the answer log's writer)."""
        headers = prose().staff_export.queue_columns
        buffer = io.StringIO()
        writer = formula_safe(csv.writer(buffer))
        buffer.write("\ufeff")
        writer.writerow(headers)
        offset = 0
        while True:
            rows = self.queue(name, limit=500, offset=offset, channel=channel)
            for row in rows:
                e = row.entry
                ratings = "；".join(f"{RATING_LABELS[r]}{'：' + n if n else ''}" for r, n in row.ratings)
                left = "；".join((e.unanswered_parts or "").splitlines())
                when = e.created_at.strftime("%Y-%m-%d %H:%M:%S")
                said = (e.status or "", queue_reason(row), e.next_said or "", left, row.before or "", ratings)
                writer.writerow([e.id, when, e.channel, QUEUES[name], e.question, *said])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            if len(rows) < 500:
                return
            offset += 500

    def _asked_before(self, session: Session, entry: AnswerEntry) -> str | None:
        """The conversation's question logged right before this one (none once the session is forgotten)."""
        if entry.session_key is None:
            return None
        query = (
            select(AnswerEntry.question)
            .where(AnswerEntry.session_key == entry.session_key, AnswerEntry.id < entry.id)
            .order_by(AnswerEntry.id.desc())
            .limit(1)
        )
        return session.scalar(query)

    def counts(
        self, days: int = 14, today: date | None = None, channel: LogChannel | None = None
    ) -> tuple[list[date], dict[QueueName, list[int]]]:
        """Per queue, how many questions arrived each day of the last `days` days (Beijing dates)."""
        end = today or utcnow().astimezone(BEIJING).date()
        dates = [end - timedelta(days=n) for n in range(days - 1, -1, -1)]
        since = datetime.combine(dates[0], datetime.min.time(), BEIJING)
        per_day: dict[QueueName, list[int]] = {}
        with Session(self.engine) as session:
            about_covered, _ = self._declined_about_covered(session)
            for name in QUEUES:
                subquery = self._query(name, about_covered, channel).where(AnswerEntry.created_at >= since).subquery()
                stamps = session.scalars(select(subquery.c.created_at))
                counted = Counter(_local_date(stamp) for stamp in stamps)
                per_day[name] = [counted.get(day, 0) for day in dates]
        return dates, per_day

    def totals(self, channel: LogChannel | None = None) -> dict[QueueName, int]:
        with Session(self.engine) as session:
            about_covered, _ = self._declined_about_covered(session)
            return {
                name: int(
                    session.scalar(
                        select(func.count()).select_from(self._query(name, about_covered, channel).subquery())
                    )
                    or 0
                )
                for name in QUEUES
            }


def queue_reason(row: QueueRow) -> str:
    """Why a question is in the staff queue, in one line (the export's 原因 column; the page says the same)."""
    e = row.entry
    reasons: list[str] = []
    if e.status == "no_answer" or row.asked_covered:
        reasons.append(QUEUES["unanswered"])
    elif e.status == "region_not_covered":
        reasons.append(QUEUES["refused"])
        if row.covered_since:
            reasons.append(COVERED_SINCE.format(place=row.covered_since))
    if e.next_turn in MISSED_LABELS:
        reasons.append(MISSED_LABELS[e.next_turn])
    verdict = next((rating for rating, _ in row.ratings if rating in VERDICTS), None)  # ratings: newest first
    if verdict == "down":
        reasons.append(RATED_MISSED)
    if e.unanswered_parts:
        reasons.append(QUEUES["partial"])
    if any(rating in LOW_RATINGS for rating, _ in row.ratings):
        reasons.append(QUEUES["low_rated"])
    return "；".join(reasons)


def _last_verdict(rating: str) -> Select[int]:
    """The answers whose latest 👍/👎 is `rating` (a person may change their mind: the last press stands)."""
    last = (
        select(func.max(AnswerFeedback.id).label("id"))
        .where(AnswerFeedback.rating.in_(VERDICTS))
        .group_by(AnswerFeedback.answer_id)
        .subquery()
    )
    return select(AnswerFeedback.answer_id).where(
        AnswerFeedback.id.in_(select(last.c.id)), AnswerFeedback.rating == rating
    )


def _first_published(session: Session) -> dict[str, datetime]:
    """When each place's published documents were first published (the place a document governs: its
    county, else city, else province — `Document.jurisdiction`)."""
    place = func.coalesce(PolicyDocument.county, PolicyDocument.city, PolicyDocument.province)
    rows = session.execute(
        select(place, func.min(PolicyDocument.published_at))
        .where(PolicyDocument.state == "published", PolicyDocument.published_at.is_not(None))
        .group_by(place)
    )
    return {name: when for name, when in rows if name and when is not None}


def _utc(stamp: datetime) -> datetime:
    return stamp.replace(tzinfo=ZoneInfo("UTC")) if stamp.tzinfo is None else stamp  # SQLite: naive UTC


def _local_date(stamp: datetime) -> date:
    return _utc(stamp).astimezone(BEIJING).date()


class ChannelAnswerBook:
    """A chat channel's answers in the staff answer log, with their feedback (Telegram's and the terminal's):
    logged as the web logs its own, under the channel's name, in the database the console reads."""

    def __init__(self, channel: str, answer_log: AnswerLog, desk: FeedbackDesk) -> None:
        self.channel = channel
        self.answer_log = answer_log
        self.desk = desk

    def said(self, key: str, message: str, replies: Iterable[Reply], told: bool = False) -> None:
        """A typed message and the replies to it: it tells the answer logged before it whether it missed
        (call before `record`-ing the answers to it). `told`: the turn's `Handled.told`."""
        asked = next((r.asked for r in replies if r.kind == "answer" and r.asked), None)
        self.answer_log.said(key, message, asked, told)

    def record(self, key: str, question: str, reply: Reply) -> str:
        ref = new_ref()
        self.answer_log.record(
            self.channel,
            question,
            reply.text,
            reply.citations,
            status=reply.answer_status,
            session_key=key,
            turn=ChatTurn(ref, reply.asked, reply.unanswered_parts),
        )
        return ref

    def log_turn(self, key: str, text: str | None, handled: Handled) -> tuple[str | None, ...]:
        """A handled turn into the log, as the web's turn goes there: a typed message and the answers to it
        (each its reference, None for a reply that is no answer), or — after /forget — nothing, and every
        answer logged for the conversation deleted. A button press logs nothing (it asks no question)."""
        if handled.forgotten:
            self.forget(key)
            return tuple(None for _ in handled.replies)
        if text is None:
            return tuple(None for _ in handled.replies)
        self.said(key, text, handled.replies, handled.told)
        return tuple(
            self.record(key, text.strip(), reply) if reply.kind == "answer" else None for reply in handled.replies
        )

    def give(self, key: str, ref: str, rating: str, note: str = "") -> bool:
        if rating not in ("up", "down", "report"):
            return False
        return self.desk.give(key, ref, rating, note)  # type: ignore[arg-type]

    def forget(self, key: str) -> None:
        self.answer_log.forget_session(key)

    def close(self) -> None:
        self.answer_log.close()
        self.answer_log.engine.dispose()


def open_answer_book(channel: str, database_url: str, session_key_secret: bytes | None = None) -> ChannelAnswerBook:
    """The answer log on the sessions' database, for a channel that runs without the web app
    (`session_key_secret`: see bot.db.upgrade)."""
    engine = open_database(database_url, session_key_secret)
    answer_log = AnswerLog(engine, AuditTrail(engine))
    return ChannelAnswerBook(channel, answer_log, FeedbackDesk(engine, answer_log))
