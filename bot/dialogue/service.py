"""Conversations: the core plus a store, one turn at a time per person.

This is what channels call: read the session, let the core answer, then save (or, after /forget,
delete) in one transaction, committed before the replies are handed back. The transaction writes only
if the session is still the one the core answered on (compare-and-set on its stored text), else the
turn is answered again on what is stored — so no lock is held while the core answers, on either
database. Turns of the same person are serialized in-process (striped locks: bounded memory however
many people write); across processes and replicas the compare-and-set does it, so two quick taps
never overwrite each other's answer. A turn that changes nothing is not written; a turn with an id
always changes the stored last turn id, so it is always written. `handle_turn` also says when a turn
was /forget.
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
from bot.dialogue.ports import SessionAccess, SessionStore, SessionTurnAccess
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
    told: bool = False  # the typed message told something of the person (`Outcome.told`)


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


def _written(
    rows: SessionTurnAccess, key: str, before: SessionState, stored: str | None, state: SessionState | None
) -> bool:
    """Whether the turn answered on `before` (stored as `stored`) is written as `state`: one compare-and-set
    when it changes the session; when it does not, whether the session is still the one it answered on."""
    if state == before:
        return rows.read_to_write(key)[1] == stored
    return rows.replace(key, stored, state)


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

    def handle_turn(
        self,
        key: str,
        turn: Turn,
        also: WithTheTurn | None = None,
        session: tuple[SessionState | None, str | None] | None = None,
    ) -> Handled:
        """`handle`, also telling whether the turn deleted the session (/forget). `also`: what the
        channel stores with the turn (the web's transcript), written after the save in the same commit.
        `session`: the session as the channel read it (`SessionStore.read`'s pair) in the statement that
        read its own rows before the turn (the web's chat: one round trip); None reads it here."""
        today = self.clock()
        with self._lock(key):
            # The core answers (and the channel's rows are made ready) before the transaction, on the
            # state read without a lock: on SQLite every writer waits while a turn holds the write lock
            # (issue 14: that wait was the tail), on PostgreSQL a transaction held open while the core
            # answered cost its lock, BEGIN and load round trips (session 29). Read before this process's
            # lock of the key or after it, the compare-and-set below finds a turn written in between.
            read, stored = session if session is not None else self.store.read(key)
            before = read or SessionState()
            outcome = self.dialogue.respond(before, turn, today)
            writes = also(outcome) if also is not None else None
            with self.store.turn(key) as rows:
                while not _written(rows, key, before, stored, outcome.state):
                    # Another process handled a turn of this conversation in between: answered again on
                    # what is stored, which no other turn writes until this one commits.
                    read, stored = rows.read_to_write(key)
                    before = read or SessionState()
                    outcome = self.dialogue.respond(before, turn, today)
                    writes = also(outcome) if also is not None else None
                if writes is not None:
                    rows.send_with_the_commit()  # the channel's rows need no answer: sent with the COMMIT
                    writes(rows)
        return Handled(outcome.replies, forgotten=outcome.state is None, told=outcome.told)

    def state(self, key: str) -> SessionState | None:
        return self.store.load(key)

    def forget(self, key: str) -> bool:
        """Delete the session of `key` between its turns (staff deleting a person's data); True when
        there was one."""
        with self._lock(key), self.store.turn(key) as rows:
            existed = rows.load(key) is not None
            rows.delete(key)
        return existed
