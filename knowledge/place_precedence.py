"""Which place's measure leads when the question names a place several documents govern: a county's own
document over its city's, the city's over its province's — when it is newer, in force, and covers the
measure the best match is (乐至县开网店有补贴吗: 乐至县's 2026 电商创业补贴 before 资阳市's 2017 创业补贴; the
older document may follow, it still holds)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from knowledge.match_ranking import MatchRanking
from knowledge.measure_match import MeasureMatch
from knowledge.query import group_meanings

# (other, best) measure ids: whether `other` is of a more specific place the question names than `best`,
# from a newer document in force — the answerer knows the documents, this module only the measures.
Leads = Callable[[str, str], bool]


@dataclass(frozen=True)
class RegionsAsked:
    """How the question asks about the regions searched: comparing them (巴中和平顶山的见习补贴一样吗), or naming
    a place inside others, whose own documents lead (`leads`, None when it names none)."""

    compared: bool = False
    leads: Leads | None = None


def own_place_first(
    relevant: MatchRanking, ranked: MatchRanking, leads: Leads | None, about: Callable[[MeasureMatch], bool]
) -> MatchRanking:
    """`relevant` led by the best-ranked match of `ranked` (every candidate, relevant or not: a county's row
    named in its own words — 返乡创业一次性开办补贴 — shares few of the question's) that leads the best
    relevant one by its place and document, covers what that one is, and is `about` what is asked (not a
    measure built on it: 全额贴息 of a loan asked); else `relevant` as it is."""
    if leads is None or not relevant:
        return relevant
    best = relevant[0]
    best_id = best.measure.id
    for position, measure_id in ranked.measure_ids():
        if measure_id == best_id or not leads(measure_id, best_id):
            continue
        if covers(ranked[position], best) and about(ranked[position]):
            return relevant.led_by(ranked[position : position + 1])
    return relevant


def covers(match: MeasureMatch, best: MeasureMatch) -> bool:
    """`match` grants what `best` is: the same kind of measure to the same beneficiary, and the name the
    question said of `best` — or best's own name — stands in match's name or sentence (创业补贴 in 电商创业补贴;
    创业担保贷款 in 对返乡创业人员申请创业担保贷款的…), or is what the glossary reads match's name as (开办补贴 →
    创业补贴), or the question names match itself."""
    mine, theirs = match.measure, best.measure
    if mine.kind is not theirs.kind or mine.beneficiary is not theirs.beneficiary:
        return False
    if match.named is not None:
        return True
    said = [name for name in (best.named, theirs.name) if name]
    read_as = group_meanings(mine.name)
    return any(name in mine.name or name in mine.span or name in read_as for name in said)
