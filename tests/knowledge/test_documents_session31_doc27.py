"""Session 31 (doc27): documents a deployment loads in three more raw forms — a 办事指南 page saved as plain
text (the site's masthead, breadcrumb and info bar above it; 事项 with 申请条件/补贴标准/申请材料/办理流程/
办理时限/受理地点 fields), a 修订 notice (amendments quoting the new wording, summaries of old and new figures,
an article deleted with its old text in brackets) and a 细则 copied out of a Word file (footnote markers with
their texts under 注释：, a tab-separated table of tiers, no 落款 date). Documents written for these tests
(盐城, 孝感, 玉溪), not the bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.filetext import page_labels, published_on, read_file
from knowledge.intake import examine, parse_clauses
from knowledge.measures import AmountKind, Measure
from knowledge.regions import Gazetteer, PlaceIndex
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.test_intake_documents import uploaded

GUIDE = "\n".join(
    (
        "盐城市人力资源和社会保障局 政务公开",
        "首页 > 公共服务 > 办事指南",
        "发布时间：2026-04-09  信息来源：市就业指导中心  【字体：大 中 小】  打印",
        "",
        "创业就业补贴申领服务指南（2026年修订）",
        "",
        "一、事项名称：开业补贴",
        "申请条件：",
        "1．2025年1月1日后在本市首次登记注册个体工商户或小微企业；",
        "2．经营满6个月，申请时仍在正常经营；",
        "3．申请人为毕业3年内高校毕业生或登记失业人员。",
        "补贴标准：登记为个体工商户的，一次性补贴4000元；登记为小微企业的，一次性补贴7000元。"
        "每吸纳1人就业并缴纳社会保险满3个月的，再增加1000元。每户补贴总额最高不超过15000元。",
        "申请材料：",
        "1．开业补贴申请表；",
        "2．营业执照复印件；",
        "3．申请人身份证。",
        "办理流程：",
        "1．受理：材料齐全的当场受理，3个工作日内完成；",
        "2．审核：区就业部门审核，12个工作日内完成；",
        "3．拨付：审核通过后8个工作日内拨付。",
        "办理时限：23个工作日。",
        "受理地点：亭湖区人民中路8号市民中心三楼就业窗口。",
        "咨询电话：0515-88123456",
        "",
        "二、事项名称：求职补贴",
        "申请条件：毕业学年内的低保家庭、脱贫家庭高校毕业生。",
        "补贴标准：每人一次性补贴1800元。",
        "申请材料：",
        "1．求职补贴申请表；",
        "2．困难身份证明。",
        "办理流程：",
        "1．申请：向所在高校就业指导中心申请；",
        "2．审核：市就业指导中心审核，10个工作日内完成。",
        "办理时限：16个工作日。",
        "受理地点：毕业生所在高校就业指导中心。",
        "咨询电话：0515-88123457",
        "",
        "三、事项名称：创业担保贷款贴息",
        "申请条件：已取得经办银行发放的创业担保贷款。",
        "补贴标准：个人创业担保贷款额度最高25万元；小微企业创业担保贷款额度最高280万元。个人贷款由财政全额贴息。",
        "申请材料：贴息申请表；借款合同。",
        "办理时限：18个工作日。",
        "受理地点：各经办银行网点。",
        "",
        "温馨提示：办理进度可在“盐城人社”App查询。",
    )
)

REVISION = "\n".join(
    (
        "孝感市人力资源和社会保障局",
        "孝感市财政局",
        "关于修订《孝感市创业就业扶持办法》部分条款的通知",
        "孝人社规〔2026〕2号",
        "各县（市、区）人力资源和社会保障局、财政局：",
        "经研究，决定对《孝感市创业就业扶持办法》（孝人社规〔2023〕5号）部分条款作如下修订：",
        "一、第六条第（二）项修改为：“（二）创业担保贷款。符合条件的个人创业者，可申请最高28万元的创业担保贷款；"
        "符合条件的小微企业，可申请最高450万元的创业担保贷款。”个人贷款额度由原“15万元”调整为“28万元”，"
        "小微企业贷款额度由原“250万元”调整为“450万元”。",
        "二、第九条第（一）项修改为：“（一）见习补贴。对吸纳离校2年内未就业高校毕业生参加见习的单位，"
        "按每人每月1700元给予就业见习补贴；见习期满留用率达到60%以上的，见习补贴标准提高至每人每月1900元。”"
        "补贴标准由原“1300元”调整为“1700元”。",
        "三、删去第十一条（创业孵化补贴，原为“对入驻孵化基地的创业实体，按实际房租的60%给予补贴，期限不超过3年”）。",
        "本通知自2026年3月1日起施行。",
        "孝感市人力资源和社会保障局　　孝感市财政局",
        "2026年2月10日",
    )
)

RULES = "\n".join(
    (
        "玉溪市人力资源和社会保障局　玉溪市财政局",
        "关于印发《玉溪市创业扶持补贴实施细则》的通知",
        "玉人社发〔2026〕9号",
        "各县（市、区）人力资源和社会保障局、财政局：",
        "　　现将《玉溪市创业扶持补贴实施细则》印发给你们，请遵照执行。",
        "玉溪市创业扶持补贴实施细则",
        "第一章　总　则",
        "　　第一条　为规范创业扶持补贴发放，根据《云南省就业补助资金管理办法》[1]，制定本细则。",
        "第二章　补贴标准",
        "　　第二条　开业补贴。在本市首次创办经营实体并正常经营1年以上的，可申请开业补贴。",
        "　　第三条　开业补贴按经营主体和吸纳就业人数[2]分档给予，具体标准如下：",
        "经营主体\t吸纳就业人数\t补贴标准",
        "个体工商户\t不限\t2500元",
        "小微企业\t1—3人\t5500元",
        "小微企业\t4人及以上\t9000元",
        "　　第四条　就业见习补贴。对吸纳见习人员的单位按每人每月1500元给予补贴，期限最长12个月[3]。",
        "第三章　附　则",
        "　　第五条　本细则自2026年7月1日起施行，有效期3年。",
        "注释：",
        "[1] 《云南省就业补助资金管理办法》（云财社〔2023〕112号）。",
        "[2] 吸纳就业人数不含经营者本人及其配偶。",
        "[3] 见习期未满被留用并签订劳动合同的，剩余期限的见习补贴继续发放。",
        "附件：玉溪市开业补贴申请表",
        "（Word 文档：玉溪市创业扶持补贴实施细则.docx　第 1 页，共 3 页）",
    )
)


def _clauses(text: str, name: str) -> list[object]:
    return list(parse_clauses(uploaded("doc"), examine(text.encode("utf-8"), name).text).clauses)


def _units(text: str, name: str) -> list[Measure]:
    clauses = parse_clauses(uploaded("doc"), examine(text.encode("utf-8"), name).text).clauses
    return list(derive_measures("doc", clauses))


def _named(units: list[Measure]) -> dict[str, str]:
    return {a.text: u.name for u in units for a in u.amounts if a.kind is not AmountKind.THRESHOLD}


# --- a 办事指南 page saved as plain text ------------------------------------------------------------------


def test_a_saved_pages_masthead_and_info_bar_name_its_issuer_and_date() -> None:
    data = GUIDE.encode("utf-8")
    assert "盐城市人力资源和社会保障局" in page_labels(data, "yancheng-guide.txt")
    assert published_on(data, "yancheng-guide.txt") == date(2026, 4, 9)
    text = read_file(data, "yancheng-guide.txt")
    assert not text.startswith("盐城市人力资源和社会保障局") and "发布时间" not in text
    facts = examine(data, "yancheng-guide.txt").facts
    assert facts.issuer == "盐城市人力资源和社会保障局" and facts.city == "盐城市"
    assert facts.title == "创业就业补贴申领服务指南（2026年修订）"
    assert facts.signed == date(2026, 4, 9)


def test_a_text_without_an_info_bar_keeps_its_first_lines() -> None:
    text = "盐城市人力资源和社会保障局\n关于发放开业补贴的通知\n各区人社局：\n一、补贴标准。每户4000元。\n"
    assert read_file(text.encode("utf-8"), "notice.txt").startswith("盐城市人力资源和社会保障局")
    assert page_labels(text.encode("utf-8"), "notice.txt") == ()


def test_each_service_item_is_one_clause_with_its_field_lists() -> None:
    clauses = _clauses(GUIDE, "yancheng-guide.txt")
    assert [c.label for c in clauses] == ["一、", "二、", "三、"]  # type: ignore[attr-defined]
    assert [c.heading for c in clauses] == ["开业补贴", "求职补贴", "创业担保贷款贴息"]  # type: ignore[attr-defined]
    assert "办理时限：23个工作日。" in clauses[0].text  # type: ignore[attr-defined]


def test_a_guide_items_standard_names_the_grant_it_states() -> None:
    named = _named(_units(GUIDE, "yancheng-guide.txt"))
    assert named["最高25万元"].startswith("创业担保贷款（") and "贴息" not in named["最高25万元"]
    assert named["最高280万元"] == "创业担保贷款（小微企业）"


# --- a 修订 notice ---------------------------------------------------------------------------------------


def test_a_deleted_article_is_named_without_its_old_text() -> None:
    ended = [u for u in _units(REVISION, "xiaogan-2026.txt") if u.ended]
    assert [u.name for u in ended] == ["创业孵化补贴"]


def test_a_summary_of_old_and_new_figures_is_no_unit_of_its_own() -> None:
    units = _units(REVISION, "xiaogan-2026.txt")
    assert not any("由原" in u.span for u in units)
    named = _named(units)
    assert named["最高28万元"] == "创业担保贷款（个人创业者）"
    assert named["最高450万元"] == "创业担保贷款（小微企业）"


def test_a_raise_said_by_the_measures_short_name_is_that_measures_tier() -> None:
    named = _named(_units(REVISION, "xiaogan-2026.txt"))
    assert named["每人每月1700元"] == "就业见习补贴"
    assert named["每人每月1900元"].startswith("就业见习补贴（")


# --- a 细则 copied out of a Word file ---------------------------------------------------------------------


def test_a_body_without_a_signing_date_is_dated_by_its_effective_date_for_review() -> None:
    facts = examine(RULES.encode("utf-8"), "yuxi-2026.txt").facts
    assert facts.signed == date(2026, 7, 1) == facts.effective
    assert any("施行日期" in problem for problem in facts.problems)


def test_each_footnote_goes_to_the_article_carrying_its_marker() -> None:
    clauses = {c.label: c.text for c in _clauses(RULES, "yuxi-2026.txt")}  # type: ignore[attr-defined]
    assert "不含经营者本人及其配偶" in clauses["第三条"]
    assert "剩余期限的见习补贴继续发放" in clauses["第四条"]
    assert "云财社〔2023〕112号" in clauses["第一条"]
    assert "注释" not in clauses["第五条"] and "配偶" not in clauses["第五条"]


def test_a_tab_separated_table_is_read_as_rows_named_by_their_tier() -> None:
    clause = next(c for c in _clauses(RULES, "yuxi-2026.txt") if c.label == "第三条")  # type: ignore[attr-defined]
    assert "小微企业｜1—3人｜5500元" in clause.text  # type: ignore[attr-defined]
    named = _named(_units(RULES, "yuxi-2026.txt"))
    assert named["2500元"] == "开业补贴（个体工商户）"
    assert named["5500元"] == "开业补贴（小微企业，1—3人）"
    assert named["9000元"] == "开业补贴（小微企业，4人及以上）"


# --- a county made a city after the division table was drawn -----------------------------------------------


def test_a_county_written_as_the_city_it_became_is_that_county() -> None:
    """同仁县 became 同仁市 in 2020; cpca's table still has the county (and 同仁 alone is an everyday word)."""
    gazetteer = Gazetteer(["黄南藏族自治州"], PlaceIndex.build())
    resolved = gazetteer.resolve("同仁市")
    assert resolved.place == "同仁县" and resolved.jurisdiction == "黄南藏族自治州"


