"""Core replies → Telegram messages: HTML with escaping, inline keyboards, 4096-character chunks."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import MessageLimit

from bot.dialogue.types import Reply

LIMIT = MessageLimit.MAX_TEXT_LENGTH  # 4096


def to_html(text: str) -> str:
    """Escape everything; lines starting with 【 (headings) are bold."""
    lines = []
    for line in text.split("\n"):
        escaped = html.escape(line, quote=False)
        lines.append(f"<b>{escaped}</b>" if line.startswith("【") else escaped)
    return "\n".join(lines)


def chunks(text: str, limit: int = LIMIT) -> list[str]:
    """HTML messages under the limit, split between lines (a very long line between characters).

    Splitting happens on the plain text, so no tag or entity is ever cut in half.
    """
    pieces: list[str] = []
    current: list[str] = []
    for whole in text.split("\n"):
        line = whole
        while len(to_html(line)) > limit:
            cut = _longest_prefix(line, limit)
            if current:
                pieces.append("\n".join(current))
                current = []
            pieces.append(line[:cut])
            line = line[cut:]
        if current and len(to_html("\n".join([*current, line]))) > limit:
            pieces.append("\n".join(current))
            current = []
        current.append(line)
    if current:
        pieces.append("\n".join(current))
    return [to_html(piece) for piece in pieces if piece.strip()] or [to_html(text.strip() or "…")]


def _longest_prefix(line: str, limit: int) -> int:
    low, high = 1, len(line)
    while low < high:
        middle = (low + high + 1) // 2
        if len(to_html(line[:middle])) <= limit:
            low = middle
        else:
            high = middle - 1
    return low


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.action) for b in row] for row in reply.buttons]
    )
