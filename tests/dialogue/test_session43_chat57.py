"""Session 43 (task chat57, issue 12): the results shown are kept as a fact of the session, never inferred from the
check being done; transcripts of the classes fixed are in transcripts_session43_chat57.yaml."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.dialogue.types import SessionState, Turn

from .transcript import Run

TODAY = date(2027, 1, 24)
TRANSCRIPTS = yaml.safe_load((Path(__file__).parent / "transcripts_session43_chat57.yaml").read_text(encoding="utf-8"))

# A record the check is done with (nothing left to ask), as an interview in 长春 leaves it.
DONE: dict[str, Any] = {
    "graduation_date": "2015-06-30",
    "education": "college",
    "business_months": 24,
    "employment_status": "self_employed",
    "age": 35,
    "region": "长春市",
    "business_region": "与居住地相同",
    "registered_unemployed": False,
    "household": [],
    "rural_labor": False,
    "returning_migrant": False,
}


@pytest.mark.parametrize("case", [pytest.param(t, id=t["name"]) for t in TRANSCRIPTS["transcripts"]])
def test_transcript(dialogue: Dialogue, store: SqlSessionStore, case: dict[str, Any]) -> None:
    today: date = case.get("today", TODAY)
    run = Run(Conversations(dialogue, store, clock=lambda: today), key="test:session43")
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)


def _done_profile(dialogue: Dialogue) -> dict[str, Any]:
    """DONE, completed with whatever the rules ask beyond it (answered no), so that nothing is left to ask."""
    state = SessionState(profile=DONE, interviewing=True)
    for _ in range(30):
        outcome = dialogue.respond(state, Turn(text="不是"), TODAY)
        assert outcome.state is not None
        state = outcome.state
        if outcome.replies[-1].kind == "results":
            return dict(state.profile)
    raise AssertionError("the check never finished")


# Cards that leave the results as they were: the home and the shop's place said again, a place of business, an age.
CARDS = [
    {"region": "长春市", "business_region": "与居住地相同"},
    {"business_region": "长春市"},
    {"age": 36},
]


@pytest.mark.parametrize("card", CARDS)
def test_a_card_confirmed_on_a_done_check_whose_results_never_went_out_shows_them_in_full(
    dialogue: Dialogue, card: dict[str, Any]
) -> None:
    profile = _done_profile(dialogue)
    state = SessionState(profile=profile, pending=card)
    outcome = dialogue.respond(state, Turn(action="ok"), TODAY)
    results = [r for r in outcome.replies if r.kind == "results"]
    assert results and results[-1].benefits, [r.text[:80] for r in outcome.replies]
    assert outcome.state is not None and outcome.state.results_seen is not None


def test_a_card_that_changes_nothing_of_results_seen_says_so_in_a_line(dialogue: Dialogue) -> None:
    profile = _done_profile(dialogue)
    shown = dialogue.respond(SessionState(profile=profile, pending={"region": "四平市"}), Turn(action="ok"), TODAY)
    assert shown.state is not None
    again = dialogue.respond(shown.state.model_copy(update={"pending": {"age": 36}}), Turn(action="ok"), TODAY)
    results = [r for r in again.replies if r.kind == "results"]
    assert results and not results[-1].benefits and "没有变化" in results[-1].text
