"""Session 37 (next38x, issue 13): staff upload a city's 补贴标准一览表 as an Excel workbook in the console — through
the real app over HTTP (login, CSRF, multipart) with a real SQLite file and the real library. The workbook lands
published on its review page, its rows as clauses; an old .xls is refused in Chinese and nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bot.web.app import create_app
from bot.web.services import WebServices
from tests.knowledge.test_documents_session37_next38x import MEISHAN
from tests.knowledge.workbooks import legacy_excel, workbook

from .conftest import login, own_data_services

STAFF = ("市人社局小李", "a long enough password")


@pytest.fixture(scope="module")
def staff(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str, WebServices]]:
    root = tmp_path_factory.mktemp("next38x-web")
    built = own_data_services(root)
    built.accounts.add(*STAFF)
    with TestClient(create_app(built), base_url="http://testserver") as client:
        yield client, login(client, *STAFF), built
    built.close()


def _upload(client: TestClient, csrf: str, name: str, data: bytes) -> tuple[int, str]:
    sent = client.post("/staff/library/upload", data={"csrf": csrf, "publish": "1"}, files=[("files", (name, data))])
    return sent.status_code, sent.text


def test_a_workbook_uploaded_in_the_console_is_published_with_a_clause_per_row(
    staff: tuple[TestClient, str, WebServices],
) -> None:
    client, csrf, _web = staff
    status, page = _upload(client, csrf, "眉山补贴标准.xlsx", workbook([MEISHAN]))
    assert status == 200, page[:1500]
    assert "眉山市2026年度就业创业补贴标准一览表" in page and "已发布" in page, page[:1500]
    assert "眉山市人力资源和社会保障局" in page
    assert "2｜就业见习补贴｜吸纳离校2年内未就业高校毕业生见习的单位｜每人每月1650元" in page


def test_an_old_xls_uploaded_in_the_console_is_refused_in_chinese_and_nothing_is_stored(
    staff: tuple[TestClient, str, WebServices],
) -> None:
    client, csrf, _web = staff
    before = client.get("/staff/library").text.count("<tr")
    status, page = _upload(client, csrf, "补贴标准.xls", legacy_excel())
    assert status == 422
    assert "旧版 Excel（.xls）" in page and "另存为" in page and "没有任何改动" in page, page[:1500]
    assert client.get("/staff/library").text.count("<tr") == before
