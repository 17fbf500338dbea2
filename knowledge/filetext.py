"""The text of an uploaded file: plain text, HTML, DOCX, ODT, RTF or PDF with a text layer.

Anything else (images, archives, executables, scanned PDFs, text in an unknown encoding) raises
`IntakeError` with a code that `bot.present` words in Chinese. Nothing here writes anywhere.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re
import unicodedata
import zipfile
import zlib
from collections import Counter
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import TypeGuard

import yaml

from knowledge.docx import MAX_INFLATED, docx_text, upload_bound
from knowledge.errors import INTAKE_CODES, IntakeError
from knowledge.mail import is_mail, parse_mail
from knowledge.markdown import is_markdown, markdown_labels, markdown_text
from knowledge.normalize import to_simplified
from knowledge.odt import ODT_SUFFIXES, is_odt, odt_text
from knowledge.rtf import is_rtf, rtf_text
from knowledge.slides import deck_text, is_slide_deck
from knowledge.xlsx import OLE2_MAGIC, WORKBOOK_SUFFIXES, is_workbook, refuse_compound, workbook_text

MAX_BYTES = 20 * 1024 * 1024

__all__ = [
    "INTAKE_CODES",
    "MAX_BYTES",
    "IntakeError",
    "decode_text",
    "html_text",
    "is_page_furniture",
    "page_labels",
    "published_on",
    "read_file",
]

_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"\x00\x00\x01\x00",
)
_BINARY_MAGIC = (
    b"\xd0\xcf\x11\xe0",  # OLE2: .doc, .xls, .wps
    b"Rar!",
    b"7z\xbc\xaf",
    b"\x1f\x8b",
    b"\x7fELF",
    b"MZ",
)
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".svg")
_TEXT_SUFFIXES = (".txt", ".text", ".md", "")
_HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
_TABLE_SUFFIXES = (".csv", ".tsv")
_JSON_SUFFIXES = (".json",)
# Files whose text may be an export saved under a plain name: a .txt, or no suffix at all.
_JSON_SNIFFED = (".txt", ".text", "")
# A document object's own text: the fields a single exported document holds its body in, or any text this long.
_BODY_KEYS = ("正文", "内容", "全文", "政策内容", "政策原文", "原文", "content", "body", "text")
_BODY_LENGTH = 200
# How deep a field's value is read (an export's values are a list of items of fields at most).
_MAX_VALUE_DEPTH = 8
# An open-data portal's export: where its records sit in a document object ({"data": [...]}), and the
# document-level fields (or the fields every record shares) that say whose policy it is and when.
_RECORD_KEYS = ("data", "records", "items", "list", "rows", "result", "results", "数据", "记录")
_JSON_TITLE = ("标题", "文件名称", "政策名称", "名称", "title", "name")
_JSON_ISSUER = ("发布机构", "发文机关", "发文单位", "来源", "issuer", "publisher", "source")
_JSON_DATE = ("发布日期", "成文日期", "发布时间", "date", "published")
# A portal's own field names say their kind by their last word (数据集名称, 数据提供方, 更新日期).
_JSON_TITLE_KIND = re.compile(r"(?:名称|标题|[Tt]itle)$")
_JSON_ISSUER_KIND = re.compile(r"(?:提供方|提供单位|发布方|发布单位|发布部门|来源单位|来源部门|机关|机构)$")
_JSON_DATE_KIND = re.compile(r"(?:日期|[Dd]ate)$")
# A value that names a government body (…人力资源和社会保障局, …人民政府, …就业服务中心), not an app or a site.
_NAMES_BODY = re.compile(r"(?:厅|局|委员会|委|人民政府|办公室|办公厅|中心)$")
_JSON_SHARED = {
    "依据文件": "标题",
    "政策依据": "标题",
    "发布机构": "发文机关",
    "发文机关": "发文机关",
    "发布日期": "成文日期",
}
# A record that names its item: the field a service guide opens each 事项 with.
_RECORD_NAME = ("事项名称", "项目名称", "补贴项目", "政策名称", "名称")


def table_text(decoded: str, delimiter: str) -> str:
    """A table exported from Excel (CSV/TSV) read as a web page's table is (`_row_parts`): a row of
    several cells is one line of cells joined by ｜ (a quoted cell's commas and line breaks stay inside
    it), a row of one cell (the sheet's title, 单位：元) is a line of its own."""
    return "\n".join(_table_lines(decoded, delimiter, aligned=False))


def _table_lines(decoded: str, delimiter: str, *, aligned: bool) -> list[str]:
    """A table's rows as lines of cells joined by ｜: only the filled cells, or (`aligned`) every cell in its
    column, an empty one too; a row of one filled cell is that cell."""
    lines: list[str] = []
    # A cell may be as long as the file (csv's own limit, 128 KiB, is no limit of ours: the file size is).
    csv.field_size_limit(max(csv.field_size_limit(), len(decoded) + 1))
    try:
        for row in csv.reader(io.StringIO(decoded), delimiter=delimiter):
            cells = [" ".join(part.strip() for part in cell.splitlines() if part.strip()) for cell in row]
            filled = [cell for cell in cells if cell]
            if filled:
                lines.append("｜".join(cells if aligned else filled) if len(filled) > 1 else filled[0])
    except csv.Error as exc:
        raise IntakeError("undecodable", f"table: {exc}") from None
    return lines


def table_rows(data: bytes, filename: str) -> tuple[str, ...]:
    """A CSV/TSV upload's rows with every cell kept in its column (an empty cell too), the rendering its metadata
    columns are read from: its text (`table_text`) leaves empty cells out, so a record with one empty cell no longer
    lines up with its header. () for other files, and for a .csv that is really a page or JSON records."""
    suffix = _suffix(filename)
    if suffix not in _TABLE_SUFFIXES:
        return ()
    decoded = whole_characters(decode_text(data))
    if _json_or_page(decoded, filename, _looks_like_html(decoded)) is not None or _looks_like_html(decoded):
        return ()
    return tuple(_table_lines(decoded, "\t" if suffix == ".tsv" else ",", aligned=True))


def read_file(data: bytes, filename: str, *, max_bytes: int = MAX_BYTES) -> str:
    """The text of one uploaded file, or IntakeError saying why there is none. Whatever the file holds (a mail's
    attachments, a Word file in a mail) inflates under the one bound of the upload."""
    with upload_bound():
        return _read_upload(data, filename, max_bytes)


def _read_upload(data: bytes, filename: str, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise IntakeError("too_large", f"{len(data)} bytes > {max_bytes}")
    if not data.strip():
        raise IntakeError("empty", filename)
    suffix = _suffix(filename)
    if _is_image(data) or suffix in _IMAGE_SUFFIXES:
        raise IntakeError("image", filename)
    if data.startswith(b"%PDF") or suffix == ".pdf":
        text = unwrapped(without_page_breaks(whole_characters(_pdf_text(data))), layout=True)
    elif (office := _office_text(data, suffix, filename)) is not None:
        text = office
    elif is_mail(data, suffix):
        text = _mail_text(data, filename, max_bytes)
    else:
        decoded = whole_characters(decode_text(data))
        is_page = suffix in _HTML_SUFFIXES or _looks_like_html(decoded)
        parsed = _json_or_page(decoded, filename, is_page) if suffix not in _HTML_SUFFIXES else None
        if parsed is None and is_page:
            text = html_text(decoded)
        elif parsed is not None:
            text = records_text(parsed)
        elif suffix in _TABLE_SUFFIXES:
            text = table_text(decoded, "\t" if suffix == ".tsv" else ",")
        elif is_markdown(filename, decoded):
            text = markdown_text(decoded)
        elif is_slide_deck(decoded.splitlines()):  # short lines by design: never unwrapped as a PDF's are
            text = deck_text(decoded)
        else:  # plain text may be a PDF's text layer saved as it was copied out: pages and wrapped lines
            text = indent_unwrapped(unwrapped(without_page_breaks(_without_page_top(decoded))))
    text = _tidy(text)
    if not text.strip():
        raise IntakeError("empty", f"{filename}: no text")
    return text


def _mail_text(data: bytes, filename: str, max_bytes: int) -> str:
    """A mail read as the document it carries: each attachment read as an upload of its own (a .txt, .docx,
    .pdf, page, a forwarded mail…) first — the document's own head (title, 文号, issuer) opens the text, as it would
    the file alone — then the cover note ("现将…转发给你们"), which only passes the document on. A mail whose note is
    the document (no attachment read) is its note, headed by the subject when the note's first lines do not hold it;
    the subject of a mail that carries attachments ("请查收", "Fwd: …") is no part of the document. A part that holds
    no readable text (a scan, an image, a note in no known encoding) is left out; a mail with nothing readable at all
    is empty. Every attachment draws on the upload's one inflation bound (`read_file`)."""
    try:
        mail = parse_mail(data)
    except (ValueError, LookupError, IndexError, RecursionError) as exc:  # a header or nesting the parser cannot take
        raise IntakeError("damaged", f"{filename}: {type(exc).__name__}") from None
    notes: list[str] = []
    attached: list[str] = []
    for part in mail.parts:
        try:
            if part.role == "body":
                decoded = _declared_text(part.data, part.charset)
                notes.append(html_text(decoded) if part.content_type == "text/html" else decoded)
            else:
                attached.append(read_file(part.data, part.filename, max_bytes=max_bytes))
        except IntakeError as exc:
            if exc.code == "archive_bomb":  # the upload's bound is spent: the whole mail is refused, not cut short
                raise
            continue
    attached = [t.strip() for t in attached if t.strip()]
    notes = [t.strip() for t in notes if t.strip()]
    body = "\n\n".join((*attached, *notes))
    if not body:
        return ""
    head = "".join(body.splitlines()[:6])  # the title may follow the issuers' line
    subject = mail.subject
    if not attached and subject and to_simplified("".join(subject.split())) not in to_simplified("".join(head.split())):
        body = f"{subject}\n\n{body}"
    return whole_characters(body)


def _declared_text(data: bytes, charset: str | None) -> str:
    """A mail part's text in the charset its header declares (GB2312 read as its superset GB18030), unless the
    bytes read as any upload's text are more plausibly Chinese: a note declared latin-1 or euc-kr but written in
    GB18030 decodes without error into the wrong characters."""
    declared: str | None = None
    if charset:
        name = (
            "gb18030" if charset.lower().replace("-", "").replace("_", "") in ("gb2312", "gbk", "gb18030") else charset
        )
        try:
            declared = data.decode(name)
        except (LookupError, UnicodeDecodeError, ValueError):
            declared = None
    try:
        sniffed: str | None = decode_text(data)
    except IntakeError:
        sniffed = None
    if declared is None:
        if sniffed is None:
            raise IntakeError("undecodable", f"declared {charset}, and not UTF-8, UTF-16, GB18030 or Big5 text")
        return sniffed
    if sniffed is not None and sniffed != declared and _common_share(sniffed) > _common_share(declared):
        return sniffed
    return declared


def _office_text(data: bytes, suffix: str, filename: str) -> str | None:
    """The text of a workbook, a Word file or an RTF file; IntakeError for a binary form not read (an .xls, a
    workbook with a password, .doc, archives); None for a file of text (an Excel sheet saved as a page keeps its
    .xls name)."""
    is_zip = data.startswith(b"PK\x03\x04")
    if data.startswith(OLE2_MAGIC):
        refuse_compound(data, filename)
        raise IntakeError("unsupported_type", filename)
    if suffix in WORKBOOK_SUFFIXES or (is_zip and _zip_is_workbook(data)):
        return whole_characters(workbook_text(data, filename))
    if is_odt(data, filename) or (is_zip and suffix in ODT_SUFFIXES):
        return whole_characters(odt_text(data, filename))
    if is_zip:
        return whole_characters(docx_text(data, filename))
    if is_rtf(data):
        return whole_characters(rtf_text(data, filename))
    if data.startswith(_BINARY_MAGIC) or suffix in (".doc", ".wps", ".ppt", ".zip", ".rar"):
        raise IntakeError("unsupported_type", filename)
    return None


def _zip_is_workbook(data: bytes) -> bool:
    """A zip whose parts are a workbook's, whatever it is named (a .xlsx saved without its suffix)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return is_workbook(set(archive.namelist()))
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _json_document(decoded: str, filename: str) -> object | None:
    """The parsed JSON of a file named .json, or of a plain-text file (.txt, no suffix) whose whole text is
    a JSON array or object; None for any other file. A .json file that does not parse — or nests deeper
    than any export does, which Python's reader cannot follow — is refused, saying where it breaks."""
    stripped = decoded.strip().lstrip("\ufeff")
    suffix = _suffix(filename)
    named = suffix in _JSON_SUFFIXES
    if not named and (suffix not in _JSON_SNIFFED or not (stripped[:1] in ("[", "{") and stripped[-1:] in ("]", "}"))):
        return None
    try:
        # NaN and Infinity are no JSON and no value a document writes: read as no value (null)
        parsed: object = json.loads(stripped, parse_constant=lambda _: None)
    except RecursionError:
        if not named:
            return None
        raise IntakeError("malformed_json", "nested too deep") from None
    except ValueError as exc:
        if not named:
            return None
        line = getattr(exc, "lineno", 0)
        raise IntakeError("malformed_json", str(line)) from None
    return parsed


def _json_or_page(decoded: str, filename: str, is_page: bool) -> object | None:
    """The parsed JSON of an export whose values carry a page's markup (<br>, &nbsp; left in by the portal that
    exported them): it parses, so it is JSON, not a page — read as a page its records were lost in one clause per
    line of braces. A file that does not parse and looks like a page is read as one."""
    try:
        return _json_document(decoded, filename)
    except IntakeError:
        if is_page:
            return None
        raise


def _is_record_list(value: object) -> TypeGuard[list[dict[str, object]]]:
    return isinstance(value, list) and bool(value) and all(isinstance(r, dict) for r in value)


def _body(document: dict[str, object]) -> list[tuple[str, str]]:
    """A document object's own text: its fields named as a document's body (正文, 内容, content …; a text or
    a list of paragraphs) and any other text as long as a paragraph — with their lines as written."""
    found: list[tuple[str, str]] = []
    for key, field in document.items():
        name = _json_key(key)
        value = field
        if name in _BODY_KEYS and isinstance(field, list) and field and all(isinstance(v, str) for v in field):
            value = "\n".join(field)
        if isinstance(value, str) and value.strip() and (name in _BODY_KEYS or len(value.strip()) >= _BODY_LENGTH):
            found.append((name, value))
    return found


def _records(parsed: object, depth: int = 0) -> tuple[list[dict[str, object]], dict[str, object]]:
    """The records of a JSON export and the object around them (its document-level fields): a list of
    objects; the list an object holds under a record-list key (data/records/list/rows/items …, one level
    down at most: {"data": {"list": [...]}}); else, in an object that is no document (one with a body:
    正文, 内容 …), the only list of objects of several fields it holds. A document's other lists (its 附件)
    are its fields."""
    if isinstance(parsed, list):
        return [r for r in parsed if isinstance(r, dict)], {}
    if not isinstance(parsed, dict):
        return [], {}
    for key in _RECORD_KEYS:
        value = parsed.get(key)
        if isinstance(value, dict) and depth == 0:
            inner, _ = _records(value, depth + 1)
            if inner:
                return inner, parsed
        elif _is_record_list(value):
            return list(value), parsed
    if _body(parsed):
        return [], parsed
    # a list whose items are records of several fields, not a list of names ({"名称": "申请表"})
    lists = [v for v in parsed.values() if _is_record_list(v) and any(len(record) > 1 for record in v)]
    if len(lists) == 1:
        return list(lists[0]), parsed
    return [], parsed


def _json_value(value: object, depth: int = 0, item: bool = False) -> str:
    """A field's value as one line, its words as written (a list's items joined by ；, an item of one field
    — {"名称": "申请表"} — by its value, true/false as 是/否); nothing for values nested deeper than any
    export's fields are, nor for NaN or Infinity."""
    if depth > _MAX_VALUE_DEPTH:
        return ""
    if isinstance(value, dict):
        parts = [(_json_key(k), _json_value(v, depth + 1)) for k, v in value.items()]
        parts = [(k, v) for k, v in parts if v]
        if item and len(parts) == 1:
            return parts[0][1]
        return "；".join(_field_line(k, v) for k, v in parts)
    if isinstance(value, list):
        return "；".join(part for entry in value if (part := _json_value(entry, depth + 1, item=True)))
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return " ".join(part.strip() for part in _without_markup(str(value)).splitlines() if part.strip())


# What a portal leaves of its editor's markup in an exported value: line breaks (<br>, </p>) and other tags, entities.
_VALUE_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li)>", re.I)
_VALUE_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")


def _without_markup(value: str) -> str:
    """A value as the portal shows it: its markup's breaks as line breaks, other tags dropped, entities (&nbsp;)
    read as their characters; a value with no markup as written."""
    if "<" not in value and "&" not in value:
        return value
    text = html.unescape(_VALUE_TAG.sub("", _VALUE_BREAK.sub("\n", value)))
    return text.replace("\xa0", " ")


def _json_key(key: object) -> str:
    return str(key).strip()


def _field_line(key: str, value: str) -> str:
    """A field as its 字段：值 line; a field with no name (a blank key) is its value alone."""
    return f"{key}：{value}" if key else value


def _document_field(document: dict[str, object], keys: tuple[str, ...], kind: re.Pattern[str]) -> str:
    """An export's own field of one kind: a key it is known by (标题, 发布机构), else the first one-value
    key whose name ends in that kind's word (数据集名称 a name, 数据提供方 a provider, 更新日期 a date) —
    each portal names its fields its own way, the kind is said by the key's last word."""
    found = [
        text
        for key in dict.fromkeys((*keys, *(k for k in document if kind.search(str(k).strip()))))
        if (value := document.get(key)) is not None
        and not isinstance(value, (dict, list))
        and (text := _json_value(value))
    ]
    if kind is _JSON_ISSUER_KIND:
        # 来源 may name the app or site the export came from (皖事通APP·政策直通车) beside the body that issued the
        # items (发布单位：霍山县人力资源和社会保障局): the body is the issuer
        return next((text for text in found if _NAMES_BODY.search(text)), found[0] if found else "")
    return found[0] if found else ""


def _header(document: dict[str, object]) -> tuple[dict[str, str], set[str]]:
    """The document's title, issuer and date as its 政府信息公开 table, and the keys they were read from."""
    header: dict[str, str] = {}
    used: set[str] = set()
    for key, keys, kind in (
        ("标题", _JSON_TITLE, _JSON_TITLE_KIND),
        ("发文机关", _JSON_ISSUER, _JSON_ISSUER_KIND),
        ("成文日期", _JSON_DATE, _JSON_DATE_KIND),
    ):
        found = _document_field(document, keys, kind)
        if found:
            header[key] = found
            used |= {str(k) for k, v in document.items() if not isinstance(v, (dict, list)) and _json_value(v) == found}
    return header, used


def _body_lines(document: dict[str, object]) -> list[str]:
    """A document's body fields as their text, line by line as written."""
    return [line.strip() for _, text in _body(document) for line in text.splitlines() if line.strip()]


def records_text(parsed: object) -> str:
    """An open-data export of policy items read as a service guide is: the document's title, issuer
    and date as its 政府信息公开 table (标题：/发文机关：/成文日期：) from its own fields or the values every
    record shares (依据文件, 发布机构, 发布日期), then one numbered item per record whose lines are its
    fields as 字段：值 — one clause per record, quoted as the values are written. The document's own
    text (正文 …) is kept below its table. A single document exported as an object (标题, 正文, 附件 …)
    is read as that document: its table, its other fields as 字段：值, its text, then its lists."""
    records, document = _records(parsed)
    # a record's fields in order; a field whose key is blank keeps its value, written as a line of its own
    rows = [[(_json_key(k), value) for k, v in record.items() if (value := _json_value(v))] for record in records]
    rows = [row for row in rows if row]
    body = _body_lines(document)
    if not rows and not body:
        raise IntakeError("not_records", "no records of fields")
    header, used = _header(document)
    if not rows:
        return _document_text(document, header, used)
    named = [dict(row) for row in rows]
    shared = [
        field
        for field in _JSON_SHARED
        if len(rows) > 1 and all(field in row for row in named) and len({row[field] for row in named}) == 1
    ]
    for field in shared:
        header.setdefault(_JSON_SHARED[field], named[0][field].strip("《》"))
    header = _cited_header(header)
    lines = [f"{key}：{value}" for key, value in header.items()]
    lines += body
    for number, row in enumerate(rows, 1):
        fields = [(k, v) for k, v in row if k not in shared]
        fields.sort(key=lambda kv: kv[0] not in _RECORD_NAME)  # the item's name opens it
        for index, (key, value) in enumerate(fields):
            line = _field_line(key, value)
            lines.append(f"{number}．{line}" if index == 0 else line)
    return "\n".join(lines)


# A document cited with its 文号 and date in brackets after its name (…的通知（霍人社〔2026〕15号，2026年3月20日）).
_CITED_TAIL = re.compile(r"[（(]([^（）()]*?(?:〔\d{4}〕|\d{4}年)[^（）()]*)[)）]$")
_CITED_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}〔\d{4}〕\d{1,4}号")
_CITED_DAY = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def _cited_header(header: dict[str, str]) -> dict[str, str]:
    """A title the records cite with its 文号 and date after it (政策依据：X（霍人社〔2026〕15号，2026年3月20日）): X
    is the title, the bracket its 发文字号 and 成文日期 — as a 政府信息公开 table sets them, each in its own row."""
    title = header.get("标题", "")
    tail = _CITED_TAIL.search(title)
    if tail is None:
        return header
    number, day = _CITED_NUMBER.search(tail.group(1)), _CITED_DAY.search(tail.group(1))
    if number is None and day is None:
        return header
    found = {**header, "标题": title[: tail.start()].strip()}
    if number is not None:
        found.setdefault("发文字号", number.group(0))
    if day is not None:
        found.setdefault("成文日期", day.group(0))
    return found


