"""Session 40 (doc40): forms staff upload (issue 13). An RTF file — what Word and WPS save a 申请表 as — is read:
its `\\'xx` bytes in its code page, its `\\uN?` escapes, its table rows as rows; a form's title is its heading, its
bracketed 印制 line names its issuer, its 填表说明 items are its clauses. A notice's issuing bodies stay apart in its
title whether they stand on lines of their own or run together on the 关于 line. A speech names its speaker's office
in its by-line (or in the speaker's own words) and the day it was given under its title: that office and that day,
never one invented. A sheet's 印发日期 column dates it, a sheet's header rows are no clauses, a window of each year
in which applications pause ends no measure, and a problem about a field staff have corrected is no longer shown.
Documents written for these tests (嘉定, 宁海, 延庆, 鹤壁, 许昌), not the bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.db import open_database
from bot.library import DocumentLibrary, Upload
from knowledge.derive import derive_measures
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.intake import examine, problem_fields
from knowledge.quality import IssueKind
from knowledge.registry import parse_source
from knowledge.rtf import rtf_text


def _rtf_escapes(text: str) -> str:
    """Chinese as Word writes it in RTF: each character as \\uN? (signed 16-bit), ASCII as itself."""
    out = []
    for ch in text:
        code = ord(ch)
        out.append(ch if code < 128 else f"\\u{code - 65536 if code > 32767 else code}?")
    return "".join(out)


def _gbk_escapes(text: str) -> str:
    """Chinese as older RTF writers spell it: the GBK bytes, each as \\'xx."""
    return "".join(ch if ord(ch) < 128 else "".join(f"\\'{b:02x}" for b in ch.encode("gbk")) for ch in text)


def _row(*cells: str) -> str:
    widths = "".join(f"\\cellx{1800 * (i + 1)}" for i in range(len(cells)))
    body = "".join(f"\\pard\\intbl {_rtf_escapes(cell)}\\cell " for cell in cells)
    return f"\\trowd\\trgaph108{widths}\n{body}\\row\n"


FORM_LINES = [
    "嘉定区创业补贴申请表",
    "（嘉定区人力资源和社会保障局印制　2026年5月版）",
]
FORM_NOTES = [
    "填表说明",
    "1.申请对象。本表适用于在本区首次创业、正常经营满6个月的创业组织。",
    "2.补贴标准。符合条件的创业组织给予一次性创业补贴6000元。",
    "3.带动就业补贴。创业组织吸纳本区户籍劳动者就业并缴纳社会保险费满6个月的，按每人2000元给予带动就业补贴。",
    "4.申报材料。申请人身份证、营业执照副本复印件、社会保险缴费明细。",
    "5.审核拨付。公示无异议后15个工作日内将补贴资金拨付至收款账户。",
]
FORM = (
    "{\\rtf1\\ansi\\ansicpg936\\uc1\\deff0"
    "{\\fonttbl{\\f0\\fnil\\fcharset134 " + _gbk_escapes("宋体") + ";}}"
    "{\\info{\\title "
    + _rtf_escapes(FORM_LINES[0])
    + "}}\n"
    + "".join(f"\\pard\\plain\\f0 {_rtf_escapes(line)}\\par\n" for line in FORM_LINES)
    + _row("申请人姓名", "________", "性别", "□男 □女")
    + _row("申请日期", "____年____月____日")
    + "\\pard\\plain\\f0 "
    + _gbk_escapes(FORM_NOTES[0])
    + "\\par\n"
    + "".join(f"\\pard\\plain\\f0 {_rtf_escapes(line)}\\par\n" for line in FORM_NOTES[1:])
    + "}"
)


