"""A Word or Excel upload is read under one bound for the whole file (issue 13, doc43), as an OpenDocument file's
text is: the parts a reader inflates share `MAX_INFLATED` between them. A file may lie about its sizes in its zip
directory (the gate in `open_archive` then lets it through) and spread what it inflates to over several parts, each
under the bound — together they are refused, and an ordinary file is read as before."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from collections.abc import Callable

import pytest

from knowledge.docx import MAX_INFLATED, docx_text
from knowledge.errors import IntakeError
from knowledge.xlsx import workbook_text
from tests.knowledge.workbooks import Sheet, workbook

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_XML = (
    f"<w:document xmlns:w='{_W}'><w:body>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr></w:pPr>"
    "<w:r><w:t>一次性创业补贴</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>首次创业的，给予一次性创业补贴5000元。</w:t></w:r></w:p>"
    "</w:body></w:document>"
)
NUMBERING_XML = (
    f"<w:numbering xmlns:w='{_W}'><w:abstractNum w:abstractNumId='0'><w:lvl w:ilvl='0'><w:start w:val='1'/>"
    "<w:numFmt w:val='chineseCounting'/><w:lvlText w:val='%1、'/></w:lvl></w:abstractNum>"
    "<w:num w:numId='1'><w:abstractNumId w:val='0'/></w:num></w:numbering>"
)
# Each part pads to two thirds of the bound: under it alone, over it with the other part.
PAD = MAX_INFLATED * 2 // 3


def _word(document: str, numbering: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


def _excel(padded: tuple[str, ...]) -> bytes:
    """A workbook of one table whose `padded` parts end with PAD bytes of white space (XML allows it after the root)."""
    plain = workbook([Sheet("补贴标准", [["项目", "标准"], ["一次性创业补贴", "5000元"], ["见习补贴", "每月1500元"]])])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info.filename, data + b" " * PAD if info.filename in padded else data)
    return buffer.getvalue()


def _lying(data: bytes) -> bytes:
    """The same zip whose directory says every part inflates to 1 KB: the gate before inflating lets it through."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        struct.pack_into("<I", out, at + 24, 1024)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


READERS: dict[str, tuple[Callable[[bytes, str], str], Callable[[], bytes], Callable[[], bytes], str]] = {
    # reader, a file whose two parts together pass the bound, the same file unpadded, a phrase of its text
    "docx": (
        docx_text,
        lambda: _word(DOCUMENT_XML + " " * PAD, NUMBERING_XML + " " * PAD),
        lambda: _word(DOCUMENT_XML, NUMBERING_XML),
        "一、一次性创业补贴",
    ),
    "xlsx": (
        workbook_text,
        lambda: _excel(("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")),
        lambda: _excel(()),
        "一次性创业补贴｜5000元",
    ),
}


@pytest.mark.parametrize("kind", sorted(READERS))
def test_a_file_whose_parts_together_pass_the_bound_is_refused_though_each_part_is_under_it(kind: str) -> None:
    reader, padded, _, _ = READERS[kind]
    data = _lying(padded())
    assert len(data) < 1 << 20  # a few hundred KB on the wire
    start = time.process_time()
    with pytest.raises(IntakeError) as refused:
        reader(data, f"政策.{kind}")
    assert refused.value.code == "archive_bomb"
    assert time.process_time() - start < 5


@pytest.mark.parametrize("kind", sorted(READERS))
def test_one_part_of_two_thirds_of_the_bound_is_still_read(kind: str) -> None:
    reader, _, plain, phrase = READERS[kind]
    if kind == "docx":
        data = _lying(_word(DOCUMENT_XML + " " * PAD, NUMBERING_XML))
    else:
        data = _lying(_excel(("xl/worksheets/sheet1.xml",)))
    assert phrase in reader(data, f"政策.{kind}")
    assert phrase in reader(plain(), f"政策.{kind}")


def test_a_stored_part_counts_against_the_bound_as_an_inflated_one() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", DOCUMENT_XML + " " * PAD)
        archive.writestr("word/numbering.xml", NUMBERING_XML + " " * PAD)
    with pytest.raises(IntakeError) as refused:
        docx_text(_lying(buffer.getvalue()), "政策.docx")
    assert refused.value.code == "archive_bomb"
