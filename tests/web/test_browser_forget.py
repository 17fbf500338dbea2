"""Deleting one's data from the widget asks first (issue 12 leftovers, session 7), in real Chromium:
🗑 删除我的资料 shows 确认删除 and 取消; 取消 keeps the facts on the server, 确认删除 deletes them (the
server then knows nothing about the person). The checks read the server's own answer to 我的资料."""

from __future__ import annotations

import re

import pytest

from .browsing import ARTIFACTS, CHROMIUM, open_widget, wait_idle

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed")


def say(frame, text: str):  # type: ignore[no-untyped-def]
    """Type a message, press Enter, wait for the replies; returns the last bot message."""
    frame.locator("#pb-input").fill(text)
    frame.locator("#pb-input").press("Enter")
    wait_idle(frame)
    return frame.locator(".msg.bot").last


def tap(message, label: str):  # type: ignore[no-untyped-def]
    message.get_by_role("button", name=re.compile(label)).click()


def test_deleting_asks_first_cancel_keeps_the_data_and_confirm_deletes_it(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    card = say(frame, "我在延吉，开了家小超市，快两年了")
    expect(card).to_have_attribute("data-kind", "confirm")
    tap(card, "对，继续")
    wait_idle(frame)

    profile = say(frame, "看看我的资料")
    expect(profile).to_have_attribute("data-kind", "profile")
    expect(profile).to_contain_text("延吉市")
    tap(profile, "删除我的资料")
    wait_idle(frame)
    asked = frame.locator(".msg.bot").last
    expect(asked).to_contain_text("无法恢复")
    expect(asked.get_by_role("button", name=re.compile("确认删除"))).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "web12-forget-asks.png"))
    tap(asked, "取消")
    wait_idle(frame)
    expect(frame.locator('.msg.bot[data-kind="notice"]').last).to_contain_text("没有删除")
    expect(frame.locator(".msg.bot").last).to_have_attribute("data-kind", "question")  # the check goes on

    kept = say(frame, "我的资料")
    expect(kept).to_contain_text("延吉市")
    tap(kept, "删除我的资料")
    wait_idle(frame)
    tap(frame.locator(".msg.bot").last, "确认删除")
    wait_idle(frame)
    expect(frame.locator(".msg.bot").last).to_contain_text("已删除")
    # What was said is gone from the screen too, not only from the server (session 11 walkthrough).
    expect(frame.locator("#pb-log")).not_to_contain_text("延吉")
    expect(frame.locator(".msg.user")).to_have_count(0)

    after = say(frame, "我的资料")
    expect(after).to_contain_text("我还不知道您的任何情况")
    expect(after).not_to_contain_text("延吉市")
    page.screenshot(path=str(ARTIFACTS / "web12-forget-done.png"))
