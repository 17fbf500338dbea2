"""PDFs as government producers write them (issue 13, walk37 doc37 D1–D3), built here byte by byte: text in a
predefined CJK CMap font (STSong-Light, UniGB-UCS2-H, not embedded), lines wrapped at the page edge, Kangxi radicals
for whole characters, two pages with running headers and page numbers, and a file cut short in a download."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.present.intake import refusal
from knowledge.derive import derive_measures
from knowledge.filetext import joined_lines, read_file, unwrapped, whole_characters
from knowledge.intake import IntakeError, examine, parse_clauses
from knowledge.lexical import sentence_lines
from knowledge.quality import IssueKind
from tests.knowledge.test_documents_session18 import run_cli
from tests.knowledge.test_intake_bad_input import pdf_bytes
from tests.knowledge.test_intake_documents import uploaded

Line = tuple[float, float, float, str]


def cjk_pdf(pages: list[list[Line]]) -> bytes:
    """A PDF whose text is set in STSong-Light by the predefined CMap UniGB-UCS2-H (no font embedded, strings
    in UCS-2), one text object per line (x, y, size, text) — as many government PDF producers write it."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [4 0 R] >>",
        4: b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>",
        5: b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    }
    kids = []
    for index, lines in enumerate(pages):
        page, contents = 6 + 2 * index, 7 + 2 * index
        kids.append(f"{page} 0 R")
        stream = "\n".join(
            f"BT /F1 {size} Tf {x} {y} Td <{text.encode('utf-16-be').hex().upper()}> Tj ET"
            for x, y, size, text in lines
        ).encode()
        objects[page] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {contents} 0 R >>"
        ).encode()
        objects[contents] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref, size = len(out), max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offsets[n]:010d} 00000 n \n".encode() for n in range(1, size))
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


_PAGE_WIDTH = 36  # a line of the page holds 36 Chinese characters (a digit is half as wide)


def laid_out(paragraphs: list[str], *, top: float = 780) -> list[Line]:
    """Paragraphs set on a page as a word processor sets them: each broken where the line is full."""
    lines: list[Line] = []
    y = top
    for paragraph in paragraphs:
        line, width = "", 0.0
        for char in paragraph:
            step = 0.5 if char.isascii() else 1.0
            if width + step > _PAGE_WIDTH:
                lines.append((72, y, 12, line))
                y -= 20
                line, width = "", 0.0
            line, width = line + char, width + step
        lines.append((72, y, 12, line))
        y -= 20
    return lines


TITLE = "舞钢市人民政府办公室关于支持去产能分流职工创业的通知"
ISSUER = "舞钢市人民政府办公室"
FIRST = "对去产能企业分流职工首次创办个体工商户并正常经营6个月以上的，给予一次性羊肉汤特色小吃创业补贴3000元。"
SECOND = "对上述个体工商户招用登记失业人员并缴纳社会保险费的，按每招用1人给予2000元一次性吸纳就业补贴。"
NOTICE = [
    TITLE,
    "舞政办〔2026〕7号",
    "各乡镇人民政府、街道办事处，市政府各部门：",
    "为支持化解过剩产能企业分流职工自主创业，经市政府同意，现就有关事项通知如下：",
    f"一、{FIRST}",
    f"二、{SECOND}",
    "三、本通知自2026年11月1日起施行，有效期至2027年12月31日。",
    ISSUER,
    "2026年10月20日",
]
# How a producer whose font names glyphs by their lowest code point writes the same notice: 人 民 工 户 月 日 as
# Kangxi radicals (U+2F08 U+2EA0 U+2F2F U+2F3E U+2F49 U+2F47), 门 as U+2ED4.
_AS_RADICALS = str.maketrans({"人": "\u2f08", "民": "\u2ea0", "工": "\u2f2f", "户": "\u2f3e", "月": "\u2f49"})


def notice_pdf(paragraphs: list[str] = NOTICE) -> bytes:
    return cjk_pdf([laid_out(paragraphs)])


def clauses_of(data: bytes, name: str = "通知.pdf") -> dict[str, str]:
    intake = examine(data, name)
    return {clause.label: clause.text for clause in parse_clauses(uploaded("doc"), intake.text).clauses}


# --- D1: a line wrapped at the page edge is no break in the sentence -----------------------------------


