"""On an SQLite file every writer waits while a turn holds the write lock, so a turn is answered before
it takes the lock, on the session read without it, and under the lock only checked against the stored
session (issue 14). Another process may handle a turn of the same person in that window: the turn is
then answered again on what is stored, and neither turn is lost."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations
from bot.dialogue.store import SessionRows, SqlSessionStore
from bot.dialogue.types import Outcome, Reply, SessionState, Turn

from .conftest import TODAY

DESCRIPTION = "我是残疾人，家里是低保户，在巴中开了个小店两年了，今年45岁"


class TurnInBetween(SqlSessionStore):
    """A real store whose next turn first lets `in_between` run: the moment after the turn was
    answered on the session it read and before it takes the file's write lock."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.in_between: Callable[[], None] | None = None

    @contextmanager
    def turn(self, key: str) -> Iterator[SessionRows]:
        run, self.in_between = self.in_between, None
        if run is not None:
            run()
        with super().turn(key) as rows:
            yield rows


def _ticks(reply: Reply) -> list[str]:
    return [action for action in reply.actions if action.startswith("tick:")]


def _ticked_labels(reply: Reply) -> list[str]:
    return [button.label for row in reply.buttons for button in row if button.label.startswith("☑")]


@pytest.fixture
def two_processes(dialogue: Dialogue, tmp_path: Path) -> Iterator[tuple[Conversations, Conversations]]:
    """Two conversations services on one SQLite file, each with its own engine and in-process locks,
    as two `policybot serve` workers have."""
    url = f"sqlite:///{tmp_path / 'policybot.sqlite3'}"
    first, second = TurnInBetween(url), SqlSessionStore(url)
    yield Conversations(dialogue, first, clock=lambda: TODAY), Conversations(dialogue, second, clock=lambda: TODAY)
    first.close()
    second.close()


def test_a_box_ticked_on_another_process_while_a_tick_was_answered_is_kept_with_it(
    two_processes: tuple[Conversations, Conversations],
) -> None:
    here, there = two_processes
    key = "web:two-taps"
    here.handle(key, Turn(text=DESCRIPTION))
    question = here.handle(key, Turn(action="ok"))[-1]
    assert question.multi_select, "the interview asks a 可多选 question next"
    first_box, second_box = _ticks(question)[:2]
    assert isinstance(here.store, TurnInBetween)
    here.store.in_between = lambda: there.handle(key, Turn(action=second_box, id="there"))

    replies = here.handle(key, Turn(action=first_box, id="here"))

    state = here.state(key)
    assert state is not None
    assert sorted(state.ticked) == [0, 1], "the tick answered on the session read before was written over the other"
    assert state.last_turn_id == "here"
    assert len(_ticked_labels(replies[-1])) == 2, "the replies show the session as stored, both boxes ticked"


def test_a_turn_nobody_else_touched_is_answered_once(
    two_processes: tuple[Conversations, Conversations], monkeypatch: pytest.MonkeyPatch
) -> None:
    here, _ = two_processes
    answered: list[SessionState] = []
    respond = here.dialogue.respond

    def counted(state: SessionState, turn: Turn, today: date) -> Outcome:
        answered.append(state)
        return respond(state, turn, today)

    monkeypatch.setattr(here.dialogue, "respond", counted)
    key = "web:alone"
    for turn in (Turn(text=DESCRIPTION), Turn(action="ok"), Turn(text="巴中市创业担保贷款额度是多少？")):
        here.handle(key, turn)
    assert len(answered) == 3
