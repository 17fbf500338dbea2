"""The text of an Excel workbook (.xlsx) upload: its sheets' rows, read as a CSV export's rows are.

Cities publish their 补贴标准一览表 for download as a workbook: a title row merged across the columns, a header
row, one row per measure, footnote rows (有效期, 解释单位). An .xlsx is a zip of XML parts, inflated under one
bound for the whole file, as a Word file's are (`docx.read_bounded`). Text sits in sharedStrings.xml or inline in the
cell; a cell's number format says whether its number is a date or a share. A merged cell keeps its value in its
top-left cell: a range down several rows of the table (a 补贴项目 over two rows) gives its value to each row, as a
page's rowspan does. Excel's older binary form (.xls), a workbook saved with a password (an encrypted package,
no zip) and a broken file are refused by name; so is a workbook whose sheets hold no table.
"""

from __future__ import annotations

import bisect
import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from xml.etree import ElementTree

from knowledge.docx import MAX_INFLATED, open_archive, read_bounded
from knowledge.errors import IntakeError

# The OLE2 compound file Excel 97–2003 workbooks and password-protected workbooks of every version are stored in.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_LEGACY_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
_OFFICE_REL = "/officeDocument"
# Built-in number formats that show a date (Excel's 14–22, and the CJK ones 27–36, 50–58).
_DATE_FORMATS = {*range(14, 23), *range(27, 37), *range(50, 59)}
_SHARE_FORMATS = {9, 10}
_EXCEL_EPOCH = date(1899, 12, 30)
# A name Excel or WPS gives a sheet by itself says nothing of it.
_DEFAULT_SHEET = re.compile(r"^(?:Sheet|工作表|表)\s*\d*$", re.IGNORECASE)
# A row saying the unit of the sheet's amounts (单位：元), and the columns that hold amounts.
_SHEET_UNIT = re.compile(r"(?:金额)?单位[:：]\s*(万?元(?:\s*/\s*[\u4e00-\u9fff·]{1,4})?)[。]?")
_AMOUNT_COLUMN = re.compile(r"标准|金额|补贴|补助|奖补|额度|资助")
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
# Excel's own bounds (1,048,576 rows, columns A–XFD), and what a table of measures can hold: a sheet past them is
# no table a city published but a broken or hostile file, refused before its cells are laid out.
_MAX_ROWS = 1_048_576
_MAX_COLUMNS = 16_384
MAX_CELLS = 50_000
# A header cell naming its column's unit (补贴标准（元）, 金额(万元), 补贴标准（元/人·月）): the unit a bare number
# below it is in — the sheet writes 5000 in the cell and 元 once, in the header.
_HEADER_UNIT = re.compile(r"[（(]\s*((?:万?元|%|个月|月|年|天)(?:\s*/\s*[\u4e00-\u9fff·]{1,4})?)\s*[)）]$")


def is_workbook(names: set[str]) -> bool:
    """A zip whose parts are a spreadsheet's (what the file is, whatever its name says)."""
    return "xl/workbook.xml" in names


def refuse_compound(data: bytes, filename: str) -> None:
    """An OLE2 compound file holding a workbook: a password-protected workbook of any version (its package
    encrypted) or an Excel 97–2003 .xls, each refused by name. Anything else (.doc, .wps) is left to the caller."""
    if _ENCRYPTED_STREAM in data:
        raise IntakeError("encrypted_workbook", filename)
    if filename.lower().endswith((".xls", ".et")) or any(stream in data for stream in _LEGACY_STREAMS):
        raise IntakeError("legacy_excel", filename)


