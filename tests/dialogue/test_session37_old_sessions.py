"""Session 37 (review37): a conversation stored before session 37 keeps its meaning after the upgrade. Session 35 kept
what the last turn did with a question in two flags (answered_last, card_behind_answer); session 37 keeps one state
(last_answer). A stored session with the two flags is read into the one state — the card, the facts and the offers
kept — and nothing is logged as "a field this release does not know": these fields are known, retired ones."""

from __future__ import annotations

import json
import logging

import pytest

from bot.dialogue.store import parsed_session
from bot.dialogue.types import SessionState

OLD_FLAGS = [
    ({"answered_last": True, "card_behind_answer": True}, "beside_card"),
    ({"answered_last": True, "card_behind_answer": False}, "answered"),
    ({"answered_last": True}, "answered"),
    ({"card_behind_answer": True}, "beside_card"),
    ({"answered_last": False, "card_behind_answer": False}, ""),
]


def _stored_before_session_37(flags: dict[str, bool]) -> str:
    state = SessionState(profile={"region": "资阳", "age": 24}, pending={"graduation_year": 2025}, pending_offers=1)
    stored = json.loads(state.model_dump_json())
    stored.pop("last_answer")
    return json.dumps({**stored, **flags}, ensure_ascii=False)


@pytest.mark.parametrize(("flags", "read_as"), OLD_FLAGS)
def test_a_session_stored_with_the_two_old_flags_is_read_into_the_one_state_with_its_card_kept(
    flags: dict[str, bool], read_as: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.dialogue.store"):
        state, _ = parsed_session("web:old", _stored_before_session_37(flags))
    assert state is not None
    assert state.last_answer == read_as
    assert state.pending == {"graduation_year": 2025} and state.pending_offers == 1
    assert state.profile == {"region": "资阳", "age": 24}
    assert not [r for r in caplog.records if "does not know" in r.getMessage()], caplog.text


def test_a_stored_session_that_already_has_the_new_state_keeps_it() -> None:
    stored = json.loads(SessionState(last_answer="answered").model_dump_json())
    state, _ = parsed_session("web:new", json.dumps({**stored, "card_behind_answer": True}))
    assert state is not None and state.last_answer == "answered"
