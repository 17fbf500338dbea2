"""Reading an uploaded policy file: its text, its metadata, whether it is a policy at all.

Everything a staff member may upload passes through here before it becomes a document: the bytes
are read into text (plain text in any common Chinese encoding, HTML from government sites, DOCX,
PDF with a text layer), the facts a reviewer confirms are extracted (title, issuer, 文号,
jurisdiction from the administrative-division table, dates, draft status), and the text is parsed
into clauses. Bad input raises `IntakeError` with a code; `bot.present` words it for users.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from knowledge.bilingual import chinese_part
from knowledge.chats import is_chat_text
from knowledge.clauses import ParsedDocument
from knowledge.documents import Document
from knowledge.filetext import (
    INTAKE_CODES,
    MAX_BYTES,
    IntakeError,
    page_labels,
    published_on,
    read_file,
    table_rows,
)
from knowledge.labels import HOST_TURN, timed_turn
from knowledge.normalize import normalize_document
from knowledge.numerals import chinese_to_number
from knowledge.regions import Gazetteer, Place, PlaceIndex, load_places
from knowledge.slides import is_slide_deck, slide_number, slides
from knowledge.structure import parse_structure

__all__ = [
    "INTAKE_CODES",
    "MAX_BYTES",
    "DocumentFacts",
    "Intake",
    "IntakeError",
    "examine",
    "extract_facts",
    "looks_like_policy",
    "parse_clauses",
    "problem_fields",
    "read_file",
]


@dataclass(frozen=True)
class DocumentFacts:
    """What the text says about itself, for staff to confirm. `problems` lists what could not be
    found or looks inconsistent, in Chinese, so the review screen can show it beside the field."""

    title: str | None
    issuer: str | None
    document_number: str | None
    province: str | None
    city: str | None
    county: str | None
    signed: date | None
    effective: date | None
    valid_until: date | None
    is_draft: bool
    problems: tuple[str, ...] = ()
    # Where the jurisdiction was read: "issuer", "title", "basis" (a 政策依据 line or column),
    # "most_named" (the place the text names most), "stated" (staff said it), None (not found).
    place_source: str | None = None

    @property
    def jurisdiction(self) -> str | None:
        """The most specific place the document governs (county, else city, else province)."""
        return self.county or self.city or self.province


_DIGITS = "0-9０-９一二三四五六七八九十○〇零"
_DATE = re.compile(rf"([{_DIGITS}]{{4}})\s*年\s*([{_DIGITS}]{{1,3}})\s*月\s*([{_DIGITS}]{{1,3}})\s*日")
_DATE_ONLY_LINE = re.compile(rf"^\s*[{_DIGITS}]{{4}}\s*年\s*[{_DIGITS}]{{1,3}}\s*月\s*[{_DIGITS}]{{1,3}}\s*日\s*$")
# 吉政发〔2017〕32号, 人社部发[2019]5号, 川府办函（2020）12号
_DOC_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,15})\s*[〔\[［【（(]\s*((?:19|20)\d{2})\s*[〕\]］】）)]\s*(\d{1,4})\s*号")
_TITLE_END = re.compile(
    r"(通知|意见|办法|规定|决定|方案|细则|条例|公告|通告|批复|函|规划|措施|规则|实施意见|若干政策|指引|指南|纲要|解读|问答|一览表|"
    r"汇编|答复|答复书|告知书|纪要)"
    r"(（[^（）]{0,12}）)?$"
)
_ISSUER_SUFFIX = re.compile(
    r"(人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管理委员会|管委会|人民代表大会常务委员会|"
    r"[\u4e00-\u9fff]{0,12}(厅|局|委|部|院|署|中心|联合会|总工会))$"
)
_PLACE_SUFFIX = r"(?:省|自治区|特别行政区|市|自治州|州|地区|盟|县|自治县|区|旗|自治旗|林区|特区)"
_PLACE_RUN = rf"(?:[\u4e00-\u9fff]{{1,10}}?{_PLACE_SUFFIX})+"
_AFTER_PLACE = re.compile(
    r"人民政府|人大|人力|财政|发展|教育|[^\u4e00-\u9fff]|$|[\u4e00-\u9fff]{0,10}(?:厅|局|委|办|部|院|会|中心)"
)
_PLACE_PREFIX = re.compile(rf"^({_PLACE_RUN}?)(?={_AFTER_PLACE.pattern})")
_DRAFT = re.compile(r"征求意见稿|（?草案）?$|送审稿|（讨论稿）")
_EFFECTIVE = re.compile(rf"自\s*({_DATE.pattern})\s*起(?:施行|执行|实施|生效)")
_EFFECTIVE_ON_ISSUE = re.compile(r"自(?:印发|发布|公布|下发|发文)之日起(?:施行|执行|实施|生效)")
_VALID_UNTIL = re.compile(rf"有效期(?:至|到|截至|截止到|截止至)\s*({_DATE.pattern})")
_VALID_UNTIL_YEAR_END = re.compile(rf"有效期(?:至|到|截至|截止到|截止至)\s*([{_DIGITS}]{{4}})\s*年(?:底|末|12月底)")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})")
_VALID_YEARS = re.compile(rf"有效期(?:为)?\s*([{_DIGITS}两]{{1,3}})\s*年")
# A term stated as a span (执行期限为2026年1月1日至2026年12月31日, 有效期自…起至…止): where it starts and ends.
_TERM = re.compile(
    rf"(?:有效期|执行期限|执行期|实施期限|执行时间|实施时间)(?:为|是|[:：])?\s*自?\s*{_DATE.pattern}\s*起?\s*(?:至|到|—{{1,2}}|－|-|~|～)\s*"
    rf"{_DATE.pattern}"
)
# The 发文机关标志 of a 红头 document (柳州市人民政府办公室文件): the letterhead above the title, not part of it.
_LETTERHEAD = re.compile(r"文件$")


def _to_int(text: str) -> int:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if len(text) == 4 or any(ch in "○〇零" for ch in text):
        return int("".join(str(int(chinese_to_number("零" if ch in "○〇" else ch))) for ch in text))
    return int(chinese_to_number(text.replace("两", "二")))


def _as_date(match: re.Match[str], offset: int = 0) -> date | None:
    try:
        return date(
            _to_int(match.group(offset + 1)), _to_int(match.group(offset + 2)), _to_int(match.group(offset + 3))
        )
    except (ValueError, TypeError):
        return None


def _add_years(start: date, years: int) -> date:
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + years, day=28)
    return end - timedelta(days=1)


def _lines(text: str) -> list[str]:
    # A table exported as CSV ends its one-cell rows (the title, 单位：元) in empty cells.
    return [_read_through_ocr(p.text).rstrip(",\t ") for p in normalize_document(text).paragraphs if p.text.strip()]


# What a scan's OCR makes of digits and of 日: letters that look like them inside a run of digits
# (2O24, 2Ol9, 〔2O24〕) and 曰 after a day's number (4月18曰). Facts are read through these; the
# stored text is left as the file gives it.
_OCR_DIGIT_RUN = re.compile(r"(?<![A-Za-z])[0-9OoОоIl]*[0-9][0-9OoОоIl]*(?![A-Za-z])")
_OCR_DIGITS = str.maketrans("OoОоIl", "000011")
_OCR_DAY = re.compile(rf"(月\s*[{_DIGITS}]{{1,3}}\s*)曰")


def _read_through_ocr(line: str) -> str:
    line = _OCR_DIGIT_RUN.sub(lambda m: m.group(0).translate(_OCR_DIGITS) if len(m.group(0)) > 1 else m.group(0), line)
    return _OCR_DAY.sub(r"\1日", line)


def extract_facts(
    text: str,
    *,
    places: PlaceIndex | None = None,
    published: date | None = None,
    page: tuple[str, ...] = (),
    stated: tuple[str, str | None, str | None] | None = None,
    aligned: tuple[str, ...] = (),
) -> DocumentFacts:
    """Title, issuer, 文号, jurisdiction, dates and draft status read from the document's own text
    (and, for a saved web page with no 落款 or title line of its own, from `page`: its info bar's
    来源 and its <title>, `filetext.page_labels`). A table's metadata columns are read from `aligned`, its rows
    with empty cells kept in their columns (`filetext.table_rows`), when the file is a CSV.

    The jurisdiction, unless staff `stated` it: the place the issuer's name starts with; when the
    issuer names none (an OCR-broken 落款, a table with no issuer), the title's place, then a
    政策依据's place, then the place the text names far more often than any other — each such
    guess is listed in `problems` for staff to confirm; when none is sure, no place (the document
    can be stored for review, not published, until staff state it).

    Raises IntakeError("unknown_place") when the issuer names a place that is not in the
    administrative-division table (a typo, or a place that does not exist) and staff stated none.
    """
    lines = _lines(text)
    deck = _deck_slides(lines)
    if deck:
        lines = [line for line in lines if slide_number(line) is None]
    # A page's labels read as its text's lines are (spacing, full-width forms), so a heading the page
    # keeps in its <title> or og:title (a 公众号 article's 政策速览 | …) is found among those lines.
    page = tuple(dict.fromkeys(label for label in ("".join(_lines(raw)) for raw in page) if label))
    problems: list[str] = []
    head = _head(lines)
    carried = _carried_notice(lines)
    table = _metadata_table(lines, _lines("\n".join(aligned)) if aligned else lines)
    # A heading that only names a body (泸州市人力资源和社会保障局 above a reply letter) is its letterhead, no
    # title: the next source is asked, and a document none names is held for staff to give one.
    # A chat export's first line names the export (微信群聊天记录), not the notice its messages pass on.
    sources: tuple[Callable[[], str | None], ...] = (
        lambda: carried.title if carried and is_chat_text(lines) else None,
        lambda: table.get("标题"),
        lambda: _title(head),
        lambda: _page_heading(page, head),
        lambda: _first_heading(page, head),
        lambda: _sheet_title(head),
        lambda: _opening_heading(head),
        lambda: _about_line(head),
        lambda: _named_alone(head),
        lambda: carried.title if carried else None,
    )
    title = _solicited(next((heading for source in sources if (heading := source()) and not _is_body(heading)), None))
    signature, signed = _signature(lines, carries=carried is not None and title == carried.title)
    if signature is None and (unit := _unit_signer(lines)):
        problems.append(f"落款“{unit}”是部门的内设单位，未作为发文机关读取，请核对")
    compiler = _compiler(head, lines)
    issuer = (
        compiler
        or signature
        or table.get("发文机关")
        or _sheet_maker(head)
        or _footnote_maker(lines)
        or _imprint_maker(lines)
        or _issuer_from_title(title)
        or _issuer_of_explained(title, lines)
        or _issuer_of_reported(title, lines)
        or _page_publisher(page)
        or _issuer_beside_number(head)
        or _byline(head)
        or _presenter(deck)
    )
    issuer = issuer or _told_issuer(head, lines, title or "", problems)
    rows = _row_sources(lines) if title is None and issuer is None and signature is None else None
    if rows is not None:
        title, published = rows.title, published or rows.updated
        problems += rows.problems()
    number = _document_number([table["发文字号"]]) if "发文字号" in table else _document_number(head)
    if carried is not None and title == carried.title:
        # a chat, a mail or a transcript that passes on a notice: the notice's own heading, 文号 and date are the
        # document's facts (the lines around it are the messages that carry it)
        number = carried.number or number
        published = published or carried.issued
        problems.append(f"正文转发的通知：标题、文号、发文机关和日期按其中的“{carried.title}”读取，请核对")
        problems += _other_notices(carried, lines)
    if signed is None and "成文日期" in table:
        match = _DATE.search(table["成文日期"]) or _ISO_DATE.search(table["成文日期"])
        signed = _as_date(match) if match else None
    issued = _issued_on(lines, head) if signed is None else None
    if issued is not None:
        # no 落款 and no 成文日期, but the 版记 says when its office issued it (…办公室　2026年2月25日印发)
        signed = issued
        problems.append("未找到落款日期，暂以版记的印发日期代替，请核对")
    # no 落款, no 成文日期 and no 印发 line: the day a sheet's footnote says it was drawn up, else the date the page was
    # put online (a 政策解读's only date)
    held = _held_on(head) if _has_speakers(head, lines) else None
    signed = signed or _footnote_dated(lines) or held or _spoken_on(head, title or "") or published
    if signed is None and (presented := _presented_on(deck)) is not None:
        signed, month_only = presented
        if month_only:
            problems.append(f"幻灯片只写了{signed.year}年{signed.month}月，落款日期暂按当月1日，请核对")
    # A draft says so in its title block (（征求意见稿） under the title), not in a sentence (5月形成征求意见稿，…).
    is_draft = any(_DRAFT.search(line) for line in head if _is_title_part(line)) or bool(title and "征求意见" in title)
    effective, valid_until = _held_validity(lines) if compiler else _validity(lines, signed)
    if compiler:
        problems.append("本文件为汇编，收录多份文件：施行日期和有效期取其中最早施行、最晚到期的，请核对")
    if signed is None and effective is not None and not is_draft:
        # A body copied without its 落款 (a 细则 out of its Word file) still says the day it takes
        # effect: the date it is cited by until staff enter the signing date. (A draft is signed by
        # nobody yet: the day it proposes is no date of its own.)
        signed = effective
        problems.append("未找到落款日期，暂以施行日期代替，请核对")
    (province, city, county), place_source = _jurisdiction(issuer, title, lines, places, stated, problems)
    if issuer is None and rows is not None:
        issuer = _issuer_of_numbers(rows.numbers, city or province or "")
        problems += (
            [f"发文机关按各行来源文件的文号（{'、'.join(rows.numbers)}）判断为{issuer}，请核对"] if issuer else []
        )
    title = title or _leading_heading(head, problems)
    if title is None:
        problems.append("未找到标题")
    if issuer is None:
        problems.append("未找到发文机关")
    if signed is None:
        problems.append("未找到落款日期")
    return DocumentFacts(
        title=title,
        issuer=issuer,
        document_number=number,
        province=province,
        city=city,
        county=county,
        signed=signed,
        effective=effective,
        valid_until=valid_until,
        is_draft=is_draft,
        problems=tuple(problems),
        place_source=place_source,
    )


def _jurisdiction(
    issuer: str | None,
    title: str | None,
    lines: list[str],
    places: PlaceIndex | None,
    stated: tuple[str, str | None, str | None] | None,
    problems: list[str],
) -> tuple[tuple[str | None, str | None, str | None], str | None]:
    """(province, city, county) and where they were read (`extract_facts`), each guess listed in `problems`."""
    place_text = _place_prefix(issuer) if issuer else None
    if stated is not None:
        return stated, "stated"
    if place_text:
        place = resolve_place(place_text, places)
        if place is None:
            raise IntakeError("unknown_place", place_text)
        return place, "issuer"
    # a ministry's notice is national whatever it names (总结推广德清县的经验 makes it no 德清县 document)
    if issuer and _is_national(issuer):
        return (None, None, None), None
    above = _county_above(issuer, title, lines, places)
    if above is not None:
        problems.append(
            f"发文机关是乡镇（街道）或村（社区）一级，适用地区按{_PLACE_SOURCES[above[1]]}判断为{above[0][2]}，请核对"
        )
        return above
    found = _place_elsewhere(title, lines, places)
    if found is None:
        problems.append("未能识别适用地区，发布前请指明")
        return (None, None, None), None
    (province, city, county), source = found
    problems.append(f"发文机关未写明地区，适用地区按{_PLACE_SOURCES[source]}判断为{county or city or province}，请核对")
    return found


# Which field each problem line of `extract_facts` is about (the first pattern that a line matches): once staff
# correct that field, the line no longer says anything true — 未找到落款日期 after staff typed the date.
_PROBLEM_FIELDS = (
    (re.compile(r"适用地区"), frozenset({"province", "city", "county"})),
    (re.compile(r"落款日期|成文日期"), frozenset({"signed"})),
    (re.compile(r"施行日期和有效期"), frozenset({"effective", "valid_until"})),
    (re.compile(r"发文机关"), frozenset({"issuer"})),
    (re.compile(r"标题"), frozenset({"title"})),
)


def problem_fields(problem: str) -> frozenset[str]:
    """The metadata fields (the document's column names) a problem line of `extract_facts` is about; none for a line
    about no one field."""
    return next((fields for pattern, fields in _PROBLEM_FIELDS if pattern.search(problem)), frozenset())


_PLACE_SOURCES = {
    "title": "标题",
    "basis": "政策依据",
    "most_named": "正文中最常提到的地名",
    "town": "其所在乡镇",
    "county_named": "正文提到的所属区县",
}
# A body below the county level (郭陆滩镇人民政府, 柳树湾村村民委员会, 东城街道办事处, 幸福社区居委会): a 镇, 乡,
# 街道, 苏木, 村, 社区 or 嘎查 named first.
_BELOW_COUNTY = re.compile(r"^[\u4e00-\u9fff]{1,10}?(?:镇|乡|街道|苏木|村|社区|嘎查)")
# The whole name of such a body: its unit, then what the body is (人民政府, 办事处, 村民委员会…) ending the name — a
# title's words (关于做好农村劳动力…, 城乡居民…) name no body, however early a 村 or 乡 stands in them.
_BELOW_COUNTY_BODY = re.compile(
    r"^[\u4e00-\u9fff]{1,10}?(?:镇|乡|街道|苏木|村|社区|嘎查)[\u4e00-\u9fff]{0,12}?"
    r"(?:人民政府|政府|办事处|村民委员会|居民委员会|委员会|村委会|居委会|党委|党工委|党支部|党总支|"
    r"劳动保障所|劳动保障服务站|服务站|服务中心|工作站)$"
)
_TOWN = re.compile(r"^([\u4e00-\u9fff]{1,10}?(?:街道|镇|乡|苏木))(?![镇乡])")


def _county_above(
    issuer: str | None, title: str | None, lines: list[str], places: PlaceIndex | None
) -> tuple[tuple[str, str | None, str | None], str] | None:
    """The county of a document issued below the county level (a 村委会's 公告, a 街道's 通知), whose issuer names no
    place of the division table: the county its 镇/乡/街道 lies in, when the place names (places.yaml) know it;
    else the county the text itself names — the only one, or the one named at least twice as often as any other
    (a village relays its county's policy: 根据固始县人社局…). None for any other issuer."""
    bodies = [name for name in (issuer, _title_body(title)) if name and _is_below_county_body(name)]
    if not bodies:
        return None
    gazetteer = _gazetteer(places)
    for body in bodies:
        # only the town is looked up: a village's own name may hold a county's short name (长岭村 is no 长岭县's)
        named = _TOWN.match(body)
        town = [p for p in gazetteer.find(named.group(1)) if p.level == 3] if named else []
        if len({p.code for p in town}) == 1:
            return _as_triple(town[0]), "town"
    # the issuing town's and village's own names are no mention of a county (南湖社区 names no 南湖区)
    text = "\n".join(lines)
    for body in bodies:
        rest = body
        while unit := _BELOW_COUNTY.match(rest):
            text = text.replace(unit.group(0), "")
            rest = rest[unit.end() :]
    counts: dict[str, tuple[Place, int]] = {}
    for place in gazetteer.find(text):
        if place.level == 3:
            counts[place.code] = (place, counts.get(place.code, (place, 0))[1] + 1)
    ranked = sorted(counts.values(), key=lambda item: -item[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return _as_triple(ranked[0][0]), "county_named"
    return None


def _is_below_county_body(name: str) -> bool:
    """Whether a body's name (an issuer, or the part of a title before 关于) is a town's, a 街道's, a village's or a
    community's: its unit first and its body word last, and no place of the division table before them."""
    return bool(_BELOW_COUNTY_BODY.match(name)) and not _place_prefix(name)


def _title_body(title: str | None) -> str | None:
    """The body a title names before its 关于 (柳树湾村村民委员会关于…), if any."""
    if not title or "关于" not in title:
        return None
    return title.split("关于", 1)[0].strip() or None


# A table's or a line's 政策依据 (basis): the document a measure rests on names whose policy it is.
_BASIS = re.compile(r"(?:政策依据|依据文件|文件依据)")


def _place_elsewhere(
    title: str | None, lines: list[str], places: PlaceIndex | None
) -> tuple[tuple[str, str | None, str | None], str] | None:
    """The jurisdiction of a document whose issuer names no place: its title's place, a 政策依据's
    place, or the place its text names most — at least three times and twice as often as any
    other (a text that names several places about equally is not sure of one)."""
    if title:
        named = _place_prefix(title) or next(iter(_gazetteer(places).mentions(title)), None)
        place = resolve_place(named, places) if named else None
        if place is not None:
            return place, "title"
    basis = _basis_text(lines)
    if basis:
        counted = _places_counted(basis, places)
        if counted:
            return counted[0][0], "basis"
    counted = _places_counted("\n".join(lines), places)
    if counted and counted[0][1] >= 3 and (len(counted) == 1 or counted[0][1] >= 2 * counted[1][1]):
        return counted[0][0], "most_named"
    return None


def _basis_text(lines: list[str]) -> str:
    """The text of a 政策依据 (a line 政策依据：…, or a table's column of that name)."""
    found: list[str] = []
    column: int | None = None
    for line in lines:
        cells = _cells(line) if column is not None else []
        if column is not None and len(cells) > column:
            found.append(cells[column])
            continue
        match = _BASIS.search(line)
        if not match:
            continue
        header = _cells(line)
        if len(header) > 2 and any(_BASIS.fullmatch(c) for c in header):
            column = next(i for i, c in enumerate(header) if _BASIS.fullmatch(c))
        else:
            found.append(line[match.end() :])
    return "\n".join(found)


def _cells(line: str) -> list[str]:
    """A table row's cells: CSV (quoted cells may hold commas), tab- or |-separated."""
    if re.search(r"[\t|｜]", line):
        return [c.strip() for c in re.split(r"[\t|｜]", line)]
    return [c.strip() for c in next(csv.reader([line]), [])]


def _places_counted(text: str, places: PlaceIndex | None) -> list[tuple[tuple[str, str | None, str | None], int]]:
    """The cities (or provinces) a text names, most named first: a county counts for its city."""
    counts: dict[tuple[str, str | None, str | None], int] = {}
    for place in _gazetteer(places).find(text):
        whole = _as_triple(place)
        key = (whole[0], whole[1], None) if whole[1] else whole
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda item: -item[1])


_NATIONAL = re.compile(
    r"^(国务院|中共中央|全国|国家|中华人民共和国|[\u4e00-\u9fff]{1,12}部$|人力资源社会保障部|财政部)"
)


def _is_national(issuer: str) -> bool:
    return bool(_NATIONAL.match(issuer))


_TABLE_KEYS = ("标题", "发文机关", "发文字号", "文号", "成文日期")
_TABLE_ENTRY = re.compile(rf"^({'|'.join(_TABLE_KEYS)})[:：](.*)$")


def _metadata_table(lines: list[str], rows: list[str]) -> dict[str, str]:
    """The 政府信息公开 table government sites put above a document (发文字号：…, 成文日期：…);
    a value may sit on the line after its key, as table cells do. A table's metadata columns are read from its
    `rows` (a CSV's with empty cells kept in their columns; else its lines)."""
    table: dict[str, str] = {}
    for index, line in enumerate(lines[:40]):
        match = _TABLE_ENTRY.match(line)
        if not match:
            continue
        value = match.group(2).strip()
        if not value and index + 1 < len(lines) and not _TABLE_ENTRY.match(lines[index + 1]):
            value = lines[index + 1]
        key = "发文字号" if match.group(1) == "文号" else match.group(1)
        if value and key not in table:
            table[key] = value
    return _column_metadata(rows) | table


# A table's columns that name what the document is (文件名称, 发文机关, 文号, 印发日期), however a sheet words them.
_METADATA_COLUMNS = {
    "标题": re.compile(r"^(?:标题|文件标题|文件名称|政策名称|政策文件|文件)$"),
    "发文机关": re.compile(r"^(?:发文机关|发文单位|发布机关|发布机构|发布单位|印发单位|印发机关)$"),
    "发文字号": re.compile(r"^(?:文号|发文字号|发文文号)$"),
    "成文日期": re.compile(r"^(?:成文日期|印发日期|发文日期|发布日期|印发时间|发布时间|成文时间)$"),
}


def _column_metadata(lines: list[str]) -> dict[str, str]:
    """What a table's metadata columns say (a sheet of one record, 文件名称｜发文机关｜文号｜印发日期 over its row; or a
    column of measures' sheet that repeats the 印发日期 on every row), in a header row at the top of the text: a key's
    value when every row under its header row gives the same one — rows that differ are several documents', none of
    them this table's."""
    found: dict[str, str] = {}
    # at the top of the text: a sheet's own record or columns, not a page's table of related documents below it
    for index, line in enumerate(lines[:5]):
        columns = _cells(line) if "｜" in line else []
        keys = {
            at: key for at, name in enumerate(columns) for key, kind in _METADATA_COLUMNS.items() if kind.match(name)
        }
        if not keys:
            continue
        values: dict[str, set[str]] = {key: set() for key in keys.values()}
        rows = 0
        for below in lines[index + 1 :]:
            if "｜" not in below:
                break  # the table ended
            cells = _cells(below)
            if len(cells) != len(columns):
                continue  # a second header row (个人｜单位 under 补贴标准), a row with merged cells
            said = {key: cells[at] for at, key in keys.items() if cells[at]}
            judged = {key: _is_kind(key, value) for key, value in said.items() if key != "标题"}
            if rows and judged and not any(judged.values()):
                break  # another table's header row: the sheet's measures under its record
            rows += 1
            for key, value in said.items():
                if judged.get(key, True):
                    values[key].add(
                        value
                    )  # each key judged on its own: an off-kind cell (待定 under 印发日期) is dropped
        for key, seen in values.items():
            if len(seen) == 1 and key not in found:
                found[key] = seen.pop()
    return found


def _is_kind(key: str, value: str) -> bool:
    """Whether a cell's value is of the kind its metadata column holds (a date under 印发日期, a body under
    发文机关)."""
    if key == "成文日期":
        return _day_of(value) is not None
    if key == "发文机关":
        return all(_ISSUER_SUFFIX.search(name) for name in re.split(r"[、\s]+", value) if name)
    if key == "发文字号":
        return _DOC_NUMBER.search(value) is not None
    return True


_FIRST_PART = re.compile(r"^一\s*[、.．]")
# A serial's issue line (〔2026〕第17期, 第3期, 总第120期): the line above it is the serial's masthead, the same on
# every issue (拉萨市人民政府常务会议纪要), and this issue's own heading follows.
_ISSUE_LINE = re.compile(r"^(?:[〔［\[(（]?\d{4}[〕］\])）]?|\d{4}年)?\s*(?:总)?第\s*[\d一二三四五六七八九十百]+\s*期$")


def _head(lines: list[str]) -> list[str]:
    """The lines before the body starts: title block, 文号, addressees."""
    head: list[str] = []
    for line in lines[:25]:
        if _FIRST_PART.match(line) and head:
            break  # the body's first part (一、…): a 纪要 with no addressee runs its 议定事项 straight on
        head.append(line)
        if line.endswith("：") and ("各" in line or "有关" in line):
            break
    return head


def _is_title_part(line: str) -> bool:
    """A line a title may be made of: short, no sentence, no date — and no bar (a site's menu 繁體 | 簡體 |
    網站地圖, a table row's cells): a document's title is never set with one."""
    return len(line) <= 60 and not re.search(r"[。；：，|｜]", line) and not _DATE_ONLY_LINE.match(line)


def _title(head: list[str]) -> str | None:
    """The first run of short unpunctuated lines ending like a title (…的通知, …实施意见)."""
    for start, line in enumerate(head):
        if not _is_heading_part(line) or (_LETTERHEAD.search(line) and "关于" not in line):
            continue
        if _is_body(line) and start + 1 < len(head) and head[start + 1].startswith(line):
            continue  # a page's running header over a title that names the same body itself: no part of it
        parts = [line]
        end = start
        while not _TITLE_END.search(parts[-1]) and end + 1 < len(head) and _is_heading_part(head[end + 1]):
            end += 1
            parts.append(head[end])
        candidate = _spaced_bodies(parts)
        if any(_ISSUE_LINE.match(after) for after in head[end + 1 : end + 2]) and any(
            _TITLE_END.search(later) for later in head[end + 2 :] if _is_title_part(later)
        ):
            continue  # a serial's masthead: this issue's heading follows
        if _TITLE_END.search(candidate) and ("关于" in candidate or len(parts) > 1 or len(candidate) >= 8):
            draft = next((h for h in head[end + 1 : end + 2] if h in ("征求意见稿", "（征求意见稿）")), None)
            if draft and "征求意见稿" not in candidate:
                candidate += "（征求意见稿）"
            # marks and numbers before a title are no part of it, the year it opens with is (2026年…政策解读)
            return re.sub(r"^(?![0-9０-９]{4}\s*年)[^\u4e00-\u9fff《]+", "", _COLUMN_TAG.sub("", candidate))
    return None


def _spaced_bodies(parts: list[str]) -> str:
    """A title's lines joined, the issuing bodies it opens with kept apart by a space wherever they stand: each on a
    line of its own, side by side on one line, or run together before the 关于 of the subject line
    (黑山县人力资源和社会保障局黑山县财政局关于… → 黑山县人力资源和社会保障局 黑山县财政局关于…)."""
    joined = ""
    after_body = False
    for part in parts:
        if _is_body(part):
            joined += (" " if after_body else "") + " ".join(_joint_issuers(part))
            after_body = True
            continue
        bodies, about, subject = part.partition("关于")
        spaced = " ".join(_joint_issuers(bodies)) + about + subject if about and bodies and _is_body(bodies) else part
        joined += (" " if after_body and spaced != part else "") + spaced
        after_body = False
    return joined


def _is_heading_part(line: str) -> bool:
    """A title part that is none of the lines a title block sets beside it: a 文号, a serial's issue line, a
    dateline (拉萨市人民政府办公室　2026年7月2日)."""
    return (
        _is_title_part(line)
        and not _DOC_NUMBER.search(line)
        and not _ISSUE_LINE.match(line)
        and not re.search(rf"{_DATE.pattern}$", line)
    )


# A site's column tag before a heading (【在线访谈】稳就业 促创业——…): the page's section, not the title.
_COLUMN_TAG = re.compile(r"^【[^【】]{2,8}】")


def _is_body(line: str) -> bool:
    """A line that only names one or more bodies (泸州市人民政府办公室, XX局　XX局): whose document it is,
    never what it is called."""
    names = [name for name in re.split(r"[\s　、，,]+", line.strip()) if name]
    return bool(names) and all(
        _ISSUER_SUFFIX.search(name) and not re.search("关于|《|》|[：:｜|]", name) for name in names
    )


# A title line of a letter: 关于…的答复 (复函, 通知, 意见…), however long its subject.
_ABOUT_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff（）]{0,40})?关于.{2,80}的(?:答复|复函|回复|通知|意见|函|报告|批复|决定|公告)$"
)


