"""One error shape for the whole web API, and the one place errors become responses.

Every error body is `{"status": "error", "code": "...", "error": "<polite Chinese message>"}`,
plus `detail` where it helps (which field was wrong). Unexpected failures are logged with the
request path and answered with a polite message; nothing internal leaks into the response.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match, Route

from bot.db import DATABASE_DOWN
from bot.present.prose import prose

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("bad_request", "请求有误。"),
    401: ("unauthorized", "请先登录。"),
    403: ("forbidden", "没有权限访问。"),
    404: ("not_found", "没有找到您要的内容。"),
    405: ("method_not_allowed", "不支持这种请求方式。"),
    413: ("too_large", "请求内容太大了。"),
    415: ("unsupported_media_type", "请以 JSON 格式发送请求（Content-Type: application/json）。"),
    422: ("invalid_request", "请求内容有误。"),
    429: ("rate_limited", "请求太频繁了，请稍等片刻再试。"),
    431: ("too_many_headers", "请求头太多了。"),
    500: ("internal_error", "抱歉，服务器出了点问题，请稍后再试。"),
    503: ("unavailable", "服务暂时不可用，请稍后再试。"),
}
NOT_JSON_MESSAGE = "请求内容不是有效的 JSON 对象。"
DATABASE_DOWN_MESSAGE = "服务暂时不可用（数据库连接中断），请稍等片刻再发一次。您之前的对话已经保存，不会丢失。"
DATABASE_RETRY_SECONDS = "5"


class ApiError(Exception):
    """An error with a status, a machine-readable code and a user-facing Chinese message."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.extra = extra


def error_body(status: int, message: str | None = None, code: str | None = None, detail: Any = None) -> dict[str, Any]:
    default_code, default_message = MESSAGES.get(status, ("error", "请求失败。"))
    body: dict[str, Any] = {"status": "error", "code": code or default_code, "error": message or default_message}
    if detail is not None:
        body["detail"] = detail
    return body


def error_response(status: int, message: str | None = None, code: str | None = None, detail: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:  # fmt: skip
    return JSONResponse(error_body(status, message, code, detail), status_code=status, headers=headers)


def _field_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    out = []
    for error in exc.errors():
        # A body that is not JSON at all is located by a character offset, not a field: it is the body's fault.
        parts = () if error.get("type") == "json_invalid" else error.get("loc", ())
        location = ".".join(str(part) for part in parts if part != "body") or "body"
        out.append({"field": location, "problem": _problem(error)})
    return out


def _problem(error: Any) -> str:
    """What was wrong with one field, in Chinese (pydantic's own message is English): by the error's
    type, with the limit where there is one; a validator's own message is already Chinese."""
    words = prose().forgetting.problems
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind == "value_error" and not str(context.get("error", "")).isascii():
        return str(context["error"])
    if kind in {"string_too_long", "too_long"} and "max_length" in context:
        return words.too_long.format(limit=context["max_length"])
    if kind in {"string_too_short", "too_short"}:
        return words.too_short
    if kind == "missing":
        return words.missing
    if kind == "extra_forbidden":
        return words.extra
    if kind in {"string_pattern_mismatch", "literal_error"}:
        return words.pattern
    if kind.endswith("_type") or kind.endswith("_parsing") or kind.startswith("int_"):
        return words.wrong_type
    return words.other


def message_too_long_body(limit: int) -> dict[str, Any]:
    """What a chat message over `limit` characters is told: the same whether the schema measured it
    or the body was past the chat's size cap before it could be read."""
    words = prose().forgetting
    detail = [{"field": "message", "problem": words.problems.too_long.format(limit=limit)}]
    return error_body(422, words.message_too_long.format(limit=limit), detail=detail)


def _too_long_message(problems: list[dict[str, str]], errors: list[Any]) -> str | None:
    """A chat message over the API's limit: said as the widget shows it, with the limit."""
    for problem, error in zip(problems, errors, strict=True):
        if problem["field"] == "message" and error.get("type") == "string_too_long":
            return prose().forgetting.message_too_long.format(limit=error["ctx"]["max_length"])
    return None


def routes_of(routes: list[BaseRoute]) -> Iterator[Route]:
    """Every route, those of included routers too (FastAPI ≥ 0.16x keeps them apart)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from routes_of(included.routes)
        elif isinstance(route, Route):
            yield route


def allowed_methods(request: Request) -> str | None:
    """`Allow` of a 405: every method of the resource the path names. Starlette names only the first
    route whose path matched (`/healthz` said HEAD, not GET; `/api/chat/new` said the GET of
    `/api/chat/{session_id}`). A path written out in full names its own resource before any template
    that also matches it, as in OpenAPI. None: no route of ours (a mounted directory says its own)."""
    matching = [
        route for route in routes_of(request.app.router.routes) if route.matches(request.scope)[0] is not Match.NONE
    ]
    exact = [route for route in matching if not route.param_convertors]
    methods = {method for route in exact or matching for method in route.methods or ()}
    return ", ".join(sorted(methods)) or None


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        body = error_body(exc.status, exc.message, exc.code, exc.detail)
        body.update(exc.extra)
        return JSONResponse(body, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = _field_errors(exc)
        fields = "、".join(dict.fromkeys(p["field"] for p in problems))
        message = f"请求内容有误（{fields}）。" if fields else "请求内容有误。"
        if any(p["field"] == "body" for p in problems):
            message = NOT_JSON_MESSAGE
        message = _too_long_message(problems, list(exc.errors())) or message
        return error_response(422, message, detail=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and not exc.detail.isascii() else None
        if exc.status_code == 400 and "parsing the body" in str(exc.detail):  # FastAPI: bytes that are not UTF-8 text
            message = NOT_JSON_MESSAGE
        headers = getattr(exc, "headers", None)
        allow = allowed_methods(request) if exc.status_code == 405 else None
        if allow is not None:
            headers = {**{k: v for k, v in (headers or {}).items() if k.lower() != "allow"}, "Allow": allow}
        return error_response(exc.status_code, message, headers=headers)

    async def _database_down(request: Request, exc: Exception) -> Response:
        # The turn was not stored (its transaction rolled back), so sending it again is safe.
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        log.warning("database unavailable on %s %s: %s", request.method, request.url.path, reason[0] if reason else "")
        return error_response(
            503, DATABASE_DOWN_MESSAGE, code="database_unavailable", headers={"retry-after": DATABASE_RETRY_SECONDS}
        )

    for error in DATABASE_DOWN:
        app.add_exception_handler(error, _database_down)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500)
