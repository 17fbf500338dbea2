"""Which measure a question is about (issue 10 groundwork). The cases are the failure examples of
the issue — regression tests, not the evaluation set (bench/bench_measures.py reports that)."""

from __future__ import annotations

import pytest

from knowledge.errors import QueryError
from knowledge.evaluation import DEV_SETS, golden_set
from knowledge.intent import classify
from knowledge.kb import KnowledgeBase
from knowledge.measure_match import MeasureMatch, MeasureMatcher
from knowledge.measures import load_measures
from knowledge.query import tokenize
from knowledge.registry import Registry


@pytest.fixture(scope="module")
def matcher(kb: KnowledgeBase) -> MeasureMatcher:
    return MeasureMatcher(load_measures(), tokenize, kb.lexical.idf)


def top(kb: KnowledgeBase, matcher: MeasureMatcher, question: str) -> MeasureMatch:
    retrieval = kb.retriever.retrieve(question)
    return matcher.match(retrieval, classify(retrieval.analysis.question))[0]


@pytest.mark.parametrize(
    "question",
    [
        "吉林大学生创业补贴多少钱",
        "长春创业补贴多少钱",
        "吉林省大学生第一次创业开个小店，能拿多少钱补贴？",
        "我是大学生，在长春开了个小店，有什么补贴？",
    ],
)
def test_the_headline_startup_subsidy_is_the_first_measure(
    kb: KnowledgeBase, matcher: MeasureMatcher, question: str
) -> None:
    best = top(kb, matcher, question)
    assert best.measure.id == "jilin-2017.startup_subsidy"
    assert best.payable_amounts == ("一次性5000元",)


def test_an_internship_question_never_gets_the_skill_subsidy_tiers(kb: KnowledgeBase, matcher: MeasureMatcher) -> None:
    best = top(kb, matcher, "吉林见习补贴标准")
    assert "见习" in best.measure.name
    assert not any("1500元" in amount for amount in best.payable_amounts)


def test_words_inside_a_figure_are_no_evidence_for_its_measure(kb: KnowledgeBase, matcher: MeasureMatcher) -> None:
    retrieval = kb.retriever.retrieve("平顶山现在的最低工资一个月多少钱")
    matches = matcher.match(retrieval, classify(retrieval.analysis.question))
    internship = next(m for m in matches if m.measure.id == "pingdingshan-2020.employment_internship_subsidy")
    assert internship.own_overlap < 0.5
    assert matches[0].measure.id != internship.measure.id


def test_a_loan_cap_question_gets_the_loan_measure_with_its_cap(kb: KnowledgeBase, matcher: MeasureMatcher) -> None:
    best = top(kb, matcher, "资阳创业担保贷款最高能贷多少")
    assert "贷款" in best.measure.name
    assert any("10万元" in amount for amount in best.payable_amounts)
    assert not any("1000元" in amount for amount in best.payable_amounts)


def test_the_order_breaks_ties_on_the_measure_id(kb: KnowledgeBase, matcher: MeasureMatcher) -> None:
    retrieval = kb.retriever.retrieve("长春 返乡创业")
    matches = matcher.match(retrieval, classify(retrieval.analysis.question))
    keys = [(-m.score, m.measure.id) for m in matches]
    assert keys == sorted(keys)


def test_every_measure_an_answer_names_is_inside_a_cited_clause_with_its_own_figures(
    kb: KnowledgeBase, registry: Registry
) -> None:
    questions = [q.question for name in DEV_SETS for q in golden_set(name)]
    named = 0
    for question in questions:
        try:
            answer = kb.answerer.answer(question)
        except QueryError:
            continue
        cited = {c.clause_id for c in answer.citations}
        for ref in answer.measures:
            named += 1
            assert ref.clause_id in cited, (question, ref.measure_id)
            assert ref.quote in registry.get(ref.clause_id).text, ref.measure_id
            for piece in (ref.amount_text or "").split("；"):
                assert piece in ref.quote, (ref.measure_id, piece)
    assert named > len(questions) / 2


def test_a_money_question_is_never_answered_by_a_duration_nor_the_reverse(
    kb: KnowledgeBase, matcher: MeasureMatcher
) -> None:
    money = top(kb, matcher, "平顶山失业补助金一个月多少钱")
    assert money.measure.id == "pingdingshan-2020.unemployment_assistance_allowance"
    assert "发放6个月" not in money.payable_amounts and any("80%" in a for a in money.payable_amounts)
    duration = top(kb, matcher, "平顶山失业补助金能领几个月")
    assert duration.payable_amounts == ("发放6个月",)
