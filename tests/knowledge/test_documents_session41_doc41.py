"""Session 41 (doc41): forms real bodies publish (issue 13). An OpenDocument text (.odt, what WPS and LibreOffice
save) is read from its content.xml — headings, paragraphs, numbered lists with their numbers drawn, tables as rows —
and one that is encrypted, damaged or inflates beyond the bound is refused with nothing stored. A slide deck exported
as outline text is read by its slides: the marker is no title text, each slide is a clause, the presenting body and
the month come from its title or closing slide. A notice issued below the county (a 村委会, a 社区居委会) governs
the county its town lies in, or the county its text names. Documents written for these tests (德清, 江阴, 鹿乡镇,
南湖社区), not the bench's sets."""

from __future__ import annotations

import io
import struct
import zipfile
from datetime import date
from pathlib import Path

import pytest

from bot.db import open_database
from bot.library import DocumentLibrary, Upload
from knowledge.derive import derive_measures
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.docx import MAX_INFLATED
from knowledge.errors import IntakeError
from knowledge.filetext import read_file
from knowledge.intake import examine, parse_clauses
from knowledge.odt import MAX_ODT_INFLATED

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)
BODY = (
    "<text:h text:outline-level='1'>德清县灵活就业社会保险补贴办法</text:h>"
    "<text:p>德人社〔2026〕5号</text:p>"
    "<text:list text:style-name='L1'>"
    "<text:list-item><text:p>补贴对象。本县户籍的就业困难人员灵活就业并缴纳社会保险费的。</text:p></text:list-item>"
    "<text:list-item><text:p>补贴标准。按实际缴费额的<text:span>50%</text:span>给予补贴，每人每月最高300元。</text:p>"
    "<text:list text:style-name='L1'><text:list-item><text:p>补贴期限最长3年。</text:p></text:list-item></text:list>"
    "</text:list-item>"
    "</text:list>"
    "<table:table><table:table-header-rows><table:table-row>"
    "<table:table-cell><text:p>人员类别</text:p></table:table-cell>"
    "<table:table-cell><text:p>月补贴上限</text:p></table:table-cell></table:table-row></table:table-header-rows>"
    "<table:table-row><table:table-cell><text:p>就业困难人员</text:p></table:table-cell>"
    "<table:table-cell><text:p>300元</text:p></table:table-cell></table:table-row></table:table>"
    "<text:p>德清县人力资源和社会保障局</text:p><text:p>2026年4月8日</text:p>"
)
STYLES = (
    "<office:automatic-styles><text:list-style style:name='L1'>"
    "<text:list-level-style-number text:level='1' style:num-format='一, 二, 三, ...' style:num-suffix='、'/>"
    "<text:list-level-style-number text:level='2' style:num-format='1' style:num-prefix='（' style:num-suffix='）'/>"
    "</text:list-style></office:automatic-styles>"
)
CONTENT = (
    f"<?xml version='1.0' encoding='UTF-8'?><office:document-content {_NS}>{STYLES}"
    f"<office:body><office:text>{BODY}</office:text></office:body></office:document-content>"
)
MANIFEST = (
    "<?xml version='1.0' encoding='UTF-8'?>"
    "<manifest:manifest xmlns:manifest='urn:oasis:names:tc:opendocument:xmlns:manifest:1.0'>"
    "<manifest:file-entry manifest:full-path='content.xml' manifest:media-type='text/xml'>{extra}</manifest:file-entry>"
    "</manifest:manifest>"
)
ENCRYPTED = "<manifest:encryption-data manifest:checksum-type='SHA1/1K' manifest:checksum='x'/>"


def _odt(content: str = CONTENT, manifest: str = MANIFEST.format(extra="")) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_an_odt_is_read_with_its_list_numbers_drawn_and_its_table_rows_as_lines() -> None:
    lines = read_file(_odt(), "deqing.odt").splitlines()
    assert lines[0] == "德清县灵活就业社会保险补贴办法"
    assert "一、补贴对象。本县户籍的就业困难人员灵活就业并缴纳社会保险费的。" in lines, "the list style's 一、"
    assert "二、补贴标准。按实际缴费额的50%给予补贴，每人每月最高300元。" in lines, "a span's text inside its line"
    assert "（1）补贴期限最长3年。" in lines, "a nested list numbered by its own level"
    assert "人员类别｜月补贴上限" in lines and "就业困难人员｜300元" in lines, "a table row is one line of cells"


