"""Damaged or unusual \\uN escapes in an RTF upload read as text, never crash intake (review of session 40)."""

from __future__ import annotations

import pytest

from knowledge.rtf import rtf_text

ESCAPES = [
    pytest.param(
        rb"{\rtf1\ansi \u-10174?\u-8265?\u21513?}", "𠮷吉", id="a character beyond the BMP is its two halves joined"
    ),
    pytest.param(rb"{\rtf1\ansi a\u9999999999?b}", "a\ue3ffb", id="a value past 16 bits is kept to 16, never a crash"),
    pytest.param(rb"{\rtf1\ansi a\u-99999?b}", "a\u7961b", id="a negative value past 16 bits is kept to 16"),
    pytest.param(rb"{\rtf1\ansi a\u-10174?b}", "a\ufffdb", id="a lone half is replaced, the text still encodes"),
]


@pytest.mark.parametrize(("data", "text"), ESCAPES)
def test_unicode_escapes_read_as_characters_that_encode(data: bytes, text: str) -> None:
    read = rtf_text(data, "form.rtf")
    assert read == text
    assert read.encode("utf-8")