def test_an_rtf_forms_escapes_and_code_page_bytes_read_as_its_text_and_its_table_as_rows() -> None:
    text = rtf_text(FORM.encode("ascii"), "form.rtf")
    lines = text.splitlines()
    assert lines[:2] == FORM_LINES, "\\uN? escapes read, their fallback ? skipped, no font or info text"
    assert "申请人姓名｜性别｜□男 □女" in lines, "a row's cells joined by ｜, blanks to fill in dropped"
    assert "填表说明" in lines, "\\'xx bytes decoded together in the \\ansicpg code page (GBK)"
    assert "宋体" not in text, "the font table is no text"


def test_an_rtf_in_a_western_code_page_reads_its_accents_and_unicode() -> None:
    data = b"{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\f0 Caf\\'e9 \\u8220?ok\\u8221?\\par}"
    assert rtf_text(data, "note.rtf") == "Café “ok”"


def test_an_rtf_form_is_titled_by_its_heading_issued_by_its_imprint_and_its_notes_are_clauses() -> None:
    facts = examine(FORM.encode("ascii"), "jiading-form.rtf").facts
    assert facts.title == "嘉定区创业补贴申请表"
    assert facts.issuer == "嘉定区人力资源和社会保障局"
    assert facts.county == "嘉定区"
    document = Document(
        id="jiading-form",
        source_file="jiading-form.rtf",
        title=facts.title,
        short_name=facts.title,
        issuer=facts.issuer,
        province=facts.province or "",
        city=facts.city,
        county=facts.county,
        document_number=None,
        signed=date(2026, 5, 1),
        published=None,
        published_note=None,
        status=DocumentStatus.OFFICIAL,
        structure=Structure.AUTO,
    )
    parsed = parse_source(document, examine(FORM.encode("ascii"), "jiading-form.rtf").text)
    texts = [clause.text for clause in parsed.clauses]
    assert len(texts) == 5 and texts[1].startswith("2.补贴标准") and "6000元" in texts[1]
    kinds = {issue.kind for issue in parsed.quality.issues}
    assert IssueKind.ROSTER_LEFT_OUT not in kinds, "a form's 申请人姓名 line lists nobody: no roster was left out"


NOTICE_HEAD = "各乡镇人民政府、街道办事处，县直各有关单位：\n现将有关事项通知如下。\n"
NOTICE_BODY = (
    "一、一次性创业补贴。首次创业并正常经营满6个月的，按每户5000元给予一次性创业补贴。\n"
    "二、本通知自2026年3月1日起执行。\n"
    "宁海县人力资源和社会保障局　　宁海县财政局\n"
    "2026年2月20日\n"
)


@pytest.mark.parametrize(
    "title_block",
    [
        "宁海县人力资源和社会保障局\n宁海县财政局\n关于做好2026年创业补贴发放工作的通知\n宁人社发〔2026〕2号\n",
        "宁海县人力资源和社会保障局宁海县财政局关于做好2026年创业补贴发放工作的通知\n宁人社发〔2026〕2号\n",
    ],
    ids=["bodies-on-their-own-lines", "bodies-run-together-on-the-about-line"],
)
def test_a_joint_notices_bodies_stay_apart_in_its_title_wherever_they_stand(title_block: str) -> None:
    facts = examine((title_block + NOTICE_HEAD + NOTICE_BODY).encode("gbk"), "ninghai.txt").facts
    assert facts.title == "宁海县人力资源和社会保障局 宁海县财政局关于做好2026年创业补贴发放工作的通知"
    assert facts.issuer == "宁海县人力资源和社会保障局、宁海县财政局"


SPEECH = (
    "在八达岭镇就业政策宣讲会上的讲话\n"
    "{byline}\n"
    "{dateline}\n"
    "\n"
    "{opening}同志们好！今天跟大家讲讲区里的就业创业政策。\n"
    "\n"
    "先说创业。首次创业、正常经营满1年的，给一次性创业补贴8000元。\n"
    "\n"
    "再说见习。离校2年内未就业的高校毕业生去见习，每个月有2400元的见习补贴，见习期3到12个月。\n"
    "\n"
    "还有社保补贴。就业困难人员灵活就业后自己交了社会保险，按实际缴费的三分之二给予社会保险补贴，最长3年。\n"
    "\n"
    "最后说申请。个人到镇社会保障事务所申请，单位到区公共就业服务中心申请。\n"
)