def test_an_odt_saved_under_another_name_is_still_read_and_its_facts_found() -> None:
    facts = examine(_odt(), "下载文件").facts
    assert (facts.title, facts.issuer, facts.document_number) == (
        "德清县灵活就业社会保险补贴办法",
        "德清县人力资源和社会保障局",
        "德人社〔2026〕5号",
    )
    assert (facts.county, facts.signed) == ("德清县", date(2026, 4, 8))


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", " " * (MAX_INFLATED + 1), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _lying_bomb() -> bytes:
    """A text that inflates past the whole file's bound (well within a Word part's), its recorded sizes saying
    1,000 bytes: only the limit kept while inflating refuses it."""
    size = MAX_ODT_INFLATED * 2
    content = CONTENT.replace("</office:text>", "<text:p>" + " " * size + "</text:p></office:text>")
    data = _odt(content)
    real = struct.pack("<I", len(content.encode()))
    assert data.count(real) == 2, "the local header's and the directory's uncompressed size"
    return data.replace(real, struct.pack("<I", 1000))


@pytest.mark.parametrize(
    ("case", "data", "code"),
    [
        ("encrypted", _odt(manifest=MANIFEST.format(extra=ENCRYPTED)), "encrypted_document"),
        ("cut short", _odt()[:-40], "damaged"),
        ("broken xml", _odt(content=CONTENT[:-30]), "damaged"),
        ("inflates beyond the bound", _bomb(), "archive_bomb"),
        ("sizes lie", _lying_bomb(), "archive_bomb"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 30 else "",
)
def test_an_odt_that_cannot_be_read_is_refused_with_a_reason_and_nothing_stored(
    tmp_path: Path, case: str, data: bytes, code: str
) -> None:
    with pytest.raises(IntakeError) as refused:
        read_file(data, "deqing.odt")
    assert refused.value.code == code, case
    library = DocumentLibrary(open_database(f"sqlite:///{tmp_path / 'policybot.sqlite3'}"))
    library.ensure_seeds()
    before = len(library.documents())
    (outcome,) = library.add_each([Upload(data, "deqing.odt")], "t", publish=True)
    assert outcome.view is None and outcome.refusal is not None
    assert isinstance(outcome.refusal.intake, IntakeError) and outcome.refusal.intake.code == code
    assert len(library.documents()) == before, "a refused file leaves no trace"


DECK = "\r\n".join(
    [
        "Slide 1",
        "2026年江阴市稳就业政策宣讲",
        "\t政策宣讲提纲",
        "",
        "Slide 2",
        "一、创业扶持｜一次性创业补贴",
        "\t对象：首次创业的高校毕业生",
        "\t\t正常经营满1年",
        "\t标准：每户8000元",
        "",
        "Slide 3",
        "一、创业扶持｜创业担保贷款",
        "\t个人：最高50万元",
        "\t小微企业：最高300万元",
        "",
        "Slide 4",
        "二、就业服务｜见习补贴",
        "\t每人每月2000元",
        "",
        "Slide 5",
        "谢谢！",
        "\t江阴市人力资源和社会保障局",
        "\t2026年3月",
        "",
    ]
)


def test_a_slide_decks_markers_are_structure_each_slide_one_clause_and_its_closing_slide_names_the_presenter() -> None:
    text = read_file(DECK.encode(), "jiangyin.txt")
    facts = examine(DECK.encode(), "jiangyin.txt").facts
    assert facts.title == "2026年江阴市稳就业政策宣讲", "no marker in the title, the year it opens with kept"
    assert (facts.issuer, facts.county, facts.signed) == ("江阴市人力资源和社会保障局", "江阴市", date(2026, 3, 1))
    assert any("2026年3月" in problem for problem in facts.problems), "a month only: staff asked to check the day"
    parsed = parse_clauses(_document("jiangyin"), text)
    assert [clause.label for clause in parsed.clauses] == ["幻灯片2", "幻灯片3", "幻灯片4"]
    assert parsed.clauses[0].text.splitlines()[1:] == [
        "对象：首次创业的高校毕业生",
        "正常经营满1年",
        "标准：每户8000元",
    ]
    assert "Slide" not in "".join(clause.text for clause in parsed.clauses)


def _document(document_id: str) -> Document:
    return Document(
        id=document_id,
        source_file=f"{document_id}.txt",
        title="t",
        short_name="t",
        issuer="i",
        province="p",
        city=None,
        document_number=None,
        signed=date(2026, 1, 1),
        published=None,
        published_note=None,
        status=DocumentStatus.OFFICIAL,
        structure=Structure.SECTIONS_ONLY,
    )


VILLAGE = """{issuer_line}
关于今年就业补贴的公告

各位居民：
    根据{county}人社局的通知，现把有关补贴告诉大家。

一、公益性岗位
    每人每月补贴800元，每月出勤不少于20天。

二、交通补贴
    脱贫人口跨省务工满3个月的，给予交通补贴每人400元。有事请到{office}咨询。

三、创业补贴
    首次创业、正常经营满6个月的，按规定给予一次性创业补贴5000元，申请材料交到村（居）委会统一办理。

特此公告。

{signature}
2026年3月2日
"""


@pytest.mark.parametrize(
    ("issuer_line", "county_named", "signature", "county", "source"),
    [
        ("南湖社区居民委员会", "秀洲区", "南湖社区居民委员会", "秀洲区", "正文提到的所属区县"),
        ("鹿乡镇长岭村村民委员会", "", "长岭村村民委员会", "双阳区", "其所在乡镇"),
    ],
    ids=["a community relaying its county's notice", "a village of a town the place names know"],
)
def test_a_notice_issued_below_the_county_governs_its_county(
    issuer_line: str, county_named: str, signature: str, county: str, source: str
) -> None:
    text = VILLAGE.format(
        issuer_line=issuer_line, county=county_named or "县", signature=signature, office=county_named or "镇里"
    )
    facts = examine(text.encode(), "notice.txt").facts
    assert facts.county == county
    assert any(source in problem and county in problem for problem in facts.problems), facts.problems


ARTICLES = """临安区就业创业补贴办法

第一条　创业担保贷款。个人创业者可申请最高30万元的创业担保贷款；合伙创业的，按每人最高30万元、总额不超过150万元掌握。
第二条　一次性创业补贴。首次创业的给予一次性创业补贴5000元。
第三条　培训生活补贴。参加培训的脱贫人口，培训期间每人每天补生活费40元。跟一次性创业补贴可以一块领。
第四条　技能提升补贴。取得职业技能等级证书的，按下表标准给予技能提升补贴，应在取得证书后12个月内申请。
序号｜证书等级｜补贴标准
1｜初级工（五级）｜800元/人
2｜中级工（四级）｜1200元/人
3｜高级工（三级）｜1800元/人

临安区人力资源和社会保障局
2026年5月6日
"""


def test_what_a_text_grants_in_administrative_and_spoken_words_and_by_its_table_below_are_measures() -> None:
    parsed = parse_clauses(_document("linan"), read_file(ARTICLES.encode(), "linan.txt"))
    measures = derive_measures("linan", parsed.clauses)
    spans = {m.span.rstrip("；。，"): m.name for m in measures}
    partners = next(name for span, name in spans.items() if "总额不超过150万元" in span)
    assert "合伙创业" in partners, "按…掌握 sets the partners' own limit"
    assert any("补生活费40元" in span for span in spans), "补生活费 is a grant said as people say it"
    assert not any("一块领" in span for span in spans), "saying two measures may be had together grants nothing"
    rows = {span: name for span, name in spans.items() if "｜" in span}
    assert any("1200元" in span for span in rows) and set(rows.values()) == {"技能提升补贴"}, rows


RETURN_SLIDES = "\n".join(
    [
        "幻灯片 1",
        "江阴市稳岗政策解读",
        "",
        "幻灯片 2",
        "一、稳岗｜失业保险稳岗返还",
        "\t对象：参保职工30人（含）以下的企业，裁员率不高于参保职工总数的20%",
        "\t返还标准",
        "\t\t中小微企业：按上年度实际缴纳失业保险费的60%返还",
        "\t\t大型企业：按上年度实际缴纳失业保险费的30%返还",
        "",
        "幻灯片 3",
        "二、见习｜见习补贴",
        "\t每人每月2000元",
    ]
)


def test_each_line_of_a_slide_is_a_bullet_of_its_own_never_a_wrapped_line() -> None:
    parsed = parse_clauses(_document("jiangyin"), read_file(RETURN_SLIDES.encode(), "jiangyin.txt"))
    measures = derive_measures("jiangyin", parsed.clauses)
    returned = {m.name: m.span for m in measures if m.clause == parsed.clauses[0].id}
    assert returned.get("失业保险稳岗返还（中小微企业）", "").endswith("60%返还"), returned
    assert not any("20%" in span for span in returned.values()), "the condition's 20% is no grant of 返还标准"


MINISTRY = """{title}
人社部发〔2026〕12号
各省、自治区、直辖市人力资源社会保障厅（局）：
一、各地要总结推广浙江省德清县的经验，对农村劳动力参加职业技能培训的，按规定给予职业培训补贴。
二、德清县的做法是建立劳务合作社，各地可以参照。
{signature}
2026年3月1日
"""


@pytest.mark.parametrize(
    ("title", "signature", "county"),
    [
        ("关于做好农村劳动力转移就业工作的通知", "人力资源社会保障部", None),
        ("关于做好城乡居民就业创业服务工作的通知", "", None),
    ],
    ids=["a ministry's notice naming a county it praises", "a title whose words hold 乡, no issuer"],
)
def test_a_village_or_township_word_in_a_title_makes_no_issuer_below_the_county(
    title: str, signature: str, county: str | None
) -> None:
    facts = examine(MINISTRY.format(title=title, signature=signature).encode(), "notice.txt").facts
    assert facts.county == county, facts
    assert not any("乡镇（街道）或村（社区）" in problem for problem in facts.problems), facts.problems