def _document_text(document: dict[str, object], header: dict[str, str], used: set[str]) -> str:
    """One document exported as an object: its table, its other one-value fields (文号, 有效期) as
    字段：值, its text as written, then its lists and objects (附件：申请表；承诺书)."""
    body_keys = {key for key, _ in _body(document)}
    lines = [f"{key}：{value}" for key, value in header.items()]
    after: list[str] = []
    for key, value in document.items():
        name = _json_key(key)
        if str(key) in used or name in body_keys or not (text := _json_value(value)):
            continue
        (after if isinstance(value, (dict, list)) else lines).append(_field_line(name, text))
    return "\n".join([*lines, *_body_lines(document), *after])


RADICALS_FILE = Path(__file__).resolve().parent / "data" / "radicals.yaml"
# Kangxi radicals and CJK compatibility ideographs: Unicode decomposes each to its ideograph. Only these
# blocks are normalised (NFKC of the whole text would also rewrite what a document writes on purpose:
# full-width punctuation and digits （一）１．：→ (一)1.:, circled and bracketed labels ①⑴ → 1 (1), … → ...,
# and every quote would then differ from the file).
_COMPATIBLE = ((0x2F00, 0x2FD5), (0xF900, 0xFAD9))
_KANGXI = (0x2F00, 0x2FD5)
_RADICALS = re.compile("[\u2e80-\u2fd5\uf900-\ufad9]")


