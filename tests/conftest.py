"""Shared fixtures: one real knowledge base (real Chroma directory) per test session, and the
databases the store and web tests run on (SQLite, and PostgreSQL when there is one), and the
staff console over a module's own `web` services.

PostgreSQL: `POLICYBOT_TEST_DATABASE_URL=postgresql+psycopg://user:pw@host/db` uses that server
(its user may CREATE DATABASE); unset, a throwaway cluster is started from Debian's binaries
(/usr/lib/postgresql/<version>/bin) when they are installed; `off` runs SQLite only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from knowledge.evaluation import GOLDEN_DIR
from knowledge.kb import KnowledgeBase
from knowledge.registry import Registry, load_registry

from .databases import Databases, PostgresDatabases, SqliteDatabases
from .postgres import ExistingServer, PostgresCluster, PostgresServer, postgres_bin

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from bot.web.services import WebServices

REPO = Path(__file__).resolve().parent.parent
GOLDEN = GOLDEN_DIR
TEST_DATABASE = "POLICYBOT_TEST_DATABASE_URL"
NO_POSTGRES = "PostgreSQL is not installed (apt-get install -y postgresql; .ci/run installs it)"


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("policybot-data")


@pytest.fixture(scope="session")
def kb(kb_dir: Path) -> KnowledgeBase:
    return KnowledgeBase.open(kb_dir)


def postgres_setting() -> str:
    return os.environ.get(TEST_DATABASE, "").strip()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """The PostgreSQL server of this run: the configured one, or a throwaway cluster of our own."""
    configured = postgres_setting()
    if configured.lower() == "off":
        pytest.skip(f"{TEST_DATABASE}=off: SQLite only")
    if configured:
        if not configured.startswith(("postgresql", "postgres:")):
            raise pytest.UsageError(f"{TEST_DATABASE} must be a postgresql+psycopg:// URL or `off`")
        yield ExistingServer(configured)
        return
    bindir = postgres_bin()
    if bindir is None:
        pytest.skip(NO_POSTGRES)
    cluster = PostgresCluster(bindir)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def databases(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    """Fresh databases of one kind; tests that use it run once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield SqliteDatabases(tmp_path_factory.mktemp("sqlite"))
        return
    made = PostgresDatabases(request.getfixturevalue("postgres"))
    yield made
    if isinstance(made.server, ExistingServer):
        made.drop_all()


@pytest.fixture(scope="module")
def staff(web: WebServices) -> Iterator[tuple[TestClient, str]]:
    """A client logged in to the console over the module's own `web` services (each module that asks for
    `staff` builds them: the seeds, a document of its own, a data directory that publishes live), and its CSRF
    token. The web app is imported here, not above, so tests that never open the console do not load it."""
    from fastapi.testclient import TestClient

    from bot.web.app import create_app

    from .web.conftest import STAFF_NAME, STAFF_PASSWORD, login

    if STAFF_NAME not in web.accounts.names():
        web.accounts.add(STAFF_NAME, STAFF_PASSWORD)
    with TestClient(create_app(web), base_url="http://testserver") as client:
        yield client, login(client)
