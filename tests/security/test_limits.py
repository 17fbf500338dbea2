"""Request-size and rate limits apply to every route of the app — found by walking the app's
routes, so a route added later is covered without touching this file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.web import staff_library
from bot.web.api import CHAT_PATH
from bot.web.app import create_app
from bot.web.schemas import CHAT_BODY_BYTES
from bot.web.services import WebServices
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from ..web.conftest import make_services
from .conftest import every_route

LIMIT_BYTES = 16_384
KNOWN = {
    ("POST", "/api/ask"), ("POST", "/api/chat"), ("POST", "/api/check"), ("GET", "/api/documents"),
    ("GET", "/api/clauses/jilin-2017-07"), ("GET", "/healthz"), ("GET", "/readyz"), ("GET", "/widget.js"),
    ("GET", "/widget/frame"), ("GET", "/demo"), ("GET", "/docs"), ("GET", "/openapi.json"),
    ("GET", "/static/chat.css"), ("GET", "/staff/login"), ("POST", "/staff/login"),
    ("GET", "/staff/privacy"), ("POST", "/staff/privacy/delete"),
}  # fmt: skip


@pytest.fixture(scope="module")
def limited(kb: KnowledgeBase, databases: Databases) -> Iterator[tuple[FastAPI, WebServices]]:
    """The app with one request per minute per client, and the default body limit."""
    services = make_services(kb, databases.new_url(), web_rate_limit="1/minute", web_max_body_bytes=LIMIT_BYTES)
    yield create_app(services), services
    services.close()


def test_the_route_walk_finds_the_api_the_widget_the_docs_and_the_console(
    limited: tuple[FastAPI, WebServices],
) -> None:
    app, _ = limited
    routes = set(every_route(app))
    assert routes >= KNOWN, KNOWN - routes
    assert len(routes) >= 25


def test_every_route_answers_429_to_a_client_over_the_limit(limited: tuple[FastAPI, WebServices]) -> None:
    app, _ = limited
    not_limited: list[str] = []
    for number, (method, path) in enumerate(every_route(app)):
        client = TestClient(app, client=(f"rate-client-{number}", 40000), follow_redirects=False)
        first = client.request(method, path)
        second = client.request(method, path)
        if first.status_code == 429 or second.status_code != 429:
            not_limited.append(f"{method} {path}: {first.status_code}, {second.status_code}")
            continue
        assert second.json()["code"] == "rate_limited" and int(second.headers["retry-after"]) >= 1
    assert not_limited == []


def test_probes_are_counted_apart_so_busy_clients_do_not_fail_them(limited: tuple[FastAPI, WebServices]) -> None:
    app, _ = limited
    client = TestClient(app, client=("behind-a-proxy", 40000))
    assert client.get("/api/documents").status_code == 200
    assert client.get("/api/documents").status_code == 429
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz").status_code == 429


def test_static_assets_are_counted_apart_so_loading_the_widget_leaves_the_chat_its_budget(
    limited: tuple[FastAPI, WebServices],
) -> None:
    app, _ = limited
    client = TestClient(app, client=("host-page-visitor", 40000))
    assert client.get("/widget.js").status_code == 200
    assert client.get("/static/chat.js").status_code == 429  # one counter for every static file
    assert client.get("/api/documents").status_code == 200
    assert client.get("/api/documents").status_code == 429


def test_every_route_refuses_a_body_over_the_limit_before_parsing(limited: tuple[FastAPI, WebServices]) -> None:
    app, _ = limited
    body = b"x" * (LIMIT_BYTES + 1)
    # The console's document upload takes files of up to 20 MB: over its own cap it is refused too.
    # The chat takes a 5,000-character message however escaped: over its cap, the chat's own 422.
    own = {
        staff_library.UPLOAD_PATH: (b"x" * (staff_library.MAX_UPLOAD_BYTES + 1), 413, "too_large"),
        CHAT_PATH: (b"x" * (CHAT_BODY_BYTES + 1), 422, "invalid_request"),
    }
    accepted: list[str] = []
    for number, (method, path) in enumerate(every_route(app)):
        client = TestClient(app, client=(f"size-client-{number}", 40000), follow_redirects=False)
        sent_as = method if method in {"POST", "PUT", "PATCH"} else "POST"
        content, status, code = own.get(path, (body, 413, "too_large"))
        response = client.request(sent_as, path, content=content, headers={"content-type": "application/json"})
        if response.status_code != status or response.json()["code"] != code:
            accepted.append(f"{sent_as} {path}: {response.status_code}")
    assert accepted == []


def test_a_streamed_body_without_a_length_is_cut_off_at_the_limit(limited: tuple[FastAPI, WebServices]) -> None:
    app, _ = limited

    def chunks() -> Iterator[bytes]:
        for _ in range(64):
            yield b'{"message": "' + b"x" * 1024

    client = TestClient(app, client=("streaming-client", 40000))
    response = client.post("/api/ask", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["code"] == "too_large"


def test_a_streamed_chat_message_past_the_chats_cap_is_told_it_is_too_long(
    limited: tuple[FastAPI, WebServices],
) -> None:
    app, _ = limited

    def chunks() -> Iterator[bytes]:
        yield b'{"message": "'
        for _ in range(CHAT_BODY_BYTES // 3000 + 1):
            yield ("长" * 1000).encode()

    client = TestClient(app, client=("streaming-chat-client", 40000))
    response = client.post(CHAT_PATH, content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 422 and "消息太长了（最多 5000 个字）" in response.json()["error"]
