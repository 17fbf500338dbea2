"""The HTML templates (Jinja2, autoescaped) and the few filters they use."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi.templating import Jinja2Templates

from bot.present.prose import prose
from bot.web.audit import ACTION_LABELS, as_utc

CHINA = ZoneInfo("Asia/Shanghai")
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def highlight(text: str, quotes: Iterable[str], matched: str | None = None) -> list[tuple[str, bool]]:
    """Split `text` into (segment, is_quoted) so templates can <mark> every quoted sentence. `matched` is the
    same text as the answers matched it (a 繁体 clause's simplified text, offset for offset): a quote is found
    in either form — quotes are stored as the file writes them, and answers logged earlier kept the other."""
    marked = [False] * len(text)
    forms = [text] if matched is None or len(matched) != len(text) else [text, matched]
    for quote in quotes:
        if not quote:
            continue
        for form in forms:
            start = form.find(quote)
            while start != -1:
                marked[start : start + len(quote)] = [True] * len(quote)
                start = form.find(quote, start + len(quote))
    segments: list[tuple[str, bool]] = []
    for char, is_marked in zip(text, marked, strict=True):
        if segments and segments[-1][1] == is_marked:
            segments[-1] = (segments[-1][0] + char, is_marked)
        else:
            segments.append((char, is_marked))
    return segments


def local_time(moment: datetime | None) -> str:
    """Times are stored in UTC and shown in Beijing time."""
    return as_utc(moment).astimezone(CHINA).strftime("%Y-%m-%d %H:%M") if moment else ""


templates.env.filters["local_time"] = local_time
templates.env.globals["highlight"] = highlight
templates.env.globals["action_label"] = lambda action: ACTION_LABELS.get(action, action)


CHANNEL_LABELS = {
    "api": "接口提问",
    "chat": "网页对话",
    "web": "网页对话",
    "telegram": "Telegram 对话",
    "terminal": "命令行对话",
}
STATUS_LABELS = {"answered": "已回答", "no_answer": "未能回答", "region_not_covered": "地区未收录"}
templates.env.globals["channel_label"] = lambda channel: CHANNEL_LABELS.get(channel or "", channel or "—")
templates.env.globals["status_label"] = lambda status: STATUS_LABELS.get(status or "", status or "—")
templates.env.globals["prose"] = prose
