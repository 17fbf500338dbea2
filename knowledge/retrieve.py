"""Hybrid retrieval: BM25 (always) fused with dense vectors from Chroma (when a model is set).

The region named in the question decides which documents are searched first; the lexical path
alone must serve well because no Chinese embedding model can be installed on every machine.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import overload

import numpy as np

from knowledge.clause_table import clause_document_ids, clause_ids
from knowledge.clauses import Clause
from knowledge.embeddings import Embedder
from knowledge.lexical import LexicalIndex, is_number
from knowledge.match_ranking import among
from knowledge.query import QueryAnalysis, QueryAnalyzer
from knowledge.regions import asks_the_province_itself
from knowledge.registry import Registry
from knowledge.store import ClauseStore

log = logging.getLogger(__name__)
DENSE_RETRY_SECONDS = 15.0


@dataclass(frozen=True)
class RetrievalConfig:
    """Tunable weights; defaults were chosen on the dev golden set (see docs/retrieval.md).

    `dense_candidates`: how many nearest clauses the vector store is asked for; the others get no
    dense score (all of the five seed documents' 119 clauses fit, so their answers do not change).
    `dense_retry_seconds`: after a failed vector query (Chroma server down, model error) answers come
    from the lexical index alone for this long before the dense path is tried again.
    """

    sentence_weight: float = 0.5
    expansion_weight: float = 0.5
    bigram_weight: float = 0.1
    dense_weight: float = 0.0
    dense_retry_seconds: float = DENSE_RETRY_SECONDS
    dense_candidates: int = 200


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
    """All clauses ranked: the `in_scope_count` clauses of the searched jurisdictions come first.

    `ranked` is lazy (`RankedClauses`): only the clauses a reader looks at are sorted and scored
    into `ScoredClause`s, so a query costs the same whether 100 or 100,000 clauses were searched."""

    analysis: QueryAnalysis
    ranked: Sequence[ScoredClause]
    scope: tuple[str, ...]
    in_scope_count: int
    degraded: bool = False
    # The ranking as searched, when this one was reordered (the measures asked lead it: the answer's
    # `measures_first`): what an answer is decided on — the lexical score is the evidence.
    searched: Retrieval | None = field(default=None, repr=False, compare=False)

    @property
    def in_scope(self) -> Sequence[ScoredClause]:
        return self.ranked[: self.in_scope_count]

    def scored(self, clause_id: str) -> ScoredClause | None:
        """The ranked clause with this id, wherever it ranks (None when it was not searched)."""
        return _find(self.ranked, clause_id)

    def in_scope_item(self, clause_id: str) -> ScoredClause | None:
        """The clause with this id if it is among the searched jurisdictions' clauses."""
        return _find(self.in_scope, clause_id)

    def in_scope_scores(self, clause_ids: Sequence[str]) -> dict[str, float]:
        """The scores of those of these clauses that are in scope, in one vectorised lookup (no
        ScoredClause is made: a measure named in every city's documents must not cost a clause each)."""
        in_scope = self.in_scope
        if isinstance(in_scope, _RankedView):
            return in_scope.scores_of(clause_ids)
        wanted = set(clause_ids)
        return {item.clause.id: item.score for item in in_scope if item.clause.id in wanted}

    def in_scope_scores_at(self, positions: np.ndarray) -> np.ndarray | None:
        """`in_scope_scores` by clause position (`clause_positions`), as an array: NaN for a clause
        out of scope. None when the ranking is not the lazy one (then ask `in_scope_scores`)."""
        in_scope = self.in_scope
        return in_scope.scores_at(positions) if isinstance(in_scope, _RankedView) else None

    def clause_positions(self) -> Mapping[str, int] | None:
        """clause id → position in the arrays of the lazy ranking (the same mapping for every
        question of one index); None when the ranking is not lazy."""
        ranked = self.ranked
        if isinstance(ranked, _RankedView):
            ranked = ranked.ranking
        return ranked.positions if isinstance(ranked, RankedClauses) else None


def _find(ranked: Sequence[ScoredClause], clause_id: str) -> ScoredClause | None:
    """A lookup without sorting or scoring the whole ranking when it is lazy; a scan otherwise."""
    if isinstance(ranked, RankedClauses | _RankedView):
        return ranked.find(clause_id)
    return next((item for item in ranked if item.clause.id == clause_id), None)


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
        # Read from the clauses' ids and document ids only (a clause table parses no clause here).
        self._positions = {clause_id: i for i, clause_id in enumerate(clause_ids(lexical.clauses))}
        self._dense_retry_at = 0.0
        owners = clause_document_ids(lexical.clauses)
        self._document_ids = list(dict.fromkeys(owners))
        document_code = {doc_id: i for i, doc_id in enumerate(self._document_ids)}
        self._document_code = np.array([document_code[doc_id] for doc_id in owners], dtype=np.int32)
        by_document = [registry.documents[doc_id].jurisdiction for doc_id in self._document_ids]
        self._jurisdiction_names = list(dict.fromkeys(by_document))
        code = {name: i for i, name in enumerate(self._jurisdiction_names)}
        self._jurisdiction_code = np.array([code[j] for j in by_document], dtype=np.int32)[self._document_code]

    def documents_mask(self, document_ids: Collection[str]) -> np.ndarray:
        """Which clause positions belong to these documents (one vectorised comparison)."""
        wanted = set(document_ids)
        codes = [i for i, doc_id in enumerate(self._document_ids) if doc_id in wanted]
        return np.isin(self._document_code, codes)

    def position_of(self, clause_id: str) -> int | None:
        return self._positions.get(clause_id)

    @property
    def positions(self) -> Mapping[str, int]:
        return self._positions

    def _in_scope_mask(self, scope: tuple[str, ...]) -> np.ndarray:
        """The region filter as one vectorised comparison over clause jurisdiction codes."""
        wanted = set(scope)
        codes = [i for i, name in enumerate(self._jurisdiction_names) if name in wanted]
        return np.isin(self._jurisdiction_code, codes)

    def scope_of(self, analysis: QueryAnalysis) -> tuple[str, ...]:
        region = analysis.region
        if region.compared:
            return region.compared
        if region.covered and region.jurisdiction:
            return (region.jurisdiction, *region.enclosing)
        if region.names_a_place:
            # 河南省里统一的: the province's own level is asked, which none of its covered cities answers
            # (四川其他地方 alone may mean its other covered city, after a question about one).
            if region.outside_candidates and asks_the_province_itself(analysis.normalized):
                return ()
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
        in_scope = self._in_scope_mask(scope)
        ranked = RankedClauses(self, combined, lexical, dense, in_scope, tokens)
        return Retrieval(
            analysis=analysis,
            ranked=ranked,
            scope=scope,
            in_scope_count=int(in_scope.sum()),
            degraded=degraded,
        )

    def scored(
        self,
        positions: np.ndarray,
        combined: np.ndarray,
        lexical: np.ndarray,
        dense: np.ndarray | None,
        tokens: list[str],
    ) -> list[ScoredClause]:
        """ScoredClauses for a batch of positions: which query words each contains is looked up once
        per word for the whole batch."""
        present = {token: found.tolist() for token, found in self.lexical.presence(positions, tokens).items()}
        # What does not change from clause to clause is worked out once per batch: the words that
        # count as evidence with their IDF, in the order `evidence_of` adds them (the same sum, the
        # same float), and the scores as Python floats.
        idf = self.lexical.idf
        weighed = [(present[t], idf(t)) for t in sorted(set(tokens)) if not is_number(t)]
        matching = [(t, present[t]) for t in dict.fromkeys(tokens)]
        clauses = self.lexical.clauses
        at = positions.tolist()
        combined_at, lexical_at = combined[positions].tolist(), lexical[positions].tolist()
        dense_at = None if dense is None else dense[positions].tolist()
        made = []
        for row, i in enumerate(at):
            made.append(
                ScoredClause(
                    clause=clauses[i],
                    score=round(combined_at[row], 4),
                    lexical=round(lexical_at[row], 4),
                    dense=None if dense_at is None else round(dense_at[row], 4),
                    evidence=round(sum(weight for found, weight in weighed if found[row]), 3),
                    matched=tuple(t for t, found in matching if found[row]),
                )
            )
        return made

    def _dense_scores(self, analysis: QueryAnalysis) -> tuple[np.ndarray | None, bool]:
        if self.store is None or self.embedder is None or self.config.dense_weight <= 0:
            return None, False
        if time.monotonic() < self._dense_retry_at:
            return None, True
        try:
            vector = self.embedder.embed_query(analysis.normalized)
            nearest = self.store.nearest(vector, min(self.config.dense_candidates, len(self._positions)))
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


class RankedClauses(Sequence[ScoredClause]):
    """Clauses in ranking order — in-scope first, then by score, ties by position — sorted and
    materialised only as far as they are read.

    The order is exactly that of sorting every clause by (not in scope, -score, position): a prefix
    is found with a partial sort (every clause tying with the last one taken is included before the
    exact sort), and grows on demand. Slices are lazy views."""

    # The first read makes this many: what an answer reads of one ranking (its 8 candidate clauses,
    # max_citations + 2 for the quotes; 32 made were mostly never read: 0.6 ms a policy turn). A
    # deeper read doubles what is made; the order and every score are the same either way.
    FIRST = 8

    def __init__(
        self,
        retriever: HybridRetriever,
        combined: np.ndarray,
        lexical: np.ndarray,
        dense: np.ndarray | None,
        in_scope: np.ndarray,
        tokens: list[str],
    ) -> None:
        self._retriever = retriever
        self._combined = combined
        self._lexical = lexical
        self._dense = dense
        self._tokens = tokens
        self._groups = [np.flatnonzero(in_scope), np.flatnonzero(~in_scope)]
        self._in_scope = in_scope
        self._in_scope_count = int(in_scope.sum())
        self._order = np.empty(0, dtype=np.int64)
        self._made: list[ScoredClause] = []
        self._by_position: dict[int, ScoredClause] = {}
        self._size = len(combined)
        # The first positions in another order than by score (`leading`): the measures asked decide them.
        self._head: np.ndarray | None = None

    def __len__(self) -> int:
        return self._size

    def demoting(self, demoted: np.ndarray) -> RankedClauses:
        """The same ranking with the in-scope clauses at the `demoted` positions (a mask) moved after
        every other in-scope clause, each part in its own order; clauses out of scope stay last.
        Lazy like this one: nothing is sorted or scored until read."""
        ranking = RankedClauses.__new__(RankedClauses)
        ranking.__dict__.update(self.__dict__)
        in_scope = self._in_scope
        ranking._groups = [
            np.flatnonzero(in_scope & ~demoted),
            np.flatnonzero(in_scope & demoted),
            np.flatnonzero(~in_scope),
        ]
        ranking._order = np.empty(0, dtype=np.int64)
        ranking._made = []
        ranking._by_position = self._by_position
        ranking._head = None
        return ranking

    def leading(self, clause_ids: Sequence[str]) -> RankedClauses:
        """The same ranking with these in-scope clauses first, in this order, and every other clause in
        its own order after them; scores and the scope groups are unchanged. Clauses out of scope (or
        not searched) are left where they rank."""
        positions = [self.position_of(clause_id) for clause_id in clause_ids]
        head = list(dict.fromkeys(p for p in positions if p is not None and self._in_scope[p]))
        ranking = RankedClauses.__new__(RankedClauses)
        ranking.__dict__.update(self.__dict__)
        ranking._head = np.array(head, dtype=np.int64) if head else None
        ranking._order = np.empty(0, dtype=np.int64)
        ranking._made = []
        return ranking

    def position_of(self, clause_id: str) -> int | None:
        return self._retriever.position_of(clause_id)

    def outside_scope(self) -> RankedClauses:
        """The clauses out of scope alone, as a ranking whose scope they are: the order and scores of
        this ranking's tail, without making every in-scope clause ranked before them (an answer looks
        there for other regions' versions of a measure; the tail of a slice is made from its head)."""
        ranking = RankedClauses.__new__(RankedClauses)
        ranking.__dict__.update(self.__dict__)
        outside = ~self._in_scope
        ranking._groups = [np.flatnonzero(outside)]
        ranking._in_scope = outside
        ranking._in_scope_count = ranking._size = int(outside.sum())
        ranking._order = np.empty(0, dtype=np.int64)
        ranking._made = []
        ranking._head = None
        return ranking

    @overload
    def __getitem__(self, index: int) -> ScoredClause: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[ScoredClause]: ...

    def __getitem__(self, index: int | slice) -> ScoredClause | Sequence[ScoredClause]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._size)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return _RankedView(self, start, max(start, stop))
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        self._materialise(index + 1)
        return self._made[index]

    def __iter__(self) -> Iterator[ScoredClause]:
        return iter(_RankedView(self, 0, self._size))

    def _materialise(self, count: int) -> None:
        if count <= len(self._made):
            return
        wanted = min(self._size, max(count, 2 * len(self._made), self.FIRST))
        if wanted > len(self._order):
            self._order = self._prefix(wanted)
        positions = self._order[len(self._made) : wanted]
        self._made += [self._item(int(p)) for p in positions] if len(positions) <= 2 else self._items(positions)

    def _items(self, positions: np.ndarray) -> list[ScoredClause]:
        missing = np.array([p for p in positions.tolist() if p not in self._by_position], dtype=np.int64)
        if len(missing):
            made = self._retriever.scored(missing, self._combined, self._lexical, self._dense, self._tokens)
            self._by_position.update(zip(missing.tolist(), made, strict=True))
        return [self._by_position[p] for p in positions.tolist()]

    def _item(self, position: int) -> ScoredClause:
        return self._items(np.array([position], dtype=np.int64))[0]

    def scores_of(self, clause_ids: Sequence[str], start: int = 0, stop: int | None = None) -> dict[str, float]:
        """Rounded scores (as ScoredClause.score) of the clauses that rank in [start, stop)."""
        found: dict[str, float] = {}
        for clause_id in clause_ids:
            position = self._retriever.position_of(clause_id)
            if position is not None and self._ranks_within(position, start, stop):
                found[clause_id] = round(float(self._combined[position]), 4)
        return found

    @property
    def positions(self) -> Mapping[str, int]:
        return self._retriever.positions

    def scores_at(self, positions: np.ndarray, start: int = 0, stop: int | None = None) -> np.ndarray:
        """`scores_of` by position, as an array with NaN for the clauses that do not rank in
        [start, stop): one vectorised pass over the positions when the bounds are those of the scope
        groups (a measure named in every city's documents reaches thousands of clauses)."""
        stop = self._size if stop is None else stop
        bounds = (0, self._in_scope_count, self._size)
        if not (start in bounds and stop in bounds):
            ids = clause_ids(self._retriever.lexical.clauses)
            found = self.scores_of([ids[p] for p in positions.tolist()], start, stop)
            return np.array([found.get(ids[p], np.nan) for p in positions.tolist()], dtype=np.float64)
        group_start = np.where(self._in_scope[positions], 0, self._in_scope_count)
        inside = (start <= group_start) & (group_start < stop) if start < stop else np.zeros(len(positions), bool)
        out = np.full(len(positions), np.nan)
        # round(float(score), 4) as Python rounds (as `scores_of`), once per distinct score
        values, inverse = np.unique(self._combined[positions[inside]], return_inverse=True)
        rounded = np.array([round(v, 4) for v in values.tolist()], dtype=np.float64)
        out[inside] = rounded[inverse.reshape(-1)]
        return out

    def _ranks_within(self, position: int, start: int, stop: int | None) -> bool:
        stop = self._size if stop is None else stop
        if start >= stop:
            return False
        bounds = (0, self._in_scope_count, self._size)
        if start in bounds and stop in bounds:
            group_start = 0 if self._in_scope[position] else self._in_scope_count
            return start <= group_start < stop
        self._materialise(stop)
        return self._item(position) in self._made[start:stop]

    def find(self, clause_id: str, start: int = 0, stop: int | None = None) -> ScoredClause | None:
        """The clause with this id if it ranks in [start, stop): the scope groups are known without
        sorting; other bounds sort only up to `stop`."""
        position = self._retriever.position_of(clause_id)
        if position is None or not self._ranks_within(position, start, stop):
            return None
        return self._item(position)

    def _prefix(self, count: int) -> np.ndarray:
        """The first `count` positions of the full order (the leading clauses first)."""
        head = self._head
        if head is not None:
            rest = self._by_score(count + len(head))
            rest = rest[~among(rest, head.tolist())]
            return np.concatenate([head, rest])[: max(count, len(head))]
        return self._by_score(count)

    def _by_score(self, count: int) -> np.ndarray:
        """The first `count` positions by scope group and score."""
        parts: list[np.ndarray] = []
        left = count
        for group in self._groups:
            if left <= 0:
                break
            parts.append(_best(group, self._combined, left))
            left -= len(parts[-1])
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


