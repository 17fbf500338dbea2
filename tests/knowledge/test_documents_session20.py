"""Session 20: a new document that repeals an older one (…同时废止) names it to staff and retires it only
when asked; an attachment table after the 落款 (附件 / its title / rows of standards) is a clause whose rows
are units; a count the person tells (我带动了6个人) is evidence of the tiered measure that holds it. The
documents and clauses here are written for these tests (the session's documents are in documents20/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.db import open_database
from bot.library import DocumentLibrary, DocumentState, LibraryError, Upload
from bot.web.app import create_app
from bot.web.services import WebServices
from knowledge.derive import derive_measures
from knowledge.intake import parse_clauses
from knowledge.measure_match import told_headcounts
from knowledge.measures import AmountKind, Measure
from knowledge.repeals import RepealedReference, find_repeals, names_document
from tests.knowledge.test_documents_session18 import run_cli
from tests.knowledge.test_intake_documents import uploaded
from tests.web.conftest import login, make_services

DATA = Path(__file__).parent / "data" / "documents20"


def _notice(place: str, number: str, title: str, body: str, signed: str) -> bytes:
    """A short 通知 as a city's bureau issues it: title, 文号, addressees, numbered items, 落款."""
    issuer = f"{place}人力资源和社会保障局"
    text = f"{issuer}关于{title}的通知\n{number}\n各县（区）人力资源和社会保障局：\n{body}\n{issuer}\n{signed}\n"
    return text.encode("utf-8")


OLD_BODY = "一、求职补贴。对毕业学年的困难家庭高校毕业生，给予每人1500元一次性求职补贴。\n二、本通知自印发之日起施行。"
NEW_BODY = (
    "一、求职补贴。对毕业学年的困难家庭高校毕业生，给予每人2500元一次性求职补贴。\n"
    "二、本通知自2026年1月1日起施行。《{old_title}》（{old_number}）同时废止。"
)


# --- reading what a document repeals ------------------------------------------------------------


def test_a_repealing_sentence_names_each_older_document_by_title_and_number() -> None:
    text = (
        "本办法自2026年5月1日起施行。原《南平市就业见习管理办法》（南人社〔2019〕21号）和"
        "《南平市创业补贴实施细则》（南人社〔2020〕3号）同时废止。"
    )
    named = find_repeals(text).named
    assert [(r.title, r.number) for r in named] == [
        ("南平市就业见习管理办法", "南人社〔2019〕21号"),
        ("南平市创业补贴实施细则", "南人社〔2020〕3号"),
    ]


def test_numbers_alone_and_other_repealing_verbs_are_read() -> None:
    named = find_repeals("此前印发的龙人社〔2018〕7号、龙人社规[2021] 2号文件自本通知施行之日起停止执行。").named
    assert [r.number for r in named] == ["龙人社〔2018〕7号", "龙人社规〔2021〕2号"]
    assert [r.title for r in find_repeals("《莆田市灵活就业补贴办法》予以废止。").named] == ["莆田市灵活就业补贴办法"]


def test_a_document_followed_or_cited_is_not_repealed() -> None:
    text = (
        "根据《中华人民共和国就业促进法》和《福建省就业补助资金管理办法》（闽财社〔2023〕9号），制定本办法。"
        "现将《宁德市见习办法》印发给你们。"
    )
    assert find_repeals(text).named == ()


def test_earlier_rules_yielding_names_no_document() -> None:
    found = find_repeals("此前我市有关规定与本办法不一致的，以本办法为准。")
    assert found.named == () and found.earlier_rules_yield
    assert not find_repeals("本办法由市人社局负责解释。").earlier_rules_yield


def test_a_reference_names_a_document_by_number_else_by_title() -> None:
    by_number = RepealedReference("随便写的标题", "三人社〔2019〕3号", "")
    assert names_document(by_number, "三人社[2019]3号", "三明市人力资源和社会保障局关于就业的通知")
    assert not names_document(by_number, "三人社〔2019〕4号", "随便写的标题")
    by_title = RepealedReference("关于做好高校毕业生就业见习工作的通知", None, "")
    assert names_document(by_title, None, "三明市人民政府关于做好高校毕业生就业见习工作的通知")
    assert not names_document(by_title, None, "三明市人民政府关于做好退役军人就业工作的通知")


