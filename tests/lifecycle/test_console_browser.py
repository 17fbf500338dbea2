"""Staff add a document in headless Chromium (Debian's, through Playwright's executable_path): log
in, upload a real file, check the extracted metadata and the clauses beside the original, publish
— and the same running server answers from it within seconds. A real `policybot serve` process on
a real SQLite file."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.scaleout.replicas import Replica, replica_env, staffed_replica
from tests.web.browsing import ARTIFACTS, CHROMIUM, log_in

DATA = Path(__file__).with_name("data")
STAFF = ("文件管理员", "a long enough secret")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    root = tmp_path_factory.mktemp("console-browser")
    env = replica_env(root / "data", f"sqlite:///{root / 'policybot.sqlite3'}", POLICYBOT_DOCUMENTS_REFRESH_SECONDS="1")
    env.pop("POLICYBOT_CHROMA_URL", None)
    with staffed_replica("console", env, root, STAFF) as replica:
        yield replica


def test_staff_upload_review_and_publish_in_chromium_and_the_server_answers_from_it(  # type: ignore[no-untyped-def]
    browser, server: Replica
) -> None:
    from playwright.sync_api import expect

    question = {"question": "长春市就业见习补贴每月多少钱", "as_of": "2026-06-01"}
    before = httpx.post(f"{server.url}/api/ask", json=question, timeout=30).json()
    assert not any(c["clause_id"].startswith("changchun-") for c in before["citations"])

    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(f"{server.url}/staff/library")
    expect(page).to_have_url(re.compile(r"/staff/login"))
    log_in(page, STAFF)
    expect(page).to_have_url(re.compile(r"/staff/library$"))
    expect(page.locator('tr[data-state="published"]')).to_have_count(5)

    # A file that is not a policy: refused in Chinese, nothing stored.
    page.locator('input[type="file"]').set_input_files(
        files=[{"name": "recipe.txt", "mimeType": "text/plain", "buffer": "红烧肉的做法\n1. 五花肉切块。\n".encode()}]
    )
    page.get_by_role("button", name="上传").click()
    expect(page.get_by_role("alert")).to_contain_text("看起来不是政策文件")
    expect(page.locator("tbody tr")).to_have_count(5)

    page.locator('input[type="file"]').set_input_files(str(DATA / "changchun_trainee_2025.txt"))
    page.get_by_role("button", name="上传").click()
    expect(page).to_have_url(re.compile(r"/staff/library/changchun-2025$"))
    metadata = page.locator("#metadata")
    expect(metadata).to_contain_text("长府办发〔2025〕3号")
    expect(metadata).to_contain_text("吉林省长春市")
    expect(metadata).to_contain_text("待审核")
    expect(page.locator("section.clauses li")).to_have_count(4)
    expect(page.locator("section.original pre")).to_contain_text("经市政府同意，现将")
    page.screenshot(path=str(ARTIFACTS / "staff-document-review.png"), full_page=True)

    # Correct the extracted metadata before publishing: an unknown place is refused, a date is fixed.
    page.get_by_text("修改提取的信息").click()
    page.get_by_label("适用地区").fill("火星市")
    page.get_by_role("button", name="保存修改").click()
    expect(page.get_by_role("alert")).to_contain_text("行政区划表中没有找到“火星市”")
    expect(page.locator("#metadata")).to_contain_text("吉林省长春市")
    page.get_by_label("适用地区").fill("吉林省长春市")
    page.get_by_label("施行日期").fill("2025-02-15")
    page.get_by_role("button", name="保存修改").click()
    expect(page.get_by_role("status")).to_contain_text("已更新 changchun-2025 的施行日期")
    expect(page.locator("#metadata")).to_contain_text("2025-02-15")
    page.get_by_text("修改提取的信息").click()
    page.screenshot(path=str(ARTIFACTS / "staff-document-edit.png"), full_page=True)

    page.get_by_role("button", name="确认无误，发布").click()
    expect(page.get_by_role("status")).to_contain_text("已发布 changchun-2025")
    expect(page.locator("#metadata")).to_contain_text("已发布")
    context.close()

    started = time.monotonic()
    while True:
        answer = httpx.post(f"{server.url}/api/ask", json=question, timeout=30).json()
        if answer["citations"] and answer["citations"][0]["clause_id"] == "changchun-2025-03":
            break
        assert time.monotonic() - started < 60, "the published document was not answered from within 60 s"
        time.sleep(0.3)
    assert "2000元" in answer["answer"]
    print(f"published in the console → answered after {time.monotonic() - started:.1f} s")


def test_staff_upload_rules_for_the_published_document_in_chromium_and_eligibility_uses_them(  # type: ignore[no-untyped-def]
    browser, server: Replica
) -> None:
    """After the first test published 长春's document: eligibility lists it as 条件尚未整理成规则; a
    misquoted rules file is refused with its line numbers in Chinese; a valid one is stored and the
    same running server judges with it within seconds (no restart)."""
    from playwright.sync_api import expect

    person = {"region": "长春", "education": "college", "employment_status": "unemployed", "as_of": "2026-06-01"}
    before = httpx.post(f"{server.url}/api/check", json=person, timeout=30).json()
    assert [d["id"] for d in before["pending_documents"]] == ["changchun-2025"], before
    assert before["benefits"] == []

    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(f"{server.url}/staff/library/changchun-2025")
    log_in(page, STAFF)
    expect(page).to_have_url(re.compile(r"/staff/library/changchun-2025$"))
    expect(page.locator("section.rules")).to_contain_text("还没有规则")

    rules = DATA / "rules"
    page.get_by_label("规则文件").set_input_files(str(rules / "changchun_trainee_subsidy_misquoted.yaml"))
    page.get_by_role("button", name="检查并保存规则").click()
    expect(page.get_by_role("alert")).to_contain_text("规则没有保存")
    problems = page.locator("ul.rules-problems")
    expect(problems).to_contain_text("第9行（sources[0].quote）：引文未逐字出现在条款 changchun-2025-03 中")
    expect(problems).to_contain_text("第22行（amount.text）：数字“3000”未出现在所引条款 changchun-2025-03 中")
    page.screenshot(path=str(ARTIFACTS / "staff-rules-refused.png"), full_page=True)

    page.get_by_label("规则文件").set_input_files(str(rules / "changchun_trainee_subsidy.yaml"))
    page.get_by_role("button", name="检查并保存规则").click()
    expect(page.get_by_role("status")).to_contain_text("已保存 1 个规则文件")
    expect(page.locator('tr[data-rules="changchun_trainee_subsidy"]')).to_contain_text("就业见习补贴（长春）")
    page.locator("section.rules").screenshot(path=str(ARTIFACTS / "staff-rules-stored.png"))
    context.close()

    started = time.monotonic()
    while True:
        after = httpx.post(f"{server.url}/api/check", json=person, timeout=30).json()
        if after["benefits"]:
            break
        assert time.monotonic() - started < 60, "the uploaded rules were not used within 60 s"
        time.sleep(0.3)
    assert after["pending_documents"] == []
    (benefit,) = after["benefits"]
    assert benefit["id"] == "changchun-2025.changchun_trainee_subsidy" and benefit["status"] == "employer_only"
    print(f"rules stored in the console → used by /api/check after {time.monotonic() - started:.1f} s")
