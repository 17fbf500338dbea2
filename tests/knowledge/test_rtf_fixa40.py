"""RTF intake after the review of session 40: fonts are read from the font table as tokens (one linear pass)."""

from __future__ import annotations

import re

import pytest

from knowledge.errors import IntakeError
from knowledge.filetext import read_file
from knowledge.rtf import rtf_text

FONTS = [
    pytest.param(
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\froman\fcharset0 Times;}{\f1\fnil\fcharset134 SimSun;}}\f1 \'d6\'d0}",
        "中",
        id="a font table entry gives its font's code page",
    ),
    pytest.param(
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl\f0\fcharset0 Times;\f1\fcharset134 SimSun;}\f1 \'d6\'d0}",
        "中",
        id="a flat font table, entries without groups",
    ),
    pytest.param(
        rb"{\rtf1\ansi\ansicpg1252 \f1 x\fcharset134 \'d6\'d0}",
        "xÖÐ",
        id="a charset word outside the font table declares no font",
    ),
    pytest.param(
        b"{\\rtf1\\ansi\\ansicpg1252{\\info{\\title " + b"x" * 70000 + b"}}"
        b"{\\fonttbl{\\f1\\fcharset134 SimSun;}}\\f1 \\'d6\\'d0}",
        "中",
        id="a font table past the first 64 KB is still read",
    ),
    pytest.param(
        b"{\\rtf1\\ansi{\\fonttbl{\\f1\\fcharset134 SimSun;}}" + b"\\f1 " * 15000 + b"\\'d6\\'d0}",
        "中",
        id="thousands of font switches in the body read in one pass",
    ),
]


@pytest.mark.parametrize(("data", "text"), FONTS)
def test_fonts_come_from_the_font_table(data: bytes, text: str) -> None:
    assert rtf_text(data, "form.rtf") == text


def test_no_pattern_scans_the_file_for_fonts() -> None:
    """The font table is read by the one token pass; a separate lazy pattern restarted at every \\fN was quadratic."""
    from knowledge import rtf

    patterns = [value.pattern for value in vars(rtf).values() if isinstance(value, re.Pattern)]
    assert patterns
    assert not [pattern for pattern in patterns if "fcharset" in str(pattern)]


DAMAGED = [
    pytest.param(b"{\\rtf1" + bytes(range(256)) * 20, id="binary junk that starts with {\\rtf"),
    pytest.param(b"{\\rtf1\\ansi \\pard text\x00\x01\x02 more\\par}", id="raw NUL and control bytes in the body"),
    pytest.param(b"{\\rtf1\\ansi \\pard text\\'07\\'1b more\\par}", id="control bytes spelled as escapes"),
]


@pytest.mark.parametrize("data", DAMAGED)
def test_binary_behind_an_rtf_header_is_damaged(data: bytes) -> None:
    with pytest.raises(IntakeError) as refused:
        read_file(data, "x.rtf")
    assert refused.value.code == "damaged"


def test_tabs_and_line_breaks_are_text() -> None:
    assert read_file(rb"{\rtf1\ansi \pard a\tab b\line c\par}", "x.rtf") == "a\tb\nc"


CODE_PAGES = [
    pytest.param(
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\froman\fcharset0 Times;}{\f13\fnil\fcharset134 SimSun;}}"
        rb"\pard\hich\af13\dbch\af13\loch\f0 {\'d6\'d0\'ce\'c4}abc\par}",
        "中文abc",
        id="Word's CJK run: the dbch font's code page for its bytes",
    ),
    pytest.param(
        rb"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\froman\fcharset0 Times;}{\f13\fnil\fcharset134 SimSun;}}"
        rb"\pard\loch\af0\hich\af0\dbch\af13\loch\f0 {\'c9\'ea\'c7\'eb}\par}",
        "申请",
        id="a dbch font named after the others",
    ),
    pytest.param(
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\froman\fcharset0 Times;}{\f13\fnil\fcharset134 SimSun;}}"
        rb"\pard\hich\af13\dbch\af13\loch\f0 {\'d6\'d0}caf\hich\af0\dbch\af13\hich\f0 \'e9\par}",
        "中café",
        id="a high-ANSI run (hich) keeps its own font's code page",
    ),
    pytest.param(
        rb"{\rtf1\ansi\ansicpg99999 plain words\par}", "plain words", id="an unknown code page, no high bytes"
    ),
]


@pytest.mark.parametrize(("data", "text"), CODE_PAGES)
def test_bytes_decode_in_their_run_s_code_page(data: bytes, text: str) -> None:
    assert rtf_text(data, "form.rtf") == text


def test_an_unknown_code_page_with_high_bytes_is_refused() -> None:
    with pytest.raises(IntakeError) as refused:
        rtf_text(rb"{\rtf1\ansi\ansicpg99999 \'d6\'d0\par}", "form.rtf")
    assert refused.value.code == "undecodable"
