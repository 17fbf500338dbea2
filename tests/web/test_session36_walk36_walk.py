"""Session 36 (issues 12, 13 and 10, task walk36): a newcomer's walk — a graduate of 24 in 安岳县 who wants to
sell 柠檬 in a 网店 — and the staff console that adds a county's document for her. Its classes, through the real
app over HTTP with a real SQLite file, the real library and the real index:
- a citation of an added document whose articles carry no title (一、对…的，给予…3000元。) is listed under a
  short title: the widget's citation button and its sheet header never repeat the whole article sentence;
- uploading several files at once says which were added and what state they are in (the console landed on the
  list with no word of them)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bot.web.services import WebServices

from .chatting import say
from .conftest import own_data_services

# A county notice of the shape small offices publish: numbered articles with no title of their own.
LEMON = """安岳县人民政府办公室关于支持柠檬电商创业的通知

安府办发〔2026〕7号

各乡镇人民政府，县级各部门：
为支持返乡青年发展柠檬电商，现将有关事项通知如下。

一、对在本县注册并开设网店销售本地柠檬的返乡高校毕业生，给予一次性柠檬电商创业补贴3000元。（县人力资源社会保障局、县商务局）
二、对参加县里组织的柠檬电商直播培训并取得结业证书的人员，按每人800元标准给予培训补贴。（县人力资源社会保障局）
三、本通知自2026年1月1日起施行，有效期至2027年12月31日。

安岳县人民政府办公室
2026年1月1日
"""
TRAINING = """安岳县人力资源和社会保障局关于开展2026年农村电商技能培训的通知

安人社发〔2026〕3号

各乡镇人民政府：
一、对本县农村劳动力参加电商技能培训并取得合格证书的，每人给予培训补贴1200元。
二、对培训后在本县开设网店并正常经营6个月以上的，给予一次性开店补贴2000元。
三、本通知自2026年3月1日起施行。

安岳县人力资源和社会保障局
2026年2月20日
"""
# The longest title an article of the five seeds carries (吉林（十）稳妥安置化解钢铁煤炭行业过剩产能企业职工).
LONGEST_SEED_TITLE = 20


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServices]:
    """Live services over their own data directory: a document published in the console is answered from."""
    root = tmp_path_factory.mktemp("walk36")
    built = own_data_services(root)
    yield built
    built.close()


def _upload(client: TestClient, csrf: str, files: dict[str, str], publish: bool) -> str:
    fields = {"csrf": csrf, **({"publish": "1"} if publish else {})}
    sent = [("files", (name, text.encode("utf-8"))) for name, text in files.items()]
    return client.post("/staff/library/upload", data=fields, files=sent).text


@pytest.fixture(scope="module")
def uploaded(staff: tuple[TestClient, str]) -> str:
    """Both county documents uploaded at once, kept in review: the page staff land on."""
    client, csrf = staff
    return _upload(client, csrf, {"anyue-lemon.txt": LEMON, "anyue-training.txt": TRAINING}, publish=False)


def test_uploading_several_files_names_each_added_document_and_its_state(uploaded: str) -> None:
    page = uploaded
    notice = page.split('class="notice"', 1)[1].split("</p>", 1)[0] if 'class="notice"' in page else ""
    assert "安岳县人民政府办公室关于支持柠檬电商创业的通知" in notice, page[:1500]
    assert "安岳县人力资源和社会保障局关于开展2026年农村电商技能培训的通知" in notice, notice
    assert "待审核" in notice, notice


@pytest.mark.parametrize(
    ("question", "place"),
    [("安岳县开网店卖柠檬有什么补贴", "安岳县"), ("安岳县柠檬电商直播培训补贴多少钱", "安岳县")],
    ids=["the subsidy", "the training"],
)
def test_a_citation_of_an_added_documents_untitled_article_is_listed_under_a_short_title(
    web: WebServices, staff: tuple[TestClient, str], uploaded: str, question: str, place: str
) -> None:
    client, csrf = staff
    client.post("/staff/library/anyue-lemon/publish", data={"csrf": csrf})  # once; again it is refused politely
    assert web.live is not None
    web.live.wait(timeout=300)  # a rebuild already running on the published documents, then one here if none ran
    web.live.renew_now()
    chat = say(client, None, message=question)
    answer = next(r for r in chat["replies"] if r["kind"] == "answer")
    cited = next(c for c in answer["citations"] if c["clause_id"].startswith("anyue-lemon"))
    title = cited["title"]
    assert title.startswith(f"{place} "), title
    heading = title.split(" ", 2)[2]
    assert len(heading) <= LONGEST_SEED_TITLE, title
    assert heading not in cited["quote"] or len(heading) < len(cited["quote"]) // 2, (title, cited["quote"])


def test_a_seed_articles_own_title_is_listed_whole(staff: tuple[TestClient, str]) -> None:
    client, _csrf = staff
    chat = say(client, None, message="吉林省稳妥安置化解钢铁煤炭行业过剩产能企业职工有什么政策")
    titles = [c["title"] for r in chat["replies"] for c in r.get("citations", [])]
    assert "吉林省 （十） 稳妥安置化解钢铁煤炭行业过剩产能企业职工" in titles, titles


# Short county notices of one or two articles: every kind of evidence a policy carries (issuer, 文号, addressees,
# numbered articles, a grant with its amount, a signature date), only fewer words than a long document has.
SHORT_NOTICES = {
    "anyue-logistics.txt": """安岳县商务局关于柠檬产业电商物流补贴的通知

安商发〔2026〕2号

各乡镇人民政府：
一、对在本县开设网店销售本地柠檬、年销售额10万元以上的经营者，按快递费用的30%给予物流补贴，每户每年最高5000元。
二、本通知自2026年4月1日起施行。

安岳县商务局
2026年3月20日
""",
}


@pytest.mark.parametrize("name", sorted(SHORT_NOTICES), ids=sorted(SHORT_NOTICES))
def test_a_short_county_notice_is_taken_in_for_review_not_refused_as_no_policy(
    staff: tuple[TestClient, str], name: str
) -> None:
    client, csrf = staff
    page = _upload(client, csrf, {name: SHORT_NOTICES[name]}, publish=False)
    assert "不是政策文件" not in page, page.split('class="error"', 1)[-1][:300]
    assert "待审核" in page
