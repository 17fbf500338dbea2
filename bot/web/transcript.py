"""The web conversation's transcript, kept on the server so the widget shows it again after a reload
or on another page of the host site (storage inside a cross-site iframe is partitioned or blocked).

Each turn stores what the person sent and the replies, with the button actions each reply offered.
A pressed button must be one the server offered in this conversation since it last started over, so
a stale button (after 重新开始 or 新对话) is refused instead of answering falsely. A resent turn id
gets the replies stored for it. Same privacy rules as the session: /forget deletes the transcript,
and the retention limit purges it with idle sessions.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, bindparam, case, delete, exists, func, insert, null, or_, select, type_coerce, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from bot.db import one_statement_reads, storable, writing
from bot.tables import TranscriptEntry, utcnow

# Commands are what the person could type anyway (/check, 重新开始): never stale.
ALWAYS_LIVE_PREFIX = "cmd:"
MAX_SHOWN = 200
_TRANSCRIPT = TranscriptEntry.metadata.tables[TranscriptEntry.__tablename__]
# inline: no RETURNING of the new id, which nothing reads (a PostgreSQL turn sends its rows with its COMMIT).
_INSERT = insert(_TRANSCRIPT).inline()
_NOTHING_LIVE = update(_TRANSCRIPT).where(_TRANSCRIPT.c.session_key == bindparam("key")).values(offered="")
# Before a turn, one query: the turn ids and live buttons of the conversation and, for a pressed
# button, the bodies of the messages that may hold it (its label is what the person "said"). Only the
# rows that can tell something: those offering buttons, those of the turn id asked about (a resent
# turn), and the conversation's first (that it exists) — not the person's messages and the replies
# without buttons, which grow with every turn. `created_at` is only compared with itself (which turn
# offered the newest buttons), so it is read as stored, not made into a datetime per row.
_TELLING = or_(
    _TRANSCRIPT.c.offered != "",
    _TRANSCRIPT.c.turn_id == bindparam("turn_id"),
    _TRANSCRIPT.c.id
    == select(func.min(_TRANSCRIPT.c.id)).where(_TRANSCRIPT.c.session_key == bindparam("key")).scalar_subquery(),
)
_AS_STORED = type_coerce(_TRANSCRIPT.c.created_at, String)
_GLANCE = (
    select(_TRANSCRIPT.c.turn_id, _TRANSCRIPT.c.offered, _AS_STORED)
    .where(_TRANSCRIPT.c.session_key == bindparam("key"), _TELLING)
    .order_by(_TRANSCRIPT.c.id)
)
_GLANCE_PRESSED = (
    select(
        _TRANSCRIPT.c.turn_id,
        _TRANSCRIPT.c.offered,
        _AS_STORED,
        case((_TRANSCRIPT.c.offered.contains(bindparam("action")), _TRANSCRIPT.c.body), else_=null()),
    )
    .where(_TRANSCRIPT.c.session_key == bindparam("key"), _TELLING)
    .order_by(_TRANSCRIPT.c.id)
)
_FORGET = delete(_TRANSCRIPT).where(_TRANSCRIPT.c.session_key == bindparam("key"))
LABEL_CANDIDATES = 3  # the newest messages offering the action that are searched for its label


# Buttons that answer the state they were shown in (a card's 对/有不对的/不用了, a question's options,
# 查看全部原因 under results): one newer button of these kinds makes every earlier one stale. Clause
# buttons and commands stay live: they mean the same whenever pressed.
_STATE_BOUND = frozenset({"ok", "fix", "drop", "more"})
_STATE_BOUND_PREFIXES = ("ans:", "tick:", "done:", "none:")


def _is_state_bound(action: str) -> bool:
    return action in _STATE_BOUND or action.startswith(_STATE_BOUND_PREFIXES)


def _is_live(reply: dict[str, Any], offered: str) -> bool:
    """Whether a message's buttons still work: a card, question or results while its own buttons are
    offered; any other message while it offers anything."""
    bound = any(_is_state_bound(b["action"]) for row in reply.get("buttons", ()) for b in row)
    if bound:
        return any(_is_state_bound(a) for a in offered.split(" "))
    return bool(offered)


def _live_offers(rows: Sequence[tuple[Any, ...]]) -> list[str]:
    """What each stored message (turn id, offered, created at …, in order) still offers: the buttons
    that never go stale (clauses, commands) always; the state-bound ones only in the newest turn that
    offered any — a newer card, question or results makes every earlier one stale. Worked out when
    read, so a turn writes no update of earlier messages."""
    newest = None
    for turn_id, offered, created_at, *_ in rows:
        if offered and any(_is_state_bound(a) for a in offered.split(" ")):
            newest = (turn_id, created_at)
    live = []
    for turn_id, offered, created_at, *_ in rows:
        if not offered or (turn_id, created_at) == newest:
            live.append(offered or "")
        else:
            live.append(" ".join(a for a in offered.split(" ") if not _is_state_bound(a)))
    return live


@dataclass(frozen=True)
class Glance:
    """What one query tells about a conversation before its turn."""

    exists: bool
    replayed: bool  # the turn id was handled already
    offered: frozenset[str]
    pressed: str | None = None  # the label of the newest button with the action asked about

    def is_offered(self, action: str) -> bool:
        return action.startswith(ALWAYS_LIVE_PREFIX) or action in self.offered


class Transcripts:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.reads = one_statement_reads(engine)

    def glance(self, key: str, turn_id: str | None, action: str | None = None) -> Glance:
        """What the conversation holds before a turn; with `action`, also the pressed button's label
        (as `label_of`), in the same query."""
        with self.reads.connect() as connection:
            if action is None:
                rows = [tuple(row) for row in connection.execute(_GLANCE, {"key": key, "turn_id": turn_id})]
            else:
                values = {"key": key, "turn_id": turn_id, "action": action}
                rows = [tuple(row) for row in connection.execute(_GLANCE_PRESSED, values)]
        return glance_of(rows, turn_id, action)

    def record(
        self,
        key: str,
        turn_id: str | None,
        said: str | None,
        replies: list[dict[str, Any]],
        starts_over: bool = False,
    ) -> None:
        """One turn: the person's message (None for a button) and the replies as the API sent them.
        `starts_over`: the conversation started over, so every earlier button goes stale."""
        with writing(self.engine), self.engine.begin() as connection:
            self.add(connection, key, turn_id, said, replies, starts_over)

    def add(
        self,
        connection: Connection,
        key: str,
        turn_id: str | None,
        said: str | None,
        replies: list[dict[str, Any]],
        starts_over: bool = False,
    ) -> None:
        """`record` inside a transaction already open (the turn's own, so one commit stores both)."""
        now = utcnow()
        if starts_over:
            connection.execute(_NOTHING_LIVE, {"key": key})
        # A new card, question or results makes the buttons of earlier ones stale (they answered a
        # state that is gone): worked out when read (`_live_offers`), refused politely if pressed.
        rows: list[dict[str, Any]] = []
        if said is not None:
            body = json.dumps({"text": storable(said)}, ensure_ascii=False)
            rows.append({"role": "user", "body": body, "offered": ""})
        for reply in replies:
            offered = " ".join(b["action"] for row in reply.get("buttons", ()) for b in row)
            rows.append({"role": "bot", "body": json.dumps(reply, ensure_ascii=False), "offered": offered})
        if rows:
            # One statement for the turn's messages, in order (ids follow it), without the ORM's flush.
            for row in rows:
                row.update(session_key=key, created_at=now, turn_id=turn_id)
            connection.execute(_INSERT, rows)

    def has(self, key: str) -> bool:
        with Session(self.engine) as session:
            return bool(session.scalar(select(exists().where(TranscriptEntry.session_key == key))))

    def count(self, key: str) -> int:
        with Session(self.engine) as session:
            return int(session.scalar(select(func.count()).where(TranscriptEntry.session_key == key)) or 0)

    def is_offered(self, key: str, action: str) -> bool:
        """Whether a reply of this conversation offered `action` since it last started over."""
        if action.startswith(ALWAYS_LIVE_PREFIX):
            return True
        with self.reads.connect() as connection:
            rows = [tuple(row) for row in connection.execute(_GLANCE, {"key": key, "turn_id": None})]
        return any(action in live.split(" ") for live in _live_offers(rows))

    def label_of(self, key: str, action: str) -> str | None:
        """The label of the newest button with this action in the conversation (what the person pressed)."""
        query = (
            select(TranscriptEntry.body)
            .where(TranscriptEntry.session_key == key, TranscriptEntry.offered.contains(action))
            .order_by(TranscriptEntry.id.desc())
            .limit(LABEL_CANDIDATES)
        )
        with self.engine.connect() as connection:
            return _label_in(list(connection.scalars(query)), action)

    def replies_of(self, key: str, turn_id: str) -> list[dict[str, Any]] | None:
        """The replies stored for a turn already handled (a resent request), or None."""
        query = (
            select(TranscriptEntry.role, TranscriptEntry.body)
            .where(TranscriptEntry.session_key == key, TranscriptEntry.turn_id == turn_id)
            .order_by(TranscriptEntry.id)
        )
        with Session(self.engine) as session:
            rows = session.execute(query).all()
        if not rows:
            return None
        return [json.loads(body) for role, body in rows if role == "bot"]

    def entries(self, key: str) -> list[dict[str, Any]]:
        """The conversation as shown: `{"role": "user", "text"}` or `{"role": "bot", "reply", "live"}`
        (the last MAX_SHOWN messages)."""
        query = (
            select(
                TranscriptEntry.turn_id,
                TranscriptEntry.offered,
                TranscriptEntry.created_at,
                TranscriptEntry.role,
                TranscriptEntry.body,
            )
            .where(TranscriptEntry.session_key == key)
            .order_by(TranscriptEntry.id.desc())
            .limit(MAX_SHOWN)
        )
        with Session(self.engine) as session:
            rows = [tuple(row) for row in session.execute(query).all()][::-1]
        shown: list[dict[str, Any]] = []
        for (_, _, _, role, body), offered in zip(rows, _live_offers(rows), strict=True):
            data = json.loads(str(body))
            if role == "user":
                shown.append({"role": "user", "text": data["text"]})
            else:
                shown.append({"role": "bot", "reply": data, "live": _is_live(data, offered)})
        return shown

    def forget(self, key: str) -> int:
        with writing(self.engine), self.engine.begin() as connection:
            return self.forget_on(connection, key)

    def forget_on(self, connection: Connection, key: str) -> int:
        """`forget` inside a transaction already open; returns how many messages were deleted."""
        result = connection.execute(_FORGET, {"key": key})
        return int(getattr(result, "rowcount", 0) or 0)

    def prune(self, older_than: datetime) -> int:
        """Delete the transcripts of conversations with no message since `older_than`."""
        recent = select(TranscriptEntry.session_key).where(TranscriptEntry.created_at >= older_than)
        with Session(self.engine) as session, session.begin():
            result = session.execute(
                delete(TranscriptEntry).where(
                    TranscriptEntry.created_at < older_than, TranscriptEntry.session_key.not_in(recent)
                )
            )
            return int(getattr(result, "rowcount", 0) or 0)


def glance_columns(action: bool) -> tuple[Any, ...]:
    """The glance's columns (turn id, offered, created at as stored and, for a pressed button, the body of
    a message that may hold it), for a statement that reads the glance beside other rows
    (bot/web/turn_read.py): its rows go to `glance_of`."""
    return tuple(_GLANCE_PRESSED.selected_columns if action else _GLANCE.selected_columns)


GLANCE_ROWS = _TRANSCRIPT.c.session_key == bindparam("key"), _TELLING
GLANCE_ORDER = _TRANSCRIPT.c.id


def glance_of(rows: Sequence[tuple[Any, ...]], turn_id: str | None, action: str | None) -> Glance:
    """The glance of a conversation from its telling rows, in order (`_GLANCE`, or `_GLANCE_PRESSED`
    when a button was pressed)."""
    pressed = None
    if action is not None:
        bodies = [row[3] for row in reversed(rows) if row[3] is not None]
        pressed = _label_in(bodies[:LABEL_CANDIDATES], action)
    offered = frozenset(a for live in _live_offers(rows) if live for a in live.split(" "))
    replayed = turn_id is not None and any(row[0] == turn_id for row in rows)
    return Glance(exists=bool(rows), replayed=replayed, offered=offered, pressed=pressed)


def _label_in(bodies: list[str], action: str) -> str | None:
    """The label of the first button with this action in these stored replies (newest first)."""
    for body in bodies:
        for row in json.loads(body).get("buttons", ()):
            for button in row:
                if button.get("action") == action:
                    return str(button.get("label", ""))
    return None
