"""The text of an OpenDocument text (.odt, and its flat .fodt form), as WPS Office and LibreOffice save it.

An .odt is a zip whose `mimetype` member names the kind (application/vnd.oasis.opendocument.text) and whose
content.xml holds the body: headings (text:h), paragraphs (text:p), lists (text:list) and tables (table:table).
Numbers a list or a heading draws itself live in its list style (text:list-style, in content.xml's automatic
styles or styles.xml), not in the text: they are the document's structure, so they are drawn back in front of
their lines here, as Word's are (knowledge.docx). The parts read (manifest, content.xml, styles.xml) are inflated
under one bound for the whole file, `MAX_ODT_INFLATED` (`read_bounded`); a file whose manifest says it is encrypted
(a password set in LibreOffice) cannot be read, and says so.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree import ElementTree

from knowledge.docx import open_archive, read_bounded
from knowledge.errors import IntakeError
from knowledge.granted_figures import ROW
from knowledge.numerals import number_to_chinese

# What the parts read of one .odt may inflate to, together: a policy text's content.xml is well under a megabyte
# (a hundred pages ≈ 1–2 MB); a 146 KB file inflating to tens of megabytes of paragraphs is a bomb, not a policy.
MAX_ODT_INFLATED = 8 * 1024 * 1024

TEXT_MIMETYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
ODT_SUFFIXES = (".odt", ".ott", ".fodt")

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# What is no text of the body: notes' citations are kept (their bodies read where they stand), tracked deletions,
# a table of contents' cached copy of the headings and the fields a template fills in are dropped.
_SKIPPED = frozenset(
    {
        f"{_TEXT}tracked-changes",
        f"{_TEXT}table-of-content",
        f"{_TEXT}sequence-decls",
        f"{_TEXT}variable-decls",
        f"{_TEXT}user-field-decls",
        f"{_OFFICE}annotation",
        f"{_TEXT}note",
    }
)


def is_odt(data: bytes, filename: str) -> bool:
    """A zip whose first member is an OpenDocument text's `mimetype` (stored uncompressed, as the format
    requires), or a flat OpenDocument XML file (.fodt)."""
    if data.startswith(b"PK\x03\x04"):
        return any(kind.encode("ascii") in data[30:120] for kind in TEXT_MIMETYPES) or _zip_names_odt(data)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") and b"<office:document" in head and b"opendocument.text" in head


def _zip_names_odt(data: bytes) -> bool:
    """A zip written without its mimetype first (some converters) but holding an OpenDocument text's parts."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" not in names or "content.xml" not in names:
                return False
            return archive.read("mimetype")[:80].decode("ascii", "replace").strip() in TEXT_MIMETYPES
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, zlib.error):
        return False


def odt_text(data: bytes, filename: str) -> str:
    """One line per heading and paragraph of the body (list numbers drawn), a table's row of values one line of
    cells joined by ｜; IntakeError when the file is damaged, encrypted, too big inflated, or no text document."""
    if not data.startswith(b"PK\x03\x04"):
        root = _parse(data, filename)
        return _body_text(root, _ListStyles.read(root), filename)
    archive, names = open_archive(data, filename)
    with archive:
        if "content.xml" not in names:
            raise IntakeError("damaged", f"{filename}: an OpenDocument file without content.xml")
        parts = [name for name in ("META-INF/manifest.xml", "content.xml", "styles.xml") if name in names]
        declared = sum(archive.getinfo(name).file_size for name in parts)
        if declared > MAX_ODT_INFLATED:
            raise IntakeError("archive_bomb", f"{filename}: its text declares {declared} bytes")
        budget = MAX_ODT_INFLATED
        read: dict[str, bytes] = {}
        try:
            for name in parts:  # the sizes recorded may lie: each part inflates under what the others left
                read[name] = read_bounded(archive, data, name, budget)
                budget -= len(read[name])
                if name == "META-INF/manifest.xml" and _is_encrypted(read[name]):
                    raise IntakeError("encrypted_document", filename)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise IntakeError("damaged", f"{filename}: {exc}") from None
        content = _parse(read["content.xml"], filename)
        styles = _parse(read["styles.xml"], filename) if "styles.xml" in read else None
    return _body_text(content, _ListStyles.read(content, styles), filename)


def _body_text(root: ElementTree.Element, list_styles: _ListStyles, filename: str) -> str:
    """The body's lines; a file nesting its elements deeper than Python recurses (thousands of spans inside spans,
    which no editor writes) is refused as damaged, not let crash the upload it came with."""
    try:
        return "\n".join(_Reader(list_styles).body(root))
    except RecursionError:
        raise IntakeError("damaged", f"{filename}: elements nested too deep") from None