def test_a_speech_is_issued_by_the_office_its_byline_names_and_dated_by_its_dateline() -> None:
    text = SPEECH.format(
        byline="延庆区人力资源和社会保障局局长　王建国", dateline="（2026年10月9日，根据录音整理）", opening=""
    )
    facts = examine(text.encode(), "yanqing-speech.txt").facts
    assert facts.issuer == "延庆区人力资源和社会保障局"
    assert facts.signed == date(2026, 10, 9)
    assert facts.county == "延庆区"
    assert any("请核对" in problem for problem in facts.problems), "staff are asked to check a told issuer"


def test_a_speech_whose_speaker_names_their_office_in_the_opening_is_issued_by_that_office() -> None:
    text = SPEECH.format(byline="王建国", dateline="2026年10月9日", opening="我是延庆区人力资源和社会保障局局长。")
    facts = examine(text.encode(), "yanqing-speech.txt").facts
    assert facts.issuer == "延庆区人力资源和社会保障局"
    assert facts.signed == date(2026, 10, 9)


def test_a_speech_that_names_no_office_and_no_day_is_held_never_given_an_invented_one() -> None:
    opening = "延庆区人力资源和社会保障局今年出台了新的措施。"  # a body the prose names, not the speaker's office
    text = SPEECH.format(byline="王建国", dateline="", opening=opening)
    facts = examine(text.encode(), "yanqing-speech.txt").facts
    assert facts.issuer is None and facts.signed is None
    assert "未找到发文机关" in facts.problems and "未找到落款日期" in facts.problems


def test_a_dateline_under_a_notices_title_is_no_speech_date() -> None:
    """Only a speech is dated by the line under its title: a notice with no 落款 date stays undated for staff."""
    text = (
        "延庆区人力资源和社会保障局关于就业见习的通知\n（2026年10月9日）\n各镇人民政府、街道办事处，各有关单位：\n"
        "一、见习单位吸纳离校2年内未就业高校毕业生参加见习的，按每人每月2400元给予就业见习补贴。\n"
        "二、就业困难人员灵活就业后缴纳社会保险费的，按实际缴费的三分之二给予社会保险补贴。\n"
    )
    assert examine(text.encode(), "notice.txt").facts.signed is None


SHEET = (
    "鹤壁市2026年就业创业补贴标准表,,,,\n"
    "发文机关：鹤壁市人力资源和社会保障局,,,,\n"
    "补贴项目,补贴对象,补贴标准,申请条件,印发日期\n"
    "一次性创业补贴,首次创业人员,每户5000元,正常经营6个月以上,{first}\n"
    "就业见习补贴,见习单位,每人每月1800元,吸纳未就业高校毕业生见习,2026年3月10日\n"
)
RECORD_SHEET = (
    "文件名称,发文机关,文号,印发日期\n"
    "许昌市就业创业补贴政策清单（2026年版）,许昌市人力资源和社会保障局,许人社〔2026〕4号,2026年4月2日\n"
    "补贴项目,补贴对象,补贴标准,申请条件\n"
    "一次性创业补贴,首次创业的高校毕业生,每户5000元,正常经营6个月以上\n"
    "就业见习补贴,见习单位,每人每月1800元,吸纳离校2年内未就业高校毕业生见习\n"
)


def test_a_sheets_issue_date_column_dates_it_when_every_row_gives_the_same_day() -> None:
    facts = examine(SHEET.format(first="2026年3月10日").encode(), "hebi.csv").facts
    assert facts.signed == date(2026, 3, 10)
    assert "未找到落款日期" not in facts.problems


