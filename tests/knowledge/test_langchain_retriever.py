"""The clause retriever through langchain's `BaseRetriever`: Documents with citation metadata,
region scoping, `k` and `region` per call, no documents where the product abstains, an absolute
score to threshold on, and composition in an LCEL chain. LangChain's own standard suite runs in
test_langchain_standard.py."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from langchain_core.documents import Document
from langchain_core.runnables import RunnableLambda
from pydantic import ValidationError

from knowledge.answer import AnswerPolicy
from knowledge.answer_model import AnswerStatus
from knowledge.evaluation import GoldenQuestion, load_golden
from knowledge.kb import KnowledgeBase
from knowledge.langchain_retriever import PolicyClauseRetriever
from knowledge.registry import Registry
from tests.conftest import GOLDEN

METADATA_KEYS = {
    "clause_id",
    "document_id",
    "clause_number",
    "clause_label",
    "heading",
    "jurisdiction",
    "document_title",
    "issuer",
    "date",
    "document_status",
    "score",
    "evidence",
}


def test_invoke_returns_clause_documents_with_citation_metadata_best_first(
    kb: KnowledgeBase, registry: Registry
) -> None:
    retriever = PolicyClauseRetriever(retriever=kb.retriever, k=3)
    documents = retriever.invoke("高校毕业生求职创业补贴怎么申请")

    assert len(documents) == 3
    assert all(isinstance(d, Document) for d in documents)
    for document in documents:
        assert set(document.metadata) == METADATA_KEYS
        clause = registry.get(document.metadata["clause_id"])
        source = registry.document_of(clause)
        assert document.page_content == clause.text
        assert document.id == clause.id
        assert document.metadata["clause_number"] == clause.clause_number
        assert document.metadata["clause_label"] == clause.label
        assert document.metadata["document_title"] == source.title
        assert document.metadata["date"] == source.signed.isoformat()
        assert document.metadata["document_status"] in {"official", "draft"}
    scores = [d.metadata["score"] for d in documents]
    assert scores == sorted(scores, reverse=True)


def test_documents_follow_the_retriever_ranking(kb: KnowledgeBase) -> None:
    question = "在长春开店有补贴吗？"
    expected = [item.clause.id for item in kb.retriever.retrieve(question).in_scope[:4]]
    documents = PolicyClauseRetriever(retriever=kb.retriever).invoke(question)
    assert [d.metadata["clause_id"] for d in documents] == expected


def test_a_changchun_question_returns_only_jilin_clauses(kb: KnowledgeBase, registry: Registry) -> None:
    documents = PolicyClauseRetriever(retriever=kb.retriever, k=100).invoke("在长春开店有补贴吗？")
    assert len(documents) == len(registry.clauses_of("jilin-2017")) == 30
    assert {d.metadata["document_id"] for d in documents} == {"jilin-2017"}
    assert {d.metadata["jurisdiction"] for d in documents} == {"吉林省"}
    assert documents[0].metadata["clause_id"] == "jilin-2017-07"


def test_the_region_field_scopes_a_question_that_names_no_place(kb: KnowledgeBase) -> None:
    question = "创业担保贷款额度是多少"
    unscoped = PolicyClauseRetriever(retriever=kb.retriever, k=8).invoke(question)
    scoped = PolicyClauseRetriever(retriever=kb.retriever, k=8, region="巴中").invoke(question)
    assert len({d.metadata["document_id"] for d in unscoped}) > 1
    assert {d.metadata["document_id"] for d in scoped} == {"bazhong-2018"}


def test_an_uncovered_region_returns_no_documents(kb: KnowledgeBase) -> None:
    assert PolicyClauseRetriever(retriever=kb.retriever).invoke("北京 大学生创业补贴") == []


def labels_of(documents: list[Document]) -> list[str]:
    return [f"{d.metadata['jurisdiction']}{d.metadata['clause_label']}" for d in documents]


def test_it_composes_in_an_lcel_chain(kb: KnowledgeBase) -> None:
    retriever = PolicyClauseRetriever(retriever=kb.retriever, k=2)
    chain = retriever | RunnableLambda(labels_of)
    labels = chain.invoke("在长春开店有补贴吗？")
    direct = retriever.invoke("在长春开店有补贴吗？")
    assert labels == [f"吉林省{d.metadata['clause_label']}" for d in direct]
    assert labels[0] == "吉林省（七）"
    batched = chain.batch(["在长春开店有补贴吗？", "巴中 创业担保贷款"])
    assert batched[0] == labels
    assert len(batched[1]) == 2 and all(label.startswith("巴中市") for label in batched[1])


QUESTION = "创业担保贷款额度是多少"


def test_k_at_invoke_time_overrides_the_instance_default(kb: KnowledgeBase) -> None:
    retriever = PolicyClauseRetriever(retriever=kb.retriever)
    default = retriever.invoke(QUESTION)
    assert len(default) == 4
    assert [d.id for d in retriever.invoke(QUESTION, k=1)] == [default[0].id]
    assert [d.id for d in retriever.invoke(QUESTION, k=7)][:4] == [d.id for d in default]
    assert len(retriever.invoke(QUESTION, k=7)) == 7
    assert len(retriever.invoke(QUESTION)) == 4


async def test_ainvoke_takes_the_same_keywords_and_gives_the_same_documents(kb: KnowledgeBase) -> None:
    retriever = PolicyClauseRetriever(retriever=kb.retriever, k=5)
    calls: list[dict[str, Any]] = [{}, {"k": 2}, {"region": "巴中"}, {"k": 1, "region": "吉林"}]
    for keywords in calls:
        expected = [d.id for d in retriever.invoke(QUESTION, **keywords)]
        assert [d.id for d in await retriever.ainvoke(QUESTION, **keywords)] == expected
    assert await retriever.ainvoke("  ") == []


def test_k_below_one_is_refused_at_construction_and_at_invoke_time(kb: KnowledgeBase) -> None:
    with pytest.raises(ValidationError):
        PolicyClauseRetriever(retriever=kb.retriever, k=0)
    with pytest.raises(ValueError, match="k must be at least 1"):
        PolicyClauseRetriever(retriever=kb.retriever).invoke(QUESTION, k=0)


@pytest.mark.parametrize(
    ("region", "jurisdictions"),
    [("巴中", {"巴中市"}), ("通江县", {"巴中市"}), ("吉林", {"吉林省"}), ("四川", {"巴中市", "资阳市"})],
    ids=["city", "county-of-a-covered-city", "province", "partly-covered-province"],
)
def test_region_at_invoke_time_is_resolved_as_the_product_resolves_it(
    kb: KnowledgeBase, region: str, jurisdictions: set[str]
) -> None:
    documents = PolicyClauseRetriever(retriever=kb.retriever, k=200).invoke(QUESTION, region=region)
    expected = kb.retriever.retrieve(QUESTION, region)
    assert [d.id for d in documents] == [item.clause.id for item in expected.in_scope]
    assert {d.metadata["jurisdiction"] for d in documents} == jurisdictions == set(expected.scope)
    answer = kb.answerer.answer(QUESTION, region, date(2026, 11, 21))
    # No other region is quoted (session 41: the labelled "elsewhere" version of the asked measure is gone).
    assert {c.jurisdiction for c in answer.citations} <= jurisdictions


def test_the_region_keyword_overrides_the_instance_region(kb: KnowledgeBase) -> None:
    retriever = PolicyClauseRetriever(retriever=kb.retriever, k=8, region="巴中")
    assert {d.metadata["document_id"] for d in retriever.invoke(QUESTION)} == {"bazhong-2018"}
    assert {d.metadata["document_id"] for d in retriever.invoke(QUESTION, region="吉林")} == {"jilin-2017"}
    assert retriever.invoke(QUESTION, region="北京") == []


@pytest.mark.parametrize("question", ["", " ", "\u3000\n\t "], ids=["empty", "space", "blank-mix"])
def test_an_empty_or_blank_question_returns_no_documents(kb: KnowledgeBase, question: str) -> None:
    assert PolicyClauseRetriever(retriever=kb.retriever).invoke(question) == []


@pytest.mark.parametrize(
    "question",
    [
        "今天天气怎么样",  # no policy word at all: evidence 0
        "退休以后养老金怎么领",  # 养老金 is a known out-of-scope topic the best clause does not mention
        "工伤认定流程",
    ],
    ids=["no-evidence", "pension", "work-injury"],
)
def test_an_out_of_scope_question_returns_no_documents_not_score_zero_padding(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, date(2026, 11, 21))
    assert (answer.status, list(answer.citations)) == (AnswerStatus.NO_ANSWER, [])
    assert PolicyClauseRetriever(retriever=kb.retriever, k=50).invoke(question) == []


GOLDEN_SETS = {
    name: load_golden(GOLDEN / file)
    for name, file in [
        ("dev", "retrieval.yaml"),
        ("dev2", "retrieval_dev2.yaml"),
        ("holdout", "retrieval_holdout.yaml"),
    ]
}


@pytest.mark.parametrize("golden", list(GOLDEN_SETS.values()), ids=list(GOLDEN_SETS))
def test_documents_come_back_exactly_when_the_product_cites_a_clause(
    kb: KnowledgeBase, golden: list[GoldenQuestion]
) -> None:
    """Empty exactly when the product's answer cites nothing (uncovered place, no evidence, out of
    scope, no measure about the question); otherwise the product's first cited clause first and every
    clause it cites in the searched jurisdictions among the documents."""
    retriever = PolicyClauseRetriever(retriever=kb.retriever, k=200, answerer=kb.answerer)
    mismatches = []
    for item in golden:
        answer = kb.answerer.answer(item.question, None, date(2026, 11, 21))
        cited = [c.clause_id for c in answer.citations if c.jurisdiction in answer.scope]
        found = [d.id for d in retriever.invoke(item.question)]
        if bool(found) != bool(cited) or (found and (found[0] != cited[0] or not set(cited) <= set(found))):
            mismatches.append((item.id, cited, found[:4]))
    assert mismatches == []


def evidence_of(documents: list[Document], clause_id: str) -> float:
    return next(float(d.metadata["evidence"]) for d in documents if d.id == clause_id)


def test_evidence_is_absolute_an_exact_clause_title_scores_above_an_unrelated_question(
    kb: KnowledgeBase, registry: Registry
) -> None:
    clause = registry.get("jilin-2017-10")
    retriever = PolicyClauseRetriever(retriever=kb.retriever, k=30, region="吉林")
    by_title = retriever.invoke(clause.heading)
    unrelated = retriever.invoke("引导高校毕业生到基层就业")
    assert by_title[0].id == clause.id and unrelated[0].id != clause.id
    # The per-question score cannot tell them apart; the evidence can, for the same clause and for the tops.
    assert by_title[0].metadata["score"] == unrelated[0].metadata["score"] == 1.0
    assert evidence_of(by_title, clause.id) > evidence_of(unrelated, clause.id)
    assert by_title[0].metadata["evidence"] > unrelated[0].metadata["evidence"]


def test_evidence_does_not_depend_on_k_or_on_the_other_clauses_of_the_question(kb: KnowledgeBase) -> None:
    retriever = PolicyClauseRetriever(retriever=kb.retriever, k=100)
    wide = {d.id: d.metadata["evidence"] for d in retriever.invoke("创业担保贷款")}
    narrow = {d.id: d.metadata["evidence"] for d in retriever.invoke("创业担保贷款", region="巴中")}
    assert narrow and all(wide[clause_id] == evidence for clause_id, evidence in narrow.items())


def keep_above(threshold: float) -> RunnableLambda[list[Document], list[Document]]:
    return RunnableLambda(lambda documents: [d for d in documents if d.metadata["evidence"] >= threshold])


def test_a_chain_can_threshold_on_evidence(kb: KnowledgeBase) -> None:
    retriever = PolicyClauseRetriever(retriever=kb.retriever, k=8)
    strong, weak = "稳妥安置化解钢铁煤炭行业过剩产能企业职工", "巴中 创业担保贷款"
    assert retriever.invoke(strong) and retriever.invoke(weak)
    strict = retriever | keep_above(20.0)
    assert [d.id for d in strict.invoke(strong)][:1] == ["jilin-2017-10"]
    assert strict.invoke(weak) == []
    # At the product's own bar the best document of any question the retriever answers is kept.
    product_bar = retriever | keep_above(AnswerPolicy().min_evidence)
    for question in [strong, weak, QUESTION, "在长春开店有补贴吗？"]:
        kept = product_bar.invoke(question)
        assert kept[0].id == retriever.invoke(question)[0].id
        assert all(d.metadata["evidence"] >= AnswerPolicy().min_evidence for d in kept)
