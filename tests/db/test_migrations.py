"""The schema comes from the migrations alone, on a real SQLite file and a real PostgreSQL database
(`databases` runs each test on both): a new database gets exactly the tables the models declare, a
database of the release before migrations keeps every row, and a second start changes nothing."""

from __future__ import annotations

import hashlib
import logging
import re

import pytest
from alembic import command
from alembic.util import CommandError
from sqlalchemy import MetaData, Table, select, text
from sqlalchemy.orm import Session

from bot.db import INITIAL_REVISION, PREVIOUS_RELEASE_TABLES, alembic_config, make_engine, open_database, upgrade
from bot.dialogue.keys import stored_key
from bot.tables import AnswerEntry, AnswerFeedback, SessionRow, StaffAccount, TranscriptEntry

from ..databases import Databases
from .schemas import (
    ROWS,
    SECRET,
    connected,
    contents,
    create_previous_release,
    described,
    differences,
    head,
    kept,
    recorded_statements,
    unordered,
    version,
    with_stored_keys,
)

LATER_TABLES = {
    "answer_feedback",
    "chat_transcripts",  # revision 0002
    "policy_documents",
    "document_files",
    "documents_version",  # revision 0003
    "document_rules",  # revision 0004
    "lexical_documents",
    "lexical_postings",  # revision 0006
}
WRITES = re.compile(r"^(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def test_the_migrations_make_exactly_the_tables_the_models_declare(databases: Databases) -> None:
    """The guard: a model changed without a migration fails here. Write the migration with
    `python -m bot.migrations "what changes"` (docs/deploy-scaleout.md)."""
    url = databases.new_url()
    open_database(url).dispose()
    assert differences(url) == [], "the models differ from the migrations' head: add a revision"
    assert version(url) == [head()]


def test_the_initial_revision_makes_the_tables_the_previous_release_made(databases: Databases) -> None:
    migrated, previous = databases.new_url(), databases.new_url()
    with connected(migrated) as connection:
        command.upgrade(alembic_config(connection), INITIAL_REVISION)
    create_previous_release(previous, tables=PREVIOUS_RELEASE_TABLES)
    assert set(described(migrated)) == PREVIOUS_RELEASE_TABLES
    assert described(migrated) == described(previous)


def test_a_database_of_the_previous_release_is_stamped_and_keeps_every_row(
    databases: Databases, caplog: pytest.LogCaptureFixture
) -> None:
    url = databases.new_url()
    create_previous_release(url)
    before = contents(url)
    assert {name: len(rows) for name, rows in before.items()} == {name: len(rows) for name, rows in ROWS.items()}

    engine = make_engine(url)
    with caplog.at_level(logging.INFO, logger="bot.db"), recorded_statements(engine) as statements:
        upgrade(engine, session_key_secret=SECRET)
    assert f"stamping it at revision {INITIAL_REVISION}" in caplog.text
    created = [s for s in statements if s.upper().startswith("CREATE TABLE")]
    made = {re.sub(r"\W", "", s.split()[2]) for s in created}
    assert "alembic_version" in made and not made & PREVIOUS_RELEASE_TABLES, "stamped, no table made again"

    assert unordered(kept(url, before)) == with_stored_keys(before)
    assert version(url) == [head()]
    assert differences(url) == []
    with Session(engine) as session, session.begin():
        assert set(session.scalars(select(StaffAccount.name))) == {"李敏", "wang.qiang"}
        assert session.get(SessionRow, stored_key(SECRET, "telegram:4711")) is not None
        assert session.get(SessionRow, "telegram:4711") is None, "no key is stored as it was"
        new = AnswerEntry(channel="api", question="新问题", answer="新回答")
        session.add(new)
        session.flush()
        assert new.id == len(ROWS["answer_log"]) + 1, "ids go on after the previous release's rows"
    engine.dispose()


def test_a_previous_release_database_with_only_the_sessions_keeps_them_and_gains_the_rest(
    databases: Databases, caplog: pytest.LogCaptureFixture
) -> None:
    """What the Telegram worker of that release left: only `dialogue_sessions`."""
    url = databases.new_url()
    create_previous_release(url, tables={"dialogue_sessions"})
    sessions = contents(url)["dialogue_sessions"]
    assert len(sessions) == len(ROWS["dialogue_sessions"])
    with caplog.at_level(logging.INFO, logger="bot.db"):
        open_database(url, SECRET).dispose()
    assert "database of the previous release without answer_citations, answer_log," in caplog.text
    after = contents(url)
    assert unordered({"dialogue_sessions": after["dialogue_sessions"]}) == with_stored_keys(
        {"dialogue_sessions": sessions}
    )
    assert set(after) == PREVIOUS_RELEASE_TABLES | LATER_TABLES
    assert version(url) == [head()]
    assert differences(url) == []


def test_upgrading_a_database_at_head_again_writes_nothing(databases: Databases) -> None:
    url = databases.new_url()
    create_previous_release(url)
    open_database(url, SECRET).dispose()
    before, schema = contents(url), described(url)
    engine = make_engine(url)
    with recorded_statements(engine) as statements:
        upgrade(engine)
        upgrade(engine)
    engine.dispose()
    assert statements, "the upgrade looked at the database"
    assert [s for s in statements if WRITES.match(s)] == []
    assert contents(url) == before
    assert described(url) == schema
    assert version(url) == [head()]


def test_an_older_release_refuses_a_database_that_a_newer_one_migrated(databases: Databases) -> None:
    """The runbook's rollback: an image that does not know the database's revision does not start."""
    url = databases.new_url()
    open_database(url).dispose()
    with connected(url) as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    with pytest.raises(CommandError, match="Can't locate revision identified by 'f00d'"):
        open_database(url)


def test_revision_0002_keeps_every_row_and_adds_transcripts_feedback_and_answer_references(
    databases: Databases,
) -> None:
    """A database at the initial revision with rows in it: the upgrade keeps every row, adds the
    transcript and feedback tables, and answers get a reference column (empty for old ones)."""
    url = databases.new_url()
    with connected(url) as connection:
        command.upgrade(alembic_config(connection), INITIAL_REVISION)
        metadata = MetaData()
        for name, rows in ROWS.items():
            connection.execute(Table(name, metadata, autoload_with=connection).insert(), rows)
    before = contents(url)
    open_database(url, SECRET).dispose()
    assert unordered(kept(url, before)) == with_stored_keys(before)
    after = contents(url)
    assert set(after) == PREVIOUS_RELEASE_TABLES | LATER_TABLES
    assert {row["ref"] for row in after["answer_log"]} == {None}
    assert version(url) == [head()] and differences(url) == []
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        entry = session.scalars(select(AnswerEntry)).first()
        assert entry is not None
        session.add(AnswerFeedback(answer_id=entry.id, rating="down", note="数字不对"))
        session.add(TranscriptEntry(session_key="web:abc", role="user", body='{"text": "你好"}'))
    with Session(engine) as session:
        assert session.scalar(select(AnswerFeedback.note)) == "数字不对"
        assert session.scalar(select(TranscriptEntry.offered)) == ""
    engine.dispose()


def test_revision_0005_stores_every_session_key_as_its_keyed_hash(databases: Databases) -> None:
    """A database at revision 0004 with a Telegram session, a web conversation's transcript and logged
    answers: 0005 rewrites each key (the table's own column) and nothing else; an /api/ask answer
    keeps its empty key. Chat ids are small integers: the stored form must not be a plain hash."""
    url = databases.new_url()
    with connected(url) as connection:
        command.upgrade(alembic_config(connection), "0004")
        metadata = MetaData()
        for name, rows in ROWS.items():
            connection.execute(Table(name, metadata, autoload_with=connection).insert(), rows)
        transcripts = Table("chat_transcripts", metadata, autoload_with=connection)
        said = {"session_key": "web:7f3a9c", "role": "user", "body": "{}", "offered": ""}
        connection.execute(transcripts.insert(), [{**said, "created_at": ROWS["answer_log"][0]["created_at"]}])
    before = contents(url)
    open_database(url, SECRET).dispose()
    after = contents(url)
    assert set(after) - set(before) == {"lexical_documents", "lexical_postings"}  # revision 0006, empty
    assert unordered(kept(url, before)) == with_stored_keys(before)  # (0007 adds a column with a default)
    stored = {row["key"] for row in after["dialogue_sessions"]} | {
        row["session_key"] for row in after["chat_transcripts"]
    }
    assert stored == {stored_key(SECRET, "web:7f3a9c"), stored_key(SECRET, "telegram:4711")}
    assert all(re.fullmatch(r"(web|telegram):[0-9a-f]{64}", key) for key in stored)
    assert hashlib.sha256(b"telegram:4711").hexdigest() not in str(after), "keyed, not a plain hash"
    assert [row["session_key"] for row in after["answer_log"]].count(None) == 1


def test_revision_0005_without_the_secret_refuses_and_changes_nothing(databases: Databases) -> None:
    url = databases.new_url()
    create_previous_release(url)
    before = contents(url)
    with pytest.raises(RuntimeError, match="needs the session key secret"):
        open_database(url)
    assert contents(url) == before, "the whole upgrade is one transaction: nothing half done"


def test_revision_0007_keeps_every_mark_a_mark_on_its_quote(
    databases: Databases,
) -> None:
    """A database at 0006 with staff marks: every row is kept as it was and stays a mark on the quote — a
    有问题 made on an answer's page may have been about the quote itself (the old form could not say), and
    turning it into one answer's verdict would bring an older 核实无误 of the quote back into force."""
    url = databases.new_url()
    marks = [
        {"quote_key": "k1", "clause_id": "pds-2019-05", "quote": "甲", "status": "verified", "note": "",
         "staff_name": "wang", "citation_id": 3, "created_at": ROWS["answer_log"][0]["created_at"]},
        {"quote_key": "k1", "clause_id": "pds-2019-05", "quote": "甲", "status": "flagged", "note": "答非所问",
         "staff_name": "li", "citation_id": 4, "created_at": ROWS["answer_log"][0]["created_at"]},
        {"quote_key": "k2", "clause_id": "pds-2019-06", "quote": "乙", "status": "flagged", "note": "引文截断",
         "staff_name": "li", "citation_id": None, "created_at": ROWS["answer_log"][0]["created_at"]},
    ]  # fmt: skip
    with connected(url) as connection:
        command.upgrade(alembic_config(connection), "0006")
        connection.execute(Table("citation_marks", MetaData(), autoload_with=connection).insert(), marks)
    before = contents(url)
    open_database(url, SECRET).dispose()
    assert kept(url, before)["citation_marks"] == before["citation_marks"]
    after = contents(url)["citation_marks"]
    assert [(row["note"], row["scope"]) for row in after] == [
        ("", "quote"),
        ("答非所问", "quote"),
        ("引文截断", "quote"),
    ]
    assert version(url) == [head()] and differences(url) == []