def _about_line(head: list[str]) -> str | None:
    """The first line of the head that reads as a title by what it is about (关于…的答复), when none ran as one."""
    return next((line for line in head if _ABOUT_LINE.match(line) and not re.search("[。；]", line)), None)


def _named_alone(head: list[str]) -> str | None:
    """A 《name》 on a line of its own in the head (a poster's or an export's only title)."""
    return next((m.group(1) for line in head if (m := re.fullmatch(r"《([^《》]{4,80})》", line.strip()))), None)


def _page_heading(page: tuple[str, ...], head: list[str]) -> str | None:
    """A page whose heading ends like no document (…补贴标准一览表): the part of its <title> that is
    also a line at the top of its text is its title."""
    return next((label for label in page if label in head[:5] and _is_page_title(label)), None)


def _first_heading(page: tuple[str, ...], head: list[str]) -> str | None:
    """A saved page (an article) whose <title> names none of its lines: its first line, when that
    reads as a heading (short, no sentence) — an article opens with its title."""
    if not page or not head:
        return None
    first = head[0]
    return first if len(first) <= 60 and _is_page_title(first) and not re.search("[。；，]", first) else None


def _is_page_title(label: str) -> bool:
    """A page's own heading may hold what a document's title never does (政策速览｜…：最高补贴5000元！),
    but it is no sentence."""
    return _is_title_part(label) or (len(label) <= 80 and not label.endswith(("。", "；")))


