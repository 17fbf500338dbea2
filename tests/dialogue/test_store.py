"""Sessions in a real database (an SQLite file, and a PostgreSQL database): they survive a new
process, stay apart per channel, keep no message text, and /forget removes them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.dialogue import actions
from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations, session_key
from bot.dialogue.store import SqlSessionStore
from bot.dialogue.types import SessionState, Turn
from bot.settings import Settings

from ..databases import Databases
from .conftest import TODAY


@pytest.fixture
def store(databases: Databases) -> Iterator[SqlSessionStore]:
    """Overrides the SQLite store of tests/dialogue/conftest.py: these tests run on every database."""
    store = SqlSessionStore(databases.new_url())
    yield store
    store.close()


def _rows(store: SqlSessionStore) -> list[tuple[str, str]]:
    with store.engine.connect() as connection:
        return [(key, state) for key, state in connection.execute(text("SELECT key, state FROM dialogue_sessions"))]


def _start_interview(conversations: Conversations, key: str) -> str | None:
    """Describe oneself, confirm the card: the interview starts. The question it asks first."""
    conversations.handle(key, Turn(text="我在长春开了个小店一年多了"))
    replies = conversations.handle(key, Turn(action="ok"))
    return replies[-1].asks


def test_a_new_store_on_the_same_database_resumes_the_interview_where_it_was(
    dialogue: Dialogue, databases: Databases
) -> None:
    url = databases.new_url()
    first = SqlSessionStore(url)
    asked = _start_interview(Conversations(dialogue, first, clock=lambda: TODAY), "telegram:1")
    first.close()
    assert asked is not None
    second = Conversations(dialogue, SqlSessionStore(url), clock=lambda: TODAY)
    replies = second.handle("telegram:1", Turn(text="/check"))
    assert replies[-1].asks == asked
    state = second.state("telegram:1")
    assert state is not None and state.profile["region"] == "长春市"


def test_forget_removes_the_row_from_the_database(conversations: Conversations, store: SqlSessionStore) -> None:
    _start_interview(conversations, "telegram:7")
    conversations.handle("web:8", Turn(text="/check"))
    assert {key for key, _ in _rows(store)} == {"telegram:7", "web:8"}
    conversations.handle("telegram:7", Turn(text="/forget"))
    assert {key for key, _ in _rows(store)} == {"telegram:7", "web:8"}, "/forget only asks"
    conversations.handle("telegram:7", Turn(action=actions.ERASE))
    assert {key for key, _ in _rows(store)} == {"web:8"}


def test_the_same_id_on_two_channels_shares_nothing(conversations: Conversations) -> None:
    _start_interview(conversations, session_key("telegram", 42))
    replies = conversations.handle(session_key("web", 42), Turn(text="/profile"))
    assert "我还不知道您的任何情况" in replies[0].text
    assert conversations.state(session_key("telegram", 42)) is not None


def test_the_database_keeps_facts_and_position_but_no_message_text(
    conversations: Conversations, store: SqlSessionStore
) -> None:
    conversations.handle("telegram:5", Turn(text="长春开店有补贴吗？我叫王小明，电话13800000000"))
    _start_interview(conversations, "telegram:5")
    stored = " ".join(state for _, state in _rows(store))
    assert "长春市" in stored
    for private in ("王小明", "13800000000", "有补贴吗", "小店"):
        assert private not in stored


def test_an_unreadable_stored_state_starts_a_fresh_conversation(
    conversations: Conversations, store: SqlSessionStore
) -> None:
    _start_interview(conversations, "telegram:9")
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE dialogue_sessions SET state = '{\"version\": 99}' WHERE key = 'telegram:9'"))
    replies = conversations.handle("telegram:9", Turn(text="/profile"))
    assert "我还不知道您的任何情况" in replies[0].text


def test_sessions_idle_longer_than_the_retention_are_pruned(store: SqlSessionStore) -> None:
    store.save("telegram:1", SessionState(profile={"region": "长春市"}))
    assert store.prune(datetime.now(UTC) - timedelta(days=1)) == 0
    assert store.prune(datetime.now(UTC) + timedelta(seconds=1)) == 1
    assert store.load("telegram:1") is None


def test_the_default_database_is_an_sqlite_file_under_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "state")
    assert settings.resolved_database_url() == f"sqlite:///{tmp_path / 'state' / 'policybot.sqlite3'}"
    assert Settings(database_url="sqlite:///elsewhere.db").resolved_database_url() == "sqlite:///elsewhere.db"


def test_the_thread_of_a_question_survives_a_new_store_and_keeps_topic_words_not_the_message(
    dialogue: Dialogue, databases: Databases
) -> None:
    url = databases.new_url()
    first = SqlSessionStore(url)
    Conversations(dialogue, first, clock=lambda: TODAY).handle(
        "web:t", Turn(text="巴中创业担保贷款能贷多少？我叫王小明")
    )
    first.close()
    second = SqlSessionStore(url)
    state = second.load("web:t")
    assert state is not None and state.thread is not None
    assert state.thread.topic == ("创业担保贷款",) and state.thread.region == "巴中市"
    assert state.profile == {} and state.pending == {}
    stored = " ".join(state for _, state in _rows(second))
    for private in ("王小明", "能贷多少", "我叫"):
        assert private not in stored
    replies = Conversations(dialogue, second, clock=lambda: TODAY).handle("web:t", Turn(text="那资阳呢？"))
    assert replies[0].kind == "answer" and replies[0].clause_ids
    assert all(c.startswith("ziyang-") for c in replies[0].clause_ids)
    second.close()
