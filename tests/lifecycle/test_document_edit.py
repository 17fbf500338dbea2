"""Staff correct the extracted metadata before publishing (issue 13, item 2): title, issuer, 文号,
jurisdiction (resolved through the division table; an unknown place is refused politely), dates
and the draft flag — in the library, in the console over HTTP (real SQLite and PostgreSQL: login,
CSRF, audit) and with `policybot documents edit` (a real subprocess on a real SQLite file)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.db import open_database
from bot.library import DocumentLibrary, LibraryError, Upload
from bot.present.documents import error_text
from bot.web.services import WebServices
from tests.lifecycle.test_documents_cli import run
from tests.web.conftest import make_services

DATA = Path(__file__).with_name("data")


def add_in_review(library: DocumentLibrary) -> str:
    (view,) = library.add([Upload((DATA / "changchun_trainee_2025.txt").read_bytes(), "cc.txt")], "t")
    return view.id


@pytest.fixture
def library(tmp_path: Path) -> DocumentLibrary:
    return DocumentLibrary(open_database(f"sqlite:///{tmp_path / 'policybot.sqlite3'}"))


def test_every_field_is_corrected_and_the_place_resolved_through_the_division_table(
    library: DocumentLibrary,
) -> None:
    document_id = add_in_review(library)
    changes = {
        "title": "长春市高校毕业生就业见习管理办法",
        "issuer": "长春市人力资源和社会保障局",
        "document_number": "长人社发〔2025〕7号",
        "jurisdiction": "吉林省延吉市",
        "signed": "2025-02-12",
        "effective": "2025-03-01",
        "valid_until": "",
        "draft": "1",
    }
    view, changed = library.edit(document_id, "tester", changes)
    summary = view.summary()
    assert summary["title"] == changes["title"] and summary["issuer"] == changes["issuer"]
    assert summary["document_number"] == "长人社发〔2025〕7号"
    assert (view.document.province, view.document.county) == ("吉林省", "延吉市")
    assert view.document.signed == date(2025, 2, 12) and view.document.effective == date(2025, 3, 1)
    assert view.document.valid_until is None, "an empty optional date clears it"
    assert summary["status"] == "draft" and summary["state"] == "draft-review"
    assert set(changed) >= {"title", "issuer", "document_number", "city", "county", "signed", "status"}
    assert library.parsed(document_id).clauses, "the corrected document still parses"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("jurisdiction", "火星市", "行政区划表中没有找到“火星市”"),
        ("jurisdiction", "四川省长春市", "行政区划表中没有找到“四川省长春市”"),
        ("signed", "2025年2月", "“成文日期”的日期“2025年2月”看不懂"),
        ("valid_until", "2001-01-01", "有效期至（2001-01-01）早于成文日期（2025-02-10）"),
        ("title", "  ", "“标题”不能为空"),
    ],
    ids=["unknown-place", "city-of-another-province", "unreadable-date", "ends-before-signed", "empty-title"],
)
def test_a_wrong_value_is_refused_politely_and_nothing_is_changed(
    library: DocumentLibrary, field: str, value: str, words: str
) -> None:
    document_id = add_in_review(library)
    before = library.get(document_id).summary()
    with pytest.raises(LibraryError) as refused:
        library.edit(document_id, "tester", {"issuer": "另一个机关", field: value})
    assert words in error_text(refused.value)
    assert library.get(document_id).summary() == before


def test_a_published_document_is_not_edited_in_place(library: DocumentLibrary) -> None:
    library.ensure_seeds()
    with pytest.raises(LibraryError) as refused:
        library.edit("jilin-2017", "tester", {"title": "改名"})
    assert "已发布，不能直接修改" in error_text(refused.value)


def test_the_cli_edits_only_what_it_is_given(tmp_path: Path) -> None:
    added = run(["add", str(DATA / "changchun_trainee_2025.txt"), "--json"], tmp_path)
    assert added.returncode == 0, added.stderr
    document_id = json.loads(added.stdout)[0]["id"]
    edited = run(["edit", document_id, "--place", "延吉", "--draft", "--json"], tmp_path)
    assert edited.returncode == 0, edited.stderr
    summary = json.loads(edited.stdout)
    assert summary["jurisdiction"] == "延吉市" and summary["status"] == "draft"
    assert summary["document_number"] == "长府办发〔2025〕3号", "a field not given stays"
    assert "已更新" in edited.stderr and "适用地区" in edited.stderr
    refused = run(["edit", document_id, "--place", "不存在的地方"], tmp_path)
    assert refused.returncode == 1 and "行政区划表中没有找到" in refused.stderr


# -- the console --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def web(kb, databases) -> Iterator[WebServices]:  # type: ignore[no-untyped-def]
    built = make_services(kb, databases.new_url())
    yield built
    built.close()


def form(csrf: str, **changes: str) -> dict[str, str]:
    values = {
        "title": "长春市人民政府办公厅关于印发长春市高校毕业生就业见习管理办法的通知",
        "issuer": "长春市人民政府办公厅",
        "document_number": "长府办发〔2025〕3号",
        "jurisdiction": "吉林省长春市",
        "signed": "2025-02-10",
        "effective": "2025-02-10",
        "valid_until": "2027-12-31",
        "draft": "0",
    }
    return {"csrf": csrf, **values, **changes}


def test_the_console_form_corrects_the_metadata_with_csrf_and_audit(
    staff: tuple[TestClient, str], web: WebServices
) -> None:
    client, csrf = staff
    document_id = add_in_review(DocumentLibrary(web.engine))
    path = f"/staff/library/{document_id}"
    page = client.get(path)
    assert 'name="jurisdiction" value="吉林省长春市"' in page.text, "the form shows what was extracted"

    forged = client.post(f"{path}/edit", data=form("forged", issuer="伪造"), follow_redirects=False)
    assert forged.status_code == 403
    refused = client.post(f"{path}/edit", data=form(csrf, jurisdiction="火星市"), follow_redirects=False)
    assert refused.status_code == 422 and "行政区划表中没有找到“火星市”" in refused.text

    saved = client.post(
        f"{path}/edit", data=form(csrf, document_number="长府办发〔2025〕4号", draft="1"), follow_redirects=False
    )
    assert saved.status_code == 303
    review = client.get(saved.headers["location"])
    metadata = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", review.text))
    assert metadata["文号"] == "长府办发〔2025〕4号" and metadata["性质"] == "征求意见稿"
    assert "已更新" in review.text and "文号" in review.text
    assert "修改文件信息" in client.get("/staff/audit").text

    published = client.post(f"/staff/library/{document_id}/publish", data={"csrf": csrf}, follow_redirects=False)
    assert published.status_code == 303
    assert 'class="edit-metadata"' not in client.get(path).text, "no form once published"


UNDATED_SHEET = (
    "鹤壁市2026年就业创业补贴标准表,,,,\n"
    "发文机关：鹤壁市人力资源和社会保障局,,,,\n"
    "补贴项目,补贴对象,补贴标准,申请条件,印发日期\n"
    "一次性创业补贴,首次创业人员,每户5000元,正常经营6个月以上,2025年6月1日\n"
    "就业见习补贴,见习单位,每人每月1800元,吸纳未就业高校毕业生见习,2026年3月10日\n"
)


def test_the_review_page_drops_the_missing_date_once_staff_have_typed_it(
    staff: tuple[TestClient, str], web: WebServices
) -> None:
    """Session 40: 未找到落款日期 stayed on the review page after staff entered the date."""
    client, csrf = staff
    (view,) = DocumentLibrary(web.engine).add([Upload(UNDATED_SHEET.encode(), "hebi.csv")], "t")
    path = f"/staff/library/{view.id}"
    assert "未找到落款日期" in client.get(path).text
    typed = {
        "title": "鹤壁市2026年就业创业补贴标准表",
        "issuer": "鹤壁市人力资源和社会保障局",
        "jurisdiction": "河南省鹤壁市",
        "signed": "2026-03-10",
    }
    saved = client.post(f"{path}/edit", data=form(csrf, document_number="", valid_until="", **typed))
    assert saved.status_code == 200 and "已更新" in saved.text
    page = client.get(path).text
    assert "未找到落款日期" not in page
    assert 'name="signed" type="date" value="2026-03-10"' in page, "the typed date is the document's"
