"""End to end in a real browser: Debian's headless Chromium driven by Playwright.

The widget is embedded with its one script tag on a host page served from another loopback port
(another origin) than the `policybot serve` process. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re

import pytest

from .browsing import ARTIFACTS, CHROMIUM, QUESTION, STAFF, add_staff, ask, desk_context, log_in, open_widget, wait_idle
from .conftest import PARTNER_KEY, LiveServer
from .test_browser_conversation import shot

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's Chromium is not installed (apt-get install -y chromium fonts-noto-cjk); .ci/run installs it",
)


def test_widget_answers_a_question_with_a_citation_that_opens(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    log = frame.locator("#pb-log")
    expect(log).to_have_attribute("role", "log")
    expect(log).to_have_attribute("aria-live", "polite")
    answer = ask(frame, QUESTION)
    expect(answer).to_contain_text("5000元")
    citation = answer.locator("button.cite").first
    expect(citation).to_contain_text("吉林省")
    citation.click()
    sheet = frame.locator("#pb-sheet")
    expect(sheet).to_be_visible()
    expect(sheet).to_have_attribute("role", "dialog")
    quoted = frame.locator("#pb-sheet-text mark")
    expect(quoted).to_contain_text("5000元初创企业补贴")
    expect(frame.locator("#pb-sheet-meta")).to_contain_text("吉林省人民政府")
    expect(frame.locator("#pb-sheet-meta")).to_contain_text(
        "（吉政发〔2017〕32号，吉林省人民政府，2017年10月12日）第（七）条"
    )
    page.screenshot(path=str(ARTIFACTS / "widget-citation.png"))
    frame.locator("#pb-sheet-close").click()
    expect(sheet).to_be_hidden()


def test_enter_does_not_send_while_an_ime_is_composing(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    box = frame.locator("#pb-input")
    box.fill("changchun")
    box.evaluate(
        """el => el.dispatchEvent(new KeyboardEvent('keydown',
             {key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true}))"""
    )
    expect(box).to_have_value("changchun")
    assert frame.locator(".msg.user").count() == 0
    box.fill("长春开店有补贴吗")
    box.press("Enter")
    expect(frame.locator(".msg.user")).to_have_count(1)
    expect(box).to_have_value("")


def test_eligibility_interview_is_completed_with_buttons(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    frame = open_widget(page, host_site)
    frame.get_by_role("button", name=re.compile("查查我能领哪些补贴")).first.click()
    wait_idle(frame)
    for _ in range(40):
        last = frame.locator(".msg.bot").last
        kind = last.get_attribute("data-kind")
        if kind == "results":
            break
        assert kind in {"question", "acknowledge", "confirm"}, last.inner_text()
        choices = last.locator("button.choice:not([disabled])")
        labels = choices.all_inner_texts()
        wanted = next(
            (label for label in ("吉林省", "不清楚", "✔️ 确定") if label in labels), labels[0] if labels else None
        )
        assert wanted, f"a question without buttons: {last.inner_text()}"
        choices.nth(labels.index(wanted)).click()
        wait_idle(frame)
    results = frame.locator(".msg.bot").last
    assert results.get_attribute("data-kind") == "results"
    assert "查询结果" in results.inner_text() and "吉林" in results.inner_text()
    page.screenshot(path=str(ARTIFACTS / "widget-interview-results.png"))


def test_a_disallowed_origin_cannot_frame_the_chat(page, host_site: int, live_server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    page.goto(f"http://localhost:{host_site}/index.html")  # same page, an origin not on the site's list
    with page.expect_response(re.compile(r"/widget/frame\?")) as refused:
        page.locator('button[data-policybot="launcher"]').click()
    assert refused.value.status == 403
    assert "frame-ancestors 'none'" in refused.value.headers["content-security-policy"]
    expect(page.locator("#policybot-frame")).to_be_attached()
    frame = page.frame_locator("#policybot-frame")
    expect(frame.locator("#pb-log")).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "widget-refused-origin.png"))

    # Claiming an allowed origin does not help: the browser enforces frame-ancestors.
    spoofed = f"{live_server.url}/widget/frame?site={PARTNER_KEY}&origin=http://127.0.0.1:{host_site}"
    with page.expect_response(re.compile(r"/widget/frame\?")) as served:
        page.evaluate(
            "src => { const f = document.createElement('iframe'); f.id = 'spoof'; f.src = src; "
            "document.body.appendChild(f); }",
            spoofed,
        )
    assert served.value.status == 200
    page.wait_for_timeout(500)
    expect(page.frame_locator("#spoof").locator("#pb-log")).to_have_count(0)


def test_staff_verify_a_citation_and_the_widget_shows_it_verified(  # type: ignore[no-untyped-def]
    browser, live_server: LiveServer, host_site: int
) -> None:
    from playwright.sync_api import expect

    add_staff(live_server)
    with desk_context(browser) as context:
        user = context.new_page()
        frame = open_widget(user, host_site)
        question = "资阳市创业担保贷款额度是多少？"
        first = ask(frame, question)
        expect(first.locator(".verified")).to_have_count(0)

        staff = context.new_page()
        staff.goto(f"{live_server.url}/staff/answers")
        expect(staff).to_have_url(re.compile(r"/staff/login"))
        log_in(staff)
        expect(staff).to_have_url(re.compile(r"/staff/answers$"))
        staff.get_by_role("link", name=question).first.click()
        citation = staff.locator("article.citation").first
        expect(citation.locator("mark")).not_to_have_count(0)
        citation.get_by_role("button", name="✔ 核实无误").click()
        expect(staff.locator("article.citation").first.locator(".badge")).to_have_text("已核实")
        staff.screenshot(path=str(ARTIFACTS / "staff-verified.png"), full_page=True)
        staff.goto(f"{live_server.url}/staff/audit")
        expect(staff.locator("table")).to_contain_text("核实引用")

        again = ask(frame, question)
        expect(again.locator(".verified").first).to_have_text("原文已核实")
        user.screenshot(path=str(ARTIFACTS / "widget-verified.png"))


def test_staff_judge_one_answer_apart_from_its_quote_and_see_the_askers_report(  # type: ignore[no-untyped-def]
    browser, live_server: LiveServer, host_site: int
) -> None:
    """Session 27 walkthrough: ⚑ with an empty note stays on the answer page with a polite request; a
    verdict on one answer takes 原文已核实 off that answer only; the asker's report is on the page."""
    from playwright.sync_api import expect

    live_server.policybot("staff", "add", STAFF[0], "--password-stdin", stdin=STAFF[1] + "\n")
    with desk_context(browser) as context:
        user = context.new_page()
        frame = open_widget(user, host_site)
        question = "平顶山失业了，补助金可以领几个月"
        first = ask(frame, question)
        feedback = first.get_by_role("group", name="这条回答有帮助吗？")
        feedback.get_by_role("button", name="报告问题").click()
        feedback.get_by_label("哪里有问题？（可不填）").fill("我问的是月数，没看到")
        feedback.get_by_role("button", name="提交").click()
        expect(feedback.get_by_role("status")).to_contain_text("谢谢您报告问题")

        staff = context.new_page()
        staff.goto(f"{live_server.url}/staff/answers")
        if "/staff/login" in staff.url:
            log_in(staff)
        staff.get_by_role("link", name=question).first.click()
        answer_page = staff.url
        expect(staff.locator("#feedback-title")).to_have_text("提问者的反馈（1）")
        expect(staff.locator("section.feedback")).to_contain_text("我问的是月数，没看到")
        citation = staff.locator("article.citation").first
        citation.locator("form.quote-mark").get_by_role("button", name="✔ 核实无误").click()
        expect(staff).to_have_url(re.compile(r"/staff/answers/\d+#citation-\d+$"))

        # ⚑ with no note: the same answer page, the request beside the form, the note field focused.
        citation = staff.locator("article.citation").first
        citation.locator("form.answer-verdict").get_by_role("button", name="⚑ 这条答复有问题").click()
        expect(staff).to_have_url(re.compile(r"/staff/answers/\d+\?note_for=\d+&form=answer$"))
        assert staff.url.split("?")[0] == answer_page.split("#")[0]
        alert = staff.locator("form.answer-verdict [role=alert]")
        expect(alert).to_contain_text("请在备注里写一句哪里不对")
        focused = staff.evaluate(
            "() => document.activeElement.closest('form').className + ':' + document.activeElement.name"
        )
        assert focused == "mark answer-verdict:note", focused
        expect(staff.get_by_text("出错了")).to_have_count(0)
        staff.screenshot(path=str(ARTIFACTS / "web27-staff-note-asked.png"), full_page=True)
        staff.locator("form.answer-verdict input[name=note]").fill("月数在第二句，答复没引到")
        staff.locator("form.answer-verdict").get_by_role("button", name="⚑ 这条答复有问题").click()
        citation = staff.locator("article.citation").first
        expect(citation.locator(".badge.verdict")).to_have_text("本条答复：答复有问题")
        expect(citation.locator(".badge").first).to_have_text("已核实")
        staff.screenshot(path=str(ARTIFACTS / "web27-staff-verdict.png"), full_page=True)

        # The quote is verified everywhere; the answer judged wrong loses its badge, a new one keeps it.
        again = ask(frame, question)
        expect(again.locator(".verified").first).to_have_text("原文已核实")
        frame = open_widget(user, host_site)
        answers = frame.locator('.msg.bot[data-kind="answer"]')
        expect(answers).to_have_count(2)
        expect(answers.first.locator(".verified")).to_have_count(0)
        expect(answers.last.locator(".verified").first).to_have_text("原文已核实")
        shot(user, "web27-widget-badge-per-answer.png")


def test_widget_fills_a_phone_screen(browser, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    context = browser.new_context(
        locale="zh-CN", viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    try:
        phone = context.new_page()
        frame = open_widget(phone, host_site)
        ask(frame, "巴中市返乡创业有什么扶持？")
        box = phone.locator("#policybot-frame").bounding_box()
        assert box and box["width"] == 375 and box["height"] == 740
        phone.screenshot(path=str(ARTIFACTS / "widget-phone.png"))
        frame.get_by_role("button", name="关闭政策咨询窗口").click()
        expect(phone.locator("#policybot-frame")).to_be_hidden()
        expect(phone.locator('button[data-policybot="launcher"]')).to_be_visible()
    finally:
        context.close()


def test_the_loader_ignores_messages_that_do_not_come_from_the_chat_frame(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    widget = page.locator("#policybot-frame")
    page.evaluate("window.postMessage({type: 'policybot:close'}, '*')")  # the host page's own origin
    page.wait_for_timeout(300)
    expect(widget).to_be_visible()
    frame.get_by_role("button", name="关闭政策咨询窗口").click()  # the real frame, our origin
    expect(widget).to_be_hidden()
    expect(page.locator('button[data-policybot="launcher"]')).to_be_focused()