@cache
def _whole_character_table() -> dict[int, str]:
    table = {
        code: unicodedata.normalize("NFKC", chr(code))
        for start, end in _COMPATIBLE
        for code in range(start, end + 1)
        if unicodedata.name(chr(code), None)
    }
    listed = yaml.safe_load(RADICALS_FILE.read_text(encoding="utf-8"))
    table.update({ord(radical): character for radical, character in listed.items()})
    return table


@cache
def _simplified_radical_table() -> dict[int, str]:
    """Kangxi radicals whose ideograph is a traditional form (⼾ 戶, ⾨ 門, ⾙ 貝) as the simplified
    character (户 门 贝): a font for simplified Chinese draws that character with the radical's glyph, and
    a producer that names the glyph by its lowest code point writes the radical for it."""
    table = _whole_character_table()
    return {
        code: simplified
        for code in range(_KANGXI[0], _KANGXI[1] + 1)
        if code in table and len(simplified := to_simplified(table[code])) == 1 and simplified != table[code]
    }


def _is_traditional_text(text: str) -> bool:
    """Whether a text's own ideographs (its radicals aside) are written in 繁体: more of them are changed
    by t2s than a simplified text's few (a name, a 繁体 word quoted)."""
    ideographs = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not ideographs:
        return False
    own = "".join(ideographs)
    changed = sum(1 for a, b in zip(own, to_simplified(own), strict=False) if a != b)
    return changed >= max(2, len(ideographs) * 0.05)


