"""Session 37 (next38x, issue 13): an Excel workbook (.xlsx) is taken in as a CSV export's table is. Cities publish
their 补贴标准一览表 for download as a workbook — a title row merged across the columns, a header row, one row per
measure, footnote rows (有效期, 解释单位). Workbooks written for these tests (眉山, 荆门, 湛江 — not a bench's cities),
built with zipfile (`tests/knowledge/workbooks.py`): shared and inline strings, merged cells, several sheets, a
hidden one, numbers whose unit is in the header, shares and dates by their number format. An .xls, a workbook
with a password, a broken one and one with no table are refused in Chinese, nothing stored."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.db import open_database
from bot.library import DocumentLibrary, LibraryError, Upload
from bot.present.documents import error_text
from knowledge.filetext import read_file
from knowledge.intake import IntakeError, examine
from tests.knowledge.test_documents_session18 import run_cli
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.workbooks import SHARE_STYLE, Sheet, encrypted_workbook, legacy_excel, workbook

HEADER: list[str | int | float | date | None] = [
    "序号",
    "补贴项目",
    "补贴对象",
    "补贴标准",
    "申请条件",
    "经办部门",
    "政策依据",
]

# One sheet as a 人社局 publishes it: the title merged over the columns, a row per measure, two footnote rows.
MEISHAN = Sheet(
    "补贴标准",
    [
        ["眉山市2026年度就业创业补贴标准一览表"],
        HEADER,
        [1, "一次性创业补贴", "首次创办小微企业的高校毕业生、返乡创业农民工", "每户6500元",
         "正常经营6个月以上并按规定缴纳社会保险费", "创业实体注册地县（区）人力资源和社会保障局",
         "眉人社规〔2026〕2号"],
        [2, "就业见习补贴", "吸纳离校2年内未就业高校毕业生见习的单位", "每人每月1650元",
         "见习期最长12个月，为见习人员购买人身意外伤害保险", "眉山市就业服务管理局", "眉人社规〔2026〕2号"],
        [3, "一次性吸纳就业补贴", "招用登记失业半年以上人员的企业", "每人1200元",
         "签订1年以上劳动合同并缴纳社会保险费满3个月", "企业参保地县（区）就业服务机构", "眉人社规〔2026〕2号"],
        [4, "灵活就业社会保险补贴", "以灵活就业方式就业的就业困难人员", "按实际缴纳基本养老保险费的三分之二给予补贴",
         "补贴期限最长3年", "户籍所在地乡镇（街道）劳动保障所", "眉人社规〔2026〕2号"],
        ["注：本表自2026年3月1日起执行，有效期至2027年12月31日。"],
        ["解释单位：眉山市人力资源和社会保障局"],
    ],
    merged=["A1:G1", "A7:G7", "A8:G8"],
)  # fmt: skip

# Two sheets and a hidden one: amounts as numbers under 补贴标准（元）, shares as 60% by their format, a 补贴项目
# merged down the two rows of its tiers, the issuer and the day in the footnote of the last sheet.
JINGMEN = [
    Sheet(
        "创业类",
        [
            ["荆门市2026年创业就业扶持政策补贴标准表"],
            ["序号", "补贴项目", "补贴对象", "补贴标准（元）", "申请条件", "经办部门"],
            [1, "一次性创业补贴", "创办小微企业的重点群体", 5000, "首次创业并正常经营1年以上", "荆门市就业服务中心"],
            [
                2,
                "一次性创业补贴",
                "从事个体经营的重点群体",
                2000,
                "首次领取营业执照并正常经营1年以上",
                "荆门市就业服务中心",
            ],
        ],
        merged=["A1:F1"],
    ),
    Sheet(
        "就业类",
        [
            ["序号", "补贴项目", "补贴对象", "返还比例", "申请条件", "经办部门"],
            [1, "稳岗返还", "中小微企业", 0.6, "上年度未裁员或裁员率不高于5.5%", "荆门市社会保险中心"],
            [2, None, "大型企业", 0.3, "上年度未裁员或裁员率不高于5.5%", "荆门市社会保险中心"],
            ["注：1.本表由荆门市人力资源和社会保障局负责解释。"],
            ["2.制表日期：2026年2月20日"],
        ],
        merged=["B2:B3", "A4:F4", "A5:F5"],
        styles={"D2": SHARE_STYLE, "D3": SHARE_STYLE},
    ),
    Sheet("核对", [["内部核对用", "勿公开"]], hidden=True),
]

# Written by an exporter: inline strings, no title row (the file's own title says what it is), no issuer.
ZHANJIANG = Sheet(
    "Sheet1",
    [
        ["补贴项目", "补贴对象", "补贴标准", "申请条件", "有效期"],
        ["就业见习补贴", "吸纳湛江籍高校毕业生见习的单位", "每人每月1550元", "见习期3至12个月，按月发放生活补助",
         date(2026, 12, 31)],
        ["一次性扩岗补助", "招用16—24岁登记失业青年的企业", "每人1000元", "签订劳动合同并缴纳失业保险费满1个月",
         date(2026, 12, 31)],
        ["以工代训补贴", "吸纳脱贫劳动力以工代训的中小微企业", "每人每月500元", "补贴期限最长6个月",
         date(2026, 12, 31)],
        ["求职创业补贴", "毕业年度内有就业创业意愿的困难家庭高校毕业生", "每人2000元", "在校期间一次性申领",
         date(2026, 12, 31)],
    ],
)  # fmt: skip


def _meishan() -> bytes:
    return workbook([MEISHAN])


# --- reading ------------------------------------------------------------------------------------


def test_a_workbook_reads_as_a_csv_tables_rows_under_its_merged_title() -> None:
    lines = read_file(_meishan(), "meishan.xlsx").splitlines()
    assert lines[0] == "眉山市2026年度就业创业补贴标准一览表"
    assert lines[1] == "序号｜补贴项目｜补贴对象｜补贴标准｜申请条件｜经办部门｜政策依据"
    assert lines[3].startswith("2｜就业见习补贴｜吸纳离校2年内未就业高校毕业生见习的单位｜每人每月1650元｜")
    assert lines[-1] == "解释单位：眉山市人力资源和社会保障局"


def test_a_workbooks_numbers_carry_their_headers_unit_shares_their_format_and_a_merged_item_each_row() -> None:
    lines = read_file(workbook(JINGMEN), "jingmen.xlsx").splitlines()
    assert "1｜一次性创业补贴｜创办小微企业的重点群体｜5000元｜首次创业并正常经营1年以上｜荆门市就业服务中心" in lines
    assert "1｜稳岗返还｜中小微企业｜60%｜上年度未裁员或裁员率不高于5.5%｜荆门市社会保险中心" in lines
    assert "2｜稳岗返还｜大型企业｜30%｜上年度未裁员或裁员率不高于5.5%｜荆门市社会保险中心" in lines
    assert not any("勿公开" in line for line in lines)  # a hidden sheet is no part of what is published


def test_a_sheets_unit_row_gives_its_unit_to_the_amounts_not_to_the_row_numbers() -> None:
    sheet = Sheet(
        "一览表",
        [
            ["眉山市2026年就业补贴标准表"],
            ["单位：元"],
            ["序号", "补贴项目", "补贴标准", "补贴期限（月）"],
            [1, "就业见习补贴", 1650, 12],
            [2, "一次性吸纳就业补贴", 1200, None],
        ],
        merged=["A1:D1", "A2:D2"],
    )
    lines = read_file(workbook([sheet]), "biao.xlsx").splitlines()
    assert "1｜就业见习补贴｜1650元｜12个月" in lines and "2｜一次性吸纳就业补贴｜1200元" in lines


def test_inline_strings_and_dates_are_read_and_the_files_own_title_heads_a_sheet_with_none() -> None:
    data = workbook([ZHANJIANG], inline=True, title="湛江市2026年稳岗就业补贴清单")
    lines = read_file(data, "zhanjiang.xlsx").splitlines()
    assert lines[0] == "湛江市2026年稳岗就业补贴清单"
    assert (
        "一次性扩岗补助｜招用16—24岁登记失业青年的企业｜每人1000元｜签订劳动合同并缴纳失业保险费满1个月｜2026年12月31日"
        in lines
    )


def test_a_sheet_saved_as_a_page_under_an_xls_name_is_read_as_the_page_it_is() -> None:
    cells = "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in MEISHAN.rows[1:6] if len(row) > 1
    )
    page = (
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table>'
        f'<tr><td colspan="7">{MEISHAN.rows[0][0]}</td></tr>{cells}</table></body></html>'
    )
    lines = read_file(page.encode("utf-8"), "补贴标准.xls").splitlines()
    assert lines[0] == "眉山市2026年度就业创业补贴标准一览表"
    assert any(line.startswith("2｜就业见习补贴｜") and "每人每月1650元" in line for line in lines), lines


def test_a_workbooks_facts_come_from_its_title_row_and_its_footnote_rows() -> None:
    facts = examine(_meishan(), "meishan.xlsx").facts
    assert facts.title == "眉山市2026年度就业创业补贴标准一览表"
    assert (facts.issuer, facts.city, facts.place_source) == ("眉山市人力资源和社会保障局", "眉山市", "issuer")
    assert (facts.effective, facts.valid_until) == (date(2026, 3, 1), date(2027, 12, 31))
    assert facts.document_number is None  # the rows' 政策依据 is no number of the table's own
    jingmen = examine(workbook(JINGMEN), "jingmen.xlsx").facts
    assert (jingmen.issuer, jingmen.signed) == ("荆门市人力资源和社会保障局", date(2026, 2, 20))
    assert jingmen.title == "荆门市2026年创业就业扶持政策补贴标准表"


def test_a_workbook_that_is_no_policy_is_refused_though_its_columns_hold_a_department() -> None:
    roster = Sheet(
        "通讯录",
        [["眉山市人力资源和社会保障局通讯录"], ["姓名", "部门", "职务", "办公电话"]]
        + [[f"工作人员{n}", "办公室", "科员", f"028-3888{n:04d}"] for n in range(12)],
        merged=["A1:D1"],
    )
    with pytest.raises(IntakeError) as caught:
        examine(workbook([roster]), "通讯录.xlsx")
    assert caught.value.code == "not_a_policy"


# --- refused politely ------------------------------------------------------------------------------


def _broken_sheet() -> bytes:
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(_meishan()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            part = source.read(name)
            archive.writestr(name, part[: len(part) // 2] if name == "xl/worksheets/sheet1.xml" else part)
    return buffer.getvalue()


REFUSED = [
    ("legacy", legacy_excel(), "补贴标准.xls", "legacy_excel", "另存为” .xlsx"),
    ("password", encrypted_workbook(), "补贴标准.xlsx", "encrypted_workbook", "设置了打开密码"),
    ("truncated", _meishan()[:900], "补贴标准.xlsx", "corrupt_workbook", "已损坏或不完整"),
    ("broken-xml", _broken_sheet(), "补贴标准.xlsx", "corrupt_workbook", "已损坏或不完整"),
    ("no-table", workbook([Sheet("Sheet1", [["眉山市就业补贴"]]), Sheet("Sheet2", [])]), "空表.xlsx", "no_table",
     "没有找到表格内容"),
]  # fmt: skip


def test_a_workbook_whose_sheet_inflates_past_the_bound_is_refused_as_a_bomb() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in zipfile.ZipFile(io.BytesIO(_meishan())).namelist():
            archive.writestr(name, zipfile.ZipFile(io.BytesIO(_meishan())).read(name))
        archive.writestr("xl/worksheets/sheet2.xml", b" " * (80 * 1024 * 1024))
    with pytest.raises(IntakeError) as caught:
        read_file(buffer.getvalue(), "补贴标准.xlsx")
    assert caught.value.code == "archive_bomb"


@pytest.mark.parametrize(("data", "name", "code", "said"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_an_old_locked_broken_or_empty_workbook_is_refused_in_chinese(
    data: bytes, name: str, code: str, said: str
) -> None:
    with pytest.raises(IntakeError) as caught:
        examine(data, name)
    assert caught.value.code == code


@pytest.mark.parametrize(("data", "name", "code", "said"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_the_console_upload_of_a_refused_workbook_stores_nothing_and_says_why(
    tmp_path: Path, data: bytes, name: str, code: str, said: str
) -> None:
    """The console's upload path (`DocumentLibrary.add`, all or none): a good workbook beside a refused one is not
    stored either, and the message names the file and says nothing changed."""
    library = DocumentLibrary(open_database(f"sqlite:///{tmp_path / 'policybot.sqlite3'}"))
    library.ensure_seeds()
    before = len(library.documents())
    with pytest.raises(LibraryError) as caught:
        library.add([Upload(_meishan(), "眉山补贴标准.xlsx"), Upload(data, name)], "tester")
    message = error_text(caught.value)
    assert name in message and said in message and "没有任何改动" in message, message
    assert len(library.documents()) == before


def test_the_console_upload_of_a_workbook_stores_one_clause_per_row_and_publishes_it(tmp_path: Path) -> None:
    library = DocumentLibrary(open_database(f"sqlite:///{tmp_path / 'policybot.sqlite3'}"))
    data = _meishan()
    (view,) = library.add([Upload(data, "眉山补贴标准.xlsx")], "tester", publish=True)
    assert view.document.title == "眉山市2026年度就业创业补贴标准一览表"
    assert view.document.issuer == "眉山市人力资源和社会保障局"
    assert view.state == "published"
    clauses = library.parsed(view.id).clauses
    # a clause per row of the table, its footnotes one more (表后说明: the term and who answers for it)
    assert [clause.label for clause in clauses] == ["第1项", "第2项", "第3项", "第4项", "表后说明"]
    assert "每人每月1650元" in clauses[1].text and "6500元" not in clauses[1].text
    name, _media, original = library.original(view.id)
    assert name == "眉山补贴标准.xlsx" and original == data  # the workbook itself is kept beside its text


# --- through `policybot documents add` and `ask` ---------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("next38x")
    files = []
    for name, data in (
        ("meishan-2026-biao.xlsx", _meishan()),
        ("jingmen-2026-biao.xlsx", workbook(JINGMEN)),
        ("zhanjiang-2026-qingdan.xlsx", workbook([ZHANJIANG], inline=True, title="湛江市2026年稳岗就业补贴清单")),
    ):
        (data_dir / name).write_bytes(data)
        files.append(str(data_dir / name))
    added = run_cli(["documents", "add", *files, "--publish"], data_dir)
    assert added.returncode == 0, added.stderr
    said = added.stdout + added.stderr
    # 眉山 and 荆门 say whose they are; 湛江's names no issuer: held, saying what staff fill in
    assert said.count("，已发布。") == 2 and said.count("，待审核。") == 1, said
    assert "缺少发文机关" in said and "policybot documents edit zhanjiang-2026-qingdan" in said, said
    return data_dir


def test_added_workbooks_are_listed_with_their_facts_and_a_clause_per_row(published: Path) -> None:
    listed = run_cli(["documents", "list", "--json"], published)
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    meishan = rows["meishan-2026-biao"]
    assert (meishan["state"], meishan["jurisdiction"], meishan["clauses"]) == ("published", "眉山市", 5)
    jingmen = rows["jingmen-2026-biao"]
    assert (jingmen["state"], jingmen["jurisdiction"], jingmen["clauses"]) == ("published", "荆门市", 5)
    assert (rows["zhanjiang-2026-qingdan"]["state"], rows["zhanjiang-2026-qingdan"]["title"]) == (
        "draft-review",
        "湛江市2026年稳岗就业补贴清单",
    )


# (region, question, figures the first line shows, figures it must not show — another row's)
ASKED = [
    ("眉山", "眉山见习补贴一个月给多少", ["1650元"], ["6500元", "1200元"]),
    ("眉山", "眉山招了个失业半年的人，一次性吸纳就业补贴多少", ["1200元"], ["1650元", "6500元"]),
    ("荆门", "荆门开个体户一次性创业补贴多少钱", ["2000元"], ["5000元"]),
]


@pytest.mark.parametrize("region, question, shown, hidden", ASKED, ids=[q for _, q, *_ in ASKED])
def test_a_published_workbooks_row_answers_with_its_own_figure(
    published: Path, region: str, question: str, shown: list[str], hidden: list[str]
) -> None:
    line, _label, quote = _first(_ask(published, region, question))
    assert all(f in line for f in shown) and not any(f in line for f in hidden), (line, quote)
