"""Session 43 (fixd43, issue 13): the review43 defects of doc44's chat reading, beyond review43's own evidence tests
(test_review43_evidence.py). A chat passing on two notices is read as the first one's document only: the second
notice's messages are no clause of it, and intake names the second notice for staff."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