def _sheet_title(head: list[str]) -> str | None:
    """A table exported from a spreadsheet (its rows read as cells joined by ｜) opens with a row of
    one cell naming it (…补贴标准一览表, …补贴明细): that row, when a row of cells follows it."""
    if not head or "｜" in head[0] or not any("｜" in line for line in head[1:4]):
        return None
    return head[0] if _is_title_part(head[0]) else None


# Who put a booklet together: 漳州市就业服务中心　编印, …编.
_COMPILED_BY = re.compile(r"^(.+?)(?:编印|汇编|编制|编)(?:[^\u4e00-\u9fff].*)?$")


def _compiler(head: list[str], lines: list[str]) -> str | None:
    """A 政策汇编 holds several documents one after another, each with its own 文号 and 落款: the last 落款
    is one document's, not the file's. The file is the compiler's (…编印 in its head), when it names one
    and the text holds two or more 文号 on lines of their own."""
    numbers = {n for line in lines if (n := _document_number([line])) and len(line) <= 30}
    if len(numbers) < 2:
        return None
    for line in head[:6]:
        match = _COMPILED_BY.match(line)
        if match and _ISSUER_SUFFIX.search(match.group(1)) and _place_prefix(match.group(1)):
            return match.group(1)
    return None


def _held_validity(lines: list[str]) -> tuple[date | None, date | None]:
    """A booklet's documents each state their own term: the booklet is in force from the first one's
    start to the last one's end (each document read from its 文号 to the next, dated by its own 落款)."""
    starts = [i for i, line in enumerate(lines) if len(line) <= 30 and _document_number([line])]
    held = [lines[a:b] for a, b in itertools.pairwise([*starts, len(lines)])]
    terms = [_validity(part, _signature(part)[1]) for part in held]
    effective = min((start for start, _end in terms if start), default=None)
    valid_until = max((end for _start, end in terms if end), default=None)
    return effective, valid_until


