"""Which item of the last list a follow-up points at (issue 12, session 42).

After an answer listing several measures (与您的问题相关的有：· A · B · C), a follow-up may name one of them by its
place in the list (第二个呢, 最后那个), by a piece of its name (创业那个能拿多少, 社保那项要什么条件: the piece's
characters in the name's order, 社保 in 社会保险补贴), or only point (那这个要什么条件). The first two are that
measure; a bare pointer with several distinct measures shown is asked back (which one?) — never read as the first
listed, which the person may not mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.dialogue.types import Thread
from knowledge.numerals import chinese_to_number

# 第二个, 第3项, 第三种, 最后一个 / 最后那个 (条 is a citation's, read where citations are).
_ORDINAL = re.compile(
    r"第\s*(?P<n>[一二两三四五六七八九十\d]{1,2})\s*(?:个|项|种|样|类)|(?P<last>最后(?:一|那|这)(?:个|项|种))"
)
# A piece of a name right before a pointer: 创业那个, 社保的那项, 培训这种.
_NAMED = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,8}?)的?(?:那个|那项|那种|那一项|那一个|这个|这项|这种)")
# A bare pointer at one thing (这个, 那项, 它); 这些 / 这几个 point at them all.
_POINTER = re.compile(r"(?:这|那)(?:个|项|种|一项|一个)(?!.*[些几])|它")
# Leading words that only go on (那, 那么, 还有, 再问下) are no piece of a name.
_GOING_ON = re.compile(r"^(?:那么|那|还有|再问一?下|再问|请问|问下|问一下)")


@dataclass(frozen=True)
class Pointed:
    """What a follow-up points at in the last list: `name` the measure (None: not clear which, `among` then holds
    the names it may be) and `rest` the message without the pointer."""

    name: str | None
    rest: str
    among: tuple[str, ...] = ()
    clause: str | None = None


def listed_names(thread: Thread | None) -> tuple[tuple[str, str], ...]:
    """The distinct measures of the last list shown, in order, each with its clause."""
    if thread is None or len(thread.item_names) != len(thread.items):
        return ()
    seen: dict[str, str] = {}
    for name, clause in zip(thread.item_names, thread.items, strict=True):
        seen.setdefault(name, clause)
    return tuple(seen.items()) if len(seen) > 1 else ()


def _in_order(piece: str, name: str) -> bool:
    """The piece's characters appear in the name in its order (社保 in 社会保险补贴, 创业 in 自主创业)."""
    at = 0
    for char in piece:
        at = name.find(char, at)
        if at < 0:
            return False
        at += 1
    return True


def pointed_item(thread: Thread | None, text: str) -> Pointed | None:
    """The item of the last list that `text` points at, or None when it points at no item of a list."""
    names = listed_names(thread)
    if not names:
        return None
    ordinal = _ORDINAL.search(text)
    if ordinal is not None:
        if ordinal.group("last"):
            number = len(names)
        else:
            try:
                number = int(chinese_to_number(ordinal.group("n")))
            except ValueError:
                return None
        if not 1 <= number <= len(names):
            return None
        name, clause = names[number - 1]
        return Pointed(name, _without(text, ordinal), clause=clause)
    named = _NAMED.search(_GOING_ON.sub("", text))
    if named is not None:
        piece = named.group("name")
        within = [(n, c) for n, c in names if piece in n] or [(n, c) for n, c in names if _in_order(piece, n)]
        rest = _GOING_ON.sub("", text)[named.end() :]
        if len(within) == 1:
            return Pointed(within[0][0], rest, clause=within[0][1])
        if len(within) > 1:
            return Pointed(None, rest, among=tuple(n for n, _ in within))
    if thread is not None and thread.measure is None and _POINTER.search(text):
        return Pointed(None, text, among=tuple(n for n, _ in names))
    return None


def _without(text: str, found: re.Match[str]) -> str:
    return (text[: found.start()] + text[found.end() :]).strip()
