"""One gate for every zipped office file (Word, OpenDocument, Excel): the archive is opened from memory, and refused
before anything is inflated when its directory declares more than the bound, or when it is no zip at all."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest

from knowledge.docx import MAX_INFLATED, docx_text, open_archive
from knowledge.errors import IntakeError
from knowledge.odt import odt_text
from knowledge.xlsx import workbook_text

READERS: dict[str, tuple[Callable[[bytes, str], str], str, str]] = {
    # reader, the part it needs, the code for a file that is not a zip
    "docx": (docx_text, "word/document.xml", "damaged"),
    "odt": (odt_text, "content.xml", "damaged"),
    "xlsx": (workbook_text, "xl/workbook.xml", "corrupt_workbook"),
}


def archive_of(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def inflating_to(size: int, name: str) -> bytes:
    """A small upload whose one part inflates to `size` bytes of spaces."""
    return archive_of({name: b" " * size})


def test_the_gate_lists_member_names_and_leaves_the_archive_open_for_the_caller() -> None:
    data = archive_of({"word/document.xml": b"<w:document/>", "word/numbering.xml": b"<w:numbering/>"})
    archive, names = open_archive(data, "政策.docx")
    with archive:
        assert names == {"word/document.xml", "word/numbering.xml"}
        assert archive.read("word/document.xml") == b"<w:document/>"


@pytest.mark.parametrize("kind", sorted(READERS))
def test_a_file_declaring_more_than_the_bound_is_refused_by_every_reader(kind: str) -> None:
    reader, part, _ = READERS[kind]
    data = inflating_to(MAX_INFLATED + 1, part)
    assert len(data) < 1 << 20  # about 64 KB on the wire
    with pytest.raises(IntakeError) as caught:
        reader(data, f"政策.{kind}")
    assert caught.value.code == "archive_bomb"
    assert "declares" in str(caught.value)


@pytest.mark.parametrize("kind", sorted(READERS))
def test_a_file_cut_short_is_refused_as_damaged_by_every_reader(kind: str) -> None:
    reader, part, damaged = READERS[kind]
    data = archive_of({part: b"<x/>" * 100})
    with pytest.raises(IntakeError) as caught:
        reader(data[: len(data) // 2], f"政策.{kind}")
    assert caught.value.code == damaged


def test_a_file_just_under_the_bound_passes_the_gate() -> None:
    data = inflating_to(MAX_INFLATED - 1024, "word/document.xml")
    archive, names = open_archive(data, "政策.docx")
    with archive:
        assert names == {"word/document.xml"}