def _opening_heading(head: list[str]) -> str | None:
    """A text that opens with a heading ending like no document (一图读懂｜盐城市…政策, a poster or an
    article copied as text): its first line, when it reads as a heading — short, no sentence, neither a
    date nor a 文号 — and names a place or a policy (政策, 补贴, 就业 …)."""
    first = head[0] if head else ""
    if not first or len(first) > 60 or re.search("[。；，：]", first) or not _is_page_title(first):
        return None
    if _is_header_row(first, head[1:]):
        return None
    if _DATE_ONLY_LINE.match(first) or _DOC_NUMBER.search(first) or not _OPENING_SUBJECT.search(first):
        return None
    return first


def _is_header_row(line: str, below: list[str]) -> bool:
    """A table's header row (补贴项目｜补贴对象｜补贴标准): three cells or more over a row of as many — a heading is
    set alone (一图读懂｜…政策 has two parts and no row under it)."""
    cells = _cells(line) if "｜" in line else []
    return len(cells) >= 3 and any(len(_cells(row)) == len(cells) for row in below[:2] if "｜" in row)


_OPENING_SUBJECT = re.compile(r"政策|补贴|就业|创业|社保|保险|办法|指南|措施|[省市县区]")


def _issuer_beside_number(head: list[str]) -> str | None:
    """The bodies named on a line of their own beside a 文号 (a poster's 政策依据: 《…》 / 盐人社发〔2026〕32号 /
    盐城市人力资源和社会保障局 盐城市财政局): who issued the document the text rests on, when it has no 落款."""
    for index, line in enumerate(head):
        if not _DOC_NUMBER.search(line):
            continue
        for beside in head[index + 1 : index + 2] + head[max(0, index - 1) : index]:
            names = _joint_issuers(beside) if len(beside) <= 60 and not re.search("[。；：，]", beside) else []
            if names and all(_ISSUER_SUFFIX.search(n) and _place_prefix(n) for n in names):
                return "、".join(names)
    return None


_BYLINE = re.compile(
    rf"^(\S[^。；：，]{{1,40}}?)[\s\u3000]*[{_DIGITS}]{{4}}\s*年\s*[{_DIGITS}]{{1,2}}\s*月(?:\s*[{_DIGITS}]{{1,2}}\s*日)?$"
)


def _byline(head: list[str]) -> str | None:
    """A summary or brochure names its issuer under the title with the month it was written
    (海口市人力资源和社会保障局　2026年3月), not in a 落款: that body, when it is one of a place."""
    for line in head[:6]:
        match = _BYLINE.match(line.strip())
        if match:
            names = _joint_issuers(match.group(1).strip())
            if all(_ISSUER_SUFFIX.search(n) and _place_prefix(n) for n in names):
                return "、".join(names)
    return None


# Who speaks for whom in an interview's or a press conference's head (访谈嘉宾：西宁市人力资源和社会保障局党组成员、
# 副局长 马海峰；…): the bodies whose officials answer are the ones whose policy is told.
# The label may say where or how they take part (访谈嘉宾, 出席嘉宾, a programme's 上线嘉宾, 特邀发言人): a few words
# before the role.
_SPEAKERS = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:嘉宾|发布人|发言人|主讲人|作者)[:：](.+)$")
_BODY_OF_POST = re.compile(
    r"((?:[省市县区][\u4e00-\u9fff]{1,20}?|[\u4e00-\u9fff]{2,30}?)(?:人民政府办公室|人民政府|委员会|[厅局委]|中心))"
    r"(?=党组|党委|副|局长|厅长|主任|处长|科长|负责人|书记|[ 　]|$)"
)


def _speakers_bodies(head: list[str], title: str) -> str | None:
    """An interview or a press conference has no 落款: its head names the guests by their posts (访谈嘉宾：X局副局长
    张三；Y局局长 李四) — the bodies they speak for (of the title's place when named by level alone, 市人社局)."""
    for line in head:
        match = _SPEAKERS.match(line.strip())
        if not match:
            continue
        names = [_of_place(m.group(1), title) for m in _BODY_OF_POST.finditer(match.group(1))]
        bodies = list(dict.fromkeys(n for n in names if n and _ISSUER_SUFFIX.search(n) and _place_prefix(n)))
        if bodies:
            return "、".join(bodies)
    return None


