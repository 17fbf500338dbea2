"""What a chat turn reads before it answers (issue 14's load target, session 24), through the real API on
SQLite and PostgreSQL: the session is read once (on SQLite the turn used to read it again under the
write lock; now its write is a compare-and-set on the text it read), and the transcript glance reads
only the messages that can tell something (buttons offered, the turn id asked about, that the
conversation exists), not every message of the conversation — with the same answer as reading them all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from bot.tables import TranscriptEntry
from bot.web.services import WebServices
from bot.web.transcript import _GLANCE, Glance, _live_offers
from tests.web.chatting import say


@contextmanager
def statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(" ".join(statement.split()))

    # Every engine of the process (the session store has its own).
    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def _session_reads(seen: list[str]) -> int:
    return sum(1 for s in seen if s.startswith("SELECT") and "FROM dialogue_sessions" in s)


def test_a_turn_reads_the_session_once(client: TestClient, services: WebServices) -> None:
    sid = say(client, None, message="我在平顶山，下岗一年多了，今年48岁")["session_id"]
    for turn in ({"choice": "ok"}, {"message": "平顶山失业了能领失业补助金吗"}, {"message": "那要带什么材料"}):
        with statements() as seen:
            say(client, sid, **turn)
        assert _session_reads(seen) == 1, (turn, seen)


def test_the_glance_reads_what_tells_and_says_what_reading_everything_says(
    client: TestClient, services: WebServices
) -> None:
    sid = say(client, None, message="我在资阳开了个小饭馆，是退役军人")["session_id"]
    replies = say(client, sid, choice="ok")["replies"]
    for question in ("资阳创业担保贷款能贷多少", "利息谁出", "去哪里申请", "一次性创业补贴有吗", "要什么条件"):
        replies = say(client, sid, message=question)["replies"]
    key = services.conversations.key_of("web", sid)
    columns = (TranscriptEntry.turn_id, TranscriptEntry.offered, TranscriptEntry.created_at)
    with services.engine.connect() as connection:
        query = select(*columns).where(TranscriptEntry.session_key == key).order_by(TranscriptEntry.id)
        everything = [tuple(r) for r in connection.execute(query)]
        telling = [tuple(r) for r in connection.execute(_GLANCE, {"key": key, "turn_id": None})]
    # The person's messages and replies without buttons are not read (the first message, that the
    # conversation exists, is).
    offering = sum(1 for row in everything if row[1])
    assert len(telling) == offering + (0 if everything[0][1] else 1) < len(everything)
    every_offer = frozenset(a for live in _live_offers(everything) if live for a in live.split(" "))
    turn_ids = [r[0] for r in everything]
    for turn_id in (*turn_ids, "never-sent"):
        glance = services.transcripts.glance(key, turn_id)
        assert glance == Glance(exists=True, replayed=turn_id in turn_ids, offered=every_offer), turn_id
    assert services.transcripts.glance("web:nobody", None) == Glance(exists=False, replayed=False, offered=frozenset())
    # A typed question resent (its own row offers nothing): the same replies again, not a second answer.
    first = say(client, sid, message="资阳的创业补贴标准是多少", turn_id="resent-24")
    again = say(client, sid, message="资阳的创业补贴标准是多少", turn_id="resent-24")
    assert again["replies"] == first["replies"]
    assert replies
