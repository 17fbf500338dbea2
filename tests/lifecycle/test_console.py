"""The console's document library over HTTP (the real app, a real SQLite file and PostgreSQL): login
and CSRF as on every console page, real multipart uploads, the review page with metadata, quality
report and clauses beside the original, publish and retire, each audited; refusals polite, with
nothing stored."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.library import DocumentLibrary, DocumentState
from bot.web.app import create_app
from bot.web.services import WebServices
from tests.web.conftest import make_services

DATA = Path(__file__).with_name("data")


@pytest.fixture(scope="module")
def web(kb, databases) -> Iterator[WebServices]:  # type: ignore[no-untyped-def]
    built = make_services(kb, databases.new_url())
    yield built
    built.close()


def ids(web: WebServices) -> dict[str, str]:
    return {v.id: v.state.value for v in DocumentLibrary(web.engine).documents()}


def upload(client: TestClient, csrf: str, name: str, data: bytes | None = None, publish: bool = False):  # type: ignore[no-untyped-def]
    content = data if data is not None else (DATA / name).read_bytes()
    fields = {"csrf": csrf, **({"publish": "1"} if publish else {})}
    return client.post("/staff/library/upload", data=fields, files=[("files", (name, content))], follow_redirects=False)


def test_the_library_needs_a_login(web: WebServices) -> None:
    with TestClient(create_app(web)) as anonymous:
        page = anonymous.get("/staff/library", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"].startswith("/staff/login")
        posted = anonymous.post(
            "/staff/library/upload", data={"csrf": "x"}, files=[("files", ("a.txt", b"x"))], follow_redirects=False
        )
        assert posted.status_code == 303 and "/staff/login" in posted.headers["location"]


def test_the_library_lists_the_seeds(staff: tuple[TestClient, str]) -> None:
    client, _csrf = staff
    page = client.get("/staff/library")
    assert page.status_code == 200
    assert page.text.count('data-state="published"') >= 5
    assert "吉政发〔2017〕32号" in page.text and "征求意见稿" in page.text


def test_an_upload_without_the_form_token_is_refused_and_stores_nothing(
    staff: tuple[TestClient, str], web: WebServices
) -> None:
    client, _csrf = staff
    before = ids(web)
    response = upload(client, "forged", "changchun_trainee_2025.txt")
    assert response.status_code == 403 and "CSRF" in response.text
    assert ids(web) == before


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("recipe.txt", "红烧肉的做法\n1. 五花肉切块焯水。\n2. 小火炖一小时。\n".encode(), "看起来不是政策文件"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "是一张图片"),
        ("empty.txt", b"", "是空的"),
    ],
    ids=["recipe", "image", "empty"],
)
def test_a_file_that_is_not_a_policy_is_refused_politely(
    staff: tuple[TestClient, str], web: WebServices, name: str, data: bytes, message: str
) -> None:
    client, csrf = staff
    before = ids(web)
    response = upload(client, csrf, name, data, publish=True)
    assert response.status_code == 422
    assert message in response.text and name in response.text
    assert ids(web) == before


def test_a_batch_with_one_refused_file_adds_the_other_and_the_page_says_each_outcome(
    staff: tuple[TestClient, str], web: WebServices
) -> None:
    # As `policybot documents add` exits 1: the page answers 422, the refused file named with its reason.
    client, csrf = staff
    recipe = "红烧肉的做法\n\n五花肉500克，冰糖30克。\n先焯水，再炒糖色，小火慢炖一小时即可出锅。\n".encode()
    files = [
        ("files", ("recipe.txt", recipe)),
        ("files", ("changxing_graduates_2024.html", (DATA / "changxing_graduates_2024.html").read_bytes())),
    ]
    before = ids(web)
    response = client.post("/staff/library/upload", data={"csrf": csrf}, files=files, follow_redirects=False)
    assert response.status_code == 422
    assert "未添加" in response.text and "recipe.txt" in response.text
    assert "已添加" in response.text and "changxing_graduates_2024.html" in response.text
    assert "共 2 个文件：1 个已添加，1 个未添加" in response.text
    added = set(ids(web)) - set(before)
    assert len(added) == 1 and ids(web)[added.pop()] == DocumentState.DRAFT_REVIEW.value


def test_upload_review_publish_and_retire(staff: tuple[TestClient, str], web: WebServices) -> None:
    client, csrf = staff
    response = upload(client, csrf, "jilin_loans_2024.txt")
    assert response.status_code == 303
    review_path = response.headers["location"]
    document_id = review_path.rsplit("/", 1)[1]
    assert ids(web)[document_id] == "draft-review"

    review = client.get(review_path)
    assert review.status_code == 200
    metadata = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", review.text))
    assert metadata["文号"] == "吉人社发〔2024〕9号"
    assert metadata["成文日期"] == "2024-04-01" and metadata["有效期至"] == "2029-04-30"
    assert metadata["状态"] == "待审核" and metadata["条款数"] == "6"
    assert review.text.count('<li id="' + document_id) == 6, "every parsed clause is listed"
    assert "个人创业担保贷款最高额度为30万元" in review.text.split('class="original"')[1], "the original beside"
    assert "抄送：人力资源社会保障部" in review.text, "the original text, furniture included"

    original = client.get(f"{review_path}/original")
    assert original.status_code == 200 and original.content == (DATA / "jilin_loans_2024.txt").read_bytes()
    assert original.headers["content-disposition"].startswith("attachment")

    forged = client.post(f"{review_path}/publish", data={"csrf": "forged"}, follow_redirects=False)
    assert forged.status_code == 403 and ids(web)[document_id] == "draft-review"

    published = client.post(
        f"{review_path}/publish", data={"csrf": csrf, "supersedes": "jilin-2017"}, follow_redirects=True
    )
    assert published.status_code == 200 and "已发布" in published.text
    library = DocumentLibrary(web.engine)
    assert library.get(document_id).state is DocumentState.PUBLISHED
    assert library.get("jilin-2017").document.superseded_by == document_id
    assert [e.action for e in web.audit.recent(3)][:2] == ["document_published", "document_added"]

    again = client.post(f"{review_path}/publish", data={"csrf": csrf}, follow_redirects=False)
    assert again.status_code == 422 and "已经发布，无需重复发布" in again.text

    retired = client.post(
        "/staff/library/jilin-2017/retire", data={"csrf": csrf, "superseded_by": document_id}, follow_redirects=True
    )
    assert retired.status_code == 200 and "已停用" in retired.text
    assert library.get("jilin-2017").state is DocumentState.RETIRED
    assert web.audit.recent(1)[0].action == "document_retired"


def test_an_unknown_document_is_a_polite_404(staff: tuple[TestClient, str]) -> None:
    client, _csrf = staff
    page = client.get("/staff/library/nope")
    assert page.status_code == 404 and "没有编号为“nope”的文件" in page.text
