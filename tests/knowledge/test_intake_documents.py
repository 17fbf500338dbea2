"""The general parser and the fact extraction on documents written for issue 13, one per layout:
a 章/节/条 regulation behind a cover letter, a 一、（一）1．（1） notice, ① lists, a cover letter with
附件, a government web page with its site furniture, and the same regulation as a DOCX."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
import yaml

from knowledge.clauses import ParsedDocument
from knowledge.documents import Document, DocumentStatus, Structure, load_manifest, read_source
from knowledge.intake import examine, extract_facts, looks_like_policy, parse_clauses, read_file
from knowledge.labels import cited_form, read_label
from knowledge.normalize import normalize_document

DATA = Path(__file__).parent / "data" / "intake"
EXPECTED: dict[str, Any] = yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))


def uploaded(document_id: str = "upload-1") -> Document:
    """A document as staff add it: nothing known yet but its id."""
    return Document(
        id=document_id,
        source_file="upload",
        title="待确认",
        short_name="待确认",
        issuer="待确认",
        province="待确认",
        city=None,
        document_number=None,
        signed=date(2000, 1, 1),
        published=None,
        published_note=None,
        status=DocumentStatus.DRAFT,
        structure=Structure.AUTO,
    )


def read(name: str) -> str:
    return read_file((DATA / name).read_bytes(), name)


def parsed(name: str) -> ParsedDocument:
    return parse_clauses(uploaded(), read(name))


def by_label(result: ParsedDocument) -> dict[str, Any]:
    return {clause.label: clause for clause in result.clauses}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_facts_are_read_from_the_documents_own_text(name: str) -> None:
    facts = extract_facts(read(name))
    expected = EXPECTED[name]["facts"]
    got = {key: getattr(facts, key) for key in expected}
    assert got == expected
    assert facts.problems == ()


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_clause_starts_where_its_label_is(name: str) -> None:
    result = parsed(name)
    expected = EXPECTED[name]["clauses"]
    assert [c.label for c in result.clauses] == [label for label, _ in expected]
    for clause, (_, heading) in zip(result.clauses, expected, strict=True):
        assert clause.heading.startswith(heading), clause.label
    assert [c.id for c in result.clauses] == [f"upload-1-{n:02d}" for n in range(1, len(expected) + 1)]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_clauses_end_before_the_next_part_and_the_signature(name: str) -> None:
    clauses = by_label(parsed(name))
    for label, ending in EXPECTED[name].get("ends", {}).items():
        assert clauses[label].text.endswith(ending), label
    for clause in clauses.values():
        assert not any(mark in clause.text for mark in ("（此件公开发布）", "抄送：", "印发\n"))


@pytest.mark.parametrize("name", list(EXPECTED))
def test_sections_headings_and_departments(name: str) -> None:
    result = parsed(name)
    expected = EXPECTED[name]
    assert [[s.label, s.heading] for s in result.sections] == expected["sections"]
    clauses = by_label(result)
    for label, heading in expected.get("section_headings", {}).items():
        assert clauses[label].section_heading == heading
    for label, departments in expected.get("departments", {}).items():
        assert list(clauses[label].responsible_departments) == departments


@pytest.mark.parametrize("name", list(EXPECTED))
def test_preamble_and_closing_keep_the_cover_letter_signature_and_attachments(name: str) -> None:
    result = parsed(name)
    expected = EXPECTED[name]
    for line in expected.get("preamble_has", []):
        assert line in result.preamble
    assert list(result.closing) == expected["closing"]
    if "closing_date" in expected:
        assert result.closing_date == expected["closing_date"]


def as_repaired(paragraph: str) -> str:
    """A paragraph with its broken label mended (一） → （一）), as the parser reports it."""
    label = read_label(paragraph)
    return label.text + paragraph[label.end :] if label and label.is_repaired else paragraph


def assert_nothing_lost_or_doubled(result: ParsedDocument, text: str) -> None:
    """Every paragraph is in the preamble, one clause or the closing, in order; only the headings
    of parts (一、…, 第二章…, 第一节…) live beside the clauses, as their section headings."""
    kept = "\n".join([*result.preamble, *(c.text for c in result.clauses), *result.closing]).split("\n")
    paragraphs = [as_repaired(p.text) for p in normalize_document(text).paragraphs]
    headings = [p for p in paragraphs if p not in kept]
    assert kept == [p for p in paragraphs if p not in headings]
    known = {s.heading for s in result.sections} | {
        part for c in result.clauses for part in (c.section_heading or "").split("／")
    }
    for heading in headings:
        label = read_label(heading)
        assert (heading[label.end :] if label else heading.lstrip("、")) in known, heading


@pytest.mark.parametrize("name", list(EXPECTED))
def test_no_text_is_lost_or_doubled(name: str) -> None:
    text = read(name)
    assert_nothing_lost_or_doubled(parse_clauses(uploaded(), text), text)


@pytest.mark.parametrize("document", load_manifest().documents, ids=lambda d: d.id)
def test_no_seed_text_is_lost_or_doubled(document: Document) -> None:
    text = read_source(document)
    assert_nothing_lost_or_doubled(parse_clauses(document, text), text)


@pytest.mark.parametrize("name", [name for name in EXPECTED if "absent" in EXPECTED[name]])
def test_site_furniture_never_reaches_the_text(name: str) -> None:
    text = read(name)
    for furniture in EXPECTED[name]["absent"]:
        assert furniture not in text, furniture


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A minimal Word document, as Word writes it: one w:p per paragraph, text split into runs."""
    body = "".join(
        f'<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t>{escape(p[:5])}</w:t></w:r>'
        f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(p[5:])}</w:t></w:r></w:p>'
        for p in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def test_a_docx_reads_like_the_same_text() -> None:
    lines = (DATA / "regulation.txt").read_text(encoding="utf-8").splitlines()
    from_docx = parse_clauses(uploaded(), read_file(docx_bytes(lines), "办法.docx"))
    from_text = parsed("regulation.txt")
    assert from_docx.clauses == from_text.clauses
    assert examine(docx_bytes(lines), "办法.docx").facts == extract_facts(read("regulation.txt"))


