"""Excel workbooks (.xlsx) built byte by byte with zipfile, as Excel and WPS write them: a workbook part, its
relationships, shared strings or inline strings, merged cells, styles whose number formats say a cell is a date
or a share. Written for the tests; no spreadsheet library is involved on either side."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

# The cell formats styles.xml declares, by index (s="1" a date, s="2" a percentage).
DATE_STYLE = 1
SHARE_STYLE = 2

Cell = str | int | float | date | None


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]
    merged: list[str] = field(default_factory=list)  # "A1:G1"
    hidden: bool = False
    styles: dict[str, int] = field(default_factory=dict)  # "D4" → DATE_STYLE / SHARE_STYLE


def column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _serial(day: date) -> int:
    return (day - date(1899, 12, 30)).days


def workbook(sheets: list[Sheet], *, inline: bool = False, title: str | None = None) -> bytes:
    """The bytes of an .xlsx holding `sheets`: text in sharedStrings.xml (Excel) or inline (`inline`, as some
    exporters write); `title` is the file's own title (docProps/core.xml)."""
    shared: list[str] = []
    parts: dict[str, str] = {}
    for number, sheet in enumerate(sheets, start=1):
        rows = []
        for r, values in enumerate(sheet.rows, start=1):
            cells = []
            for c, value in enumerate(values):
                if value is None or value == "":
                    continue
                ref = f"{column(c)}{r}"
                style = sheet.styles.get(ref)
                styled = f' s="{style}"' if style else ""
                if isinstance(value, date):
                    cells.append(f'<c r="{ref}" s="{DATE_STYLE}"><v>{_serial(value)}</v></c>')
                elif isinstance(value, (int, float)):
                    cells.append(f'<c r="{ref}"{styled}><v>{value}</v></c>')
                elif inline:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>')
                else:
                    if value not in shared:
                        shared.append(value)
                    cells.append(f'<c r="{ref}" t="s"><v>{shared.index(value)}</v></c>')
            rows.append(f'<row r="{r}">{"".join(cells)}</row>')
        merged = (
            f'<mergeCells count="{len(sheet.merged)}">'
            + "".join(f'<mergeCell ref="{ref}"/>' for ref in sheet.merged)
            + "</mergeCells>"
            if sheet.merged
            else ""
        )
        parts[f"xl/worksheets/sheet{number}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">'
            f"<sheetData>{''.join(rows)}</sheetData>{merged}</worksheet>"
        )
    hidden = ' state="hidden"'
    sheet_list = "".join(
        f'<sheet name="{escape(s.name)}" sheetId="{n}" r:id="rId{n}"{hidden if s.hidden else ""}/>'
        for n, s in enumerate(sheets, start=1)
    )
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
        f"<sheets>{sheet_list}</sheets></workbook>"
    )
    targets = "".join(
        f'<Relationship Id="rId{n}" Type="{RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(sheets) + 1)
    )
    extra = len(sheets)
    targets += f'<Relationship Id="rId{extra + 1}" Type="{RELS}/styles" Target="styles.xml"/>'
    if shared:
        targets += f'<Relationship Id="rId{extra + 2}" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in shared)
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="{MAIN}" count="{len(shared)}" uniqueCount="{len(shared)}">{items}</sst>'
        )
    parts["xl/_rels/workbook.xml.rels"] = f'<Relationships xmlns="{PACKAGE_RELS}">{targets}</Relationships>'
    parts["xl/styles.xml"] = (
        f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月'
        f'&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/>'
        f'<xf numFmtId="9"/></cellXfs></styleSheet>'
    )
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" Type="{RELS}/officeDocument" '
        f'Target="xl/workbook.xml"/></Relationships>'
    )
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    if title:
        parts["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{escape(title)}</dc:title></cp:coreProperties>'
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def legacy_excel() -> bytes:
    """The head of an Excel 97–2003 (.xls) file: an OLE2 compound file holding a stream named Workbook."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    return header + "Workbook".encode("utf-16-le") + bytes(1024)


def encrypted_workbook() -> bytes:
    """What Excel writes for a workbook saved with a password: an OLE2 compound file holding EncryptionInfo and
    EncryptedPackage streams instead of a zip."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    return (
        header + "EncryptionInfo".encode("utf-16-le") + bytes(64) + "EncryptedPackage".encode("utf-16-le") + bytes(2048)
    )
