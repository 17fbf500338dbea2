"""A fact said anew that the card's other facts contradict (session 36, walk36 W27).

没交社保 after 创业后参加社会保险：是 on the card: the card's fact settles the one now said the other way
(eligibility/facts.yaml `implied`: whoever is insured since starting a business pays social insurance), so
it cannot stand beside it. What was said last wins: a yes/no fact that settled it is flipped (创业后参加社会
保险：否), any other is taken off the card to be asked again."""

from __future__ import annotations

from typing import Any

from eligibility.facts import FactRegistry


def contradicted(facts: FactRegistry, said: dict[str, Any], card: dict[str, Any]) -> dict[str, Any]:
    """The card's facts (not said now) that settle a fact said now to another value: each with what it
    becomes — its other yes/no value, or None to be dropped."""
    out: dict[str, Any] = {}
    for name, value in said.items():
        implied = facts.implied.get(name)
        if implied is None or implied.value == value or implied.when in said:
            continue
        held = card.get(implied.when)
        if held is None or held not in implied.in_:
            continue
        out[implied.when] = (not held) if isinstance(held, bool) else None
    return out
