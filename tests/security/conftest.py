"""Security fixtures: the real app over a real database (SQLite and PostgreSQL, `databases`), a
logged-in staff client, and a way to read every stored value of every table."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import String, Text, inspect, select
from sqlalchemy.engine import Engine
from starlette.routing import BaseRoute, Mount, Route

import bot.tables  # noqa: F401 - every table on Base.metadata
from bot.db import Base
from bot.web.app import create_app
from bot.web.services import WebServices
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from ..web.conftest import STAFF_NAME, STAFF_PASSWORD, login, make_services

# A self-description with the facts that must never leak: disability, household, age, business.
SELF_DESCRIPTION = "我是残疾人，持有残疾证，家里是低保户，在巴中开了个小店两年了，今年45岁"
POLICY_QUESTION = "残疾人在巴中开店有什么补贴吗？"


@pytest.fixture(scope="module")
def services(kb: KnowledgeBase, databases: Databases) -> Iterator[WebServices]:
    built = make_services(kb, databases.new_url())
    if STAFF_NAME not in built.accounts.names():
        built.accounts.add(STAFF_NAME, STAFF_PASSWORD)
    yield built
    built.close()


@pytest.fixture(scope="module")
def client(services: WebServices) -> Iterator[TestClient]:
    with TestClient(create_app(services)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def staff(services: WebServices) -> Iterator[tuple[TestClient, str]]:
    """A client logged in to the console, and its CSRF token."""
    with TestClient(create_app(services)) as test_client:
        yield test_client, login(test_client)


def chat(client: TestClient, session_id: str | None, **turn: str) -> dict:  # type: ignore[type-arg]
    body = {"session_id": session_id, **turn} if session_id else turn
    response = client.post("/api/chat", json=body)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def describe_yourself(client: TestClient) -> str:
    """A person describes themselves, confirms, asks a policy question; returns the session id."""
    session_id = chat(client, None, message=SELF_DESCRIPTION)["session_id"]
    chat(client, session_id, choice="ok")
    answered = chat(client, session_id, message=POLICY_QUESTION)
    assert any(r["kind"] == "answer" for r in answered["replies"])
    return session_id


def stored_text(engine: Engine) -> str:
    """Every string stored in every table of our schema (sessions and the web's tables), joined."""
    tables = Base.metadata.sorted_tables
    existing = set(inspect(engine).get_table_names())
    values: list[str] = []
    with engine.connect() as connection:
        for table in tables:
            assert table.name in existing, f"{table.name} is missing"
            columns = [c for c in table.columns if isinstance(c.type, (String, Text))]
            if not columns:
                continue  # a counter table (documents_version) holds no text
            for row in connection.execute(select(*columns)):
                values.extend(str(v) for v in row if v is not None)
    return "\n".join(values)


# Sample values for path parameters, so every route can be requested.
PATH_SAMPLES = {
    "clause_id": "jilin-2017-07", "document_id": "jilin-2017", "answer_id": "1", "citation_id": "1",
    "key": "site-none", "path": "chat.css", "session_id": "no-such-session-0000",
}  # fmt: skip


def every_route(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every route of the app, included routers and mounted directories too."""
    found: list[tuple[str, str]] = []

    def visit(routes: list[BaseRoute]) -> None:
        for route in routes:
            original = getattr(route, "original_router", None)  # FastAPI ≥ 0.16x keeps included routers
            if original is not None:
                visit(original.routes)
            elif isinstance(route, Mount):
                found.append(("GET", f"{route.path}/{PATH_SAMPLES['path']}"))
            elif isinstance(route, Route):
                path = re.sub(r"\{(\w+)(:\w+)?\}", lambda m: PATH_SAMPLES[m.group(1)], route.path)
                found.extend((method, path) for method in sorted(route.methods or {"GET"}) if method != "HEAD")

    visit(list(app.routes))
    return sorted(set(found))
