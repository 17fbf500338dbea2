"""The one database room: the declarative base of every table (the tables are in bot/tables.py), the
engine, and the schema brought to the newest Alembic revision (bot/migrations/) at every start.

One URL holds everything: an SQLite file under the data dir by default, PostgreSQL when several
replicas share it. Processes starting together run `upgrade` one at a time — on PostgreSQL under
an advisory lock, on SQLite inside a write transaction (`BEGIN IMMEDIATE`) — so the first brings
the schema to head and the others find nothing left to do. A schema change is a new revision:
`python -m bot.migrations "what changes"` writes it from the difference between the models and head.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import logging
import os
import select
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, InternalError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import DeclarativeBase

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
SCHEMA_LOCK = 0x706F6C6963  # one advisory lock id for changing the schema
INITIAL_REVISION = "0001"
# What the release before migrations made with `create_all` (no alembic_version table): exactly the
# tables of the initial revision. A database with all of them is stamped at that revision.
PREVIOUS_RELEASE_TABLES = frozenset(
    {
        "dialogue_sessions",
        "staff_accounts",
        "staff_sessions",
        "answer_log",
        "answer_citations",
        "citation_marks",
        "audit_events",
        "widget_sites",
    }
)
# What SQLAlchemy raises while the database cannot be reached or cannot store a turn (down, restarting,
# pool exhausted; PostgreSQL made read-only or a standby: InternalError, SQLSTATE class 25 — SQLite's
# read-only file is an OperationalError already).
DATABASE_DOWN = (OperationalError, InterfaceError, InternalError, PoolTimeout)


class Base(DeclarativeBase):
    """The declarative base of every table; its metadata is what the migrations must produce."""


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    for attempt in range(50):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as exc:
            # Turning a new file to WAL does not wait for the lock (SQLite calls no busy handler
            # there): of processes opening one new file at the same moment, the others try again.
            if "locked" not in str(exc) or attempt == 49:
                raise
            time.sleep(0.02)
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Deleted rows are overwritten with zeros, so a person's deleted words do not stay readable in
    # the file's free space (issue 14: /forget's text survived in the file).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


# The SQLite engines of this process by file: SQLite shares one read-only shared-memory mapping among
# all of a process's connections to a file, so recovering from read-only takes closing all of them.
_sqlite_engines: dict[str, weakref.WeakSet[Engine]] = {}


def _read_only_drops_the_pools(context: Any) -> None:
    """A connection that found its SQLite file read-only stays read-only once the file can be written
    again (SQLite opened it, or its shared memory, read-only). Treated as a lost connection, and every
    other engine's idle connections to the file closed, the next connection opens the file afresh:
    turns are stored again once the fault clears, without a restart (issue 14, M3)."""
    code = getattr(context.original_exception, "sqlite_errorcode", 0)
    if code & 0xFF != sqlite3.SQLITE_READONLY:  # extended codes keep the primary one in the low byte
        return
    context.is_disconnect = True
    database = context.engine.url.database if context.engine is not None else None
    _found_read_only.add(str(database))
    for engine in list(_sqlite_engines.get(str(database), ())):
        if engine is not context.engine:
            engine.pool.dispose()


# Files a connection of this process found read-only since the last collection (below).
_found_read_only: set[str] = set()


def _closes_read_only_leftovers(database: str) -> Any:
    """Before a new connection to a file found read-only: a connection closed while a failed
    statement is still referenced (from the failed turn's traceback, a reference cycle) stays open in
    SQLite until that statement is finalized, and while any connection of this process holds the file
    SQLite opens the next one read-only too — a server started on an immutable file never stored a
    turn again after the fault cleared. Collecting the cycles closes them first (issue 14, M3)."""

    def before_connect(*_args: Any) -> None:
        if database in _found_read_only:
            _found_read_only.discard(database)
            gc.collect()

    return before_connect


def _closed_by_the_server(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """A pooled PostgreSQL connection the server has closed (restarted, stopped, the connection
    terminated) is replaced on checkout, as `pool_pre_ping` would, without its round trip: the
    server's goodbye (an error message, then the end of the stream) makes the idle socket readable,
    and an idle connection in good health has nothing to read. A socket found readable for any other
    reason only costs a new connection."""
    try:
        poller = select.poll()
        poller.register(dbapi_connection.fileno(), select.POLLIN)
        closed = bool(poller.poll(0))
    except Exception as exc:  # the driver knows it is closed already
        raise DisconnectionError("pooled connection unusable") from exc
    if closed:
        raise DisconnectionError("the database server closed the pooled connection")


def make_engine(url: str) -> Engine:
    """An engine that survives a database restart (a dead pooled connection is replaced on checkout)
    and never writes statement parameters — a person's facts — into error messages or SQL logging.
    SQLite runs in WAL mode: a committed turn survives a crash, and readers do not block the writer.
    An SQLite file has no server that could drop a pooled connection, so it is not checked."""
    options: dict[str, Any] = {"hide_parameters": True}
    if url.startswith("postgresql"):
        # A database that does not answer fails the turn in seconds instead of hanging it.
        options |= {"pool_size": 10, "max_overflow": 20, "pool_timeout": 10, "connect_args": {"connect_timeout": 5}}
    elif not url.startswith("sqlite"):
        options["pool_pre_ping"] = True
    engine = create_engine(url, **options)
    if engine.dialect.name == "postgresql":
        # Instead of `pool_pre_ping`, which cost a round trip (and a BEGIN) on every checkout, two
        # per turn (issue 14).
        event.listen(engine, "checkout", _closed_by_the_server)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "handle_error", _read_only_drops_the_pools)
        event.listen(engine, "do_connect", _closes_read_only_leftovers(str(engine.url.database)))
        _sqlite_engines.setdefault(str(engine.url.database), weakref.WeakSet()).add(engine)
    return engine


def one_statement_reads(engine: Engine) -> Engine:
    """`engine` for reads of one statement: on PostgreSQL in autocommit, so such a read costs no
    BEGIN and no ROLLBACK round trip (issue 14); SQLite's driver opens no transaction for a read."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    return engine


class _FileWrites:
    """The writers of one SQLite file, one at a time across threads and processes.

    SQLite lets one connection write at a time, and one that finds the file locked polls: its busy
    handler sleeps 1, 2, 5 … up to 100 ms between tries, so under load a write waits long after
    the lock is free (issue 12: chat turns of two workers, p50 22 ms, p95 351 ms). Writers take this
    lock first — a thread lock, then an advisory lock on a file beside the database, which the
    kernel hands to the next waiting process the moment it is released — so SQLite's own lock is
    then free and nobody polls."""

    def __init__(self, database: Path) -> None:
        self.database = database
        # Re-entrant: a writer that opens another write in the same thread goes on, it never waits
        # for itself; only the outermost one takes and lets go of the file lock.
        self.threads = threading.RLock()
        self.depth = 0
        self.path = database.with_name(database.name + ".writes.lock")
        self.handle: int | None = None
        self.pid = 0

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        with self.threads:
            self.depth += 1
            # None: a read-only directory, where SQLite refuses the write itself.
            handle = self._handle() if self.depth == 1 else None
            if handle is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if handle is not None:
                    fcntl.flock(handle, fcntl.LOCK_UN)
                self.depth -= 1

    def _handle(self) -> int | None:
        # A forked child opens its own: a descriptor shared with the parent shares its lock too.
        if self.handle is None or self.pid != os.getpid():
            try:
                self.handle = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError:
                return None
            self.pid = os.getpid()
        return self.handle


_file_writes: dict[str, _FileWrites] = {}
_file_writes_guard = threading.Lock()


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[None]:
    """Hold the database's writers for one write transaction (open it inside this block). On an
    SQLite file every engine of this process on it, and every other process, waits its turn here
    (see `_FileWrites`); PostgreSQL and in-memory SQLite need nothing."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    writes = _file_writes.get(database)
    if writes is None:
        path = Path(database).resolve()
        with _file_writes_guard:
            # Engines naming one file differently (relative, absolute) share its lock.
            known = next((w for w in _file_writes.values() if w.database == path), None)
            writes = _file_writes.setdefault(database, known or _FileWrites(path))
    with writes.held():
        yield


def alembic_config(connection: Connection | None, migrations: Path = MIGRATIONS) -> Config:
    """Alembic's configuration without an alembic.ini: the migrations shipped in this package, run
    on `connection` (bot/migrations/env.py reads it from the attributes)."""
    config = Config()
    config.set_main_option("script_location", str(migrations))
    config.attributes["connection"] = connection
    return config


def _lock_schema(connection: Connection) -> None:
    """Hold the schema for this transaction: another process's `upgrade` waits until it commits."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": SCHEMA_LOCK})
    elif connection.dialect.name == "sqlite":
        # The driver opens no transaction before DDL; this one takes the write lock at once and holds
        # it to the commit (a second process waits busy_timeout, then `upgrade` tries again).
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _adopt_previous_release(connection: Connection, config: Config) -> None:
    """Stamp a database of the release before migrations at the initial revision: its tables are
    that revision's and hold data, so they are kept, not created again."""
    present = set(inspect(connection).get_table_names())
    if "alembic_version" in present or not present & PREVIOUS_RELEASE_TABLES:
        return
    missing = PREVIOUS_RELEASE_TABLES - present
    if missing:
        # A process of that release creates only its own tables (the Telegram worker: the sessions);
        # the initial revision then creates only the missing ones.
        log.info("database of the previous release without %s: creating them", ", ".join(sorted(missing)))
        return
    log.info("database of the previous release: stamping it at revision %s", INITIAL_REVISION)
    command.stamp(config, INITIAL_REVISION)


def upgrade(engine: Engine, migrations: Path = MIGRATIONS, session_key_secret: bytes | None = None) -> None:
    """Bring the schema to the newest revision, one process at a time; a no-op when it is there.
    `session_key_secret`: for revision 0005, which rewrites stored session keys as keyed hashes.

    A database left by the release before migrations is stamped first. Errors of the database
    (SQLite still locked by another process after its busy timeout) are tried again a few times.
    A database already at head that cannot be written now (a read-only volume, a full disk) is not
    an error: the process starts and reports not ready until it can be written (issue 14, M3)."""
    for attempt in range(5):
        try:
            with engine.begin() as connection:
                _lock_schema(connection)
                config = alembic_config(connection, migrations)
                config.attributes["session_key_secret"] = session_key_secret
                _adopt_previous_release(connection, config)
                command.upgrade(config, "head")
            return
        except DBAPIError as exc:
            if _is_at_head(engine, migrations):
                # Nothing to change; if it cannot be written now (read-only, full), /readyz says so.
                log.warning("schema already at the newest revision; the upgrade's write failed: %s", exc.orig)
                return
            if attempt == 4:
                raise
            log.warning("schema upgrade failed (%s), trying again", type(exc.orig).__name__)
            time.sleep(0.2 * (attempt + 1))


def _is_at_head(engine: Engine, migrations: Path) -> bool:
    try:
        with engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
    except DBAPIError:
        return False
    return bool(current) and current == set(ScriptDirectory.from_config(alembic_config(None, migrations)).get_heads())


def open_database(url: str, session_key_secret: bytes | None = None) -> Engine:
    """An engine for `url` whose schema is at the newest revision (`session_key_secret`: `upgrade`)."""
    engine = make_engine(url)
    try:
        upgrade(engine, session_key_secret=session_key_secret)
    except BaseException:
        engine.dispose()
        raise
    return engine


def storable(value: str) -> str:
    """PostgreSQL text cannot hold NUL characters (psycopg refuses the statement); nothing a person
    meant is lost without them. Applied to free text from requests before it is stored."""
    return value.replace("\x00", "")


def checkpoint(engine: Engine) -> None:
    """After deleting people's data: SQLite copies its write-ahead log into the file and empties it,
    so the deleted text is not kept in the log's older page images. Best effort (a reader holding an
    old snapshot makes it partial; the next checkpoint finishes it); nothing to do on PostgreSQL."""
    if engine.dialect.name != "sqlite":
        return
    try:
        # It waits for the writers to finish: in line with them, not polling (`writing`).
        with writing(engine), engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except DBAPIError as exc:
        log.warning("WAL checkpoint failed (%s)", type(exc.orig).__name__)


def is_reachable(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False


# Below this much free space on the SQLite file's filesystem a turn may not be stored: SQLite needs
# room for the write-ahead log's new pages and for a checkpoint, beyond the few KB of one turn.
MIN_FREE_BYTES = 1024 * 1024


def has_room(engine: Engine) -> bool:
    """Whether the SQLite file's filesystem has room for turns (a full disk fails only the commit,
    which a probe that rolls back never reaches); PostgreSQL reports a full disk on its own writes."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        return True
    try:
        stats = os.statvfs(Path(database).resolve().parent)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize >= MIN_FREE_BYTES


def is_writable(engine: Engine) -> bool:
    """Whether a turn could be stored now, not only read (issue 14, M3): on SQLite a committed write
    and room on the disk (`has_room`), on PostgreSQL whether transactions are read-only (a standby,
    default_transaction_read_only)."""
    try:
        if engine.dialect.name == "sqlite":
            # Committed, in line with the other writers: SQLite writes the write-ahead log only at
            # commit, so a probe that rolled back passed while a log the process cannot write (made
            # read-only or immutable beside a read-only file) refused every turn. What it writes is
            # the file header's user_version, set to the value it has (SQLite still writes the page).
            with writing(engine), engine.connect() as connection:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                version = connection.exec_driver_sql("PRAGMA user_version").scalar()
                connection.exec_driver_sql(f"PRAGMA user_version = {int(version or 0)}")
                connection.commit()
            return has_room(engine)
        with engine.connect() as connection:
            read_only = connection.execute(text("SHOW transaction_read_only")).scalar()
            connection.rollback()
            return str(read_only).lower() != "on"
    except Exception:
        return False
