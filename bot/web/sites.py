"""Sites allowed to embed the widget: a site key and the origins that may frame the chat.

Sites come from the settings (`POLICYBOT_WEB_SITES`, for deployments) and from the staff console
(stored in the database). The built-in `demo` key allows only our own origin (the /demo page).
The browser enforces the list through `Content-Security-Policy: frame-ancestors`; the chat page
also refuses to render for an origin that is not on it.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.db import storable
from bot.tables import WidgetSite
from bot.web.audit import AuditTrail

DEMO_KEY = "demo"
SELF = "'self'"
SITE_KEY = re.compile(r"^[A-Za-z0-9_-]{3,64}$")
HOST = re.compile(r"^[a-z0-9.:-]+$")


class SiteError(ValueError):
    """A site cannot be registered as asked; the message is Chinese and says why."""


def normalize_origin(raw: str) -> str:
    """`https://Example.gov.cn:443/` → `https://example.gov.cn`; SiteError for anything not an origin."""
    text = raw.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise SiteError(f"“{text}”不是有效的网址来源。") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.username or parts.password:
        raise SiteError(f"“{text}”不是有效的网址来源，应形如 https://www.example.gov.cn")
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise SiteError(f"“{text}”带有路径；只填协议、域名和端口，例如 https://www.example.gov.cn")
    host = parts.hostname.lower()
    if not HOST.match(host):  # browsers report origins in ASCII (punycode for 中文域名)
        raise SiteError(f"“{storable(text)}”的域名含有无效字符；中文域名请填 punycode 形式（xn--…）。")
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}[parts.scheme]
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


@dataclass(frozen=True)
class Site:
    key: str
    name: str
    origins: tuple[str, ...]  # normalized origins, or SELF for the demo site
    source: str  # settings | console | builtin

    def allows(self, origin: str, own_origin: str) -> bool:
        try:
            wanted = normalize_origin(origin)
        except SiteError:
            return False
        return any(wanted == (own_origin if allowed == SELF else allowed) for allowed in self.origins)

    def frame_ancestors(self) -> str:
        return " ".join(self.origins) or "'none'"


class SiteRegistry:
    def __init__(self, engine: Engine, audit: AuditTrail, configured: dict[str, list[str]], demo: bool = True) -> None:
        self.engine = engine
        self.audit = audit
        self.fixed: dict[str, Site] = {}
        if demo:
            self.fixed[DEMO_KEY] = Site(DEMO_KEY, "演示页面（本站 /demo）", (SELF,), "builtin")
        for key, origins in configured.items():
            if not SITE_KEY.match(key):
                raise SiteError(f"POLICYBOT_WEB_SITES 中的站点标识“{key}”无效（3–64个字母、数字、_ 或 -）。")
            self.fixed[key] = Site(key, key, tuple(normalize_origin(o) for o in origins), "settings")

    def get(self, key: str) -> Site | None:
        if key in self.fixed:
            return self.fixed[key]
        if not SITE_KEY.match(key):
            return None
        with Session(self.engine) as session:
            row = session.get(WidgetSite, key)
            return _site(row) if row is not None else None

    def all(self) -> list[Site]:
        with Session(self.engine) as session:
            stored = [_site(row) for row in session.scalars(select(WidgetSite).order_by(WidgetSite.created_at))]
        return [*self.fixed.values(), *stored]

    def add(self, name: str, origins: list[str], staff_name: str, key: str | None = None) -> Site:
        name = name.strip()
        if any(ord(ch) < 32 for ch in name):
            raise SiteError("网站名称不能包含控制字符。")
        if not 1 <= len(name) <= 100:
            raise SiteError("请填写网站名称（100字以内）。")
        normalized = tuple(dict.fromkeys(normalize_origin(o) for o in origins if o.strip()))
        if not normalized:
            raise SiteError("至少填写一个允许嵌入的网址来源，例如 https://www.example.gov.cn")
        key = key or f"site-{secrets.token_urlsafe(9)}"
        if not SITE_KEY.match(key) or key in self.fixed:
            raise SiteError(f"站点标识“{key}”无效或已被占用。")
        with Session(self.engine) as session, session.begin():
            if session.get(WidgetSite, key) is not None:
                raise SiteError(f"站点标识“{key}”已被占用。")
            session.add(WidgetSite(key=key, name=name, origins=" ".join(normalized), created_by=staff_name))
            self.audit.record(staff_name, "site_added", key, f"{name}：{' '.join(normalized)}", session=session)
        return Site(key, name, normalized, "console")

    def remove(self, key: str, staff_name: str) -> bool:
        with Session(self.engine) as session, session.begin():
            row = session.get(WidgetSite, key)
            if row is None:
                return False
            self.audit.record(staff_name, "site_removed", key, f"{row.name}：{row.origins}", session=session)
            session.delete(row)
            return True


def _site(row: WidgetSite) -> Site:
    return Site(row.key, row.name, tuple(row.origins.split()), "console")