# --- the library: shown to staff, retired only when asked (real SQLite) ------------------------------


@pytest.fixture
def library(tmp_path: Path) -> DocumentLibrary:
    return DocumentLibrary(open_database(f"sqlite:///{tmp_path / 'library.sqlite3'}"))


def _old_and_new(library: DocumentLibrary) -> tuple[str, str]:
    old = _notice("漳州市", "漳人社〔2022〕11号", "发放一次性求职补贴", OLD_BODY, "2022年3月1日")
    (older,) = library.add([Upload(old, "old.txt")], "tester", publish=True)
    body = NEW_BODY.format(
        old_title="漳州市人力资源和社会保障局关于发放一次性求职补贴的通知", old_number="漳人社〔2022〕11号"
    )
    new = _notice("漳州市", "漳人社〔2025〕30号", "调整一次性求职补贴标准", body, "2025年12月1日")
    (newer,) = library.add([Upload(new, "new.txt")], "tester")
    return older.id, newer.id


def test_the_repealed_published_document_is_named_and_stays_published_without_the_flag(
    library: DocumentLibrary,
) -> None:
    older, newer = _old_and_new(library)
    report = library.repeals(newer)
    assert report.to_retire == (older,)
    library.publish(newer, "tester")
    assert library.get(older).state is DocumentState.PUBLISHED and library.get(older).document.superseded_by is None


def test_publishing_with_the_flag_retires_it_as_superseded_in_the_same_step(library: DocumentLibrary) -> None:
    older, newer = _old_and_new(library)
    version = library.version()
    library.publish(newer, "tester", retire_repealed=True)
    old_view = library.get(older)
    assert old_view.state is DocumentState.RETIRED and old_view.document.superseded_by == newer
    assert library.version() == version + 1, "one change every process sees"
    assert older not in {d.id for d, _ in library.published()[1]}


def test_a_title_alone_names_no_document_of_another_province(library: DocumentLibrary) -> None:
    title_only = (
        "一、求职补贴。对困难家庭高校毕业生，给予每人2000元求职补贴。\n二、《关于发放一次性求职补贴的通知》同时废止。"
    )
    elsewhere = _notice("绍兴市", "绍人社〔2022〕5号", "发放一次性求职补贴", OLD_BODY, "2022年2月1日")
    library.add([Upload(elsewhere, "elsewhere.txt")], "tester", publish=True)
    new = _notice("漳州市", "漳人社〔2025〕31号", "求职补贴", title_only, "2025年12月2日")
    (newer,) = library.add([Upload(new, "new.txt")], "tester")
    [match] = library.repeals(newer.id).named
    assert match.document_id is None, "绍兴 is in another province: not what 漳州 repeals"


# --- as staff run it ------------------------------------------------------------------------------


def test_the_cli_names_the_repealed_document_then_retires_it_only_with_the_flag(tmp_path: Path) -> None:
    run_cli(["documents", "add", str(DATA / "quanzhou_2021.txt"), "--publish"], tmp_path)
    refused = run_cli(["documents", "add", str(DATA / "quanzhou_2026.txt"), "--retire-repealed"], tmp_path)
    assert refused.returncode == 1 and "--publish" in refused.stderr
    added = run_cli(["documents", "add", str(DATA / "quanzhou_2026.txt")], tmp_path)
    assert "即已发布的 quanzhou-2021" in added.stderr and "--retire-repealed" in added.stderr
    shown = json.loads(run_cli(["documents", "show", "quanzhou-2026", "--json"], tmp_path).stdout)
    assert shown["repeals"]["to_retire"] == ["quanzhou-2021"] and shown["repeals"]["earlier_rules_yield"]
    published = run_cli(["documents", "publish", "quanzhou-2026", "--retire-repealed"], tmp_path)
    assert published.returncode == 0 and "已停用 quanzhou-2021" in published.stderr
    listed = {d["id"]: d for d in json.loads(run_cli(["documents", "list", "--json"], tmp_path).stdout)}
    assert listed["quanzhou-2021"]["state"] == "retired"
    assert listed["quanzhou-2021"]["superseded_by"] == "quanzhou-2026"


