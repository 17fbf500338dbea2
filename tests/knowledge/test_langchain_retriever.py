"""The clause retriever through langchain's `BaseRetriever`: Documents with citation metadata,
region scoping, and composition in an LCEL chain."""

from __future__ import annotations

from langchain_core.documents import Document
from langchain_core.runnables import RunnableLambda

from knowledge.kb import KnowledgeBase
from knowledge.langchain_retriever import PolicyClauseRetriever
from knowledge.registry import Registry

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


def test_it_composes_in_an_lcel_chain(kb: KnowledgeBase) -> None:
    retriever = PolicyClauseRetriever(retriever=kb.retriever, k=2)
    chain = retriever | RunnableLambda(
        lambda documents: [f"{d.metadata['jurisdiction']}{d.metadata['clause_label']}" for d in documents]
    )
    labels = chain.invoke("在长春开店有补贴吗？")
    direct = retriever.invoke("在长春开店有补贴吗？")
    assert labels == [f"吉林省{d.metadata['clause_label']}" for d in direct]
    assert labels[0] == "吉林省（七）"
    batched = chain.batch(["在长春开店有补贴吗？", "巴中 创业担保贷款"])
    assert batched[0] == labels
    assert len(batched[1]) == 2 and all(label.startswith("巴中市") for label in batched[1])
