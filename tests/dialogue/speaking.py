"""Saying one message to the dialogue core, and the clauses its answers cite: shared by the session tests.

The date is always passed by the caller: each test file fixes its own day, so what a relative date
means ("去年", "今年夏天") is stated where the test is read."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState, Turn


def say(dialogue: Dialogue, state: SessionState, message: str, today: date) -> tuple[SessionState, tuple[Reply, ...]]:
    outcome = dialogue.respond(state, Turn(text=message), today)
    assert outcome.state is not None
    return outcome.state, outcome.replies


def cited(replies: tuple[Reply, ...]) -> set[str]:
    return {c for r in replies if r.kind == "answer" for c in r.clause_ids}


def press(dialogue: Dialogue, state: SessionState, action: str, today: date) -> tuple[SessionState, tuple[Reply, ...]]:
    """A button pressed: the action string a reply offered."""
    outcome = dialogue.respond(state, Turn(action=action), today)
    assert outcome.state is not None
    return outcome.state, outcome.replies


def last_question(replies: tuple[Reply, ...]) -> Reply | None:
    """The interview question the replies end on, if any."""
    return next((r for r in reversed(replies) if r.kind == "question"), None)


def confirmed(dialogue: Dialogue, told: str, today: date) -> tuple[SessionState, tuple[Reply, ...]]:
    """A fresh conversation told `told`, its card confirmed (the card must be offered)."""
    state, replies = say(dialogue, SessionState(), told, today)
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    return press(dialogue, state, "ok", today)


def reply_texts(replies: tuple[Reply, ...]) -> list[str]:
    return [r.text for r in replies]


def region_of(state: SessionState) -> object:
    """The place a conversation goes by: the one awaiting confirmation, else the profile's."""
    return state.pending.get("region", state.profile.get("region"))