def test_a_cid_font_pdf_is_read_with_its_wrapped_lines_joined_without_spaces() -> None:
    text = read_file(notice_pdf(), "通知.pdf")
    assert f"一、{FIRST}" in text.split("\n")
    assert f"二、{SECOND}" in text.split("\n")
    assert "给\n予" not in text and "给 予" not in text


def test_each_clause_of_a_short_pdf_notice_is_its_whole_sentence() -> None:
    clauses = clauses_of(notice_pdf())
    assert clauses["一、"] == f"一、{FIRST}"
    assert clauses["二、"] == f"二、{SECOND}"


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("经营6个月以上的，给", "予一次性创业补贴", "经营6个月以上的，给予一次性创业补贴"),
        ("按每人12", "00元给予补贴", "按每人1200元给予补贴"),
        ("the employment", "subsidy is paid", "the employment subsidy is paid"),
        ("from 1 May 2024", "to 30 April", "from 1 May 2024 to 30 April"),
        ("self-", "employed persons", "self-employed persons"),
        ("PDF", "文件", "PDF文件"),
    ],
    ids=["chinese", "a-number-cut", "latin-words", "latin-after-a-number", "hyphen", "latin-then-chinese"],
)
def test_a_wrapped_line_is_joined_as_its_script_writes(before: str, after: str, joined: str) -> None:
    assert joined_lines(before, after) == joined


def test_an_english_pdf_layout_keeps_a_space_where_a_line_wrapped() -> None:
    text = "Employment subsidy notice of the city for the year\nof 2026 and its measures for people out of work\n"
    text += "Each person who starts a business is granted a\none-off subsidy of 3000 yuan after six months."
    assert "for the year of 2026" in unwrapped(text, layout=True)
    assert "granted a one-off subsidy" in unwrapped(text, layout=True)


def test_a_pdf_line_that_fills_the_page_is_not_joined_to_the_item_after_it() -> None:
    text = "一、对首次创办小微企业的高校毕业生给予一次性创业补贴按规定执行\n二、对吸纳就业的给予补贴。\n三、其他。"
    assert unwrapped(text, layout=True) == text


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        ("一、对去产能企业分流职工首次创办个体工商户的，给\n予一次性创业补贴3000元。", 1),
        ("中小微企业：上年度实际缴纳失业保险费的60%\n大型企业：上年度实际缴纳失业保险费的30%", 2),
        ("返乡创业补贴\n（一）对返乡创业的给予5000元。", 2),
        ("一次性创业补贴\n对首次创业的给予3000元。", 2),
        ("申请材料：\n身份证。", 2),
    ],
    ids=["a-wrapped-prose-line", "keyed-lines", "a-heading-over-an-item", "a-heading-line", "a-colon"],
)
def test_a_sentence_is_cut_at_a_heading_line_never_at_a_wrap(sentence: str, pieces: int) -> None:
    assert len(sentence_lines(sentence)) == pieces
    assert "\n".join(sentence_lines(sentence)) == sentence


def test_a_unit_of_a_text_with_hard_wrapped_lines_quotes_its_whole_sentence() -> None:
    body = (
        "舞钢市人力资源和社会保障局关于就业补贴的通知\n各乡镇：\n"
        "一、对去产能企业分流职工首次创办个体工商户的，给\n予一次性羊肉汤特色小吃创业补贴3000元。\n"
        "舞钢市人力资源和社会保障局\n2026年1月2日"
    )
    units = derive_measures("doc", parse_clauses(uploaded("doc"), body).clauses)
    spans = [unit.span for unit in units if any(a.text == "3000元" for a in unit.amounts)]
    assert spans and all(span.startswith("一、对去产能企业") or span.startswith("对去产能企业") for span in spans)


# --- D2: Kangxi radicals and compatibility forms ------------------------------------------------------


def test_radicals_of_a_simplified_pdf_become_simplified_characters_and_nothing_is_called_traditional() -> None:
    data = notice_pdf([p.translate(_AS_RADICALS) for p in NOTICE])
    text = read_file(data, "通知.pdf")
    assert "个体工商户" in text and "戶" not in text
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text)
    parsed = parse_clauses(uploaded("doc"), examine(data, "通知.pdf").text)
    assert all(clause.source_text is None for clause in parsed.clauses)
    assert not parsed.quality.of_kind(IssueKind.TRADITIONAL_CONVERTED)