def whole_characters(text: str) -> str:
    """Radical code points written where the document has the whole character (PDF text layers
    name 长 U+2ED3, 人 U+2F08, 日 U+2F47 …) become that character: otherwise 长兴县 reads as 兴县
    (another county) and no date 年⽉⽇ is found. A Kangxi radical whose ideograph is a traditional form
    (⼾ 戶) is the simplified character in a simplified text — else 个体工商户 would read 个体工商戶 and
    the document be reported as 繁体."""
    if not _RADICALS.search(text):
        return text
    if not _is_traditional_text(text):
        text = text.translate(_simplified_radical_table())
    return text.translate(_whole_character_table())


def _suffix(filename: str) -> str:
    name = filename.lower().rsplit("/", 1)[-1]
    return name[name.rfind(".") :] if "." in name else ""


def _is_image(data: bytes) -> bool:
    if data.startswith(_IMAGE_MAGIC):
        return True
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_text(data: bytes) -> str:
    """Text in UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:], "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data, "utf-16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _is_plausible_text(text):
            return text
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _is_plausible_text(text):
            candidates.append((_common_share(text), text))
    if not candidates or max(candidates)[0] < 0.5:
        raise IntakeError("undecodable", "not UTF-8, UTF-16, GB18030 or Big5 text")
    return max(candidates)[1]


def _common_share(text: str) -> float:
    """Share of the non-ASCII characters that are common Chinese (GB2312 once simplified): Big5
    bytes read as GB18030 decode without error, but into rare characters, kana and symbols."""
    wide = [ch for ch in to_simplified(text) if ord(ch) > 0x7F and not ch.isspace()]
    if not wide:
        return 1.0
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common / len(wide)


def _checked(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IntakeError("undecodable", str(exc)) from None
    if text.strip() and not _is_plausible_text(text):
        raise IntakeError("undecodable", f"control characters in {encoding} text")
    return text


def _is_plausible_text(text: str) -> bool:
    """Binary data decodes as GB18030 more often than not; real text has almost no control
    characters and is mostly letters, digits, CJK or punctuation."""
    if not text:
        return False
    controls = len(_CONTROL.findall(text))
    return controls <= len(text) / 1000


_BLOCK_MARKUP = re.compile(r"<(p|br|div|td)\b[^>]*>", re.I)


def _looks_like_html(text: str) -> bool:
    """A page saved as .txt, or a fragment of one (<p>…</p> without <html>)."""
    head = text[:2000].lower()
    if "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head):
        return True
    return len(_BLOCK_MARKUP.findall(text[:20000])) >= 3


# --- HTML -------------------------------------------------------------------------------------

_SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "iframe", "nav", "header", "footer", "form", "select", "button", "svg", "head"}
)
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "tr",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "section",
        "article",
        "td",
        "dd",
        "dt",
        "ul",
        "ol",
        "hr",
        "center",
        "blockquote",
        "pre",
    }
)
# class or id words of page furniture on government sites (navigation, share bars, footers).
_FURNITURE_ATTR = re.compile(
    r"(^|[-_\s])(nav|navbar|menu|breadcrumb|crumb|share|bdshare|toolbar|sidebar|footer|header|top|"
    r"topbar|copyright|related|fontsize|print|search|login|banner|qrcode|ewm)([-_\s\d]|$)",
    re.I,
)


# What a page saved from Word or WPS while still in review holds that is not its text: tracked deletions
# (<del>, class=msoDel), reviewers' comments (the comment list at the end, style mso-element:comment-list, and
# the [A1] anchors in the text, class=msocomanchor / MsoCommentReference). Insertions (<ins>, class=msoIns) are
# the text as accepted and stay. WPS and older Word versions mark a deletion by striking it through (<s>, <strike>,
# text-decoration:line-through): struck text is what the reviser took out, never the text in force.
_REVIEW_ONLY_TAGS = frozenset({"del", "s", "strike"})
_REVIEW_ONLY_CLASS = re.compile(r"^(msodel|msocomanchor|msocomtxt|msocommentreference|msocomoff)$", re.I)
_REVIEW_ONLY_STYLE = re.compile(r"mso-element\s*:\s*comment|text-decoration(?:-line)?\s*:\s*line-through", re.I)


def _review_only(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """True for an element of a page in review that the published text does not hold (see above)."""
    if tag in _REVIEW_ONLY_TAGS:
        return True
    for name, value in attrs:
        if not value:
            continue
        if name == "class" and any(_REVIEW_ONLY_CLASS.match(word) for word in value.split()):
            return True
        if name == "style" and _REVIEW_ONLY_STYLE.search(value):
            return True
    return False


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_stack: list[str] = []
        self._rows: list[int] = []  # where each open table row's text starts in parts
        self._spans: list[list[tuple[int, int]]] = []  # the (rowspan, colspan) of each cell of each open row
        # Per open table: column → (rows still spanned, the cell's text, columns it is wide) of a cell spanning
        # rows below.
        self._carried: list[dict[int, tuple[int, str, int]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            if tag in _BLOCK_TAGS and not self._skip_stack:
                self.parts.append("\n")
            return
        attr_text = " ".join(value or "" for name, value in attrs if name in ("class", "id"))
        if (
            self._skip_stack
            or tag in _SKIPPED_TAGS
            or (attr_text and _FURNITURE_ATTR.search(attr_text))
            or _review_only(tag, attrs)
        ):
            self._skip_stack.append(tag)
            return
        if tag == "table":
            self._carried.append({})
        if tag == "tr":
            self._rows.append(len(self.parts))
            self._spans.append([])
        elif tag in ("td", "th") and self._rows:
            self.parts.append(_CELL)
            span, width = (dict(attrs).get(name) or "1" for name in ("rowspan", "colspan"))
            self._spans[-1].append((int(span) if span.isdigit() else 1, int(width) if width.isdigit() else 1))
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skip_stack:
            if tag in self._skip_stack:
                while self._skip_stack and self._skip_stack.pop() != tag:
                    pass
            return
        if tag == "tr" and self._rows:
            start = self._rows.pop()
            row = "".join(self.parts[start:])
            if self._carried:
                row = _with_spanned_cells(row, self._spans[-1], self._carried[-1])
            self._spans.pop()
            self.parts[start:] = _row_parts(row)
        if tag == "table" and self._carried:
            self._carried.pop()
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_stack:
            self.parts.append(data)


_CELL = "\x00"
# A row read as one record though a cell holds several lines (<br>): this many cells, each of at most so many lines.
_RECORD_CELLS = 3
_RECORD_CELL_LINES = 3


def _with_spanned_cells(row: str, spans: list[tuple[int, int]], carried: dict[int, tuple[int, str, int]]) -> str:
    """A row with the cells of rows above that span it (rowspan="2": 受理部门 said once for two rows) put
    back at their columns, so each row reads whole; a cell of this row that spans rows below is kept
    for them. A cell as wide as several columns (colspan="3": 政策内容 over 对象/标准/条件) takes them all,
    so a cell carried from above lands at its own column, not beside the first cell under the wide one."""
    lead, *cells = row.split(_CELL)
    out: list[str] = []
    column = 0
    given = iter(zip(cells, spans + [(1, 1)] * (len(cells) - len(spans)), strict=True))
    while True:
        if column in carried:
            left, text, width = carried[column]
            out.append(text)
            if left > 1:
                carried[column] = (left - 1, text, width)
            else:
                del carried[column]
        else:
            cell = next(given, None)
            if cell is None:
                break
            text, (span, width) = cell
            out.append(text)
            if span > 1:
                carried[column] = (span - 1, text, width)
        column += max(width, 1)
    return _CELL.join([lead, *out])


def _row_parts(row: str) -> list[str]:
    """A table row whose cells are values (3—9人 | 每人3000元) reads as one line joined by ｜, so a
    figure stays with what it is for (as Word rows do, `docx._row_lines`); a row with a key cell
    (发文字号：) keeps one line per cell, as the 政府信息公开 table needs. A cell of several lines keeps
    them apart too — a layout table's cell holds paragraphs — unless the row is a record of three cells or
    more each of a few lines (序号｜政策名称｜…｜标准 with one tier per line): its lines are then joined in
    the cell, so the row stays one numbered row and each tier beside the measure it is of."""
    cells = [[line.strip() for line in cell.split("\n") if line.strip()] for cell in row.split(_CELL)[1:]]
    filled = [" ".join(cell) for cell in cells if cell]
    one_line = all(len(cell) <= 1 for cell in cells)
    record = len(filled) >= _RECORD_CELLS and all(len(cell) <= _RECORD_CELL_LINES for cell in cells)
    if len(filled) >= 2 and (one_line or record) and not any(text.endswith(("：", ":")) for text in filled):
        return ["\n", "｜".join(filled), "\n"]
    return [row.replace(_CELL, "\n")]


def html_text(markup: str) -> str:
    """Visible text of a page, one block per line, without scripts, navigation or share bars."""
    return "\n".join(line for line in _visible_lines(markup) if not is_page_furniture(line))


def _visible_lines(markup: str) -> list[str]:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


# The date a page was put online, in its info bar (发布时间：2026-03-06 10:12 来源：…).
_PUBLISHED_ON = re.compile(r"(?:发布时间|发布日期)[:：]\s*((?:19|20)\d{2})[-./年](\d{1,2})[-./月](\d{1,2})")
# The byline of a public-account (公众号) article: its account, the day and time it went out, and where
# from (宜春人社　2026-04-18 09:30　发表于江西).
# A 落款 (巴中市人民政府　2018年2月1日) is no byline: a byline gives the time of day, or says 原创 or 发表于, or counts
# its readers (an H5 page's 彭州市人力资源和社会保障局　2026-03-12　阅读 2318).
_BYLINE = re.compile(
    r"^(?=.*(?:\d{1,2}:\d{2}|^原创|发表于|(?:阅读|浏览)(?:量|次数)?[:：]?\s*\d))"
    r"(?:原创\s+)?(?:[^\s，。：:]{1,24}\s+){0,3}((?:19|20)\d{2})[-./年](\d{1,2})[-./月](\d{1,2})日?"
    r"(?:\s+\d{1,2}:\d{2})?(?:\s*(?:发表于)?[\u4e00-\u9fff]{1,8})?(?:\s*(?:阅读|浏览)(?:量|次数)?[:：]?\s*\d+)?\s*$"
)


def published_on(data: bytes, filename: str) -> date | None:
    """The date a saved web page says it was put online: the only date of a page without a 落款 of its
    own (a 政策解读). The info bar is furniture, so the text never holds it; a page copied as plain
    text (or kept as Markdown) keeps its info bar among its lines; None for other files. A page that
    says only when it was last updated (更新日期：…, a FAQ kept up to date) is dated by that."""
    lines = _page_lines(data, filename)
    for line in lines:
        match = _PUBLISHED_ON.search(line) or _BYLINE.match(line.strip())
        if match and is_page_furniture(line):
            return _day(match)
    return next((_day(match) for line in lines if (match := _updated_on(line.strip()))), None)


# A page's last-updated field (更新日期：2026-03-18 ｜ 浏览次数：…, 发布机构：… ｜ 更新时间：…): its date when it names
# no publishing day. It opens a line of its own, or stands after a bar in the page's info line.
_UPDATED_ON = re.compile(
    r"(?:^|[|｜]\s*)(?:更新日期|更新时间|最后更新|最近更新)[:：]\s*((?:19|20)\d{2})[-./年](\d{1,2})[-./月](\d{1,2})"
)


def _updated_on(line: str) -> re.Match[str] | None:
    match = _UPDATED_ON.search(line)
    return match if match and (match.start() == 0 or is_page_furniture(line)) else None


def _day(match: re.Match[str]) -> date | None:
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


# Who put a page online, in its info bar (来源：鞍山市人力资源和社会保障局　发布日期：…, 发布机构：…).
_PUBLISHED_BY = re.compile(r"(?:来源|信息来源|文章来源|发布机构|发布单位)[:：]\s*([^\s:：|｜]+)")
_PAGE_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_OWN_TITLE = re.compile(
    r"<meta\s+property=[\"']og:title[\"']\s+content=[\"']([^\"']+)"
    r"|<h1[^>]*(?:rich_media_title|activity-name)[^>]*>\s*([^<]+?)\s*</h1>",
    re.I,
)
_SITE_NAME = re.compile(r"<meta\s+name=[\"']?SiteName[\"']?\s+content=[\"']([^\"']+)", re.I)
# The parts of a page's <title>: 常德市…一览表_通知公告_常德市人力资源和社会保障局
_TITLE_PARTS = re.compile(r"\s*(?:_|\||｜|\s[-–—]\s)\s*")


def _page_lines(data: bytes, filename: str) -> list[str]:
    """The lines a saved page shows: a web page's visible lines, a plain-text file's lines (a page
    copied as text); none for other files."""
    if _suffix(filename) in _HTML_SUFFIXES or data.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return _visible_lines(whole_characters(decode_text(data)))
    if _suffix(filename) not in _TEXT_SUFFIXES or data.startswith((b"%PDF", b"PK\x03\x04", *_BINARY_MAGIC)):
        return []
    decoded = whole_characters(decode_text(data))
    return markdown_text(decoded).splitlines() if is_markdown(filename, decoded) else decoded.splitlines()


def _published_by(lines: list[str]) -> list[str]:
    """Who the info bar among these lines says put the page online (来源：…)."""
    return [match.group(1) for line in lines if is_page_furniture(line) for match in _PUBLISHED_BY.finditer(line)]


def page_labels(data: bytes, filename: str) -> tuple[str, ...]:
    """What a saved web page says about itself outside the document's text: who put it online (the
    info bar's 来源：…, the site's name) and the parts of its <title> (its heading, its column, its
    site). A page that is not a document (a 一览表 of standards, a 政策问答) has no 落款, and these
    are then the only words naming its issuer and title; a Markdown file's heading and 来源 likewise;
    () for other files."""
    if _suffix(filename) not in _HTML_SUFFIXES and not data.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        if _suffix(filename) not in _TEXT_SUFFIXES or data.startswith((b"%PDF", b"PK\x03\x04", *_BINARY_MAGIC)):
            return ()
        decoded = whole_characters(decode_text(data))
        if is_markdown(filename, decoded):
            return markdown_labels(decoded)
        # A page copied as plain text: its masthead and top info bar, then any info-bar line among its lines.
        return tuple(dict.fromkeys((*_page_top_labels(decoded), *_published_by(decoded.splitlines()))))
    markup = whole_characters(decode_text(data))
    labels = _published_by(_visible_lines(markup))
    title = _PAGE_TITLE.search(markup)
    if title:
        whole = html.unescape(title.group(1)).strip()
        labels += [part for part in _TITLE_PARTS.split(whole) if part]
        labels.append(whole)  # a heading that holds ｜ itself (政策速览｜…来了！)
    # An article's own heading (og:title; a 公众号 page's rich_media_title), whatever its <title> says.
    labels += [html.unescape(m.group(1) or m.group(2)).strip() for m in _OWN_TITLE.finditer(markup)]
    labels += [match.group(1).strip() for match in _SITE_NAME.finditer(markup)]
    return tuple(label for label in dict.fromkeys(labels) if label)


# A page saved as plain text keeps what the browser showed above the document: the site's masthead
# (南通市人力资源和社会保障局 办事指南), its breadcrumb and its info bar (发布日期：… 来源：… 字号：大 中 小).
_PAGE_TOP_LINES = 8
# A news article's heading and its subtitle (副标题) between the breadcrumb and the info bar.
_HEADING_LINES = 2
# A site's masthead names the body whose site it is (…人力资源和社会保障局 办事指南, …人民政府门户网站); a
# document's own title above its info bar (关于征求《…》意见的通知) is none.
_MASTHEAD = re.compile(
    r"^(?!.*(?:关于|《))[^。；，：:]{0,30}(?:局|厅|委员会|人民政府|中心|网|网站)(?:[\s|｜][^。；，：:]{0,12})?$"
)


def _page_top(text: str) -> tuple[list[str], list[str]]:
    """The masthead lines and the furniture lines at the top of a page saved as plain text; ([], [])
    for any other text. A text is a saved page when its first lines hold a breadcrumb or an info bar
    (a 来源 or 发布日期 label) — what no document's own text opens with; the short lines above the
    first such line are the site's masthead."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")[:_PAGE_TOP_LINES]]
    first = next((i for i, line in enumerate(lines) if line and is_page_furniture(line)), None)
    if first is None or first > 2:
        return [], []
    masthead = [line for line in lines[:first] if line]
    if not all(_MASTHEAD.match(line) for line in masthead):
        return [], []
    furniture: list[str] = []
    heading = 0
    for index, line in enumerate(lines[first:], start=first):
        if line and not is_page_furniture(line):
            # A news page puts the article's heading, and its subtitle if it has one, between its breadcrumb
            # and its info bar (首页 > 新闻 / 烟台召开…新闻发布会 / 来源：… 发布时间：…): the heading is the
            # document's, the bar the page's.
            following = [rest for rest in lines[index + 1 :] if rest][: _HEADING_LINES - heading]
            if heading >= _HEADING_LINES or not any(
                _PUBLISHED_BY.search(rest) or _PUBLISHED_ON.search(rest) for rest in following
            ):
                break
            heading += 1
            continue
        if line:
            furniture.append(line)
    if not any(
        _PUBLISHED_BY.search(line) or _PUBLISHED_ON.search(line) or re.match(_BREADCRUMB, line) for line in furniture
    ):
        return [], []
    return masthead, furniture


