"""A pooled PostgreSQL connection that the server closed is replaced when it is next checked out,
without a ping round trip per checkout (issue 14); a healthy one is kept."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import NullPool, create_engine, text

from bot.db import make_engine

from ..databases import Databases

BACKEND = text("SELECT pg_backend_pid()")


def test_a_pooled_connection_the_server_terminated_is_replaced_and_a_healthy_one_kept(databases: Databases) -> None:
    url = databases.new_url()
    if not url.startswith("postgresql"):
        pytest.skip("PostgreSQL only: an SQLite file has no server that could close a pooled connection")
    engine = make_engine(url)
    admin = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            first = connection.execute(BACKEND).scalar()
        with engine.connect() as connection:
            assert connection.execute(BACKEND).scalar() == first, "a healthy pooled connection is used again"
        with admin.connect() as connection:
            assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first}).scalar()
            gone = text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")
            deadline = time.monotonic() + 10
            while connection.execute(gone, {"pid": first}).scalar() and time.monotonic() < deadline:
                time.sleep(0.05)
        with engine.connect() as connection:  # without a check on checkout: "terminating connection"
            replaced = connection.execute(BACKEND).scalar()
        assert replaced != first
    finally:
        engine.dispose()
        admin.dispose()
