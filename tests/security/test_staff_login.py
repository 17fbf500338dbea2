"""Every /staff route — found by walking the app, so new ones are covered — needs a login, and
every console form post needs the login's CSRF token. Only the login form itself is public."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.web.app import create_app
from bot.web.services import WebServices

from .conftest import every_route

PUBLIC = {"/staff/login"}


@pytest.fixture(scope="module")
def app(services: WebServices) -> FastAPI:
    return create_app(services)


def staff_routes(app: FastAPI) -> list[tuple[str, str]]:
    return [(m, p) for m, p in every_route(app) if p.startswith("/staff") and p not in PUBLIC]


def test_the_console_has_the_routes_we_expect(app: FastAPI) -> None:
    paths = {p for _, p in staff_routes(app)}
    assert {"/staff", "/staff/answers", "/staff/export/answers.csv", "/staff/privacy", "/staff/privacy/delete",
            "/staff/sites", "/staff/logout", "/staff/citations/1/mark"} <= paths  # fmt: skip


@pytest.mark.parametrize("cookie", [None, "not-a-session-token"], ids=["no-cookie", "forged-cookie"])
def test_every_staff_route_without_a_valid_login_redirects_to_the_login_form(app: FastAPI, cookie: str | None) -> None:
    served: list[str] = []
    for method, path in staff_routes(app):
        client = TestClient(app, follow_redirects=False, cookies={"policybot_staff": cookie} if cookie else None)
        form = {"csrf": "x", "subject": "telegram:1"} if method == "POST" else None
        response = client.request(method, path, data=form)
        location = response.headers.get("location", "")
        if response.status_code != 303 or not location.startswith("/staff/login"):
            served.append(f"{method} {path}: {response.status_code} {location}")
    assert served == []


def test_every_console_form_post_without_the_csrf_token_is_refused(app: FastAPI, staff: tuple[TestClient, str]) -> None:
    console, _ = staff
    posts = [path for method, path in staff_routes(app) if method == "POST"]
    assert len(posts) >= 5
    accepted = [
        f"{path}: {status}"
        for path in posts
        if (status := console.post(path, data={"csrf": "forged", "status": "verified"}).status_code) != 403
    ]
    assert accepted == []
    assert console.get("/staff", follow_redirects=False).status_code == 200, "still logged in (logout was refused)"