# A speech's title (在…会上的讲话, …讲话稿, 宣讲稿, 致辞): a text with no 落款, whose speaker's office issued it.
_SPEECH = re.compile(r"(?:讲话|讲话稿|发言|发言稿|致辞|宣讲稿|讲稿)(?:（[^（）]{0,12}）)?$")
# A speaker naming their own office in the opening (我是平谷区人力资源和社会保障局局长…, 作为市人社局局长):
# stated clearly, in the first person.
_SELF_NAMED = re.compile(
    r"(?:我是|我作为|作为)([^。；，！？]{2,40}?)(?:的)?(?:党组书记|副?局长|副?主任|副?厅长|副?区长|副?县长|副?市长)"
)


def is_speech(title: str) -> bool:
    return bool(_SPEECH.search(title))


def _speakers_office(head: list[str], lines: list[str], title: str) -> str | None:
    """A speech (在…宣讲会上的讲话) is signed by no body: its by-line under the title names the speaker by office and
    name (平谷区人力资源和社会保障局局长　韩志刚), or the speaker says it in the opening (我是…局局长) — that office,
    of a place (of the title's place when named by level alone), issued it."""
    if not is_speech(title):
        return None
    for line in head[1:5]:
        if len(line) > 60 or re.search("[。；！？]", line):
            continue
        names = [_of_place(m.group(1), title) for m in _BODY_OF_POST.finditer(line)]
        bodies = list(dict.fromkeys(n for n in names if n and _ISSUER_SUFFIX.search(n) and _place_prefix(n)))
        if bodies:
            return "、".join(bodies)
    said = next((m.group(1) for line in lines[1:6] if (m := _SELF_NAMED.search(line))), None)
    named = _of_place(said, title) if said else None
    return named if named and _ISSUER_SUFFIX.search(named) and _place_prefix(named) else None


# A speech's dateline under its title: the day it was given, alone or in brackets with a note
# (（2026年11月18日，根据现场录音整理）).
_SPOKEN_ON = re.compile(rf"^[（(]?\s*{_DATE.pattern}\s*(?:[，,、\s][^（）()]{{0,30}})?[)）]?$")


def _spoken_on(head: list[str], title: str) -> date | None:
    """The day a speech was given, from the dateline under its title; a speech has no 落款 date."""
    if not is_speech(title):
        return None
    match = next((m for line in head[1:5] if (m := _SPOKEN_ON.match(line.strip()))), None)
    return _as_date(match) if match else None


# A government's work report says on whose behalf it is given (我代表市人民政府向大会报告工作).
_ON_BEHALF = re.compile(
    r"代表([\u4e00-\u9fff]{1,30}?(?:人民政府|委员会|[厅局]))向[^。]{0,12}(?:大会|会议)[^。]{0,6}报告"
)


def _told_issuer(head: list[str], lines: list[str], title: str, problems: list[str]) -> str | None:
    """A transcript or a work report names no issuer in a 落款 but says whose officials speak or on whose behalf
    it is given: that body, with a problem line for staff to check it."""
    told = _speakers_bodies(head, title) or _speakers_office(head, lines, title) or _reporting_body(lines, title)
    if told:
        problems.append(f"未找到落款，发文机关按正文所述判断为{told}，请核对")
    return told


def _reporting_body(lines: list[str], title: str) -> str | None:
    """A 政府工作报告 has no 落款: its opening tells whom the speaker reports for (我代表市人民政府…报告工作), that
    body — of the title's place when named by level alone — issued it."""
    for line in lines[:12]:
        match = _ON_BEHALF.search(line)
        named = _of_place(match.group(1), title) if match else None
        if named and _place_prefix(named):
            return named
    return None


# The day an interview, a meeting or a programme was held (访谈时间：2026年4月23日 15:00—16:30, 播出时间：…,
# 录制日期：…): a transcript's only date — a head line whose short key ends in 时间/日期 and whose value is one day,
# read only of a text with speakers (`_has_speakers`): a notice's head dates what readers do (考试时间, 报名时间).
# A key naming a deadline or a window (申报截止时间, 受理时间) dates what readers must do, not the text.
_HELD = re.compile(
    rf"^([\u4e00-\u9fff]{{0,4}})(?:时间|日期)[:：]\s*{_DATE.pattern}(?!\s*[至到—－~～]\s*[{_DIGITS}]{{1,4}}\s*[年月])"
)
_DEADLINE_KEY = re.compile(r"截止|截至|起止|申报|申请|报名|受理|办理|有效|施行|实施|执行")


_FEWEST_TURNS = 2


def _has_speakers(head: list[str], lines: list[str]) -> bool:
    """A transcript: its head names who speaks (访谈嘉宾：…, 发布人：…), or its lines are turns — timed with a
    speaker ([00:11:58] 区人社局局长 孙立新：…) or a host's — on several lines. Only such a text was held on a day."""
    if any(_SPEAKERS.match(line.strip()) for line in head):
        return True
    turns = (line for line in (raw.strip() for raw in lines) if timed_turn(line) or HOST_TURN.match(line))
    return next(itertools.islice(turns, _FEWEST_TURNS - 1, None), None) is not None


def _held_on(head: list[str]) -> date | None:
    match = next(
        (m for line in head if (m := _HELD.match(line.strip())) and not _DEADLINE_KEY.search(m.group(1))), None
    )
    return _as_date(match, 1) if match else None


# A form's line saying which body filled it in (填报单位：大同市就业服务中心（盖章）), its stamp mark dropped.
_FORM_MAKER = re.compile(r"^(?:填报|填表|制表|编制|报送|编报)单位[:：]\s*(.+?)\s*(?:[（(](?:盖章|章|公章)[)）])?$")


def _sheet_maker(head: list[str]) -> str | None:
    """A spreadsheet published as it was filled in (an Excel sheet saved as a page) has no 落款: the body its
    填报单位 cell names — a body of a place — is whose table it is."""
    for cell in (cell.strip() for line in head[:6] for cell in re.split("[｜|]", line)):
        match = _FORM_MAKER.match(cell)
        if match and _ISSUER_SUFFIX.search(match.group(1)) and _place_prefix(match.group(1)):
            return match.group(1)
    return None


# A table's footnote naming the body that answers for it: 解释单位：… / 制表单位：…, or 本表由…负责解释.
_FOOTNOTE_MAKER = (
    re.compile(
        r"(?:解释|制表|发布|编制|填报)(?:单位|机关|部门)[:：]\s*([^。；;，,]+?)\s*(?:[（(](?:盖章|章|公章)[)）])?[。；]?$"
    ),
    re.compile(r"由([^。；;，,由]+?)负责解释"),
)
# A table's footnote saying the day it was drawn up or published (制表日期：2026年2月20日).
_FOOTNOTE_DATE = re.compile(rf"(?:制表|填报|发布|印发|编制)(?:日期|时间)[:：]\s*{_DATE.pattern}")


def _footnotes(lines: list[str]) -> list[str]:
    """The rows below a spreadsheet's table (注：…, 解释单位：…): the lines after its last row of cells."""
    last = max((i for i, line in enumerate(lines) if "｜" in line), default=None)
    return lines[last + 1 :] if last is not None else []


def _footnote_maker(lines: list[str]) -> str | None:
    """A spreadsheet has no 落款: the body a footnote row says answers for the table (解释单位：眉山市人力资源和
    社会保障局, 本表由…负责解释) — bodies of a place — is whose table it is."""
    for line in _footnotes(lines):
        for pattern in _FOOTNOTE_MAKER:
            match = pattern.search(line)
            names = [n.strip() for n in re.split(r"[、\s]+", match.group(1)) if n.strip()] if match else []
            if names and all(_ISSUER_SUFFIX.search(n) for n in names) and _place_prefix(names[0]):
                return "、".join(names)
    return None


# A leaflet's imprint line (武清区人力资源和社会保障局　印制　2026年9月): the body that printed it, its only 落款.
# A form sets it in brackets under its title, with the edition (（…局印制　2026年4月版）).
_IMPRINT = re.compile(
    rf"^[（(]?(.{{4,60}}?)\s*(?:印制|印发|制发|编印)\s*(?:[{_DIGITS}]{{4}}\s*年[^。；，（）()]{{0,8}})?[)）]?$"
)


def _imprint_maker(lines: list[str]) -> str | None:
    """The bodies — of a place — an imprint line names as having printed the text: a closing one (a leaflet's), or one
    under the title (a form's)."""
    for line in [*reversed(lines[-6:]), *lines[1:4]]:
        match = _IMPRINT.match(line)
        names = [n for n in re.split(r"[、\s]+", match.group(1)) if n] if match else []
        if names and all(_ISSUER_SUFFIX.search(n) for n in names) and _place_prefix(names[0]):
            return "、".join(names)
    return None


def _leading_heading(head: list[str], problems: list[str]) -> str | None:
    """A text that names no kind of document (a 政策明白卡 handed out at a job fair) still opens with its heading: its
    first line of words, when that reads as one — short, unpunctuated, no table row, no body's name, no part. Staff
    are asked to check it."""
    first = next((line for line in head if re.search(r"[\u4e00-\u9fff]", line)), None)
    if first is None or not _is_heading_part(first) or re.search(r"[,\t]", first):
        return None
    if len(first) < 6 or _is_body(first) or _FIRST_PART.match(first):
        return None
    title = re.sub(r"^[^\u4e00-\u9fff《]+", "", first)
    problems.append(f"未找到公文标题，暂以文首的标题行“{title}”作标题，请核对")
    return title


def _footnote_dated(lines: list[str]) -> date | None:
    """The day a spreadsheet's footnote says it was drawn up or published (制表日期：…)."""
    for line in _footnotes(lines):
        match = _FOOTNOTE_DATE.search(line)
        if match and (day := _as_date(match)):
            return day
    return None


