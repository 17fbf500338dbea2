"""The text of a Word (.docx) upload, with the numbers Word draws itself, read through a size guard.

Word keeps list numbers (一、 （一） 1. ①) out of the text when they are automatic: they live in
word/numbering.xml and are drawn at display time. They are the document's structure, so they are
rendered back in front of their paragraphs here. A DOCX is a zip, so every part is inflated from
its raw bytes under one bound for the whole file, whatever its headers declare (a zip bomb may lie about its
sizes, and spread what it inflates to over several parts).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from xml.etree import ElementTree

from knowledge.errors import IntakeError
from knowledge.numerals import number_to_chinese

# What the parts a reader inflates from one zipped office file (Word, Excel) may come to in all.
MAX_INFLATED = 64 * 1024 * 1024
MAX_RATIO = 200
# What is left of one upload's bound while it is read (`upload_bound`): a mail's attachments, a mail inside a mail,
# all draw on the upload's one MAX_INFLATED, as the parts of one Word file do.
_UPLOAD_LEFT: ContextVar[list[int] | None] = ContextVar("upload_inflate_left", default=None)


@contextmanager
def upload_bound() -> Iterator[None]:
    """Read one upload under one inflation bound, whatever it holds: every archive opened and every part inflated
    while this is open (nested calls included) is charged to the same MAX_INFLATED."""
    if _UPLOAD_LEFT.get() is not None:  # an upload inside an upload (an attachment): the outer bound holds
        yield
        return
    token = _UPLOAD_LEFT.set([MAX_INFLATED])
    try:
        yield
    finally:
        _UPLOAD_LEFT.reset(token)


def _upload_left() -> int:
    left = _UPLOAD_LEFT.get()
    return MAX_INFLATED if left is None else left[0]


def _charge_upload(size: int) -> None:
    left = _UPLOAD_LEFT.get()
    if left is not None:
        left[0] -= size


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Review marks whose text is not the document's: a deletion, the old place of moved text.
_REVIEW_ONLY = frozenset({f"{_W}del", f"{_W}moveFrom"})
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting"}


def docx_text(data: bytes, filename: str) -> str:
    """One line per paragraph of word/document.xml (table cells included), list numbers drawn."""
    archive, names = open_archive(data, filename)
    with archive:
        if "word/document.xml" not in names:
            raise IntakeError("unsupported_type", f"{filename}: a zip archive, not a Word document")
        try:
            # the sizes recorded may lie: the numbering inflates under what the document left of one bound a file
            body = read_bounded(archive, data, "word/document.xml")
            document = _parse(body, filename)
            numbering = (
                _Numbering.read(
                    _parse(read_bounded(archive, data, "word/numbering.xml", MAX_INFLATED - len(body)), filename)
                )
                if "word/numbering.xml" in names
                else _Numbering()
            )
        except NotImplementedError as exc:
            raise IntakeError("unsupported_type", f"{filename}: {exc}") from None
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise IntakeError("damaged", f"{filename}: {exc}") from None
    return "\n".join(_block_lines(document, numbering))


def _block_lines(element: ElementTree.Element, numbering: _Numbering) -> list[str]:
    """Lines of paragraphs in document order; a table row of a data table is one line."""
    lines: list[str] = []
    for child in element:
        if child.tag == f"{_W}p":
            lines.append(_paragraph_text(child, numbering))
        elif child.tag == f"{_W}tr":
            lines.extend(_row_lines(child, numbering))
        else:
            lines.extend(_block_lines(child, numbering))
    return lines


def _row_lines(row: ElementTree.Element, numbering: _Numbering) -> list[str]:
    """A row of a table whose cells are values (3至5人 | 每人1000元) reads as one line, its cells
    joined by ｜, so a figure stays with what it is for; a row with a key cell (发文字号：) or
    cells of several paragraphs keeps one line per paragraph."""
    cells = [_block_lines(cell, numbering) for cell in row.iter(f"{_W}tc")]
    texts = [" ".join(part.strip() for part in cell if part.strip()) for cell in cells]
    filled = [text for text in texts if text]
    one_line = all(sum(1 for part in cell if part.strip()) <= 1 for cell in cells)
    if len(filled) >= 2 and one_line and not any(text.endswith(("：", ":")) for text in filled):
        return ["｜".join(filled)]
    return [line for cell in cells for line in cell]


def _parse(xml: bytes, filename: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise IntakeError("damaged", f"{filename}: {exc}") from None


def _accepted(element: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """The nodes under `element` in document order as the text reads with every tracked change accepted: a
    deletion's runs keep their words in w:delText (never read), but a move keeps them in w:t inside w:moveFrom,
    whose words stand again at w:moveTo — so the moved-from copy is left out."""
    for child in element:
        if child.tag in _REVIEW_ONLY:
            continue
        yield child
        yield from _accepted(child)


def _paragraph_text(paragraph: ElementTree.Element, numbering: _Numbering) -> str:
    pieces: list[str] = []
    for node in _accepted(paragraph):
        if node.tag == f"{_W}t" and node.text:
            pieces.append(node.text)
        elif node.tag == f"{_W}tab":
            pieces.append(" ")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            pieces.append("\n")
    text = "".join(pieces)
    num = paragraph.find(f"{_W}pPr/{_W}numPr")
    if num is None or not text.strip():
        return text
    num_id = _value(num.find(f"{_W}numId"))
    level = _value(num.find(f"{_W}ilvl")) or "0"
    return numbering.label(num_id, int(level)) + text if num_id else text


def _value(node: ElementTree.Element | None) -> str | None:
    return None if node is None else node.get(f"{_W}val")


@dataclass
class _Level:
    format: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """Word's list definitions and the counters of the lists drawn so far."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def read(cls, root: ElementTree.Element) -> _Numbering:
        abstract: dict[str, dict[int, _Level]] = {}
        for definition in root.iter(f"{_W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in definition.iter(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = _Level(
                    format=_value(lvl.find(f"{_W}numFmt")) or "decimal",
                    text=_value(lvl.find(f"{_W}lvlText")) or "",
                    start=int(_value(lvl.find(f"{_W}start")) or "1"),
                )
            abstract[definition.get(f"{_W}abstractNumId", "")] = levels
        numbering = cls()
        for num in root.iter(f"{_W}num"):
            abstract_id = _value(num.find(f"{_W}abstractNumId"))
            if abstract_id in abstract:
                numbering.levels[num.get(f"{_W}numId", "")] = abstract[abstract_id]
        return numbering

    def label(self, num_id: str, level: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= level:
            counters.append(levels.get(len(counters), _Level()).start - 1)
        counters[level] += 1
        del counters[level + 1 :]
        spec = levels[level]
        if spec.format in ("bullet", "none"):
            return ""

        def draw(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            value = counters[at] if at < len(counters) else 1
            return _formatted(value, levels.get(at, spec).format)

        return re.sub(r"%(\d)", draw, spec.text)


def _formatted(value: int, number_format: str) -> str:
    if number_format in _CHINESE_FORMATS:
        return number_to_chinese(value)
    if number_format == "decimalEnclosedCircle" and 0 < value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    return str(value)


def open_archive(data: bytes, filename: str, damaged: str = "damaged") -> tuple[zipfile.ZipFile, set[str]]:
    """Open a zipped office file (Word, OpenDocument, Excel) held in memory and list its member names, refusing it
    before anything is inflated when its directory declares more than MAX_INFLATED bytes in all. A file that is no zip
    or is cut short (the directory sits at the end) raises IntakeError(`damaged`). The caller closes the archive."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IntakeError(damaged, f"{filename}: {exc}") from None
    infos = archive.infolist()
    declared = sum(info.file_size for info in infos)
    if declared > min(MAX_INFLATED, _upload_left()):
        archive.close()
        raise IntakeError("archive_bomb", f"{filename}: declares {declared} bytes")
    return archive, {info.filename for info in infos}


def read_bounded(archive: zipfile.ZipFile, data: bytes, name: str, budget: int = MAX_INFLATED) -> bytes:
    """Inflate one member from its raw bytes, stopping as soon as it passes the limit (at most `budget` bytes:
    what a caller reading several parts under one bound has left, and never more than the upload being read has
    left: see `upload_bound`)."""
    info = archive.getinfo(name)
    limit = min(MAX_INFLATED, budget, _upload_left(), max(len(data), 1 << 20) * MAX_RATIO)
    local = data[info.header_offset : info.header_offset + 30]
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise IntakeError("damaged", f"{name}: broken local header")
    start = info.header_offset + 30 + int.from_bytes(local[26:28], "little") + int.from_bytes(local[28:30], "little")
    raw = data[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        if len(raw) > limit:  # a stored part is its own size: it counts against the bound as an inflated one
            raise IntakeError("archive_bomb", f"{name} is stored with more than {limit} bytes")
        _charge_upload(len(raw))
        return raw
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise IntakeError("unsupported_type", f"{name}: compression method {info.compress_type}")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    out = bytearray()
    pending = raw
    while pending:
        out += inflater.decompress(pending, 1 << 20)
        if len(out) > limit:
            raise IntakeError("archive_bomb", f"{name} inflates beyond {limit} bytes")
        pending = inflater.unconsumed_tail
    out += inflater.flush()
    if len(out) > limit:
        raise IntakeError("archive_bomb", f"{name} inflates beyond {limit} bytes")
    _charge_upload(len(out))
    return bytes(out)
