"""The command line's shared parts: how a date is typed, and argparse speaking Chinese.

argparse words its usage line, its errors and the -h help through gettext, looking each English
text up when it is used; Python ships no Chinese catalog for it, so `in_chinese` lends it ours
(prose.yaml `command_line`) while a parser is built and reads its arguments.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from bot.present.prose import prose


def iso_date(value: str) -> date:
    """`--as-of 2020-06-01`: an ISO date, or a Chinese usage error from argparse."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{value}") from None


def _translate(message: str) -> str:
    return prose().command_line.messages.get(message, message)


def _translate_plural(singular: str, plural: str, count: int) -> str:
    return _translate(singular if count == 1 else plural)


@contextmanager
def in_chinese() -> Iterator[None]:
    """Inside the block, argparse's own words (用法：, 出错了：, 显示本帮助并退出 …) are Chinese;
    afterwards argparse is as it was."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = _translate, _translate_plural
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
