"""Issue 14, privacy of the staff side: the audit trail names only real accounts, staff cookies are
Secure by default, and staff pages never carry a person's session key (only a fingerprint)."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.settings import Settings
from bot.web.app import create_app
from bot.web.services import WebServices
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from .conftest import CSRF_FIELD, STAFF_NAME, STAFF_PASSWORD, LiveServer, make_services


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


def is_secure(header: str) -> bool:
    return "secure" in [part.strip().lower() for part in header.split(";")]


@pytest.mark.parametrize(
    ("configured", "base_url", "secure"),
    [
        (None, "https://console.example.gov.cn", True),
        (None, "http://console.example.gov.cn", True),  # a public name over plain http: still Secure
        (None, "http://127.0.0.1:8000", False),  # the README's local `policybot serve`
        (False, "http://console.example.gov.cn", False),  # the documented opt-out
        (False, "https://console.example.gov.cn", True),  # never weaker over https
        (True, "http://127.0.0.1:8000", True),
    ],
    ids=["default-https", "default-public-http", "default-loopback-http", "opt-out", "opt-out-https", "forced"],
)
def test_staff_cookies_are_secure_by_default(
    kb: KnowledgeBase, databases: Databases, configured: bool | None, base_url: str, secure: bool
) -> None:
    services = make_services(kb, databases.new_url(), web_cookie_secure=configured)
    try:
        services.accounts.add(STAFF_NAME, STAFF_PASSWORD)
        with TestClient(create_app(services), base_url=base_url) as client:
            form = client.get("/staff/login")
            token = CSRF_FIELD.search(form.text)
            assert token
            done = client.post(
                "/staff/login",
                data={"name": STAFF_NAME, "password": STAFF_PASSWORD, "csrf": token.group(1)},
                follow_redirects=False,
            )
    finally:
        services.close()
    assert is_secure(form.headers["set-cookie"]) is secure
    if secure and base_url.startswith("http:"):
        # The browser (here httpx) does not send a Secure cookie back over plain http: told why.
        assert done.status_code == 403 and "HTTPS" in done.text
        return
    assert done.status_code == 303, done.text[:300]
    session_cookie = next(h for h in done.headers.get_list("set-cookie") if h.startswith("policybot_staff="))
    assert is_secure(session_cookie) is secure


def test_the_settings_default_is_secure_cookies() -> None:
    assert Settings().web_cookie_secure is None, "unset: Secure except plain http on this machine"


def test_behind_the_proxy_the_scheme_it_reports_makes_cookies_secure(live_server: LiveServer) -> None:
    """A real `policybot serve`: nginx (here a loopback client, the trusted proxy address) reports
    https in X-Forwarded-Proto, and the console's cookie is Secure although the hop is plain http."""
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        behind_tls = client.get("/staff/login", headers={"X-Forwarded-Proto": "https"})
        local = client.get("/staff/login")
    assert is_secure(behind_tls.headers["set-cookie"])
    assert not is_secure(local.headers["set-cookie"]), "plain http on 127.0.0.1: the README's local server"
