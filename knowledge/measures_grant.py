"""What a measure grants, in its own words: the part of its verbatim span that says what is given.

A measure without a figure of its own (体检结果互认, 破格晋级, 免费场地, 优先纳入培训) is still answered by
what it grants, not by its bare name: the first line quotes the span from the phrase that grants or
names the measure to the end of that sentence, leaving out the lead-in that only says why or how the
work is done (简化劳动者求职手续，…). Every character returned is inside the span.
"""

from __future__ import annotations

import re

from knowledge.measures import Measure

# A phrase that gives something (a payment, a service, a right, an exemption) or sets it up.
_GRANTS = re.compile(
    r"给予|予以|提供|享受|享有|免征|免除|免缴|免费|减免|纳入|优先|可申请|可通过|可为|允许|聘用|缴纳|鼓励|"
    r"实现|建立|实行|构建|帮扶|落实|设立|开放|延长|扩大|降低|取消|授予|破格|列支|补助|补贴|奖励|同等待遇"
)
# Separators of the span's phrases; a sentence ends at 。
_PHRASE_END = "，；。"
_NAME_PARTS = re.compile(r"[、和及与或（）“”()]+")
# A grant longer than this is cut at a phrase end (the quote below holds the whole span).
_LONGEST = 90
# What a phrase that only restates the name leaves once the grant verb and the name are removed.
_RESTATING = re.compile(r"^(?:可|可以|按规定|按有关规定|按照规定|并|再|要|由[^，]{0,8})?(?:给予|予以|享受|落实|实行)?$")
# A phrase that grants without saying to whom (可享受…, 给予…, 免费向…提供): the phrases before it in its
# sentence, back to the one that names whom (对…), say it.
_SUBJECTLESS = re.compile(r"^(?:可|可以|要|并|再|按规定|按有关规定|按照规定|及时|由|给予|予以|免费|为其)")
# A sum of money in a phrase: only the measure's own amounts are shown as what it pays (a target such as
# 新增小额担保贷款6亿元 is not what a person receives).
_MONEY = re.compile(r"\d[\d.,，]*(?:万|亿)?元")


def _phrases(span: str) -> list[str]:
    """The span cut after each ，；。 outside quotes and brackets; the pieces join back to the span."""
    pieces: list[str] = []
    depth = 0
    start = 0
    for at, ch in enumerate(span):
        if ch in "“（(":
            depth += 1
        elif ch in "”）)":
            depth = max(0, depth - 1)
        elif ch in _PHRASE_END and depth == 0:
            pieces.append(span[start : at + 1])
            start = at + 1
    if start < len(span):
        pieces.append(span[start:])
    return pieces


def _name_words(measure: Measure) -> tuple[str, ...]:
    words = {measure.name, *measure.aliases}
    for name in (measure.name, *measure.aliases):
        words.update(part for part in _NAME_PARTS.split(name) if len(part) >= 3)
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _restates(phrase: str, names: tuple[str, ...]) -> bool:
    body = phrase.rstrip(_PHRASE_END)
    for name in names:
        body = body.replace(name, "")
    return _RESTATING.match(body) is not None


def _fits(phrases: list[str], measure: Measure) -> bool:
    """Short enough for a first line, and no sum of money but the measure's own amounts."""
    own = {a.text for a in measure.amounts}
    for phrase in phrases:
        for money in _MONEY.finditer(phrase):
            if not any(money.group() in text for text in own):
                return False
    return sum(len(p) for p in phrases) <= _LONGEST


def granted_part(measure: Measure) -> str | None:
    """The verbatim part of the measure's span that says what it grants, or None when the span says no
    more than its name (给予创业补贴): then the line says the document gives no standard."""
    phrases = _phrases(measure.span)
    names = _name_words(measure)
    named = [i for i, p in enumerate(phrases) if any(n in p for n in names)]
    granting = [i for i, p in enumerate(phrases) if _GRANTS.search(p)]
    candidates = [i for i in named if not _restates(phrases[i], names)] or granting or named
    if not candidates:
        return None
    first = candidates[0]
    last = first
    while last + 1 < len(phrases) and not phrases[last].endswith("。") and _fits(phrases[first : last + 2], measure):
        last += 1
    if _restates(phrases[first], names) and last == first:
        return None
    if _SUBJECTLESS.match(phrases[first]):
        for start in range(first - 1, -1, -1):
            if phrases[start].endswith("。") or not _fits(phrases[start : last + 1], measure):
                break
            if phrases[start].startswith("对") or start == 0 or phrases[start - 1].endswith("。"):
                first = start
                break
    if _MONEY.search(phrases[first]) and not _fits(phrases[first : first + 1], measure):
        return None
    chosen = "".join(phrases[first : last + 1])
    grant = chosen.rstrip(_PHRASE_END + "、")
    return grant or None
