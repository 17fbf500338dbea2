"""The Chroma index is rebuilt whenever it does not hold exactly the current clauses, and a failing
dense path never fails an answer."""

from __future__ import annotations

from pathlib import Path

from knowledge.embeddings import HashingEmbedder
from knowledge.kb import KnowledgeBase
from knowledge.registry import Registry
from knowledge.retrieve import RetrievalConfig
from knowledge.store import ChromaClauseStore


def test_a_half_written_index_is_not_attached(tmp_path: Path, registry: Registry) -> None:
    KnowledgeBase.open(tmp_path)
    store = ChromaClauseStore(path=tmp_path / "chroma")
    embedder = HashingEmbedder()
    assert store.attach(embedder, registry.content_hash, len(registry.clauses))
    store._collection.delete(ids=[c.id for c in registry.clauses[32:]])  # an ingest that died mid-way
    assert not store.attach(embedder, registry.content_hash, len(registry.clauses))
    reopened = KnowledgeBase.open(tmp_path)
    assert reopened.store.attach(embedder, registry.content_hash, len(registry.clauses))


def test_other_content_is_not_attached(tmp_path: Path, registry: Registry) -> None:
    KnowledgeBase.open(tmp_path)
    store = ChromaClauseStore(path=tmp_path / "chroma")
    assert not store.attach(HashingEmbedder(), "another-hash", len(registry.clauses))


class ExplodingEmbedder(HashingEmbedder):
    def embed_query(self, text: str) -> list[float]:
        raise RuntimeError("model crashed")


def test_an_embedder_failure_degrades_to_lexical(tmp_path: Path) -> None:
    kb = KnowledgeBase.open(tmp_path, config=RetrievalConfig(dense_weight=0.3))
    kb.retriever.embedder = ExplodingEmbedder()
    retrieval = kb.retriever.retrieve("延吉 返乡创业 有啥扶持")
    assert retrieval.degraded
    assert retrieval.in_scope[0].clause.id == "jilin-2017-11"
    assert all(item.dense is None for item in retrieval.ranked)
    again = kb.retriever.retrieve("失业补助金")  # inside the back-off window: not retried
    assert again.degraded


def test_dense_fusion_with_the_default_hashing_vectors_runs(tmp_path: Path) -> None:
    kb = KnowledgeBase.open(tmp_path, config=RetrievalConfig(dense_weight=0.2))
    retrieval = kb.retriever.retrieve("延吉 返乡创业 有啥扶持")
    assert not retrieval.degraded
    assert retrieval.in_scope[0].dense is not None
