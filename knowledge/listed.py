"""Figures paid item by item: listed in one phrase (按初级工1000元、中级工1500元、高级工2000元的标准给予补贴; a
table cell 初级1000元、中级1500元、高级2000元), or a list followed by 分别 and one figure per item (初级、中级、
高级…的，分别给予1000元、1500元、2000元). Each item names whom or what its figure is for, so each is one unit of
the measure, named by its item (knowledge.derive makes the units)."""

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


# 初级、中级、高级…的，分别给予1000元、1500元、2000元: the list before 分别, one item per figure after it.
_LIST_SEPARATOR = re.compile(r"、|和|及|与")
_BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")
_ITEM_START = re.compile(r".*(?:为|对|取得|获得|获|参加|从事|的|是|[，,])")
_ITEM_END = re.compile(r"的|[，,]")
_MAX_RESPECTIVE_ITEM = 12


# Ordinals that share the word after the last (获一、二、三等奖 / 一、二级): each is that ordinal's own item.
_SHARED_SUFFIX = re.compile(r"((?:[一二三四五六七八九十]、)+[一二三四五六七八九十])(等奖|级|类|星级)")


def _each_with_suffix(match: re.Match[str]) -> str:
    """一、二、三等奖 → 一等奖、二等奖、三等奖."""
    return "、".join(f"{ordinal}{match.group(2)}" for ordinal in match.group(1).split("、"))


def respectively_items(before: str, count: int) -> list[str] | None:
    """The items of the list in the last comma part before 分别 that holds one (初级、中级、高级 /
    市级高技能人才培训基地和市级技能大师工作室), each cut to its own words: the first after the verb or
    particle it follows, the last before the 的 or the words the items share (职业资格证书); None
    unless the list holds exactly `count` items."""
    before = _SHARED_SUFFIX.sub(_each_with_suffix, before)
    listing = [p for p in re.split(r"[，,；;]", _BRACKETED.sub("", before)) if _LIST_SEPARATOR.search(p)]
    items = _LIST_SEPARATOR.split(listing[-1]) if listing else []
    if len(items) != count:
        return None  # 就业困难人员、高校毕业生和退役军人…分别给予1000元、2000元: which is whose is not said
    if (start := _ITEM_START.match(items[0])) is not None:
        items[0] = items[0][start.end() :]
    middle = items[1:-1]
    last = _ITEM_END.split(items[-1], maxsplit=1)[0]
    items[-1] = last[: max(map(len, middle))] if middle and len(last) > max(map(len, middle)) else last
    if not all(1 <= len(item) <= _MAX_RESPECTIVE_ITEM for item in items) or len(set(items)) < count:
        return None
    return items
