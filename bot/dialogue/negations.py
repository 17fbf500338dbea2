"""A yes/no fact on the card that a fact said anew contradicts (session 37 prepared, next37d; walk36 W27).

没交社保 after 创业后参加社会保险：是 on the card: the card's fact settles the one now said the other way
(eligibility/facts.yaml `implied`: whoever is insured since starting a business pays social insurance), so it
cannot stand beside it — what was said last wins and the card's yes/no fact is flipped (创业后参加社会保险：否).

Only what the message says firmly is trusted (`Description.firm`): of the speaker, of now, in a clause of their
own (不对，我没交社保) — never 以前没交社保, 创业前没交过, 我老婆没交, 我店里的员工都没交, which leave the card as it
is. A fact of another kind (an employment status) is never flipped: it is left whole, on the card and in the
record alike, rather than half taken off (walkfix36 dropped it from the card while the record kept it)."""

from __future__ import annotations

from typing import Any

from bot.dialogue.describe import Description
from eligibility.facts import FactRegistry


def contradicted(facts: FactRegistry, said: Description, card: dict[str, Any]) -> dict[str, bool]:
    """The card's yes/no facts (not said now) that settle a fact said firmly now to another value, each with
    its other value."""
    out: dict[str, bool] = {}
    for name, value in said.facts.items():
        implied = facts.implied.get(name)
        if name not in said.firm or implied is None or implied.value == value or implied.when in said.facts:
            continue
        held = card.get(implied.when)
        if isinstance(held, bool) and held in implied.in_:
            out[implied.when] = not held
    return out
