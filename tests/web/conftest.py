"""Web fixtures: the real app over the session's knowledge base and a real database.

Every fixture here runs once on an SQLite file and once on a PostgreSQL database (`databases`,
tests/conftest.py). `client` talks to the app in-process (FastAPI TestClient); `live_server` is a
real `policybot serve` process on a free loopback port, used by the CLI and browser tests.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bot.settings import Settings
from bot.web.app import create_app
from bot.web.services import WebServices, build_services
from knowledge.kb import KnowledgeBase

from ..databases import Databases

REPO = Path(__file__).resolve().parents[2]
PARTNER_KEY = "partner-test"
STAFF_NAME = "zhangsan"
STAFF_PASSWORD = "correct horse battery"
CSRF_FIELD = re.compile(r'name="csrf" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_services(kb: KnowledgeBase, database_url: str, **overrides: object) -> WebServices:
    values: dict[str, object] = {
        "database_url": database_url,
        "web_rate_limit": "",
        "web_sites": {PARTNER_KEY: ["http://partner.example:8080"]},
        # TestClient speaks plain http to "testserver": the documented opt-out for plain-http development.
        "web_cookie_secure": False,
    }
    settings = Settings(**{**values, **overrides})  # type: ignore[arg-type]
    return build_services(settings, kb=kb, clock=date.today)


def own_data_services(root: Path) -> WebServices:
    """Live services over a data directory of their own (an SQLite file in it, the seeds built there): a document
    staff publish in the console is answered from, as a fresh deployment's would be."""
    settings = Settings(
        data_dir=root,
        database_url=SecretStr(f"sqlite:///{root / 'policybot.sqlite3'}"),
        web_rate_limit="",
        web_cookie_secure=False,
    )
    return build_services(settings)


@pytest.fixture(scope="module")
def services(kb: KnowledgeBase, databases: Databases) -> Iterator[WebServices]:
    built = make_services(kb, databases.new_url())
    yield built
    built.close()


@pytest.fixture(scope="module")
def client(services: WebServices) -> Iterator[TestClient]:
    with TestClient(create_app(services), base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture(scope="module")
def staff_account(services: WebServices) -> str:
    if STAFF_NAME not in services.accounts.names():
        services.accounts.add(STAFF_NAME, STAFF_PASSWORD)
    return STAFF_NAME


def login(client: TestClient, name: str = STAFF_NAME, password: str = STAFF_PASSWORD) -> str:
    """Log in through the real form; returns the console's CSRF token."""
    form = client.get("/staff/login")
    token = CSRF_FIELD.search(form.text)
    assert token, "the login form carries a CSRF token"
    response = client.post(
        "/staff/login",
        data={"name": name, "password": password, "csrf": token.group(1), "next": "/staff"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:300]
    home = client.get("/staff")
    found = CSRF_FIELD.search(home.text)
    assert found
    return found.group(1)


@pytest.fixture(scope="module")
def staff_client(services: WebServices, staff_account: str) -> Iterator[tuple[TestClient, str]]:
    with TestClient(create_app(services), base_url="http://testserver") as test_client:
        yield test_client, login(test_client)


# -- a real server process --------------------------------------------------------------------


@dataclass(frozen=True)
class LiveServer:
    url: str
    env: dict[str, str]
    host_port: int  # where the test host pages are served (a different origin)

    def policybot(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot.cli", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env,
            cwd=REPO,
            timeout=60,
            check=False,
        )


def wait_ready(url: str, process: subprocess.Popen[str], seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"policybot serve exited early: {process.stderr.read() if process.stderr else ''}")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError("policybot serve did not become ready")


@contextlib.contextmanager
def serving(env: dict[str, str], port: int) -> Iterator[str]:
    """`policybot serve` in its own process with `env`, on `port`: its URL once ready; stopped after."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def live_server(kb: KnowledgeBase, kb_dir: Path, databases: Databases) -> Iterator[LiveServer]:
    """`policybot serve` on a free port; the index is the session's, the database its own."""
    port, host_port = free_port(), free_port()
    env = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(kb_dir),
        "POLICYBOT_DATABASE_URL": databases.new_url(),
        "POLICYBOT_WEB_SITES": json.dumps({PARTNER_KEY: [f"http://127.0.0.1:{host_port}"]}),
        "POLICYBOT_WEB_RATE_LIMIT": "600/minute",
        "POLICYBOT_LOG_LEVEL": "WARNING",
        # The documented proxy setting: the tests that send X-Forwarded-For play the proxy on loopback.
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
    }
    with serving(env, port) as url:
        yield LiveServer(url=url, env=env, host_port=host_port)


# The browser tests' fixtures (Chromium, the host pages), defined with their helpers.
from .browsing import browser, host_site, page  # noqa: E402, F401
