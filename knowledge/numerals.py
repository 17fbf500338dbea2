"""Chinese numerals ↔ numbers, in one place for the knowledge half and the bot.

cn2an does the work; it takes a third of a second to import, so it is imported on first use, and the
small numbers that clause labels, dates and most questions use (零 … 九十九) go through a table that
a test checks against cn2an for every one of them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NAMES = "零一二三四五六七八九"


@lru_cache(maxsize=1)
def _cn2an() -> Any:
    import cn2an

    return cn2an


def preload() -> None:
    """Import cn2an now: a server calls this at start, so no one's first question that names a number
    waits for the import (one to two seconds on a busy machine)."""
    _cn2an()


def _small(text: str) -> int | None:
    """零 … 九十九 (十, 十五, 二十, 四十七, 两); None for anything else."""
    if len(text) == 1 and text in _DIGITS:
        return _DIGITS[text]
    if text == "十":
        return 10
    tens, sep, ones = text.partition("十")
    if not sep or len(text) > 3:
        return None
    high = 1 if tens == "" else _DIGITS.get(tens)
    low = 0 if ones == "" else _DIGITS.get(ones)
    if high is None or low is None or high == 0 or (ones and low == 0):
        return None
    return high * 10 + low


@lru_cache(maxsize=4096)
def chinese_to_number(text: str) -> float:
    """四十七 → 47, 两千 → 2000, 3.5 → 3.5 ("smart" mode: Arabic digits and mixed forms too).
    Kept per text: cn2an compiles its patterns on every call, a few hundred microseconds each.

    Raises ValueError for text that is not a number."""
    small = _small(text)
    if small is not None:
        return float(small)
    try:
        return float(_cn2an().cn2an(text.replace("两", "二"), "smart"))
    except (KeyError, IndexError) as exc:
        raise ValueError(f"not a number: {text!r}") from exc


def number_to_chinese(number: int) -> str:
    """7 → 七, 12 → 十二, 105 → 一百零五."""
    if 0 <= number < 10:
        return _NAMES[number]
    if 10 <= number < 100:
        tens, ones = divmod(number, 10)
        return ("" if tens == 1 else _NAMES[tens]) + "十" + (_NAMES[ones] if ones else "")
    return str(_cn2an().an2cn(number))
