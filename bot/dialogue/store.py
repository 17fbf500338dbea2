"""Sessions in a real database (SQLAlchemy 2): an SQLite file under the data dir by default,
PostgreSQL when several replicas share the sessions (the engine and the schema: bot/db.py).

One row per channel-qualified key, the state as JSON, committed on every turn, so a restart or a
kill -9 between turns loses nothing. SQLite runs in WAL mode: a committed turn survives a crash
of the process, and readers do not block the writer. A turn is written by compare-and-set on the
text it was answered on, so two processes never both write over one state: on SQLite the write runs
under the file's write lock (`BEGIN IMMEDIATE`), on PostgreSQL the row's own lock decides (a turn
written in between makes the other's compare fail, and it is answered again on what is stored).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from bot.db import one_statement_reads, open_database, writing
from bot.dialogue.types import SessionState
from bot.tables import SessionRow

log = logging.getLogger(__name__)


_SESSIONS = SessionRow.metadata.tables[SessionRow.__tablename__]


def _upsert(insert: Any) -> Any:
    statement = insert(_SESSIONS)
    update = {"state": statement.excluded.state, "updated_at": statement.excluded.updated_at}
    return statement.on_conflict_do_update(index_elements=["key"], set_=update)


# Built once, on the table (Core, not the ORM): a turn runs them with its values. A statement built
# per turn is compiled per turn, and the ORM's execution and loading paths cost more than the SQL.
_LOAD = select(_SESSIONS.c.state).where(_SESSIONS.c.key == bindparam("key"))
# Inside a turn's transaction, to write on: PostgreSQL locks the row until the commit (a concurrent
# compare-and-set waits, then finds the text changed); SQLite has no FOR UPDATE and needs none (the
# turn holds the file's write lock).
_LOAD_TO_WRITE = _LOAD.with_for_update()
# The session's stored text by "key", for a channel that reads it in the statement that reads its own rows
# before a turn (the web's chat, bot/web/turn_read.py): `parsed_session` makes it what `read` gives.
STORED_TEXT = _LOAD
_DELETE = delete(_SESSIONS).where(_SESSIONS.c.key == bindparam("key"))
# Compare-and-set: written only while the stored text is still the one the turn was answered on.
_IS_STORED = (_SESSIONS.c.key == bindparam("stored_key")) & (_SESSIONS.c.state == bindparam("stored"))
_REPLACE = update(_SESSIONS).where(_IS_STORED).values(state=bindparam("new_state"), updated_at=bindparam("now"))
_DELETE_STORED = delete(_SESSIONS).where(_IS_STORED)
_INSERT_NEW = {
    "postgresql": postgresql.insert(_SESSIONS).on_conflict_do_nothing(index_elements=["key"]),
    "sqlite": sqlite.insert(_SESSIONS).on_conflict_do_nothing(index_elements=["key"]),
}
_INSERT = insert(_SESSIONS)
_UPSERT = {"postgresql": _upsert(postgresql.insert), "sqlite": _upsert(sqlite.insert)}


# The unknown fields of stored sessions already logged by this process (each is logged once).
_UNKNOWN_LOGGED: set[str] = set()


def parsed_session(key: str, stored: str | None) -> tuple[SessionState | None, str | None]:
    """What `SessionStore.read` returns for the stored text of `key` (a channel that read the text itself,
    with `STORED_TEXT`, gets the same).

    A field this release does not know (a session saved by a newer release, read after a rollback) is left
    out, logged once per field, and the rest is read: the person keeps their facts and place. Anything
    else unreadable (a wrong type, an unknown version) starts a fresh conversation. Only stored sessions are
    read this leniently: turns, replies and requests still refuse unknown fields."""
    if stored is None:
        return None, None
    try:
        return SessionState.model_validate_json(stored), stored
    except ValidationError as exc:
        extra = [e["loc"] for e in exc.errors() if e["type"] == "extra_forbidden"]
        if extra and len(extra) == exc.error_count():
            unknown = {".".join(str(part) for part in loc if not isinstance(part, int)) for loc in extra}
            for field in sorted(unknown - _UNKNOWN_LOGGED):
                log.warning("stored sessions carry a field this release does not know, left out: %s", field)
            _UNKNOWN_LOGGED.update(unknown)
            return SessionState.model_validate_json(stored, extra="ignore"), stored
        log.warning("discarding unreadable session state for %s", key.split(":", 1)[0])
        return None, stored


class SessionRows:
    """Load, save and delete on one connection (in one transaction when it began one)."""

    def __init__(self, connection: Connection, batch: ExitStack | None = None) -> None:
        """`batch`: where a PostgreSQL turn's pipeline is held until its commit (`send_with_the_commit`)."""
        self.connection = connection
        self._batch = batch

    def send_with_the_commit(self) -> None:
        """What the turn writes from here on goes to PostgreSQL with its COMMIT, in one round trip (a
        psycopg pipeline): the writes after the compare-and-set need no answer of their own — an error
        among them fails the commit, and the turn with it (issue 14: a round trip a statement was most
        of a PostgreSQL turn's database time). Nothing on SQLite, which has no round trips."""
        if self._batch is None or self.connection.dialect.name != "postgresql":
            return
        driver = self.connection.connection.driver_connection
        if driver is not None and not driver.pgconn.pipeline_status:  # not in one already
            self._batch.enter_context(driver.pipeline())

    def load(self, key: str) -> SessionState | None:
        return self.read(key)[0]

    def read(self, key: str) -> tuple[SessionState | None, str | None]:
        """The session and its stored text (None, None: there is none)."""
        return parsed_session(key, self.connection.execute(_LOAD, {"key": key}).scalar())

    def read_to_write(self, key: str) -> tuple[SessionState | None, str | None]:
        """`read`, and no other turn writes the session until this transaction ends (PostgreSQL: the
        row's lock; SQLite: the turn holds the file's write lock already)."""
        return parsed_session(key, self.connection.execute(_LOAD_TO_WRITE, {"key": key}).scalar())

    def replace(self, key: str, stored: str | None, state: SessionState | None) -> bool:
        """Write `state` (None: delete) only if the stored text is still `stored` (None: no session),
        in one statement whose row count says whether it was; no read, no parse."""
        if stored is None and state is None:
            return self.read(key)[1] is None  # nothing to write: unchanged if there is still none
        if state is None:
            return bool(self.connection.execute(_DELETE_STORED, {"stored_key": key, "stored": stored}).rowcount)
        values = {"key": key, "state": state.model_dump_json(), "updated_at": datetime.now(UTC)}
        if stored is None:
            insert_new = _INSERT_NEW.get(self.connection.dialect.name)
            if insert_new is None:
                if self.read(key)[1] is not None:
                    return False
                self.connection.execute(_INSERT, values)
                return True
            return bool(self.connection.execute(insert_new, values).rowcount)
        changed = {"stored_key": key, "stored": stored, "new_state": values["state"], "now": values["updated_at"]}
        return bool(self.connection.execute(_REPLACE, changed).rowcount)

    def save(self, key: str, state: SessionState) -> None:
        values = {"key": key, "state": state.model_dump_json(), "updated_at": datetime.now(UTC)}
        upsert = _UPSERT.get(self.connection.dialect.name)
        if upsert is not None:
            self.connection.execute(upsert, values)
        else:
            self.connection.execute(_DELETE, {"key": key})
            self.connection.execute(_INSERT, values)

    def delete(self, key: str) -> None:
        self.connection.execute(_DELETE, {"key": key})


