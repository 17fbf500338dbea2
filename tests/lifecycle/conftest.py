"""Fixtures of the lifecycle tests that more than one file needs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import tests.web.conftest  # noqa: F401 - first: tests.web.browsing imports it back
from tests.databases import Databases
from tests.scaleout.replicas import Replica, replica_env
from tests.web.browsing import browser  # noqa: F401 - the web tests' Chromium, for the console's browser tests


@pytest.fixture
def server_checking_hourly(databases: Databases, tmp_path: Path) -> Iterator[tuple[Replica, dict[str, str]]]:
    """A real `policybot serve` on loopback whose own check of the published documents is an hour away, so only a
    question's reading of the version can bring a change made by another process in (offline: no Chroma server,
    no embedding model). Yields the replica and the environment the CLI shares with it."""
    env = replica_env(tmp_path / "data", databases.new_url(), POLICYBOT_DOCUMENTS_REFRESH_SECONDS="3600")
    env.pop("POLICYBOT_CHROMA_URL", None)
    env.pop("POLICYBOT_EMBEDDING_MODEL", None)
    replica = Replica("server", env, tmp_path)
    try:
        replica.launch()
        replica.wait_ready(180)
        yield replica, env
    finally:
        replica.stop()
