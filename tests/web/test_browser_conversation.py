"""The conversation in a real browser (Debian's Chromium through Playwright), issue 12 items 4-6:
the transcript survives a reload and another page of the host site (the loader keeps the id on
the host page: the frame's own storage is blocked on a cross-site host), 新对话 clears it, feedback
reaches the staff queue, a 可多选 question is operated by keyboard alone with focus kept on the
option, and past the rate limit or offline the widget says so in Chinese with 重试.

Screenshots go to test-artifacts/ and, when POLICYBOT_SHOTS is set, to that directory too.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browsing import (
    ARTIFACTS,
    CHROMIUM,
    HOST_PAGE,
    QuietHandler,
    add_staff,
    ask,
    desk_context,
    log_in,
    open_widget,
    wait_idle,
)
from .conftest import PARTNER_KEY, REPO, LiveServer, free_port, wait_ready

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed")
STAFF = ("queue-staff", "a long enough secret")


def shot(target, name: str) -> None:  # type: ignore[no-untyped-def]
    path = ARTIFACTS / name
    target.screenshot(path=str(path))
    extra = os.environ.get("POLICYBOT_SHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(extra) / name)


# What Debian's Chromium does to a frame on a host page of another site: its localStorage throws.
BLOCK_FRAME_STORAGE = """
if (location.origin === %r) {
  Object.defineProperty(window, "localStorage", {
    get() { throw new DOMException("Access is denied for this document.", "SecurityError"); }
  });
}
"""


def test_a_reload_and_another_page_of_the_site_keep_the_transcript(  # type: ignore[no-untyped-def]
    page, host_site: int, live_server: LiveServer
) -> None:
    from playwright.sync_api import expect

    page.context.add_init_script(BLOCK_FRAME_STORAGE % live_server.url)
    frame = open_widget(page, host_site)
    answer = ask(frame, "长春开店有创业补贴吗？")
    expect(answer).to_contain_text("5000元")
    blocked = frame.locator("body").evaluate(
        "() => { try { window.localStorage.getItem('x'); return false; } catch (e) { return true; } }"
    )
    assert blocked, "the frame's own storage throws, as on a cross-site host page"
    stored = page.evaluate("() => Object.keys(window.localStorage).filter(k => k.startsWith('policybot:session:'))")
    assert stored == [f"policybot:session:{PARTNER_KEY}"], "the loader keeps the id on the host page"

    page.reload()
    again = open_widget(page, host_site)
    log = again.locator("#pb-log")
    expect(log.locator(".msg.user")).to_have_text(["长春开店有创业补贴吗？"])
    expect(log.locator('.msg.bot[data-kind="answer"]')).to_contain_text("5000元")
    expect(log.locator('.msg.bot[data-kind="welcome"]')).to_have_count(1)
    assert "/check" not in log.inner_text(), "the web welcome has no slash commands"
    shot(page, "web12-reload-keeps-transcript.png")

    page.goto(f"http://127.0.0.1:{host_site}/other.html")
    assert "另一个页面" in page.content()
    elsewhere = open_widget(page, host_site)
    expect(elsewhere.locator("#pb-log .msg.user")).to_have_text(["长春开店有创业补贴吗？"])
    follow = ask(elsewhere, "那巴中呢？")
    expect(follow).to_contain_text("巴中")


def test_new_conversation_clears_the_transcript_and_old_buttons_are_refused(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    ask(frame, "资阳市创业担保贷款额度是多少？")
    old_id = page.evaluate(f"() => window.localStorage.getItem('policybot:session:{PARTNER_KEY}')")
    log = frame.locator("#pb-log")
    # 新对话 asks first: 取消 (or Escape) keeps the conversation, focus back on 新对话.
    frame.get_by_role("button", name="新对话").click()
    asking = frame.get_by_role("alertdialog")
    expect(asking).to_contain_text("清除这段对话")
    expect(frame.get_by_role("button", name="清除并重新开始")).to_be_focused()
    shot(page, "web12-new-conversation-asks.png")
    frame.get_by_role("button", name="取消").click()
    expect(asking).to_be_hidden()
    expect(frame.get_by_role("button", name="新对话")).to_be_focused()
    expect(log.locator(".msg.user")).to_have_count(1)
    frame.get_by_role("button", name="新对话").click()
    frame.locator("body").press("Escape")
    expect(asking).to_be_hidden()
    expect(log.locator(".msg.user")).to_have_count(1)
    frame.get_by_role("button", name="新对话").click()
    frame.get_by_role("button", name="清除并重新开始").click()
    wait_idle(frame)
    expect(log.locator(".msg.user")).to_have_count(0)
    expect(log.locator('.msg.bot[data-kind="welcome"]')).to_have_count(1)
    new_id = page.evaluate(f"() => window.localStorage.getItem('policybot:session:{PARTNER_KEY}')")
    assert new_id and new_id != old_id
    page.reload()
    again = open_widget(page, host_site)
    expect(again.locator("#pb-log .msg.user")).to_have_count(0)
    expect(again.locator("#pb-log")).not_to_contain_text("创业担保贷款额度")
    shot(page, "web12-new-conversation.png")


def test_a_rating_given_is_shown_pressed_again_after_a_reload(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    answer = ask(frame, "平顶山就业见习补贴标准是多少？")
    feedback = answer.get_by_role("group", name="这条回答有帮助吗？")
    feedback.get_by_role("button", name="👎 没用").click()
    expect(feedback.get_by_role("status")).to_contain_text("谢谢")
    page.reload()
    again = open_widget(page, host_site)
    restored = again.locator('#pb-log .msg.bot[data-kind="answer"]').last.get_by_role(
        "group", name="这条回答有帮助吗？"
    )
    expect(restored.get_by_role("button", name="👎 没用")).to_have_attribute("aria-pressed", "true")
    expect(restored.get_by_role("button", name="👍 有用")).to_have_attribute("aria-pressed", "false")
    shot(page, "web12-rating-restored.png")


def test_a_forgotten_stored_id_starts_a_fresh_conversation(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    page.goto(f"http://127.0.0.1:{host_site}/index.html")
    page.evaluate(f"() => window.localStorage.setItem('policybot:session:{PARTNER_KEY}', 'forgotten-id-000000000')")
    frame = open_widget(page, host_site)
    expect(frame.locator(".msg.notice")).to_have_count(0)
    ask(frame, "巴中市返乡创业有什么扶持？")
    stored = page.evaluate(f"() => window.localStorage.getItem('policybot:session:{PARTNER_KEY}')")
    assert stored != "forgotten-id-000000000"


def test_feedback_and_a_report_reach_the_staff_queue(  # type: ignore[no-untyped-def]
    browser, live_server: LiveServer, host_site: int
) -> None:
    from playwright.sync_api import expect

    add_staff(live_server, STAFF)
    with desk_context(browser) as context:
        user = context.new_page()
        frame = open_widget(user, host_site)
        question = "商洛市创业补贴有多少钱？"
        answer = ask(frame, question)
        feedback = answer.get_by_role("group", name="这条回答有帮助吗？")
        feedback.get_by_role("button", name="👎 没用").click()
        expect(feedback.get_by_role("status")).to_contain_text("谢谢")
        feedback.get_by_role("button", name="报告问题").click()
        feedback.get_by_label("哪里有问题？（可不填）").fill("金额和原文对不上")
        feedback.get_by_role("button", name="提交").click()
        expect(feedback.get_by_role("status")).to_contain_text("谢谢您报告问题")
        shot(user, "web12-feedback.png")

        staff = context.new_page()
        staff.goto(f"{live_server.url}/staff/queue?show=low_rated")
        log_in(staff, STAFF)
        expect(staff).to_have_url(re.compile(r"/staff/queue"))
        staff.get_by_role("link", name=re.compile("差评与报告")).click()
        row = staff.locator("tbody tr", has_text=question).first
        expect(row).to_contain_text("👎 没用")
        expect(row).to_contain_text("金额和原文对不上")
        expect(row).to_contain_text("网页对话")
        expect(staff.locator("table.counts")).to_be_visible()
        shot(staff, "web12-staff-queue.png")

        row.get_by_role("link", name=question).click()
        expect(staff.locator("p.sub")).to_contain_text("网页对话")
        shot(staff, "web12-staff-answer.png")
        staff.get_by_role("button", name=re.compile("删除提问者的全部资料")).click()
        expect(staff.get_by_role("heading", name="确认删除？")).to_be_visible()
        expect(staff.locator("section.confirm")).to_contain_text("答复记录 1 条")
        shot(staff, "web12-staff-delete-confirm.png")
        staff.get_by_role("button", name="确认删除").click()
        expect(staff.get_by_role("status")).to_contain_text("已删除")
        staff.goto(f"{live_server.url}/staff/queue?show=low_rated")
        expect(staff.locator("tbody tr", has_text=question)).to_have_count(0)


def test_a_multi_select_question_is_answered_by_keyboard_alone(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    box = frame.locator("#pb-input")
    box.fill("我在长春")
    box.press("Enter")
    wait_idle(frame)
    box.focus()
    page.keyboard.press("Shift+Tab")  # the last button of the log: ✖️ 不用了, then ✏️, then ✅ 对，继续
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    focused = frame.locator(":focus")
    expect(focused).to_have_text(re.compile("对，继续"))
    page.keyboard.press("Enter")
    wait_idle(frame)
    group = frame.get_by_role("group", name=re.compile("人员类别"))
    options = group.get_by_role("checkbox")
    assert options.count() >= 10
    expect(options.first).to_have_attribute("aria-checked", "false")
    assert "⬜" not in group.inner_text(), "the state is the checkbox's, not an emoji in the label"

    # The group's members are data (facts.yaml): read the last two labels instead of naming them.
    count = options.count()
    last_label = options.last.inner_text().strip()
    second_label = options.nth(count - 2).inner_text().strip()
    box.focus()
    for _ in range(4):  # 不清楚, 都不是 (session 29), 确定, then the last box
        page.keyboard.press("Shift+Tab")
    last = options.last
    expect(last).to_be_focused()
    page.keyboard.press("Space")
    wait_idle(frame)
    expect(options.last).to_have_attribute("aria-checked", "true")
    expect(options.last).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    wait_idle(frame)
    second_last = options.nth(options.count() - 2)
    expect(second_last).to_have_attribute("aria-checked", "true")
    expect(second_last).to_be_focused()
    shot(page, "web12-multiselect-keyboard.png")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(frame.locator(":focus")).to_have_text(re.compile("确定"))
    page.keyboard.press("Enter")
    wait_idle(frame)
    acknowledged = frame.locator('.msg.bot[data-kind="acknowledge"]').last
    expect(acknowledged).to_contain_text(last_label)
    expect(acknowledged).to_contain_text(second_label)
    assert frame.locator(".msg.user").count() == 1, "one echo: the typed message; the answers speak for themselves"


def test_offline_shows_a_chinese_message_and_retry_sends_again(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    page.context.set_offline(True)
    box = frame.locator("#pb-input")
    box.fill("巴中市返乡创业有什么扶持？")
    box.press("Enter")
    problem = frame.locator(".msg.problem")
    expect(problem).to_contain_text("网络好像断开了")
    shot(page, "web12-offline.png")
    page.context.set_offline(False)
    problem.get_by_role("button", name="重试").click()
    wait_idle(frame)
    expect(frame.locator('.msg.bot[data-kind="answer"]')).to_have_count(1)
    expect(frame.locator(".msg.user")).to_have_count(1)


# -- past the rate limit: a server of its own with a small limit ----------------------------------


@pytest.fixture(scope="module")
def limited_server(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """`policybot serve` with 4 requests a minute per address, and its own host page."""
    port, host_port = free_port(), free_port()
    env = {
        **live_server.env,
        "POLICYBOT_WEB_RATE_LIMIT": "4/minute",
        "POLICYBOT_WEB_SITES": json.dumps({PARTNER_KEY: [f"http://127.0.0.1:{host_port}"]}),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    root = tmp_path_factory.mktemp("limited-host")
    (root / "index.html").write_text(HOST_PAGE.format(server=url, key=PARTNER_KEY), encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(root))
    host = http.server.ThreadingHTTPServer(("127.0.0.1", host_port), handler)
    threading.Thread(target=host.serve_forever, daemon=True).start()
    try:
        wait_ready(url, process)
        yield url, host_port
    finally:
        host.shutdown()
        host.server_close()
        process.terminate()
        process.wait(timeout=20)


def test_past_the_rate_limit_the_widget_says_so_in_chinese(browser, limited_server: tuple[str, int]) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    url, host_port = limited_server
    context = browser.new_context(locale="zh-CN", viewport={"width": 1100, "height": 800})
    context.set_default_timeout(15_000)
    try:
        user = context.new_page()
        frame = open_widget(user, host_port)  # the frame page and the welcome: 2 of 4
        box = frame.locator("#pb-input")
        statuses: list[int] = []
        user.on("response", lambda r: statuses.append(r.status) if "/api/chat" in r.url else None)
        for question in ("长春开店有创业补贴吗？", "巴中市返乡创业有什么扶持？", "资阳市创业担保贷款额度是多少？"):
            box.fill(question)
            box.press("Enter")
            wait_idle(frame)
        assert 429 in statuses, statuses
        problem = frame.locator(".msg.problem").last
        expect(problem).to_contain_text("请求太频繁了，请稍等一会儿再试。")
        expect(problem.get_by_role("button", name="重试")).to_be_visible()
        assert "rate_limited" not in frame.locator("#pb-log").inner_text()
        shot(user, "web12-rate-limited.png")
        navigated = user.goto(f"{url}/demo")
        assert navigated is not None and navigated.status == 429
        expect(user.locator("body")).to_contain_text("请求太频繁了")
        shot(user, "web12-rate-limited-page.png")
    finally:
        context.close()


def test_an_uncovered_place_is_said_plainly_and_a_typed_clause_is_an_answer_to_rate(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    """Issue 12 leftovers in the widget: the card for a place no document covers names the covered
    places, and a clause asked for by typing comes back as an answer with its citation and the
    feedback row, the card offered again below it."""
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    frame.locator("#pb-input").fill("我在昆明，今年刚毕业，想开个小店")
    frame.locator("#pb-input").press("Enter")
    wait_idle(frame)
    card = frame.locator('.msg.bot[data-kind="confirm"]').last
    expect(card).to_contain_text("昆明市不在收录范围内")
    expect(card).to_contain_text("商洛市")
    expect(card.get_by_role("button", name=re.compile("收录了哪些文件"))).to_be_visible()
    shot(page, "web12-uncovered-card.png")
    answer = ask(frame, "把吉林（七）的原文发我看看")
    expect(answer).to_contain_text("5000元初创企业补贴")
    expect(answer.locator("button.cite").first).to_contain_text("吉林省")
    expect(answer.get_by_role("group", name="这条回答有帮助吗？")).to_be_visible()
    expect(frame.locator(".msg.bot").last).to_have_attribute("data-kind", "confirm")
    shot(page, "web12-typed-clause.png")


def test_a_clause_quoted_twice_has_one_citation_button_that_marks_both_quotes(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    """An answer quoting two sentences of 吉林（十九） shows one 📄 button for it, and the clause it opens
    has both sentences marked (session 13: the same button appeared twice)."""
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    answer = ask(frame, "吉林失业了学技能考证书有什么补贴")
    buttons = answer.locator(".citations button.cite")
    titles = [buttons.nth(i).inner_text() for i in range(buttons.count())]
    assert len(titles) == len(set(titles)) and any("（十九）" in t for t in titles)
    answer.locator(".citations button.cite", has_text="（十九）").click()
    expect(frame.locator("#pb-sheet-text mark")).to_have_count(2)
    shot(page, "web13-one-button-per-clause.png")


def test_an_older_cards_buttons_are_greyed_out_once_a_newer_card_is_shown(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    """Session 14: a card replaced by a newer one (a correction typed, not a button pressed) keeps no live
    对/有不对的/不用了 — in the widget at once and after a reload; the newest card's buttons work."""
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    log = frame.locator("#pb-log")

    def send(text: str) -> None:
        frame.locator("#pb-input").fill(text)
        frame.locator("#pb-input").press("Enter")
        wait_idle(frame)

    send("我在白山 下岗半年了")
    send("不是白山 是通化")
    cards = log.locator('.msg.bot[data-kind="confirm"]')
    expect(cards).to_have_count(2)
    expect(cards.first.locator("button.choice")).to_have_count(3)
    for button in cards.first.locator("button.choice").all():
        expect(button).to_be_disabled()
    expect(cards.last.locator("button.choice").first).to_be_enabled()
    shot(page, "web14-older-card-greyed.png")
    page.reload()
    again = open_widget(page, host_site).locator('#pb-log .msg.bot[data-kind="confirm"]')
    expect(again).to_have_count(2)
    expect(again.first.locator("button.choice").first).to_be_disabled()
    expect(again.last.locator("button.choice").first).to_be_enabled()
