"""The widget's server side: loader script, the framed chat page and who may frame it, the demo."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.web.sites import SiteError, normalize_origin

from .conftest import PARTNER_KEY

STATIC = Path(__file__).resolve().parents[2] / "bot" / "web" / "static"
WIDGET_BUDGET = 15 * 1024


def test_loader_is_javascript_cacheable_and_embeddable_cross_origin(client: TestClient) -> None:
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cross-origin-resource-policy"] == "cross-origin"
    assert "data-site-key" in response.text and "postMessage" in response.text


@pytest.mark.parametrize("name", ["widget.js", "chat.js", "chat.css"])
def test_widget_files_fit_the_15_kb_gzipped_budget(name: str) -> None:
    assert len(gzip.compress((STATIC / name).read_bytes(), 9)) <= WIDGET_BUDGET


@pytest.mark.parametrize("name", ["widget.js", "chat.js"])
def test_widget_scripts_check_the_other_sides_origin(name: str) -> None:
    source = (STATIC / name).read_text(encoding="utf-8")
    assert re.search(r"event\.origin !== \w+", source) and "event.source" in source


def test_chat_enter_key_respects_ime_composition() -> None:
    source = (STATIC / "chat.js").read_text(encoding="utf-8")
    assert "isComposing" in source and "keyCode === 229" in source


def test_no_third_party_urls_in_widget_or_templates() -> None:
    web = STATIC.parent
    files = [*STATIC.glob("*.js"), *STATIC.glob("*.css"), *(web / "templates").rglob("*.html")]
    for path in files:
        assert not re.search(r"(src|href)=\"(https?:)?//(?!HOST/)", path.read_text(encoding="utf-8")), path.name


def test_frame_for_a_registered_origin_is_framable_only_by_it(client: TestClient) -> None:
    response = client.get("/widget/frame", params={"site": PARTNER_KEY, "origin": "http://partner.example:8080"})
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors http://partner.example:8080" in csp and "script-src 'self'" in csp
    assert "x-frame-options" not in response.headers
    page = response.text
    assert 'role="log"' in page and 'aria-live="polite"' in page and "仅供参考" in page
    assert 'data-parent-origin="http://partner.example:8080"' in page


@pytest.mark.parametrize(
    "site, origin, reason",
    [
        pytest.param(PARTNER_KEY, "http://evil.example:8080", "未获授权", id="origin-not-on-the-list"),
        pytest.param("no-such-site", "http://partner.example:8080", "未登记", id="unknown-site-key"),
        pytest.param(PARTNER_KEY, "javascript:alert(1)", "未获授权", id="not-an-origin"),
        pytest.param("", "", "未登记", id="nothing"),
    ],
)
def test_frame_is_refused_for_other_origins_and_unknown_sites(client: TestClient, site: str, origin: str,
                                                              reason: str) -> None:  # fmt: skip
    response = client.get("/widget/frame", params={"site": site, "origin": origin})
    assert response.status_code == 403
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert reason in response.text and "pb-log" not in response.text


def test_demo_site_is_framable_by_our_own_origin(client: TestClient) -> None:
    response = client.get("/widget/frame", params={"site": "demo", "origin": "http://testserver"})
    assert response.status_code == 200 and "frame-ancestors 'self'" in response.headers["content-security-policy"]
    assert client.get("/widget/frame", params={"site": "demo", "origin": "http://other.example"}).status_code == 403


def test_demo_host_page_embeds_the_loader_with_one_script_tag(client: TestClient) -> None:
    page = client.get("/demo").text
    assert '<script src="/widget.js" data-site-key="demo" async></script>' in page


@pytest.mark.parametrize(
    "raw, normalized",
    [
        ("https://WWW.Example.gov.cn/", "https://www.example.gov.cn"),
        ("https://example.gov.cn:443", "https://example.gov.cn"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
    ],
)
def test_origins_are_normalized(raw: str, normalized: str) -> None:
    assert normalize_origin(raw) == normalized


@pytest.mark.parametrize("raw", ["example.gov.cn", "ftp://example.gov.cn", "https://a.gov.cn/x", "https://u:p@a.cn"])
def test_non_origins_are_rejected(raw: str) -> None:
    with pytest.raises(SiteError):
        normalize_origin(raw)
