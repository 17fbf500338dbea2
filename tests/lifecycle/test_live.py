"""Published means live: two real `policybot serve` processes on one SQLite file (each with its own
index directory, as replicas on two hosts), and staff publishing and retiring with the CLI. Both
servers answer from the new document, and stop citing the retired one, within seconds, without a
restart. PostgreSQL: the same with the throwaway cluster the suite starts, and once more with the
lexical index kept in it (`POLICYBOT_LEXICAL_INDEX=database`) instead of each server's directory."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy

from tests.databases import Databases
from tests.postgres import PostgresServer
from tests.scaleout.replicas import Replica, replica_env

DATA = Path(__file__).with_name("data")
QUESTION = {"question": "长春市就业见习补贴每月多少钱", "as_of": "2026-06-01"}
WITHIN_SECONDS = 60  # the check interval (1 s here) plus a rebuild of the knowledge base on a loaded machine


@pytest.fixture
def servers(databases: Databases, tmp_path: Path) -> Iterator[tuple[list[Replica], dict[str, str]]]:
    yield from two_servers(databases.new_url(), tmp_path)


@pytest.fixture
def servers_on_the_database_index(
    postgres: PostgresServer, tmp_path: Path
) -> Iterator[tuple[list[Replica], dict[str, str]]]:
    yield from two_servers(postgres.create_database("live_lexical"), tmp_path, POLICYBOT_LEXICAL_INDEX="database")


def two_servers(url: str, tmp_path: Path, **extra: str) -> Iterator[tuple[list[Replica], dict[str, str]]]:
    replicas = []
    for number in (1, 2):
        env = replica_env(tmp_path / f"data-{number}", url, POLICYBOT_DOCUMENTS_REFRESH_SECONDS="1", **extra)
        env.pop("POLICYBOT_CHROMA_URL", None)
        env.pop("POLICYBOT_EMBEDDING_MODEL", None)
        replicas.append(Replica(f"server-{number}", env, tmp_path))
    try:
        for replica in replicas:
            replica.launch()
        for replica in replicas:
            replica.wait_ready(180)
        yield replicas, replicas[0].env
    finally:
        for replica in replicas:
            replica.stop()


def documents(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "documents", *args],
        capture_output=True, text=True, env={**env, "POLICYBOT_DATA_DIR": env["POLICYBOT_DATA_DIR"] + "-cli"},
        timeout=180, check=False,
    )  # fmt: skip


def cited(replica: Replica) -> list[str]:
    response = httpx.post(f"{replica.url}/api/ask", json=QUESTION, timeout=30)
    assert response.status_code == 200, response.text
    return [c["clause_id"] for c in response.json()["citations"]]


def seconds_until(replicas: list[Replica], condition: object) -> list[float]:
    """For each server, how long until `condition(citations)` held (fails after WITHIN_SECONDS)."""
    started = time.monotonic()
    waited: dict[str, float] = {}
    while len(waited) < len(replicas):
        for replica in replicas:
            if replica.name not in waited and condition(cited(replica)):  # type: ignore[operator]
                waited[replica.name] = time.monotonic() - started
        elapsed = time.monotonic() - started
        assert elapsed < WITHIN_SECONDS, f"not live after {elapsed:.0f} s: {waited}"
        time.sleep(0.2)
    return [waited[r.name] for r in replicas]


def test_a_document_published_with_the_cli_is_answered_by_both_servers_and_retired_is_gone(
    servers: tuple[list[Replica], dict[str, str]],
) -> None:
    replicas, env = servers
    assert all(not any(c.startswith("changchun-") for c in cited(r)) for r in replicas)

    added = documents(["add", str(DATA / "changchun_trainee_2025.txt"), "--publish"], env)
    assert added.returncode == 0, added.stderr
    published = seconds_until(replicas, lambda ids: bool(ids) and ids[0] == "changchun-2025-03")
    print(f"published → answered by both servers after {published[0]:.1f} s and {published[1]:.1f} s")

    retired = documents(["retire", "changchun-2025"], env)
    assert retired.returncode == 0, retired.stderr
    gone = seconds_until(replicas, lambda ids: not any(c.startswith("changchun-") for c in ids))
    print(f"retired → no longer cited by both servers after {gone[0]:.1f} s and {gone[1]:.1f} s")
    for replica in replicas:
        assert replica.is_running, "no restart"


def test_with_the_lexical_index_in_postgresql_both_servers_answer_a_publish_from_it(
    servers_on_the_database_index: tuple[list[Replica], dict[str, str]], tmp_path: Path
) -> None:
    replicas, env = servers_on_the_database_index
    added = documents(["add", str(DATA / "changchun_trainee_2025.txt"), "--publish"], env)
    assert added.returncode == 0, added.stderr
    published = seconds_until(replicas, lambda ids: bool(ids) and ids[0] == "changchun-2025-03")
    print(f"published → answered by both servers after {published[0]:.1f} s and {published[1]:.1f} s")
    engine = sqlalchemy.create_engine(
        env["POLICYBOT_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1)
    )
    try:
        with engine.connect() as connection:
            stored = connection.execute(sqlalchemy.text("SELECT document_id FROM lexical_documents")).scalars()
            assert "changchun-2025" in set(stored)
    finally:
        engine.dispose()
    for number in (1, 2):  # no server wrote an index directory of its own
        assert not (tmp_path / f"data-{number}" / "index" / "lexical").exists()

    retired = documents(["retire", "changchun-2025"], env)
    assert retired.returncode == 0, retired.stderr
    seconds_until(replicas, lambda ids: not any(c.startswith("changchun-") for c in ids))