def _without_page_top(text: str) -> str:
    """A plain text without the masthead, breadcrumb and info bar of the page it was saved from."""
    masthead, furniture = _page_top(text)
    if not furniture:
        return text
    top = {*masthead, *furniture}
    lines = text.replace("\r\n", "\n").split("\n")
    start = 0
    while start < len(lines) and (not lines[start].strip() or lines[start].strip() in top):
        start += 1
    rest = lines[start:]
    # the info bar below a news page's heading goes too
    return "\n".join(line for i, line in enumerate(rest) if not (i < _PAGE_TOP_LINES and line.strip() in top))


def _page_top_labels(text: str) -> tuple[str, ...]:
    """The labels of a page saved as plain text: the info bar's 来源 and the masthead's parts (the
    site's name is the body that put the page online, the words after it its column)."""
    masthead, furniture = _page_top(text)
    labels = [match.group(1) for line in furniture for match in _PUBLISHED_BY.finditer(line)]
    for line in masthead:
        labels += [part for part in re.split(r"\s+|[|｜]", line) if part]
        labels.append(line)
    return tuple(label for label in dict.fromkeys(labels) if label)


# A site's breadcrumb however it starts (西宁市人民政府门户网站 > 互动交流 > 在线访谈): three or more short names
# joined by arrows — what no sentence of a document is.
_BREADCRUMB = r"^[^。；，：:>＞»›]{1,30}(?:\s*(?:>|＞|»|›|->)\s*[^。；，：:>＞»›]{1,20}){2,}$"

