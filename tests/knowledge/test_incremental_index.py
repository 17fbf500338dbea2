"""Per-document incremental ingest into Chroma (issue 13, item 5): a real Chroma directory, the
model-free hashing vectors. Adding, replacing or deleting one document writes only that document's
records; an ingest that dies half-way is finished, not redone; the dense path asks for top-k only."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.embeddings import HashingEmbedder
from knowledge.kb import KnowledgeBase, clause_metadata
from knowledge.registry import Registry
from knowledge.retrieve import HybridRetriever, RetrievalConfig
from knowledge.store import ChromaClauseStore, StoredRecord


class CountingEmbedder(HashingEmbedder):
    """Hashing vectors, counting the texts embedded; raises after `fail_after` batches if set."""

    def __init__(self, fail_after: int | None = None) -> None:
        super().__init__()
        self.embedded = 0
        self.batches = 0
        self.fail_after = fail_after

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if self.fail_after is not None and self.batches >= self.fail_after:
            raise RuntimeError("power cut")
        self.batches += 1
        self.embedded += len(texts)
        return super().embed_documents(texts)


def records_of(registry: Registry, edit: str | None = None, drop: str | None = None) -> list[StoredRecord]:
    out = []
    for clause in registry.clauses:
        if clause.document_id == drop:
            continue
        text = clause.text + ("（已修订）" if clause.document_id == edit else "")
        out.append(StoredRecord(clause.id, text, clause_metadata(clause, registry)))
    return out


def stored_ids(store: ChromaClauseStore) -> list[str]:
    return sorted(store._collection.get(include=[])["ids"])


@pytest.fixture
def synced(tmp_path: Path, registry: Registry) -> ChromaClauseStore:
    store = ChromaClauseStore(path=tmp_path / "chroma")
    assert store.sync(records_of(registry), CountingEmbedder(), "v1") is True
    return store


def test_an_unchanged_corpus_writes_nothing(synced: ChromaClauseStore, registry: Registry) -> None:
    embedder = CountingEmbedder()
    assert synced.sync(records_of(registry), embedder, "v1") is False
    assert embedder.embedded == 0


def test_replacing_one_document_rewrites_only_its_records(synced: ChromaClauseStore, registry: Registry) -> None:
    embedder = CountingEmbedder()
    messages: list[str] = []
    assert synced.sync(records_of(registry, edit="shangluo-2012"), embedder, "v2", messages.append) is True
    own = len(registry.clauses_of("shangluo-2012"))
    assert embedder.embedded == own
    assert messages[-1] == f"写入 Chroma：{own}/{own}"
    assert stored_ids(synced) == sorted(c.id for c in registry.clauses)
    stored = {r.id: r.text for r in synced.get(["shangluo-2012-01", "jilin-2017-01"])}
    assert stored["shangluo-2012-01"].endswith("（已修订）")
    assert not stored["jilin-2017-01"].endswith("（已修订）")
    assert synced.attach(HashingEmbedder(), "v2", len(registry.clauses))


def test_deleting_one_document_deletes_only_its_records(synced: ChromaClauseStore, registry: Registry) -> None:
    embedder = CountingEmbedder()
    assert synced.sync(records_of(registry, drop="jilin-2017"), embedder, "v3") is True
    assert embedder.embedded == 0
    assert stored_ids(synced) == sorted(c.id for c in registry.clauses if c.document_id != "jilin-2017")


def test_adding_one_document_writes_only_its_records(tmp_path: Path, registry: Registry) -> None:
    store = ChromaClauseStore(path=tmp_path / "chroma")
    store.sync(records_of(registry, drop="bazhong-2018"), CountingEmbedder(), "before")
    embedder = CountingEmbedder()
    assert store.sync(records_of(registry), embedder, "after") is True
    assert embedder.embedded == len(registry.clauses_of("bazhong-2018"))
    assert stored_ids(store) == sorted(c.id for c in registry.clauses)


def test_an_ingest_that_died_half_way_is_not_attached_and_is_finished_next_time(
    tmp_path: Path, registry: Registry
) -> None:
    store = ChromaClauseStore(path=tmp_path / "chroma")
    with pytest.raises(RuntimeError, match="power cut"):
        store.sync(records_of(registry), CountingEmbedder(fail_after=2), "v1")  # 64 of 119 written
    assert not ChromaClauseStore(path=tmp_path / "chroma").attach(HashingEmbedder(), "v1", len(registry.clauses))
    embedder = CountingEmbedder()
    again = ChromaClauseStore(path=tmp_path / "chroma")
    assert again.sync(records_of(registry), embedder, "v1") is True
    assert 0 < embedder.embedded < len(registry.clauses)  # the completed documents were kept
    assert stored_ids(again) == sorted(c.id for c in registry.clauses)
    assert ChromaClauseStore(path=tmp_path / "chroma").attach(HashingEmbedder(), "v1", len(registry.clauses))


class RecordingStore(ChromaClauseStore):
    def __init__(self, path: Path) -> None:
        super().__init__(path=path)
        self.limits: list[int] = []

    def nearest(self, vector: list[float], limit: int) -> list[tuple[str, float]]:
        self.limits.append(limit)
        return super().nearest(vector, limit)


def test_the_dense_path_asks_the_store_for_the_top_k_only(tmp_path: Path, kb: KnowledgeBase) -> None:
    store = RecordingStore(tmp_path / "chroma")
    store.sync(records_of(kb.registry), kb.embedder, "topk")
    config = RetrievalConfig(dense_weight=0.3, dense_candidates=10)
    retriever = HybridRetriever(kb.registry, kb.analyzer, kb.lexical, store, kb.embedder, config)
    retrieval = retriever.retrieve("延吉 返乡创业 有啥扶持")
    assert store.limits == [10]
    assert sum(1 for item in retrieval.ranked if (item.dense or 0.0) > 0) <= 10
    assert not retrieval.degraded
