"""A list of people (the recipients a 公示 names, 序号｜姓名｜补贴类别｜补贴金额) is no clause.

A public notice of approved subsidies prints its recipients as a table: each row a person (masked,
陈*), the measure paid and the sum paid to them. Read as a numbered table, every row became a clause
and a unit of the measure it names, so a question about 创业带动就业补贴 was answered with one person's
6000元 instead of what the measure grants. The rows state what was paid to someone, never what is
granted: they leave the clauses (the part above them keeps its count and total, 共22人，合计159600元),
and the quality report says so for the reviewer.
"""

from __future__ import annotations

import re

from knowledge.granted_figures import ROW
from knowledge.normalize import Paragraph
from knowledge.quality import IssueKind, QualityIssue

# A column naming a person: 姓名, 申请人姓名, 人员姓名 (a roster's header, not a table of standards).
_PERSON_COLUMN = re.compile(r"^[\u4e00-\u9fff]{0,4}姓名$")


def _is_roster_header(text: str) -> bool:
    cells = text.split(ROW)
    return len(cells) >= 3 and any(_PERSON_COLUMN.match(cell.strip()) for cell in cells)


def without_rosters(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[QualityIssue]]:
    """The paragraphs without any roster (its header row and the rows of as many cells after it), and one
    quality issue per roster left out."""
    kept: list[Paragraph] = []
    issues: list[QualityIssue] = []
    index = 0
    while index < len(paragraphs):
        para = paragraphs[index]
        if not _is_roster_header(para.text):
            kept.append(para)
            index += 1
            continue
        width = len(para.text.split(ROW))
        end = index + 1
        while end < len(paragraphs) and len(paragraphs[end].text.split(ROW)) == width:
            end += 1
        if end == index + 1:  # no row of a person under it: a form's line to fill in (申请人姓名｜性别｜□男 □女)
            kept.append(para)
            index += 1
            continue
        issues.append(
            QualityIssue(kind=IssueKind.ROSTER_LEFT_OUT, original=f"{para.text}（{end - index - 1}行）", replacement="")
        )
        index = end
    return kept, issues
