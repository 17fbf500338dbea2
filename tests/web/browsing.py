"""The browser side of the e2e tests: Debian's headless Chromium driven by Playwright, and host
pages served from another loopback port (another origin) than the `policybot serve` process.
The fixtures are registered in conftest.py; the helpers are imported by the browser test modules."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import PARTNER_KEY, REPO, LiveServer

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
]  # fmt: skip
QUESTION = "长春开店有创业补贴吗？"
STAFF = ("browser-staff", "a long enough secret")
HOST_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>合作网站</title></head>
<body><h1>某市人力资源和社会保障局（测试宿主页）</h1><p>页面自己的内容。</p>
<script src="{server}/widget.js" data-site-key="{key}" async></script>
</body></html>
"""


@pytest.fixture(scope="module")
def host_site(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A plain static server for the host page, on another port (so another origin)."""
    root = tmp_path_factory.mktemp("host")
    (root / "index.html").write_text(HOST_PAGE.format(server=live_server.url, key=PARTNER_KEY), encoding="utf-8")
    other = HOST_PAGE.format(server=live_server.url, key=PARTNER_KEY).replace("测试宿主页", "另一个页面")
    (root / "other.html").write_text(other, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", live_server.host_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield live_server.host_port
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, host_site: int):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN", viewport={"width": 1100, "height": 800})
    context.set_default_timeout(15_000)
    opened = context.new_page()
    yield opened
    context.close()


def add_staff(live_server: LiveServer, account: tuple[str, str] = STAFF) -> None:
    """A console account made as an operator makes one: `policybot staff add` with the password on stdin."""
    created = live_server.policybot("staff", "add", account[0], "--password-stdin", stdin=account[1] + "\n")
    assert created.returncode == 0, created.stderr


@contextmanager
def desk_context(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A browser context wide enough for the console, where a test opens the user's page and the staff's."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1200, "height": 900})
    context.set_default_timeout(15_000)
    try:
        yield context
    finally:
        context.close()


def log_in(page, account: tuple[str, str] = STAFF) -> None:  # type: ignore[no-untyped-def]
    """Fill in the console's login form the page was sent to, and send it."""
    page.get_by_label("账号").fill(account[0])
    page.get_by_label("密码").fill(account[1])
    page.get_by_role("button", name="登录").click()


def open_widget(page, host_port: int, host: str = "127.0.0.1"):  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    page.goto(f"http://{host}:{host_port}/index.html")
    launcher = page.locator('button[data-policybot="launcher"]')
    expect(launcher).to_be_visible()
    launcher.click()
    frame = page.frame_locator("#policybot-frame")
    expect(frame.locator("#pb-log")).to_contain_text("您好")
    return frame


def wait_idle(frame) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    expect(frame.locator("#pb-log")).to_have_attribute("aria-busy", "false")


def ask(frame, question: str):  # type: ignore[no-untyped-def]
    """Type a question and press Enter; returns the answer message."""
    before = frame.locator('.msg.bot[data-kind="answer"]').count()
    frame.locator("#pb-input").fill(question)
    frame.locator("#pb-input").press("Enter")
    wait_idle(frame)
    answers = frame.locator('.msg.bot[data-kind="answer"]')
    assert answers.count() == before + 1
    return answers.last
