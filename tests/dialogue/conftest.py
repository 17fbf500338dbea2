"""Shared fixtures: one real dialogue core over the session's knowledge base, real SQLite stores."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.services import Services
from bot.settings import Settings
from knowledge.kb import KnowledgeBase

TODAY = date(2020, 6, 1)


@pytest.fixture(scope="session")
def dialogue(kb: KnowledgeBase) -> Dialogue:
    return Services(Settings(), knowledge=kb).dialogue


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlSessionStore]:
    store = SqlSessionStore(f"sqlite:///{tmp_path / 'sessions.sqlite3'}")
    yield store
    store.close()


@pytest.fixture
def conversations(dialogue: Dialogue, store: SqlSessionStore) -> Conversations:
    return Conversations(dialogue, store, clock=lambda: TODAY)
