"""Alembic's environment: the migrations run on the connection that `bot.db.upgrade` (or the
revision helper, `python -m bot.migrations`) puts in `config.attributes["connection"]`, inside its
transaction, against the metadata of every table (bot/tables.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

import bot.tables  # noqa: F401 - every table on Base.metadata
from bot.db import Base


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite alters a table by copying it; Alembic's batch mode writes migrations that way.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("migrations run on a connection: bot.db.upgrade(engine), or python -m bot.migrations")
run_migrations(connection)
