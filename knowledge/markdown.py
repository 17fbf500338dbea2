"""Markdown as staff save it (a 公众号 article copied into a .md file, a policy list kept in a wiki): the
marks only set type — `#` headings, `**bold**`, `- ` list items, `> ` quotes, `---` rules, links,
pipe tables — and the text is what they mark. Read as a page is: the text line by line, a table row
as its cells joined by ｜ (as `filetext.html_text` gives one), and the labels the file gives itself
outside the text (its `#` heading, the 来源 it names), as `filetext.page_labels` gives a page's.
"""

from __future__ import annotations

import re

_SUFFIXES = (".md", ".markdown")
# A line that only separates (---, ***, ___), and a table's header rule (|---|:---:|).
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|~~|`)(?=\S)(.+?)(?<=\S)\1")
# A keycap digit (1️⃣ … 9️⃣, 🔟) numbering a part of an article: the number it shows.
_KEYCAP = re.compile(r"^(\d)\ufe0f?\u20e3|^\U0001f51f")
# Who the file says published it (来源：桂林市人社局).
# A page's info line may go on with other fields after a bar (来源：沂水县人社局 ｜ 栏目：…).
_SOURCE = re.compile(r"^(?:来源|信息来源|文章来源|发布机构|发布单位)[:：]\s*([^\s:：|｜]+)\s*(?:[|｜].*)?$")


def is_markdown(filename: str, text: str) -> bool:
    """A file named .md, or text whose first heading is set with `#`."""
    name = filename.lower()
    return name.endswith(_SUFFIXES) or bool(_HEADING.match(next((line for line in text.splitlines() if line), "")))


def _inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    for _ in range(2):  # **bold *inside* bold**
        text = _EMPHASIS.sub(r"\2", text)
    return text.strip()


def _keycap_numbered(text: str) -> str:
    """1️⃣ 企业吸纳就业补贴 → 1．企业吸纳就业补贴: a keycap shows the part's number as a digit does."""
    match = _KEYCAP.match(text)
    if not match:
        return text
    number = match.group(1) or "10"
    return f"{number}．{text[match.end() :].lstrip()}"


def markdown_text(text: str) -> str:
    """The text of a Markdown file, one paragraph a line, without its marks."""
    lines: list[str] = []
    items: set[int] = set()
    for raw in text.splitlines():
        if _RULE.match(raw) or (_TABLE_RULE.match(raw) and "|" in raw):
            continue
        line = _QUOTE.sub("", raw)
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(2)
        is_item = bool(_BULLET.match(line))
        line = _BULLET.sub("", line)
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            line = "｜".join(_inline(cell) for cell in stripped[1:-1].split("|"))
        else:
            line = _inline(line)
        line = _keycap_numbered(_leading_marks_removed(line))
        if heading:
            line = _TRAILING_DECORATION.sub("", line)
        # a list item keeps a bullet, so the item is never read as the line before it run on
        if is_item and line:
            items.add(len(lines))
        lines.append(f"• {line}" if is_item and line else line)
    return "\n".join(_lead_ins_marked(lines, items))


# A short label of its own line (补贴标准, 申请条件 — set in bold) over a list is what the list is: its lead-in.
_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,12}$")


def _lead_ins_marked(lines: list[str], items: set[int]) -> list[str]:
    """A label line over list items ends with the colon the list's lead-in has in prose (补贴标准：), so
    every item is read under it — not only the first, which a field name on its own line is joined to."""
    marked = list(lines)
    for at in sorted(items):
        above = next((i for i in range(at - 1, -1, -1) if lines[i].strip()), None)
        if above is not None and above not in items and _LABEL.match(lines[above].strip()):
            marked[above] = lines[above].strip() + "："
    return marked


_DECORATION = re.compile(
    r"^[\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ufe0f\u200d]+\s*"
)


_TRAILING_DECORATION = re.compile(
    r"\s*[\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ufe0f\u200d]+$"
)


def _leading_marks_removed(line: str) -> str:
    return _DECORATION.sub("", line) if not _KEYCAP.match(line) else line


def markdown_labels(text: str) -> tuple[str, ...]:
    """What a Markdown file says about itself outside its text: its first `#` heading (the article's
    title) and whom it names as its source (来源：…)."""
    labels: list[str] = []
    for raw in text.splitlines():
        heading = _HEADING.match(raw)
        if heading and len(heading.group(1)) == 1 and not labels:
            labels.append(_TRAILING_DECORATION.sub("", _leading_marks_removed(_inline(heading.group(2)))))
        source = _SOURCE.match(_inline(_QUOTE.sub("", raw)).strip())
        if source:
            labels.append(source.group(1))
    return tuple(label for label in dict.fromkeys(labels) if label)
