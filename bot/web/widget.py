"""The embeddable widget: the loader script, the chat page it frames, and the demo host page.

A site adds `<script src="https://HOST/widget.js" data-site-key="KEY" async></script>`. The loader
adds a launcher button and, when pressed, an iframe of `/widget/frame?site=KEY&origin=ORIGIN`.
That page is served only for a registered site and an origin on its list, with
`Content-Security-Policy: frame-ancestors <its origins>`, so the browser refuses any other host.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from bot.settings import Settings
from bot.web.api import Services
from bot.web.errors import ApiError
from bot.web.sites import SITE_KEY, normalize_origin
from bot.web.templating import templates

router = APIRouter(include_in_schema=False)
STATIC = Path(__file__).parent / "static"
FRAME_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors {ancestors}"
)
REFUSED_CSP = "default-src 'none'; style-src 'self'; frame-ancestors 'none'"


# Shown in the embed code while no address is known (every address listened on, no public URL).
UNSET_BASE = "https://本服务的公开地址"
# Listening on these means every address of the machine: none of them is the one people use.
EVERY_ADDRESS = frozenset({"", "0.0.0.0", "::", "[::]"})


def own_origin(request: Request) -> str:
    """The origin the browser framing the chat page reports: it wrote this Host itself (a page of
    another site cannot make a visitor's browser send another), and it is only compared, never shown."""
    return f"{request.url.scheme}://{request.url.netloc}"


def embed_base(settings: Settings) -> str | None:
    """Where host pages load `widget.js` from, as shown in the embed code: POLICYBOT_WEB_PUBLIC_URL;
    without it the one address `policybot serve` listens on (the README's http://127.0.0.1:8000).
    Never the request's Host header, which any client writes (issue 14: a forged Host was shown to
    staff as the code to paste into a government site). None: listening on every address with no
    public URL set; the page then says to set it."""
    if settings.web_public_url:
        return settings.web_public_url
    host = settings.web_host.strip()
    if host in EVERY_ADDRESS:
        return None
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{settings.web_port}"


@router.get("/widget.js")
@router.head("/widget.js", include_in_schema=False)  # uptime checkers and caches probe the loader with HEAD
def loader() -> Response:
    return Response(
        (STATIC / "widget.js").read_bytes(),
        media_type="text/javascript; charset=utf-8",
        headers={"cache-control": "public, max-age=300", "cross-origin-resource-policy": "cross-origin"},
    )


@router.get("/widget/frame", response_class=HTMLResponse)
def frame(
    request: Request,
    web: Services,
    site: Annotated[str, Query(max_length=64)] = "",
    origin: Annotated[str, Query(max_length=300)] = "",
) -> HTMLResponse:
    registered = web.sites.get(site) if SITE_KEY.match(site) else None
    # The box has no maxlength: a browser cuts a paste silently at it. A message longer than the dialogue reads
    # is told so by the dialogue, one longer than the API takes by the API's 422 — each with the real count or limit.
    context = {"site_key": site, "parent_origin": origin}
    if registered is None or not registered.allows(origin, own_origin(request)):
        reason = "此网站的站点标识未登记。" if registered is None else "此网站未获授权嵌入政策咨询窗口。"
        response = templates.TemplateResponse(
            request, "widget/refused.html", {**context, "reason": reason}, status_code=403
        )
        response.headers["content-security-policy"] = REFUSED_CSP
        return response
    context["parent_origin"] = normalize_origin(origin)  # what the browser reports as event.origin
    response = templates.TemplateResponse(request, "widget/frame.html", context)
    response.headers["content-security-policy"] = FRAME_CSP.format(ancestors=registered.frame_ancestors())
    response.headers["cache-control"] = "no-store"
    return response


@router.get("/demo", response_class=HTMLResponse)
def demo(request: Request, web: Services) -> HTMLResponse:
    if not web.settings.web_demo_site:
        raise ApiError(404, "not_found", "演示页面未开启。")
    return templates.TemplateResponse(
        request, "widget/demo.html", {"base": embed_base(web.settings), "unset_base": UNSET_BASE}
    )