# --- answered end to end, as staff add them ------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("doc27"),
        (("yancheng-guide.txt", GUIDE), ("xiaogan-2026.txt", REVISION), ("yuxi-2026.txt", RULES)),
    )


def test_working_days_asked_are_the_items_time_limit(published: Path) -> None:
    line, label, _ = _first(_ask(published, "盐城", "开业补贴交上去以后多少个工作日能办完"))
    assert label == "一、" and "23个工作日" in line and "4000元" not in line


def test_the_most_asked_of_a_tier_shows_the_measures_cap_beside_it(published: Path) -> None:
    line, label, _ = _first(_ask(published, "盐城", "我在盐城登记的是小微企业，开业补贴最多能拿到多少"))
    assert label == "一、" and "7000元" in line and "15000元" in line and "4000元" not in line


def test_a_standard_set_in_the_next_article_answers_the_sum(published: Path) -> None:
    line, label, _ = _first(_ask(published, "玉溪", "在玉溪办了个体户，开业补贴给多少"))
    assert label == "第三条" and "2500元" in line and "5500元" not in line and "没有写明" not in line


def test_the_individuals_loan_after_a_revision_is_the_new_wordings(published: Path) -> None:
    line, _, _ = _first(_ask(published, "孝感", "孝感个人申请创业担保贷款现在最高多少"))
    assert "28万元" in line and "450万元" not in line and "15万元" not in line
