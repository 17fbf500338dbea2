"""The FastAPI application: the JSON API, the widget and the staff console in one app.

`create_app(services)` takes everything already built (entry points build it from Settings), so
tests run the real app on a temporary data directory and database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from bot.web import api, staff, staff_auth, staff_library, staff_privacy, widget
from bot.web.errors import error_response, install_error_handlers, message_too_long_body, routes_of
from bot.web.headers import SecurityHeaders
from bot.web.retention import keep_purging, purge_now
from bot.web.schemas import CHAT_BODY_BYTES, CHAT_MESSAGE_CHARS
from bot.web.services import WebServices
from bot.web.throttle import (
    App,
    BodyLimits,
    GuardMiddleware,
    LargeUploads,
    OwnLimit,
    RateLimiter,
    Receive,
    Scope,
    Send,
)

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
DESCRIPTION = """就业政策通的 JSON 接口：政策问答（引用条款原文）、补贴资格自查、与机器人对话。

错误统一为 `{"status": "error", "code": "…", "error": "中文说明"}`；请求体有大小上限，每个客户端有频率限制。
"""


def create_app(services: WebServices, owns_services: bool = False) -> FastAPI:
    """`owns_services`: close them when the server stops (the entry points; tests share theirs)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        purging = None
        if owns_services:
            purge_now(services)
            every = services.settings.retention_interval_minutes * 60
            purging = asyncio.create_task(keep_purging(services, every), name="retention")
        yield
        if purging is not None:
            purging.cancel()
            with suppress(asyncio.CancelledError):
                await purging
        if owns_services:
            services.close()  # the answer log's last entries are written before the process ends

    app = FastAPIOffline(
        lifespan=lifespan,
        title="就业政策通 API",
        version="0.1.0",
        description=DESCRIPTION,
        docs_url="/docs",
        redoc_url=None,
        static_url="/docs-static",
    )
    app.state.services = services

    install_error_handlers(app)
    staff_auth.install(app)
    app.include_router(api.router)
    app.include_router(widget.router)
    app.include_router(staff_auth.router)
    app.include_router(staff.router)
    app.include_router(staff_privacy.router)
    app.include_router(staff_library.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(PublishedDocuments, services=services)
    app.add_middleware(ExactPaths, methods=exact_paths(app))
    app.add_middleware(
        GuardMiddleware,
        bodies=BodyLimits(
            services.settings.web_max_body_bytes,
            # A chat message of up to 5,000 characters however escaped; past that, told it is too long.
            own={api.CHAT_PATH: OwnLimit(CHAT_BODY_BYTES, 422, message_too_long_body(CHAT_MESSAGE_CHARS))},
            # A few files of up to 20 MB each, plus the form's own bytes.
            uploads=LargeUploads(
                {
                    staff_library.UPLOAD_PATH: staff_library.MAX_UPLOAD_BYTES,
                    staff_library.RULES_PATH: staff_library.MAX_RULES_UPLOAD_BYTES,
                },
                staff_auth.logged_in_check(services.accounts),
            ),
        ),
        api_limiter=services.api_limiter,
        probe_limiter=RateLimiter(services.settings.web_rate_limit, "probe"),
        static_limiter=RateLimiter(services.settings.web_rate_limit, "static"),
    )
    app.add_middleware(SecurityHeaders)
    return app


class PublishedDocuments:
    """Published means live: every request is answered from the newest documents' knowledge base
    (bot/live.py). Plain ASGI: Starlette's `@app.middleware("http")` ran each request through a task
    group and memory streams."""

    def __init__(self, app: App, services: WebServices) -> None:
        self.app = app
        self.services = services

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.services.refresh()
        await self.app(scope, receive, send)


def exact_paths(app: FastAPI) -> dict[str, frozenset[str]]:
    """The methods of each path our routes spell out in full (no parameter)."""
    methods: dict[str, set[str]] = {}
    any_method: set[str] = set()  # a route without methods takes them all (left to the router)
    for route in routes_of(app.router.routes):
        if route.param_convertors:
            continue
        if route.methods is None:
            any_method.add(route.path)
        methods.setdefault(route.path, set()).update(route.methods or ())
    return {path: frozenset(them) for path, them in methods.items() if path not in any_method}


class ExactPaths:
    """A path spelled out in full is its own resource, as in OpenAPI: another method there is 405 with
    its `Allow`, never handed to a template that also matches it (`GET /api/chat/new` was read as the
    transcript of a session named "new", a 422)."""

    def __init__(self, app: App, methods: dict[str, frozenset[str]]) -> None:
        self.app = app
        self.methods = methods

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            allowed = self.methods.get(scope["path"])
            if allowed is not None and scope["method"] not in allowed:
                refused = error_response(405, headers={"Allow": ", ".join(sorted(allowed))})
                await refused(scope, receive, send)
                return
        await self.app(scope, receive, send)
