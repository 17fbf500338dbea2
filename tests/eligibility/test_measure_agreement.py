"""Each benefit agrees with the measure registry (knowledge/measures) on whose it is and on the kind
of its figure. `eligibility` may not import `knowledge`, so the rules keep their own `beneficiary`
and amount kind; this test, which may import both, keeps the two from drifting apart.

A benefit is matched to the measure of its first cited clause whose span holds (or best overlaps)
the benefit's first quote. Known disagreements are listed with why; any other fails.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from eligibility.rulebook import Benefit, default_rulebook
from knowledge.measures import Measure, load_measures

BOOK = default_rulebook()
MEASURES = load_measures()
SIDES = {"person": "applicant", "employer": "employer", "provider": "service_provider", "institution": "institution"}
# Amount kinds that name one figure, and the registry's kinds each may stand for.
FIGURES = {"fixed": {"fixed", "rate"}, "floor": {"floor"}, "cap": {"cap"}}

KNOWN_SIDE_DISAGREEMENTS = {
    # The package's first quote names 鼓励企业吸纳录用退役军人 beside 返乡下乡创业: the registry's measure for
    # that sentence is the employer's; the rule is the veteran's own part (创业 support, 培训).
    "pingdingshan.veteran_support": "pingdingshan-2020.veteran_hiring_support",
    # 商洛 三: the registry keeps 职业培训补贴和免费就业服务 … 被企业吸纳的 … as one person-side measure;
    # the rule encodes the sentence's employer part (税收减免、小额贷款和社保补贴 给予企业).
    "shangluo.hiring_support": "shangluo-2012.laid_off_training_subsidy",
    # 吉林（八） has one sentence for 见习: the unit that takes 高校毕业生和中职毕业生 gets the subsidy. The
    # registry keeps it as the unit's measure; the rule is the graduate's own side (joining the placement).
    "jilin.internship_placement": "jilin-2017.employment_internship_subsidy",
    # 巴中（十） says only 按规定给予就业见习补贴 — no recipient. The registry reads it as the unit's (as 吉林、平顶山
    # say); the rule leaves whose it is open for the person in the 见习 range (session 15).
    "bazhong.employment_internship": "bazhong-2018.employment_internship_subsidy",
    # 平顶山（十） 8：2: the registry names the fund and the bank an institution; eligibility has no such side —
    # the nearest is the loan's provider, neither the person's nor an employer's (session 18).
    "pingdingshan.guarantee_loss_sharing": "pingdingshan-2020.guarantee_fund_risk_sharing",
    # 吉林（十八） 支持重点技工院校和企业建立…技能大师（首席技师）工作室: the registry names the schools and firms an
    # institution; eligibility has no such side — to a person asking, the firm that sets the studio up is the unit, its
    # employer (session 36, next37c): never the master's own.
    "jilin.skill_master_studio_support": "jilin-2017.high_skill_training_bases",
}


def _measure_for(benefit: Benefit) -> Measure | None:
    first = benefit.citations[0]
    candidates = [m for m in MEASURES.get(benefit.document_id, ()) if m.clause == first.cite]

    def overlap(measure: Measure) -> int:
        if first.quote in measure.span:
            return len(first.quote) + 1
        return SequenceMatcher(None, first.quote, measure.span).find_longest_match().size

    return max(candidates, key=overlap, default=None)


@pytest.mark.parametrize("benefit_id", sorted(BOOK.benefits))
def test_the_benefit_is_whose_the_measure_registry_says(benefit_id: str) -> None:
    benefit = BOOK.benefits[benefit_id]
    measure = _measure_for(benefit)
    assert measure is not None, f"{benefit_id}: no measure of {benefit.citations[0].cite}"
    if KNOWN_SIDE_DISAGREEMENTS.get(benefit_id) == measure.id:
        return
    assert SIDES[measure.beneficiary] == benefit.beneficiary, (benefit_id, measure.id, measure.beneficiary)


@pytest.mark.parametrize("benefit_id", sorted(BOOK.benefits))
def test_a_single_figure_is_of_the_kind_the_measure_registry_says(benefit_id: str) -> None:
    benefit = BOOK.benefits[benefit_id]
    measure = _measure_for(benefit)
    if benefit.amount is None or benefit.amount.kind not in FIGURES or measure is None or not measure.amounts:
        return
    kinds = {a.kind.value for a in measure.amounts}
    assert kinds & FIGURES[benefit.amount.kind], (benefit_id, benefit.amount.kind, measure.id, kinds)


def test_the_known_disagreements_are_still_real() -> None:
    for benefit_id, measure_id in KNOWN_SIDE_DISAGREEMENTS.items():
        measure = _measure_for(BOOK.benefits[benefit_id])
        assert measure is not None and measure.id == measure_id
        assert SIDES[measure.beneficiary] != BOOK.benefits[benefit_id].beneficiary
