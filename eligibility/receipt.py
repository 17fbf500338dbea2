"""Prior receipt (issue 11, session 12): a one-time measure the person already had.

A rule's `once:` names the `received_before` option it is and whether a prior receipt rules it out
(`never`: the text pays it once — 一次性, 首次) or leaves it to confirm (`to_confirm`: the text does not
say whether again — 创业担保贷款). These build the reasons the engine returns; `bot/present` words them.
"""

from __future__ import annotations

from eligibility.profile import Profile
from eligibility.results import Reason, ReasonKind, Requirement, Stated
from eligibility.rulebook import RECEIVED, Benefit
from eligibility.schema import Once


def once_of(benefit: Benefit) -> Once:
    if benefit.once is None:
        raise ValueError(f"{benefit.id} has no one-time measure")
    return benefit.once


def prior_receipt(benefit: Benefit) -> Reason:
    """The person already had this measure: `failed` when it is had once (一次性, 首次), `to_confirm`
    in the rule's words when the text does not say whether again."""
    once = once_of(benefit)
    if once.repeat == "to_confirm":
        requirement = Requirement(text=once.requirement, open=True)
        return Reason(kind="to_confirm", clause_id=once.cite, requirement=requirement)
    stated = (Stated(fact=RECEIVED, value=(once.measure,)),)
    return Reason(kind="failed", clause_id=once.cite, requirement=_once_requirement(once), stated=stated)


def unknown_receipt(benefit: Benefit, profile: Profile) -> Reason:
    """Not known yet whether the person already had it: to be answered (or 不清楚, `unsure`)."""
    once = once_of(benefit)
    unsure = profile.is_answered(RECEIVED) and profile.values[RECEIVED] is None
    stated = (Stated(fact=RECEIVED, value=None),) if unsure else ()
    kind: ReasonKind = "unsure" if unsure else "unconfirmed"
    return Reason(kind=kind, clause_id=once.cite, requirement=_once_requirement(once), stated=stated)


def _once_requirement(once: Once) -> Requirement:
    """Had once, not again (`never`); or (`to_confirm`, session 42) whether had before, a prior receipt leaving it to
    confirm — `open`, so it is never worded as "只能享受一次", which the text does not say."""
    text = once.requirement if once.repeat == "never" else None
    return Requirement(
        text=text,
        fact=RECEIVED,
        comparison="not_contains_any",
        operand=(once.measure,),
        open=once.repeat == "to_confirm",
    )
