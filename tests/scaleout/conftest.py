"""Scale-out fixtures: a PostgreSQL cluster of the scale-out tests' own (the fault tests stop and start
it) and two `policybot serve` replicas sharing it and one Chroma server (`chroma run`)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from knowledge.kb import KnowledgeBase
from tests.chroma_server import running_server
from tests.conftest import NO_POSTGRES, TEST_DATABASE
from tests.postgres import PostgresCluster, postgres_bin
from tests.scaleout.replicas import Replica, replica_env, running_replicas


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL cluster (its own, so stopping it disturbs no other test)."""
    if os.environ.get(TEST_DATABASE, "").strip().lower() == "off":
        pytest.skip(f"{TEST_DATABASE}=off: SQLite only")
    bindir = postgres_bin()
    if bindir is None:
        pytest.skip(NO_POSTGRES)
    made = PostgresCluster(bindir)
    try:
        made.start()
        yield made
    finally:
        made.remove()


@pytest.fixture(autouse=True)
def pg_cluster_is_up(request: pytest.FixtureRequest) -> None:
    """Every test that uses the cluster starts with it running, whatever a fault test left."""
    if "pg_cluster" in request.fixturenames:
        made: PostgresCluster = request.getfixturevalue("pg_cluster")
        if not made.is_running:
            made.start()


@pytest.fixture(scope="session")
def replicas(pg_cluster: PostgresCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Replica]]:
    """Two replicas on two loopback ports: one database, one Chroma server (its collection built
    once here, as `policybot ingest` does in a deployment)."""
    with running_server(tmp_path_factory.mktemp("replica-chroma")) as chroma:
        data_dir = tmp_path_factory.mktemp("replica-data")
        KnowledgeBase.open(data_dir, chroma_url=chroma.url)
        env = replica_env(data_dir, pg_cluster.create_database("replicas"), chroma_url=chroma.url)
        with running_replicas(2, env, tmp_path_factory.mktemp("replica-logs")) as started:
            yield started


@pytest.fixture
def both(replicas: list[Replica]) -> list[Replica]:
    """The two replicas, both running (a test before may have killed one)."""
    for replica in replicas:
        if not replica.is_running:
            replica.start()
    return replicas
