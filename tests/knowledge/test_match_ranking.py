"""Copies of a measure are decided once per group and made only when read (issue 13, item 5).

Replicas of the seed documents under other real places stand in for every city's documents, which
repeat one another's measures word for word. The answers must be exactly those of matching every
copy on its own — the matcher with no content keys is that — while far fewer units are read."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from knowledge.answer import Answerer
from knowledge.clauses import Clause
from knowledge.derive import measure_units
from knowledge.documents import Document
from knowledge.errors import QueryError
from knowledge.evaluation import DEV_SETS, golden_set
from knowledge.intent import classify
from knowledge.kb import KnowledgeBase, make_embedder
from knowledge.match_ranking import MatchRanking, RankedCopies
from knowledge.measure_match import MeasureMatcher
from knowledge.measure_store import MeasureUnitStore
from knowledge.measures import Measure, MeasureHeading, MeasureKind, MeasuresInMemory, copy_at, load_measures
from knowledge.registry import Registry
from knowledge.retrieve import RetrievalConfig
from knowledge.store import ChromaClauseStore

# (replica place, its province): real places, each standing in for another city's documents.
PLACES = (("延安市", "陕西省"), ("洛阳市", "河南省"), ("绵阳市", "四川省"))
NO_CURATED: dict[str, tuple[Measure, ...]] = {}


def _short(name: str) -> str:
    return name[:-1] if name.endswith(("市", "县", "省")) else name


def replicas(registry: Registry) -> Registry:
    """The seeds and a replica of each under every place of PLACES (its own place names replaced)."""
    documents: dict[str, Document] = dict(registry.documents)
    clauses: list[Clause] = list(registry.clauses)
    for k, (place, province) in enumerate(PLACES, start=1):
        for doc in registry.documents.values():
            own, short = _short(doc.jurisdiction), _short(place)
            copy_id = f"{doc.id}-r{k}"
            documents[copy_id] = doc.model_copy(
                update={
                    "id": copy_id,
                    "province": province,
                    "city": place,
                    "county": None,
                    "title": doc.title.replace(own, short),
                    "issuer": doc.issuer.replace(own, short),
                }
            )
            for clause in registry.clauses_of(doc.id):
                texts = {key: getattr(clause, key).replace(own, short) for key in ("heading", "text", "body")}
                clauses.append(
                    clause.model_copy(
                        update={"id": f"{copy_id}-{clause.clause_number:02d}", "document_id": copy_id, **texts}
                    )
                )
    return Registry(documents=documents, parsed={}, clauses=tuple(clauses), content_hash=str(len(clauses)))


class Counting:
    """A catalog that counts the units read, optionally hiding every content key (then each unit is
    a group of its own: every copy is read and decided on its own, as before groups)."""

    def __init__(self, units: dict[str, tuple[Measure, ...]], keys: bool) -> None:
        self._inner = MeasuresInMemory(units)
        self._keys = keys
        self.read: Counter[str] = Counter()

    def headings(self) -> Iterable[MeasureHeading]:
        return [h if self._keys else h._replace(content="") for h in self._inner.headings()]

    def measure(self, heading: MeasureHeading) -> Measure:
        self.read[heading.id] += 1
        return self._inner.measure(heading)


@pytest.fixture(scope="module")
def replicated(registry: Registry, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    many = replicas(registry)
    path = tmp_path_factory.mktemp("replicas") / "chroma"
    return KnowledgeBase(many, ChromaClauseStore(path=path), make_embedder(None), RetrievalConfig())


def _units(kb: KnowledgeBase) -> dict[str, tuple[Measure, ...]]:
    return measure_units(kb.registry.documents, kb.registry.clauses_of, load_measures())


def _answerer(kb: KnowledgeBase, catalog: Counting) -> Answerer:
    matcher = MeasureMatcher(catalog, kb.answerer.tokenize, kb.lexical.idf)
    return Answerer(kb.retriever, None, matcher, kb.answerer.tokenize)


def test_answers_over_replicas_are_those_of_matching_every_copy_on_its_own(replicated: KnowledgeBase) -> None:
    units = _units(replicated)
    grouped, alone = Counting(units, keys=True), Counting(units, keys=False)
    by_groups, one_by_one = _answerer(replicated, grouped), _answerer(replicated, alone)
    questions = [q.question for name in DEV_SETS for q in golden_set(name)]
    compared = 0
    for question in questions:
        try:
            expected = one_by_one.answer(question)
        except QueryError:
            continue
        got = by_groups.answer(question)
        assert got.model_dump(exclude={"documents"}) == expected.model_dump(exclude={"documents"}), question
        compared += 1
    assert compared > 100
    # Copies on their own: every unit reached is read; with groups, one unit per group (a replica's
    # sentence naming its own city is a group of its own).
    assert sum(grouped.read.values()) < sum(alone.read.values())


def test_a_question_naming_no_place_makes_matches_only_for_what_is_read(replicated: KnowledgeBase) -> None:
    matcher = replicated.answerer.matcher
    assert matcher is not None
    retrieval = replicated.retriever.retrieve("创业担保贷款最高能贷多少")
    ranking = matcher.match(retrieval, classify(retrieval.analysis.question))
    assert isinstance(ranking, MatchRanking)
    copies = ranking._copies
    assert len(ranking) > len(PLACES) + 1
    first = ranking[0]
    assert first is ranking[0]
    assert len(copies._made) == 1
    same_group = ranking.where(lambda m: m.measure.name == first.measure.name)
    assert len(copies._made) < len(ranking)
    assert all(m.measure.name == first.measure.name for m in same_group)
    keys = [(-m.score, m.measure.id) for m in ranking]
    assert keys == sorted(keys)


def test_a_copy_made_from_another_is_the_unit_of_its_own_document(replicated: KnowledgeBase) -> None:
    units = _units(replicated)
    catalog = MeasuresInMemory(units)
    groups: dict[str, Measure] = {}
    shared = 0
    for heading in catalog.headings():
        first = groups.setdefault(heading.content, catalog.measure(heading))
        shared += first.id != heading.id
        assert copy_at(first, heading) == catalog.measure(heading)
    assert shared > len(PLACES)


def test_stored_headings_without_content_keys_are_remade_with_them(tmp_path: Path, registry: Registry) -> None:
    path = tmp_path / "derived.sqlite3"
    fresh = MeasureUnitStore(path).catalog(registry.documents, registry.clauses_of, NO_CURATED).headings()
    with sqlite3.connect(path) as db:  # as a store written before the keys were
        rows = db.execute("SELECT document_id, headings FROM derived_headings").fetchall()
        for document_id, headings in rows:
            old = json.dumps([entry[:3] for entry in json.loads(headings)], ensure_ascii=False)
            db.execute("UPDATE derived_headings SET headings = ? WHERE document_id = ?", (old, document_id))
    again = MeasureUnitStore(path).catalog(registry.documents, registry.clauses_of, NO_CURATED).headings()
    assert again == fresh
    assert all(h.content for h in again)
    with sqlite3.connect(path) as db:
        stored = [json.loads(h) for (h,) in db.execute("SELECT headings FROM derived_headings")]
    assert all(len(entry) == 4 for entries in stored for entry in entries)


@pytest.mark.parametrize("question", ["创业担保贷款最高能贷多少", "巴中的大学生创业有什么补贴", "失业保险金能领几个月"])
def test_a_ranking_keeps_what_each_match_is_kept_for_grouped_or_not(kb: KnowledgeBase, question: str) -> None:
    # The filter asks each match. At five documents' scale nearly every measure is a group of its own; since session
    # 41 a loan asked reaches every loan clause in scope, and with them 巴中 and 资阳's identical 贫困家庭劳动力参照…
    # measure — a real pair of copies: the filter is the same whether the ranking groups them or not.
    matcher = kb.answerer.matcher
    assert matcher is not None
    retrieval = kb.retriever.retrieve(question)
    ranking = matcher.match(retrieval, classify(retrieval.analysis.question))
    everything = list(ranking)
    for keep in (lambda m: m.score >= everything[0].score / 2, lambda m: m.measure.kind is MeasureKind.LOAN):
        kept = ranking.where(keep)
        assert list(kept) == [m for m in everything if keep(m)]
        # the same filter over the same matches taken as groups of one
        grouped = MatchRanking(_as_groups_of_one(ranking), ranking._order).where(keep)
        assert list(grouped) == list(kept)
    assert len(ranking.where(lambda m: True)) == len(everything)


def _as_groups_of_one(ranking: MatchRanking) -> RankedCopies:
    copies = ranking._copies
    return RankedCopies(
        copies.groups, copies.scores, copies.clause_codes, copies._clause_code, copies.measure_id, copies.match
    )


def test_a_matcher_prepared_ahead_answers_as_one_prepared_when_reached(kb: KnowledgeBase) -> None:
    units = _units(kb)
    ahead, lazy = _answerer(kb, Counting(units, keys=True)), _answerer(kb, Counting(units, keys=True))
    assert ahead.matcher is not None and lazy.matcher is not None
    assert ahead.matcher.prepare(limit=10) == 0  # more groups than the limit: left for the questions
    assert not ahead.matcher._prepared
    prepared = ahead.matcher.prepare()
    assert prepared == len(set(ahead.matcher._group_list)) == len(ahead.matcher._prepared)
    for question in [q.question for q in golden_set(DEV_SETS[0])][:60]:
        try:
            expected = lazy.answer(question)
        except QueryError:
            continue
        assert ahead.answer(question).model_dump() == expected.model_dump(), question
    assert len(lazy.matcher._prepared) < prepared  # the questions reached only some of the groups
