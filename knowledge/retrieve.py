"""Hybrid retrieval: BM25 (always) fused with dense vectors from Chroma (when a model is set).

The region named in the question decides which documents are searched first; the lexical path
alone must serve well because no Chinese embedding model can be installed on every machine.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import numpy as np

from knowledge.clauses import Clause
from knowledge.embeddings import Embedder
from knowledge.lexical import LexicalIndex
from knowledge.query import QueryAnalysis, QueryAnalyzer
from knowledge.registry import Registry
from knowledge.store import ClauseStore

log = logging.getLogger(__name__)
DENSE_RETRY_SECONDS = 15.0


@dataclass(frozen=True)
class RetrievalConfig:
    """Tunable weights; defaults were chosen on the dev golden set (see docs/retrieval.md).

    `dense_retry_seconds`: after a failed vector query (Chroma server down, model error) answers come
    from the lexical index alone for this long before the dense path is tried again.
    """

    sentence_weight: float = 0.5
    expansion_weight: float = 0.5
    bigram_weight: float = 0.1
    dense_weight: float = 0.0
    dense_retry_seconds: float = DENSE_RETRY_SECONDS


@dataclass(frozen=True)
class ScoredClause:
    clause: Clause
    score: float
    lexical: float
    dense: float | None
    evidence: float
    matched: tuple[str, ...]


@dataclass(frozen=True)
class Retrieval:
    """All clauses ranked: the `in_scope_count` clauses of the searched jurisdictions come first."""

    analysis: QueryAnalysis
    ranked: list[ScoredClause]
    scope: tuple[str, ...]
    in_scope_count: int
    degraded: bool = False

    @property
    def in_scope(self) -> list[ScoredClause]:
        return self.ranked[: self.in_scope_count]


class HybridRetriever:
    def __init__(
        self,
        registry: Registry,
        analyzer: QueryAnalyzer,
        lexical: LexicalIndex,
        store: ClauseStore | None = None,
        embedder: Embedder | None = None,
        config: RetrievalConfig | None = None,
    ) -> None:
        self.registry = registry
        self.analyzer = analyzer
        self.lexical = lexical
        self.store = store
        self.embedder = embedder
        self.config = config or RetrievalConfig()
        self._positions = {c.id: i for i, c in enumerate(lexical.clauses)}
        self._dense_retry_at = 0.0
        self._jurisdiction = np.array([registry.document_of(c).jurisdiction for c in lexical.clauses], dtype=object)

    def scope_of(self, analysis: QueryAnalysis) -> tuple[str, ...]:
        region = analysis.region
        if region.covered and region.jurisdiction:
            return (region.jurisdiction, *region.enclosing)
        if region.names_a_place:
            return region.candidates
        return tuple(self.registry.jurisdictions)

    def query_tokens(self, analysis: QueryAnalysis) -> list[str]:
        return list(analysis.tokens) + list(analysis.expansions)

    def retrieve(self, question: str | bytes, region: str | None = None) -> Retrieval:
        analysis = self.analyzer.analyze(question, region)
        return self.retrieve_analyzed(analysis)

    def retrieve_analyzed(self, analysis: QueryAnalysis) -> Retrieval:
        tokens = self.query_tokens(analysis)
        lexical = self.lexical.scores(
            list(analysis.tokens),
            list(analysis.expansions),
            self.config.sentence_weight,
            self.config.expansion_weight,
            text=analysis.normalized,
            bigram_weight=self.config.bigram_weight,
        )
        dense, degraded = self._dense_scores(analysis)
        if dense is not None:
            weight = self.config.dense_weight
            combined = (1.0 - weight) * lexical + weight * dense
        else:
            combined = lexical
        scope = self.scope_of(analysis)
        in_scope = np.isin(self._jurisdiction, list(scope)) if scope else np.zeros(len(combined), bool)
        # In-scope clauses first, each group by score; ties broken by document order (stable).
        order = sorted(range(len(combined)), key=lambda i: (not in_scope[i], -combined[i], i))
        ranked = [
            ScoredClause(
                clause=self.lexical.clauses[i],
                score=round(float(combined[i]), 4),
                lexical=round(float(lexical[i]), 4),
                dense=None if dense is None else round(float(dense[i]), 4),
                evidence=round(self.lexical.evidence(i, tokens), 3),
                matched=tuple(self.lexical.matched_tokens(i, tokens)),
            )
            for i in order
        ]
        return Retrieval(
            analysis=analysis,
            ranked=ranked,
            scope=scope,
            in_scope_count=int(in_scope.sum()),
            degraded=degraded,
        )

    def _dense_scores(self, analysis: QueryAnalysis) -> tuple[np.ndarray | None, bool]:
        if self.store is None or self.embedder is None or self.config.dense_weight <= 0:
            return None, False
        if time.monotonic() < self._dense_retry_at:
            return None, True
        try:
            vector = self.embedder.embed_query(analysis.normalized)
            nearest = self.store.nearest(vector, len(self._positions))
        except Exception as exc:  # a model or store failure must never fail the answer
            retry = self.config.dense_retry_seconds
            log.warning("dense retrieval unavailable, serving lexical only for %ss: %s", retry, exc)
            self._dense_retry_at = time.monotonic() + retry
            return None, True
        self._dense_retry_at = 0.0
        scores = np.zeros(len(self._positions))
        for clause_id, similarity in nearest:
            position = self._positions.get(clause_id)
            if position is not None:
                scores[position] = max(similarity, 0.0)
        top = scores.max()
        return (scores / top if top > 0 else scores), False