def test_a_long_article_is_cited_by_its_items() -> None:
    items = "\n".join(
        f"（{numeral}）{'对符合条件的人员按规定给予补贴，补贴资金从就业补助资金中列支' * 12}。"
        for numeral in "一二三四五"
    )
    text = (
        "某市就业补贴办法\n第一条　为促进就业，制定本办法。\n"
        f"第二条　下列补贴按本条执行：\n{items}\n第三条　本办法自2024年1月1日起施行。"
    )
    result = parse_clauses(uploaded(), text)
    labels = [c.label for c in result.clauses]
    assert labels == ["第一条", "第二条", *(f"第二条第（{n}）项" for n in "一二三四五"), "第三条"]
    assert result.clauses[1].text == "第二条下列补贴按本条执行："


def test_a_document_without_any_numbering_is_read_paragraph_by_paragraph() -> None:
    text = (
        "某县人民政府关于做好春节期间农民工返乡就业服务的通知\n各乡镇人民政府，县级各部门：\n"
        "春节期间，各地要组织开展春风行动，为返乡农民工提供岗位信息和职业指导。\n"
        "对返乡创业的农民工，按规定落实创业担保贷款和一次性创业补贴政策。\n"
        "某县人民政府\n2024年1月20日"
    )
    result = parse_clauses(uploaded(), text)
    assert [c.label for c in result.clauses] == ["第一段", "第二段"]
    assert result.clauses[1].text.startswith("对返乡创业的农民工")
    assert result.closing == ("某县人民政府", "2024年1月20日")


def test_a_stray_number_inside_a_part_is_not_a_new_part() -> None:
    text = (
        "某市人民政府关于稳就业的通知\n各县（区）人民政府：\n"
        "一、支持企业。对吸纳就业的企业给予补贴，标准如下：\n"
        "3.5倍以内的部分按50%补贴。\n"
        "3．本条所称企业不含机关事业单位。\n"
        "二、支持个人。对灵活就业人员给予社会保险补贴。"
    )
    result = parse_clauses(uploaded(), text)
    assert [c.label for c in result.clauses] == ["一、", "二、"]
    assert "3．本条所称企业" in result.clauses[0].text


def test_a_skipped_number_still_starts_a_new_part() -> None:
    text = (
        "某市人民政府关于稳就业的通知\n各县（区）人民政府：\n"
        "（一）稳岗返还。对不裁员的企业返还失业保险费。\n"
        "（三）吸纳就业补贴。对招用高校毕业生的企业给予补贴。\n"
        "（四）创业补贴。对首次创业的给予补贴。"
    )
    result = parse_clauses(uploaded(), text)
    assert [c.label for c in result.clauses] == ["（一）", "（三）", "（四）"]


def test_the_wrapped_tail_of_a_sentence_is_not_taken_for_a_heading() -> None:
    text = (
        "某市人民政府关于稳就业的通知\n各县（区）人民政府：\n"
        "（一）稳岗返还。对企业返还失业保险费（市人力资源社会保\n"  # short: normalization keeps the break
        "障局负责）\n"
        "（二）创业补贴。对首次创业的给予补贴。"
    )
    result = parse_clauses(uploaded(), text)
    assert result.sections == ()
    assert result.clauses[0].text.endswith("障局负责）")


