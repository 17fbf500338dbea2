"""An OpenDocument text whose numbers or nesting are hostile or malformed (review of session 41's ODT reader): each
is read with its text or refused as damaged — never a crash that takes down the upload batch it came in, never
billions of spaces drawn, never a regex quadratic in a run of spaces."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from bot.db import open_database
from bot.library import DocumentLibrary, Upload
from knowledge.errors import IntakeError
from knowledge.filetext import read_file
from knowledge.odt import MAX_ODT_INFLATED
from tests.knowledge.test_documents_session41_doc41 import CONTENT, _odt

SENTENCE = "每人每月最高300元。"


def _outline(level: str) -> tuple[str, str]:
    return (
        "<office:automatic-styles>",
        "<office:automatic-styles><text:outline-style style:name='Outline'>"
        f"<text:outline-level-style text:level='{level}' style:num-format='1'/></text:outline-style>",
    )


# (what the file writes wrong, the text it writes it in place of): each is read, its sentences kept.
READ: dict[str, tuple[tuple[str, str], ...]] = {
    "a run of two billion spaces": ((SENTENCE, f"{SENTENCE}<text:s text:c='2000000000'/>"),),
    "a run of spaces counted in words": ((SENTENCE, f"{SENTENCE}<text:s text:c='many'/>"),),
    "a list level that is no number": (("text:level='1'", "text:level='x'"),),
    "a list restarted at no number": (
        ("<text:list-item><text:p>补贴对象", "<text:list-item text:start-value='abc'><text:p>补贴对象"),
    ),
    # the outline style numbers the level the heading says it is at
    "a heading at level minus three": (("text:outline-level='1'", "text:outline-level='-3'"), _outline("-3")),
}


@pytest.mark.parametrize("changes", READ.values(), ids=READ.keys())
def test_a_malformed_number_in_an_odt_is_read_within_bounds(changes: tuple[tuple[str, str], ...]) -> None:
    content = CONTENT
    for old, new in changes:
        assert content.count(old) == 1, old
        content = content.replace(old, new)
    text = read_file(_odt(content), "deqing.odt")
    assert "德清县灵活就业社会保险补贴办法" in text and SENTENCE in text, text[:200]
    assert len(text) < 1_000, len(text)  # no run of spaces drawn as written


def test_a_long_run_of_typed_spaces_is_read_in_linear_time() -> None:
    # spaces before a line break were cut by a regex quadratic in the run: 40,000 spaces took 5 s, 200,000 ≈ 2 min
    data = _odt(CONTENT.replace(SENTENCE, SENTENCE + " " * 200_000 + "x"))
    start = time.process_time()
    text = read_file(data, "deqing.odt")
    assert time.process_time() - start < 5, "quadratic in the run of spaces"
    assert SENTENCE in text and "x" in text


def test_an_odt_nested_deeper_than_python_recurses_is_refused_and_the_batch_keeps_the_others(tmp_path: Path) -> None:
    deep = _odt(CONTENT.replace(SENTENCE, "<text:span>" * 5000 + SENTENCE + "</text:span>" * 5000))
    with pytest.raises(IntakeError) as refused:
        read_file(deep, "deep.odt")
    assert refused.value.code == "damaged"
    library = DocumentLibrary(open_database(f"sqlite:///{tmp_path / 'policybot.sqlite3'}"))
    library.ensure_seeds()
    before = len(library.documents())
    good, bad = library.add_each([Upload(_odt(), "deqing.odt"), Upload(deep, "deep.odt")], "t")
    assert good.view is not None and good.refusal is None, good.refusal
    assert bad.view is None and bad.refusal is not None
    assert isinstance(bad.refusal.intake, IntakeError) and bad.refusal.intake.code == "damaged"
    assert len(library.documents()) == before + 1


def _parts(content: str, styles: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


STYLES_XML = (
    "<?xml version='1.0' encoding='UTF-8'?><office:document-styles "
    "xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'>{pad}</office:document-styles>"
)


@pytest.mark.parametrize(
    ("content", "styles"),
    [
        # 146 KB zipped inflated to 60 MB of paragraphs (634 MB and 13.6 s to read) under a bound of 64 MB a part
        (CONTENT.replace(SENTENCE, "<text:p>补</text:p>" * 3_000_000), STYLES_XML.format(pad="")),
        # each part under the bound, the two together over it
        (
            CONTENT.replace(SENTENCE, " " * (MAX_ODT_INFLATED * 2 // 3)),
            STYLES_XML.format(pad=" " * (MAX_ODT_INFLATED * 2 // 3)),
        ),
    ],
    ids=["one part of many megabytes", "two parts together"],
)
def test_an_odt_is_read_under_one_bound_for_the_whole_file(content: str, styles: str) -> None:
    data = _parts(content, styles)
    start = time.process_time()
    with pytest.raises(IntakeError) as refused:
        read_file(data, "deqing.odt")
    assert refused.value.code == "archive_bomb"
    assert time.process_time() - start < 2
    assert "德清县" in read_file(_parts(CONTENT, STYLES_XML.format(pad="")), "deqing.odt"), "a policy text is read"


def test_white_space_the_file_writes_in_a_paragraph_is_one_space_and_typed_spaces_are_kept() -> None:
    wrapped = CONTENT.replace(SENTENCE, "每人每月\n        最高300元。\t\t<text:s text:c='3'/>见附件<text:tab/>表一")
    lines = read_file(_odt(wrapped), "deqing.odt").splitlines()
    line = next(line for line in lines if "最高300元" in line)
    assert line.endswith("每人每月 最高300元。    见附件 表一"), line
