"""A question that holds the asker's own figure against a measure's condition (我妈今年67了还能去不, 执照下来八个月了
能申请不) or asks the condition's figure (多大岁数, 一个月要干多少钟头, 要交满几年): the answer is that condition's
phrase, verbatim (安置对象年龄原则上不超过65周岁), with what the measure grants after it — not the grant alone.

A measure cut from a new document carries no curated conditions: the phrases that bound one are read from its
sentence (`knowledge.granted_figures.bounded_conditions`)."""

from __future__ import annotations

import re

from knowledge.granted_figures import bounded_conditions
from knowledge.measures import Measure
from knowledge.numerals import chinese_to_number

_NUMBER = r"\d{1,3}|[一二两三四五六七八九十]{1,3}"
# An age told of someone (我妈今年67了, 俺爸62了, 今年58岁): a number of years of life, with nothing counted after it.
_AGE_TOLD = re.compile(
    rf"(?:今年|已经|都)?(?P<n>{_NUMBER})(?:周岁|岁)(?:了)?|今年(?P<m>{_NUMBER})(?![年个月天号日])|(?P<k>\d{{2}})了"
)
_AGE_ASKED = re.compile(r"多大岁数|多大年纪|多少岁|几岁|年龄|岁数|年纪")
# How long something has lasted, told (执照下来八个月了, 干了两年多了): a length ending in 了.
_LENGTH_TOLD = re.compile(rf"(?:{_NUMBER}|半)(?:个多?月|年多?)了")
_LENGTH_ASKED = re.compile(r"[满够][几多]|几年以上|多久(?:以)?内|多长时间(?:以)?内|几个月(?:以)?内|多久之内")
_HOURS_ASKED = re.compile(r"(?:多少个?|几个?)(?:钟头|小时|课时|学时)|(?:钟头|小时|课时|学时)数")
_AT_LEAST = re.compile(r"以上|满|不少于|不低于|达到|超过")
# An age is one of a grown person's years: 5岁 of a child, 120 of nothing.
_AGES = range(16, 100)


def _tells_an_age(question: str) -> bool:
    for told in _AGE_TOLD.finditer(question):
        number = told["n"] or told["m"] or told["k"]
        try:
            if int(chinese_to_number(number)) in _AGES:
                return True
        except ValueError:
            continue
    return False


def kinds_asked(question: str) -> frozenset[str]:
    """The kinds of bound the question holds a figure against or asks: `age`, `duration`, `hours`."""
    kinds = set()
    if _tells_an_age(question) or _AGE_ASKED.search(question):
        kinds.add("age")
    if _LENGTH_TOLD.search(question) or _LENGTH_ASKED.search(question):
        kinds.add("duration")
    if _HOURS_ASKED.search(question):
        kinds.add("hours")
    return frozenset(kinds)


def bounds_asked(measure: Measure, question: str, words: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The measure's condition phrases bounding what the question tells or asks, verbatim from its sentence. Of two
    lengths of time the one to reach (正常经营1年以上 for 八个月了, not 离校2年内: what has lasted is held against
    what it must last — a length told is held against nothing else), and of those the one sharing a word of the
    question."""
    kinds = kinds_asked(question)
    if not kinds:
        return ()
    found = [(phrase, kind) for phrase, kind in bounded_conditions(measure.span) if kind in kinds]
    picked: list[str] = []
    only_told = not _LENGTH_ASKED.search(question)
    for kind in sorted(kinds):
        phrases = [phrase for phrase, of in found if of == kind]
        reached = [p for p in phrases if _AT_LEAST.search(p)]
        if kind == "duration" and only_told:
            # 干了一年多了 is held against what it must reach (满1年), never against a group's window (毕业5年内)
            phrases = reached
        if len(phrases) > 1:
            reached = reached or phrases
            phrases = [p for p in reached if any(len(w) > 1 and w in p for w in words)] or reached
        picked += phrases[:1]
    return tuple(dict.fromkeys(picked))