def workbook_text(data: bytes, filename: str) -> str:
    """The rows of every visible sheet in the workbook's order, each row one line: a row of several cells joined
    by ｜, a row of one cell (the merged title, 单位：元, a footnote) alone. When the first sheet opens with no
    row of one cell, the file's own title (its document properties, else a sheet name that is no default) heads
    the text. A blank line separates sheets."""
    archive, names = open_archive(data, filename, damaged="corrupt_workbook")
    with archive:
        try:
            book = _Workbook(archive, data, names)
            sheets = [(name, book.rows(path)) for name, path in book.sheets()]
            title = book.title()
        except (KeyError, IndexError, ValueError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise IntakeError("corrupt_workbook", f"{filename}: {exc}") from None
        except ElementTree.ParseError as exc:
            raise IntakeError("corrupt_workbook", f"{filename}: {exc}") from None
        except IntakeError as exc:  # a part whose local header or compression is broken; a bomb stays a bomb
            if exc.code != "unsupported_type":
                raise
            raise IntakeError("corrupt_workbook", f"{filename}: {exc.detail}") from None
    if not any(sum(1 for cell in row if cell) >= 2 for _name, rows in sheets for row in rows):
        raise IntakeError("no_table", filename)
    blocks: list[list[str]] = []
    for name, rows in sheets:
        lines = [_row_line(row) for row in rows if any(row)]
        if not lines:
            continue
        if "｜" in lines[0]:
            own = (title or _named(name)) if not blocks else _named(name)
            if own:
                lines.insert(0, own)
        blocks.append(lines)
    return "\n\n".join("\n".join(lines) for lines in blocks)


def _named(sheet_name: str) -> str | None:
    name = sheet_name.strip()
    return name if name and not _DEFAULT_SHEET.match(name) and re.search(r"[\u4e00-\u9fff]", name) else None


def _row_line(row: list[str]) -> str:
    filled = [cell for cell in row if cell]
    return "｜".join(filled) if len(filled) > 1 else filled[0]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    return (child for child in element if _local(child.tag) == name)


def _descendants(element: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    return (node for node in element.iter() if _local(node.tag) == name)


def _text(element: ElementTree.Element) -> str:
    """A string item's text: its runs' <t> in order, without the phonetic guide (<rPh>) a CJK cell may carry.
    Walked with a stack, not by recursion: a string nested thousands of runs deep is read as any other."""
    pieces: list[str] = []
    stack: list[ElementTree.Element] = list(reversed(element))
    while stack:
        node = stack.pop()
        name = _local(node.tag)
        if name == "t":
            pieces.append(node.text or "")
        elif name != "rPh":
            stack.extend(reversed(node))
    return "".join(pieces)


def _attribute(element: ElementTree.Element, name: str) -> str | None:
    """An attribute by its local name (r:id, whatever prefix the writer gave the relationships namespace)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


class _Workbook:
    """The parts of one workbook, read on demand under the inflation bound."""

    def __init__(self, archive: zipfile.ZipFile, data: bytes, names: set[str]) -> None:
        self.archive, self.data, self.names = archive, data, names
        # what the parts read so far left of the one bound a file has (the sizes recorded may lie)
        self.budget = MAX_INFLATED
        if not is_workbook(names):
            raise KeyError("xl/workbook.xml")
        self.shared = self._shared_strings()
        self.dates, self.shares = self._formats()

    def part(self, name: str) -> ElementTree.Element:
        raw = read_bounded(self.archive, self.data, name, self.budget)
        self.budget -= len(raw)
        return ElementTree.fromstring(raw)

    def sheets(self) -> list[tuple[str, str]]:
        """(name, part) of every visible sheet, in the workbook's order."""
        book = self.part("xl/workbook.xml")
        targets: dict[str, str] = {}
        if "xl/_rels/workbook.xml.rels" in self.names:
            for relation in _descendants(self.part("xl/_rels/workbook.xml.rels"), "Relationship"):
                target = relation.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                targets[relation.get("Id", "")] = path
        found: list[tuple[str, str]] = []
        for number, sheet in enumerate(_descendants(book, "sheet"), start=1):
            if sheet.get("state") in ("hidden", "veryHidden"):
                continue
            path = targets.get(_attribute(sheet, "id") or "", f"xl/worksheets/sheet{number}.xml")
            if path in self.names:
                found.append((sheet.get("name", ""), path))
        if not found and not list(_descendants(book, "sheet")):
            raise KeyError("no sheets")
        return found

    def title(self) -> str | None:
        if "docProps/core.xml" not in self.names:
            return None
        found = next(_descendants(self.part("docProps/core.xml"), "title"), None)
        text = " ".join((found.text or "").split()) if found is not None else ""
        return text or None

    def _shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self.names:
            return []
        return [_text(item) for item in _children(self.part("xl/sharedStrings.xml"), "si")]

    def _formats(self) -> tuple[set[int], set[int]]:
        """The cell styles (indexes into cellXfs) whose number format shows a date, and those showing a share."""
        if "xl/styles.xml" not in self.names:
            return set(), set()
        styles = self.part("xl/styles.xml")
        custom: dict[int, str] = {}
        for number_format in _descendants(styles, "numFmt"):
            custom[int(number_format.get("numFmtId", "0"))] = number_format.get("formatCode", "")
        dates: set[int] = set()
        shares: set[int] = set()
        cell_formats = next(_descendants(styles, "cellXfs"), None)
        for index, xf in enumerate(_children(cell_formats, "xf") if cell_formats is not None else ()):
            format_id = int(xf.get("numFmtId", "0"))
            code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", custom.get(format_id, "")).lower()
            if format_id in _DATE_FORMATS or (format_id in custom and re.search(r"[yd]", code)):
                dates.add(index)
            elif format_id in _SHARE_FORMATS or (format_id in custom and "%" in code):
                shares.add(index)
        return dates, shares

    def rows(self, path: str) -> list[list[str]]:
        """A sheet's rows that hold cells, each the texts of its cells in column order, merged ranges filled down.
        Only the cells there are are kept: a cell at XFD1048576 is one cell, not a grid of every place before it."""
        sheet = self.part(path)
        cells: dict[tuple[int, int], str] = {}
        numbers: set[tuple[int, int]] = set()
        next_row = 0
        for row in _descendants(sheet, "row"):
            row_index = int(row.get("r", next_row + 1)) - 1
            if not 0 <= row_index < _MAX_ROWS:
                raise ValueError(f"row {row_index + 1} outside the sheet's rows")
            next_row = row_index + 1
            next_column = 0
            for cell in _children(row, "c"):
                column = next_column
                ref = _CELL_REF.match(cell.get("r", ""))
                if ref:
                    column = _column_index(ref.group(1))
                if column >= _MAX_COLUMNS:
                    raise ValueError(f"column {column + 1} past the sheet's last column")
                next_column = column + 1
                value = self._value(cell)
                if value:
                    cells[(row_index, column)] = value
                    if len(cells) > MAX_CELLS:
                        raise ValueError(f"more than {MAX_CELLS} cells")
                    if cell.get("t", "n") == "n" and re.fullmatch(r"-?[\d.]+", value):
                        numbers.add((row_index, column))
        merges = [merged.get("ref", "") for merged in _descendants(sheet, "mergeCell")]
        if merges:
            _fill_down(cells, merges)
        _with_header_units(cells, numbers)
        by_row: dict[int, list[tuple[int, str]]] = {}
        for (row_index, column), text in sorted(cells.items()):
            by_row.setdefault(row_index, []).append((column, text))
        return [[text for _column, text in by_row[row_index]] for row_index in sorted(by_row)]

    def _value(self, cell: ElementTree.Element) -> str:
        kind = cell.get("t", "n")
        value = next(_children(cell, "v"), None)
        raw = (value.text or "") if value is not None else ""
        if kind == "s":
            index = int(raw) if raw.strip() else None
            if index is not None and index < 0:
                raise IndexError(f"shared string {index}")
            text = self.shared[index] if index is not None else ""
        elif kind == "inlineStr":
            inline = next(_children(cell, "is"), None)
            text = _text(inline) if inline is not None else ""
        elif kind in ("str", "d"):
            text = raw
        elif kind == "b":
            text = "是" if raw.strip() == "1" else "否" if raw.strip() == "0" else ""
        elif kind == "e" or not raw.strip():
            text = ""
        else:
            number = float(raw)
            if not math.isfinite(number):  # 1e400, nan, inf: no cell Excel writes holds one
                raise ValueError(f"number {raw.strip()[:20]}")
            text = self._number(number, int(cell.get("s", "0")))
        return " ".join(part.strip() for part in text.splitlines() if part.strip())

    def _number(self, number: float, style: int) -> str:
        if style in self.dates and 0 < number < 2958466:
            day = _EXCEL_EPOCH + timedelta(days=int(number))
            return f"{day.year}年{day.month}月{day.day}日"
        if style in self.shares:
            return f"{_plain(number * 100)}%"
        return _plain(number)


def _plain(number: float) -> str:
    """A number as a person writes it: 1500, not 1500.0; 0.6, not 0.6000000000000001."""
    rounded = round(number, 10)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.10f}".rstrip("0")


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _with_header_units(cells: dict[tuple[int, int], str], numbers: set[tuple[int, int]]) -> None:
    """A bare number under a header naming its unit (补贴标准（元） over 5000) is written with it (5000元), so the
    figure reads as the amount it is, as a row of a CSV or a page's table writes it; a sheet's 单位：元 row gives its
    unit to the columns of amounts below it (补贴标准, 补贴金额), not to 序号 or a count."""
    units: dict[int, str] = {}
    sheet_unit: str | None = None
    for row, col in sorted(cells):
        text = cells[(row, col)]
        if (row, col) in numbers:
            if col in units:
                cells[(row, col)] += units[col].replace(" ", "")
        elif match := _HEADER_UNIT.search(text):
            # 期限（月） over 12 is twelve months, not December
            units[col] = "个月" if match.group(1) == "月" else match.group(1)
        elif match := _SHEET_UNIT.fullmatch(text):
            sheet_unit = match.group(1)
        elif sheet_unit and _AMOUNT_COLUMN.search(text) and len(text) <= 10:
            units[col] = sheet_unit


def _fill_down(cells: dict[tuple[int, int], str], refs: list[str]) -> None:
    """A range merged down several rows (a 补贴项目 beside two rows of tiers) gives its value to each row of the
    table it spans — a row holding other cells; a title or banner merged over empty rows is said once. Only the rows
    that hold cells are visited, and a sheet whose merges would have them visited past a bound is refused."""
    columns: dict[int, list[int]] = {}
    for row, col in cells:
        columns.setdefault(row, []).append(col)
    held = sorted(columns)
    budget = 4 * MAX_CELLS
    for ref in refs:
        corners = [_CELL_REF.match(part) for part in ref.upper().split(":")]
        if len(corners) != 2 or not all(corners):
            continue
        (first_col, first_row), (last_col, last_row) = (
            (_column_index(m.group(1)), int(m.group(2)) - 1) for m in corners if m is not None
        )
        value = cells.get((first_row, first_col))
        if not value:
            continue
        start, end = bisect.bisect_right(held, first_row), bisect.bisect_right(held, last_row)
        for row in held[start:end]:
            budget -= len(columns[row])
            if budget < 0:
                raise ValueError("merged ranges past the bound")
            if any(col < first_col or col > last_col for col in columns[row]):
                if (row, first_col) not in cells:
                    columns[row].append(first_col)
                cells[(row, first_col)] = value
