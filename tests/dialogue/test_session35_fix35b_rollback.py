"""Session 35 (fix35b): rolling back to an earlier release keeps the conversations a newer one saved. A stored
session with fields this release does not know (answered_last and card_behind_answer were new in session 35) is
read without them — the facts and the place in the interview kept, each unknown field logged once — on an SQLite
file and on PostgreSQL. Only stored sessions are read so: a turn with an unknown field is still refused."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from pydantic import ValidationError
from sqlalchemy import text

from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.dialogue.types import Turn

from ..databases import Databases

KEY = "telegram:35"


@pytest.fixture
def store(databases: Databases) -> Iterator[SqlSessionStore]:
    """Overrides the SQLite store of tests/dialogue/conftest.py: these tests run on every database."""
    store = SqlSessionStore(databases.new_url())
    yield store
    store.close()


def _stored(store: SqlSessionStore) -> dict[str, object]:
    with store.engine.connect() as connection:
        state = connection.execute(text("SELECT state FROM dialogue_sessions WHERE key = :k"), {"k": KEY}).scalar()
    return json.loads(state)  # type: ignore[no-any-return]


def _store_as_a_newer_release(store: SqlSessionStore, state: dict[str, object]) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            text("UPDATE dialogue_sessions SET state = :s WHERE key = :k"), {"s": json.dumps(state), "k": KEY}
        )


def test_a_stored_session_with_fields_of_a_newer_release_keeps_its_facts_and_its_place(
    conversations: Conversations, store: SqlSessionStore, databases: Databases, caplog: pytest.LogCaptureFixture
) -> None:
    new_field = f"seen_hint_on_{databases.kind}"  # a field of its own per database: each is logged once a process
    conversations.handle(KEY, Turn(text="我在长春开了个小店一年多了"))
    asked = conversations.handle(KEY, Turn(action="ok"))[-1].asks
    assert asked is not None
    before = store.load(KEY)
    assert before is not None and before.interviewing and before.profile
    newer = {**_stored(store), new_field: True, "reminder": {"at": "2026-12-07"}}
    if newer.get("thread") is not None:
        newer["thread"] = {**newer["thread"], "asked_in": "zh"}  # type: ignore[dict-item]
    _store_as_a_newer_release(store, newer)

    with caplog.at_level(logging.WARNING, logger="bot.dialogue.store"):
        after = store.load(KEY)
        assert store.load(KEY) == after
    assert after is not None
    assert after.profile == before.profile
    assert after.interviewing and after.thread == before.thread and after.last_turn_id == before.last_turn_id
    logged = [r.getMessage() for r in caplog.records]
    assert sum(new_field in m for m in logged) == 1, logged  # once, however often it is read
    assert not any("discarding" in m for m in logged), logged

    replies = conversations.handle(KEY, Turn(text="/profile"))
    assert "我还不知道您的任何情况" not in replies[0].text
    assert "长春" in replies[0].text


def test_a_stored_session_of_an_unknown_version_still_starts_afresh(
    conversations: Conversations, store: SqlSessionStore
) -> None:
    conversations.handle(KEY, Turn(text="我在长春开了个小店一年多了"))
    _store_as_a_newer_release(store, {**_stored(store), "version": 2, "seen_hint": True})
    assert store.load(KEY) is None


def test_a_turn_with_an_unknown_field_is_still_refused() -> None:
    with pytest.raises(ValidationError):
        Turn.model_validate({"text": "你好", "sent_by": "bot"})