def test_a_sheet_whose_rows_give_different_issue_days_is_not_dated_by_any_of_them() -> None:
    facts = examine(SHEET.format(first="2025年6月1日").encode(), "hebi.csv").facts
    assert facts.signed is None and "未找到落款日期" in facts.problems


def test_a_sheets_record_of_itself_names_its_title_issuer_number_and_day() -> None:
    facts = examine(RECORD_SHEET.encode(), "xuchang.csv").facts
    assert facts.title == "许昌市就业创业补贴政策清单（2026年版）"
    assert facts.issuer == "许昌市人力资源和社会保障局"
    assert facts.document_number == "许人社〔2026〕4号"
    assert facts.signed == date(2026, 4, 2)


@pytest.fixture
def library(tmp_path: Path) -> DocumentLibrary:
    return DocumentLibrary(open_database(f"sqlite:///{tmp_path / 'policybot.sqlite3'}"))


def test_a_sheets_header_rows_and_its_record_of_itself_are_no_clauses(library: DocumentLibrary) -> None:
    (view,) = library.add([Upload(RECORD_SHEET.encode(), "xuchang.csv")], "t")
    texts = [clause.text for clause in library.parsed(view.id).clauses]
    assert len(texts) == 2
    assert texts[0].startswith("一次性创业补贴｜") and texts[1].startswith("就业见习补贴｜")


def test_a_sheets_header_row_is_no_title() -> None:
    rows = RECORD_SHEET.split("\n", 2)[2]
    facts = examine(rows.encode(), "rows.csv").facts
    assert facts.title is None and "未找到标题" in facts.problems


def test_a_problem_about_a_field_staff_corrected_is_no_longer_shown(library: DocumentLibrary) -> None:
    (view,) = library.add([Upload(SHEET.format(first="2025年6月1日").encode(), "hebi.csv")], "t")
    assert "未找到落款日期" in view.problems
    edited, changed = library.edit(view.id, "tester", {"signed": "2026-03-10"})
    assert changed == ["signed"]
    assert "未找到落款日期" not in edited.problems
    assert "未找到落款日期" not in library.get(view.id).problems


@pytest.mark.parametrize(
    ("problem", "fields"),
    [
        ("未找到落款日期，暂以施行日期代替，请核对", {"signed"}),
        ("未找到落款，发文机关按正文所述判断为延庆区人力资源和社会保障局，请核对", {"issuer"}),
        ("发文机关未写明地区，适用地区按标题判断为延庆区，请核对", {"province", "city", "county"}),
        ("未找到公文标题，暂以文首的标题行“嘉定区创业补贴申请表”作标题，请核对", {"title"}),
    ],
    ids=["date", "issuer", "place", "title"],
)
def test_each_problem_line_is_about_the_field_it_names(problem: str, fields: set[str]) -> None:
    assert problem_fields(problem) == fields


def test_applications_paused_in_a_window_of_each_year_end_no_measure() -> None:
    text = (
        "许昌市就业补贴申请须知\n"
        "1.补贴标准。首次创业的，给予一次性创业补贴5000元。\n"
        "2.受理时间。一次性创业补贴全年受理，每年12月20日至12月31日年度结算期间暂停受理。\n"
        "许昌市人力资源和社会保障局\n"
        "2026年3月1日\n"
    )
    document = Document(
        id="xuchang-notes",
        source_file="x.txt",
        title="许昌市就业补贴申请须知",
        short_name="许昌市就业补贴申请须知",
        issuer="许昌市人力资源和社会保障局",
        province="河南省",
        city="许昌市",
        county=None,
        document_number=None,
        signed=date(2026, 3, 1),
        published=None,
        published_note=None,
        status=DocumentStatus.OFFICIAL,
        structure=Structure.AUTO,
    )
    measures = derive_measures(document.id, parse_source(document, text).clauses)
    assert measures and not any(measure.ended for measure in measures)