class SqlSessionStore:
    """`SessionStore` over any SQLAlchemy URL (sqlite:///…, postgresql+psycopg://…)."""

    def __init__(self, url: str, session_key_secret: bytes | None = None) -> None:
        """`session_key_secret`: see bot.db.upgrade."""
        self.engine = open_database(url, session_key_secret)
        self.reads = one_statement_reads(self.engine)

    def load(self, key: str) -> SessionState | None:
        return self.read(key)[0]

    def read(self, key: str) -> tuple[SessionState | None, str | None]:
        """One statement (on PostgreSQL in autocommit: no BEGIN and ROLLBACK around it)."""
        with self.reads.connect() as connection:
            return SessionRows(connection).read(key)

    def save(self, key: str, state: SessionState) -> None:
        with self.engine.begin() as connection:
            SessionRows(connection).save(key, state)

    def delete(self, key: str) -> None:
        with self.engine.begin() as connection:
            SessionRows(connection).delete(key)

    @contextmanager
    def turn(self, key: str) -> Iterator[SessionRows]:
        """The writes of one turn of `key` in one transaction, committed when the block ends. The
        session is written by compare-and-set (`SessionRows.replace`) on the text the turn was answered
        on, so a turn of the same conversation written meanwhile by another replica or worker is never
        overwritten: the compare fails and the turn is answered again on what is stored
        (`Conversations.handle_turn`). On PostgreSQL that takes no lock of its own: one BEGIN, the
        writes, COMMIT (the advisory lock per conversation that a turn took until session 29 held the
        transaction open while the core answered, and cost a round trip)."""
        if self.engine.dialect.name != "sqlite":
            # The batch (a pipeline, if the turn opens one) ends after the commit, the connection after it.
            with self.engine.connect() as connection, ExitStack() as batch, connection.begin():
                yield SessionRows(connection, batch)
            return
        # SQLite has one writer per file: taking the write lock before the writes makes turns of every
        # process on this file (workers, replicas) write one after the other. Turns queue on the file's
        # writers lock first (bot/db.py `writing`), so none waits in SQLite's polling busy handler.
        with writing(self.engine), self.engine.begin() as connection:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            yield SessionRows(connection)

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
