"""Numbers, durations and dates the way people type them: 14, 两千, 三年半, 一年多, 2019年6月, 去年.

Chinese numerals go through cn2an. Dates are relative to `today`, which the caller passes in
(time is an input), and carry their precision: a year alone is not a day, and the person is told
which day was assumed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from knowledge.numerals import chinese_to_number

CN_DIGITS = "零〇一二两三四五六七八九十百千万"
NUMBER = rf"(?:\d+(?:\.\d+)?|[{CN_DIGITS}]+)"
# A round number said loosely (十来个月, 十几年, 二十多个月): its lower end, like 一年多.
_LOOSE = r"(?:来|几|多)?"
# A count of years is never a calendar year (2024年3月, 24年3月 are days, not 2024 or 24 years and 3 months: walk42),
# nor the tail of one (the 024 of 2024年); nor is the month of a date (the 3月 of 2024年3月) a count of months.
_NOT_A_YEAR = (
    r"(?<![\d.〇零一二两三四五六七八九十百千])"
    r"(?!(?:19|20)\d{2}\s*年|[一二][〇零一二三四五六七八九]{3}\s*年|\d{2}\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月)"
)
_NOT_A_MONTH = r"(?:(?=[^年月，,。]{0,6}个)|(?<!年)(?<!年\s))"
# 三年半, 一年零三个月, 1年3个月, 半年, 两个半月, 18个月, 一年多, 大半年, 小半年, 十来个月
DURATION = (
    rf"(?:{_NOT_A_YEAR}(?:{NUMBER}{_LOOSE}|半)\s*(?:个)?(?:年|周年)(?:半|多)?(?:零|又)?(?:{NUMBER}\s*个半?月)?"
    rf"|[大小]半年多?|{_NOT_A_MONTH}{NUMBER}{_LOOSE}\s*个?半?多?月|半个?月)"
)
# 大半年 is more than half a year and 小半年 less: read as their lower end and as 不到半年 (5 months),
# so no window is assumed longer than the person said.
_HALF_YEARS = {"大半年": 6.0, "小半年": 5.0}
_YEAR = r"(?:(?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})"
# 21年, 98年: two digits only right before 年 (never inside 2021年, never 21年代).
_SHORT_YEAR = r"(?<![\d.])\d{2}(?=\s*年(?!代|纪))"
_RELATIVE_WORD = r"(?:大前年|前年|去年|今年|明年|后年)"
# Part of a year: 年底 / 底 / 年末 → December, 年初 / 初 → January, 上半年 → June, 下半年 → December; a season
# (17年夏天, 去年秋天; session 32) → its first month, 夏天 → June as graduates leave (the note says so).
_PART = r"(?:年底|年末|年初|上半年|下半年|[春夏秋冬](?:天|季)|底|末|初)"
_MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
DATE = (
    rf"(?:{_YEAR}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*[日号]?"
    rf"|(?:{_YEAR}|{_SHORT_YEAR})\s*年\s*{_PART}"
    rf"|{_YEAR}\s*(?:年|[-/.])\s*{_MONTH}\s*(?:月份?)?"
    rf"|{_SHORT_YEAR}\s*年\s*{_MONTH}\s*月份?"
    rf"|{_YEAR}\s*年?"
    rf"|{_SHORT_YEAR}\s*年"
    rf"|{_RELATIVE_WORD}\s*(?:{_PART}|{_MONTH}\s*月份?)?"
    rf"|(?:{NUMBER}|半)\s*年前|上个月|本月|这个月)"
)
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)} | {0xFF0E: ord(".")}
_NUMERAL_RUN = re.compile(rf"\d+(?:\.\d+)?|[{CN_DIGITS}]+")

Precision = Literal["day", "month", "part", "year", "decade"]
ASSUMED_MONTH = 6  # a year alone is read as the end of June: when graduates leave school


@dataclass(frozen=True)
class Day:
    value: date
    precision: Precision

    @property
    def note(self) -> str | None:
        """What was assumed, said to the person so they can correct it."""
        if self.precision == "year":
            return f"只说了年份，按{self.value.month}月{self.value.day}日算"
        if self.precision == "month":
            return f"只说了月份，按{self.value.day}日算"
        if self.precision == "part":
            return f"按{self.value.month}月{self.value.day}日算"
        if self.precision == "decade":
            return f"只说了年代，按最晚的{self.value.year}年{self.value.month}月{self.value.day}日算"
        return None


def ascii_digits(text: str) -> str:
    return text.translate(_FULLWIDTH)


def parse_number(text: str) -> float | None:
    """The first number in the text (5, 2.5, 两千, 三十五); 半 alone is 0.5. None when there is none."""
    text = ascii_digits(text)
    match = _NUMERAL_RUN.search(text)
    if match is None:
        return 0.5 if "半" in text else None
    return _numeral(match.group(0))


# Two neighbouring numerals are a rough range (五六年, 两三个月, 三四十): its lower end is taken, so
# no window is assumed longer than the person said.
_RANGE = re.compile(r"^([一二两三四五六七八九])([二两三四五六七八九])(十|百|千|万)?$")
_RANGE_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def _numeral(run: str) -> float | None:
    if run[0].isdigit():
        return float(run)
    if (approx := _RANGE.match(run)) and _RANGE_DIGIT[approx[2]] == _RANGE_DIGIT[approx[1]] + 1:
        return float(_RANGE_DIGIT[approx[1]] * {None: 1, "十": 10, "百": 100, "千": 1000, "万": 10000}[approx[3]])
    if run in {"万", "千", "百"}:
        return None
    try:
        return chinese_to_number(run.replace("〇", "零"))
    except ValueError:
        return None


_DURATION_PARTS = re.compile(
    rf"{_NOT_A_YEAR}(?P<years>{NUMBER}|半)?{_LOOSE}\s*(?:个)?(?:年|周年)(?P<half_year>半)?"
    rf"|{_NOT_A_MONTH}(?P<months>{NUMBER})?{_LOOSE}\s*个?(?P<half_month>半)?\s*月"
)


def parse_months(text: str) -> float | None:
    """A duration in months: 三年半 → 42, 一年多 → 12, 半年 → 6, 14个月 → 14, 两个半月 → 2.5,
    大半年 → 6, 十来个月 → 10, 一两年 → 12 (a rough range or a loose number: its lower end)."""
    text = ascii_digits(text)
    total = 0.0
    found = False
    for said, half in _HALF_YEARS.items():
        if said in text:
            text = text.replace(said, " ")
            total += half
            found = True
    for match in _DURATION_PARTS.finditer(text):
        if match.group(0).strip() in {"年", "月", "个月"} and not _has_number_before(text, match.start()):
            continue
        if "年" in match.group(0):
            raw = match.group("years")
            years = 0.5 if raw == "半" else (_numeral(raw) if raw else None)
            if years is None:
                continue
            total += years * 12 + (6 if match.group("half_year") else 0)
        else:
            raw = match.group("months")
            months = _numeral(raw) if raw else (0.0 if match.group("half_month") else None)
            if months is None:
                continue
            total += months + (0.5 if match.group("half_month") else 0)
        found = True
    return total if found else None


def _has_number_before(text: str, index: int) -> bool:
    return index > 0 and (text[index - 1].isdigit() or text[index - 1] in CN_DIGITS or text[index - 1] == "半")


_PART_MONTH = {"年底": 12, "年末": 12, "底": 12, "末": 12, "下半年": 12, "年初": 1, "初": 1, "上半年": 6}
_PART_MONTH |= {
    f"{season}{word}": month for season, month in zip("春夏秋冬", (3, 6, 9, 12), strict=True) for word in "天季"
}
_YEAR_PART = re.compile(rf"(?P<y>{_YEAR}|{_SHORT_YEAR})\s*年\s*(?P<part>{_PART})")
_SHORT_YEAR_MONTH = re.compile(rf"(?P<y>{_SHORT_YEAR})\s*年\s*(?P<m>{_MONTH})\s*月")
_SHORT_YEAR_ONLY = re.compile(rf"(?P<y>{_SHORT_YEAR})\s*年")
_FULL_DATE = re.compile(rf"(?P<y>{_YEAR})\s*[-/.年]\s*(?P<m>\d{{1,2}})\s*[-/.月]\s*(?P<d>\d{{1,2}})")
_YEAR_MONTH = re.compile(rf"(?P<y>{_YEAR})\s*(?:年|[-/.])\s*(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?!\d)")
_YEAR_ONLY = re.compile(rf"(?P<y>{_YEAR})(?:\s*年|届|(?!\d))")
_RELATIVE_YEAR = {"大前年": 3, "前年": 2, "去年": 1, "今年": 0, "明年": -1, "后年": -2}
_RELATIVE = re.compile(rf"(?P<word>{_RELATIVE_WORD})\s*(?:(?P<part>{_PART})|(?P<m>{_MONTH})\s*月)?")
_YEARS_AGO = re.compile(rf"(?P<n>{NUMBER}|半)\s*年前")


def parse_day(text: str, today: date) -> Day | None:
    """The date in the text: 2019-06-30, 2019年6月, 2019年, 二〇一九年, 21年, 去年, 去年6月, 明年七月,
    去年底, 2023年初, 三年前, 上个月."""
    text = ascii_digits(text)
    if match := _FULL_DATE.search(text):
        year, month, day = _year(match["y"], today), int(match["m"]), int(match["d"])
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            return Day(date(year, month, day), "day")
        return None
    if match := _YEAR_PART.search(text):
        return _part_day(_year(match["y"], today), match["part"])
    if match := _YEAR_MONTH.search(text) or _SHORT_YEAR_MONTH.search(text):
        return _month_day(_year(match["y"], today), _month(match["m"]))
    if match := _RELATIVE.search(text):
        year = today.year - _RELATIVE_YEAR[match["word"]]
        if match["part"]:
            return _part_day(year, match["part"])
        if match["m"]:
            return _month_day(year, _month(match["m"]))
        return _year_day(year)
    if "上个月" in text:
        year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        return _month_day(year, month)
    if "本月" in text or "这个月" in text:
        return Day(today, "month")
    if match := _YEARS_AGO.search(text):
        months = parse_months(match["n"] + "年")
        if months is None:
            return None
        total = today.year * 12 + today.month - 1 - round(months)
        return Day(_clamp_day(total // 12, total % 12 + 1, today.day), "month")
    if match := _YEAR_ONLY.search(text) or _SHORT_YEAR_ONLY.search(text):
        return _year_day(_year(match["y"], today))
    if match := _DECADE.search(text):
        # Session 41 (walk): 九十年代 / 九几年 — the decade's last year, so that a date only known to be that old
        # still decides a 离校1年内 (and says which day was assumed: the latest it can be).
        said = match["tens"] or match["tens_cn"] or f"{match['one']}十"
        decade = 1900 + (int(said) if said.isdigit() else int(chinese_to_number(said)))
        return Day(date(decade + 9, ASSUMED_MONTH, 30), "decade") if decade + 9 < today.year else None
    return None


# 90年代, 上世纪九十年代, 九几年 (the 1950s to the 1990s: a decade of this century said so is rare and ambiguous).
_DECADE = re.compile(r"(?:(?P<tens>[5-9]0)\s*年代|(?P<tens_cn>[五六七八九]十)年代|(?P<one>[五六七八九])几年)")


def _year(raw: str, today: date) -> int:
    """2019, 二〇一九, or two digits (21 → 2021, 98 → 1998: not later than next year)."""
    if raw.isdigit() and len(raw) == 2:
        year = today.year // 100 * 100 + int(raw)
        return year if year <= today.year + 1 else year - 100
    if raw.isdigit():
        return int(raw)
    return int("".join(str("〇一二三四五六七八九".index(c)) if c != "零" else "0" for c in raw))


def _month(raw: str) -> int:
    return int(raw) if raw.isdigit() else int(chinese_to_number(raw))


def _month_day(year: int, month: int) -> Day | None:
    if not 1 <= month <= 12:
        return None
    return Day(date(year, month, calendar.monthrange(year, month)[1]), "month")


def _part_day(year: int, part: str) -> Day:
    month = _PART_MONTH[part]
    return Day(date(year, month, calendar.monthrange(year, month)[1]), "part")


def _year_day(year: int) -> Day:
    return Day(date(year, ASSUMED_MONTH, 30), "year")


def _clamp_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))
