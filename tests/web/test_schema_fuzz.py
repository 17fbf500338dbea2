"""Schemathesis against the OpenAPI schema with all its checks: generated requests to every API route
never get a 5xx, and every response matches what the schema promises (status codes, bodies, content
types, headers; invalid data is refused, valid data accepted).

Each operation's strategy comes from schemathesis (valid and invalid bodies, odd strings, path
parameters); hypothesis runs a bounded number of examples per operation without shrinking, so this
takes seconds and runs in CI with the rest of the suite. (schemathesis' own pytest plugin does not
load under pytest 9 yet, so the strategies are driven by hypothesis directly.)

`POST /api/ask` passes every check: its schema states the limits the knowledge core applies (some
visible text, at most 1000 characters), and a well-formed question that cannot be read (symbols
only, Latin words we do not know) is answered with 200 `no_answer` and what to ask instead.

`POST /api/check` passes every check too: its schema is made from the facts registry (every fact's
type, options and bounds, `null` for 不清楚, no other key: bot/web/profile_schema.py). What JSON
Schema cannot state — a date of the right form that no calendar has, or later than its fact allows —
is accepted: that date is left out (so it is asked) and listed in the answer's `warnings`.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from bot.web.app import create_app
from bot.web.services import WebServices

OPERATIONS = [
    "POST /api/ask", "POST /api/check", "POST /api/chat", "GET /api/chat/{session_id}", "POST /api/chat/new",
    "POST /api/feedback", "GET /api/clauses/{clause_id}", "GET /api/documents", "GET /healthz", "GET /readyz",
]  # fmt: skip


@pytest.fixture(scope="module")
def api_app(services: WebServices) -> FastAPI:
    return create_app(services)


# Operations with parameters or a body get invalid requests too (the others have nothing to break).
TAKES_INPUT = [op for op in OPERATIONS if "{" in op or op.startswith("POST")]
# The statuses this API refuses bad data with, each documented per route: 400 (unreadable JSON), 404
# (an id of the right form that names nothing), 413 (over the body limit: a string within its
# maxLength can still be too many bytes), 422 (the schema's rules), 429 (rate limit).
REFUSALS = ["400", "404", "413", "422", "429"]


@pytest.fixture(scope="module")
def api_schema(api_app: FastAPI) -> schemathesis.BaseSchema:
    config = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {"expected-statuses": REFUSALS}}})
    return schemathesis.openapi.from_asgi("/openapi.json", api_app, config=config)


def test_schema_lists_exactly_the_public_operations(api_schema: schemathesis.BaseSchema) -> None:
    found = sorted(f"{op.ok().method.upper()} {op.ok().path}" for op in api_schema.get_all_operations())
    assert found == sorted(OPERATIONS)


@pytest.mark.parametrize(
    "operation, mode",
    [(op, GenerationMode.POSITIVE) for op in OPERATIONS] + [(op, GenerationMode.NEGATIVE) for op in TAKES_INPUT],
)
def test_generated_requests_pass_every_check(
    api_schema: schemathesis.BaseSchema, operation: str, mode: GenerationMode
) -> None:
    """Valid requests (positive) must be accepted and answered as documented; invalid ones (negative:
    a wrong type, a broken pattern, an unknown fact, a missing field) refused as documented."""
    method, path = operation.split(" ")
    api_operation = api_schema[path][method]
    failures: list[str] = []

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
    )
    @given(case=api_operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case) -> None:
        try:
            response = case.call()
            case.validate_response(response)
        except Exception as exc:
            failures.append(f"{case.method} {case.formatted_path} {case.body!r:.200} → {str(exc).strip()[:400]}")

    run()
    assert failures == []


def test_a_one_character_question_is_not_a_server_error(api_app: FastAPI) -> None:
    """Found by the fuzzing above (bm25s failed on a question without a character pair); fixed in knowledge."""
    with TestClient(api_app, raise_server_exceptions=False) as client:
        response = client.post("/api/ask", json={"question": "补"})
    assert response.status_code < 500


def test_every_operation_documents_what_the_guard_in_front_of_it_answers(api_app: FastAPI) -> None:
    """The rate limit (429) and the head limits (431) stand in front of every route, the health checks
    and the document list too: run against a server with its default limits, schemathesis saw a 429
    that `GET /api/documents` and `GET /healthz` did not document. Operations that read or write the
    database also document its 503 (database_unavailable)."""
    paths = api_app.openapi()["paths"]
    statuses = {
        f"{method.upper()} {path}": set(op["responses"]) for path, ops in paths.items() for method, op in ops.items()
    }
    assert sorted(statuses) == sorted(OPERATIONS)
    assert [op for op, codes in statuses.items() if not {"429", "431"} <= codes] == []
    with_database = {op for op, codes in statuses.items() if "503" in codes}
    assert with_database == {
        "POST /api/ask", "POST /api/chat", "GET /api/chat/{session_id}", "POST /api/chat/new", "POST /api/feedback",
        "GET /api/clauses/{clause_id}", "GET /readyz",
    }  # fmt: skip
