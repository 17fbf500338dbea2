"""The curated measure registry (issue 10): every span, condition and figure is verbatim in its
clause, and every money figure or percentage a seed clause states belongs to some measure."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from knowledge.measures import Measure, load_measures
from knowledge.registry import Registry

MEASURES = load_measures()
ALL = [m for measures in MEASURES.values() for m in measures]
# Figures a person could take as "the amount": money, percentages, fractions.
FIGURE = re.compile(r"\d+(?:\.\d+)?(?:亿元|万元|元|%)|\d+/\d+|百分之[一二三四五六七八九十]+")


def test_every_seed_document_has_curated_measures(registry: Registry) -> None:
    assert set(MEASURES) == set(registry.documents)
    assert len({m.id for m in ALL}) == len(ALL), [i for i, n in Counter(m.id for m in ALL).items() if n > 1]


@pytest.mark.parametrize("measure", ALL, ids=[m.id for m in ALL])
def test_a_measure_span_is_verbatim_in_its_clause(registry: Registry, measure: Measure) -> None:
    assert registry.has(measure.clause), measure.clause
    assert measure.span in registry.get(measure.clause).text


@pytest.mark.parametrize("clause_id", sorted({m.clause for m in ALL}))
def test_every_figure_of_a_clause_belongs_to_a_measure(registry: Registry, clause_id: str) -> None:
    text = registry.get(clause_id).text
    amounts = [a.text for m in ALL if m.clause == clause_id for a in m.amounts]
    for match in FIGURE.finditer(text):
        assert any(match.group(0) in amount for amount in amounts), (clause_id, match.group(0))


def test_clauses_that_state_figures_have_measures(registry: Registry) -> None:
    covered = {m.clause for m in ALL}
    missing = [c.id for c in registry.clauses if FIGURE.search(c.text) and c.id not in covered]
    assert missing == []
