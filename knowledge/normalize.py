"""Normalize scraped policy text into clean simplified-Chinese paragraphs.

Each output paragraph keeps the raw source text it came from, so staff can always compare the
normalized clause with the original. Every change is recorded in the quality report; spans that
cannot be repaired are replaced by □ and reported, never silently indexed.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

import opencc

from knowledge.labels import Style, read_label
from knowledge.quality import IssueKind, QualityIssue
from knowledge.slides import is_slide_deck

GARBLED_MARK = "□"

# Whole lines that are web-page furniture, not policy text.
NOISE_LINE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^系统检测到您的浏览器",
        r"^关闭$",
        r"^\s*\{\{.*\}\}\s*$",
        r"^选择城市$",
        r"^切换城市分站",
        r"^当前选择城市",
        r"^总站\s*(\{\{.*\}\})?$",
        r"^时间[:：].*来源[:：]",
        r"^请用微信扫一扫",
        r"浏览量[:：]",
        r"^扫描打开手机端",
        r"^当前位置[:：]",
        r"^本文链接[:：]",
        r"^本文关键词[:：]",
        r"\.(jpg|jpeg|png|gif)$",
        r"^发布日期[:：]",
        r"^索\s*引\s*号",
        r"^公开目录",
        r"^发布机构",
        r"^名\s*称\s",
        r"^(分享到|打印本页|关闭窗口|【打印】|【关闭】)",
    )
)

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüḿńňǹê"
PINYIN_DEBRIS = re.compile(rf"(?<=[\u3400-\u9fff])\(([a-z{_TONED}]{{1,7}})\)")
# A '?' inside Chinese text is the trace of a lost character: start of a garbled span.
_GARBLE_START = re.compile(r"\?")
_GARBLE_TAIL = re.compile(rf"[a-z{_TONED}]*\)?")
_JUNK_CHAR = re.compile(rf"[A-Za-z,.\u0370-\u03ff\u0400-\u04ff\ufffd{_TONED}()]")
_CJK = r"\u3400-\u9fff"
_STRAY_ENGLISH = re.compile(rf"(?<=[{_CJK}])\s*\b(and|or|the|of|with|for|to)\b\s*(?=[{_CJK}])")
_ENGLISH_REPLACEMENT = {"and": "和", "or": "或"}

_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_TERMINAL = set("。；！？：”）〕」』…")
_LABEL_START = re.compile(r"^[（(]?[一二三四五六七八九十]{1,3}[）)、]")
_DAY = "[0-9一二三四五六七八九十]{1,3}"
# A signature date line: 2018年2月1日 or 二○一二年六月一日 (groups: year, month, day).
DATE_LINE = re.compile(rf"^([0-9一二三四五六七八九十○〇零]{{4}})年({_DAY})月({_DAY})日$")


@dataclass
class Paragraph:
    """A normalized paragraph with the raw source text it came from."""

    text: str
    original: str
    # A blank line stood before it in the source: the text's own sign that a block (a poster's panel,
    # an article's section) starts here.
    after_break: bool = False


@dataclass
class NormalizedText:
    paragraphs: list[Paragraph]
    issues: list[QualityIssue] = field(default_factory=list)


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    if len(text) <= _KEPT_CHARS:
        return _simplified_kept(text)
    return _converted(text)


def _converted(text: str) -> str:
    """繁→简, the division table's names kept as written: they are proper nouns in simplified characters
    already, and the t2s table would change some (乾安县 → 干安县, 乾县 → 干县 — no such place)."""
    converted = str(_t2s().convert(text))
    if len(converted) != len(text):
        return converted
    kept = list(converted)
    for name in _names_kept():
        for found in re.finditer(re.escape(name), text):
            kept[found.start() : found.end()] = name
    return "".join(kept)


@lru_cache(maxsize=1)
def _names_kept() -> tuple[str, ...]:
    """The division names (and the short forms people write) that OpenCC's t2s table would change."""
    from knowledge.regions import load_places, short_names  # regions reads the table; normalize stays light

    changed = [place for place in load_places() if str(_t2s().convert(place.name)) != place.name]
    forms = {form for place in changed for form in short_names(place.name, (), place.level)}
    return tuple(sorted(forms, key=len, reverse=True))


