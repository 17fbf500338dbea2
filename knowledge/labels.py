"""The numbering of Chinese government documents: which label starts a paragraph, and its level.

第X部分/第X章/第X节/第X条 for regulations, 一、/（一）/1./（1）/① for notices and opinions. Each
style has a conventional rank (a 章 holds 条, a 一、 holds （一）); a label is only structure when
its number continues the sequence it belongs to, so "1.5倍" or a stray "3." quoted in a sentence
stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from knowledge.numerals import chinese_to_number

_CN = "一二三四五六七八九十百零〇两"
_AR = "0-9０-９"


class Style(IntEnum):
    """Label styles in conventional order, outermost first."""

    PART = 0  # 第一部分
    CHAPTER = 1  # 第一章
    SECTION = 2  # 第一节
    ARTICLE = 3  # 第一条
    CN = 4  # 一、
    CN_PAREN = 5  # （一）
    ARABIC = 6  # 1. 1． 1、
    ARABIC_PAREN = 7  # （1） ⑴
    ARABIC_HALF = 8  # 1）
    CIRCLED = 9  # ①
    ROW = 10  # 1｜一次性创业补贴｜…｜每户5000元 — a row of a numbered table (序号 in its first cell)


@dataclass(frozen=True)
class Label:
    style: Style
    number: int
    text: str  # the label as it should read: （一）, 第三条, 1.
    end: int  # where the label ends in the paragraph as written
    is_repaired: bool = False  # 一） written without its opening bracket


_PATTERNS: tuple[tuple[Style, re.Pattern[str]], ...] = (
    (Style.PART, re.compile(rf"^第([{_CN}]{{1,4}}|[{_AR}]{{1,3}})部分")),
    (Style.CHAPTER, re.compile(rf"^第([{_CN}]{{1,4}}|[{_AR}]{{1,3}})章")),
    (Style.SECTION, re.compile(rf"^第([{_CN}]{{1,4}}|[{_AR}]{{1,3}})节")),
    (Style.ARTICLE, re.compile(rf"^第([{_CN}]{{1,5}}|[{_AR}]{{1,3}})条")),
    # 一、2026年工作安排 is a part; only a point before a digit (一.5) reads as no label.
    (Style.CN, re.compile(rf"^([{_CN}]{{1,3}})(?:、|[．.](?![{_AR}]))")),
    # 第一、 第二、: the same parts as 一、 二、, written as ordinals.
    (Style.CN, re.compile(rf"^第([{_CN}]{{1,3}})、")),
    # An item of a service guide (办事指南): 事项一：一次性创业补贴 — numbered as 一、 is.
    (Style.CN, re.compile(rf"^事项([{_CN}]{{1,3}})(?=[:：、．.\s])")),
    (Style.CN_PAREN, re.compile(rf"^([（(]?)([{_CN}]{{1,3}})[）)]")),
    (Style.ARABIC_PAREN, re.compile(rf"^[（(]([{_AR}]{{1,2}})[）)]")),
    (Style.ARABIC, re.compile(rf"^([{_AR}]{{1,2}})(?:[.．](?![{_AR}])|、(?![{_AR}]))")),
    (Style.ARABIC_HALF, re.compile(rf"^([{_AR}]{{1,2}})[）)]")),
    # A numbered question of a 政策问答 page (问1：…？ 答：…): an item numbered as 1. is, through the page.
    (Style.ARABIC, re.compile(rf"^问题?([{_AR}]{{1,2}}|[{_CN}]{{1,3}})(?=[:：])")),
    # A table row read as one line, its cells joined by ｜ (knowledge.filetext, knowledge.docx).
    (Style.ROW, re.compile(rf"^([{_AR}]{{1,3}})｜(?=.*｜)")),
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _number(text: str) -> int:
    text = text.translate(_FULLWIDTH)
    return int(text) if text.isdigit() else int(chinese_to_number(text.replace("〇", "零")))


def read_label(paragraph: str) -> Label | None:
    """The label a paragraph starts with, if it starts with one."""
    if not paragraph:
        return None
    first = paragraph[0]
    if first in _CIRCLED:
        return Label(Style.CIRCLED, _CIRCLED.index(first) + 1, first, 1)
    if first in _PAREN_DIGITS:
        number = _PAREN_DIGITS.index(first) + 1
        return Label(Style.ARABIC_PAREN, number, f"（{number}）", 1)
    for style, pattern in _PATTERNS:
        match = pattern.match(paragraph)
        if not match:
            continue
        try:
            number = _number(match.group(match.lastindex or 1))
        except (ValueError, TypeError):
            return None
        if number <= 0:
            return None
        if style == Style.CN_PAREN:
            written = match.group(0)
            text = f"（{match.group(2)}）"
            return Label(style, number, text, match.end(), is_repaired=written != text and match.group(1) != "（")
        if style == Style.ARABIC_PAREN:
            return Label(style, number, f"（{match.group(1).translate(_FULLWIDTH)}）", match.end())
        return Label(style, number, match.group(0), match.end())
    return None


def own_label(label: Label) -> str:
    """How a clause is labelled by its own number: as written (第三条, （七）, 3．), a table row by
    its 序号 as an item of the list (第3项)."""
    return f"第{label.number}项" if label.style == Style.ROW else label.text


def is_item_style(style: Style) -> bool:
    """Styles that number items inside a clause (项, 目) rather than the clauses themselves."""
    return style >= Style.CN_PAREN


def cited_as(path: list[Label]) -> str:
    """How a label is cited with the parts above it: 第三条第（二）项, 二、（三）, 第五条第（一）项第2目.
    Articles are numbered through the whole document, so chapters and sections never need naming."""
    articles = [i for i, label in enumerate(path) if label.style == Style.ARTICLE]
    if articles:
        article = articles[-1]
        words = ["项", "目", "小目"]
        items = path[article + 1 :]
        tail = [f"第{label.text.rstrip('.．、｜')}{words[min(i, 2)]}" for i, label in enumerate(items)]
        return path[article].text + "".join(tail)
    return "".join(own_label(label) for label in path)


_BARE_LABEL = re.compile(rf"^（([{_CN}]{{1,4}})）$|^第?([{_CN}]{{1,4}})、$|^([{_AR}]{{1,2}})[.．、]$")


def cited_form(label: str) -> str:
    """A clause label as a citation names it: （七） → 第（七）条, 一、 (第一、) → 第一条, 3． → 第3条; a label
    that already says what it is (第三条, 第三条第（二）项, 二、（三）, 第二段) stays as it is."""
    match = _BARE_LABEL.match(label)
    if not match:
        return label
    if match.group(1):
        return f"第{label}条"
    return f"第{match.group(2) or match.group(3)}条"


# A recording's transcript stamps each turn with the time it was said ([00:11:58] 区人社局局长 孙立新：…, (01:05)
# 网友：…): the speaker is whoever the label before the colon names (group 1; a caller's note in brackets
# — 群众（电话连线，汉王镇 吴先生） — is no part of the name). The label is nobody's words.
# A group chat's export stamps each message with its day and time instead (2026-11-03 09:30 金榜社区-梁姑娘：…):
# knowledge.chats takes that label off a message when it has read the text as a chat — a day and a time in any
# other text (面试定于2026年3月15日9:00, a table row's deadline) are its words.
_STAMPS = r"[\[［【(（]\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?\s*[\]］】)）]"
TIMED_TURN = re.compile(
    rf"^{_STAMPS}\s*"
    r"([^:：。；！？，,（）()]{1,12}?)\s*(?:[（(][^（）()]{0,30}[)）])?[^:：。；！？，,（）()]{0,12}[:：]\s*"
)
# A timed line's stamp alone ([10:03:00] ), for a line whose part before the colon names no speaker.
_TIME_STAMP = re.compile(rf"^{_STAMPS}\s*")
# A label that names a measure — it ends in the grant's noun, as a measure's name does (创业担保贷款, 稳岗返还,
# 一次性吸纳就业补贴) — is the topic the line states, not someone speaking: no person, role or office is a grant.
_MEASURE_LABEL = re.compile(r"(?:补助金|补贴|补助|奖补|奖励|贷款|贴息|返还|保险金|津贴|资助)$")


def timed_turn(text: str) -> re.Match[str] | None:
    """A transcript's timed turn ([00:11:58] 区人社局局长 孙立新：…) when the part before its colon names a speaker;
    None for a timed line stating a measure under its name ([10:03:00] 创业担保贷款：个人最高30万元。), whose name
    is the line's own words (a speakerless timed transcript lost every such line's measure)."""
    match = TIMED_TURN.match(text)
    if match is None:
        return None
    stamp = _TIME_STAMP.match(text)
    label = re.sub(r"[（(][^（）()]*[)）]", "", text[stamp.end() if stamp else 0 : match.end()])
    return None if _MEASURE_LABEL.search(label.rstrip(":： ")) else match


# A host's or a questioner's turn in a transcript without times: 主持人：…, 记者：…, the role with its holder in
# brackets (主持人（市政府新闻办副主任 刘晓峰）：) or the outlet before it (岳阳日报记者：, 网友“小李”：) — whoever puts
# the questions, however the transcript names them.
HOST_TURN = re.compile(
    r"^(?:[\u4e00-\u9fffA-Za-z0-9·]{0,14}?(?:记者|网友|听众|观众)|主持人)[\u4e00-\u9fff]{0,6}"
    r"(?:[（(“\"][^（）()“”\"]{0,30}[)）”\"])?\s*[:：]"
)


# A speaker's turn in such a transcript: the host's or a questioner's (`HOST_TURN`), or one named with the post they
# speak for in brackets (王丽（市人社局就业促进科科长）：, 刘志明（县人社局副局长）：) — a post, so a field's note
# (补贴标准（元）：) is never read as a speaker.
SPEAKER_TURN = re.compile(
    rf"{HOST_TURN.pattern}|^[\u4e00-\u9fff]{{2,4}}\s*[（(][^（）()]{{0,30}}?"
    r"(?:长|主任|书记|记者|主持人|负责人|专员|嘉宾|专家|经理|干部|工作人员)[)）]\s*[:：]\s*"
)


# A chat message's day and time, and the line a PC client heads each message with: its sender, then the stamp
# (街道人社站-小陈 2026/4/8 9:30:27), the words on the lines below — a line that says nothing itself.
DAY_STAMP = (
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?"
)
SENDER_STAMP = re.compile(rf"^\s*([^\s:：@][^:：]{{0,40}}?)\s*{DAY_STAMP}\s*$")


def without_turn_label(text: str) -> str:
    """What a timed line says: its time and its speaker (`timed_turn`) left out; a line naming no speaker keeps its
    words after the time."""
    turn = timed_turn(text)
    return text[turn.end() :] if turn else _TIME_STAMP.sub("", text)
