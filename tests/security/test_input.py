"""Input PostgreSQL cannot store — NUL characters — is refused politely or stored without them,
on every form and API body that reaches the database; never a 500 (SQLite stores NUL, so these
failed only on PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from bot.web.app import create_app
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
