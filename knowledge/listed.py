"""Figures listed item by item in one phrase (按初级工1000元、中级工1500元、高级工2000元的标准给予补贴; a table
cell 初级1000元、中级1500元、高级2000元): each item names whom or what its figure is for, as the items of a
分别 list do (knowledge.derive), so each is one unit of the measure, named by its item."""

from __future__ import annotations

import re

_FIGURE = r"(?:每人每月|每人每年|每人|每月|每年|每户)?(?:最高|不超过)?\d+(?:\.\d+)?(?:万元|元|%)"
# Two items or more, each a few words and its figure, apart by 、 (a name reaches back to the nearest
# punctuation or figure).
_LIST = re.compile(rf"(?:[\u4e00-\u9fff]{{1,10}}{_FIGURE}、)+[\u4e00-\u9fff]{{1,10}}{_FIGURE}")
_ITEM = re.compile(rf"^([\u4e00-\u9fff]{{1,10}}?)({_FIGURE})$")
# Words a list opens after, which belong to the sentence, not to its first item.
_LEAD = re.compile(r"^.*(?:按照|按|为|给予|分为|对|是)")
# A figure that only repeats a rate or a cap (每人1000元、每户最高3万元) names no item.
_NOT_A_NAME = re.compile(r"^(?:最高|不超过|最多|最低|每|补贴|奖励|标准)")
_MAX_ITEM = 8


def listed_items(span: str) -> list[tuple[str, str]] | None:
    """The (item, figure) pairs of the one list in the span whose items each carry their own figure
    (初级工 1000元, 中级工 1500元, 高级工 2000元); None when there is no such list, or more than one."""
    found = _LIST.findall(span)
    if len(found) != 1:
        return None
    pairs: list[tuple[str, str]] = []
    for at, entry in enumerate(found[0].split("、")):
        match = _ITEM.match(entry)
        if match is None:
            return None
        item = _LEAD.sub("", match.group(1)) if at == 0 else match.group(1)
        if not 1 <= len(item) <= _MAX_ITEM or _NOT_A_NAME.match(item):
            return None
        pairs.append((item, match.group(2)))
    items = [item for item, _ in pairs]
    return pairs if len(set(items)) == len(items) else None
