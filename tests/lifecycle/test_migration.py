"""Revision 0003 on a real SQLite file and PostgreSQL: a database at 0002 gains the document tables
with its rows kept, the seeds load into it, and 0003 goes down again cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from bot.db import alembic_config, make_engine, upgrade
from bot.library import DocumentLibrary
from bot.tables import StaffAccount

from ..databases import Databases
from ..db.schemas import connected

DOCUMENT_TABLES = {"policy_documents", "document_files", "documents_version"}


def test_a_database_at_0002_gains_the_document_tables_and_keeps_its_rows(databases: Databases) -> None:
    url = databases.new_url()
    with connected(url) as connection:
        command.upgrade(alembic_config(connection), "0002")
    engine = make_engine(url)
    try:
        assert not DOCUMENT_TABLES & set(inspect(engine).get_table_names())
        with Session(engine) as session, session.begin():
            session.add(StaffAccount(name="李敏", password_hash="x"))
        upgrade(engine)
        assert set(inspect(engine).get_table_names()) >= DOCUMENT_TABLES
        with Session(engine) as session:
            assert session.query(StaffAccount).one().name == "李敏"
        assert DocumentLibrary(engine).ensure_seeds() == 5
    finally:
        engine.dispose()
    with connected(url) as connection:
        command.downgrade(alembic_config(connection), "0002")
    engine = make_engine(url)
    try:
        assert not DOCUMENT_TABLES & set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
