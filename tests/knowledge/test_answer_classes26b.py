"""Classes of answer failure fixed in session 26 (ans14, issue 10): which measure and which of its
figures the first line gives. Every case is worded apart from the golden and held-out sets."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import answer_result
from knowledge.intent import Intent, classify
from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 12, 5)


def first_line(kb: KnowledgeBase, question: str) -> str:
    return (answer_result(kb.answerer.answer(question, None, AS_OF)).direct_answer or "").splitlines()[0]


# ---- who bears a loss, with the share asked: a figure, not a department ----


@pytest.mark.parametrize(
    "question",
    [
        "平顶山的创业贷款要是收不回来，由谁兜底，各占几成",
        "平顶山 创业担保贷款坏账 谁来分担 比例是多少",
    ],
)
def test_who_bears_with_a_share_asked_is_answered_by_the_share(kb: KnowledgeBase, question: str) -> None:
    asked = classify(question)
    assert asked.primary is Intent.AMOUNT and not asked.asks(Intent.DEPARTMENT)
    assert "8：2" in first_line(kb, question)


def test_a_department_asked_beside_a_share_stays_a_department_question() -> None:
    assert classify("担保贷款代偿的钱，哪个部门负责，比例多少").asks(Intent.DEPARTMENT)


# ---- a small business and keeping every worker, as an owner tells them ----


@pytest.mark.parametrize(
    "question",
    [
        "平顶山我们厂三十来号人，去年一个人也没辞退，稳岗返还按什么标准返",
        "我在平顶山开了个小加工厂，去年一个工人都没裁，稳岗返还能返多少",
    ],
)
def test_a_small_business_keeping_its_workers_gets_the_raised_refund(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "100%" in line and "6个月" not in line


def test_a_large_workforce_is_not_told_as_a_small_business(kb: KnowledgeBase) -> None:
    assert "100%" not in first_line(kb, "平顶山一家大厂三千号人，稳岗返还能返多少")


# ---- a person asking a sum for themself is not given an employer's figure as theirs ----


@pytest.mark.parametrize("question", ["安岳失业了能拿多少钱", "乐至县失业了 可以领到多少钱"])
def test_an_employers_figure_is_not_the_persons_money(kb: KnowledgeBase, question: str) -> None:
    assert "（发给用人单位）" not in first_line(kb, question)


def test_a_measure_named_by_the_person_keeps_its_figure(kb: KnowledgeBase) -> None:
    """见习补贴 named: paid to the employer, its own figure is still what was asked."""
    assert "70%" in first_line(kb, "平顶山见习补贴能拿到多少")
