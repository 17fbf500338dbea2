"""Issue 14, privacy of the staff side: the audit trail names only real accounts, staff cookies are
Secure by default, and staff pages never carry a person's session key (only a fingerprint)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from bot.web.app import create_app
from bot.web.services import WebServices

from .conftest import CSRF_FIELD, STAFF_NAME, STAFF_PASSWORD


def failed_login(client: TestClient, name: str, password: str) -> int:
    token = CSRF_FIELD.search(client.get("/staff/login").text)
    assert token
    response = client.post("/staff/login", data={"name": name, "password": password, "csrf": token.group(1)})
    return response.status_code


def test_a_failed_login_names_the_account_only_when_it_exists(services: WebServices, staff_account: str) -> None:
    """A password typed into the name field must not land in the audit trail (issue 14)."""
    typed_password = "my secret passw0rd"
    with TestClient(create_app(services), base_url="https://testserver") as client:
        assert failed_login(client, typed_password, STAFF_PASSWORD) == 401
        unknown = services.audit.recent(1)[0]
        assert failed_login(client, STAFF_NAME, "wrong password!") == 401
        known = services.audit.recent(1)[0]
    assert unknown.action == "login_failed" and unknown.actor == "?"
    assert all(typed_password not in text for text in (unknown.actor, unknown.target, unknown.detail))
    assert known.action == "login_failed" and known.actor == STAFF_NAME