# A message is converted by every reader of a turn (the cleaner, the describer, the instruction and
# check-request readers …): texts of a message's length are converted once and kept (OpenCC's table
# is fixed). Documents' clauses pass once, at ingest: not kept.
_KEPT_CHARS = 1000  # the longest message the dialogue reads


@lru_cache(maxsize=256)
def _simplified_kept(text: str) -> str:
    return _converted(text)


def in_source_characters(text: str, original: str) -> str:
    """`text` (normalized: simplified characters) with each character that normalization simplified
    written back as the source wrote it (創業補貼 where the file is in 繁体): same length as `text`, so a
    quote at an offset of one is the verbatim quote at the same offset of the other. Matching reads
    `text`; what users are shown of a clause is as the file has it. A character the source does not
    give back (punctuation made full-width, a phrase OpenCC converted as a whole) stays as it is.

    The two are aligned over their whole length (the source read in simplified against `text`), so any run
    normalization dropped — layout spaces, emoji, a page's furniture — however long, costs nothing after it."""
    simplified = to_simplified(original)
    if simplified == original:
        return text
    if len(simplified) != len(original):  # a phrase converted to another length: read character by character
        convert = _t2s().convert
        simplified = "".join(c if len(str(convert(c))) != 1 else str(convert(c)) for c in original)
    shown = list(text)
    matcher = difflib.SequenceMatcher(None, text, simplified, autojunk=False)
    for at, source_at, size in matcher.get_matching_blocks():
        shown[at : at + size] = original[source_at : source_at + size]
    return "".join(shown)


def is_noise_line(line: str) -> bool:
    stripped = to_simplified(PINYIN_DEBRIS.sub("", line.strip()))
    return any(p.search(stripped) for p in NOISE_LINE_PATTERNS)


def find_garbled_spans(text: str) -> list[tuple[int, int]]:
    """Spans of mojibake: runs around lost characters ('?') with their debris.

    A lost character shows up as '?' followed by pinyin debris (`?shù)`) or by junk from another
    script (`?,F`); nearby '?'s within three characters belong to the same span.
    """
    spans: list[tuple[int, int]] = []
    for match in _GARBLE_START.finditer(text):
        start = match.start()
        if spans and start < spans[-1][1]:
            continue
        end = _extend_garbled(text, start)
        # Merge with a following lost character close by (`?shù)卣匆?guī)`).
        while True:
            nxt = text.find("?", end, end + 4)
            if nxt < 0:
                break
            end = _extend_garbled(text, nxt)
        if spans and start - spans[-1][1] <= 3:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _extend_garbled(text: str, qmark: int) -> int:
    end = qmark + 1
    tail = _GARBLE_TAIL.match(text, end)
    if tail:
        end = tail.end()
    while end < len(text) and _JUNK_CHAR.match(text, end):
        end += 1
    tail = _GARBLE_TAIL.match(text, end)
    return tail.end() if tail else end


def _unify_punctuation(text: str) -> str:
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    # Half-width punctuation next to Chinese becomes full-width; digits keep theirs (1.2万, 2011-2015).
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in _HALF_TO_FULL and ch not in "(),":
            out.append(_HALF_TO_FULL[ch])
        elif ch == ",":
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            out.append("," if prev.isdigit() and nxt.isdigit() else "，")
        elif ch in "()":
            out.append(_HALF_TO_FULL[ch])
        else:
            out.append(ch)
    text = "".join(out)
    text = _fix_straight_quotes(text)
    # Spaces between Chinese, punctuation and digits are artefacts of the conversion.
    text = re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", text)
    text = re.sub(r"(?<=[0-9%])\s+(?=[0-9%])", "", text)
    return text.strip()


