"""Classes of answer failure fixed in session 25 (issue 10). Every case is worded apart from the
golden and held-out sets, from the source texts."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import AnswerResult, answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.intent import Intent, classify, spoken_how
from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 12, 5)


def answered(kb: KnowledgeBase, question: str) -> AnswerResult:
    return answer_result(kb.answerer.answer(question, None, AS_OF))


def cited(result: AnswerResult) -> list[str]:
    return [c.clause_id for c in result.citations]


def first_line(result: AnswerResult) -> str:
    return (result.direct_answer or "").splitlines()[0]


# ---- 西南官话 好久 / 好长 / 好多个 ask how long / how many where the phrase asks ----


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("在资阳的厂里，贫困户合同得签好长才给奖补", "duration"),
        ("扶贫车间的人要干好久才算稳定就业", "duration"),
        ("巴中扶贫基地要招好多个贫困户才有奖励", "count"),
        ("要招好多人嘛", "count"),
    ],
)
def test_spoken_how_asks_a_figure(question: str, unit: str) -> None:
    asked = classify(question)
    assert asked.primary is Intent.AMOUNT
    assert asked.units[:1] == (unit,)


@pytest.mark.parametrize(
    "question",
    [
        "我们等了好久才拿到证",  # told, after 了
        "村里好多人都没活干，有啥补贴",  # a fact: many people
        "我好久没上班了",
        "他好大岁数了",
        "厂里停工好久 那时候稳岗返还怎么算的",  # told inside the message, not where it ends
    ],
)
def test_spoken_how_told_as_a_fact_asks_nothing(question: str) -> None:
    assert spoken_how(question) == question
    assert "duration" not in classify(question).units
    assert "count" not in classify(question).units


def test_a_contract_length_asked_in_dialect_is_the_condition(kb: KnowledgeBase) -> None:
    # 资阳（十三）: 签订1年以上劳动合同并参加社会保险 (not 资阳（十九）'s 稳定就业6个月以上).
    result = answered(kb, "在资阳开厂，招贫困家庭的人，合同得签好长才有奖补")
    assert result.status is AnswerStatus.ANSWERED
    assert "1年以上" in first_line(result)
    assert "6个月以上" not in first_line(result)


def test_a_headcount_asked_in_dialect_is_the_condition(kb: KnowledgeBase) -> None:
    # 巴中（十二）: 新吸纳10个以上贫困家庭劳动力就业的就业扶贫基地.
    result = answered(kb, "巴中扶贫基地要招好多个贫困户才有奖励")
    assert "10个以上" in first_line(result)


# ---- a time limit asked by name (有时限不, 期限是多久) is where the window ends ----


def test_a_limit_asks_the_within_side() -> None:
    assert classify("技能提升补贴拿证以后有时限不").bound == "within"
    assert classify("贷款期限最长几年").bound == "within"
    assert classify("要交满几年失业保险").bound == "at_least"


def test_the_application_window_answers_a_limit(kb: KnowledgeBase) -> None:
    # 吉林（二十）: 在证书颁发之日起12个月内，可申请技能提升补贴 — not 依法参加失业保险3年以上.
    result = answered(kb, "吉林的技能提升补贴，拿到证书以后申请有时限不")
    line = first_line(result)
    assert "12个月内" in line
    assert "3年以上" not in line


# ---- who bears the cost, said in the measure's own sentence, answers first ----


@pytest.mark.parametrize(
    ("question", "payer"),
    [
        # 资阳（二十二）: 所需资金按规定从失业保险基金中列支.
        ("资阳那个职工技能提升补贴，钱是从哪儿出的", "失业保险基金"),
        # 巴中（十四）: 由安置地民政部门为其缴纳基本医疗保险费.
        ("巴中退伍兵等安排工作那阵子，医保哪个来交", "民政部门"),
        # 巴中（六）: 按规定由市财政给予业主20万元的园区建设补贴.
        ("巴中首次认定的市级孵化基地，建设补贴是哪级财政给的", "市财政"),
    ],
)
def test_the_payer_in_the_measures_sentence_answers_first(kb: KnowledgeBase, question: str, payer: str) -> None:
    asked = classify(question)
    assert asked.asks_payer
    result = answered(kb, question)
    assert result.status is AnswerStatus.ANSWERED
    assert payer in first_line(result)


def test_which_office_is_still_a_department_question() -> None:
    asked = classify("技能提升补贴哪个部门负责")
    assert asked.primary is Intent.DEPARTMENT
    assert not asked.asks_payer


# ---- whether a document is in force, asked as 正式有效的文件 ----


@pytest.mark.parametrize("question", ["巴中那个就业创业的实施意见，是正式有效的文件不", "商洛2012年的通知算有效文件吗"])
def test_in_force_asked_of_the_document_is_a_status_question(kb: KnowledgeBase, question: str) -> None:
    assert classify(question).primary is Intent.STATUS
    result = answered(kb, question)
    assert result.status is AnswerStatus.ANSWERED
    assert "正式印发" in first_line(result)


# ---- a tax or payment the documents never grant, asked of what the measures only qualify ----


@pytest.mark.parametrize(
    "question",
    [
        "在平顶山打工，工资的个人所得税怎么算",  # 平顶山（四）holds 职工工资, never 个人所得税
        "资阳上班工资个人所得税起征点多少",
    ],
)
def test_a_tax_on_wages_is_not_answered_from_a_measure_naming_wages(kb: KnowledgeBase, question: str) -> None:
    result = answered(kb, question)
    assert result.status is not AnswerStatus.ANSWERED
    assert "提前30" not in (result.direct_answer or "")


def test_a_tax_the_documents_grant_is_still_answered(kb: KnowledgeBase) -> None:
    # 平顶山（一）: 对小规模纳税人增值税征收率由3%降至1%.
    result = answered(kb, "平顶山小规模纳税人的增值税降到多少了")
    assert result.status is AnswerStatus.ANSWERED
    assert "1%" in first_line(result)


def test_a_tax_asked_by_how_much_names_no_tax(kb: KnowledgeBase) -> None:
    # 多少税 is a question glued to 税, not a tax: 吉林（七）'s general tax policy still answers, saying
    # it states no sum.
    result = answered(kb, "在吉林开个体店，一年能少交多少税")
    assert cited(result)[:1] == ["jilin-2017-07"]
    assert result.status is AnswerStatus.NO_ANSWER


def test_the_payer_is_quoted_beside_a_condition_also_asked(kb: KnowledgeBase) -> None:
    # 资阳（二十二）: 依法参加失业保险3年以上 (the figure asked) — the payer sentence is quoted, the
    # condition answers first.
    result = answered(kb, "资阳的技能提升补贴，失业保险得交满几年？这钱又是哪里出？")
    assert "3年以上" in first_line(result)


# ---- what to do next (后边咋整, 接下来咋办) asks what the documents offer, not how to apply ----


@pytest.mark.parametrize("question", ["平顶山失业金领完了，还差半年退休，后边咋整", "厂子关门了，接下来咋办"])
def test_what_next_is_advice_not_a_procedure(question: str) -> None:
    assert classify(question).primary is not Intent.PROCEDURE


def test_what_next_near_retirement_answers_the_extension(kb: KnowledgeBase) -> None:
    # 平顶山（二十二）: 距法定退休年龄不足1年的…可继续发放失业保险金直至法定退休年龄.
    result = answered(kb, "平顶山的失业保险金我快领完了，可离退休还差八个月，往后咋办")
    assert "直至法定退休年龄" in first_line(result)
