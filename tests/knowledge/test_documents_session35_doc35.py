"""Session 35 (doc35): forms of documents staff publish whose facts the intake missed (issue 13). An open-data
export names its own fields in its portal's words (数据集名称, 数据提供方, 更新日期): the last word of a key says its
kind. An Excel sheet saved as a page has no 落款: its 填报单位 cell names the body whose table it is. A header cell
as wide as several columns (colspan) takes them all, so a cell spanning rows from above lands at its own column.
A reply letter's report of what was paid out in all (全市共发放…2380万元) is no measure's figure, and an everyday
name of a benefit (失业金) finds the unit named by its formal name (失业保险金). Documents written for these tests
(遂宁), not the bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.present.intake import refusal
from knowledge.derive import derive_measures
from knowledge.intake import IntakeError, examine
from knowledge.measures import Measure
from tests.knowledge.asking import ask_json, clauses_of
from tests.knowledge.test_documents_session18 import published_texts, run_cli

DATA = Path(__file__).resolve().parent / "data" / "documents35doc"
EXPORT = DATA / "suining-2026-kaifang.json"
SHEET = DATA / "suining-2026-biaoge.html"


def test_a_json_exports_title_issuer_and_date_are_its_fields_named_by_their_last_word() -> None:
    facts = examine(EXPORT.read_bytes(), EXPORT.name).facts
    assert facts.title == "遂宁市就业创业补贴事项清单"
    assert facts.issuer == "遂宁市人力资源和社会保障局"
    assert (facts.city, facts.signed) == ("遂宁市", date(2026, 5, 8))


def test_a_sheet_saved_as_a_page_is_issued_by_the_body_its_filling_in_cell_names() -> None:
    facts = examine(SHEET.read_bytes(), SHEET.name).facts
    assert facts.title == "遂宁市2026年就业补贴标准明细表"
    assert facts.issuer == "遂宁市就业服务中心"
    assert facts.city == "遂宁市"


def test_a_header_cell_spanning_rows_lands_at_its_column_beside_a_cell_spanning_columns() -> None:
    lines = examine(SHEET.read_bytes(), SHEET.name).text.splitlines()
    assert "序号｜项目｜标准｜条件｜经办机构" in lines


def test_an_export_and_a_sheet_are_published_at_once_and_answered(tmp_path: Path) -> None:
    added = run_cli(["documents", "add", str(EXPORT), str(SHEET), "--publish"], tmp_path)
    assert added.returncode == 0, added.stderr
    assert "待审核" not in added.stdout, added.stdout
    asked = run_cli(["ask", "--region", "遂宁市", "遂宁见习补贴一个月多少"], tmp_path)
    assert "1500元" in asked.stdout.splitlines()[0], asked.stdout


# Every form the reader takes (knowledge/filetext.read_file), as a file of that form is named.
READ_FORMS = [("政策.txt", ".txt"), ("政策.md", ".md"), ("政策.html", ".html"), ("政策.docx", ".docx"),
              ("政策.pdf", "PDF"), ("政策.csv", ".csv"), ("政策.tsv", ".tsv"), ("政策.json", ".json")]  # fmt: skip


@pytest.mark.parametrize(("name", "named"), READ_FORMS, ids=[name for name, _ in READ_FORMS])
def test_the_refusal_of_an_unsupported_file_names_every_form_that_is_read(name: str, named: str) -> None:
    message = refusal(IntakeError("unsupported_type", "政策.xls"), max_bytes=10 * 1024 * 1024)
    assert named in message


# A reply letter (答复函) written for these tests: its measures in running prose among reports of the work done.
REPLY = """遂宁市人力资源和社会保障局
遂人社建复〔2026〕12号

关于对市八届人大三次会议第0088号建议的答复

李明代表：
　　您提出的《关于加大创业扶持力度的建议》收悉。现答复如下：

　　一、关于创业补贴
　　目前，我市对首次创办小微企业的高校毕业生给予一次性创业补贴6000元。2025年，全市共发放一次性创业补贴2380万元，惠及创业者3960人。

　　二、关于失业人员基本生活保障
　　我市失业保险金标准按最低工资标准的90%确定，目前为每人每月1890元。领取失业保险金期满仍未就业且距法定退休年龄不足1年的，可继续发放至法定退休年龄。

　　再次感谢您对人社工作的关心和支持。

遂宁市人力资源和社会保障局
2026年6月10日
"""


@pytest.fixture(scope="module")
def reply_units() -> tuple[Measure, ...]:
    clauses = clauses_of(
        REPLY, province="四川省", city="遂宁市", signed=date(2026, 6, 10), document_id="suining-2026-dafu"
    )
    return derive_measures("suining-2026-dafu", clauses)


def test_a_sum_paid_out_in_all_is_a_report_and_no_measures_figure(reply_units: tuple[Measure, ...]) -> None:
    assert not any("2380万元" in a.text for m in reply_units for a in m.amounts), [
        (m.name, [a.text for a in m.amounts]) for m in reply_units
    ]


def test_the_grant_beside_a_reported_total_is_still_a_measure(reply_units: tuple[Measure, ...]) -> None:
    assert any("6000元" in [a.text for a in m.amounts] for m in reply_units)


@pytest.fixture(scope="module")
def reply_published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(tmp_path_factory.mktemp("doc35"), (("suining-2026-dafu.txt", REPLY),))


# [question, figures the first line shows, figures it must not show]
ASKED = [
    ("遂宁失业金一个月多少钱", ["1890元"], []),
    ("遂宁一次性创业补贴多少", ["6000元"], ["2380万元"]),
]


def test_an_everyday_name_of_a_benefit_finds_the_unit_its_formal_name_holds(reply_published: Path) -> None:
    answers = ask_json(reply_published, "遂宁", [q for q, _, _ in ASKED], "2026-08-01")
    for (question, shown, hidden), answer in zip(ASKED, answers, strict=True):
        first = str(answer["direct_answer"] or "")
        assert all(f in first for f in shown) and not any(f in first for f in hidden), (question, first)