STAFF = ("王芳", "a long enough password")


@pytest.fixture
def console(kb, databases) -> Iterator[tuple[TestClient, str, WebServices]]:  # type: ignore[no-untyped-def]
    web = make_services(kb, databases.new_url())
    web.accounts.add(*STAFF)
    with TestClient(create_app(web), base_url="http://testserver") as client:
        yield client, login(client, *STAFF), web
    web.close()


def test_the_console_shows_what_is_repealed_and_its_button_retires_it(
    console: tuple[TestClient, str, WebServices],
) -> None:
    client, csrf, web = console
    library = DocumentLibrary(web.engine)
    older, newer = _old_and_new(library)
    review = client.get(f"/staff/library/{newer}")
    assert f"即已发布的 {older}" in review.text and 'name="retire_repealed"' in review.text
    done = client.post(f"/staff/library/{newer}/publish", data={"csrf": csrf, "retire_repealed": "1"})
    assert done.status_code == 200 and f"已停用 {older}" in done.text
    assert library.get(older).state is DocumentState.RETIRED
    assert [e.action for e in web.audit.recent(2)] == ["document_retired", "document_published"]


def test_retiring_what_is_repealed_needs_publishing() -> None:
    from bot.present.documents import error_text

    assert "--publish" in error_text(LibraryError("retire_needs_publish"))


# --- an attachment table after the 落款 -----------------------------------------------------------


ATTACHED = (
    "南平市人力资源和社会保障局关于印发创业补贴办法的通知\n各县（市、区）人社局：\n"
    "一、吸纳就业补贴。创业实体吸纳就业的，按附件标准给予补贴。\n二、本通知自印发之日起施行。\n"
    "南平市人力资源和社会保障局\n2026年3月2日\n"
    "附件：南平市吸纳就业补贴标准\n附件\n南平市吸纳就业补贴标准\n"
    "吸纳人数　　　　补贴标准\n2—4人　　　　每人900元\n5人以上　　　　每人1300元\n"
    "抄送：福建省人力资源和社会保障厅。\n"
)


def _units(text: str) -> tuple[Measure, ...]:
    return derive_measures("doc", parse_clauses(uploaded("doc"), text).clauses)


def test_an_unnumbered_attachment_table_is_a_clause_with_its_rows_kept_whole() -> None:
    parsed = parse_clauses(uploaded("doc"), ATTACHED)
    last = parsed.clauses[-1]
    assert last.label == "附件"
    assert "2—4人｜每人900元" in last.text.split("\n") and "5人以上｜每人1300元" in last.text.split("\n")
    assert all("每人900元" not in line for line in parsed.closing)
    assert any(line.startswith("抄送") for line in parsed.closing)


def test_an_attachment_without_figures_stays_in_the_closing() -> None:
    form = ATTACHED.replace(
        "吸纳人数　　　　补贴标准\n2—4人　　　　每人900元\n5人以上　　　　每人1300元\n", "申请单位：\n联系人：\n"
    )
    parsed = parse_clauses(uploaded("doc"), form)
    assert [c.label for c in parsed.clauses] == ["一、", "二、"]


def test_each_row_under_a_title_naming_the_grant_is_a_unit_of_it() -> None:
    rows = {u.span: u for u in _units(ATTACHED) if u.clause == "doc-03"}
    granted = {span: [a.text for a in u.amounts if a.kind is not AmountKind.THRESHOLD] for span, u in rows.items()}
    assert granted["2—4人｜每人900元"] == ["每人900元"] and granted["5人以上｜每人1300元"] == ["每人1300元"]
    # session 21: the clause pointing at the attachment (按附件标准给予补贴) names its rows, each by its tier;
    # the title's own name stays an alias
    assert rows["2—4人｜每人900元"].name == "吸纳就业补贴（2—4人）"
    assert rows["5人以上｜每人1300元"].name == "吸纳就业补贴（5人以上）"
    assert all("南平市吸纳就业补贴" in rows[s].aliases for s in ("2—4人｜每人900元", "5人以上｜每人1300元"))


