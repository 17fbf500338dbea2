"""A date told for a thing done that lands ahead of today (今年七月份毕业的, said on 2027-01-03): asked, never recorded.

Around the new year, 今年 in the speaker's mouth is often still last year. A finished event dated in the future is a
slip, not a fact: the card waits while the person is asked which year they meant, and the date they give next (是去年
七月, 2026年7月) is the fact's value.
"""

from __future__ import annotations

import re
from datetime import date

from bot.dialogue import render
from bot.dialogue.quantities import DATE, Day, parse_day
from bot.dialogue.types import Reply
from bot.present.prose import prose

_DATE = re.compile(DATE)


def question(said: str, value: str, today: date) -> Reply:
    """Which year the person meant: the words said, the date they read as, and the year before as the likely one."""
    ahead = date.fromisoformat(value)
    with_month = "月" in said or any(season in said for season in "春夏秋冬")
    month = f"{ahead.month}月" if with_month else ""
    text = prose().dialogue_leftovers.date_ahead.format(
        said=said,
        today=f"{today.year}年{today.month}月{today.day}日",
        ahead=f"{ahead.year}年{month}",
        before=f"{ahead.year - 1}年{month}",
    )
    return render.notice(text)


def settled(text: str, today: date) -> Day | None:
    """The date the answer gives (是去年七月, 2026年7月的), when it is not ahead of today."""
    found = _DATE.search(text)
    day = parse_day(found.group(0), today) if found else None
    return day if day is not None and day.value <= today else None
