"""Session 39 (doc39): between a staff upload and a good answer (issues 13 and 10). A district of a municipality is
the jurisdiction its bodies name, not the municipality; a joint notice's bodies stay apart in its title; a meeting
record is titled by its own heading, not by its serial's masthead or an agenda item, and an agenda item's （草案） makes
no draft of it; a leaflet that names no kind of document is titled by its opening heading (for staff to check) and
issued by the body its imprint line names. Documents written for these tests (朝阳, 浦东, 西宁, 宝安), not the
bench's sets. Answers over such documents: a sentence whose subject hires people pays the employer; a card's line
keyed by its measure's name grants that measure; a sum and a length asked at once show the length the measure's own
sentence sets; a certificate grade the sentence does not grant gets no figure, and the grades it grants are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.intake import examine
from tests.knowledge.asking import ask_json
from tests.knowledge.test_documents_session18 import published_texts

JOINT_NOTICE = (
    "北京市朝阳区人力资源和社会保障局\n"
    "北京市朝阳区财政局\n"
    "朝人社发〔2026〕7号\n"
    "北京市朝阳区人力资源和社会保障局 北京市朝阳区财政局\n"
    "关于做好2026年就业见习工作的通知\n"
    "各街道办事处、地区办事处，各有关单位：\n"
    "现将有关事项通知如下。\n"
    "一、见习单位吸纳离校2年内未就业高校毕业生参加见习的，按每人每月2000元给予就业见习补贴。\n"
    "二、本通知自2026年3月1日起执行。\n"
    "北京市朝阳区人力资源和社会保障局\n"
    "北京市朝阳区财政局\n"
    "2026年2月1日\n"
)

MEETING_RECORD = (
    "西宁市人民政府常务会议纪要\n"
    "〔2026〕第9期\n"
    "西宁市人民政府办公室                2026年5月8日\n"
    "市政府第九次常务会议纪要\n"
    "会议时间：2026年4月30日上午10:00\n"
    "会议地点：市政府常务会议室\n"
    "2026年4月30日，市长主持召开市政府第九次常务会议，研究预算调整、就业创业等事项。现将会议议定事项纪要如下：\n"
    "会议议定事项\n"
    "一、关于2026年市级预算调整方案（草案）\n"
    "会议原则同意市财政局提出的预算调整方案（草案），请按程序提请审议。\n"
    "二、关于促进高校毕业生就业\n"
    "会议明确，企业吸纳离校2年内未就业高校毕业生并缴纳社会保险费满6个月的，按每人5000元给予一次性吸纳就业补贴。\n"
    "三、关于汛期安全生产\n"
    "会议要求各县（区）落实安全生产责任制。\n"
    "分送：各县（区）人民政府，市直各有关部门。\n"
)

LEAFLET = (
    "━━━━━━━━━━━━━━━━\n"
    "📋 宝安区就业创业政策明白卡（2026版）\n"
    "—— 2026年春季招聘会发放 ——\n"
    "━━━━━━━━━━━━━━━━\n"
    "🎓【找工作】\n"
    "★就业见习补贴：2500元/人·月（离校2年内未就业高校毕业生，最长12个月）\n"
    "★技能提升补贴：初级工1000元｜中级工1500元｜高级工2000元（企业在职职工）\n"
    "💡【想创业】\n"
    "★一次性创业补贴：6000元/户（首次创业、正常经营满1年）\n"
    "●有效期：2026年3月1日至2027年12月31日\n"
    "深圳市宝安区人力资源局　印制　2026年3月\n"
)

# The same card cut off above its heading and below its imprint: nothing names it or its issuer.
HAIDIAN = (
    "北京市海淀区人力资源和社会保障局\n"
    "海人社发〔2026〕3号\n"
    "北京市海淀区人力资源和社会保障局关于落实2026年就业创业补贴政策的通知\n"
    "各街道办事处、镇人民政府，各有关单位：\n"
    "现将有关事项通知如下。\n"
    "一、社会保险补贴。（一）企业招用就业困难人员，签订1年以上劳动合同并缴纳社会保险费的，按单位实际缴纳的基本养老、"
    "基本医疗和失业保险费给予补贴，补贴期限最长3年。（二）就业困难人员灵活就业后缴纳社会保险费的，按其实际缴费的三分之二"
    "给予补贴，补贴期限最长3年。\n"
    "二、技能提升补贴。企业职工取得高级工证书的，给予2000元技能提升补贴。\n"
    "三、本通知自2026年3月1日起执行。\n"
    "北京市海淀区人力资源和社会保障局\n"
    "2026年2月1日\n"
)

UNTITLED_LEAFLET = (
    "招聘会现场就能问，补贴政策看这里，符合条件由区人力资源局审核后发放。\n"
    + LEAFLET.split("━━━━━━━━━━━━━━━━\n")[2].rsplit("深圳市", 1)[0]
)


@pytest.mark.parametrize(
    ("issuer_line", "province", "county"),
    [
        ("北京市朝阳区人力资源和社会保障局", "北京市", "朝阳区"),
        ("上海市浦东新区人力资源和社会保障局", "上海市", "浦东新区"),
        ("重庆市江北区人民政府办公室", "重庆市", "江北区"),
    ],
    ids=["朝阳区", "浦东新区", "江北区"],
)
def test_a_district_body_of_a_municipality_is_issued_for_its_district_not_the_whole_city(
    issuer_line: str, province: str, county: str
) -> None:
    text = JOINT_NOTICE.replace("北京市朝阳区人力资源和社会保障局", issuer_line)
    facts = examine(text.encode(), "notice.txt").facts
    assert (facts.province, facts.county) == (province, county)


def test_a_joint_notices_bodies_stay_apart_in_its_title_and_each_is_an_issuer() -> None:
    facts = examine(JOINT_NOTICE.encode(), "chaoyang-2026.txt").facts
    assert facts.title == "北京市朝阳区人力资源和社会保障局 北京市朝阳区财政局关于做好2026年就业见习工作的通知"
    assert facts.issuer == "北京市朝阳区人力资源和社会保障局、北京市朝阳区财政局"


def test_a_meeting_record_is_titled_by_its_own_heading_not_its_masthead_or_an_agenda_item() -> None:
    facts = examine(MEETING_RECORD.encode(), "xining-jiyao.txt").facts
    assert facts.title == "市政府第九次常务会议纪要"
    assert facts.issuer == "西宁市人民政府办公室"
    assert facts.city == "西宁市"


def test_an_agenda_items_draft_budget_makes_no_draft_of_the_meeting_record() -> None:
    assert examine(MEETING_RECORD.encode(), "xining-jiyao.txt").facts.is_draft is False


def test_a_leaflet_is_titled_by_its_opening_heading_for_staff_to_check() -> None:
    facts = examine(LEAFLET.encode(), "baoan-mingbaika.txt").facts
    assert facts.title == "宝安区就业创业政策明白卡（2026版）"
    assert any("文首的标题行" in problem and "请核对" in problem for problem in facts.problems)
    assert "未找到标题" not in facts.problems


def test_a_leaflet_is_issued_by_the_body_its_imprint_line_names() -> None:
    facts = examine(LEAFLET.encode(), "baoan-mingbaika.txt").facts
    assert facts.issuer == "深圳市宝安区人力资源局"
    assert (facts.city, facts.county) == ("深圳市", "宝安区")


def test_a_leaflet_that_opens_with_a_sentence_is_held_for_a_title_and_an_issuer_never_invented() -> None:
    facts = examine(UNTITLED_LEAFLET.encode(), "baoan-card.txt").facts
    assert facts.title is None and facts.issuer is None
    assert "未找到标题" in facts.problems and "未找到发文机关" in facts.problems


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("doc39"),
        (("haidian-2026-tongzhi.txt", HAIDIAN), ("baoan-2026-mingbaika.txt", LEAFLET)),
    )


def _first_lines(data_dir: Path, region: str, questions: list[str]) -> list[str]:
    return [str(a["direct_answer"] or "") for a in ask_json(data_dir, region, questions, "2026-12-06")]


def test_a_person_paying_their_own_insurance_is_answered_by_their_share_not_the_employers_measure(
    published: Path,
) -> None:
    (own,) = _first_lines(published, "海淀", ["我是就业困难人员 打零工 社保是自己在交 海淀补好多 补几年"])
    assert "三分之二" in own and "3年" in own, own


def test_a_sum_and_the_length_a_card_line_sets_are_answered_together(published: Path) -> None:
    (opened,) = _first_lines(published, "宝安", ["宝安头一回创业开个小超市 一次性创业补贴多少 得开满多久"])
    assert "6000元" in opened and "满1年" in opened, opened


def test_a_card_line_keyed_by_its_measure_grants_that_measure_not_the_line_above(published: Path) -> None:
    (graded,) = _first_lines(published, "宝安", ["在宝安厂里考了个中级工证 能补多少钱"])
    assert "技能提升补贴" in graded and "1500元" in graded, graded
    assert "见习" not in graded and "1000元" not in graded and "2000元" not in graded, graded


def test_a_grade_the_sentence_does_not_grant_gets_no_figure_and_the_granted_grade_is_named(published: Path) -> None:
    (answer,) = ask_json(published, "海淀", ["海淀考了中级工证书 技能提升补贴多少"], "2026-12-06")
    first = str(answer["direct_answer"] or "")
    assert answer["status"] != "answered", answer
    assert "高级工" in first and "2000元" not in first, first


def test_a_neighbouring_district_of_the_same_municipality_is_not_answered_from_the_district_notice(
    published: Path,
) -> None:
    (answer,) = ask_json(published, "北京市朝阳区", ["考了高级工证书 技能提升补贴多少"], "2026-12-06")
    assert answer["status"] != "answered" and "2000元" not in str(answer["direct_answer"] or ""), answer
