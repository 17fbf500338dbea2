"""A document written in two languages (a 中英双语 summary: each Chinese paragraph followed by its English
translation). The Chinese text is the policy; the English is its translation, so it is neither judged as
policy text (its words would dilute the policy vocabulary of the whole) nor read as clauses or figures of
their own (the same 1万元 would be a second measure as RMB 10,000, and `1. Eligibility.` a second numbering).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[A-Za-z]{2,}")
# A line is prose in a Latin-script language when it holds no Chinese character and several words
# (a URL, an e-mail address or a code such as ICP备 numbers has one or two).
_FEWEST_WORDS = 4
# Chinese lines the rest must keep for the text to be a Chinese document with a translation.
_FEWEST_CHINESE_LINES = 2


@dataclass(frozen=True)
class ChinesePart:
    """The text without its translation lines; `translated`: how many lines were set aside."""

    text: str
    translated: int


def is_translation_line(line: str) -> bool:
    """A line of prose in a Latin-script language, with no Chinese character."""
    return not _CJK.search(line) and len(_WORD.findall(line)) >= _FEWEST_WORDS


def chinese_part(text: str) -> ChinesePart:
    """The Chinese text of a document that also gives it in another language; a text without enough
    Chinese lines (an English-only file) is returned whole, to be judged as it is."""
    lines = text.split("\n")
    foreign = [is_translation_line(line) for line in lines]
    chinese = sum(1 for line in lines if len(_CJK.findall(line)) >= 2)
    if not any(foreign) or chinese < _FEWEST_CHINESE_LINES:
        return ChinesePart(text, 0)
    kept = [line for line, is_foreign in zip(lines, foreign, strict=True) if not is_foreign]
    return ChinesePart("\n".join(kept), sum(foreign))
