"""What a web chat turn reads before it, in one statement (issue 14, the load target on PostgreSQL).

A chat turn needs three things before the core answers: the transcript's glance (a resent turn, the
live buttons, a pressed button's label), the stored session, and — for a typed message — the answer
logged last in the conversation, which the message may say missed (bot/web/next_turn.py). Read one by
one they were three statements, three pool checkouts and on PostgreSQL three round trips, each after a
pause in which the server's backend slept. Here they are one `UNION ALL`, rows tagged by their part,
read in autocommit on PostgreSQL: one round trip, no transaction. Each part is its owner's own query
(`transcript.glance_columns`, `store.STORED_TEXT`, `answer_log.LAST_ANSWER`), so what each returns is
what its own read returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Text, cast, literal_column, null, select, union_all
from sqlalchemy.engine import Engine

from bot.db import one_statement_reads
from bot.dialogue.store import STORED_TEXT, parsed_session
from bot.dialogue.types import SessionState
from bot.web.answer_log import LAST_ANSWER, LastAnswer
from bot.web.transcript import GLANCE_ORDER, GLANCE_ROWS, Glance, glance_columns, glance_of

GLANCE, SESSION, ANSWER = 0, 1, 2  # the parts, in the order the rows come


@dataclass(frozen=True)
class BeforeTurn:
    """The conversation as a turn finds it: the glance, the session with its stored text (what
    `SessionStore.read` gives), and the answer logged last (None: none)."""

    glance: Glance
    session: tuple[SessionState | None, str | None]
    last_answer: LastAnswer | None


def _statement(pressed: bool) -> Any:
    """One text per shape (with or without a pressed button's bodies), built once: prepared once per
    connection on PostgreSQL."""
    turn_id, offered, created_at, *body = glance_columns(pressed)
    glance = select(
        literal_column(str(GLANCE), Integer).label("part"),
        GLANCE_ORDER.label("row_id"),
        cast(turn_id, Text).label("a"),
        cast(offered, Text).label("b"),
        cast(created_at, Text).label("c"),
        (cast(body[0], Text) if body else cast(null(), Text)).label("d"),
    ).where(*GLANCE_ROWS)
    stored = STORED_TEXT.subquery("stored")
    session = select(
        literal_column(str(SESSION), Integer),
        cast(null(), Integer),
        cast(stored.c.state, Text),
        cast(null(), Text),
        cast(null(), Text),
        cast(null(), Text),
    )
    last = LAST_ANSWER.subquery("last")
    answer = select(
        literal_column(str(ANSWER), Integer),
        last.c.id,
        cast(last.c.asked, Text),
        cast(last.c.next_turn, Text),
        cast(null(), Text),
        cast(null(), Text),
    )
    return union_all(glance, session, answer).order_by(literal_column("part"), literal_column("row_id"))


_BEFORE_TURN = _statement(pressed=False)
_BEFORE_TURN_PRESSED = _statement(pressed=True)


class TurnReads:
    """The one read before a web chat turn, on the web's database (the sessions' too: one URL)."""

    def __init__(self, engine: Engine) -> None:
        self.reads = one_statement_reads(engine)

    def before_turn(self, key: str, turn_id: str | None, action: str | None = None) -> BeforeTurn:
        values = {"key": key, "turn_id": turn_id}
        statement = _BEFORE_TURN
        if action is not None:
            values["action"] = action
            statement = _BEFORE_TURN_PRESSED
        with self.reads.connect() as connection:
            rows = [tuple(row) for row in connection.execute(statement, values)]
        glance = [(a, b, c, d) if action is not None else (a, b, c) for part, _, a, b, c, d in rows if part == GLANCE]
        text = next((a for part, _, a, *_ in rows if part == SESSION), None)
        answer = next((LastAnswer(row_id, a, b) for part, row_id, a, b, *_ in rows if part == ANSWER), None)
        return BeforeTurn(glance_of(glance, turn_id, action), parsed_session(key, text), answer)
