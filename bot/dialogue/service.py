"""Conversations: the core plus a store, one turn at a time per person.

This is what channels call: load the session, let the core answer, save (or, after /forget,
delete) in one go, and hand back the replies. Turns of the same person are serialized in-process
(striped locks: bounded memory however many people write), so two quick taps never overwrite each
other's answer. A turn that changes nothing is not written; a turn with an id always changes the
stored last turn id, so it is always written (the web relies on that to tell /forget apart).
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.ports import SessionStore
from bot.dialogue.types import Reply, SessionState, Turn

Clock = Callable[[], date]
LOCK_STRIPES = 64
CHANNELS = frozenset({"telegram", "web", "terminal", "bench", "test"})


def session_key(channel: str, identity: str | int) -> str:
    """Keys are channel-qualified, so a Telegram chat and a web session never share state."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    return f"{channel}:{identity}"


class Conversations:
    def __init__(self, dialogue: Dialogue, store: SessionStore, clock: Clock = date.today) -> None:
        self.dialogue = dialogue
        self.store = store
        self.clock = clock
        self._locks = tuple(threading.Lock() for _ in range(LOCK_STRIPES))

    def _lock(self, key: str) -> threading.Lock:
        return self._locks[zlib.crc32(key.encode()) % LOCK_STRIPES]

    def handle(self, key: str, turn: Turn) -> tuple[Reply, ...]:
        with self._lock(key):
            state = self.store.load(key) or SessionState()
            outcome = self.dialogue.respond(state, turn, self.clock())
            if outcome.state is None:
                self.store.delete(key)
            elif outcome.state != state:
                self.store.save(key, outcome.state)
            return outcome.replies

    def state(self, key: str) -> SessionState | None:
        return self.store.load(key)