@pytest.mark.parametrize(
    ("label", "cited"),
    [
        ("（七）", "第（七）条"),  # the seeds' clauses, cited as before
        ("一、", "第一条"),
        ("第三条", "第三条"),
        ("第三条第（二）项", "第三条第（二）项"),
        ("一、（一）1．", "一、（一）1．"),
        ("第二段", "第二段"),
    ],
)
def test_every_label_reads_well_in_a_citation(label: str, cited: str) -> None:
    assert cited_form(label) == cited


def test_labels_from_every_layout_read_well_in_a_citation() -> None:
    for name in EXPECTED:
        for clause in parsed(name).clauses:
            cited = cited_form(clause.label)
            assert not cited.startswith("第第") and not cited.endswith("条条"), cited


NUMBERING_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def numbered_docx(paragraphs: list[tuple[int | None, str]]) -> bytes:
    """A Word document whose list numbers are automatic: (level, text), level None for plain text."""

    def paragraph(level: int | None, text: str) -> str:
        number = "" if level is None else f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="7"/></w:numPr>'
        return f"<w:p><w:pPr>{number}</w:pPr><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"

    body = "".join(paragraph(level, text) for level, text in paragraphs)
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", NUMBERING_XML)
    return buffer.getvalue()


def test_word_automatic_list_numbers_become_the_labels() -> None:
    data = numbered_docx(
        [
            (None, "淄博市人民政府关于稳就业的通知"),
            (None, "各区县人民政府："),
            (0, "支持企业稳岗"),
            (1, "稳岗返还。对不裁员的企业返还失业保险费。"),
            (1, "吸纳就业补贴。对招用高校毕业生的企业给予补贴，标准如下："),
            (2, "签订1年以上劳动合同的，每人1500元；"),
            (2, "签订3年以上劳动合同的，每人3000元。"),
            (0, "支持创业"),
            (1, "创业补贴。对首次创业的给予5000元补贴。"),
            (None, "淄博市人民政府"),
            (None, "2024年3月1日"),
        ]
    )
    text = read_file(data, "通知.docx")
    assert "一、支持企业稳岗\n（一）稳岗返还" in text
    assert "1.签订1年以上" in text and "2.签订3年以上" in text
    assert "二、支持创业\n（一）创业补贴" in text  # the second-level counter starts again
    result = parse_clauses(uploaded(), text)
    assert [c.label for c in result.clauses] == ["一、（一）", "一、（二）", "二、（一）"]
    assert result.clauses[1].text.endswith("每人3000元。")


@pytest.mark.parametrize(
    ("closing", "valid_until"),
    [
        ("本通知自2024年1月1日起施行，有效期至2026年底。", date(2026, 12, 31)),
        ("本通知自2024年1月1日起施行，有效期两年。", date(2025, 12, 31)),
        ("本通知自印发之日起施行，有效期截至2025年6月30日。", date(2025, 6, 30)),
    ],
)
def test_the_documents_own_validity_is_read_from_its_last_words(closing: str, valid_until: date) -> None:
    text = (
        "淄博市人民政府关于稳就业的通知\n各区县人民政府：\n"
        "一、吸纳就业补贴。政策有效期至2022年12月31日，对招用高校毕业生的企业给予补贴。\n"
        f"{closing}\n淄博市人民政府\n2024年1月1日"
    )
    assert extract_facts(text).valid_until == valid_until


def test_a_page_fragment_saved_as_text_is_read_as_html() -> None:
    fragment = "<p>淄博市人民政府关于稳就业的通知</p><p>各区县人民政府：</p><p>一、落实补贴。</p><p>淄博市人民政府</p>"
    assert read_file(fragment.encode("utf-8"), "通知.txt").split("\n") == [
        "淄博市人民政府关于稳就业的通知",
        "各区县人民政府：",
        "一、落实补贴。",
        "淄博市人民政府",
    ]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_every_written_document_is_accepted_as_a_policy(name: str) -> None:
    intake = examine((DATA / name).read_bytes(), name)
    assert intake.facts.title == EXPECTED[name]["facts"]["title"]


def test_a_short_notice_without_numbering_is_still_a_policy() -> None:
    text = (
        "某县人民政府关于做好春节期间农民工返乡就业服务的通知\n各乡镇人民政府，县级各部门：\n"
        "春节期间，各地要组织开展春风行动，为返乡农民工提供岗位信息和职业指导。\n"
        "对返乡创业的农民工，按规定落实创业担保贷款和一次性创业补贴政策。\n"
        "某县人民政府\n2024年1月20日"
    )
    assert looks_like_policy(text)


def test_an_article_after_a_sentence_cut_by_a_page_break_is_not_joined_to_it() -> None:
    text = (
        "某市就业补贴办法\n"
        "第一条　为促进高校毕业生、就业困难人员等重点群体就业，根据国家和省有关规定，结合本市实际制定本办法\n"
        "第二条　本办法自2024年1月1日起施行。"
    )
    result = parse_clauses(uploaded(), text)
    assert [c.label for c in result.clauses] == ["第一条", "第二条"]
