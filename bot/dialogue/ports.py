"""The seams of the dialogue core: what it asks of the knowledge core and of a session store.

Production wires `knowledge.kb.KnowledgeBase` (its answerer and registry) and the SQLAlchemy
store; tests wire the same real objects, and a store is swapped only to change where state lives.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date
from typing import Protocol

from bot.dialogue.types import SessionState
from knowledge.answer_model import Answer, VersionRef
from knowledge.clauses import Clause
from knowledge.documents import Document


class PolicyAnswerer(Protocol):
    def answer(self, question: str | bytes, region: str | None = None, as_of: date | None = None) -> Answer: ...

    def version_named(self, measure_id: str) -> VersionRef | None:
        """Another region's version of a measure, as an answer names it (a follow-up button's question)."""
        ...


class ClauseSource(Protocol):
    @property
    def documents(self) -> dict[str, Document]: ...

    def get(self, clause_id: str) -> Clause: ...

    def has(self, clause_id: str) -> bool: ...

    def clauses_of(self, document_id: str) -> list[Clause]: ...

    def document_of(self, clause: Clause) -> Document: ...


class SessionAccess(Protocol):
    """Sessions by channel-qualified key (telegram:<chat id>, web:<session id>, terminal:<name>)."""

    def load(self, key: str) -> SessionState | None: ...

    def save(self, key: str, state: SessionState) -> None: ...

    def delete(self, key: str) -> None: ...


class SessionTurnAccess(SessionAccess, Protocol):
    def read_to_write(self, key: str) -> tuple[SessionState | None, str | None]:
        """`SessionStore.read` inside the turn's transaction, and no other turn writes the session until
        it ends."""
        ...

    def send_with_the_commit(self) -> None:
        """What the turn writes after this needs no answer before the commit: a store with round trips
        sends it with the commit."""
        ...

    def replace(self, key: str, stored: str | None, state: SessionState | None) -> bool:
        """Write `state` (None: delete) only if the stored session is still exactly `stored` (its
        text as `SessionStore.read` gave it; None: there was none); False, writing nothing, if not."""
        ...


class SessionStore(SessionAccess, Protocol):
    def read(self, key: str) -> tuple[SessionState | None, str | None]:
        """`load`, with the session's stored text (for `SessionTurnAccess.replace`)."""
        ...

    def turn(self, key: str) -> AbstractContextManager[SessionTurnAccess]:
        """The writes of one turn, committed together (the session by `SessionTurnAccess.replace`)."""
        ...