# A table export's column naming the document each row comes from, and the one saying when the row was updated.
_SOURCE_COLUMN = re.compile(r"^(?:来源文件|依据文件|文件依据|政策依据|政策来源|文件来源|出处|来源)$")
_UPDATED_COLUMN = re.compile(r"^(?:更新|发布|修改|录入)?(?:时间|日期)$")
_NAMED = re.compile(r"《([^《》]{4,80})》")


@dataclass(frozen=True)
class _RowSources:
    """What the rows of an export (a 12345 热线 FAQ, a list of measures) say about where they come from."""

    title: str | None  # the document more than half of the rows come from
    share: str  # how many rows name it, for the reviewer (11/13行)
    numbers: tuple[str, ...]  # every source's 文号, as the rows give them
    updated: date | None  # the latest day a row was updated

    def problems(self) -> list[str]:
        """What the reviewer is told of the title and date read from the rows."""
        said = [
            f"本文件为逐行注明来源文件的导出表，标题取自各行的来源文件（{self.share}），请核对"
            if self.title
            else f"本文件为逐行注明来源文件的导出表，各行来源不一（最多的一份占{self.share}），请填写标题"
        ]
        return said + (["未找到成文日期，暂以各行更新时间中最晚的一天代替，请核对"] if self.updated else [])


def _row_sources(lines: list[str]) -> _RowSources | None:
    """An export of rows with no title, 落款 or date of its own, whose every row names its 来源文件 (and its
    更新时间): the document most rows come from, their sources' 文号 and the day of the latest row. None for a
    text with no such column."""
    header = next((i for i, line in enumerate(lines[:3]) if "｜" in line), None)
    if header is None:
        return None
    columns = _cells(lines[header])
    source = next((i for i, name in enumerate(columns) if _SOURCE_COLUMN.match(name)), None)
    if source is None:
        return None
    updated_at = next((i for i, name in enumerate(columns) if _UPDATED_COLUMN.match(name)), None)
    rows = [cells for line in lines[header + 1 :] if len(cells := _cells(line)) == len(columns)]
    named = [m.group(1) for cells in rows if (m := _NAMED.search(cells[source]))]
    if not rows or len(named) < len(rows):
        return None
    counted = sorted(((named.count(n), n) for n in dict.fromkeys(named)), reverse=True)
    most, name = counted[0]
    numbers = tuple(dict.fromkeys(n for cells in rows if (n := _document_number([cells[source].split("》")[-1]]))))
    days = [d for cells in rows if updated_at is not None and (d := _day_of(cells[updated_at]))]
    return _RowSources(
        # Titled only when every row comes from one document: a row from another would be cited under a title
        # it does not belong to, so a mixed export waits for staff to title (or split) it.
        title=name if most == len(rows) else None,
        share=f"{most}/{len(rows)}行",
        numbers=numbers,
        updated=max(days, default=None),
    )


def _day_of(text: str) -> date | None:
    match = _DATE.search(text) or _ISO_DATE.search(text)
    return _as_date(match) if match else None


# The 机关代字 of a 文号 after its place's short name (齐人社规〔2026〕3号: 齐 + 人社 + 规, a 规范性文件): the body
# it stands for, at a city (and county) or at a province.
_BODY_CODES = {
    "人社": ("人力资源和社会保障局", "人力资源和社会保障厅"),
    "财": ("财政局", "财政厅"),
    "政办": ("人民政府办公室", "人民政府办公厅"),
    "府办": ("人民政府办公室", "人民政府办公厅"),
    "政": ("人民政府", "人民政府"),
    "府": ("人民政府", "人民政府"),
}
_NUMBER_KINDS = "发规函联字办通"


def _issuer_of_numbers(numbers: tuple[str, ...], place: str) -> str | None:
    """The body whose code every one of `numbers` carries after the place's first character (齐人社规, 齐人社联 of
    齐齐哈尔市 → 齐齐哈尔市人力资源和社会保障局); None when they differ or name another place."""
    bodies: set[str] = set()
    for number in numbers:
        code = number.split("〔")[0]
        if not place or not code.startswith(place[0]):
            return None
        code = code[1:].rstrip(_NUMBER_KINDS) or code[1:]
        body = _BODY_CODES.get(code)
        if body is None:
            return None
        bodies.add(body[1] if place.endswith(("省", "自治区")) else body[0])
    return f"{place}{bodies.pop()}" if len(bodies) == 1 else None


def _page_publisher(page: tuple[str, ...]) -> str | None:
    """Who put a page online (来源：…, the site's own name), when that is a body of a place: the issuer
    of a page that has no 落款 and names none in its title."""
    return next((label for label in page if _ISSUER_SUFFIX.search(label) and _place_prefix(label)), None)


_SOLICITING = re.compile(r"征求《(.+?)》(?:的)?(?:修改)?意见")


def _solicited(title: str | None) -> str | None:
    """The title of the draft a call for comments is about (关于征求《X》意见的通知 → X（征求意见稿））."""
    match = _SOLICITING.search(title or "")
    if not match:
        return title
    inner = match.group(1)
    return inner if "征求意见稿" in inner else f"{inner}（征求意见稿）"


def _issuer_from_title(title: str | None) -> str | None:
    if not title or "关于" not in title:
        return None
    prefix = title.split("关于", 1)[0]
    if not prefix and "《" in title:  # 关于征求《XX市人民政府关于…》意见的通知
        return _issuer_from_title(title.split("《", 1)[1])
    prefix = re.sub(r"(印发|转发|批转)$", "", prefix)
    if not prefix or not all(_ISSUER_SUFFIX.search(part) for part in prefix.split()):
        return None
    return "、".join(name for part in prefix.split() for name in _joint_issuers(part))


# A page explaining a document: its 解读 or 问答, or the press conference (新闻发布会) that presents it.
_EXPLAINED = re.compile(r"《([^《》]+)》(?:政策)?(?:解读|问答|新闻发布会|发布会|答记者问)")
# A body named by its level alone (市人社局, 县财政局) in a page about one place's policy.
_OWN_LEVEL = re.compile(r"^(省|市|县|区)(?=[\u4e00-\u9fff])")
# How many head lines may name the explained document beside the title.
_EXPLAINED_HEAD = 4


def _issuer_of_explained(title: str | None, lines: list[str]) -> str | None:
    """A page that explains a document (《X》政策解读, 《X》问答, 《X》新闻发布会) has no 落款 of its own:
    its opening says who issued X (…财政局联合印发了《X》, the title's X or X with its place before it),
    and that is whose policy it explains. A body named by its level alone (市人力资源和社会保障局) is
    the body of the title's place (烟台召开《…》新闻发布会 → 烟台市人力资源和社会保障局)."""
    # the title, else a heading line beside it: a transcript titled for its kind (…新闻发布会文字实录) names the
    # document it presents on the line under it (《X》新闻发布会)
    headings = (title or "", *(line for line in _head(lines)[:_EXPLAINED_HEAD] if _is_title_part(line)))
    explained = next((found for heading in headings if (found := _EXPLAINED.search(heading))), None)
    if not explained:
        return None
    return _issuers_of(re.escape(explained.group(1)), f"{explained.group(0)}{title or ''}", lines)


def _issuers_of(named: str, title: str, lines: list[str]) -> str | None:
    """The bodies the opening lines say issued the document `named` (a pattern of its name inside 《》)."""
    issued = re.compile(
        rf"([^，。；：]+?)(?:近日|日前|近期|于近日)?(?:联合|共同)?(?:印发|出台|发布|制定)了?《[^《》]{{0,8}}{named}》"
    )
    for line in lines[:12]:
        match = issued.search(line)
        if not match:
            continue
        # 县人社局会同县财政局制定了《…》: two bodies, as 人社局、财政局 are
        names = [_of_place(n, title) for n in re.split(r"、|会同", match.group(1)) if n]
        if names and all(n and _ISSUER_SUFFIX.search(n) and _place_prefix(n) for n in names):
            return "、".join(n for n in names if n)
    return None


# A report names the document it is about once and then by a short name (…《X》（…，以下简称《措施》）).
_CALLED = re.compile(r"《([^《》]{4,60})》[（(][^（）()]{0,40}?以下简称(《[^《》]{1,12}》)")


def _issuer_of_reported(title: str | None, lines: list[str]) -> str | None:
    """A news report of a document (记者从市人社局获悉，市人社局、市财政局近日联合印发《X》（…以下简称《措施》）) has no
    落款 and no 《X》 in its headline: the document it is about is the one its opening names and then goes on
    citing by a short name (以下简称) — the bodies said to have issued it, of X's place, are the issuers. A
    document only mentioned on the way (根据省里印发的《…》) is given no short name and decides nothing."""
    for line in lines[:12]:
        called = _CALLED.search(line)
        if called and sum(text.count(called.group(2)) for text in lines) >= 3:
            return _issuers_of(re.escape(called.group(1)), f"{called.group(1)}{title or ''}", lines)
    return None


def _of_place(name: str, title: str) -> str | None:
    """A body's full name: as written when it names its place, else its level's place in the title."""
    level = _OWN_LEVEL.match(name)
    if not level or _place_prefix(name):
        return name
    named = _place_prefix(title) or next(iter(_gazetteer().mentions(title)), None)
    place = resolve_place(named) if named else None
    if place is None:
        return None
    province, city, county = place
    whole = {"省": province, "市": city, "县": county, "区": county}[level.group(1)]
    return f"{whole}{name[1:]}" if whole and whole.endswith(level.group(1)) else None


