"""The request head against a real `policybot serve` (bot/web/http_head.py): parsed by httptools, bounded
by our own count — refused with 431 and a Chinese message past the cap however it arrives (one piece or
many), answered below it, and never confused with a body sent in the same piece or the next request on
a kept-alive connection."""

from __future__ import annotations

import json
import socket
import time
from urllib.parse import urlsplit

import httpx

from bot.web.http_head import MAX_HEADER_BYTES

from .conftest import LiveServer


def _connect(server: LiveServer) -> socket.socket:
    address = urlsplit(server.url)
    return socket.create_connection((address.hostname, address.port), timeout=30)


def _reply(raw: socket.socket) -> bytes:
    """Everything until the server closes (a refusal) or a whole response has arrived."""
    chunks = b""
    while chunk := raw.recv(65536):
        chunks += chunk
        head, _, body = chunks.partition(b"\r\n\r\n")
        lines = head.lower().split(b"\r\n")
        lengths = [int(line.split(b":")[1]) for line in lines if line.startswith(b"content-length:")]
        length = lengths[0] if lengths else None
        if length is not None and len(body) >= length:
            break
    return chunks


def _status(reply: bytes) -> int:
    return int(reply.split(b" ", 2)[1])


def _refused_in_chinese(reply: bytes) -> None:
    assert _status(reply) == 431, reply[:300]
    body = json.loads(reply.partition(b"\r\n\r\n")[2])
    assert body["code"] == "head_too_large"
    assert "请求头太大了" in body["error"]


def test_a_head_past_the_cap_in_one_piece_is_refused_in_chinese_and_the_server_keeps_answering(
    live_server: LiveServer,
) -> None:
    with _connect(live_server) as raw:
        raw.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (MAX_HEADER_BYTES + 10) + b"\r\n\r\n")
        _refused_in_chinese(_reply(raw))
    assert httpx.get(f"{live_server.url}/healthz", timeout=10).status_code == 200


def test_a_head_trickled_in_small_pieces_is_refused_once_past_the_cap(live_server: LiveServer) -> None:
    with _connect(live_server) as raw:
        raw.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        sent = 0
        try:
            while sent <= MAX_HEADER_BYTES + 8192:
                raw.sendall(b"X-Piece-%d: %s\r\n" % (sent, b"b" * 900))
                sent += 914
                time.sleep(0.001)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused and closed while more was coming
        _refused_in_chinese(_reply(raw))


def test_a_head_just_below_the_cap_is_answered(live_server: LiveServer) -> None:
    with _connect(live_server) as raw:
        raw.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (MAX_HEADER_BYTES - 200) + b"\r\n\r\n")
        assert _status(_reply(raw)) == 200


def test_a_body_sent_with_its_head_in_one_piece_is_not_counted_as_head(live_server: LiveServer) -> None:
    """A 200 KB body behind a small head, in one write: judged by the body limits (a chat message that
    long is refused as too long), never as an oversized head."""
    body = json.dumps({"message": "长" * 70_000}).encode()
    head = b"POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
    with _connect(live_server) as raw:
        raw.sendall(head % len(body) + body)
        reply = _reply(raw)
    assert _status(reply) not in {400, 431}, reply[:300]


def test_each_request_on_a_kept_alive_connection_has_a_head_of_its_own(live_server: LiveServer) -> None:
    """Three heads of 40 KB each on one connection (120 KB in all): each below the cap, each answered."""
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"c" * 40_000 + b"\r\n\r\n"
    with _connect(live_server) as raw:
        for _ in range(3):
            raw.sendall(request)
            assert _status(_reply(raw)) == 200
