"""A long answer above a waiting card, in a real browser (Debian's Chromium through Playwright): the
answer is shown from its start, and the card's buttons stay reachable — a ↓ button brings the card into
view and puts the focus on its first button (issue 12, session 11). Screenshots go to test-artifacts/
(and to POLICYBOT_SHOTS when set)."""

from __future__ import annotations

import pytest

from .browsing import CHROMIUM, open_widget, wait_idle
from .test_browser_conversation import shot

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed")

# Two questions of one measure in one message: one long answer, then the card waits below it.
LONG = "我在长春开了个小饭馆，创业担保贷款能贷多少，利息谁出，去哪申请"


@pytest.fixture
def phone(browser, host_site: int):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 740}, is_mobile=True)
    context.set_default_timeout(15_000)
    opened = context.new_page()
    yield opened
    context.close()


def _in_view(frame, selector: str) -> bool:  # type: ignore[no-untyped-def]
    """The element's top (or, for buttons, the whole of it) lies inside the visible part of the log."""
    return bool(
        frame.locator("#pb-log").evaluate(
            """(log, selector) => {
                const box = log.getBoundingClientRect();
                const target = log.querySelector(selector).getBoundingClientRect();
                return target.top >= box.top - 1 && target.top < box.bottom
                    && (!selector.includes('button') || target.bottom <= box.bottom + 1);
            }""",
            selector,
        )
    )


def long_answer_then_card(phone, host_site: int):  # type: ignore[no-untyped-def]
    """The widget after a message holding both a long question and a self-description: a long answer,
    then the confirmation card waiting below it."""
    frame = open_widget(phone, host_site)
    frame.locator("#pb-input").fill(LONG)
    frame.locator("#pb-input").press("Enter")
    wait_idle(frame)
    return frame


def test_a_long_answer_is_read_from_its_start_and_the_waiting_card_stays_reachable(phone, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = long_answer_then_card(phone, host_site)
    log = frame.locator("#pb-log")
    answer = log.locator('.msg.bot[data-kind="answer"]').last
    card = log.locator('.msg.bot[data-kind="confirm"]').last
    expect(answer).to_contain_text("利息谁出")
    expect(card).to_contain_text("长春")
    assert log.evaluate("log => log.scrollHeight > log.clientHeight * 1.5"), "the answer is long on a phone"
    assert _in_view(frame, '.msg.bot[data-kind="answer"]:last-of-type, .msg.bot[data-kind="answer"]')
    jump = frame.locator("#pb-jump")
    expect(jump).to_be_visible()
    expect(jump).to_have_text("↓ 还有信息等您确认")
    shot(phone, "web12-long-answer-start.png")

    jump.click()
    expect(jump).to_be_hidden()
    assert _in_view(frame, '.msg.bot[data-kind="confirm"]:last-child button.choice')
    focused = frame.locator("body").evaluate("() => document.activeElement.getAttribute('data-action')")
    assert focused == "ok", "the focus is on the card's first button"
    shot(phone, "web12-long-answer-card.png")

    frame.locator('.msg.bot[data-kind="confirm"] button[data-action="ok"]').last.press("Enter")
    wait_idle(frame)
    expect(log.locator('.msg.bot[data-kind="question"]').last).to_be_visible()


def test_a_short_reply_scrolls_to_the_card_without_the_jump_button(phone, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(phone, host_site)
    frame.locator("#pb-input").fill("我在长春开了个小饭馆")
    frame.locator("#pb-input").press("Enter")
    wait_idle(frame)
    expect(frame.locator('.msg.bot[data-kind="confirm"]')).to_have_count(1)
    expect(frame.locator("#pb-jump")).to_be_hidden()
    assert _in_view(frame, '.msg.bot[data-kind="confirm"] button.choice')


def test_the_jump_button_never_covers_the_card_it_points_to(phone, host_site: int) -> None:  # type: ignore[no-untyped-def]
    # Issue 12 (session 15 walkthrough): scrolled until the card's first line showed at the bottom, the
    # floating button sat on that line. It goes as soon as the card's top edge is in view.
    from playwright.sync_api import expect

    frame = long_answer_then_card(phone, host_site)
    log = frame.locator("#pb-log")
    jump = frame.locator("#pb-jump")
    expect(jump).to_be_visible()
    card_top = "log => log.querySelector('.msg.bot[data-kind=\"confirm\"]:last-child').offsetTop"
    # the card just below the bottom edge: the button shows the way ...
    log.evaluate(f"(log) => {{ log.scrollTop = ({card_top})(log) - log.clientHeight - 10; }}")
    expect(jump).to_be_visible()
    overlap = """(log) => {
        const card = log.querySelector('.msg.bot[data-kind="confirm"]:last-child').getBoundingClientRect();
        const button = document.getElementById('pb-jump');
        return !button.hidden && button.getBoundingClientRect().bottom > card.top;
    }"""
    # ... and goes as soon as the card's first line comes into view, never covering it
    for into_view in (4, 20, 60):
        log.evaluate(f"(log) => {{ log.scrollTop = ({card_top})(log) - log.clientHeight + {into_view}; }}")
        expect(jump).to_be_hidden()
        assert not log.evaluate(overlap)


def test_the_jump_button_covers_nothing_of_the_replies_wherever_the_log_is_scrolled(browser, host_site: int) -> None:  # type: ignore[no-untyped-def]
    # Session 27 walkthrough (phone 390×844): the floating ↓ button lay over the last answer's 📄 citation
    # and its 👍/👎/报告问题 buttons. It now sits in a band of its own between the log and the composer,
    # so no scroll position puts it over a reply's text, button or link.
    from playwright.sync_api import expect

    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        frame = long_answer_then_card(page, host_site)
        log = frame.locator("#pb-log")
        jump = frame.locator("#pb-jump")
        expect(jump).to_be_visible()
        covered = """(log) => {
            const button = document.getElementById('pb-jump');
            if (button.hidden) return [];
            const pill = button.getBoundingClientRect();
            const view = log.getBoundingClientRect();
            const hit = [];
            for (const node of log.querySelectorAll('button, a, .text, .cite, textarea')) {
                const box = node.getBoundingClientRect();
                if (box.width === 0 || box.bottom <= view.top || box.top >= view.bottom) continue;
                const top = Math.max(box.top, view.top), bottom = Math.min(box.bottom, view.bottom);
                if (pill.left < box.right && box.left < pill.right && pill.top < bottom && top < pill.bottom)
                    hit.push((node.textContent || node.className).trim().slice(0, 30));
            }
            return hit;
        }"""
        steps = log.evaluate("log => Math.ceil((log.scrollHeight - log.clientHeight) / 40)")
        seen_visible = 0
        for step in range(steps + 1):
            log.evaluate(f"log => {{ log.scrollTop = {step * 40}; log.dispatchEvent(new Event('scroll')); }}")
            assert log.evaluate(covered) == [], f"at scrollTop {step * 40}"
            seen_visible += jump.is_visible()
            if step == 2:
                shot(page, "web27-jump-button-own-band.png")
        assert seen_visible >= 2, "the button showed while the card was out of view"
        # The feedback buttons of the long answer are reachable with the button showing.
        log.evaluate("log => { log.scrollTop = 0; log.dispatchEvent(new Event('scroll')); }")
        feedback = log.locator('.msg.bot[data-kind="answer"] .feedback').last
        feedback.scroll_into_view_if_needed()
        if jump.is_visible():
            assert log.evaluate(covered) == []
        shot(page, "web27-jump-button-feedback-free.png")
    finally:
        context.close()
