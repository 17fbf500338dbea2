"""Issue 14 findings against a real `policybot serve` on loopback: client identity behind the proxy,
per-account login back-off, bounded request heads (bounded in count and time)."""

from __future__ import annotations

import re
import socket
from urllib.parse import urlsplit

import httpx

from .conftest import LiveServer


def login_attempt(client: httpx.Client, forwarded_for: str, name: str) -> httpx.Response:
    """One login with a wrong password, through the form (its CSRF cookie and token)."""
    form = client.get("/staff/login", headers={"X-Forwarded-For": forwarded_for})
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token, form.text[:300]
    return client.post(
        "/staff/login",
        data={"name": name, "password": "wrong password", "csrf": token.group(1)},
        headers={"X-Forwarded-For": forwarded_for},
    )


def test_a_client_cannot_dodge_the_login_limit_by_forging_the_first_forwarded_address(
    live_server: LiveServer,
) -> None:
    """nginx appends the address it saw; only the proxy (here loopback) is trusted, so the limit keys
    on that last address whatever the client wrote before it (10 attempts a minute by default)."""
    statuses = []
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        for attempt in range(14):
            forged = f"203.0.113.{attempt}, 198.51.100.7"
            statuses.append(login_attempt(client, forged, f"nobody-{attempt}").status_code)
    assert 429 in statuses, statuses
    assert statuses.index(429) <= 10


def test_failed_logins_for_one_account_back_off_whatever_the_address(live_server: LiveServer) -> None:
    statuses = []
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        for attempt in range(8):
            response = login_attempt(client, f"198.51.100.{100 + attempt}", "target-account")
            statuses.append(response.status_code)
            if response.status_code == 429:
                assert "失败次数过多" in response.text
                assert int(response.headers["retry-after"]) >= 1
    assert statuses[:5] == [401] * 5
    assert 429 in statuses[5:]


def test_an_oversized_request_head_is_refused_and_the_server_keeps_answering(live_server: LiveServer) -> None:
    address = urlsplit(live_server.url)
    with socket.create_connection((address.hostname, address.port), timeout=30) as raw:
        raw.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (1024 * 1024) + b"\r\n\r\n")
        try:
            reply = raw.recv(200)
        except ConnectionResetError:
            reply = b""  # refused by closing: also not answered 200
    assert not reply.startswith(b"HTTP/1.1 200"), reply
    assert httpx.get(f"{live_server.url}/healthz", timeout=10).status_code == 200
