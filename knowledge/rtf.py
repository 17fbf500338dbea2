"""The text of a Rich Text Format (.rtf) upload: what Word, WPS and 金山 save a form or a notice as.

RTF is 7-bit text that spells everything else as escapes: a byte of the document's code page as
`\\'xx` (a GBK character is two of them, so consecutive bytes are decoded together, in the code page of
the font in use — its `\\fcharset` — or else the file's `\\ansicpg`), a Unicode character as `\\uN`
(signed 16-bit) followed by `\\ucN` fallback characters that are skipped. Destinations that are not
body text (font and colour tables, styles, document info, pictures, `{\\*…}`) are skipped whole. A
table row (`\\cell … \\row`) reads as one line of cells joined by ｜, as a Word or HTML table does,
so a label stays with its value; a row of one filled cell is a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.errors import IntakeError

# RTF's \fcharset numbers and the code pages they stand for (the ones Chinese, Japanese, Korean and Western
# documents use); an unknown charset falls back to the file's \ansicpg.
_CHARSET_CODEPAGES = {0: 1252, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 204: 1251, 238: 1250}
_DOUBLE_BYTE = frozenset({932, 936, 949, 950})
_CODEC_NAMES = {936: "gb18030", 950: "big5", 932: "cp932", 949: "cp949", 54936: "gb18030", 65001: "utf-8"}
# Destinations whose text is not the document's body.
_SKIPPED = frozenset(
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "footer", "headerl", "headerr",
        "headerf", "footerl", "footerr", "footerf", "footnote", "annotation", "listtable", "listoverridetable",
        "rsidtbl", "generator", "xmlnstbl", "themedata", "colorschememapping", "latentstyles", "datastore",
        "fldinst", "filetbl", "revtbl", "pgdsctbl", "mmathPr", "shppict", "nonshppict", "bkmkstart", "bkmkend",
    }
)  # fmt: skip
_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([\r\n]+)|([^\\{}\r\n]+)", re.S
)
# C0 control characters other than tab, line feed and carriage return: never in a document's text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPECIAL = {
    "emdash": "—",
    "endash": "–",
    "lquote": "‘",
    "rquote": "’",
    "ldblquote": "“",
    "rdblquote": "”",
    "bullet": "•",
}


def is_rtf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"{\\rtf"


@dataclass
class _State:
    """What a group inherits from its parent: whether its text is skipped, its font and fallback count."""

    skip: bool = False
    font: int | None = None
    uc: int = 1
    fonttbl: bool = False  # inside the font table, where \\fN \\fcharsetN declare a font's code page
    run: str = "loch"  # the last of \\loch, \\hich, \\dbch: the run an \\afN names the font of, and (\\hich) a run of
    # high-ANSI single bytes in the font in use
    dbch_font: int | None = None  # the font of double-byte characters (\\dbch\\afN): Word's CJK bytes


@dataclass
class _Reader:
    """The body text read so far and the group state of the token being read."""

    codepage: int = 1252
    fonts: dict[int, int] = field(default_factory=dict)  # font number → code page
    lines: list[str] = field(default_factory=list)
    line: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    pending: bytearray = field(default_factory=bytearray)
    pending_codepage: int = 1252
    stack: list[_State] = field(default_factory=list)
    state: _State = field(default_factory=_State)
    skip_chars: int = 0  # fallback characters still to skip after a \uN
    group_start: bool = False  # the token is the first of its group (where a destination is named)

    def token(self, match: re.Match[bytes]) -> None:
        word, parameter, hexbyte, symbol, brace, _newline, plain = match.groups()
        first, self.group_start = self.group_start, False
        if brace is not None:
            self.brace(brace)
        elif symbol is not None:
            self.symbol(symbol, first)
        elif hexbyte is not None:
            if self.skipped():
                return
            self.byte(int(hexbyte, 16))
        elif plain is not None:
            self.plain(plain.decode("latin-1"))
        elif word is not None:
            self.control(word.decode(), int(parameter) if parameter is not None else None, first)

    def skipped(self) -> bool:
        """Whether this character is not body text: in a skipped destination, or the fallback of a \\uN."""
        if self.state.skip:
            return True
        if self.skip_chars:
            self.skip_chars -= 1
            return True
        return False

    def brace(self, brace: bytes) -> None:
        if brace == b"{":
            self.stack.append(self.state)
            self.state = _State(
                self.state.skip,
                self.state.font,
                self.state.uc,
                self.state.fonttbl,
                self.state.run,
                self.state.dbch_font,
            )
            self.group_start = True
        else:
            self.flush_bytes()
            self.state = self.stack.pop() if self.stack else _State()
        self.skip_chars = 0

    def symbol(self, symbol: bytes, first: bool) -> None:
        if symbol == b"*" and first:
            self.state.skip = True
        elif self.skipped():
            return
        elif symbol == b"~":
            self.text("\u00a0")
        elif symbol in (b"\\", b"{", b"}"):
            self.text(symbol.decode())
        elif symbol in (b"\n", b"\r"):
            self.end_paragraph()

    def plain(self, text: str) -> None:
        if self.state.skip:
            return
        dropped = min(self.skip_chars, len(text))
        self.skip_chars -= dropped
        if text[dropped:]:
            self.text(text[dropped:])

    def control(self, name: str, value: int | None, first: bool) -> None:
        if first and name in _SKIPPED:
            self.state.skip = True
            self.state.fonttbl = name == "fonttbl"
            return
        if name == "f" and value is not None:
            self.flush_bytes()
            self.state.font = value
        elif name == "uc" and value is not None:
            self.state.uc = value
        elif name in ("loch", "hich", "dbch"):
            self.state.run = name
        elif name == "af" and value is not None and self.state.run == "dbch":
            self.state.dbch_font = value
        elif name == "fcharset" and value is not None and self.state.fonttbl and self.state.font is not None:
            self.fonts[self.state.font] = _CHARSET_CODEPAGES.get(value, self.codepage)
        if self.state.skip:
            return
        self.skip_chars = 0
        if name == "u" and value is not None:
            self.text(chr(value & 0xFFFF))  # signed 16-bit; a value out of range is damage, never a crash
            self.skip_chars = self.state.uc
        elif name in _BREAKS:
            _BREAKS[name](self)
        elif name in _SPECIAL:
            self.text(_SPECIAL[name])

    def text(self, piece: str) -> None:
        self.flush_bytes()
        self.line.append(piece)

    def byte(self, value: int) -> None:
        """A \\'xx byte, in the code page of the font in use; a high byte (or the trail of one) of a \\dbch run
        in its double-byte font's: Word writes 中 as \\hich\\af13\\dbch\\af13\\loch\\f0 {\\'d6\\'d0}, \\f0 Western."""
        font = self.state.font
        codepage = self.fonts.get(font, self.codepage) if font is not None else self.codepage
        double = self.fonts.get(self.state.dbch_font, 0) if self.state.dbch_font is not None else 0
        if (
            double in _DOUBLE_BYTE
            and self.state.run != "hich"
            and (value >= 0x80 or (self.pending and self.pending_codepage == double))
        ):
            codepage = double
        if self.pending and codepage != self.pending_codepage:
            self.flush_bytes()
        self.pending_codepage = codepage
        self.pending.append(value)

    def flush_bytes(self) -> None:
        if self.pending:
            codec = _CODEC_NAMES.get(self.pending_codepage, f"cp{self.pending_codepage}")
            try:
                self.line.append(bytes(self.pending).decode(codec, errors="replace"))
            except LookupError:
                if max(self.pending) >= 0x80:
                    # guessing a code page would show mojibake as the document's words
                    raise IntakeError("undecodable", f"unknown RTF code page {self.pending_codepage}") from None
                self.line.append(bytes(self.pending).decode("ascii"))
            self.pending.clear()

    def end_paragraph(self) -> None:
        self.flush_bytes()
        self.lines.append("".join(self.line))
        self.line.clear()

    def end_cell(self) -> None:
        self.flush_bytes()
        self.cells.append(" ".join("".join(self.line).split()))
        self.line.clear()

    def end_row(self) -> None:
        self.flush_bytes()
        if "".join(self.line).strip():
            self.end_cell()
        self.line.clear()
        filled = [cell for cell in (_without_blanks(cell) for cell in self.cells) if cell]
        if filled:
            self.lines.append("｜".join(filled))
        self.cells.clear()