# Lines of government web pages that are no part of the document.
_FURNITURE_LINES = tuple(
    re.compile(p)
    for p in (
        r"^(分享到|打印本页|关闭窗口|【?打印】?|【?关闭】?|【?收藏】?|返回顶部|上一篇|下一篇|网站地图|联系我们|"
        r"设为首页|加入收藏|无障碍|繁体版|简体版|English|登录|注册|首页)[:：]?\s*$",
        r"^(分享到|分享|上一篇|下一篇|相关链接|相关文件|相关阅读)[:：]",
        r"^(来源|信息来源|文章来源|发布机构|发布单位|发布时间|发布日期|更新时间|作者|编辑|责任编辑|审核|浏览次数|点击率)[:：]",
        r"[【\[]\s*(字号|字体)?[:：]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]",
        r"字号[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小",
        r"^【?\s*字体[:：]",
        r"(访问量|浏览次数|阅读次数|点击数|浏览量)[:：]",
        r"^(主办单位|承办单位|网站标识码|ICP备|京ICP|[\u4e00-\u9fff]ICP备|公网安备|版权所有)",
        r"^(主办|承办|编辑|校对|审核|监制)[:：]",
        r"ICP备\d+号|公网安备",
        r"^扫一扫|微信扫|^手机版",
        r"^(当前位置|您的位置|您现在的位置)[:：]",
        r"^(首页|网站首页)\s*(>|＞|»|->|/)",
        _BREADCRUMB,
        r"^(打印|关闭|收藏|纠错)(\s*[|｜]\s*(打印|关闭|收藏|纠错|分享))+\s*$",
        # an H5 page's toggles that fold a section (展开全文 ▼ / 收起 ▲)
        r"^(展开全文|展开阅读全文|展开|收起|收起全文|查看全文|阅读全文|点击展开|点击收起)\s*[▼▲∨∧↓↑⌄⌃﹀︿>＞]?\s*$",
    )
)


