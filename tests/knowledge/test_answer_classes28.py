"""Classes of answer failure fixed in session 27 (ans16, issue 10): a figure asked beside who bears
a cost, a measure whose figure depends on the person's group, and a benefit named by a noun of its
own that a measure only shares a generic word with. Every case is worded apart from the golden and
held-out sets."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import answer_result, answer_text
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 12, 5)


def direct(kb: KnowledgeBase, question: str) -> str:
    return answer_result(kb.answerer.answer(question, None, AS_OF)).direct_answer or ""


# ---- a loan's amount and who pays its interest, asked together ----


@pytest.mark.parametrize(
    "question",
    [
        "资阳创业担保贷款最多能贷好多 利息谁出",
        "我是资阳的贫困户，想自己创业，贷款能贷多少？利息是我出还是政府出",
    ],
)
def test_an_amount_asked_beside_who_pays_the_interest_is_answered(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert "最高不超过10万元" in direct(kb, question)
    # who bears the interest is said plainly to be unstated, never guessed
    text = answer_text(answer)
    assert "文件没有写明利息由谁承担" in text
    assert any("10万元" in c.quote for c in answer.citations)


def test_who_pays_the_interest_with_its_own_figure_asked_is_still_no_loan_sum(kb: KnowledgeBase) -> None:
    # 贴息多少 asks the interest's figure, which no document states: the loan's 10万 is not it.
    answer = kb.answerer.answer("资阳那个扶贫创业贷款 利息谁来付 贴息给多少", None, AS_OF)
    assert answer.status is not AnswerStatus.ANSWERED
    assert "10万元" not in (answer_result(answer).direct_answer or "")


# ---- a measure whose figure depends on the person's group ----


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("资阳办创业担保贷款，额度一般是多少", "最高不超过10万元"),
        ("巴中企业的稳岗补贴按什么标准给", "70%"),
    ],
)
def test_a_figure_stated_only_for_one_group_is_not_called_unstated(
    kb: KnowledgeBase, question: str, figure: str
) -> None:
    lines = direct(kb, question).splitlines()
    assert figure in "\n".join(lines)
    assert "因对象而定" in lines[0]
    assert not any("没有写明具体金额或标准。" in line for line in lines)


def test_a_measure_stating_no_figure_for_anyone_still_says_so(kb: KnowledgeBase) -> None:
    line = direct(kb, "巴中个人办创业担保贷款能贷多少").splitlines()[0]
    assert "没有写明" in line and "因对象而定" not in line


# ---- a benefit named by its own noun, which no measure here grants ----


@pytest.mark.parametrize(
    "question",
    [
        "吉林农村危房改造补助一户给多少",
        "长春农村的危房改造补贴标准是多少",
    ],
)
def test_a_benefit_named_by_its_own_noun_is_not_answered_from_a_measure_sharing_a_word(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is not AnswerStatus.ANSWERED
    line = answer_result(answer).direct_answer or ""
    assert "8元" not in line and "5000元" not in line


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("在吉林开店的补贴有多少", "5000元"),
        ("平顶山给防疫物资厂的招工补贴每人多少", "1000元"),
    ],
)
def test_a_benefit_noun_the_glossary_reads_as_the_measure_still_answers(
    kb: KnowledgeBase, question: str, figure: str
) -> None:
    assert figure in direct(kb, question)


# ---- the first line states the figure asked, beside a second kind of figure asked ----


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # a bare 多少 of its own phrase asks the measure's figure, not only the period asked beside it
        ("平顶山给见习单位的补贴是多少，一共补几个月", "70%"),
        ("吉林考下初级证，技能提升补贴能领多少，多长时间内要去申请", "1000元"),
    ],
)
def test_a_bare_how_much_beside_a_period_asks_the_figure_too(kb: KnowledgeBase, question: str, figure: str) -> None:
    assert figure in direct(kb, question)


def test_a_share_phrase_keeps_its_own_kind() -> None:
    from knowledge.intent import classify

    assert classify("灵活就业社保补贴的比例是多少").units == ("ratio",)


def test_a_period_told_by_its_end_answers_until_when(kb: KnowledgeBase) -> None:
    assert "直至法定退休年龄" in direct(kb, "平顶山离退休只剩半年的失业人员，失业保险金能发到啥时候")


@pytest.mark.parametrize(
    ("question", "figure", "not_shown"),
    [
        ("平顶山的见习单位，期满只留下两成的人，见习补贴按什么标准", "70%", "110%"),
        ("平顶山见习期满我们留用了八成，见习补贴标准多少", "110%", "的70%"),
    ],
)
def test_a_share_kept_told_in_tenths_picks_the_tier(
    kb: KnowledgeBase, question: str, figure: str, not_shown: str
) -> None:
    line = direct(kb, question)
    assert figure in line and not_shown not in line