def test_a_radical_in_a_traditional_text_stays_the_traditional_character() -> None:
    text = whole_characters("對個體工商\u2f3e招用登記失業\u2f08員並繳納社會保險費的，給予補貼。")
    assert "個體工商戶" in text and "人員" in text


def test_only_radicals_and_compatibility_ideographs_are_normalised_not_labels_or_punctuation() -> None:
    text = "①对符合条件的（一）１．⑴，给予５０００元补贴…\u2f08"
    assert whole_characters(text) == "①对符合条件的（一）１．⑴，给予５０００元补贴…人"


# --- D3: a damaged PDF is called damaged, a scan a scan ---------------------------------------------------


def refused(data: bytes, name: str) -> IntakeError:
    with pytest.raises(IntakeError) as caught:
        read_file(data, name)
    return caught.value


@pytest.mark.parametrize("kept", [0.3, 0.6, 0.95], ids=["cut-before-its-fonts", "cut-mid-way", "cut-at-its-end"])
def test_a_pdf_cut_short_is_told_damaged_not_unreadable_nor_a_scan(kept: float) -> None:
    data = notice_pdf()
    error = refused(data[: int(len(data) * kept)], "通知.pdf")
    assert error.code == "damaged"
    message = refusal(error, max_bytes=20 * 1024 * 1024)
    assert "损坏" in message and "暂时无法读取" not in message and "扫描件" not in message


def test_a_word_file_cut_short_is_told_damaged() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>" * 2000)
    assert refused(buffer.getvalue()[:-200], "通知.docx").code == "damaged"


def test_a_whole_pdf_without_a_text_layer_is_still_told_it_is_a_scan() -> None:
    scan = pdf_bytes("<< /XObject << /Im1 6 0 R >> >>", b"q 595 0 0 842 0 0 cm /Im1 Do Q")
    error = refused(scan, "扫描件.pdf")
    assert error.code == "pdf_without_text"
    assert "扫描件" in refusal(error, max_bytes=20 * 1024 * 1024)


# --- two pages: running headers and page numbers stay out of the clauses --------------------------------


def two_page_pdf() -> bytes:
    """The notice over two pages: the issuer's name at the top of each page, 第 N 页 / 共 2 页 at the foot of
    each, the second item broken across the page (…按每招用1人给 | 予2000元…)."""
    lines = laid_out(NOTICE)
    cut = next(i for i, line in enumerate(lines) if line[3].startswith("二、")) + 1
    header = (240, 810, 10, ISSUER)
    first = [header, *lines[:cut], (260, 40, 10, "第 1 页 / 共 2 页")]
    second = [header, *((x, y + 20 * cut, s, t) for x, y, s, t in lines[cut:]), (260, 40, 10, "第 2 页 / 共 2 页")]
    return cjk_pdf([first, second])


def test_a_two_page_pdf_reads_its_sentence_across_the_page_without_headers_or_page_numbers() -> None:
    clauses = clauses_of(two_page_pdf())
    assert clauses["二、"] == f"二、{SECOND}"
    assert not [text for text in clauses.values() if "页" in text or ISSUER in text]


def test_a_two_page_pdf_has_the_facts_of_its_first_page() -> None:
    facts = examine(two_page_pdf(), "通知.pdf").facts
    assert (facts.title, facts.issuer, facts.document_number) == (TITLE, ISSUER, "舞政办〔2026〕7号")
    assert (facts.county, str(facts.signed)) == ("舞钢市", "2026-10-20")


# --- end to end, as staff run it --------------------------------------------------------------------------


def test_a_cid_font_pdf_added_and_published_is_quoted_a_whole_sentence(tmp_path: Path) -> None:
    path = tmp_path / "舞钢通知.pdf"
    path.write_bytes(two_page_pdf())
    added = run_cli(["documents", "add", str(path), "--publish"], tmp_path)
    assert added.returncode == 0, added.stderr
    asked = run_cli(["ask", "--json", "--region", "舞钢", "舞钢开羊肉汤馆有创业补贴吗？多少钱"], tmp_path)
    answer = json.loads(asked.stdout)
    assert "3000元" in answer["direct_answer"]
    quote = answer["citations"][0]["quote"]
    assert quote in (FIRST, f"一、{FIRST}"), quote
