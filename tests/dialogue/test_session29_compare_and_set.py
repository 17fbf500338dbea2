"""Turns of one person handled by two processes at once, on SQLite and on PostgreSQL (session 29): a turn
is answered on the session it read without a lock and written by compare-and-set on that text; the
turn that loses is answered again on what the other wrote, so neither tap is lost — on PostgreSQL
without the advisory lock per conversation that held a transaction open while the core answered."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations
from bot.dialogue.store import SessionRows, SqlSessionStore
from bot.dialogue.types import Outcome, Reply, SessionState, Turn

from ..databases import Databases
from .conftest import TODAY

SELF_DESCRIPTION = "我是退役军人，今年33岁，在巴中自己开了个修车铺，家里是低保户"


class WrittenMeanwhile(SqlSessionStore):
    """A real store whose next turn first lets `meanwhile` run: after the turn was answered on the
    session it read, before its transaction — another replica's turn of the same person lands there."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.meanwhile: Callable[[], None] | None = None

    @contextmanager
    def turn(self, key: str) -> Iterator[SessionRows]:
        run, self.meanwhile = self.meanwhile, None
        if run is not None:
            run()
        with super().turn(key) as rows:
            yield rows


@pytest.fixture
def replicas(dialogue: Dialogue, databases: Databases) -> Iterator[tuple[Conversations, Conversations]]:
    """Two conversations services on one database, each with its own engine and in-process locks."""
    url = databases.new_url()
    first, second = WrittenMeanwhile(url), SqlSessionStore(url)
    yield Conversations(dialogue, first, clock=lambda: TODAY), Conversations(dialogue, second, clock=lambda: TODAY)
    first.close()
    second.close()


def _boxes(conversations: Conversations, key: str) -> list[str]:
    conversations.handle(key, Turn(text=SELF_DESCRIPTION))
    question = conversations.handle(key, Turn(action="ok"))[-1]
    boxes = [action for action in question.actions if action.startswith("tick:")]
    assert question.multi_select and len(boxes) >= 2, "the interview asks a 可多选 question next"
    return boxes


def _ticked(reply: Reply) -> int:
    return sum(1 for row in reply.buttons for button in row if button.label.startswith("☑"))


def test_a_tick_written_by_another_replica_meanwhile_is_kept_and_the_turn_answered_once_more(
    replicas: tuple[Conversations, Conversations], monkeypatch: pytest.MonkeyPatch
) -> None:
    here, there = replicas
    key = "web:meanwhile-29"
    first, second = _boxes(here, key)[:2]
    answered: list[SessionState] = []
    respond = here.dialogue.respond

    def counted(state: SessionState, turn: Turn, today: date) -> Outcome:
        if turn.id == "here":
            answered.append(state)
        return respond(state, turn, today)

    monkeypatch.setattr(here.dialogue, "respond", counted)
    assert isinstance(here.store, WrittenMeanwhile)
    here.store.meanwhile = lambda: there.handle(key, Turn(action=second, id="there"))

    replies = here.handle(key, Turn(action=first, id="here"))

    state = here.state(key)
    assert state is not None and sorted(state.ticked) == [0, 1], "one tick was written over the other"
    assert state.last_turn_id == "here"
    assert _ticked(replies[-1]) == 2, "the replies show both boxes ticked, as stored"
    assert len(answered) == 2 and answered[1].ticked != answered[0].ticked, "answered again on the stored session"


def _tap_together(pairs: list[tuple[Conversations, str, Turn]]) -> list[BaseException]:
    """Each (conversations, key, turn) handled on its own thread, all released at the same moment."""
    start = threading.Barrier(len(pairs))
    failures: list[BaseException] = []

    def tap(conversations: Conversations, key: str, turn: Turn) -> None:
        try:
            start.wait()
            conversations.handle(key, turn)
        except BaseException as exc:
            failures.append(exc)

    taps = [threading.Thread(target=tap, args=pair) for pair in pairs]
    for thread in taps:
        thread.start()
    for thread in taps:
        thread.join(60)
    return failures


def test_taps_released_together_on_two_replicas_are_all_kept(replicas: tuple[Conversations, Conversations]) -> None:
    here, there = replicas
    for round_ in range(6):
        key = f"web:together-29-{round_}"
        first, second = _boxes(here, key)[:2]
        failures = _tap_together([(here, key, Turn(action=first, id="a")), (there, key, Turn(action=second, id="b"))])
        assert not failures, failures
        state = here.state(key)
        assert state is not None and sorted(state.ticked) == [0, 1], (round_, state.ticked)
