"""Session 38 review (issue 13): a hostile or odd workbook is read fast or refused as corrupt, never hangs intake,
eats memory or crashes. Each sheet below is written raw, as a tool that is not Excel might write it."""

from __future__ import annotations

import io
import zipfile

import pytest

from knowledge.errors import IntakeError
from knowledge.filetext import read_file

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_BOOK = (
    f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>补贴项目</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>补贴标准（元）</t></is></c></row>'
)


def _book(rows: str, extra: str = "", shared: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", _BOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _RELS)
        archive.writestr(
            "xl/worksheets/sheet1.xml", f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData>{extra}</worksheet>'
        )
        if shared is not None:
            archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{shared}</sst>')
    return buffer.getvalue()


def _row(number: int, item: str, value: str) -> str:
    return (
        f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>{item}</t></is></c><c r="B{number}">{value}</c></row>'
    )


READ = [
    # one cell in the sheet's very last place: the rows that hold cells are read, not a grid of a billion
    (
        "a-cell-in-the-last-row-and-column",
        _book(_HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
        "补贴项目｜补贴标准（元）\n1",
    ),
    # a merge down every row of the sheet over 3,000 rows fills only the rows that hold cells
    (
        "a-merge-down-the-whole-sheet-over-three-thousand-rows",
        _book(
            _HEADER
            + "".join(f'<row r="{i}"><c r="B{i}"><v>{i}</v></c><c r="C{i}"><v>1</v></c></row>' for i in range(2, 3000)),
            '<mergeCells><mergeCell ref="A1:A1048576"/></mergeCells>',
        ),
        "补贴项目｜补贴标准（元）\n补贴项目｜2元｜1",
    ),
]


@pytest.mark.parametrize(("data", "starts"), [r[1:] for r in READ], ids=[r[0] for r in READ])
def test_a_sheet_with_far_cells_or_a_sheet_long_merge_is_read_row_by_row(data: bytes, starts: str) -> None:
    assert read_file(data, "补贴标准.xlsx").startswith(starts)


REFUSED = [
    (
        "a-row-numbered-past-the-last-row-excel-has",
        _book(_HEADER + '<row r="50000000"><c r="A50000000"><v>1</v></c></row>'),
    ),
    ("a-row-numbered-zero", _book('<row r="0"><c><v>1</v></c><c><v>2</v></c></row>')),
    ("a-column-past-xfd", _book(_HEADER + '<row r="2"><c r="ZZZ2"><v>1</v></c><c r="A2"><v>1</v></c></row>')),
    (
        "more-cells-than-a-table-of-measures-holds",
        _book(_HEADER + "".join(_row(i, "x", f"<v>{i}</v>") for i in range(2, 60_002))),
    ),
    ("a-number-past-what-a-float-holds", _book(_HEADER + _row(2, "x", "<v>1e400</v>"))),
    ("a-number-that-is-no-number", _book(_HEADER + _row(2, "x", "<v>nan</v>"))),
    ("an-infinite-number", _book(_HEADER + _row(2, "x", "<v>-inf</v>"))),
    (
        "a-negative-shared-string-index",
        _book(
            _HEADER + '<row r="2"><c r="A2" t="s"><v>-1</v></c><c r="B2"><v>5</v></c></row>',
            shared="<si><t>末</t></si>",
        ),
    ),
]


@pytest.mark.parametrize("data", [r[1] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_a_sheet_past_excels_own_limits_or_with_a_number_no_cell_holds_is_refused_as_corrupt(data: bytes) -> None:
    with pytest.raises(IntakeError) as refused:
        read_file(data, "补贴标准.xlsx")
    assert refused.value.code == "corrupt_workbook"


def test_a_shared_string_nested_thousands_of_runs_deep_is_read_without_recursion() -> None:
    deep = "<si>" + "<r>" * 5000 + "<t>创业补贴</t>" + "</r>" * 5000 + "</si>"
    data = _book('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>5</v></c></row>', shared=deep)
    assert read_file(data, "补贴标准.xlsx") == "创业补贴｜5"