# Words of site menus; a line made only of them (设为首页 | 加入收藏 | 无障碍) is furniture.
_MENU_WORDS = frozenset(
    {
        "设为首页",
        "加入收藏",
        "无障碍",
        "繁体版",
        "简体版",
        "English",
        "登录",
        "注册",
        "首页",
        "网站地图",
        "联系我们",
        "打印",
        "关闭",
        "收藏",
        "纠错",
        "分享",
        "打印本页",
        "关闭窗口",
        "返回顶部",
        "长者模式",
        "智能问答",
        "政务服务",
        "互动交流",
        "政务公开",
        "走进",
        "信息公开",
        "新闻中心",
    }
)
_MENU_SEPARATOR = re.compile(r"[|｜/\s·•【】\[\]]+")


def is_page_furniture(line: str) -> bool:
    """A line of a government web page that belongs to the site, not to the document."""
    stripped = line.strip()
    words = [w for w in _MENU_SEPARATOR.split(stripped) if w]
    if words and all(w in _MENU_WORDS for w in words):
        return True
    return any(pattern.search(stripped) for pattern in _FURNITURE_LINES) or bool(_BYLINE.match(stripped))


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


# --- PDF --------------------------------------------------------------------------------------

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _pdf_text(data: bytes) -> str:
    """Text of a PDF's text layer through pypdf. A file pypdf cannot open or read (cut short in a download,
    its cross-reference table or a stream broken) is damaged — said so whatever it holds, since a PDF cut
    before its fonts would otherwise pass for a scan; a whole PDF with no fonts at all is a scan."""
    try:
        import pypdf
    except ImportError:
        if not _pdf_has_fonts(data):
            raise IntakeError("pdf_without_text", "the PDF uses no fonts: scanned pages") from None
        raise IntakeError("unsupported_type", "reading PDF text needs the pypdf package", file_type="pdf") from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = list(reader.pages)
    except Exception as exc:
        raise IntakeError("damaged", f"unreadable PDF: {exc}", file_type="pdf") from None
    if not _pdf_has_fonts(data):
        raise IntakeError("pdf_without_text", "the PDF uses no fonts: scanned pages")
    try:
        text = "\n".join(page.extract_text() or "" for page in pages)
    except Exception as exc:
        raise IntakeError("damaged", f"unreadable PDF page: {exc}", file_type="pdf") from None
    if not text.strip():
        raise IntakeError("pdf_without_text", "no text on any page")
    return text