def _best(group: np.ndarray, scores: np.ndarray, count: int) -> np.ndarray:
    """The `count` best positions of `group` by (-score, position), exactly as a full sort would."""
    values = scores[group]
    if count < len(group):
        threshold = np.partition(values, len(group) - count)[len(group) - count]
        keep = values >= threshold
        group, values = group[keep], values[keep]
    order = np.lexsort((group, -values))
    return group[order][:count]


class _RankedView(Sequence[ScoredClause]):
    """A lazy slice of `RankedClauses`."""

    def __init__(self, ranking: RankedClauses, start: int, stop: int) -> None:
        self._ranking = ranking
        self._start = start
        self._stop = stop

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, index: int) -> ScoredClause: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[ScoredClause]: ...

    def __getitem__(self, index: int | slice) -> ScoredClause | Sequence[ScoredClause]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return _RankedView(self._ranking, self._start + start, self._start + max(start, stop))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._ranking[self._start + index]

    def __iter__(self) -> Iterator[ScoredClause]:
        for i in range(self._start, self._stop):
            yield self._ranking[i]

    def find(self, clause_id: str) -> ScoredClause | None:
        return self._ranking.find(clause_id, self._start, self._stop)

    def scores_of(self, clause_ids: Sequence[str]) -> dict[str, float]:
        return self._ranking.scores_of(clause_ids, self._start, self._stop)

    def scores_at(self, positions: np.ndarray) -> np.ndarray:
        return self._ranking.scores_at(positions, self._start, self._stop)

    @property
    def ranking(self) -> RankedClauses:
        return self._ranking

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
