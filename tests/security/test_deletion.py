"""Deleting a person's data removes it from every store — sessions, the answer log and its
citations — on SQLite and on PostgreSQL: by the person (/forget) and by staff from the console
(login, CSRF token, audited without keeping the key)."""

from __future__ import annotations

import hashlib

import pytest
from fastapi.testclient import TestClient

from bot.dialogue.types import Turn
from bot.web.app import create_app
from bot.web.services import WebServices
from bot.web.staff_privacy import fingerprint, parse_subject

from .conftest import POLICY_QUESTION, SELF_DESCRIPTION, chat, describe_yourself, stored_text


def person_is_stored(services: WebServices, session_id: str) -> bool:
    """Anything stored under the person's key; the session id itself is never stored (a keyed hash is)."""
    services.answer_log.flush()
    text = stored_text(services.engine)
    assert session_id not in text, "session keys are stored as keyed hashes"
    return web_key(services, session_id) in text


def web_key(services: WebServices, session_id: str) -> str:
    return services.conversations.key_of("web", session_id)


def test_forget_removes_the_person_from_every_table(client: TestClient, services: WebServices) -> None:
    other = describe_yourself(client)
    session_id = describe_yourself(client)
    services.answer_log.flush()
    assert person_is_stored(services, session_id)
    stored = stored_text(services.engine)
    assert POLICY_QUESTION in stored and '"dibao"' in stored, "the question and the facts were stored"

    asked = chat(client, session_id, message="/forget")
    assert person_is_stored(services, session_id), "/forget only asks"
    assert asked["replies"][0]["buttons"][0][0]["action"] == "cmd:erase"
    reply = chat(client, session_id, choice="cmd:erase")
    assert reply["replies"] and "已删除" in reply["replies"][0]["text"]
    assert not person_is_stored(services, session_id)
    assert services.conversations.state(web_key(services, session_id)) is None
    assert person_is_stored(services, other), "nobody else's data is touched"


def test_staff_delete_a_person_by_web_session_id(
    staff: tuple[TestClient, str], client: TestClient, services: WebServices
) -> None:
    session_id = describe_yourself(client)
    other = describe_yourself(client)
    console, csrf = staff
    review = console.post("/staff/privacy/delete", data={"csrf": csrf, "subject": session_id})
    assert review.status_code == 200 and "确认删除" in review.text and "答复记录 1 条" in review.text
    assert person_is_stored(services, session_id), "the first step only shows what would be deleted"
    page = console.post("/staff/privacy/delete", data={"csrf": csrf, "subject": session_id, "confirm": "yes"})
    assert page.status_code == 200 and "已删除" in page.text and "会话记录 1 条" in page.text
    assert not person_is_stored(services, session_id)
    assert person_is_stored(services, other)
    event = services.audit.recent(1)[0]
    fingerprint = hashlib.sha256(web_key(services, session_id).encode()).hexdigest()[:12]
    assert (event.actor, event.action) == ("zhangsan", "person_deleted")
    assert fingerprint in event.target and session_id not in event.target + event.detail
    assert "答复记录 1 条" in event.detail
    assert "删除个人资料" in console.get("/staff/audit").text


def test_staff_delete_a_telegram_chat_by_its_key(staff: tuple[TestClient, str], services: WebServices) -> None:
    key = services.conversations.key_of("telegram", 5550001)
    services.conversations.handle(key, Turn(text=SELF_DESCRIPTION))
    services.conversations.handle(key, Turn(action="ok"))
    assert services.conversations.state(key) is not None
    console, csrf = staff
    page = console.post("/staff/privacy/delete", data={"csrf": csrf, "subject": " telegram:5550001 ", "confirm": "yes"})
    assert page.status_code == 200 and "会话记录 1 条" in page.text
    assert services.conversations.state(key) is None
    assert "5550001" not in stored_text(services.engine)


