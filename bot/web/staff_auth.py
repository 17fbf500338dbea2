"""Staff login: nothing under /staff is served without a login, and every form post carries its CSRF token.

The login form itself is protected by a double-submit token (a cookie and a hidden field that must
match); after login the token is the one stored with the session. Cookies are HttpOnly and
SameSite=Strict, scoped to /staff, and Secure by default (`cookie_is_secure`).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import cookie_parser

from bot.web.accounts import StaffAccounts, StaffLogin
from bot.web.api import Services
from bot.web.templating import templates
from bot.web.throttle import Scope, client_of

router = APIRouter(include_in_schema=False)
SESSION_COOKIE = "policybot_staff"
LOGIN_CSRF_COOKIE = "policybot_login_csrf"


class LoginRequired(Exception):
    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


class CsrfRejected(Exception):
    pass


def current_staff(request: Request, web: Services) -> StaffLogin:
    login = web.accounts.current(request.cookies.get(SESSION_COOKIE))
    if login is None:
        raise LoginRequired(request.url.path if request.method == "GET" else "/staff")
    return login


Staff = Annotated[StaffLogin, Depends(current_staff)]


def require_csrf(login: Staff, csrf: Annotated[str, Form(max_length=100)] = "") -> StaffLogin:
    if not login.csrf_token or not secrets.compare_digest(login.csrf_token, csrf):
        raise CsrfRejected()
    return login


StaffPost = Annotated[StaffLogin, Depends(require_csrf)]


def logged_in_check(accounts: StaffAccounts) -> Callable[[Scope], Awaitable[bool]]:
    """Whether a request (its ASGI scope, before the body is read) carries a valid staff session:
    the body limit grants large uploads only to logged-in staff (issue 14)."""

    async def is_logged_in(scope: Scope) -> bool:
        cookies = [value.decode("latin-1") for name, value in scope.get("headers", ()) if name == b"cookie"]
        token = cookie_parser("; ".join(cookies)).get(SESSION_COOKIE)
        if not token:
            return False
        return await run_in_threadpool(accounts.current, token) is not None

    return is_logged_in


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def cookie_is_secure(request: Request) -> bool:
    """Secure unless the operator opted out (POLICYBOT_WEB_COOKIE_SECURE=false, plain-http
    development) — and, when unset, unless the console is opened over plain http on this machine
    (the README's `policybot serve` at http://127.0.0.1:8000). Always Secure over https (the scheme
    the proxy reports in X-Forwarded-Proto) and on any other host name (issue 14)."""
    configured = request.app.state.services.settings.web_cookie_secure
    if configured is not None:
        return bool(configured) or request.url.scheme == "https"
    return request.url.scheme == "https" or request.url.hostname not in LOOPBACK_HOSTS


def _safe_next(path: str) -> str:
    """Only our own console paths, so the login form cannot redirect anywhere else."""
    return path if path.startswith("/staff") and not path.startswith("//") and "\\" not in path else "/staff"


def _login_page(request: Request, error: str = "", next_path: str = "/staff", status: int = 200) -> Response:
    token = secrets.token_urlsafe(24)
    response = templates.TemplateResponse(
        request,
        "staff/login.html",
        {"csrf": token, "error": error, "next": _safe_next(next_path)},
        status_code=status,
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=cookie_is_secure(request),
        path="/staff",
        max_age=3600,
    )
    return response


def _retry_later(response: Response, seconds: int) -> Response:
    response.headers["Retry-After"] = str(seconds)
    return response


@router.get("/staff/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/staff") -> Response:
    return _login_page(request, next_path=next)


@router.post("/staff/login")
def login(
    request: Request,
    web: Services,
    name: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
    next: Annotated[str, Form(max_length=300)] = "/staff",
) -> Response:
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie and request.url.scheme == "http" and cookie_is_secure(request):
        # The browser keeps a Secure cookie to itself over plain http: say why the login cannot work.
        return _login_page(request, "请通过 HTTPS（https:// 开头的地址）打开工作台再登录。", next, status=403)
    if not cookie or not secrets.compare_digest(cookie, csrf):
        return _login_page(request, "页面已过期，请重新登录。", next, status=403)
    if web.login_limiter.hit(client_of(request.scope)) is not None:
        return _login_page(request, "登录尝试太频繁，请稍后再试。", next, status=429)
    account = name.strip()
    wait = web.account_limiter.blocked(account)
    if wait is not None:
        return _retry_later(_login_page(request, "该账号登录失败次数过多，请稍后再试。", next, status=429), wait)
    if not web.password_checks.acquire(blocking=False):
        return _retry_later(_login_page(request, "登录的人太多，请稍后再试。", next, status=429), 1)
    try:
        token = web.accounts.login(account, password)
    finally:
        web.password_checks.release()
    if token is None:
        web.account_limiter.hit(account)
        return _login_page(request, "账号或密码不正确。", next, status=401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=cookie_is_secure(request),
        path="/staff",
        max_age=web.settings.staff_session_hours * 3600,
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/staff", secure=cookie_is_secure(request), httponly=True)
    return response


@router.post("/staff/logout")
def logout(request: Request, web: Services, login: StaffPost) -> Response:
    web.accounts.logout(request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/staff/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/staff")
    return response


def install(app: FastAPI) -> None:
    """Unauthenticated console requests go to the login page; bad form tokens get a plain 403."""

    @app.exception_handler(LoginRequired)
    async def _to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/staff/login?next={quote(exc.next_path)}", status_code=303)

    @app.exception_handler(CsrfRejected)
    async def _csrf(request: Request, exc: CsrfRejected) -> Response:
        return templates.TemplateResponse(
            request,
            "staff/error.html",
            {"message": "表单已过期或来源不明（CSRF 校验失败），请返回刷新页面后重试。", "login": None},
            status_code=403,
        )
