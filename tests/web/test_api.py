"""The JSON API through the real app: every route, with good and bad input."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from bot.present.answers import answer_result
from bot.web.app import create_app
from bot.web.services import WebServices
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from .conftest import make_services

QUESTION = "长春开店有创业补贴吗？"


def assert_error(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == "error" and body["code"] == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["error"]), "the message is Chinese"
    return body


# -- /api/ask -----------------------------------------------------------------------------------


def test_ask_returns_the_cli_answer_object_with_verified_flags(client: TestClient, services: WebServices) -> None:
    response = client.post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 200
    body = response.json()
    expected = answer_result(services.kb.answerer.answer(QUESTION, None, date.today())).model_dump(mode="json")
    assert body["status"] == "answered" and body["region"] == "吉林省"
    assert [c["clause_id"] for c in body["citations"]] == [c["clause_id"] for c in expected["citations"]]
    assert {k: v for k, v in body.items() if k != "citations"} == {
        k: v for k, v in expected.items() if k != "citations"
    }
    for got, want in zip(body["citations"], expected["citations"], strict=True):
        assert got.pop("verified") is False
        assert got == want


def test_ask_with_a_region_answers_for_that_region(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "开店有补贴吗", "region": "延吉"}).json()
    assert body["region"] == "吉林省"


def test_ask_for_an_uncovered_place_says_so_without_citations(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "北京市朝阳区创业补贴多少钱？"}).json()
    assert body["status"] == "region_not_covered" and body["citations"] == []


@pytest.mark.parametrize(
    "payload",
    [pytest.param({"question": "   "}, id="blank"), pytest.param({"question": "补" * 1500}, id="over-1000-chars")],
)
def test_ask_refuses_a_question_outside_the_schema_as_an_invalid_request(client: TestClient, payload: dict) -> None:
    assert_error(client.post("/api/ask", json=payload), 422, "invalid_request")


@pytest.mark.parametrize(
    ("question", "hint"),
    [("？？！！……", "请用中文描述"), ("qwzx vbnm", "")],
    ids=["punctuation-only", "latin-gibberish"],
)
def test_a_well_formed_question_we_cannot_read_is_answered_with_what_to_ask_instead(
    client: TestClient, question: str, hint: str
) -> None:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "no_answer" and body["citations"] == [] and body["question"] == question
    assert hint in body["answer"] and re.search(r"[\u4e00-\u9fff]", body["answer"]), "a Chinese hint"


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({}, id="no-question"),
        pytest.param({"question": ""}, id="empty"),
        pytest.param({"question": 42}, id="not-a-string"),
        pytest.param({"question": "补贴", "regoin": "长春"}, id="unknown-field"),
        pytest.param({"question": "补贴", "as_of": "2020-13-01"}, id="bad-date"),
        pytest.param(["补贴"], id="not-an-object"),
    ],
)
def test_ask_rejects_malformed_requests_naming_the_field(client: TestClient, payload: object) -> None:
    body = assert_error(client.post("/api/ask", json=payload), 422, "invalid_request")
    assert body["detail"], "the fields at fault are listed"


@pytest.mark.parametrize("content", [b"question=hi", b'{"question": '], ids=["form", "cut"])
def test_ask_with_a_body_that_is_not_json_is_a_clear_error(client: TestClient, content: bytes) -> None:
    response = client.post("/api/ask", content=content, headers={"content-type": "application/json"})
    body = assert_error(response, 422, "invalid_request")
    assert body["error"] == "请求内容不是有效的 JSON 对象。", (
        "said as the body's fault, not as a field named by an offset"
    )
    assert [item["field"] for item in body["detail"]] == ["body"]


def test_ask_with_a_body_that_is_not_utf8_text_is_told_so(client: TestClient) -> None:
    response = client.post(
        "/api/ask", content=b'{"question": "\xe8\xa1"}', headers={"content-type": "application/json"}
    )
    body = assert_error(response, 400, "bad_request")
    assert body["error"] == "请求内容不是有效的 JSON 对象。"


def test_ask_answers_are_logged_for_staff(client: TestClient, services: WebServices) -> None:
    client.post("/api/ask", json={"question": "巴中市就业见习补贴标准"})
    services.answer_log.flush()
    latest = services.answer_log.entries(limit=1)[0]
    assert latest.question == "巴中市就业见习补贴标准" and latest.channel == "api"


# -- /api/check ---------------------------------------------------------------------------------


def test_check_returns_the_cli_check_object(client: TestClient, services: WebServices) -> None:
    profile = {"region": "长春", "employment_status": "self_employed", "education": "college", "as_of": "2020-06-01"}
    response = client.post("/api/check", json=profile)
    assert response.status_code == 200
    assert response.json() == {**services.checker.check(profile, date.today()), "warnings": []}
    assert response.json()["jurisdiction"] == "吉林省"


def test_check_says_what_would_open_a_near_miss(client: TestClient) -> None:
    # 吉林（二十）: an insured 企业职工 with a certificate gets 技能提升补贴 — without one, taking it opens it.
    profile = {
        "region": "四平",
        "employment_status": "employed",
        "ui_insured": True,
        "ui_years": 5,
        "certificate_level": "none",
        "received_before": [],
        "as_of": "2018-09-01",
    }
    body = client.post("/api/check", json=profile).json()
    upgrade = next(b for b in body["benefits"] if b["id"] == "jilin.skill_upgrade_subsidy")
    assert upgrade["status"] == "ineligible" and upgrade["opens_to"] == "eligible"
    # Not said whether it was paid before (session 27): a certificate taken opens it only as possibly.
    unsaid = {k: v for k, v in profile.items() if k != "received_before"}
    body = client.post("/api/check", json=unsaid).json()
    upgrade = next(b for b in body["benefits"] if b["id"] == "jilin.skill_upgrade_subsidy")
    assert upgrade["status"] == "ineligible" and upgrade["opens_to"] == "possibly_eligible"
    assert [a["fact"] for a in upgrade["opens_with"]] == ["certificate_level"] and "证书" in upgrade["opens_with_text"]


def test_check_without_facts_asks_for_the_region(client: TestClient) -> None:
    body = client.post("/api/check", json={}).json()
    assert body["status"] == "needs_more_info" and body["next_question"]["fact"] == "region"


def test_check_names_a_misspelled_fact(client: TestClient) -> None:
    body = assert_error(client.post("/api/check", json={"agee": 30}), 422, "bad_profile")
    assert body["detail"]["fact"] == "agee" and "age" in body["detail"]["message_zh"]


def test_check_rejects_a_wrongly_typed_fact(client: TestClient) -> None:
    assert_error(client.post("/api/check", json={"region": "长春", "age": "三十"}), 422, "bad_profile")


@pytest.mark.parametrize("fact", ["age", "ui_years"])
@pytest.mark.parametrize("digits", ["1" + "0" * 400, "-" + "9" * 400, "1e400"])
def test_check_refuses_a_number_beyond_float_range_with_a_clear_error(
    client: TestClient, fact: str, digits: str
) -> None:
    """Issue 14, M2: an integer of 400 digits was a 500 with two tracebacks."""
    body = f'{{"region": "长春", "{fact}": {digits}}}'
    response = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    answer = assert_error(response, 422, "bad_profile")
    assert answer["detail"]["fact"] == fact
    assert client.post("/api/check", json={"region": "长春", "age": 30}).status_code == 200


def test_check_rejects_a_list_body(client: TestClient) -> None:
    assert_error(client.post("/api/check", json=[1, 2]), 422, "invalid_request")


# -- /api/chat ----------------------------------------------------------------------------------


def test_chat_starts_a_session_and_continues_it_with_a_button(client: TestClient) -> None:
    first = client.post("/api/chat", json={"message": "我能领什么补贴？"}).json()
    session_id = first["session_id"]
    question = first["replies"][-1]
    assert question["kind"] == "question" and question["asks"] == "region"
    jilin = next(b for row in question["buttons"] for b in row if b["label"] == "吉林省")
    second = client.post("/api/chat", json={"session_id": session_id, "choice": jilin["action"]}).json()
    assert second["session_id"] == session_id
    assert second["replies"][-1]["kind"] in {"question", "results"}
    assert second["replies"][-1].get("asks") != "region"


def test_chat_policy_question_carries_citations_with_verified_flags(client: TestClient) -> None:
    body = client.post("/api/chat", json={"message": QUESTION}).json()
    answer = next(r for r in body["replies"] if r["kind"] == "answer")
    assert answer["citations"] and all(c["verified"] is False for c in answer["citations"])


def test_chat_replaying_a_turn_id_is_not_handled_twice(client: TestClient, services: WebServices) -> None:
    """A resent turn (a retry after a lost response) gets the replies stored for it, nothing more."""
    first = client.post("/api/chat", json={"message": "我在长春", "turn_id": "t1"}).json()
    key = services.conversations.key_of("web", first["session_id"])
    confirmed = client.post("/api/chat", json={"session_id": first["session_id"], "choice": "ok", "turn_id": "t2"})
    state = services.conversations.state(key)
    again = client.post(
        "/api/chat", json={"session_id": first["session_id"], "message": "我在长春", "turn_id": "t1"}
    ).json()
    assert again == first
    assert services.conversations.state(key) == state, "the session is intact"
    assert state is not None and state.profile.get("region") and confirmed.status_code == 200


def test_chat_forget_deletes_the_session_and_its_logged_answers(client: TestClient, services: WebServices) -> None:
    first = client.post("/api/chat", json={"message": QUESTION}).json()
    key = services.conversations.key_of("web", first["session_id"])
    services.answer_log.flush()
    assert any(e.session_key == key for e in services.answer_log.entries(limit=20))
    client.post("/api/chat", json={"session_id": first["session_id"], "message": "/forget"})
    assert services.conversations.state(key) is not None, "/forget only asks"
    client.post("/api/chat", json={"session_id": first["session_id"], "choice": "cmd:erase"})
    assert services.conversations.state(key) is None
    assert not any(e.session_key == key for e in services.answer_log.entries(limit=200))


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({}, id="neither-message-nor-choice"),
        pytest.param({"message": "你好", "choice": "cmd:help"}, id="both"),
        pytest.param({"message": "你好", "session_id": "short"}, id="bad-session-id"),
        pytest.param({"choice": "x" * 65}, id="choice-too-long"),
        pytest.param({"choice": "查看条款"}, id="choice-not-ascii"),
        pytest.param({"message": "你好", "turn_id": "a b"}, id="bad-turn-id"),
    ],
)
def test_chat_rejects_malformed_turns(client: TestClient, payload: dict) -> None:
    assert_error(client.post("/api/chat", json=payload), 422, "invalid_request")


def test_chat_unknown_button_gets_a_polite_reply_not_an_error(client: TestClient) -> None:
    body = client.post("/api/chat", json={"choice": "ans:nothing:999"}).json()
    assert body["replies"] and body["replies"][0]["kind"] == "notice"


# -- clauses, documents, health -----------------------------------------------------------------


def test_clause_has_normalized_and_original_text(client: TestClient) -> None:
    body = client.get("/api/clauses/jilin-2017-07").json()
    assert body["clause_id"] == "jilin-2017-07" and body["jurisdiction"] == "吉林省"
    assert "5000元" in body["text"] and body["original_text"]
    assert body["verified_quotes"] == []


def test_unknown_clause_is_a_404_naming_it(client: TestClient) -> None:
    body = assert_error(client.get("/api/clauses/jilin-2017-99"), 404, "clause_not_found")
    assert "jilin-2017-99" in body["error"]


def test_clause_id_with_bad_characters_is_rejected(client: TestClient) -> None:
    assert_error(client.get("/api/clauses/JILIN%20..%2F"), 422, "invalid_request")


def test_documents_lists_the_five_with_status_and_quality(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert len(body) == 5
    draft = next(d for d in body if d["jurisdiction"] == "平顶山市")
    assert draft["status"] == "draft" and draft["clause_count"] == 28
    assert all(isinstance(d["quality"], dict) for d in body)


def test_healthz_is_ok(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_is_ready_with_index_and_database(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"index": True, "vectors": True, "database": True}}


def test_readyz_is_503_when_the_database_is_unreachable(kb: KnowledgeBase, databases: Databases) -> None:
    url = databases.new_url()
    services = make_services(kb, url)
    with TestClient(create_app(services)) as test_client:
        services.engine.dispose()
        databases.make_unreachable(url)
        response = test_client.get("/readyz")
    services.close()
    assert response.status_code == 503
    assert response.json()["status"] == "not_ready" and response.json()["checks"]["database"] is False


# -- limits and errors --------------------------------------------------------------------------


def test_a_body_over_the_limit_is_refused_before_parsing(client: TestClient) -> None:
    body = assert_error(client.post("/api/ask", json={"question": "补" * 20_000}), 413, "too_large")
    assert "KB" in body["error"]


def test_a_client_over_the_rate_limit_gets_429_with_retry_after(kb: KnowledgeBase, databases: Databases) -> None:
    services = make_services(kb, databases.new_url(), web_rate_limit="3/minute")
    with TestClient(create_app(services)) as test_client:
        statuses = [test_client.get("/api/documents").status_code for _ in range(4)]
        last = test_client.get("/api/documents")
    services.close()
    assert statuses == [200, 200, 200, 429]
    assert_error(last, 429, "rate_limited")
    assert int(last.headers["retry-after"]) >= 1


def test_unknown_route_and_wrong_method_are_json_errors(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.get("/api/ask"), 405, "method_not_allowed")


def test_openapi_schema_documents_every_api_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/ask", "/api/check", "/api/chat", "/api/clauses/{clause_id}", "/api/documents",
            "/healthz", "/readyz"} <= set(paths)  # fmt: skip
    assert not any(p.startswith("/staff") for p in paths)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-static/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()


def test_answers_logged_just_before_shutdown_are_stored(kb: KnowledgeBase, databases: Databases) -> None:
    url = databases.new_url()
    services = make_services(kb, url)
    with TestClient(create_app(services, owns_services=True)) as test_client:
        test_client.post("/api/ask", json={"question": "商洛市灵活就业社保补贴"})
    reopened = make_services(kb, url)
    assert [e.question for e in reopened.answer_log.entries()] == ["商洛市灵活就业社保补贴"]
    reopened.close()
