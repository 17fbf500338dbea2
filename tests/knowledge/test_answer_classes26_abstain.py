"""Classes of answer failure fixed in session 26 (issue 10): when to answer. Every case is worded
apart from the golden and held-out sets, from the source texts."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 12, 5)


def cited_first(kb: KnowledgeBase, question: str) -> str | None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED, question
    return answer.citations[0].clause_id if answer.citations else None


# ---- an outside topic (基金) that a close clause grants: the documents set it ----


def test_outside_topic_granted_by_a_close_clause_is_answered(kb: KnowledgeBase) -> None:
    # 吉林（六） injects money into 高校毕业生创业基金; the best clause is（八）'s graduates' subsidy.
    assert cited_first(kb, "吉林有家公司自己出钱设了个帮毕业生创业的基金，省里有没有支持") == "jilin-2017-06"


@pytest.mark.parametrize("question", ["考研调剂什么时候开始", "简历怎么写"])
def test_outside_topic_only_named_by_a_clause_stays_declined(kb: KnowledgeBase, question: str) -> None:
    # a clause holding the topic word and nothing else of the question is no answer
    assert kb.answerer.answer(question, None, AS_OF).status is AnswerStatus.NO_ANSWER


# ---- an everyday phrase the glossary reads as a covered concept (投简历 = 求职) holding an outside word ----


def test_job_hunting_told_as_sending_cvs_is_no_question_about_cvs(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("我在平顶山找了半年工作，一直投简历也没人要，家里是低保，有补贴吗", None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED


# ---- a place and a kind of measure, nothing else: which of them there are ----


@pytest.mark.parametrize(("question", "region"), [("平顶山补贴", "pingdingshan"), ("巴中补贴", "bazhong")])
def test_a_place_and_a_kind_of_measure_lists_its_measures(kb: KnowledgeBase, question: str, region: str) -> None:
    first = cited_first(kb, question)
    assert first is not None and first.startswith(region)


def test_a_kind_word_no_measure_of_the_place_is_named_by_stays_declined(kb: KnowledgeBase) -> None:
    assert kb.answerer.answer("资阳奖金", None, AS_OF).status is AnswerStatus.NO_ANSWER


# ---- a trade's certificate named the way people name it (挖机证, 焊接证) ----


@pytest.mark.parametrize("question", ["我在长春考了个挖机证，能申请补贴吗", "吉林 前年拿的焊接证 现在还能申请补贴不"])
def test_a_trade_certificate_reads_as_a_vocational_certificate(kb: KnowledgeBase, question: str) -> None:
    assert cited_first(kb, question) == "jilin-2017-20"  # 技能提升补贴: 职业资格证书或职业技能等级证书


@pytest.mark.parametrize(
    "question", ["驾驶证怎么考", "身份证丢了怎么补办", "这个政策能保证吗", "营业执照那些证要跑几个部门"]
)
def test_civil_certificates_and_verbs_in_zheng_are_no_vocational_certificate(kb: KnowledgeBase, question: str) -> None:
    analysis = kb.answerer.retriever.analyzer.analyze(question)
    assert "职业资格证书" not in analysis.expansions


# ---- measures found only through who pays and that money is paid (政府, 补): the topic is not covered ----


@pytest.mark.parametrize("question", ["平顶山旧家电以旧换新 政府补多少钱", "平顶山旧摩托车报废 政府补多少"])
def test_measures_sharing_only_who_pays_do_not_answer(kb: KnowledgeBase, question: str) -> None:
    assert kb.answerer.answer(question, None, AS_OF).status is AnswerStatus.NO_ANSWER


@pytest.mark.parametrize(
    ("question", "clause"),
    [("平顶山政府给见习的大学生补贴多少", "pingdingshan-2020-13"), ("资阳奖补", "ziyang-2017-07")],
)
def test_a_topic_beside_who_pays_still_answers(kb: KnowledgeBase, question: str, clause: str) -> None:
    assert cited_first(kb, question) == clause
