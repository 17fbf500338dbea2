"""Retrieval golden sets (dev: tuned on; holdout: never tuned on). Thresholds sit a little below
the targets of issue 2 so a regression fails while honest noise does not; bench/ prints the figures."""

from __future__ import annotations

import pytest

from knowledge.evaluation import GoldenQuestion, evaluate, load_golden
from knowledge.kb import KnowledgeBase
from knowledge.registry import Registry
from tests.conftest import GOLDEN

DEV = load_golden(GOLDEN / "retrieval.yaml")
DEV2 = load_golden(GOLDEN / "retrieval_dev2.yaml")  # written independently of DEV, also tuned on
HOLDOUT = load_golden(GOLDEN / "retrieval_holdout.yaml")
# Written from the source texts alone by someone who had not read the glossary, rules, code or the
# other sets (issue 10); never tuned on. Its thresholds arrive with the measure registry.
ANSWERS_HOLDOUT = load_golden(GOLDEN / "answers_holdout.yaml")
# A second one written the same way in session 5, never tuned on.
ANSWERS_HOLDOUT2 = load_golden(GOLDEN / "answers_holdout2.yaml")
ANSWERS_DEV = load_golden(GOLDEN / "answers_dev.yaml")  # the same schema, written independently; tuned on
# Written fresh in session 4 the same way (source texts only), to find failure classes; tuned on.
ANSWERS_DEV3 = load_golden(GOLDEN / "answers_dev3.yaml")
ANSWERS_DEV4 = load_golden(GOLDEN / "answers_dev4.yaml")  # mostly near misses that must be declined

# (hit@1, hit@3, abstain recall, max false-abstain rate)
THRESHOLDS = {
    "dev": (0.94, 0.97, 0.88, 0.03),
    "dev2": (0.92, 0.97, 0.90, 0.03),
    "holdout": (0.86, 0.95, 0.70, 0.05),
    "answers_dev": (0.92, 0.97, 0.95, 0.02),
    "answers_dev3": (0.90, 0.95, 0.90, 0.03),
    "answers_dev4": (0.90, 0.95, 0.75, 0.03),
    # A regression guard below today's figures, never a target to tune towards.
    "answers_holdout": (0.88, 0.93, 0.80, 0.04),
    "answers_holdout2": (0.94, 0.94, 0.82, 0.04),
}


def test_golden_sets_are_large_and_mixed() -> None:
    assert len(DEV) >= 60 and len(HOLDOUT) >= 40
    kinds = {q.kind for q in DEV}
    assert kinds == {"in_scope", "out_of_scope", "region_not_covered"}
    everything = DEV + DEV2 + HOLDOUT + ANSWERS_HOLDOUT + ANSWERS_HOLDOUT2 + ANSWERS_DEV + ANSWERS_DEV3 + ANSWERS_DEV4
    assert len({q.id for q in everything}) == len(everything)


@pytest.mark.parametrize(
    "golden",
    [DEV, DEV2, HOLDOUT, ANSWERS_HOLDOUT, ANSWERS_HOLDOUT2, ANSWERS_DEV, ANSWERS_DEV3, ANSWERS_DEV4],
    ids=[
        "dev",
        "dev2",
        "holdout",
        "answers_holdout",
        "answers_holdout2",
        "answers_dev",
        "answers_dev3",
        "answers_dev4",
    ],
)
def test_every_expected_clause_exists(registry: Registry, golden: list[GoldenQuestion]) -> None:
    for item in golden:
        for clause_id in item.expect:
            assert registry.has(clause_id), (item.id, clause_id)
        assert (item.kind == "in_scope") == bool(item.expect), item.id


@pytest.mark.parametrize(
    "golden,with_figures",
    [(ANSWERS_HOLDOUT, 50), (ANSWERS_HOLDOUT2, 40), (ANSWERS_DEV, 50), (ANSWERS_DEV3, 50)],
    ids=["answers_holdout", "answers_holdout2", "answers_dev", "answers_dev3"],
)
def test_the_answers_sets_state_figures_verbatim_in_an_expected_clause(
    registry: Registry, golden: list[GoldenQuestion], with_figures: int
) -> None:
    assert len(golden) >= 100
    amount = [q for q in golden if q.kind == "in_scope" and q.intent == "amount"]
    assert sum(1 for q in amount if q.figures) >= with_figures
    for item in golden:
        texts = [registry.get(clause_id).text for clause_id in item.expect]
        for figure in item.figures:
            assert any(figure in text for text in texts), (item.id, figure)


@pytest.mark.parametrize(
    "name,golden",
    [
        ("dev", DEV),
        ("dev2", DEV2),
        ("holdout", HOLDOUT),
        ("answers_dev", ANSWERS_DEV),
        ("answers_dev3", ANSWERS_DEV3),
        ("answers_dev4", ANSWERS_DEV4),
        ("answers_holdout", ANSWERS_HOLDOUT),
        ("answers_holdout2", ANSWERS_HOLDOUT2),
    ],
    ids=[
        "dev",
        "dev2",
        "holdout",
        "answers_dev",
        "answers_dev3",
        "answers_dev4",
        "answers_holdout",
        "answers_holdout2",
    ],
)
def test_golden_set_meets_thresholds(kb: KnowledgeBase, name: str, golden: list[GoldenQuestion]) -> None:
    metrics, outcomes = evaluate(kb.answerer, golden)
    hit1, hit3, recall, false_abstain = THRESHOLDS[name]
    misses = [(o.item.id, o.rank, o.top[:1]) for o in outcomes if o.item.kind == "in_scope" and o.rank != 1]
    assert metrics.hit_at_1 >= hit1, misses
    assert metrics.hit_at_3 >= hit3, misses
    assert metrics.abstain_recall >= recall
    assert metrics.false_abstain_rate <= false_abstain
