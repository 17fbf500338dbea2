"""Schemathesis against the OpenAPI schema: generated requests to every API route, never a 5xx.

Each operation's strategy comes from schemathesis (valid and invalid bodies, odd strings, path
parameters); hypothesis runs a bounded number of examples per operation, so this takes seconds.
(schemathesis' own pytest plugin does not load under pytest 9 yet, so the strategies are driven
by hypothesis directly.)
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from bot.web.app import create_app
from bot.web.services import WebServices

OPERATIONS = [
    "POST /api/ask", "POST /api/check", "POST /api/chat", "GET /api/chat/{session_id}", "POST /api/chat/new",
    "POST /api/feedback", "GET /api/clauses/{clause_id}", "GET /api/documents", "GET /healthz", "GET /readyz",
]  # fmt: skip


@pytest.fixture(scope="module")
def api_app(services: WebServices) -> FastAPI:
    return create_app(services)


@pytest.fixture(scope="module")
def api_schema(api_app: FastAPI) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", api_app)


def test_schema_lists_exactly_the_public_operations(api_schema: schemathesis.BaseSchema) -> None:
    found = sorted(f"{op.ok().method.upper()} {op.ok().path}" for op in api_schema.get_all_operations())
    assert found == sorted(OPERATIONS)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_generated_requests_never_get_a_server_error(api_schema: schemathesis.BaseSchema, operation: str) -> None:
    method, path = operation.split(" ")
    api_operation = api_schema[path][method]
    failures: list[str] = []

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    @given(case=api_operation.as_strategy())
    def run(case: schemathesis.Case) -> None:
        try:
            response = case.call()
        except Exception as exc:
            failures.append(f"{case.method} {case.formatted_path} {case.body!r:.200} → {exc!r}")
            return
        content_type = response.headers.get("content-type", [""])[0]
        if response.status_code >= 500 or not content_type.startswith("application/json"):
            failures.append(f"{case.method} {case.formatted_path} {case.body!r:.200} → {response.status_code}")

    run()
    assert failures == []


def test_a_one_character_question_is_not_a_server_error(api_app: FastAPI) -> None:
    """Found by the fuzzing above (bm25s failed on a question without a character pair); fixed in knowledge."""
    with TestClient(api_app, raise_server_exceptions=False) as client:
        response = client.post("/api/ask", json={"question": "补"})
    assert response.status_code < 500
