"""Session 35 (doc35): forms of documents staff publish whose facts the intake missed (issue 13). An open-data
export names its own fields in its portal's words (数据集名称, 数据提供方, 更新日期): the last word of a key says its
kind. An Excel sheet saved as a page has no 落款: its 填报单位 cell names the body whose table it is. A header cell
as wide as several columns (colspan) takes them all, so a cell spanning rows from above lands at its own column.
Documents written for these tests (遂宁), not the bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.present.intake import refusal
from knowledge.intake import IntakeError, examine
from tests.knowledge.test_documents_session18 import run_cli

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