# What a number the file writes may be: ODF has ten list and outline levels; a list's numbers and a run of spaces
# (text:s text:c) are bounded so that a hostile file's text:c="2000000000" draws no two billion spaces.
_MAX_LEVEL = 10
_MAX_NUMBER = 9999
_MAX_SPACES = 64


def _int(value: str | None, default: int, low: int, high: int) -> int:
    """An integer attribute as written, `default` when it is absent or no integer, held within low…high."""
    try:
        number = int(value) if value else default
    except ValueError:
        number = default
    return min(max(number, low), high)


def _is_encrypted(manifest: bytes) -> bool:
    return b"encryption-data" in manifest


def _parse(xml: bytes, filename: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise IntakeError("damaged", f"{filename}: {exc}") from None


@dataclass(frozen=True)
class _Level:
    format: str = ""  # style:num-format: "1", "a", "A", "i", "I", "一, 二, 三, ...", "①, ②, ③, ..."; "" bullets
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    shown: int = 1  # text:display-levels: how many levels' numbers the label shows (1.2.)


@dataclass
class _ListStyles:
    """The numbered list styles by name (level 1…10), and the outline style headings are numbered by."""

    styles: dict[str, dict[int, _Level]] = field(default_factory=dict)
    outline: dict[int, _Level] = field(default_factory=dict)

    @classmethod
    def read(cls, *roots: ElementTree.Element | None) -> _ListStyles:
        found = cls()
        for root in roots:
            if root is None:
                continue
            for style in root.iter(f"{_TEXT}list-style"):
                found.styles[style.get(f"{_STYLE}name", "")] = _levels(style)
            for style in root.iter(f"{_TEXT}outline-style"):
                found.outline = _levels(style)
        return found


def _levels(style: ElementTree.Element) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for level in style:
        number = _int(level.get(f"{_TEXT}level"), 1, 1, _MAX_LEVEL)
        numbered = level.tag in (f"{_TEXT}list-level-style-number", f"{_TEXT}outline-level-style")
        levels[number] = _Level(
            format=level.get(f"{_STYLE}num-format", "") if numbered else "",
            prefix=level.get(f"{_STYLE}num-prefix", ""),
            suffix=level.get(f"{_STYLE}num-suffix", ""),
            start=_int(level.get(f"{_TEXT}start-value"), 1, 0, _MAX_NUMBER),
            shown=_int(level.get(f"{_TEXT}display-levels"), 1, 1, _MAX_LEVEL),
        )
    return levels


def _drawn(value: int, number_format: str) -> str:
    if number_format.startswith("一"):
        return number_to_chinese(value)
    if number_format.startswith("①") and 0 < value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if number_format in ("a", "A") and 0 < value <= 26:
        return chr(ord(number_format) + value - 1)
    return str(value)


@dataclass
class _Reader:
    list_styles: _ListStyles
    # A list style's counters (name → one count per level), carried on by a list that continues the one before.
    counters: dict[str, list[int]] = field(default_factory=dict)
    outline_counts: list[int] = field(default_factory=list)

    def body(self, root: ElementTree.Element) -> list[str]:
        text = root.find(f"{_OFFICE}body/{_OFFICE}text")
        return [line for line in self._blocks(text if text is not None else root, None, 0) if line.strip()]

    def _blocks(self, element: ElementTree.Element, style: str | None, depth: int) -> list[str]:
        lines: list[str] = []
        for child in element:
            if child.tag in _SKIPPED:
                continue
            if child.tag == f"{_TEXT}p":
                lines.append(_inline(child))
            elif child.tag == f"{_TEXT}h":
                lines.append(self._heading(child))
            elif child.tag == f"{_TEXT}list":
                lines.extend(self._list(child, style, depth))
            elif child.tag == f"{_TABLE}table":
                lines.extend(self._table(child))
            else:
                lines.extend(self._blocks(child, style, depth))
        return lines

    def _heading(self, heading: ElementTree.Element) -> str:
        text = _inline(heading)
        level = _int(heading.get(f"{_TEXT}outline-level"), 1, 1, _MAX_LEVEL)
        spec = self.list_styles.outline.get(level)
        if spec is None or not spec.format or heading.get(f"{_TEXT}is-list-header") == "true" or not text.strip():
            return text
        counts = self.outline_counts
        while len(counts) < level:
            counts.append(self.list_styles.outline.get(len(counts) + 1, _Level()).start - 1)
        counts[level - 1] += 1
        del counts[level:]
        return self._label(self.list_styles.outline, counts, level) + text

    def _list(self, listing: ElementTree.Element, style: str | None, depth: int) -> list[str]:
        style = listing.get(f"{_TEXT}style-name") or style
        level = depth + 1
        levels = self.list_styles.styles.get(style or "", {})
        counts = self.counters.setdefault(style or "", [])
        if (
            depth == 0
            and listing.get(f"{_TEXT}continue-numbering") != "true"
            and not listing.get(f"{_TEXT}continue-list")
        ):
            counts.clear()
        lines: list[str] = []
        for item in listing:
            if item.tag not in (f"{_TEXT}list-item", f"{_TEXT}list-header"):
                continue
            label = ""
            spec = levels.get(level)
            if item.tag == f"{_TEXT}list-item" and spec is not None and spec.format:
                while len(counts) < level:
                    counts.append(levels.get(len(counts) + 1, _Level()).start - 1)
                restart = item.get(f"{_TEXT}start-value")
                counts[level - 1] = _int(restart, counts[level - 1] + 1, 0, _MAX_NUMBER)
                del counts[level:]
                label = self._label(levels, counts, level)
            first = True
            for child in item:
                if child.tag == f"{_TEXT}list":
                    lines.extend(self._list(child, style, depth + 1))
                    continue
                drawn = self._blocks(_Wrapped(child), style, depth)
                for line in drawn:
                    lines.append(label + line if first and label and line.strip() else line)
                    first = first and not line.strip()
        return lines

    @staticmethod
    def _label(levels: dict[int, _Level], counts: list[int], level: int) -> str:
        spec = levels[level]
        shown = range(max(1, level - spec.shown + 1), level + 1)
        number = ".".join(_drawn(counts[at - 1], levels.get(at, spec).format) for at in shown)
        return f"{spec.prefix}{number}{spec.suffix}"

    def _table(self, table: ElementTree.Element) -> list[str]:
        """A row of cells of one paragraph each reads as one line joined by ｜ (a figure stays with what it is
        for); a row whose cells hold several paragraphs, or one keyed cell (发文字号：), one line per paragraph."""
        lines: list[str] = []
        for row in table.iter(f"{_TABLE}table-row"):
            cells = [
                self._blocks(cell, None, 0) for cell in row if cell.tag == f"{_TABLE}table-cell"
            ]  # a covered cell (merged away) holds nothing
            texts = [" ".join(part.strip() for part in cell if part.strip()) for cell in cells]
            filled = [text for text in texts if text]
            one_line = all(sum(1 for part in cell if part.strip()) <= 1 for cell in cells)
            if len(filled) >= 2 and one_line and not any(text.endswith(("：", ":")) for text in filled):
                lines.append(ROW.join(filled))
            else:
                lines.extend(line for cell in cells for line in cell)
        return lines


class _Wrapped(ElementTree.Element):
    """One block element read as the only child of a container (a list item's paragraph or nested table)."""

    def __init__(self, child: ElementTree.Element) -> None:
        super().__init__("wrapped")
        self.append(child)


# ODF's white space: in a paragraph's text a run of spaces, tabs and line ends is one space (ODF 1.2 §6.1.2);
# only text:s, text:tab and text:line-break write more.
_WHITE_RUN = re.compile(r"[ \t\r\n]+")


def _collapsed(text: str | None) -> str:
    return _WHITE_RUN.sub(" ", text) if text else ""


def _inline(element: ElementTree.Element) -> str:
    """A paragraph's text: its spans and links, the file's white space collapsed to one space as ODF reads it, then
    text:s as its count of spaces, a tab as a space, a line break as a new line; notes and annotations left out
    (their text is no sentence of the paragraph)."""
    pieces: list[str] = [_collapsed(element.text)]
    for child in element:
        if child.tag in _SKIPPED or child.tag == f"{_TEXT}note-citation":
            pass
        elif child.tag == f"{_TEXT}s":
            pieces.append(" " * _int(child.get(f"{_TEXT}c"), 1, 0, _MAX_SPACES))
        elif child.tag == f"{_TEXT}tab":
            pieces.append(" ")
        elif child.tag == f"{_TEXT}line-break":
            pieces.append("\n")
        else:
            pieces.append(_inline(child))
        pieces.append(_collapsed(child.tail))
    # spaces before a line break dropped line by line (a regex over a long run of spaces is quadratic)
    parts = "".join(pieces).split("\n")
    return "\n".join([*(part.rstrip(" \t") for part in parts[:-1]), parts[-1]])