def as_in_clauses(text: str) -> str:
    """A phrase written the way normalized clause text writes it (simplified characters, full-width
    punctuation beside Chinese, no conversion spaces): `80萬元` → `80万元`, `8:2` → `8：2`,
    `1 年以上` → `1年以上`. For comparing a figure copied from a source document with an answer."""
    return _unify_punctuation(to_simplified(text))


def _fix_straight_quotes(text: str) -> str:
    out: list[str] = []
    is_open = False
    for ch in text:
        if ch == "“":
            is_open = True
            out.append(ch)
        elif ch == "”":
            is_open = False
            out.append(ch)
        elif ch == '"':
            out.append("”" if is_open else "“")
            is_open = not is_open
        else:
            out.append(ch)
    return "".join(out)


_SENTINEL = "\ue000"


# What articles put before a paragraph to catch the eye (💡, 🔸, ■, ●, ▶, ★, ✅, •): no part of the text.
_DECORATION = "\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ufe0f\u200d\u2022\u20e3"
_LEADING_DECORATION = re.compile(rf"^[\s{_DECORATION}]+")
_DECORATED = re.compile(rf"^\s*[{_DECORATION}]")
# A poster card's number set before its mark (01 💰 一次性创业补贴, 07🧾…): the card's place on the poster, no part
# of what it is titled.
_CARD_NUMBER = re.compile(rf"^\s*[0-9０-９]{{1,2}}\s*(?=[{_DECORATION}])")
# A heading set in 【】 (【一、一次性创业补贴】, 【事项二：…】): the brackets only frame it.
_FRAMED_HEADING = re.compile(r"^【([^【】]{1,40})】$")


# The fields a government service guide (办事指南) gives each of its items, when one stands alone on its
# line as a heading of what follows.
_GUIDE_FIELD = re.compile(
    r"^(申请条件|申报条件|补贴对象|扶持对象|适用对象|申请材料|申报材料|所需材料|办理流程|申办流程|办理程序|办理时限|"
    r"承诺时限|法定时限|受理地点|办理地点|受理部门|受理机构|办理部门|补贴标准|扶持标准|政策内容|咨询电话|办理时间|额度|"
    r"贷款额度|补贴额度)$"
)


def is_decorated(line: str) -> bool:
    """Whether a source line opens with a mark put before it to catch the eye (■ 创业补贴提标, 💡 …)."""
    return bool(_DECORATED.match(line))


def _undecorated(text: str) -> str:
    """A paragraph without the marks an article puts before it, and a heading without its 【】
    frame, so 💡【一、一次性创业补贴】 is read as the heading 一、一次性创业补贴."""
    stripped = _LEADING_DECORATION.sub("", _CARD_NUMBER.sub("", text))
    if not stripped:
        return text
    framed = _FRAMED_HEADING.match(stripped.strip())
    return framed.group(1) if framed else stripped


def normalize_line(line: str, issues: list[QualityIssue], counts: dict[str, int]) -> str:
    """Normalize one line of source text, recording what changed.

    Each repair is tagged with a private-use sentinel until punctuation is unified, so the
    reported context is the normalized text around the repair itself.
    """
    text = _spaced_row(line.replace(_SENTINEL, ""))
    repairs: list[tuple[IssueKind, str, str]] = []
    for start, end in reversed(find_garbled_spans(text)):
        repairs.insert(0, (IssueKind.GARBLED_SPAN, text[start:end], GARBLED_MARK))
        text = text[:start] + _SENTINEL + GARBLED_MARK + text[end:]

    debris = PINYIN_DEBRIS.findall(text)
    if debris:
        counts["pinyin"] = counts.get("pinyin", 0) + len(debris)
        text = PINYIN_DEBRIS.sub("", text)

    simplified = to_simplified(text)
    if simplified != text:
        counts["traditional"] = counts.get("traditional", 0) + sum(
            1 for a, b in zip(text, simplified, strict=False) if a != b
        )
        text = simplified

    english = list(_STRAY_ENGLISH.finditer(text))
    for match in reversed(english):
        replacement = _ENGLISH_REPLACEMENT.get(match.group(1), "")
        text = text[: match.start()] + _SENTINEL + replacement + text[match.end() :]
    repairs = _merge_in_order(text, repairs, [(m.group(0), _ENGLISH_REPLACEMENT.get(m.group(1), "")) for m in english])

    tagged = _unify_punctuation(_undecorated(text))
    normalized = tagged.replace(_SENTINEL, "")
    positions = [i - n for n, i in enumerate(i for i, ch in enumerate(tagged) if ch == _SENTINEL)]
    for (kind, original, replacement), at in zip(repairs, positions, strict=True):
        context = normalized[max(0, at - 10) : at + len(replacement) + 10]
        issues.append(QualityIssue(kind=kind, original=original, replacement=replacement, context=context))
    return normalized


