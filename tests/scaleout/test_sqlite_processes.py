"""Several processes on one SQLite file (`policybot serve --workers 2`, or two `serve` processes):
two taps of one person at the same moment on two processes are both kept. Each turn takes the
file's write lock before it loads the session (`BEGIN IMMEDIATE`); without it one of two taps was
lost in 57 of 400 tries (issue 14), so many pairs are tried here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.dialogue.store import SqlSessionStore
from knowledge.kb import KnowledgeBase
from tests.scaleout.replicas import Person, Replica, replica_env, running_replicas
from tests.scaleout.test_replicas import SELF_DESCRIPTION, at_the_same_moment

PEOPLE = 12


@pytest.fixture(scope="module")
def on_one_file(
    kb: KnowledgeBase, kb_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[list[Replica], str]]:
    database_url = f"sqlite:///{tmp_path_factory.mktemp('one-sqlite-file') / 'policybot.sqlite3'}"
    env = replica_env(kb_dir, database_url)
    with running_replicas(2, env, tmp_path_factory.mktemp("sqlite-replica-logs")) as started:
        yield started, database_url


def test_taps_at_the_same_moment_on_two_processes_sharing_one_sqlite_file_are_both_kept(
    on_one_file: tuple[list[Replica], str],
) -> None:
    both, database_url = on_one_file
    lost: list[str] = []
    store = SqlSessionStore(database_url)
    try:
        with httpx.Client(timeout=30) as http:
            for _ in range(PEOPLE):
                person = Person(http)
                person.say(both[0], message=SELF_DESCRIPTION)
                question = person.say(both[1], choice="ok")[-1]
                assert question.get("multi_select"), "the interview asks a 可多选 question next"
                ticks = [b["action"] for row in question["buttons"] for b in row if b["action"].startswith("tick:")]
                for pair in ((ticks[0], ticks[1]), (ticks[2], ticks[3])):
                    statuses = at_the_same_moment(http, person.session_id or "", list(zip(both, pair, strict=True)))
                    assert statuses == [200, 200]
                state = store.load(both[0].web_key(person.session_id or ""))
                assert state is not None
                if sorted(state.ticked) != [0, 1, 2, 3]:
                    lost.append(f"{person.session_id}: ticked {sorted(state.ticked)}")
    finally:
        store.close()
    assert lost == [], "a tap overwrote the other"
