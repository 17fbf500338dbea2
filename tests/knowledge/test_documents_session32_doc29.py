"""Session 32 (doc29): documents a deployment loads whose place is not in an issuer line — an OCR'd
scan of a printed notice (文号 and 落款 date misread, lines broken inside numbers, page footers and the
issuer's running header mid-text), a spreadsheet exported as CSV (a title row, no issuer, no date) and
texts whose place only the title, a 政策依据 or the body names — and the place staff state themselves
(`documents add --jurisdiction`, `documents set-jurisdiction`, the console's upload field). Documents
written for these tests (常州, 德阳, 广元, 绵阳, 乐山, 保山), not the bench's sets."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.filetext import read_file
from knowledge.intake import examine, extract_facts
from tests.knowledge.test_documents_session18 import run_cli
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.web.conftest import REPO  # noqa: F401 - first: tests.web.browsing imports it back

# A printed notice scanned and read by OCR: 0 read as O in the 文号 and the date, 日 as 曰, lines broken
# wherever the scan's line ended (inside 8|00元), a page footer with the issuer's name repeated under it.
SCAN = "\n".join(
    (
        "常州市人力资源和社会保障局文件",
        "常人社发〔2O25〕7号",
        "常州市人力资源和社会保障局",
        "关于做好稳岗留工补贴发放工作的通知",
        "各辖市、区人力资源和社会保障局，市各有关单位：",
        "　　为帮助企业稳定职工队伍，保障重点企业用工，经研究，现就做好稳岗留工",
        "补贴发放工作通知如下。",
        "　　一、留工补贴",
        "　　（一）补贴对象。春节期间连续生产经营、吸纳职工在岗的制造业企",
        "业，按在岗职工人数给予一次性留工补贴，每人8",
        "00元，每家企业最高不超过3",
        "0万元。",
        "　　（二）申领时间。企业应于2025年4月3",
        "0日前通过网上办事大厅提出申请。",
        "— 1 —",
        "常州市人力资源和社会保障局",
        "　　二、以工代训补贴",
        "　　（一）补贴标准。对吸纳登记失业人员并组织以工代训的中小微企业，按每人每月5",
        "00元的标准给予以工代训补贴，补贴期限最长不超过6个月。",
        "　　（二）经办机构。各辖市、区公共就业服务机构负责受理审核，市就业管理中心负责",
        "复核拨付。",
        "　　三、开业补贴",
        "　　对首次创业并正常经营满1年的登记失业人员，给予一次性开业补贴。创办小微企业的，每户补贴9",
        "000元；从事个体经营的，每户补贴26",
        "00元。",
        "　　四、工作要求",
        "　　各地要简化经办流程，对符合条件的企业做到应发尽发，确保资金安全。",
        "常州市人力资源和社会保障局",
        "（盖章）",
        "2O25年3月9曰",
        "— 2 —",
    )
)

# A spreadsheet saved as CSV: its title in a row of one cell, quoted cells holding commas and a line
# break, no issuer and no date anywhere.
SHEET = "\n".join(
    (
        "德阳市2026年度稳就业补贴明细表,,,,",
        "单位：元,,,,",
        "序号,补贴项目,补贴对象,补贴标准,经办部门",
        '1,就业见习补贴,吸纳未就业高校毕业生见习的单位,"每人每月1750元,见习期最长12个月",德阳市就业服务管理局',
        '2,一次性吸纳就业补贴,招用脱贫人口的企业,每人1300元,"企业参保地县（市、区）',
        '人力资源和社会保障局"',
        "3,乡村公益性岗位补贴,乡村公益性岗位安置人员,每人每月620元,乡镇（街道）劳动保障所",
    )
)

# A table that names no place at all: only staff can say whose it is.
PLACELESS = "\n".join(
    (
        "创业扶持补贴标准一览表,,,,,",
        "序号,补贴项目,补贴对象,补贴标准,申请条件,经办部门",
        "1,一次性开业补贴,首次创办小微企业的高校毕业生,每户8500元,正常经营6个月以上并按规定参加社会保险,"
        "县（区）人力资源和社会保障局",
        "2,创业场地租金补贴,入驻创业孵化基地的初创企业,每户每年最高4200元,签订入驻协议并实际经营,"
        "县（区）人力资源和社会保障局",
        "3,创业带动就业补贴,吸纳登记失业人员就业的初创企业,每吸纳1人给予1100元,"
        "签订1年以上劳动合同并缴纳社会保险费满3个月,县（区）公共就业服务机构",
    )
)

# A 年度申报通知: the measures are the items of 二、, the rest is how and when to apply.
NOTICE = "\n".join(
    (
        "保山市人力资源和社会保障局  保山市财政局",
        "关于开展2026年度就业补贴集中申报的通知",
        "保人社通〔2026〕4号",
        "各县（市、区）人力资源和社会保障局、财政局：",
        "为确保就业补贴政策落实到位，现就2026年度就业补贴集中申报有关事项通知如下。",
        "一、申报对象",
        "在保山市行政区域内登记注册的企业、个体工商户和符合条件的重点群体。",
        "二、补贴标准",
        "（一）一次性创业补贴。重点群体首次创办个体工商户并正常经营6个月以上的，按每户5500元给予补贴。",
        "（二）就业见习补贴。见习单位吸纳离校2年内未就业高校毕业生见习的，按每人每月1450元给予补贴。",
        "（三）一次性交通补助。脱贫劳动力到省外务工稳定就业3个月以上的，每人给予一次性交通补助700元。",
        "三、申报时间",
        "2026年4月1日至2026年12月25日，逾期不再受理。",
        "四、申报方式",
        "登录保山市就业补贴申报系统在线填报，或到县（市、区）政务服务中心人社窗口申报。",
        "",
        "保山市人力资源和社会保障局    保山市财政局",
        "2026年3月2日",
    )
)


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _listed(data_dir: Path) -> dict[str, dict[str, object]]:
    listed = run_cli(["documents", "list", "--json"], data_dir)
    assert listed.returncode == 0, listed.stderr
    return {row["id"]: row for row in json.loads(listed.stdout)}


# --- reading the place and the facts -----------------------------------------------------------


def test_an_ocr_scan_reads_its_number_date_and_issuer_through_the_misread_digits() -> None:
    facts = examine(SCAN.encode("utf-8"), "changzhou-scan.txt").facts
    assert facts.document_number == "常人社发〔2025〕7号"
    assert facts.issuer == "常州市人力资源和社会保障局"
    assert facts.title == "常州市人力资源和社会保障局关于做好稳岗留工补贴发放工作的通知"
    assert (facts.city, facts.place_source) == ("常州市", "issuer")
    assert facts.signed is not None and facts.signed.isoformat() == "2025-03-09"


def test_an_ocr_scan_reads_in_paragraphs_marked_by_their_indent() -> None:
    text = read_file(SCAN.encode("utf-8"), "changzhou-scan.txt")
    assert "每人800元，每家企业最高不超过30万元。" in text
    assert "按每人每月500元的标准给予以工代训补贴" in text
    assert "2025年4月30日前" in text
    assert "— 1 —" not in text
    # the 落款 and the headings stay lines of their own
    assert "\n　　二、以工代训补贴\n" in text and "\n2O25年3月9曰" in text


def test_a_csv_sheet_reads_as_rows_of_cells_under_its_title() -> None:
    text = read_file(SHEET.encode("utf-8"), "deyang-sheet.csv")
    lines = text.splitlines()
    assert lines[0] == "德阳市2026年度稳就业补贴明细表"
    assert "2｜一次性吸纳就业补贴｜招用脱贫人口的企业｜每人1300元｜企业参保地县（市、区） 人力资源和社会保障局" in lines
    facts = examine(SHEET.encode("utf-8"), "deyang-sheet.csv").facts
    assert facts.title == "德阳市2026年度稳就业补贴明细表"
    assert (facts.province, facts.city, facts.place_source) == ("四川省", "德阳市", "title")
    assert facts.issuer is None and facts.document_number is None
    assert any("按标题判断为德阳市" in problem for problem in facts.problems)


def test_the_place_of_a_policy_basis_or_the_place_named_most_when_no_issuer_names_one() -> None:
    basis = "\n".join(
        (
            "创业补贴办理须知",
            "政策依据：《乐山市创业扶持资金管理办法》",
            "一、一次性创业补贴。首次创业的高校毕业生，给予一次性创业补贴6000元。",
            "二、申请材料。身份证、营业执照。",
        )
    )
    facts = extract_facts(basis)
    assert (facts.city, facts.place_source) == ("乐山市", "basis")
    named = "\n".join(
        (
            "创业补贴办理须知",
            "一、一次性创业补贴。在绵阳创业的高校毕业生，给予一次性创业补贴6000元。",
            "二、受理地点。绵阳市政务服务中心、各区县人社窗口；涪城区、游仙区可在街道便民中心办理。",
            "三、资金来源。绵阳市就业补助资金。",
        )
    )
    facts = extract_facts(named)
    assert (facts.city, facts.place_source) == ("绵阳市", "most_named")
    assert any("正文中最常提到的地名" in problem for problem in facts.problems)
    even = "\n".join(
        (
            "创业补贴办理须知",
            "一、一次性创业补贴。在绵阳或德阳创业的高校毕业生，给予一次性创业补贴6000元。",
            "二、受理地点。绵阳、德阳两地政务服务中心。",
        )
    )
    facts = extract_facts(even)
    assert facts.province is None and facts.place_source is None
    assert "未能识别适用地区，发布前请指明" in facts.problems


def test_a_stated_place_wins_over_the_files_own() -> None:
    facts = examine(SCAN.encode("utf-8"), "scan.txt", stated=("江苏省", "无锡市", None)).facts
    assert (facts.city, facts.place_source) == ("无锡市", "stated")


# --- through `policybot documents` ---------------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """常州's scan and 保山's notice published; 德阳's sheet added with --publish (kept in review, no
    issuer or date), then completed by staff and published."""
    data_dir = tmp_path_factory.mktemp("doc29")
    files = [_write(data_dir, n, t) for n, t in (("changzhou-scan.txt", SCAN), ("baoshan-2026-notice.txt", NOTICE))]
    sheet = _write(data_dir, "deyang-2026-sheet.csv", SHEET)
    added = run_cli(["documents", "add", *files, sheet, "--publish"], data_dir)
    assert added.returncode == 0, added.stderr
    assert "已作为待审核保存，没有发布（其余文件照常发布）" in added.stderr
    assert "缺少发文机关、成文日期" in added.stderr and "policybot documents edit deyang-2026-sheet" in added.stderr
    yield data_dir


def test_the_scan_and_the_notice_are_published_and_the_sheet_waits_for_its_issuer(loaded: Path) -> None:
    listed = _listed(loaded)
    scan = next(
        row for row in listed.values() if row["title"] == "常州市人力资源和社会保障局关于做好稳岗留工补贴发放工作的通知"
    )
    assert (scan["state"], scan["jurisdiction"], scan["document_number"]) == (
        "published",
        "常州市",
        "常人社发〔2025〕7号",
    )
    assert scan["signed"] == "2025-03-09"
    sheet = listed["deyang-2026-sheet"]
    assert (sheet["state"], sheet["jurisdiction"], sheet["clauses"]) == ("draft-review", "德阳市", 3)
    edited = run_cli(
        ["documents", "edit", "deyang-2026-sheet", "--issuer", "德阳市人力资源和社会保障局", "--signed", "2026-01-20"],
        loaded,
    )
    assert edited.returncode == 0, edited.stderr
    published = run_cli(["documents", "publish", "deyang-2026-sheet"], loaded)
    assert published.returncode == 0, published.stderr
    line, _label, _quote = _first(_ask(loaded, "德阳", "德阳乡村公益性岗位每月补贴多少"))
    assert "620元" in line and "1750元" not in line


def test_a_scanned_figure_broken_across_lines_is_answered_whole(loaded: Path) -> None:
    line, _label, quote = _first(_ask(loaded, "常州", "常州企业春节留工补贴一个人给多少"))
    assert "800元" in line and "500元" not in line
    assert "每人800元" in quote


def test_a_measure_of_an_application_notice_is_answered(loaded: Path) -> None:
    line, _label, _quote = _first(_ask(loaded, "保山", "保山脱贫劳动力去省外打工交通补助多少"))
    assert "700元" in line and "5500元" not in line


def test_a_file_naming_no_place_is_kept_for_review_until_staff_state_its_place(tmp_path: Path) -> None:
    table = _write(tmp_path, "chuangye-biao.csv", PLACELESS)
    added = run_cli(["documents", "add", table], tmp_path)
    assert added.returncode == 0, added.stderr
    assert "还不知道适用哪个地区" in added.stderr and "policybot documents set-jurisdiction" in added.stderr
    (doc_id,) = [i for i, row in _listed(tmp_path).items() if row["title"] == "创业扶持补贴标准一览表"]
    assert _listed(tmp_path)[doc_id]["jurisdiction"] in ("", None)
    refused = run_cli(["documents", "publish", doc_id], tmp_path)
    assert refused.returncode == 1
    assert f"policybot documents set-jurisdiction {doc_id}" in refused.stderr and "暂不能发布" in refused.stderr
    unknown = run_cli(["documents", "set-jurisdiction", doc_id, "火星市"], tmp_path)
    assert unknown.returncode == 1 and "行政区划表中没有找到“火星市”" in unknown.stderr
    stated = run_cli(["documents", "set-jurisdiction", doc_id, "四川省广元市"], tmp_path)
    assert stated.returncode == 0, stated.stderr
    assert _listed(tmp_path)[doc_id]["jurisdiction"] == "广元市"
    run_cli(["documents", "edit", doc_id, "--issuer", "广元市人力资源和社会保障局", "--signed", "2026-02-01"], tmp_path)
    published = run_cli(["documents", "publish", doc_id], tmp_path)
    assert published.returncode == 0, published.stderr
    line, _label, _quote = _first(_ask(tmp_path, "广元", "广元大学生第一次开公司开业补贴多少"))
    assert "8500元" in line


def test_staff_state_the_place_when_adding(tmp_path: Path) -> None:
    table = _write(tmp_path, "biao.csv", PLACELESS)
    wrong = run_cli(["documents", "add", table, "--jurisdiction", "火星市"], tmp_path)
    assert wrong.returncode == 1 and "行政区划表中没有找到“火星市”" in wrong.stderr
    assert not any(row["title"] == "创业扶持补贴标准一览表" for row in _listed(tmp_path).values())
    added = run_cli(["documents", "add", table, "--jurisdiction", "绵阳", "--json"], tmp_path)
    assert added.returncode == 0, added.stderr
    (summary,) = json.loads(added.stdout)
    assert summary["jurisdiction"] == "绵阳市" and re.fullmatch(r"mianyang(-\d+)?", summary["id"])


# --- the staff console, in Chromium ------------------------------------------------------------

STAFF = ("地区管理员", "a long enough secret")


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from tests.scaleout.replicas import replica_env, staffed_replica
    from tests.web.browsing import CHROMIUM

    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    root = tmp_path_factory.mktemp("doc29-console")
    env = replica_env(root / "data", f"sqlite:///{root / 'policybot.sqlite3'}", POLICYBOT_DOCUMENTS_REFRESH_SECONDS="1")
    env.pop("POLICYBOT_CHROMA_URL", None)
    with staffed_replica("doc29", env, root, STAFF) as replica:
        yield replica


def test_staff_state_the_place_in_the_console_upload_and_review_in_chromium(console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Log in (the upload form carries the CSRF token); a sheet naming no place uploaded with 立即发布
    is kept in review and the page says to fill in its place; publishing it is refused politely; the
    same sheet's twin uploaded with 适用地区 filled is stored with that place; an unknown place there is
    refused in Chinese and nothing is stored."""
    from playwright.sync_api import expect, sync_playwright

    from tests.web.browsing import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

    sheet = tmp_path / "kaiye-biao.csv"
    sheet.write_text(PLACELESS, encoding="utf-8")
    twin = tmp_path / "kaiye-biao-2.csv"
    twin.write_text(PLACELESS.replace("8500元", "8600元"), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_context(locale="zh-CN").new_page()
        page.set_default_timeout(30_000)
        page.goto(f"{console.url}/staff/library")
        page.get_by_label("账号").fill(STAFF[0])
        page.get_by_label("密码").fill(STAFF[1])
        page.get_by_role("button", name="登录").click()
        expect(page).to_have_url(re.compile(r"/staff/library$"))

        page.locator('input[type="file"]').set_input_files(str(sheet))
        page.get_by_label("检查通过后立即发布").check()
        page.get_by_role("button", name="上传").click()
        expect(page.get_by_role("status")).to_contain_text("已作为待审核保存，没有发布")
        expect(page.get_by_role("status")).to_contain_text("还不知道适用哪个地区")
        expect(page.locator("#metadata")).to_contain_text("待审核")
        page.get_by_role("button", name="确认无误，发布").click()
        expect(page.get_by_role("alert")).to_contain_text("暂不能发布")
        page.screenshot(path=str(ARTIFACTS / "staff-document-no-place.png"), full_page=True)

        page.goto(f"{console.url}/staff/library")
        page.locator('input[type="file"]').set_input_files(str(twin))
        page.get_by_label("适用地区").fill("火星市")
        page.get_by_role("button", name="上传").click()
        expect(page.get_by_role("alert")).to_contain_text("行政区划表中没有找到“火星市”")
        expect(page.locator("tbody tr")).to_have_count(6)  # the five seeds and the first sheet

        page.locator('input[type="file"]').set_input_files(str(twin))
        page.get_by_label("适用地区").fill("广元市")
        page.get_by_role("button", name="上传").click()
        expect(page.locator("#metadata")).to_contain_text("四川省广元市")
        browser.close()


# --- a tier told in the words people use ----------------------------------------------------------


def test_a_stall_keeper_asks_the_tier_written_as_self_employment() -> None:
    from knowledge.tiers import said_tier

    for question in ("我在荆州当个体户，开业补贴多少", "注册了个体工商户能补多少", "我开个体户的"):
        assert said_tier("从事个体经营", question), question
        assert not said_tier("创办小微企业", question), question
    assert not said_tier("从事个体经营", "我开了家小公司，补贴多少")


def test_an_ocr_scan_answers_only_the_tier_of_the_business_asked(loaded: Path) -> None:
    line, _label, _quote = _first(_ask(loaded, "常州", "在常州开个体户，开业补贴能拿多少"))
    assert "2600元" in line and "9000元" not in line
