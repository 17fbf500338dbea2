"""Request headers against a real `policybot serve` on loopback (issue 14): a Host header a client
forged never reaches a page (the staff console's embed code, the demo page), and a request with
too many headers is refused cleanly while the server keeps answering."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.web.app import create_app
from bot.web.throttle import MAX_HEADERS
from knowledge.kb import KnowledgeBase
from tests.scaleout.replicas import Replica, replica_env, staffed_replica

from ..databases import Databases
from ..web.conftest import STAFF_NAME, STAFF_PASSWORD, login, make_services

STAFF = ("header-admin", "a-long-header-password-1")
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
FORGED = "attacker.example"
SCRIPT_SRC = re.compile(r'&lt;script src="([^"]+)/widget\.js')


@pytest.fixture(scope="module")
def server(kb_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    root = tmp_path_factory.mktemp("live-headers")
    env = replica_env(kb_dir, f"sqlite:///{root / 'policybot.sqlite3'}", POLICYBOT_WEB_LOGIN_RATE_LIMIT="")
    env.pop("POLICYBOT_WEB_PUBLIC_URL", None)
    with staffed_replica("live-headers", env, root, STAFF) as replica:
        yield replica


def embed_sources(page: str) -> list[str]:
    """The `src` of every `<script … widget.js>` shown as embed code on a page."""
    return SCRIPT_SRC.findall(page)


def test_a_forged_host_never_reaches_the_embed_code_staff_copy(server: Replica) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        token = CSRF.search(client.get("/staff/login").text)
        assert token
        done = client.post("/staff/login", data={"name": STAFF[0], "password": STAFF[1], "csrf": token.group(1)})
        assert done.status_code in {200, 303}, done.text[:300]
        forged = {"Host": f"{FORGED}:8443", "X-Forwarded-Host": FORGED, "X-Forwarded-Proto": "https"}
        sites = client.get("/staff/sites", headers=forged)
        demo = client.get("/demo", headers=forged)
    assert sites.status_code == 200 and demo.status_code == 200
    for page in (sites.text, demo.text):
        assert FORGED not in page
        # No public URL set: the address the server listens on, as `policybot serve` was told it.
        assert embed_sources(page) == [server.url], embed_sources(page)


def _read_until_closed(raw: socket.socket) -> bytes:
    """The whole reply of a `connection: close` answer: its head and body may come in separate
    segments (one recv() saw only the head once, under load)."""
    chunks = []
    while chunk := raw.recv(4096):
        chunks.append(chunk)
    return b"".join(chunks)


def test_a_request_with_too_many_headers_is_refused_with_431_and_the_server_keeps_answering(
    server: Replica,
) -> None:
    address = urlsplit(server.url)
    many = b"".join(b"X-H%d: v\r\n" % n for n in range(MAX_HEADERS + 50))
    with socket.create_connection((address.hostname, address.port), timeout=30) as raw:
        raw.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + many + b"\r\n")
        reply = _read_until_closed(raw)
    status_line, _, rest = reply.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 431"), reply[:300]
    assert "请求头太多了".encode() in rest
    # A browser-sized request (about 20 headers) is answered, on the same server, right after.
    ordinary = {f"X-Ordinary-{n}": "v" for n in range(20)}
    assert httpx.get(f"{server.url}/healthz", headers=ordinary, timeout=10).status_code == 200


def test_a_flood_of_tiny_headers_at_the_size_cap_is_refused_too(server: Replica) -> None:
    """Thousands of headers that fit the 64 KB head cap (4 bytes each) are refused by count."""
    address = urlsplit(server.url)
    many = b"a:\r\n" * 12_000
    with socket.create_connection((address.hostname, address.port), timeout=30) as raw:
        raw.sendall(b"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\n" + many + b"\r\n")
        reply = raw.recv(4096)
    assert reply.startswith((b"HTTP/1.1 431", b"HTTP/1.1 400")), reply[:300]
    assert httpx.post(f"{server.url}/api/ask", json={"question": "长春创业补贴多少钱"}, timeout=60).status_code == 200


@pytest.mark.parametrize(
    ("settings", "shown"),
    [
        ({"web_public_url": "https://policy.example.gov.cn/"}, "https://policy.example.gov.cn"),
        ({"web_host": "127.0.0.1", "web_port": 8123}, "http://127.0.0.1:8123"),
        ({"web_host": "0.0.0.0", "web_port": 8000}, None),  # every address: no usable one to show
    ],
    ids=["public-url", "one-listening-address", "every-address"],
)
def test_the_embed_code_comes_from_the_settings_never_from_the_request(
    kb: KnowledgeBase, databases: Databases, settings: dict[str, object], shown: str | None
) -> None:
    services = make_services(kb, databases.new_url(), **settings)
    try:
        services.accounts.add(STAFF_NAME, STAFF_PASSWORD)
        with TestClient(create_app(services), base_url=f"http://{FORGED}") as client:
            login(client)
            sites = client.get("/staff/sites").text
            demo = client.get("/demo").text
    finally:
        services.close()
    for page in (sites, demo):
        assert FORGED not in page
        if shown is None:
            assert embed_sources(page) == ["https://本服务的公开地址"]
        else:
            assert embed_sources(page) == [shown]
    if shown is None:
        assert "POLICYBOT_WEB_PUBLIC_URL" in sites
