"""Sums of money a question tells as heard or believed (社保补贴就是一个月1200对吧, 政府直接给两万块钱): whether
the documents state them. The answer says so first (walk47 C15, A21): a figure the person brings is never left
standing beside an answer that neither gives nor denies it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.numerals import chinese_to_number

# A sum with its unit (1200元, 两万块钱, 1.5万元), or a bare number of three to six digits that is no year, count,
# age, length or date (一个月1200对吧) — said of money in a question about a subsidy.
_TOLD = re.compile(
    r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)\s*(?P<mag>万|千)?\s*(?:元|块)"
    r"|(?P<tenk>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*万(?!\s*(?:多|余)?\s*(?:人|名|户|个|家|亩|平|字))"
    r"|(?<![\d.])(?!(?:19|20)\d\d(?!\d))(?P<bare>\d{3,6})"
    r"(?![\d.]|\s*(?:年|人|个|岁|月|天|日|号|来|%|％|名|家|户|万|千|元|块|小时|次|平|亩|米|多|余|期|条|项|岗))"
)
# A sum a clause states: a number and its magnitude before 元.
_STATED = re.compile(r"(\d+(?:\.\d+)?)\s*(万|千)?\s*元")
_MAGNITUDE = {"万": 10000.0, "千": 1000.0, None: 1.0, "": 1.0}


def told_sums(question: str) -> tuple[tuple[str, float], ...]:
    """Each sum of money the question tells: (as said, in 元)."""
    told: list[tuple[str, float]] = []
    for match in _TOLD.finditer(question):
        said = match.group("n") or match.group("tenk") or match.group("bare")
        try:
            number = float(said) if said[0].isdigit() else chinese_to_number(said)
        except ValueError:
            continue
        value = number * (_MAGNITUDE["万"] if match.group("tenk") else _MAGNITUDE[match.group("mag")])
        if value >= 100 and all(v != value for _, v in told):
            told.append((match.group(0).strip(), value))
    return tuple(told)


def stated_sums(texts: Iterable[str]) -> frozenset[float]:
    """Every sum in 元 the texts state."""
    return frozenset(float(n) * _MAGNITUDE[m] for text in texts for n, m in _STATED.findall(text))