# Columns of a table typed as text, set apart by runs of spaces or tabs (1　　职业介绍补贴　　每人300元).
_COLUMN_GAP = re.compile(r"[ \u3000\xa0]{2,}|\t+")
_ROW_NUMBER = re.compile(r"^(序号|[0-9０-９]{1,3})$")


def _spaced_row(line: str) -> str:
    """A row of a numbered table typed as text (序号 or its number, then two or more cells, each set
    apart by a run of spaces) reads as a row read from a table does: cells joined by ｜. Otherwise
    the spaces would vanish with those of the conversion and run the cells together."""
    cells = [cell for cell in _COLUMN_GAP.split(line.strip()) if cell]
    return "｜".join(cells) if len(cells) >= 3 and _ROW_NUMBER.match(cells[0]) else line


# A reviewer's trace left in the text by a careless conversion of a Word file: a tracked change or a
# comment written inline ([修订: 删除“…3000元”], [批注: 此处金额待财政局确认]). It is no text of the
# document: a figure it quotes (one deleted, one replaced) is granted by nobody.
_EDITOR_NOTE = re.compile(r"[\[［【]\s*(?:修订|批注|修改|审阅|评论|删除|插入)\s*[:：][^\[\]［］【】\n]*[\]］】]")


def _spaced_tables(lines: list[str]) -> list[str]:
    """Rows of a table typed as text without row numbers (a header 补贴项目    补贴对象    补贴标准, then its
    rows): two or more lines in a row, each of three or more cells set apart by runs of spaces, the same
    number of cells in each, are rows, their cells joined by ｜. A row is long and may hold commas: read as
    prose it would be taken for a sentence cut by a page break and the rows run together. One such line
    alone (第一章  总  则) is no table."""
    cells = [[cell for cell in _COLUMN_GAP.split(line.strip()) if cell] for line in lines]
    rows: set[int] = set()
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for previous, index in itertools.pairwise(filled):
        if len(cells[index]) >= 3 and len(cells[index]) == len(cells[previous]):
            rows.update((previous, index))
    return ["｜".join(cells[i]) if i in rows else line for i, line in enumerate(lines)]


def _merge_in_order(
    text: str, garbled: list[tuple[IssueKind, str, str]], english: list[tuple[str, str]]
) -> list[tuple[IssueKind, str, str]]:
    """Order repairs as their sentinels appear in the text."""
    kinds = iter(garbled)
    words = iter(english)
    ordered: list[tuple[IssueKind, str, str]] = []
    for i, ch in enumerate(text):
        if ch != _SENTINEL:
            continue
        if text.startswith(GARBLED_MARK, i + 1):
            ordered.append(next(kinds))
        else:
            original, replacement = next(words)
            ordered.append((IssueKind.STRAY_ENGLISH, original, replacement))
    return ordered


def is_structural_start(text: str) -> bool:
    """A line a page break never splits from: a numbered part of any style (第三条, 1．, （2）, ①)
    or a signature date."""
    return bool(_LABEL_START.match(text)) or bool(DATE_LINE.match(text)) or read_label(text) is not None


def _opens_a_part(text: str) -> bool:
    """A line that starts a part of the document (第三条, 二、, 事项二), not an item listed inside one
    (1．, （2）, ①): what a guide's field name (申请材料) may not be joined to."""
    label = read_label(text)
    return (label is not None and label.style <= Style.CN) or bool(DATE_LINE.match(text))