# A line that ends a sentence, a heading or a list lead-in is never the first half of a wrapped one.
_LINE_ENDS = ("。", "；", "：", ":", "！", "？", "）")
# A wrapped line fills the page: within two characters of the widest line.
_WRAP_SLACK = 4
_MIN_WRAPPED = 3
# In a page layout most lines fill the page; a text of one paragraph a line has few near its widest.
_WRAPPED_SHARE = 0.3
# Paragraphs marked by first-line indents (a scan's OCR text): at least this many indented lines.
_MIN_INDENTED = 5


# A page number printed in a page's footer: － 2 －, - 3 -, 第4页, 第4页 共9页, 4/9 — alone on its line, or set
# apart by a wide gap from the footer's running text (保人社规〔2026〕3号        第 1 页 共 5 页), as a word
# processor's footer comes out when the file is converted to text.
_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:[^\s。；，][^。；，]{0,38}?(?:\s{3,}|\t+))?"
    r"(?:[－—\-–]\s*\d{1,3}\s*[－—\-–]|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?)|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
_RUNNING_LINE = 40


def without_page_breaks(text: str) -> str:
    """A PDF's text keeps each page's furniture where the page ended, often mid-sentence (…由300万元调整 /
    － 1 － / 铜仁市人力资源和社会保障局文件 / 铜人社通〔2026〕15号 / 为400万元。): the page number, and
    beside it the running header or footer (a short line the document also has elsewhere), are dropped
    with the blank lines around them, so the sentence reads on across the page."""
    lines = text.split("\n")
    numbers = [i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line)]
    if not numbers:
        return text
    seen = Counter(line.strip() for line in lines if line.strip())
    dropped: set[int] = set()
    for number in numbers:
        dropped.add(number)
        for step in (1, -1):
            at = number + step
            while 0 <= at < len(lines):
                line = lines[at].strip()
                if line and not (len(line) <= _RUNNING_LINE and seen[line] >= 2 and not _PAGE_NUMBER.match(line)):
                    break
                dropped.add(at)
                at += step
    return "\n".join(line for i, line in enumerate(lines) if i not in dropped)


def unwrapped(text: str, *, layout: bool = False) -> str:
    """A PDF's text layer breaks every line at the page edge, mid-word (给予6000元的一 / 次性创业补贴);
    a line as wide as the page that does not end a sentence is joined to the next, so the document
    reads in sentences again. Widths count a CJK character as two (digits are half as wide).

    A text file's lines may be its author's, so there the lines are joined only when the text is laid out
    as a page (many lines as wide as the widest); in a PDF (`layout`) every line is a layout line, so a
    line as wide as the page is joined however few there are (a one-page notice of four paragraphs) —
    unless the next line opens an item of its own (二、, （三）)."""
    lines = text.split("\n")
    widths = [_display_width(line.strip()) for line in lines]
    # The page's width is what most long lines reach, not the widest line (a 抄送 line may run over).
    filled = sorted(width for width in widths if width)
    full = filled[int(len(filled) * 0.9)] if filled else 0
    slack = max(_WRAP_SLACK, full // 10)
    wrapped = [
        i
        for i, line in enumerate(lines[:-1])
        if widths[i] >= full - slack
        and not line.rstrip().endswith(_LINE_ENDS)
        and lines[i + 1].strip()
        and not (layout and _ITEM_START.match(lines[i + 1].strip()))
    ]
    if not wrapped or (not layout and len(wrapped) < max(_MIN_WRAPPED, len(filled) * _WRAPPED_SHARE)):
        return text  # not a hard-wrapped page layout: lines are the author's
    joins = set(wrapped)
    out: list[str] = []
    for i, line in enumerate(lines):
        if out and i - 1 in joins:
            out[-1] = joined_lines(out[-1], line.strip())
        else:
            out.append(line.rstrip() if i in joins else line)
    return "\n".join(out)


# Scripts written with spaces between words: a line wrapped between two such words keeps one space.
_SPACED_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


def joined_lines(before: str, after: str) -> str:
    """Two pieces of one sentence cut by a line wrap, joined as the script writes it: Chinese (and a
    number cut in two, 12 / 00元) with nothing between, Latin words (employment / subsidy, 2024 / to) with
    one space; a line ending in a hyphen (self- / employed) runs on as written."""
    head, tail = before.rstrip(), after.lstrip()
    if not head or not tail:
        return head + tail
    last, first = head[-1], tail[0]
    latin = _SPACED_WORD.match(last) or _SPACED_WORD.match(first)
    word = (last.isascii() and last.isalnum()) or last in ",.;:!?)"
    if latin and word and (first.isascii() and first.isalnum()):
        return f"{head} {tail}"
    return head + tail


_INDENTED = re.compile(r"^[\u3000 \t]+\S")
# A line that starts a numbered item or heading of its own (一、 （一） 第三条 1. ①), never a wrapped rest.
_ITEM_START = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳])"
)


def indent_unwrapped(text: str) -> str:
    """A scanned page read by OCR breaks lines wherever the scan's line ended, at any width and often
    inside a number (按每人12 / 00元); what marks a paragraph is its first-line indent (　　). In a text
    whose paragraphs are indented, a line with no indent that follows a paragraph line not ending a
    sentence is that paragraph's rest, and is joined to it — unless it starts an item of its own."""
    lines = text.split("\n")
    if sum(1 for line in lines if _INDENTED.match(line)) < _MIN_INDENTED:
        return text
    out: list[str] = []
    in_paragraph = False
    for line in lines:
        rest = line.strip()
        if (
            in_paragraph
            and rest
            and not _INDENTED.match(line)
            and not out[-1].rstrip().endswith(_LINE_ENDS)
            and not _ITEM_START.match(rest)
        ):
            out[-1] = joined_lines(out[-1], rest)
            continue
        out.append(line)
        in_paragraph = bool(_INDENTED.match(line))
    return "\n".join(out)


def _display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line)


def _pdf_has_fonts(data: bytes) -> bool:
    """Whether any object, in the open or in a compressed object stream, declares a font."""
    if b"/Font" in data:
        return True
    budget = MAX_INFLATED
    for match in _STREAM.finditer(data):
        try:
            inflater = zlib.decompressobj()
            chunk = inflater.decompress(match.group(1), budget)
        except zlib.error:
            continue
        budget -= len(chunk)
        if b"/Font" in chunk:
            return True
        if budget <= 0:
            break
    return False
