"""Conversations: the core plus a store, one turn at a time per person.

This is what channels call: load the session, let the core answer, save (or, after /forget,
delete) in one transaction, committed before the replies are handed back. On a database with one
writer (SQLite) the core answers before the transaction, and the transaction checks that the session
it answered on is still the stored one (else it answers again). Turns of the same person
are serialized in-process (striped locks: bounded memory however many people write) and, on
PostgreSQL, across replicas (the store's advisory lock), so two quick taps never overwrite each
other's answer. A turn that changes nothing is not written; a turn with an id always changes the
stored last turn id, so it is always written. `handle_turn` also says when a turn was /forget.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from bot.dialogue.core import Dialogue
from bot.dialogue.keys import SessionKeys
from bot.dialogue.ports import SessionAccess, SessionStore
from bot.dialogue.types import Outcome, Reply, SessionState, Turn

Clock = Callable[[], date]
# What a channel stores with a turn (the web's transcript and logged answers): made ready from the
# outcome — before the turn's write lock when the store has one writer — and written in the turn's
# transaction, in the same commit as the session.
TurnWrites = Callable[[SessionAccess], None]
WithTheTurn = Callable[[Outcome], TurnWrites]
LOCK_STRIPES = 64
CHANNELS = frozenset({"telegram", "web", "terminal", "bench", "test"})


@dataclass(frozen=True)
class Handled:
    replies: tuple[Reply, ...]
    forgotten: bool  # the person asked to delete everything (/forget): the session is gone


def session_key(channel: str, identity: str | int) -> str:
    """Keys are channel-qualified, so a Telegram chat and a web session never share state."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    return f"{channel}:{identity}"


class TurnHandler(Protocol):
    """What a channel needs of the conversations: `Conversations`, or the live wrapper that hands each
    turn to the product of the documents published now (bot/live.py)."""

    def key_of(self, channel: str, identity: str | int) -> str: ...

    def handle(self, key: str, turn: Turn) -> tuple[Reply, ...]: ...

    def handle_turn(self, key: str, turn: Turn, also: WithTheTurn | None = None) -> Handled: ...


class Conversations:
    def __init__(
        self, dialogue: Dialogue, store: SessionStore, clock: Clock = date.today, keys: SessionKeys | None = None
    ) -> None:
        """`keys`: how a channel key is stored (a keyed hash, bot/dialogue/keys.py); None keeps it as is."""
        self.dialogue = dialogue
        self.store = store
        self.clock = clock
        self.keys = keys or SessionKeys(None)
        self._locks = tuple(threading.Lock() for _ in range(LOCK_STRIPES))

    def _lock(self, key: str) -> threading.Lock:
        return self._locks[zlib.crc32(key.encode()) % LOCK_STRIPES]

    def key_of(self, channel: str, identity: str | int) -> str:
        """The key a channel's person is stored under: every turn, transcript row and logged answer
        of theirs carries it, and /forget and staff deletion find them by it."""
        return self.keys.stored(session_key(channel, identity))

    def handle(self, key: str, turn: Turn) -> tuple[Reply, ...]:
        return self.handle_turn(key, turn).replies

    def handle_turn(self, key: str, turn: Turn, also: WithTheTurn | None = None) -> Handled:
        """`handle`, also telling whether the turn deleted the session (/forget). `also`: what the
        channel stores with the turn (the web's transcript), written after the save in the same commit."""
        today = self.clock()
        with self._lock(key):
            answered: tuple[SessionState, str | None, Outcome, TurnWrites | None] | None = None
            if self.store.has_one_writer:
                # Every writer of the database waits while a turn holds its write lock, so the turn is
                # answered (and the channel's rows made ready) before, on the state read without the
                # lock; under the lock it is written only if that is still the stored state (issue 14:
                # the wait for the lock was the tail).
                read, stored = self.store.read(key)
                before = read or SessionState()
                outcome = self.dialogue.respond(before, turn, today)
                answered = before, stored, outcome, also(outcome) if also is not None else None
            with self.store.turn(key) as rows:
                if answered is not None and answered[2].state != answered[0]:
                    # The turn changes the session: one compare-and-set write, no second read.
                    _, stored, outcome, writes = answered
                    if rows.replace(key, stored, outcome.state):
                        if writes is not None:
                            writes(rows)
                        return Handled(outcome.replies, forgotten=outcome.state is None)
                state = rows.load(key) or SessionState()
                if answered is not None and answered[0] == state:
                    _, _, outcome, writes = answered
                else:  # another process handled a turn of this conversation in between: answered again
                    outcome = self.dialogue.respond(state, turn, today)
                    writes = also(outcome) if also is not None else None
                if outcome.state is None:
                    rows.delete(key)
                elif outcome.state != state:
                    rows.save(key, outcome.state)
                if writes is not None:
                    writes(rows)
        return Handled(outcome.replies, forgotten=outcome.state is None)

    def state(self, key: str) -> SessionState | None:
        return self.store.load(key)

    def forget(self, key: str) -> bool:
        """Delete the session of `key` between its turns (staff deleting a person's data); True when
        there was one."""
        with self._lock(key), self.store.turn(key) as rows:
            existed = rows.load(key) is not None
            rows.delete(key)
        return existed
