"""Request-size and rate limits, applied before any route runs (pure ASGI middleware).

Requests with more than MAX_HEADERS headers, or a head over MAX_HEADER_BYTES, are refused with 431,
bodies over the limit with 413
(a chat message too long to read: the chat's own 消息太长了), before they are parsed. Rate limits are per client
address (what uvicorn reports, after trusted proxy headers), moving windows from the `limits`
library, in memory: each replica counts its own clients.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from bot.web.errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]
BODY_METHODS = {"POST", "PUT", "PATCH"}
# Headers per request: a browser behind the proxy sends about 20. The app server caps the head's
# size (bot/web/serve_cli.py), which alone still lets thousands of tiny headers through, each
# parsed, copied and searched by every layer (issue 14).
MAX_HEADERS = 100
# The request line and headers together; nginx's default (4 × 8 KB buffers) is below it. The app server
# (h11) bounds only what it buffers before a head is complete, so a head of up to about twice this that
# arrives at once is parsed: measured here, every head over the cap is refused alike (issue 14, M4).
MAX_HEADER_BYTES = 64 * 1024


def head_bytes(scope: Scope) -> int:
    """The size of a request's head as sent: its target, and each header as `name: value` on its line."""
    target = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b"")) + 1
    return target + sum(len(name) + len(value) + 4 for name, value in scope.get("headers", ()))


class RateLimiter:
    """`hit(client)` → None when allowed, else seconds until the client may try again."""

    def __init__(self, spec: str, namespace: str) -> None:
        self.items: list[RateLimitItem] = parse_many(spec) if spec.strip() else []
        self.namespace = namespace
        self.strategy = MovingWindowRateLimiter(MemoryStorage())

    def blocked(self, client: str) -> int | None:
        """Like `hit`, without counting: seconds to wait when the client is over a limit already."""
        for item in self.items:
            if not self.strategy.test(item, self.namespace, client):
                stats = self.strategy.get_window_stats(item, self.namespace, client)
                return max(1, math.ceil(stats.reset_time - time.time()))
        return None

    def hit(self, client: str) -> int | None:
        for item in self.items:
            if not self.strategy.hit(item, self.namespace, client):
                stats = self.strategy.get_window_stats(item, self.namespace, client)
                return max(1, math.ceil(stats.reset_time - time.time()))
        return None


def client_of(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


async def _send_json(send: Send, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]]) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


# A page (the demo, the widget's frame, the console) past the limit: words, not JSON.
TOO_MANY_PAGE = (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>请稍后再试</title>'
    '<link rel="stylesheet" href="/static/chat.css"></head>'
    '<body><p class="refused">请求太频繁了，请稍等一会儿（约 {seconds} 秒）再刷新页面。</p></body></html>'
)
# Nothing on that page acts for anyone, so any host page may show it (the widget's frame included).
TOO_MANY_CSP = b"default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors *"


def _wants_page(scope: Scope) -> bool:
    headers = dict(scope.get("headers", ()))
    if headers.get(b"sec-fetch-mode") == b"navigate":
        return True
    accept = headers.get(b"accept", b"")
    return b"text/html" in accept and not scope["path"].startswith("/api/")


