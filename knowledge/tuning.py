"""Choosing the dense/lexical fusion weight on the dev golden set (`policybot tune`, bench/).

Weight 0 (lexical alone) is always a candidate and a fused weight must do at least as well on
every abstain figure, so the chosen fusion is never worse than the lexical path it builds on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from knowledge.answer import Answerer
from knowledge.embeddings import Embedder
from knowledge.evaluation import GoldenQuestion, Metrics, evaluate
from knowledge.kb import KnowledgeBase
from knowledge.retrieve import HybridRetriever, Retrieval, RetrievalConfig

DEFAULT_WEIGHTS: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass(frozen=True)
class WeightTrial:
    dense_weight: float
    metrics: Metrics
    degraded: bool


class _RememberedQueries:
    """The same questions are embedded once, however many weights are tried."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._queries: dict[str, list[float]] = {}

    @property
    def name(self) -> str:
        return self._embedder.name

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        if text not in self._queries:
            self._queries[text] = self._embedder.embed_query(text)
        return self._queries[text]


class _DegradationWatch:
    """Retrieves like the retriever and remembers whether the dense path ever fell back to lexical:
    a trial that silently ran lexical-only says nothing about its weight."""

    def __init__(self, retriever: HybridRetriever) -> None:
        self._retriever = retriever
        self.degraded = False

    def __call__(self, question: str) -> Retrieval:
        retrieval = self._retriever.retrieve(question)
        self.degraded = self.degraded or retrieval.degraded
        return retrieval


def with_weights(weights: list[float] | tuple[float, ...]) -> list[float]:
    """The weights to try: always 0, each once, ascending."""
    for weight in weights:
        if not 0.0 <= weight <= 1.0:
            raise ValueError(f"dense_weight must lie in [0, 1], got {weight}")
    return sorted({0.0, *(round(float(w), 4) for w in weights)})


def retriever_for(kb: KnowledgeBase, config: RetrievalConfig, embedder: Embedder | None = None) -> HybridRetriever:
    return HybridRetriever(kb.registry, kb.analyzer, kb.lexical, kb.store, embedder or kb.embedder, config)


def answerer_with_weight(kb: KnowledgeBase, dense_weight: float) -> Answerer:
    """The knowledge base's answerer with another fusion weight and everything else unchanged."""
    config = replace(kb.retriever.config, dense_weight=dense_weight)
    return Answerer(retriever_for(kb, config), kb.answerer.policy)


def try_weights(
    kb: KnowledgeBase,
    golden: list[GoldenQuestion],
    weights: list[float] | tuple[float, ...],
    base: RetrievalConfig | None = None,
) -> list[WeightTrial]:
    """Evaluate the golden set once per dense weight; other weights stay as in `base`."""
    start = base or kb.retriever.config
    embedder = _RememberedQueries(kb.embedder)
    trials: list[WeightTrial] = []
    for weight in with_weights(weights):
        retriever = retriever_for(kb, replace(start, dense_weight=weight), embedder)
        watched = _DegradationWatch(retriever)
        metrics, _ = evaluate(Answerer(retriever, kb.answerer.policy), golden, watched)
        trials.append(WeightTrial(dense_weight=weight, metrics=metrics, degraded=watched.degraded))
    return trials


def is_at_least_as_safe(trial: WeightTrial, lexical: WeightTrial) -> bool:
    """Fusion may not abstain more on answerable questions nor answer more unanswerable ones."""
    return (
        trial.metrics.false_abstain_rate <= lexical.metrics.false_abstain_rate
        and trial.metrics.abstain_recall >= lexical.metrics.abstain_recall
    )


def choose(trials: list[WeightTrial]) -> WeightTrial:
    """Best hit@1, then MRR, then the smaller weight, among weights at least as safe as lexical."""
    lexical = next(t for t in trials if t.dense_weight == 0.0)
    eligible = [t for t in trials if not t.degraded and is_at_least_as_safe(t, lexical)]
    return max(eligible, key=lambda t: (t.metrics.hit_at_1, t.metrics.mrr, -t.dense_weight))