# A notice passed on inside a chat, a mail or a transcript: its whole heading (ISSUER ISSUER关于…的通知), the 文号 in
# brackets after it, and the date said beside it (，发布日期：2026年10月28日) — a heading cited with its 文号 or
# date is the document itself, wherever in the line it stands (【转发】…, 转：…, 现将…).
_CARRIED = re.compile(
    r"(?<![\u4e00-\u9fff])(?:现将|现转发|转发|转来|收到)?"
    r"((?:[\u4e00-\u9fff（）]{2,40}?(?:局|厅|委员会|委|人民政府|办公室|办公厅|中心|联合会|总工会)\s*){1,4}"
    r"关于(?:《[^《》]{1,80}》|[^。；！？《》\s]){1,80}?的?"
    r"(?:通知|意见|办法|规定|决定|方案|细则|措施|公告|通告|指引|指南|规则))"
    r"(?:\s*[（(]([^（）()]{1,12}?[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]\s*\d{1,4}\s*号)[）)])?"
)
_CARRIED_DATE_GAP = 24


@dataclass(frozen=True)
class _Carried:
    title: str
    number: str | None
    issued: date | None


def _carried_notice(lines: list[str]) -> _Carried | None:
    """The first notice a text passes on whole (`_carried_notices`). A text that has no heading of its own (a 微信群
    export, a mail's cover note, a meeting's record) is about the notice it carries."""
    return next(_carried_notices(lines), None)


def _carried_notices(lines: list[str]) -> Iterator[_Carried]:
    """The notices a text passes on whole, in order — each heading naming the bodies that issue it, followed by its
    文号 or by a date within a few characters — when its issuers are bodies of a place."""
    for line in lines:
        for match in _CARRIED.finditer(line):
            rest = line[match.end() : match.end() + _CARRIED_DATE_GAP]
            dated = _DATE.search(rest) or _ISO_DATE.search(rest)
            if not match.group(2) and not dated:
                continue
            title = _spaced_bodies([match.group(1)])
            issuer = _issuer_from_title(title)
            if not issuer or not _place_prefix(issuer):
                continue
            number = _document_number([match.group(2)]) if match.group(2) else None
            yield _Carried(title=title, number=number, issued=_as_date(dated) if dated else None)


def _other_notices(first: _Carried, lines: list[str]) -> list[str]:
    """A problem line for each further notice a text passes on (a chat forwarding 顺德's notice, then 南海's): its
    measures are no measures of the first notice, and none may be cited under the first's title and 文号. A chat
    reads no message from such a notice's forwarding on (knowledge.chats); in any other text staff decide."""
    seen = {first.number or first.title}
    problems: list[str] = []
    chat = is_chat_text(lines)
    for other in _carried_notices(lines):
        key = other.number or other.title
        if key in seen:
            continue
        seen.add(key)
        named = f"“{other.title}”" + (f"（{other.number}）" if other.number else "")
        problems.append(
            f"正文还转发了另一份通知{named}：其内容不属于“{first.title}”，转发之后的消息未作为本文件的条款读取；"
            "如需使用，请作为单独的文件添加，请核对"
            if chat
            else f"正文还提到另一份通知{named}：其中的措施不能按“{first.title}”引用，请核对"
        )
    return problems


def _deck_slides(lines: list[str]) -> list[list[str]]:
    """A slide deck's title slide and closing slide (knowledge.slides), where a deck names who presents it and
    when; [] for any other text."""
    if not is_slide_deck(lines):
        return []
    found = [[lines[i] for i in at] for _, at in slides(lines) if at]
    return [found[0], found[-1]] if len(found) > 1 else found


def _presenter(deck: list[list[str]]) -> str | None:
    """The body a deck names on its title slide (or its closing slide) on a line of its own: a body of a place."""
    for line in (line for slide in deck for line in slide[1:]):
        names = _joint_issuers(line.strip())
        if _is_body(line) and all(_place_prefix(name) for name in names):
            return "、".join(names)
    return None


_MONTH_LINE = re.compile(rf"^\s*([{_DIGITS}]{{4}})\s*年\s*([{_DIGITS}]{{1,2}})\s*月\s*$")


def _presented_on(deck: list[list[str]]) -> tuple[date, bool] | None:
    """The date on a deck's title or closing slide, a line of its own: a day, or a month only (2026年2月 — then its
    first day, and True to say the day is not stated)."""
    for line in (line for slide in deck for line in slide):
        if _DATE_ONLY_LINE.match(line) and (match := _DATE.search(line)) and (day := _as_date(match)):
            return day, False
        month = _MONTH_LINE.match(line)
        if month:
            year, number = _to_int(month.group(1)), _to_int(month.group(2))
            if 1 <= number <= 12:
                return date(year, number, 1), True
    return None


def _signature(lines: list[str], *, carries: bool = False) -> tuple[str | None, date | None]:
    """The 落款: the last date line of the document and the issuer line(s) just above it. In a text that is the
    notice it `carries` (a mail's cover note signed by a 科, after the notice it passes on whole), a last date line
    under no body's name yields to an earlier one signed by bodies: the notice's own 落款. In any other text the last
    date line is the document's own, whoever signs it — an earlier 落款 is another document's, quoted (a 政策解读
    quoting the 办法 it explains); with no body above it, the last date stands alone (`_unit_signer`)."""
    last: date | None = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not _DATE_ONLY_LINE.match(line):
            continue
        match = _DATE.search(line)
        signed = _as_date(match) if match else None
        issuers: list[str] = []
        for above in reversed(lines[max(0, index - 4) : index]):
            if _SEAL_NOTE.fullmatch(above.strip()):
                continue  # （政府信息公开专用章） between the body and the day: where its seal is, no line of the 落款
            if len(above) <= 30 and _ISSUER_SUFFIX.search(above) and not re.search(r"[。；：，]", above):
                issuers[:0] = _joint_issuers(above)
            else:
                break
        if issuers:
            return "、".join(issuers), signed
        if not carries:
            return None, signed
        last = last or signed
    return None, last


# Where a 落款's seal is pressed, said in brackets (（盖章）, （政府信息公开专用章）, （印章）).
_SEAL_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{0,12}(?:章|印)[）)]")


# A unit inside a department signing as itself (县就业服务中心政策法规股, 办公室综合科): no body issuing a document.
_UNIT = re.compile(r"[\u4e00-\u9fff]{2,28}(?:股|科|室|组|处|所|队)$")


def _unit_signer(lines: list[str]) -> str | None:
    """The line over the document's last date line when it names a unit of a department, not a body."""
    index = next((i for i in range(len(lines) - 1, -1, -1) if _DATE_ONLY_LINE.match(lines[i])), None)
    above = lines[index - 1].strip() if index else ""
    return above if _UNIT.fullmatch(above) and not _ISSUER_SUFFIX.search(above) else None


_ISSUED_LINE = re.compile(rf"^[^。；，：:]{{0,40}}?\s*({_DATE.pattern})\s*印发\s*$")


def _issued_on(lines: list[str], head: list[str]) -> date | None:
    """The date of the 版记 line a document closes with (天水市人力资源和社会保障局办公室　2026年2月25日印发):
    the day its issuing office sent it out, which a 工作要点 or a notice without 落款 states of itself — or of the
    same line set under its title and 文号 (a 细则 saved from a Word or WPS file without its 落款)."""
    for line in [*reversed(lines[-6:]), *head[:6]]:
        found = _ISSUED_LINE.match(line)
        if found:
            match = _DATE.search(found.group(1))
            return _as_date(match) if match else None
    return None


def _joint_issuers(line: str) -> list[str]:
    """The issuers of a 落款 line that names several side by side (绵阳市人力资源和社会保障局
    绵阳市财政局 — the space between them is lost in reading): a new name starts wherever one
    name's suffix is followed by the first name's place again (or 中共 and that place)."""
    place = _place_prefix(line)
    if not place:
        return [line]
    names: list[str] = []
    start = 0
    for match in re.finditer(rf"(?<=[厅局委办部院署会室心])(?=(?:中共)?{re.escape(place)})", line):
        if match.start() > start and _ISSUER_SUFFIX.search(line[start : match.start()]):
            names.append(line[start : match.start()])
            start = match.start()
    names.append(line[start:])
    return names if all(_ISSUER_SUFFIX.search(name) for name in names) else [line]


def _document_number(head: list[str]) -> str | None:
    """The document's own 文号: on a line of its own, or heading the page; never one cited in the
    body (…意见》（川府发〔2017〕53号）) or in a table's row."""
    for line in head:
        if "｜" in line:  # a table row's cell (a measure's 政策依据), not the table's own number
            continue
        for match in _DOC_NUMBER.finditer(line):
            before = line[: match.start()]
            if before.endswith(("》（", "》(", "》")) or "》（" in line[max(0, match.start() - 2) : match.start()]:
                continue
            if line.startswith(("为", "根据", "按照")):
                continue
            prefix = match.group(1)[-8:]
            return f"{prefix}〔{match.group(2)}〕{match.group(3)}号"
    return None


def _validity(lines: list[str], signed: date | None) -> tuple[date | None, date | None]:
    text = "\n".join(lines)
    effective: date | None = None
    match = next(reversed(list(_EFFECTIVE.finditer(text))), None)
    if match:
        effective = _as_date(match, 1)
    elif _EFFECTIVE_ON_ISSUE.search(text):
        effective = signed
    # The document's own validity is stated last (附则, closing); a measure's own term comes earlier.
    stated: list[tuple[int, date | None]] = []
    stated += [(m.start(), _as_date(m, 1)) for m in _VALID_UNTIL.finditer(text)]
    stated += [(m.start(), date(_to_int(m.group(1)), 12, 31)) for m in _VALID_UNTIL_YEAR_END.finditer(text)]
    start = effective or signed
    if start:
        stated += [(m.start(), _add_years(start, _to_int(m.group(1)))) for m in _VALID_YEARS.finditer(text)]
    for term in _TERM.finditer(text):
        effective = effective or _as_date(term)
        stated.append((term.start(), _as_date(term, 3)))
    valid_until = max(stated, key=lambda item: item[0])[1] if stated else None
    return effective, valid_until