_BREAKS = {
    "par": _Reader.end_paragraph,
    "sect": _Reader.end_paragraph,
    "page": _Reader.end_paragraph,
    "line": lambda reader: reader.text("\n"),
    "tab": lambda reader: reader.text("\t"),
    "cell": _Reader.end_cell,
    "nestcell": _Reader.end_cell,
    "row": _Reader.end_row,
    "nestrow": _Reader.end_row,
}


def rtf_text(data: bytes, filename: str) -> str:
    """One line per paragraph, one line per table row (cells joined by ｜); IntakeError for a damaged file."""
    if not is_rtf(data):
        raise IntakeError("damaged", f"{filename}: not RTF")
    ansicpg = re.search(rb"\\ansicpg(\d+)", data[:4096])
    reader = _Reader(codepage=int(ansicpg.group(1)) if ansicpg else 1252)
    for match in _TOKEN.finditer(data):
        reader.token(match)
    reader.end_paragraph()
    if reader.cells:
        reader.end_row()
    text = "\n".join(line.rstrip() for line in "\n".join(reader.lines).split("\n")).strip("\n")
    if _CONTROL.search(text):
        # RTF is 7-bit text that escapes everything else: raw control bytes are binary that merely starts with {\rtf
        raise IntakeError("damaged", f"{filename}: control characters in the text")
    # a character beyond the BMP (𠮷, an emoji) is written as two \uN halves: joined, a lone half replaced
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


# A form's blank to fill in: a run of underscores, with the 年 月 日 of a date left blank; a cell of blanks only
# is no text.
_BLANK = re.compile(r"_{2,}年_{2,}月(?:_{2,}日)?|_{2,}")


def _without_blanks(cell: str) -> str:
    return _BLANK.sub("", cell).strip()
