"""Session 38 (issues 12, 13 and 10, task walk38): a newcomer's walk — a woman of 38 back in 安岳 from a 东莞 factory
who wants to sell 安岳柠檬 online. Its web-layer classes, in the staff console through the real app (login, CSRF,
multipart) on a real SQLite file and the real library:

- the upload form named fewer kinds of file than intake reads (no Excel, CSV or JSON), while the refusal of an
  unknown kind listed them all: both now come from one list of the kinds intake reads;
- a refusal spoke of "其余文件" when staff had uploaded one file, and the refusals of a batch ran together in one
  paragraph: a file uploaded alone is told only its own outcome, and each file of a batch gets its own line."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bot.present.prose import prose
from bot.web.app import create_app

from .conftest import login, own_data_services

STAFF = ("安岳县人社局小王", "a long enough password")
RECIPE = "柠檬鸡爪做法\n1. 鸡爪洗净剪去指甲，冷水下锅煮8分钟。\n2. 捞出过冰水，加柠檬片、小米辣。\n3. 冷藏4小时即可。\n"
BROKEN_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + bytes(range(256)) * 3
ALERT = re.compile(r'<div class="error" role="alert">(.*?)</div>', re.S)
LINE = re.compile(r"<p>(.*?)</p>", re.S)


@pytest.fixture(scope="module")
def staff(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    root = tmp_path_factory.mktemp("walk38-web")
    built = own_data_services(root)
    built.accounts.add(*STAFF)
    with TestClient(create_app(built), base_url="http://testserver") as client:
        yield client, login(client, *STAFF)
    built.close()


def _upload(client: TestClient, csrf: str, files: list[tuple[str, bytes]]) -> tuple[int, list[str]]:
    """The upload's status and the lines of the refusal block staff read."""
    sent = client.post("/staff/library/upload", data={"csrf": csrf}, files=[("files", file) for file in files])
    block = ALERT.search(sent.text)
    return sent.status_code, [line.strip() for line in LINE.findall(block.group(1))] if block else []


@pytest.mark.parametrize(
    "kind", [".txt", ".md", ".html", ".docx", "PDF", ".xlsx", ".csv", ".tsv", ".json"], ids=lambda kind: kind
)
def test_the_upload_form_names_every_kind_of_file_intake_reads(staff: tuple[TestClient, str], kind: str) -> None:
    client, _csrf = staff
    form = client.get("/staff/library").text.split('class="upload"', 1)[1].split("</form>", 1)[0]
    assert kind in form, form


def test_the_upload_form_and_the_refusal_of_an_unknown_kind_list_the_same_kinds(
    staff: tuple[TestClient, str],
) -> None:
    client, csrf = staff
    form = client.get("/staff/library").text.split('class="upload"', 1)[1].split("</form>", 1)[0]
    status, lines = _upload(client, csrf, [("政策.ppt", b"\xd0\xcf\x11\xe0" + b"0" * 100)])
    assert status == 422 and lines, lines
    assert prose().intake.kinds in form and prose().intake.kinds in lines[0], (form, lines)


def test_a_file_uploaded_alone_and_refused_is_told_why_without_speaking_of_other_files(
    staff: tuple[TestClient, str],
) -> None:
    client, csrf = staff
    status, lines = _upload(client, csrf, [("柠檬鸡爪做法.txt", RECIPE.encode("utf-8"))])
    assert status == 422
    assert len(lines) == 1 and "柠檬鸡爪做法.txt" in lines[0] and "不是政策文件" in lines[0], lines
    assert "其余文件" not in lines[0], lines


def test_each_refused_file_of_a_batch_is_told_on_its_own_line_then_the_count(staff: tuple[TestClient, str]) -> None:
    client, csrf = staff
    status, lines = _upload(
        client, csrf, [("柠檬鸡爪做法.txt", RECIPE.encode("utf-8")), ("损坏的文件.pdf", BROKEN_PDF)]
    )
    assert status == 422
    assert len(lines) == 3, lines
    assert "柠檬鸡爪做法.txt" in lines[0] and "损坏的文件.pdf" not in lines[0], lines
    assert "损坏的文件.pdf" in lines[1] and "已损坏" in lines[1], lines
    assert lines[2].startswith("共 2 个文件：0 个已添加，2 个未添加"), lines