def _is_cut_mid_sentence(text: str) -> bool:
    """A long prose paragraph that stops without closing punctuation was cut by a page break.

    Title and header lines (no comma or full stop) are never joined, nor a table row read as one
    line (cells joined by ｜): it ends where its last cell ends.
    """
    if "｜" in text:
        return False
    is_prose = any(mark in text for mark in "，。、")
    return is_prose and len(text) >= 40 and text[-1] not in _TERMINAL


# A line keyed by a short name and a colon (樊城区：…窗口，咨询电话0710-3221586): one entry of a list.
_KEYED = re.compile(r"^[^，。；：:、\s]{2,16}[：:]")


def _keyed_alike(previous: str, text: str) -> bool:
    """Two lines each opening with a short name and a colon (襄城区：… / 樊城区：…) are two entries of
    one list, whatever the first ends with — a page break does not split an entry there."""
    return bool(_KEYED.match(previous)) and bool(_KEYED.match(text))


def normalize_document(raw: str) -> NormalizedText:
    """Noise removal, repair and page-break joining for one source document."""
    raw = raw.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    issues: list[QualityIssue] = []
    counts: dict[str, int] = {}
    paragraphs: list[Paragraph] = []
    after_break = False
    # A slide deck's outline (knowledge.slides) is made of lines by design: a title, a bullet, a marker is each a
    # line of its own, never a sentence a page break cut.
    deck = is_slide_deck(raw.split("\n"))
    for written in _spaced_tables(raw.split("\n")):
        if not written.strip():
            after_break = bool(paragraphs)
            continue
        for note in _EDITOR_NOTE.findall(written):
            issues.append(QualityIssue(kind=IssueKind.EDITOR_NOTE_REMOVED, original=note, replacement=""))
        line = _EDITOR_NOTE.sub("", written)
        if not line.strip():
            continue
        if is_noise_line(line):
            issues.append(QualityIssue(kind=IssueKind.NOISE_REMOVED, original=line.strip(), replacement=""))
            continue
        text = normalize_line(line, issues, counts)
        if not text:
            continue
        previous = paragraphs[-1] if paragraphs else None
        if previous and not deck and _GUIDE_FIELD.match(previous.text) and not _opens_a_part(text):
            # A service guide's field name on its own line (补贴标准⏎每户5000元): one paragraph, as
            # the guide means it (补贴标准：每户5000元).
            previous.text = f"{previous.text}：{text}"
            previous.original += "\n" + line
            after_break = False
            continue
        if (
            previous
            and not deck
            and _is_cut_mid_sentence(previous.text)
            and not is_structural_start(text)
            and not _keyed_alike(previous.text, text)
            # a line set off by a bullet or an emoji (• 每户…, 💰…) starts an item: no page break makes one
            and not _DECORATED.match(line)
        ):
            issues.append(
                QualityIssue(
                    kind=IssueKind.PAGE_BREAK_JOINED,
                    original=f"{previous.text[-6:]}⏎{text[:6]}",
                    replacement=f"{previous.text[-6:]}{text[:6]}",
                )
            )
            previous.text += text
            previous.original += "\n\n" + line
            after_break = False  # the blank line was the page break, now joined over: no block starts after it
            continue
        paragraphs.append(Paragraph(text=text, original=line, after_break=after_break))
        after_break = False

    if counts.get("pinyin"):
        issues.append(
            QualityIssue(
                kind=IssueKind.PINYIN_DEBRIS,
                original=f"{counts['pinyin']}处，如 發(fā)、業(yè)",
                replacement="删除括号内拼音",
            )
        )
    if counts.get("traditional"):
        issues.append(
            QualityIssue(
                kind=IssueKind.TRADITIONAL_CONVERTED,
                original=f"{counts['traditional']}个繁体字",
                replacement="OpenCC t2s 转为简体",
            )
        )
    return NormalizedText(paragraphs=paragraphs, issues=issues)