async def _send_page(send: Send, status: int, page: str, headers: list[tuple[bytes, bytes]]) -> None:
    payload = page.encode()
    start = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(payload)).encode()),
        (b"content-security-policy", TOO_MANY_CSP),
        (b"cache-control", b"no-store"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": [*start, *headers]})
    await send({"type": "http.response.body", "body": payload})


@dataclass(frozen=True)
class LargeUploads:
    """Paths that take larger bodies (the console's document upload) and their caps, granted only
    when `may_upload` says the request comes from a logged-in staff member: an anonymous client is
    held to the ordinary cap there too, so nobody streams megabytes before the login check."""

    caps: dict[str, int]
    may_upload: Callable[[Scope], Awaitable[bool]]


@dataclass(frozen=True)
class OwnLimit:
    """A path whose bodies have their own cap (the chat: a message of up to 5,000 characters as JSON
    escapes them) and the answer for a body past it (the chat's: 消息太长了, as for a message the
    schema measured) instead of the plain 413."""

    cap: int
    status: int
    body: dict[str, Any]


@dataclass(frozen=True)
class BodyLimits:
    """How large a request body may be: `ordinary` bytes, a path's `own` limit, or — for a logged-in
    staff member — an upload path's cap."""

    ordinary: int
    own: dict[str, OwnLimit] = field(default_factory=dict)
    uploads: LargeUploads | None = None

    async def of(self, scope: Scope) -> tuple[int, OwnLimit | None]:
        path = scope["path"]
        own = self.own.get(path)
        cap = own.cap if own is not None else self.ordinary
        if self.uploads is not None and path in self.uploads.caps and await self.uploads.may_upload(scope):
            cap = max(cap, self.uploads.caps[path])
        return cap, own


class GuardMiddleware:
    """Caps request bodies and rate-limits every route per client, before any route runs.

    Health probes are counted apart (same limits), so a busy client address — a proxy in front of
    many people — never makes a replica look dead to its load balancer. Static assets (the widget's
    loader, scripts and styles, the docs' files) are counted apart too: a host page's visitors
    loading the widget never use up the chat's budget for their address. Staff login attempts also
    have their own, stricter limit (staff_auth)."""

    def __init__(
        self,
        app: App,
        bodies: BodyLimits,
        api_limiter: RateLimiter,
        probe_limiter: RateLimiter | None = None,
        probes: tuple[str, ...] = ("/healthz", "/readyz"),
        static_limiter: RateLimiter | None = None,
        static: tuple[str, ...] = ("/static/", "/docs-static/", "/widget.js"),
    ) -> None:
        self.app = app
        self.bodies = bodies
        self.api_limiter = api_limiter
        self.probe_limiter = probe_limiter or RateLimiter("", "probe")
        self.probes = probes
        self.static_limiter = static_limiter or RateLimiter("", "static")
        self.static = static

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("headers", ())) > MAX_HEADERS:
            refusal = f"请求头太多了（上限 {MAX_HEADERS} 个）。"
            await _send_json(send, 431, error_body(431, refusal), [(b"connection", b"close")])
            return
        if head_bytes(scope) > MAX_HEADER_BYTES:
            refusal = f"请求头太大了（上限 {MAX_HEADER_BYTES // 1024} KB）。"
            await _send_json(send, 431, error_body(431, refusal, code="headers_too_large"), [(b"connection", b"close")])
            return
        path = scope["path"]
        if path in self.probes:
            limiter = self.probe_limiter
        elif path.startswith(self.static):
            limiter = self.static_limiter
        else:
            limiter = self.api_limiter
        retry_after = limiter.hit(client_of(scope))
        if retry_after is not None:
            retry = [(b"retry-after", str(retry_after).encode())]
            if _wants_page(scope):
                await _send_page(send, 429, TOO_MANY_PAGE.format(seconds=retry_after), retry)
            else:
                await _send_json(send, 429, error_body(429), retry)
            return
        if scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        body = await self._read_body(scope, receive, send)
        if body is None:
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _read_body(self, scope: Scope, receive: Receive, send: Send) -> bytes | None:
        """The whole body, or None once a refusal was sent (over the cap, declared or streamed) or the
        client went away."""
        declared = dict(scope.get("headers", ())).get(b"content-length")
        cap, own = await self.bodies.of(scope)
        if declared is not None and (not declared.isdigit() or int(declared) > cap):
            await self._too_large(send, cap, own)
            return None
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body.extend(message.get("body", b""))
            if len(body) > cap:
                await self._too_large(send, cap, own)
                return None
            if not message.get("more_body", False):
                return bytes(body)

    @staticmethod
    async def _too_large(send: Send, cap: int, own: OwnLimit | None = None) -> None:
        if own is not None:
            await _send_json(send, own.status, own.body, [(b"connection", b"close")])
            return
        message = f"请求内容太大了（上限 {cap // 1024} KB）。"
        await _send_json(send, 413, error_body(413, message), [(b"connection", b"close")])
