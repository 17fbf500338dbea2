"""Two of issue 14's hardening leftovers, against real `policybot serve` processes on loopback (session 30):

- a bare `serve` (no proxy configured) believed X-Forwarded-For from 127.0.0.1, uvicorn's default: any
  client of a server run without the proxy — or any process on its machine — chose the address every
  limit keys on. Forwarded headers are believed only from the addresses configured
  (`FORWARDED_ALLOW_IPS`, as deploy/compose.yaml sets it for the proxy).
- a chunked body whose chunk-size line is 20 hex digits was held open until the client gave up (h11
  waited for the chunk's bytes); now it is answered 400 at once, and chunked bodies of a sane size are
  read as before.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.scaleout.replicas import Replica, replica_env

LIMIT = "4/minute"  # every route but the health probes, per client address
QUICK = 5.0  # seconds: "at once", against a server that held the request for as long as the client waited


def _server(name: str, kb_dir: Path, root: Path, **extra: str) -> Iterator[Replica]:
    env = replica_env(kb_dir, f"sqlite:///{root / 'policybot.sqlite3'}", POLICYBOT_WEB_RATE_LIMIT=LIMIT, **extra)
    for variable in ("FORWARDED_ALLOW_IPS", "POLICYBOT_FORWARDED_ALLOW_IPS"):
        if variable not in extra:
            env.pop(variable, None)  # nothing about forwarding unless the test says so
    replica = Replica(name, env, root)
    replica.start()
    yield replica
    replica.stop()


@pytest.fixture(scope="module")
def bare(kb_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    """`policybot serve` as docs/web.md starts it without a proxy: nothing about forwarding configured."""
    yield from _server("bare", kb_dir, tmp_path_factory.mktemp("bare-serve"))


@pytest.fixture(scope="module")
def behind_proxy(kb_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    """The documented proxy setting, with the test playing the proxy on loopback (each request below says
    which client it comes from, so the limits of one test do not reach another's)."""
    yield from _server("proxied", kb_dir, tmp_path_factory.mktemp("proxied-serve"), FORWARDED_ALLOW_IPS="127.0.0.1")


def _statuses_from_many_forwarded_addresses(server: Replica, count: int) -> list[int]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        return [
            client.get("/api/documents", headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
            for n in range(1, count + 1)
        ]


def test_a_bare_server_believes_no_forwarded_address_from_loopback(bare: Replica) -> None:
    """Each request claims another client; a bare server counts them all as the one it saw (loopback),
    so the fifth is over the 4-a-minute limit. Before: 127.0.0.1 was trusted, six 200s."""
    statuses = _statuses_from_many_forwarded_addresses(bare, 6)
    assert statuses[:4] == [200] * 4, statuses
    assert statuses[4:] == [429, 429], statuses


def test_a_server_told_its_proxy_believes_the_address_the_proxy_saw(behind_proxy: Replica) -> None:
    statuses = _statuses_from_many_forwarded_addresses(behind_proxy, 6)
    assert statuses == [200] * 6, statuses  # six clients, one request each
    with httpx.Client(base_url=behind_proxy.url, timeout=30) as client:
        same = [client.get("/api/documents", headers={"X-Forwarded-For": "203.0.113.9"}).status_code for _ in range(5)]
    assert same == [200] * 4 + [429], same


def _send(server: Replica, request: bytes, wait: float = QUICK) -> bytes:
    """What the server answers to `request` sent as is, within `wait` seconds (b"" if it answered nothing)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=wait) as raw:
        raw.sendall(request)
        received = b""
        try:
            while b"\r\n\r\n" not in received:
                chunk = raw.recv(4096)
                if not chunk:
                    break
                received += chunk
        except TimeoutError:
            pass
    return received


def _chunked_chat(chunks: list[bytes], finished: bool = True) -> bytes:
    head = (
        b"POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\nConnection: close\r\nX-Forwarded-For: 192.0.2.30\r\n\r\n"
    )
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks)
    return head + body + (b"0\r\n\r\n" if finished else b"")


def test_a_chunk_size_of_twenty_hex_digits_is_answered_400_at_once(behind_proxy: Replica) -> None:
    head = _chunked_chat([], finished=False)
    reply = _send(behind_proxy, head + b"FFFFFFFFFFFFFFFFFFFF\r\n" + b'{"message": "')
    assert reply.startswith(b"HTTP/1.1 400"), reply[:200]
    # and a chunk of ten hex digits (a terabyte): past any body the server takes, refused alike
    reply = _send(behind_proxy, head + b"FFFFFFFFFF\r\n")
    assert reply.startswith(b"HTTP/1.1 400"), reply[:200]
    assert httpx.get(f"{behind_proxy.url}/healthz", timeout=10).status_code == 200


def test_a_chat_sent_in_chunks_of_a_sane_size_is_answered_as_before(behind_proxy: Replica) -> None:
    body = json.dumps({"message": "巴中市创业担保贷款额度是多少？"}, ensure_ascii=False).encode()
    reply = _send(behind_proxy, _chunked_chat([body[:9], body[9:]]), wait=60)
    assert reply.startswith(b"HTTP/1.1 200"), reply[:300]
