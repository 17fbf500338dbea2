"""Sums and shares a question tells (那个5000块的补贴, 调到70%的见习补贴, 新增6个亿的贷款): they identify
the measure that states them, whatever the question calls it."""

from __future__ import annotations

import re
from functools import lru_cache

# A number with a magnitude (万, 亿) or a unit of money or share. Bare numbers (2017年, 1年以上, 3个人)
# tell nothing about which measure is meant.
_QUANTITY = re.compile(r"(\d+(?:\.\d+)?)\s*个?\s*([千万亿])?\s*(元|块|%|％)?")

Quantity = tuple[str, str, bool]


def _number(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


@lru_cache(maxsize=4096)
def quantities(text: str) -> frozenset[Quantity]:
    """(number, magnitude, is a share) of every sum or share in the text: 5000块 ≡ 5000元, 6个亿 ≡ 6亿元."""
    found: set[Quantity] = set()
    for match in _QUANTITY.finditer(text):
        number, magnitude, unit = match.groups()
        if not magnitude and not unit:
            continue
        found.add((_number(number), magnitude or "", unit in ("%", "％")))
    for match in _POINTED_AT.finditer(text):
        found.add((match.group(1), "", False))  # 那个5000的: the sum pointed at, its unit left unsaid
    return frozenset(found)


# A bare sum pointed at (那个5000的, 这个1000的能要不): a number of three digits or more between a
# demonstrative and 的 — never a year (那个2017的文件).
_POINTED_AT = re.compile(r"(?:那个|这个|那|这)(?!19\d\d|20\d\d)(\d{3,})(?=的)")


def states_a_told_figure(question: str, text: str) -> bool:
    """Whether the text states a sum or share the question tells."""
    told = quantities(question)
    return bool(told) and bool(told & quantities(text))


# A headcount range a clause grants by: a table row (3—9人｜每人1200元) or a condition (带动10人以上的).
HEADCOUNT_RANGE = re.compile(r"(\d+)\s*(?:[—–\-~～]+|至|到)\s*(\d+)\s*(?:人|名)")
HEADCOUNT_AT_LEAST = re.compile(r"(?<![每\d])(\d+)\s*(?:人|名)(?:以上|及以上)")


def headcount_ranges(text: str) -> list[tuple[int, float]]:
    """Every headcount range the text grants by, as (lowest, highest) — highest infinite for 以上."""
    ranges: list[tuple[int, float]] = [(int(a), int(b)) for a, b in HEADCOUNT_RANGE.findall(text)]
    ranges += [(int(a), float("inf")) for a in HEADCOUNT_AT_LEAST.findall(text)]
    return ranges


def holds_a_told_headcount(counts: tuple[int, ...], text: str) -> bool:
    """Whether the text grants by headcount tiers (two ranges or more) and one holds a count told
    (我带动了5个人: 带动3人以上…／带动10人以上…): the count points at the tiered measure."""
    ranges = headcount_ranges(text)
    return len(ranges) >= 2 and any(low <= n <= high for n in counts for low, high in ranges)