# --- a count told is evidence of the tier that holds it ----------------------------------------------


def test_a_count_of_several_people_is_told_even_before_what_is_asked() -> None:
    assert told_headcounts("我们带动了7个人能领多少") == (7,)
    assert told_headcounts("吸纳了3个人可以给多少") == (3,)
    assert told_headcounts("一个人能拿多少") == ()  # a rate per head, not a count


@pytest.fixture(scope="module")
def tiered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    body = (
        "一、创业带动就业补贴。创业实体吸纳就业并缴纳社会保险费满3个月的，按吸纳人数给予补贴："
        "带动4人以上的，每人给予1800元；带动15人以上的，给予一次性5万元奖励。\n"
        "二、开业补贴。首次创业正常经营满1年的，给予每户7000元一次性开业补贴。"
    )
    data_dir = tmp_path_factory.mktemp("tiered")
    path = data_dir / "tiered.txt"
    path.write_bytes(_notice("南平市", "南人社〔2026〕2号", "创业带动就业补贴", body, "2026年2月3日"))
    added = run_cli(["documents", "add", str(path), "--publish"], data_dir)
    assert added.returncode == 0, added.stderr
    return data_dir


def _ask(data_dir: Path, question: str) -> dict[str, object]:
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(data_dir)}
    for name in ("POLICYBOT_EMBEDDING_MODEL", "POLICYBOT_DATABASE_URL", "POLICYBOT_CHROMA_URL"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--json", "--region", "南平", question],
        capture_output=True, text=True, env=env, timeout=300, check=True,
    )  # fmt: skip
    return dict(json.loads(done.stdout))


def test_a_count_with_no_measure_word_is_answered_by_the_tier_that_holds_it(tiered: Path) -> None:
    answer = _ask(tiered, "我带动了6个人能拿多少")
    first = str(answer["direct_answer"] or "")
    assert "1800元" in first and "5万元" not in first and "7000元" not in first
    larger = str(_ask(tiered, "带动了20个人能拿多少")["direct_answer"] or "")
    assert "5万元" in larger and "1800元" not in larger


# --- 分别: one figure per listed item ----------------------------------------------------------------


def test_figures_paid_respectively_are_one_unit_per_listed_item() -> None:
    body = (
        "一、示范奖补。对新评为省级、市级、县级就业创业示范基地的，分别给予30万元、10万元、5万元一次性奖补。\n"
        "二、培训补贴。参加网络直播、家政服务和养老护理培训并结业的，分别按每人600元、800元和900元给予补贴。"
    )
    found = {u.name: [a.text for a in u.amounts if a.kind is not AmountKind.THRESHOLD] for u in _units(
        f"南平市人力资源和社会保障局关于就业创业奖补的通知\n各县（区）：\n{body}\n南平市人力资源和社会保障局\n2026年1月5日"
    )}  # fmt: skip
    assert found["一次性奖补（省级）"] == ["30万元"] and found["一次性奖补（县级）"] == ["5万元"]
    assert found["培训补贴（家政服务）"] == ["800元"] and found["培训补贴（网络直播）"] == ["每人600元"]


def test_a_list_that_does_not_match_the_figures_stays_one_unit() -> None:
    body = "一、岗位补贴。对吸纳就业困难人员、高校毕业生和退役军人的企业，分别给予每人1000元、2000元岗位补贴。"
    units = [u for u in _units(
        f"南平市人力资源和社会保障局关于岗位补贴的通知\n各县（区）：\n{body}\n南平市人力资源和社会保障局\n2026年1月5日"
    ) if u.amounts]  # fmt: skip
    assert len(units) == 1, "three groups, two figures: which is whose is not said"
