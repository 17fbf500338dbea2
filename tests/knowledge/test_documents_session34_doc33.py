"""Session 34 (doc33): forms the parser had no recogniser for, read by the text's own signs. Documents written for
these tests (扬州, 宜昌, 泉州), each of a form set 33 showed: a 一图读懂 poster typed out as short emoji-led lines in
blank-line blocks (one line is no clause: a measure's figure and whom it is for sit on different lines); a page in
繁体 characters (matched simplified, quoted as the file writes it); a 政策汇编 holding several documents one after
another (the file is the compiler's, its documents are named by their own 文件N line)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.citations import make_citation
from knowledge.clauses import Clause
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.intake import examine
from tests.knowledge.asking import clauses_of

POSTER = "\n".join(
    (
        "一图读懂｜扬州市2026年就业补贴政策",
        "扬州人社　2026-03-02　江苏",
        "",
        "📌 政策依据",
        "《关于做好2026年就业补贴工作的通知》",
        "扬人社发〔2026〕8号",
        "扬州市人力资源和社会保障局 扬州市财政局",
        "⏰ 执行期：2026年1月1日—2026年12月31日",
        "",
        "💼 一次性吸纳就业补贴",
        "👤 企业招用离校2年内未就业高校毕业生",
        "👤 签订1年以上劳动合同",
        "💰 标准：每人1500元",
        "",
        "🎓 就业见习补贴",
        "👤 见习单位",
        "💰 标准：每人每月1800元",
        "⏳ 最长12个月",
        "",
        "☎️ 咨询",
        "📞 12333",
    )
)

PROSE = "\n".join(
    (
        "扬州市人力资源和社会保障局关于就业补贴的说明",
        "",
        "企业招用离校2年内未就业高校毕业生，签订1年以上劳动合同并按月缴纳社会保险费满3个月的，按每人1500元给予一次性"
        "吸纳就业补贴。",
        "",
        "见习单位吸纳高校毕业生参加见习的，按每人每月1800元给予就业见习补贴，见习期最长12个月。",
        "",
        "各县（市、区）人社部门负责受理，咨询电话12333。",
    )
)

TRADITIONAL = "\n".join(
    (
        "宜昌市人民政府 政府信息公開（繁體鏡像）",
        "繁體 | 簡體 | 網站地圖",
        "宜昌市人民政府辦公室關於印發宜昌市支持返鄉創業若干措施的通知",
        "宜府辦發〔2026〕7號",
        "各縣（市、區）人民政府，市政府各部門：",
        "現將《宜昌市支持返鄉創業若干措施》印發給你們，請認真貫徹執行。",
        "一、一次性創業補貼。返鄉人員首次創辦經營實體，正常經營6个月以上的，給予一次性創業補貼5000元。",
        "二、場地租金補貼。入駐創業孵化基地的返鄉創業實體，按實際支付租金的50%給予補貼，每戶每年最高6000元。",
        "三、本措施自2026年3月1日起施行，有效期至2028年2月29日。",
        "宜昌市人民政府辦公室",
        "2026年2月10日",
    )
)

BOOKLET = "\n".join(
    (
        "泉州市就业政策汇编（2026年第一辑）",
        "泉州市就业服务中心　编印　　2026年8月",
        "编印说明：本辑收录两份就业政策文件，具体以正式文件为准。",
        "",
        "文件一",
        "泉州市人力资源和社会保障局　泉州市财政局",
        "关于做好高校毕业生就业工作的通知",
        "泉人社〔2026〕11号",
        "各县（市、区）人力资源和社会保障局、财政局：",
        "一、一次性吸纳就业补贴。企业招用离校2年内未就业高校毕业生的，按每人1200元给予补贴。",
        "二、本通知自2026年3月1日起施行，有效期至2027年12月31日。",
        "泉州市人力资源和社会保障局　泉州市财政局",
        "2026年2月20日",
        "",
        "文件二",
        "泉州市退役军人事务局　泉州市人力资源和社会保障局",
        "关于促进退役军人就业的若干措施",
        "泉退役军人〔2026〕3号",
        "一、自主就业退役军人首次创办小微企业的，给予一次性创业补贴5000元。",
        "二、本措施自2026年6月1日起实施，有效期至2028年5月31日。",
        "泉州市退役军人事务局　泉州市人力资源和社会保障局",
        "2026年5月20日",
    )
)


def _clauses(text: str) -> list[Clause]:
    return clauses_of(text, province="江苏省", city="扬州市", signed=date(2026, 3, 1))


# --- a poster of short lines ------------------------------------------------------------------------------------


def test_a_poster_of_short_lines_is_read_block_by_block_each_block_one_clause_under_its_heading() -> None:
    clauses = _clauses(POSTER)
    assert [c.text.split("\n")[0] for c in clauses] == ["政策依据", "一次性吸纳就业补贴", "就业见习补贴", "咨询"]
    measure = clauses[1].text
    assert "企业招用离校2年内未就业高校毕业生" in measure and "标准：每人1500元" in measure
    assert [c.label for c in clauses] == ["第一部分", "第二部分", "第三部分", "第四部分"]


def test_prose_with_blank_lines_and_no_numbering_is_still_read_paragraph_by_paragraph() -> None:
    clauses = _clauses(PROSE)
    assert [c.label for c in clauses] == ["第一段", "第二段", "第三段"]


def test_a_posters_heading_is_its_title_and_the_bodies_beside_its_basis_number_its_issuers() -> None:
    facts = examine(POSTER.encode("utf-8"), "yangzhou-tujie.txt").facts
    assert facts.title == "一图读懂｜扬州市2026年就业补贴政策"
    assert facts.issuer == "扬州市人力资源和社会保障局、扬州市财政局"
    assert facts.city == "扬州市"
    assert (facts.effective, facts.valid_until) == (date(2026, 1, 1), date(2026, 12, 31))


# --- a page in traditional characters ---------------------------------------------------------------------------


def test_a_traditional_page_is_matched_in_simplified_and_quoted_as_the_file_writes_it() -> None:
    first = _clauses(TRADITIONAL)[0]
    assert "给予一次性创业补贴5000元" in first.text
    assert first.source_text is not None and len(first.source_text) == len(first.text)
    document = Document(
        id="t-2026", source_file="t.txt", title="测试", short_name="测试", issuer="宜昌市人民政府办公室",
        province="湖北省", city="宜昌市", document_number=None, signed=date(2026, 2, 10), published=None,
        published_note=None, status=DocumentStatus.OFFICIAL, structure=Structure.AUTO,
    )  # fmt: skip
    citation = make_citation(first, document, "给予一次性创业补贴5000元", None)
    assert citation.quote == "給予一次性創業補貼5000元"
    assert citation.quote in citation.text and citation.quote in TRADITIONAL


def test_a_site_menu_line_is_no_part_of_a_title() -> None:
    facts = examine(TRADITIONAL.encode("utf-8"), "yichang-fanti.txt").facts
    assert facts.title == "宜昌市人民政府办公室关于印发宜昌市支持返乡创业若干措施的通知"


# --- a booklet of several documents -----------------------------------------------------------------------------


def test_a_booklet_is_its_compilers_in_force_from_its_first_document_to_its_last() -> None:
    facts = examine(BOOKLET.encode("utf-8"), "quanzhou-huibian.txt").facts
    assert facts.title == "泉州市就业政策汇编（2026年第一辑）"
    assert facts.issuer == "泉州市就业服务中心"
    assert (facts.effective, facts.valid_until) == (date(2026, 3, 1), date(2028, 5, 31))
    assert any("汇编" in problem for problem in facts.problems)


@pytest.mark.parametrize(
    ("opening", "label"),
    [("一、一次性吸纳就业补贴", "文件一一、"), ("一、自主就业退役军人", "文件二一、")],
    ids=["first document", "second document"],
)
def test_each_document_of_a_booklet_is_cited_by_its_own_name(opening: str, label: str) -> None:
    clause = next(c for c in _clauses(BOOKLET) if c.text.startswith(opening))
    assert clause.label == label


@pytest.mark.parametrize("dropped", [" " * 14, "\u3000" * 30])
def test_a_long_run_normalization_dropped_leaves_the_rest_of_the_clause_as_the_file_writes_it(dropped: str) -> None:
    spaced = TRADITIONAL.replace("正常經營6个月", f"正常經營{dropped}6个月")
    first = _clauses(spaced)[0]
    assert "正常经营6个月以上的，给予一次性创业补贴5000元" in first.text
    assert first.source_text is not None and len(first.source_text) == len(first.text)
    assert "正常經營6个月以上的，給予一次性創業補貼5000元" in first.source_text, first.source_text


@pytest.mark.parametrize("quote", ["给予一次性创业补贴5000元", "給予一次性創業補貼5000元"])
def test_a_quote_of_a_traditional_page_is_taken_in_either_form_and_cited_as_the_file_writes_it(quote: str) -> None:
    first = _clauses(TRADITIONAL)[0]
    citation = make_citation(first, _yichang(), quote, None)
    assert citation.quote == "給予一次性創業補貼5000元" and citation.quote in citation.text


def _yichang() -> Document:
    return Document(
        id="t-2026", source_file="t.txt", title="测试", short_name="测试", issuer="宜昌市人民政府办公室",
        province="湖北省", city="宜昌市", document_number=None, signed=date(2026, 2, 10), published=None,
        published_note=None, status=DocumentStatus.OFFICIAL, structure=Structure.AUTO,
    )  # fmt: skip
