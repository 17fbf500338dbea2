"""`policybot serve` and `policybot staff add` as real processes."""

from __future__ import annotations

import httpx

from .conftest import LiveServer


def test_serve_answers_health_readiness_and_the_api_over_http(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url, timeout=10) as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        assert http.get("/readyz").json()["status"] == "ready"
        answer = http.post("/api/ask", json={"question": "长春开店有创业补贴吗？"}).json()
        assert answer["status"] == "answered" and answer["citations"]
        assert "server" not in http.get("/healthz").headers, "no server banner"


def test_staff_add_creates_an_account_that_can_log_in(live_server: LiveServer) -> None:
    created = live_server.policybot("staff", "add", "wangwu", "--password-stdin", stdin="a long enough secret\n")
    assert created.returncode == 0, created.stderr
    assert "已创建" in created.stderr
    with httpx.Client(base_url=live_server.url, timeout=10, follow_redirects=True) as http:
        page = http.get("/staff/login")
        token = page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        response = http.post("/staff/login", data={"name": "wangwu", "password": "a long enough secret", "csrf": token})
        assert response.status_code == 200 and "工作台" in response.text and "wangwu" in response.text


def test_staff_add_refuses_a_short_password_and_a_duplicate(live_server: LiveServer) -> None:
    short = live_server.policybot("staff", "add", "zhaoliu", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "密码至少" in short.stderr
    live_server.policybot("staff", "add", "qianqi", "--password-stdin", stdin="a long enough secret\n")
    again = live_server.policybot("staff", "add", "qianqi", "--password-stdin", stdin="a long enough secret\n")
    assert again.returncode == 2 and "已存在" in again.stderr
