"""Whom a measure is for when its own span names no one but its sentence does, before it (issue 10).

A sentence may name a group once and then list what each of its cases gets, segment by segment:
下岗失业人员和就业困难人员，要提供…；自主创业的，要给予税费减免…；灵活就业的，要给予一定比例的社会保险补贴。
The span of 灵活就业社会保险补贴 is only its own segment (灵活就业的，…), so its condition alone reads as if every
flexible worker were meant. The group the sentence named is whom it is for: said with its conditions, never
dropped (the eligibility rule of the same measure asks it)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.measures import Measure

# A segment opening with a case, not a group (灵活就业的，/ 对自主就业创业的，/ 参加有组织劳务输出的，).
_CASE_OPENING = re.compile(r"^对?[^，；。：]{1,30}的，")


def sentence_subject(measure: Measure, siblings: Sequence[Measure], clause_text: str) -> tuple[str, ...]:
    """The targets of the group the measure's sentence names before it: its span opens a segment with a case
    (…的，) and names no group; going back over the segments of the same sentence that open with cases too,
    the first that does not is a sibling measure's own span naming its targets in its opening phrase
    (下岗失业人员和就业困难人员，…; 促进去产能企业失业人员转岗就业，…; 加大退役士兵安置工作力度，…).
    Empty when the measure names its own group or its sentence names none before it."""
    if measure.targets or not _CASE_OPENING.match(measure.span):
        return ()
    at = clause_text.find(measure.span)
    if at <= 0:
        return ()
    before = clause_text[clause_text.rfind("。", 0, at) + 1 : at]
    if not before.endswith("；"):
        return ()  # the span does not open a segment of its sentence
    for segment in reversed(before[:-1].split("；")):
        if _CASE_OPENING.match(segment):
            continue
        opening = segment.split("，", 1)[0]
        for sibling in siblings:
            if (
                sibling is not measure
                and sibling.targets
                and sibling.span.startswith(opening)
                and all(target in opening for target in sibling.targets)
            ):
                return sibling.targets
        return ()
    return ()
