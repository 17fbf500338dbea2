"""Session 38 (doc38): between a staff upload and a good answer (issues 13 and 10). A text whose issuer is told only
in its prose or its page furniture — an interview's guests by their posts, a work report given on a government's
behalf — names that issuer (for staff to check); a site's breadcrumb and column tag are no part of a title; an
interview's exchanges are its clauses (a question with its answers); 一、2026年工作安排 is a part. Documents written
for these tests (格尔木, 哈密), not the bench's sets."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.intake import examine, extract_facts, parse_clauses
from knowledge.labels import Style, read_label

INTERVIEW = (
    "格尔木市人民政府网 > 互动交流 > 在线访谈\n"
    "【在线访谈】就业政策面对面——2026年格尔木市就业创业政策解读\n"
    "访谈时间：2026年5月12日 10:00—11:00\n"
    "访谈嘉宾：格尔木市人力资源和社会保障局副局长 王建国；格尔木市就业服务中心主任 赵丽\n"
    "文字实录\n\n"
    "主持人：各位网友好，欢迎收看在线访谈，今天请到两位嘉宾。\n"
    "王建国：主持人好，网友们好！\n\n"
    "主持人：网友“盐湖人”问：毕业一年了还没找到工作，去单位见习有补贴吗？\n"
    "赵丽：有的。见习单位吸纳离校2年内未就业高校毕业生参加见习的，按每人每月1800元给予见习补贴。\n"
    "主持人：听起来很实在。\n\n"
    "主持人：网友“昆仑路”问：想开个小饭馆，有创业补贴吗？\n"
    "王建国：首次创业、正常经营满6个月的，给予一次性创业补贴5000元。\n\n"
    "主持人：网友“小王”问：考了高级工证书能补多少？\n"
    "赵丽：参加失业保险满1年的职工取得高级工证书的，补贴2000元。\n\n"
    "主持人：感谢两位嘉宾，今天的访谈到此结束。\n"
    "王建国：谢谢大家！\n"
)

REPORT = (
    "哈密市人民政府网 > 政务公开 > 政府工作报告\n"
    "2026年哈密市政府工作报告（节选）\n"
    "——2026年1月10日在哈密市第五届人民代表大会第六次会议上\n"
    "发布时间：2026-01-16 来源：市人民政府办公室\n"
    "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。\n\n"
    "一、2025年工作回顾\n"
    "（一）经济运行稳中向好。地区生产总值增长6%。\n"
    "（二）民生持续改善。城镇新增就业1.1万人。\n"
    "二、2026年工作安排\n"
    "主要预期目标是：城镇新增就业1万人以上。\n"
    "（一）稳就业促增收。企业招用离校2年内未就业高校毕业生的，给予一次性吸纳就业补贴2000元；就业见习补贴标准提高到"
    "每人每月2000元。\n"
    "（二）强化技能培训。企业职工取得高级工证书的给予2000元技能提升补贴。\n"
    "三、全面加强政府自身建设\n"
    "我们将坚持依法行政，自觉接受监督。\n"
)


def _clauses(text: str, doc_id: str) -> list[str]:
    intake = examine(text.encode(), f"{doc_id}.txt")
    document = Document(
        id=doc_id,
        source_file=f"{doc_id}.txt",
        title=intake.facts.title or "",
        short_name="解读",
        issuer=intake.facts.issuer or "",
        province=intake.facts.province or "",
        city=intake.facts.city,
        document_number=None,
        signed=intake.facts.signed or date(2026, 1, 1),
        published=None,
        published_note=None,
        status=DocumentStatus.OFFICIAL,
        structure=Structure.AUTO,
    )
    return [clause.text for clause in parse_clauses(document, intake.text).clauses]


def test_an_interview_is_issued_by_the_bodies_its_guests_speak_for_for_staff_to_check() -> None:
    facts = examine(INTERVIEW.encode(), "geermu-fangtan.txt").facts
    assert facts.issuer == "格尔木市人力资源和社会保障局、格尔木市就业服务中心"
    assert "格尔木市" in (facts.city, facts.county)
    assert any("按正文所述" in problem and "请核对" in problem for problem in facts.problems)


def test_an_interview_is_dated_the_day_it_was_held() -> None:
    assert examine(INTERVIEW.encode(), "geermu-fangtan.txt").facts.signed == date(2026, 5, 12)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (INTERVIEW, "就业政策面对面——2026年格尔木市就业创业政策解读"),
        (REPORT, "2026年哈密市政府工作报告（节选）"),
    ],
    ids=["interview", "work report"],
)
def test_a_site_breadcrumb_and_column_tag_are_no_part_of_the_title(text: str, title: str) -> None:
    assert examine(text.encode(), "page.txt").facts.title == title


def test_a_work_report_is_issued_by_the_government_it_is_given_on_behalf_of() -> None:
    facts = examine(REPORT.encode(), "hami-baogao.txt").facts
    assert facts.issuer == "哈密市人民政府"
    assert any("按正文所述" in problem for problem in facts.problems)


def test_an_interview_whose_guests_name_no_body_stays_held_for_its_issuer() -> None:
    text = INTERVIEW.replace("格尔木市人力资源和社会保障局副局长 王建国；格尔木市就业服务中心主任 赵丽", "王建国、赵丽")
    facts = extract_facts(text)
    assert facts.issuer is None
    assert "未找到发文机关" in facts.problems


def test_each_exchange_of_an_interview_is_one_clause_its_question_with_the_answers() -> None:
    clauses = _clauses(INTERVIEW, "geermu-fangtan")
    exchanges = [text for text in clauses if text.startswith("主持人：网友")]
    assert len(exchanges) == 3
    assert "1800元" in exchanges[0] and "见习有补贴吗" in exchanges[0]
    assert not any(text.startswith(("赵丽：", "王建国：")) for text in clauses)


def test_a_part_numbered_before_a_year_is_a_part() -> None:
    label = read_label("二、2026年工作安排")
    assert label is not None and label.style == Style.CN and label.number == 2
    assert read_label("一.5倍") is None


def test_the_second_part_of_a_work_report_restarts_its_items() -> None:
    clauses = _clauses(REPORT, "hami-baogao")
    target = next(text for text in clauses if "城镇新增就业1万人以上" in text)
    assert "1.1万人" not in target
