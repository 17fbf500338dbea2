"""Input a database cannot store — NUL characters (PostgreSQL), numbers past 64 bits (SQLite) — is
refused politely or stored without it, on every form, address and API body that reaches the
database; never a 500 (SQLite stores NUL, so those failed only on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args

from annotated_types import Ge, Gt, Le, Lt
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from bot.web.app import create_app
from bot.web.errors import routes_of
from bot.web.services import WebServices

from ..web.conftest import CSRF_FIELD, STAFF_NAME, STAFF_PASSWORD


def test_a_login_with_nul_characters_is_a_wrong_password_not_an_error(services: WebServices) -> None:
    with TestClient(create_app(services)) as client:
        for name, password in ((f"{STAFF_NAME}\x00", STAFF_PASSWORD), (STAFF_NAME, f"x\x00{STAFF_PASSWORD}")):
            token = CSRF_FIELD.search(client.get("/staff/login").text).group(1)  # type: ignore[union-attr]
            response = client.post("/staff/login", data={"name": name, "password": password, "csrf": token})
            assert response.status_code == 401 and "账号或密码不正确" in response.text
    event = services.audit.recent(1)[0]
    assert event.action == "login_failed" and event.actor == STAFF_NAME


def test_a_site_with_nul_characters_is_refused_with_the_reason(staff: tuple[TestClient, str]) -> None:
    console, csrf = staff
    named = console.post("/staff/sites", data={"csrf": csrf, "name": "坏\x00网站", "origins": "https://a.gov.cn"})
    assert named.status_code == 422 and "控制字符" in named.text
    origin = console.post("/staff/sites", data={"csrf": csrf, "name": "网站", "origins": "https://a\x00b.gov.cn"})
    assert origin.status_code == 422 and "无效字符" in origin.text


def test_a_note_and_a_chat_message_with_nul_characters_are_stored_without_them(
    staff: tuple[TestClient, str], client: TestClient, services: WebServices
) -> None:
    body = client.post("/api/chat", json={"message": "资阳市创业担保贷款\u0000额度是多少？"}).json()
    assert any(r["kind"] == "answer" for r in body["replies"])
    services.answer_log.flush()
    entry = next(
        e
        for e in services.answer_log.entries(limit=20)
        if e.session_key == services.conversations.key_of("web", body["session_id"])
    )
    assert entry.question == "资阳市创业担保贷款额度是多少？"
    console, csrf = staff
    marked = console.post(
        f"/staff/citations/{entry.citations[0].id}/mark",
        data={"csrf": csrf, "status": "flagged", "note": "引文\x00截断"},
        follow_redirects=False,
    )
    assert marked.status_code == 303
    assert services.answer_log.history(entry.citations[0].quote_key)[0].note == "引文截断"


def test_a_query_day_given_as_a_number_is_refused_not_read_as_seconds_since_1970(client: TestClient) -> None:
    for number in (0, 1_600_000_000, 20200601, 0.5):
        response = client.post("/api/ask", json={"question": "长春创业补贴多少钱", "as_of": number})
        assert response.status_code == 422, (number, response.text)
        assert response.json()["code"] == "invalid_request"
    written = client.post("/api/ask", json={"question": "长春创业补贴多少钱", "as_of": "2020-06-01"})
    assert written.status_code == 200 and written.json()["status"] == "answered"


def _numbers_a_client_sends(app: FastAPI) -> Iterator[tuple[str, str, FieldInfo]]:
    """(route, parameter, its field) for every number a request names: in the path, the query, a form,
    a header or a cookie, on every route of the app (staff pages too), and every number field of a
    JSON body's model."""

    def parameters(dependant: Any) -> Iterator[Any]:
        for kind in ("path_params", "query_params", "header_params", "cookie_params", "body_params"):
            yield from getattr(dependant, kind)
        for inner in dependant.dependencies:
            yield from parameters(inner)

    for route in routes_of(app.router.routes):
        if not isinstance(route, APIRoute):
            continue
        for parameter in parameters(route.dependant):
            annotation = parameter.field_info.annotation
            models = [
                t for t in (annotation, *get_args(annotation)) if isinstance(t, type) and issubclass(t, BaseModel)
            ]
            for model in models:
                for name, field in model.model_fields.items():
                    if _is_number(field.annotation):
                        yield route.path, f"{parameter.name}.{name}", field
            if _is_number(annotation):
                yield route.path, parameter.name, parameter.field_info


def _is_number(annotation: Any) -> bool:
    kinds = {annotation, *get_args(annotation)}
    return bool(kinds & {int, float}) and bool not in kinds


def test_every_number_a_request_can_name_is_bounded_at_the_boundary(services: WebServices) -> None:
    """A number past what the database stores (an answer id of 400 digits in a staff page's address)
    reached SQLite and was a 500 (OverflowError). Every number a client sends, on every route, has a
    lower and an upper bound, so one past them is refused with 422 before any code reads it."""
    numbers = list(_numbers_a_client_sends(create_app(services)))
    assert {("/staff/answers/{answer_id}", "answer_id"), ("/staff/citations/{citation_id}/mark", "citation_id")} <= {
        (route, name) for route, name, _ in numbers
    }, "the walk finds the staff pages' ids"
    unbounded = [
        f"{route} {name}"
        for route, name, field in numbers
        if not any(isinstance(m, (Ge, Gt)) for m in field.metadata)
        or not any(isinstance(m, (Le, Lt)) for m in field.metadata)
    ]
    assert unbounded == []