def place_of_issuer(issuer: str, places: PlaceIndex | None = None) -> tuple[str, str | None, str | None] | None:
    """(province, city, county) of the place an issuer's name starts with, None when it names none known."""
    place_text = _place_prefix(issuer) if issuer else None
    return resolve_place(place_text, places) if place_text else None


def _place_prefix(issuer: str) -> str | None:
    first = re.sub(r"^(中共|中国共产党|共青团)", "", issuer.split("、", maxsplit=1)[0])
    if _is_national(first):
        return None
    match = _PLACE_PREFIX.match(first)
    if not match or match.group(1).endswith("社区"):  # a 社区 (community) ends like a 区 and is none
        return None
    # The shortest run of places may stop at a municipality (重庆市 of 重庆市万州区人力资源和社会保障局, whose 社会
    # ends like a body): the longest run that is a known place, each level down, is the issuer's own place.
    longer = (
        first[:end]
        for end in range(len(first) - 1, match.end(1), -1)
        if re.fullmatch(_PLACE_RUN, first[:end]) and _AFTER_PLACE.match(first, end)
    )
    return next((run for run in longer if resolve_place(run) is not None), match.group(1))


_GAZETTEERS: dict[int, Gazetteer] = {}


def _gazetteer(places: PlaceIndex | None = None) -> Gazetteer:
    """A gazetteer over the whole division table; `places` is the index a knowledge base already
    derived (kb.py keeps it beside the search index), so intake need not derive it again."""
    key = id(places)
    if key not in _GAZETTEERS:
        _GAZETTEERS[key] = Gazetteer(covered=(), index=places)
    return _GAZETTEERS[key]


@lru_cache(maxsize=1)
def _places_by_code() -> dict[str, Place]:
    return {place.code: place for place in load_places()}


# Rows of the table that group a municipality's districts or a province's county-level cities.
_NOT_A_CITY = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# What follows a place in the name of a zone it runs (巴中经济开发区, 长春新区).
_ZONE = re.compile(r"^[\u4e00-\u9fff]{0,8}(开发区|新区|高新区|示范区|园区|管理区|试验区|合作区|保税区|管委会)$")


def resolve_place(name: str, places: PlaceIndex | None = None) -> tuple[str, str | None, str | None] | None:
    """(province, city, county) for a place written as in an issuer's name (吉林省, 巴中市,
    四川省巴中市通江县, 延边朝鲜族自治州, 巴中经济开发区); None when the name is not in the
    administrative-division table."""
    gazetteer = _gazetteer(places)
    mentions = gazetteer.mentions(name)
    covered = ""
    for written in mentions:
        if not name.startswith(covered + written):
            break
        covered += written
    rest = name[len(covered) :]
    if not covered or (rest and not _ZONE.match(rest)):
        return None
    return _as_triple(max(gazetteer.find(covered), key=lambda p: p.level))


def _as_triple(place: Place) -> tuple[str, str | None, str | None]:
    """(province, city, county) of a place of the division table."""
    by_code = _places_by_code()
    province = by_code.get(place.province_code + "0" * 10)
    city = by_code.get(place.city_code + "0" * 8) if place.level >= 2 else None
    if city is not None and city.name in _NOT_A_CITY:
        city = None
    county = place if place.level == 3 else None
    return (
        province.name if province else place.name,
        city.name if city else None,
        county.name if county else None,
    )


_POLICY_WORDS = re.compile(
    r"政策|措施|实施|贯彻|落实|规定|办法|条例|意见|通知|补贴|补助|就业|创业|保障|管理|申请|办理|部门|单位|人民政府|"
    r"按照|根据|符合条件|标准|职责|执行|施行"
)
# Policy words a policy text holds at least: a notice of one article and its 施行 line has five or six —
# and then also a 文号 or its addressees (各…：), which a match report or a recipe with a date line never has.
_FEWEST_POLICY_WORDS = 5
_FEWEST_INFORMAL_POLICY_WORDS = 8
_GOVERNMENT = re.compile(r"人民政府|国务院|办公厅|办公室|[厅局委部]|管委会|委员会")
# A numbered heading, also behind the marks articles put before one (💡【一、…】, ■ 二、…) and as a
# service guide numbers its items (事项一：…).
_STRUCTURE = re.compile(
    r"^[^\u4e00-\u9fff\w\n]{0,4}"
    r"(第[一二三四五六七八九十百零〇]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|"
    r"事项[一二三四五六七八九十]+)",
    re.M,
)
# A grant stated with its amount: what a policy gives (补贴…5000元, 给予…贴息, 最高30万元的…贷款), as
# opposed to a price list, whose figures come with no grant.
_GRANT = re.compile(
    r"(给予|补贴|补助|贴息|奖补|奖励|资助|贷款)[^。；;\n]{0,40}?\d+(?:\.\d+)?\s*(?:万?元|%)"
    r"|\d+(?:\.\d+)?\s*(?:万?元|%)[^。；;\n]{0,12}?(补贴|补助|贴息|奖补|奖励|资助|贷款)"
)
# The sections a government service guide (办事指南) gives each item.
_GUIDE_SECTION = re.compile(
    r"^[^\u4e00-\u9fff\n]{0,4}(申请条件|申报条件|补贴对象|申请材料|申报材料|办理流程|申办流程|办理时限|承诺时限|"
    r"受理地点|办理地点|受理部门|补贴标准)",
    re.M,
)
# A date stated as the document's own (发布日期：2026年2月10日, 成文日期 …).
_DATED = re.compile(r"(发布|成文|印发|发文|公布)(日期|时间)\s*[:：]\s*[0-9０-９〇零一二三四五六七八九]{4}\s*年")
_ADDRESSEE = re.compile(r"^[^。\n]{2,80}(各|有关)[^。\n]{0,80}：$", re.M)


# A policy table's columns (a 补贴标准一览表's header row): what a guide's sections are to a text, its column names
# are to a table.
_POLICY_COLUMN = re.compile(
    r"(?:补贴|补助|扶持|政策)?(?:项目|对象|标准|条件|金额|期限|依据)|(?:申请|申报|享受)条件|(?:经办|受理|办理)(?:部门|机构|单位)"
)


def _has_policy_columns(lines: list[str]) -> bool:
    """A table whose header row names at least three columns a measure is told by (补贴项目, 补贴对象, 补贴标准,
    申请条件, 经办部门 …) is structured as a policy is, whichever rows follow."""
    for line in lines[:12]:
        cells = line.split("｜") if "｜" in line else []
        if len(cells) >= 3 and sum(bool(_POLICY_COLUMN.fullmatch(cell.strip())) for cell in cells) >= 3:
            return True
    return False


def looks_like_policy(text: str) -> bool:
    """True when the text reads like a government policy document, not a recipe, a story or a menu.

    Counts independent kinds of evidence (government issuer, policy vocabulary, the numbering
    of official documents, addressees, 文号 or a signature date, grants stated with their amounts or
    a service guide's sections), so no one word decides: a 公众号 article or a 办事指南 page that
    states measures is a policy source too.
    """
    lines = _lines(text)
    body = "\n".join(lines)
    if len(body) < 60:
        return False
    words = len(_POLICY_WORDS.findall(body))
    density = words / max(len(body), 1) * 100
    evidence = [
        bool(_GOVERNMENT.search(body)),
        # a floor of words, low enough for a county notice of one article (its density is high) that carries
        # the marks of an official document
        density >= 1.0
        and (
            words >= _FEWEST_INFORMAL_POLICY_WORDS
            or (words >= _FEWEST_POLICY_WORDS and bool(_DOC_NUMBER.search(body) or _ADDRESSEE.search(body)))
        ),
        len(_STRUCTURE.findall(body)) >= 2 or _has_policy_columns(lines),
        bool(_ADDRESSEE.search(body)),
        bool(_DOC_NUMBER.search(body))
        or bool(_DATED.search(body))
        or any(_DATE_ONLY_LINE.match(line) for line in lines[-6:]),
        # What only policies and their guides hold: grants with amounts, a guide's sections.
        len(_GRANT.findall(body)) >= 2 or len(set(_GUIDE_SECTION.findall(body))) >= 3,
    ]
    return evidence[1] and sum(evidence) >= 3


def parse_clauses(document: Document, text: str) -> ParsedDocument:
    """The clauses of a document, whatever the layout of its numbering."""
    return parse_structure(document, text)


@dataclass(frozen=True)
class Intake:
    """An uploaded file read and checked: its text and what it says about itself."""

    text: str
    facts: DocumentFacts


def examine(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = MAX_BYTES,
    places: PlaceIndex | None = None,
    stated: tuple[str, str | None, str | None] | None = None,
) -> Intake:
    """Read an upload and check that it is a policy (of a known place, unless staff `stated` one);
    IntakeError otherwise (nothing is stored here, so a refused file leaves no trace)."""
    # A text given in two languages is judged and read by its Chinese part (the other is a translation).
    part = chinese_part(read_file(data, filename, max_bytes=max_bytes))
    text = part.text
    if not looks_like_policy(text):
        raise IntakeError("not_a_policy", filename)
    facts = extract_facts(
        text,
        places=places,
        published=published_on(data, filename),
        page=page_labels(data, filename),
        stated=stated,
        aligned=table_rows(data, filename),
    )
    if part.translated:
        note = f"另有外文译文{part.translated}段，未作为条款和数额的来源（以中文为准）"
        facts = replace(facts, problems=(*facts.problems, note))
    return Intake(text=text, facts=facts)
