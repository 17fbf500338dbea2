"""A figure the asked region does not state is looked for in other regions' versions of the asked
measure only (issue 14's load target, session 27): the ranking of the measures outside the scope
scores only the measures that may be such a version — the hundreds of others elsewhere are passed
over unscored —, and each one kept has the score and the place it has in the whole ranking. The
clauses out of scope are ranked alone, as the whole ranking's tail, without making every in-scope
clause ranked before them."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

import pytest

import knowledge.measure_match
from knowledge.intent import AskedIntent, Intent
from knowledge.kb import KnowledgeBase
from knowledge.match_ranking import MatchRanking
from knowledge.measure_match import MeasureMatch, MeasureMatcher
from knowledge.measures import Beneficiary, Measure
from knowledge.retrieve import RankedClauses, Retrieval

# Questions of my own (not from a golden set): sums asked of a place, some of a measure its documents
# state no figure for, some naming no measure at all.
QUESTIONS = [
    ("宝丰县刚毕业的学生进创业孵化园，政府能给多少补助", None),
    ("我在郏县开了个小饭馆，招了两个贫困户，吸纳就业补贴一个人给多少", None),
    ("退伍回来在安岳自己干，创业担保贷款最多贷多少", "资阳"),
    ("平昌这边灵活就业交社保，补贴标准是多少", None),
    ("吉林市下岗了，失业保险金一个月多少钱", None),
    ("在商州打零工，有没有什么钱可以领", None),
]
AMOUNT = AskedIntent(Intent.AMOUNT, (Intent.AMOUNT,))


def _may_be_same_measure(asked: MeasureMatch, measure: Measure, named: str | None) -> bool:
    """A keep predicate as the answer used one until session 41 (another region's version of the asked measure:
    same kind and side, a shared name): the ranking's `keep` is checked with it."""
    other = asked.measure
    if measure.kind is not other.kind or (measure.beneficiary is Beneficiary.PERSON) != (
        other.beneficiary is Beneficiary.PERSON
    ):
        return False
    return not {measure.name, *measure.aliases}.isdisjoint((other.name, *other.aliases)) or (
        named is not None and named == asked.named
    )


def _outside(retrieval: Retrieval) -> Retrieval:
    rest = retrieval.ranked[retrieval.in_scope_count :]
    return replace(retrieval, ranked=rest, in_scope_count=len(rest))


def _told(matches: MatchRanking) -> list[tuple[str, float, str | None, float, float]]:
    return [(m.measure.id, m.score, m.named, m.own_overlap, m.expansion_overlap) for m in matches]


def _cases(kb: KnowledgeBase) -> list[tuple[MeasureMatcher, Retrieval, MeasureMatch]]:
    matcher = kb.answerer.matcher
    assert matcher is not None
    cases = []
    for question, region in QUESTIONS:
        retrieval = kb.retriever.retrieve(question, region)
        for best in list(matcher.match(retrieval, AMOUNT))[:3]:
            cases.append((matcher, retrieval, best))
    assert len(cases) >= 12
    return cases


def test_the_measures_kept_have_their_scores_and_order_of_the_whole_ranking(kb: KnowledgeBase) -> None:
    compared = 0
    for matcher, retrieval, best in _cases(kb):
        keep = partial(_may_be_same_measure, best)
        outside = _outside(retrieval)
        whole = [m for m in matcher.in_order(outside, AMOUNT) if keep(m.measure, m.named)]
        kept = matcher.in_order(outside, AMOUNT, keep)
        assert _told(kept) == _told(MatchRanking.of(whole))
        compared += len(whole)
    assert compared > 0  # some asked measure has versions elsewhere


def test_the_measures_not_kept_are_not_scored(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[Any] = []
    profile = knowledge.measure_match._Profile

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(args)
        return profile(*args, **kwargs)

    monkeypatch.setattr(knowledge.measure_match, "_Profile", counted)
    for matcher, retrieval, best in _cases(kb):
        outside = _outside(retrieval)
        made.clear()
        list(matcher.in_order(outside, AMOUNT))
        whole = len(made)
        made.clear()
        kept = list(matcher.in_order(outside, AMOUNT, partial(_may_be_same_measure, best)))
        assert len(made) <= len({m.measure.id for m in kept})
        assert len(made) < whole or whole == 0


def test_a_version_is_kept_by_a_name_it_shares_or_by_the_name_said(kb: KnowledgeBase) -> None:
    for matcher, retrieval, best in _cases(kb):
        for match in matcher.in_order(_outside(retrieval), AMOUNT):
            same_kind = match.measure.kind is best.measure.kind
            shares = {match.measure.name, *match.measure.aliases} & {best.measure.name, *best.measure.aliases}
            said = match.named is not None and match.named == best.named
            person = (match.measure.beneficiary is Beneficiary.PERSON) == (
                best.measure.beneficiary is Beneficiary.PERSON
            )
            expected = same_kind and person and bool(shares or said)
            assert _may_be_same_measure(best, match.measure, match.named) is expected


def test_the_clauses_out_of_scope_are_ranked_as_the_tail_of_the_whole_ranking(kb: KnowledgeBase) -> None:
    for question, region in QUESTIONS:
        retrieval = kb.retriever.retrieve(question, region)
        assert isinstance(retrieval.ranked, RankedClauses)
        alone = retrieval.ranked.outside_scope()
        tail = list(kb.retriever.retrieve(question, region).ranked)[retrieval.in_scope_count :]
        assert len(alone) == len(tail) > 0
        assert list(alone[:40]) == tail[:40]
        assert [s.clause.id for s in alone] == [s.clause.id for s in tail]
        named = alone.scores_of([s.clause.id for s in tail[:5]] + [retrieval.ranked[0].clause.id])
        assert named == {s.clause.id: s.score for s in tail[:5]}


def test_the_clauses_in_scope_are_not_made_to_rank_those_out_of_it(kb: KnowledgeBase) -> None:
    for question, region in QUESTIONS:
        retrieval = kb.retriever.retrieve(question, region)
        assert isinstance(retrieval.ranked, RankedClauses)
        alone = retrieval.ranked.outside_scope()
        list(alone[:8])
        made = retrieval.ranked.__dict__["_by_position"]
        in_scope = retrieval.ranked.__dict__["_in_scope"]
        assert not any(in_scope[position] for position in made)
