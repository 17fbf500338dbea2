"""The staff console: login, CSRF, pages, verification marks, audit trail, CSV export, sites."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from bot.web.accounts import AccountError
from bot.web.app import create_app
from bot.web.services import WebServices

from .conftest import STAFF_NAME, STAFF_PASSWORD, login

CONSOLE_PAGES = [
    "/staff",
    "/staff/documents",
    "/staff/documents/jilin-2017",
    "/staff/clauses/jilin-2017-07",
    "/staff/answers",
    "/staff/answers/1",
    "/staff/audit",
    "/staff/export/answers.csv",
    "/staff/sites",
]
CONSOLE_POSTS = ["/staff/citations/1/mark", "/staff/sites", "/staff/sites/x/remove", "/staff/logout"]


@pytest.fixture(scope="module")
def anonymous(services: WebServices) -> TestClient:
    return TestClient(create_app(services))


def answered_citation(client: TestClient, services: WebServices, question: str) -> tuple[int, int, dict]:
    """Ask a question through the API; returns (answer id, first citation id, the citation as served)."""
    body = client.post("/api/ask", json={"question": question}).json()
    services.answer_log.flush()
    entry = next(e for e in services.answer_log.entries(limit=20) if e.question == body["question"])
    return entry.id, entry.citations[0].id, body["citations"][0]


@pytest.mark.parametrize("path", CONSOLE_PAGES)
def test_console_page_without_login_redirects_to_login(anonymous: TestClient, path: str) -> None:
    response = anonymous.get(path, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/staff/login")


@pytest.mark.parametrize("path", CONSOLE_POSTS)
def test_console_post_without_login_changes_nothing(anonymous: TestClient, path: str) -> None:
    response = anonymous.post(path, data={"csrf": "x", "status": "verified"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/staff/login?next=/staff"


def test_wrong_password_is_refused_and_audited(
    anonymous: TestClient, services: WebServices, staff_account: str
) -> None:
    page = anonymous.get("/staff/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    response = anonymous.post(
        "/staff/login", data={"name": STAFF_NAME, "password": "wrong password!", "csrf": token}, follow_redirects=False
    )
    assert response.status_code == 401 and "账号或密码不正确" in response.text
    assert "policybot_staff" not in response.cookies
    assert services.audit.recent(1)[0].action == "login_failed"


def test_login_form_without_its_token_is_refused(anonymous: TestClient, staff_account: str) -> None:
    response = anonymous.post(
        "/staff/login", data={"name": STAFF_NAME, "password": STAFF_PASSWORD, "csrf": "forged"}, follow_redirects=False
    )
    assert response.status_code == 403 and "policybot_staff" not in response.cookies


def test_session_cookie_is_httponly_strict_and_scoped(services: WebServices, staff_account: str) -> None:
    with TestClient(create_app(services)) as fresh:
        page = fresh.get("/staff/login")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        response = fresh.post(
            "/staff/login", data={"name": STAFF_NAME, "password": STAFF_PASSWORD, "csrf": token}, follow_redirects=False
        )
    cookie = next(v for k, v in response.headers.multi_items() if k == "set-cookie" and "policybot_staff=" in v)
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/staff" in cookie


@pytest.mark.parametrize("path", [*CONSOLE_PAGES[:-2], "/staff/sites"])
def test_console_pages_render_after_login(staff_client: tuple[TestClient, str], services: WebServices,
                                          path: str) -> None:  # fmt: skip
    client, _ = staff_client
    answered_citation(client, services, "长春开店有创业补贴吗？")
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_clause_page_shows_original_and_normalized_text_benefits_and_quotes(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, _ = staff_client
    _, _, citation = answered_citation(client, services, "长春开店有创业补贴吗？")
    page = client.get(f"/staff/clauses/{citation['clause_id']}").text
    clause = services.kb.registry.get(citation["clause_id"])
    assert "来源原文" in page and "规范化文本" in page
    assert clause.original_text[:20] in page
    assert f"<mark>{citation['quote']}</mark>" in page
    assert "jilin.startup_subsidy" in page or "初创企业补贴" in page
    assert "长春开店有创业补贴吗" in page


def test_document_page_lists_metadata_quality_and_clauses(staff_client: tuple[TestClient, str]) -> None:
    client, _ = staff_client
    page = client.get("/staff/documents/pingdingshan-2020").text
    assert "征求意见稿" in page and "入库质量报告" in page and "/staff/clauses/pingdingshan-2020-13" in page


def test_a_time_limited_measure_shows_its_dates_never_none(staff_client: tuple[TestClient, str]) -> None:
    # jilin-2017 has a measure that starts on a date (自2017年1月1日起) and states no end.
    client, _ = staff_client
    page = client.get("/staff/documents/jilin-2017").text
    assert "时限性措施" in page
    assert "None" not in page
    assert "自 2017-01-01 起" in page


def test_the_quality_report_names_clauses_by_their_labels(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, _ = staff_client
    report = next(r for r in services.kb.registry.quality_reports() if r.document_id == "jilin-2017")
    with_clause = [i for i in report.issues if i.clause_id]
    assert with_clause, "the 吉林 scrape has repaired spans tied to clauses"
    page = client.get("/staff/documents/jilin-2017").text
    table = page.split("入库质量报告", 1)[1].split("<h2>条款", 1)[0]
    label = services.kb.registry.get(with_clause[0].clause_id).label
    assert f'">{label}</a>' in table
    assert f'">{with_clause[0].clause_id}</a>' not in table


def test_verifying_a_citation_shows_verified_to_users(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, csrf = staff_client
    question = "资阳市创业担保贷款额度是多少？"
    answer_id, citation_id, before = answered_citation(client, services, question)
    assert before["verified"] is False
    page = client.get(f"/staff/answers/{answer_id}").text
    assert f"<mark>{before['quote']}</mark>" in page
    response = client.post(
        f"/staff/citations/{citation_id}/mark", data={"csrf": csrf, "status": "verified", "note": ""},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303
    after = client.post("/api/ask", json={"question": question}).json()["citations"][0]
    assert after["clause_id"] == before["clause_id"] and after["verified"] is True
    clause = client.get(f"/api/clauses/{before['clause_id']}").json()
    assert before["quote"] in clause["verified_quotes"]
    event = services.audit.recent(1)[0]
    assert (event.actor, event.action, event.target) == (STAFF_NAME, "citation_verified", before["clause_id"])


def test_flagging_needs_a_note_and_overrides_verified(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, csrf = staff_client
    question = "平顶山失业补助金怎么领？"
    _, citation_id, _ = answered_citation(client, services, question)
    client.post(f"/staff/citations/{citation_id}/mark", data={"csrf": csrf, "status": "verified"})
    no_note = client.post(
        f"/staff/citations/{citation_id}/mark", data={"csrf": csrf, "status": "flagged"}, follow_redirects=False
    )
    # (session 27) back to the answer page, asking for the note — no bare error page
    assert no_note.status_code == 303 and f"note_for={citation_id}" in no_note.headers["location"]
    client.post(f"/staff/citations/{citation_id}/mark", data={"csrf": csrf, "status": "flagged", "note": "引文截断"})
    assert client.post("/api/ask", json={"question": question}).json()["citations"][0]["verified"] is False
    assert services.audit.recent(1)[0].detail.endswith("备注：引文截断")


def test_marking_with_a_forged_csrf_token_is_refused(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, _ = staff_client
    answer_id, citation_id, _ = answered_citation(client, services, "商洛市职业培训补贴")
    key = services.answer_log.entry(answer_id).citations[0].quote_key  # type: ignore[union-attr]
    response = client.post(f"/staff/citations/{citation_id}/mark", data={"csrf": "forged", "status": "verified"})
    assert response.status_code == 403 and "CSRF" in response.text
    assert services.answer_log.history(key) == []


def test_csv_export_has_a_bom_one_row_per_citation_and_marks(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, csrf = staff_client
    _, citation_id, _ = answered_citation(client, services, "吉林省技能提升补贴")
    client.post(f"/staff/citations/{citation_id}/mark", data={"csrf": csrf, "status": "verified"})
    response = client.get("/staff/export/answers.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert list(rows[0]) == ["回答编号", "时间（UTC）", "渠道", "问题", "回答状态", "地区", "引用序号", "条款编号",
                             "引用原文", "核对结果", "核对备注", "核对人", "核对时间（UTC）",
                             "本条答复的判断", "判断备注", "判断人", "判断时间（UTC）"]  # fmt: skip
    marked = [r for r in rows if r["问题"] == "吉林省技能提升补贴" and r["引用序号"] == "1"]
    assert marked and marked[-1]["核对结果"] == "已核实" and marked[-1]["核对人"] == STAFF_NAME
    assert services.audit.recent(1)[0].action == "export"


def test_audit_page_shows_who_did_what(staff_client: tuple[TestClient, str]) -> None:
    client, _ = staff_client
    page = client.get("/staff/audit").text
    assert STAFF_NAME in page and "登录" in page


def test_sites_can_be_registered_and_removed_with_audit(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, csrf = staff_client
    bad = client.post("/staff/sites", data={"csrf": csrf, "name": "坏", "origins": "https://x.gov.cn/path"})
    assert bad.status_code == 422 and "路径" in bad.text
    client.post("/staff/sites", data={"csrf": csrf, "name": "长春人社", "origins": "HTTPS://WWW.CC.GOV.CN:443/"})
    site = next(s for s in services.sites.all() if s.name == "长春人社")
    assert site.origins == ("https://www.cc.gov.cn",)
    frame = client.get("/widget/frame", params={"site": site.key, "origin": "https://www.cc.gov.cn"})
    assert frame.status_code == 200
    client.post(f"/staff/sites/{site.key}/remove", data={"csrf": csrf})
    assert services.sites.get(site.key) is None
    assert [e.action for e in services.audit.recent(2)] == ["site_removed", "site_added"]


def test_logout_ends_the_session(services: WebServices, staff_account: str) -> None:
    with TestClient(create_app(services)) as own:
        csrf = login(own)
        own.post("/staff/logout", data={"csrf": csrf})
        assert own.get("/staff", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    "name, password, problem",
    [
        ("a", "long enough password", "账号名"),
        ("lisi", "short", "密码至少"),
        (STAFF_NAME, "another long one", "已存在"),
    ],
)
def test_bad_accounts_are_refused_with_the_reason(
    services: WebServices, staff_account: str, name: str, password: str, problem: str
) -> None:
    with pytest.raises(AccountError, match=problem):
        services.accounts.add(name, password)


def test_passwords_are_stored_as_argon2_hashes(services: WebServices, staff_account: str) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from bot.tables import StaffAccount

    with Session(services.engine) as session:
        stored = session.scalar(select(StaffAccount.password_hash).where(StaffAccount.name == STAFF_NAME))
    assert stored and stored.startswith("$argon2id$") and STAFF_PASSWORD not in stored


@pytest.mark.parametrize(
    "planted", ['=HYPERLINK("http://evil.example","点我")', "+1+1", "-2+3", "@SUM(A1:A2)", "＝1+1"]
)
def test_csv_export_neutralises_formula_cells_planted_through_the_api(
    staff_client: tuple[TestClient, str], services: WebServices, planted: str
) -> None:
    """OWASP CSV injection: a question that starts like a formula is exported as text, not run."""
    client, _ = staff_client
    assert client.post("/api/ask", json={"question": planted + " 吉林创业补贴"}).status_code == 200
    services.answer_log.flush()
    text = client.get("/staff/export/answers.csv").text.lstrip("\ufeff")
    questions = [row["问题"] for row in csv.DictReader(io.StringIO(text))]
    assert any(q.startswith("'") and planted[1:] in q for q in questions)
    assert not any(q.startswith(("=", "+", "-", "@", "＝")) for q in questions)


def test_staff_pages_are_never_cached(staff_client: tuple[TestClient, str]) -> None:
    client, _ = staff_client
    for path in ("/staff", "/staff/export/answers.csv", "/staff/login"):
        assert client.get(path).headers["cache-control"] == "no-store", path
    assert "no-store" not in client.get("/healthz").headers.get("cache-control", "")


def test_health_checks_answer_head(anonymous: TestClient) -> None:
    for path in ("/healthz", "/readyz"):
        response = anonymous.head(path)
        assert response.status_code == 200 and response.content == b"", path


def test_the_answers_export_keeps_the_channel_the_page_is_filtered_by(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, _ = staff_client
    services.answer_log.record("telegram", "电报渠道的问题", "回答", ())
    assert client.post("/api/ask", json={"question": "吉林创业补贴"}).status_code == 200
    services.answer_log.flush()
    page = client.get("/staff/answers?show=all&channel=telegram").text
    assert 'href="/staff/export/answers.csv?channel=telegram"' in page
    text = client.get("/staff/export/answers.csv?channel=telegram").text.lstrip("\ufeff")
    channels = {row["渠道"] for row in csv.DictReader(io.StringIO(text))}
    assert channels == {"telegram"}
    everything = client.get("/staff/export/answers.csv").text.lstrip("\ufeff")
    assert len({row["渠道"] for row in csv.DictReader(io.StringIO(everything))}) > 1
