"""Session 43 (fixd43, issue 13): the review43 defects of doc44's chat reading, beyond review43's own evidence tests
(test_review43_evidence.py). A chat passing on two notices is read as the first one's document only: the second
notice's messages are no clause of it, and intake names the second notice for staff."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from knowledge.derive import derive_measures
from knowledge.intake import examine
from tests.knowledge.asking import clauses_of

DATA = Path(__file__).parent / "data" / "review43_evidence"
TWO_NOTICES = "daliang-2026-weixinqun.txt"


def _text(name: str) -> str:
    return examine((DATA / name).read_bytes(), name).text


def test_a_second_notice_forwarded_in_a_chat_is_named_for_staff() -> None:
    facts = examine((DATA / TWO_NOTICES).read_bytes(), TWO_NOTICES).facts
    assert facts.document_number == "顺人社发〔2026〕41号"
    assert any("南人社发〔2026〕7号" in p and "请核对" in p for p in facts.problems), facts.problems


def test_no_clause_of_a_chat_holds_what_the_second_notice_says() -> None:
    texts = [c.text for c in clauses_of(_text(TWO_NOTICES), province="x", city="y", signed=date(2026, 1, 1))]
    assert any("5000元" in t for t in texts), texts
    assert not any("最低工资标准的60%" in t or "南人社发" in t for t in texts), texts


def test_a_chat_clause_is_quoted_from_its_messages_words_without_stamp_or_sender() -> None:
    clauses = clauses_of(_text("daliang-2026-banshi.txt"), province="x", city="y", signed=date(2026, 1, 1))
    asked = next(c for c in clauses if "行政服务中心" in c.text)
    assert asked.original_text.startswith("申请创业补贴要带身份证"), asked.original_text
    assert not any("陈社工" in c.original_text or "2026-10-30" in c.original_text for c in clauses)


# A 政策解读 signed by a unit of a department, quoting the 落款 of the 办法 it explains (review43's jiedu.txt).
EXPLAINED = """《沂水县2026年创业补贴实施办法》政策解读

一、出台背景
为进一步促进创业带动就业，县人社局会同县财政局制定了《沂水县2026年创业补贴实施办法》。原办法落款如下：
沂水县人力资源和社会保障局
沂水县财政局
2025年12月1日

二、主要内容
（一）一次性创业补贴。在本县首次创办小微企业、正常经营满1年并按规定缴纳社会保险的，给予一次性创业补贴5000元。

县就业服务中心政策法规股
2026年3月20日
"""


def test_a_documents_own_last_signature_decides_its_day_not_a_quoted_one() -> None:
    facts = examine(EXPLAINED.encode(), "yishui-jiedu.txt").facts
    assert facts.signed == date(2026, 3, 20)
    assert any("县就业服务中心政策法规股" in p and "请核对" in p for p in facts.problems), facts.problems


def test_a_deadlines_clock_time_in_a_table_row_is_no_figure_of_the_grant() -> None:
    """The row keeps its measure once its date and time are no chat stamp (fa3a9a74); its 17:00 is when, not a ratio."""
    row = (
        "某某县人力资源和社会保障局关于2026年创业补贴申报的通知\n一、补贴项目\n"
        "一次性创业补贴｜每户5000元｜2026年11月30日 17:00"
    )
    clauses = clauses_of(row, province="x", city="y", signed=date(2026, 1, 1))
    amounts = [a.text for m in derive_measures("t-2026", clauses) for a in m.amounts]
    assert "5000元" in amounts and not any("17" in a for a in amounts), amounts
