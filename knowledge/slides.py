"""A slide deck exported as outline text (PowerPoint's or WPS's 大纲 saved as .txt, a deck pasted from its outline
view): a marker line opens each slide (幻灯片 3, Slide 3, 第3张幻灯片), the slide's title follows, and its bullets are
indented one tab per level.

The markers and the indentation are the deck's structure, not its words: a slide is one unit of meaning (its title
says what its bullets are about), so the marker is kept on a line of its own for the parser to cut slides by
(knowledge.structure), never joined to the title below it, and the tabs are dropped from the bullets (a tab inside
a line of a plain text is read as a table's cell gap). Metadata a deck states on its title slide or its closing
slide (the presenting body, the month) is read from those slides (knowledge.intake).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

# 幻灯片 3 / 幻灯片3 / Slide 3 / 第3张幻灯片 / 第三张 (a marker is a line of its own).
_MARKER = re.compile(
    r"^\s*(?:幻灯片|[Ss]lide|SLIDE)\s*([0-9]{1,3})\s*[:：.]?\s*$"
    r"|^\s*第\s*([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*张(?:幻灯片|PPT)?\s*[:：]?\s*$"
)
# A deck has at least this many slides, numbered up from its first.
_FEWEST_SLIDES = 3
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CHINESE_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CHINESE_DIGITS.get(tens, 0) * 10 + (_CHINESE_DIGITS.get(ones, 0) if ones else 0)
    return _CHINESE_DIGITS.get(text, 0)


def slide_number(line: str) -> int | None:
    """The number of the slide a marker line opens; None for any other line."""
    match = _MARKER.match(line)
    if match is None:
        return None
    return _number(match.group(1) or match.group(2))


def is_slide_deck(lines: Sequence[str]) -> bool:
    """Whether a text is a deck's outline: it opens with a slide marker (after blank lines) and holds at least three
    markers numbered up one by one from the first."""
    # decided by the first filled line for any text but a deck (the pipeline asks at each step, cheaply)
    first = next((line for line in lines if line.strip()), None)
    if first is None or slide_number(first) is None:
        return False
    filled = [line for line in lines if line.strip()]
    numbers = [n for n in (slide_number(line) for line in filled) if n is not None]
    return len(numbers) >= _FEWEST_SLIDES and all(b == a + 1 for a, b in itertools.pairwise(numbers))


def deck_text(decoded: str) -> str:
    """A deck's outline as the parser reads text: one line per marker, title and bullet, a blank line between
    slides, the bullets' indentation (tabs, or the spaces a converter wrote for them) dropped."""
    out: list[str] = []
    for raw in decoded.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip(" \t\u3000")
        if slide_number(line) is not None:
            if out and out[-1]:
                out.append("")
            out.append(line)
        else:
            out.append(line)
    return "\n".join(out)


def slides(lines: Sequence[str]) -> list[tuple[int, list[int]]]:
    """(slide number, indexes of its lines) for each slide of a deck's lines, markers left out."""
    found: list[tuple[int, list[int]]] = []
    for index, line in enumerate(lines):
        number = slide_number(line)
        if number is not None:
            found.append((number, []))
        elif found and line.strip():
            found[-1][1].append(index)
    return found


def is_slide(label: str) -> bool:
    """Whether a clause is a slide of a deck: cited by the label the parser gives each slide (knowledge.structure)."""
    return label.startswith(SLIDE_LABEL)


# How a slide's clause is cited: 幻灯片3.
SLIDE_LABEL = "幻灯片"