def test_the_answer_page_deletes_the_asker_with_one_button(
    staff: tuple[TestClient, str], client: TestClient, services: WebServices
) -> None:
    session_id = describe_yourself(client)
    services.answer_log.flush()
    entry = next(e for e in services.answer_log.entries(limit=50) if e.session_key == web_key(services, session_id))
    console, _ = staff
    page = console.get(f"/staff/answers/{entry.id}").text
    assert 'action="/staff/privacy/delete"' in page and f'name="answer" value="{entry.id}"' in page
    assert session_id not in page, "staff pages show a fingerprint, never the person's session key"
    csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    review = console.post("/staff/privacy/delete", data={"csrf": csrf, "answer": str(entry.id)}).text
    assert 'name="confirm" value="yes"' in review and person_is_stored(services, session_id)
    assert session_id not in review and fingerprint(web_key(services, session_id)) in review
    console.post("/staff/privacy/delete", data={"csrf": csrf, "answer": str(entry.id), "confirm": "yes"})
    assert not person_is_stored(services, session_id)
    assert console.get(f"/staff/answers/{entry.id}").status_code == 404


def test_an_answer_asked_through_the_api_is_deleted_by_staff_on_its_own(
    staff: tuple[TestClient, str], client: TestClient, services: WebServices
) -> None:
    """/api/ask keeps no conversation, so the logged question is the only record of the person
    (issue 14: such rows could not be deleted at all)."""
    question = "我叫李明，身份证号220102199001011234，长春开店有创业补贴吗？"
    assert client.post("/api/ask", json={"question": question}).status_code == 200
    services.answer_log.flush()
    entry = next(e for e in services.answer_log.entries(limit=50) if e.question == question)
    assert entry.session_key is None
    console, _ = staff
    page = console.get(f"/staff/answers/{entry.id}").text
    assert f'name="answer" value="{entry.id}"' in page and "删除这条答复记录" in page
    csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    review = console.post("/staff/privacy/delete", data={"csrf": csrf, "answer": str(entry.id)}).text
    assert 'name="confirm" value="yes"' in review and services.answer_log.entry(entry.id) is not None
    done = console.post("/staff/privacy/delete", data={"csrf": csrf, "answer": str(entry.id), "confirm": "yes"})
    assert done.status_code == 200 and f"已删除答复 #{entry.id}" in done.text
    assert services.answer_log.entry(entry.id) is None
    assert "220102199001011234" not in stored_text(services.engine)
    assert services.audit.recent(1)[0].action == "person_deleted"
    gone = console.post("/staff/privacy/delete", data={"csrf": csrf, "answer": str(entry.id)})
    assert gone.status_code == 404


def test_staff_deletion_without_the_csrf_token_deletes_nothing(
    staff: tuple[TestClient, str], client: TestClient, services: WebServices
) -> None:
    session_id = describe_yourself(client)
    console, _ = staff
    forged = console.post("/staff/privacy/delete", data={"csrf": "forged", "subject": session_id, "confirm": "yes"})
    missing = console.post("/staff/privacy/delete", data={"subject": session_id})
    assert forged.status_code == missing.status_code == 403
    assert person_is_stored(services, session_id)


def test_staff_deletion_without_login_deletes_nothing(services: WebServices, client: TestClient) -> None:
    session_id = describe_yourself(client)
    with TestClient(create_app(services)) as anonymous:
        response = anonymous.post(
            "/staff/privacy/delete",
            data={"csrf": "x", "subject": session_id, "confirm": "yes"},
            follow_redirects=False,
        )
    assert response.status_code == 303 and response.headers["location"].startswith("/staff/login")
    assert person_is_stored(services, session_id)


@pytest.mark.parametrize("subject", ["", "abc", "mail:someone", "web:has space", "DROP TABLE answer_log;--"])
def test_staff_deletion_of_something_that_is_not_a_key_is_refused(staff: tuple[TestClient, str], subject: str) -> None:
    console, csrf = staff
    page = console.post("/staff/privacy/delete", data={"csrf": csrf, "subject": subject})
    assert page.status_code == 422 and "会话编号" in page.text


@pytest.mark.parametrize(
    "raw, key",
    [
        ("AbCdEfGhIjKlMnOpQrStUvWx", ("web", "AbCdEfGhIjKlMnOpQrStUvWx")),
        ("web:AbCdEfGhIjKlMnOpQrStUvWx", ("web", "AbCdEfGhIjKlMnOpQrStUvWx")),
        ("telegram:123456789", ("telegram", "123456789")),
        ("terminal:staff", ("terminal", "staff")),
        ("telegram:12 34", None),
        ("12345", None),
    ],
)
def test_deletion_subjects_are_session_ids_or_channel_keys(raw: str, key: tuple[str, str] | None) -> None:
    assert parse_subject(raw) == key
