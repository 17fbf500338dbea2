"""A chat turn's database work on PostgreSQL (issue 14's load target, session 29): the replicas spent
more CPU and wall time per turn on PostgreSQL than on SQLite, in round trips. A turn now reads (the
transcript glance, the session and the answer logged before it: one statement since session 30) and
then writes in one short transaction — the session by compare-and-set on the text it was answered on,
the transcript rows, the answer with its citations — with no lock of its own and no read inside the
transaction; on PostgreSQL an answer and its citations are one statement, and what follows the
compare-and-set goes with the COMMIT (a pipeline, session 30)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select, text
from sqlalchemy.engine import Engine

from bot.tables import AnswerCitation, AnswerEntry
from bot.web.answer_log import quote_key
from bot.web.services import WebServices
from tests.web.chatting import say

DESCRIPTION = "我在资阳开了个早餐铺子，今年39岁，老家就是资阳的"
QUESTION = "资阳开早餐店的创业担保贷款最多能贷多少钱"


@contextmanager
def database_work() -> Iterator[list[str]]:
    """Every statement of every engine, and where transactions begin and commit, in order."""
    seen: list[str] = []

    def statement(conn: Any, cursor: Any, text: str, *args: Any) -> None:
        seen.append(" ".join(text.split()))

    def begin(conn: Any) -> None:
        if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            seen.append("<begin>")

    def commit(conn: Any) -> None:
        seen.append("<commit>")

    listeners = (("before_cursor_execute", statement), ("begin", begin), ("commit", commit))
    for name, listener in listeners:
        event.listen(Engine, name, listener)
    try:
        yield seen
    finally:
        for name, listener in listeners:
            event.remove(Engine, name, listener)


def _transactions(seen: list[str]) -> list[list[str]]:
    """The statements of each transaction that wrote something (reads in autocommit are left out)."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for item in seen:
        if item == "<begin>":
            current = []
        elif item == "<commit>":
            if current:
                found.append(current)
            current = None
        elif current is not None and item != "BEGIN IMMEDIATE":
            current.append(item)
    return found


def test_a_question_turn_reads_then_writes_once_without_a_lock_of_its_own(
    client: TestClient, services: WebServices
) -> None:
    sid = say(client, None, message=DESCRIPTION)["session_id"]
    with database_work() as seen:
        replies = say(client, sid, message=QUESTION)["replies"]
    answers = [r for r in replies if r.get("feedback_ref")]
    assert len(answers) == 1 and answers[0]["citations"], "one cited answer, logged with the turn"
    statements = [s for s in seen if not s.startswith(("<", "BEGIN IMMEDIATE"))]  # SQLite's write lock
    assert not any("pg_advisory" in s or "FOR UPDATE" in s for s in statements), statements
    writes = _transactions(seen)
    assert len(writes) == 1, writes
    (turn,) = writes
    assert not any(s.startswith("SELECT") for s in turn), "nothing is read inside the turn's transaction"
    assert turn[0].startswith("UPDATE dialogue_sessions"), turn
    reads = statements[: statements.index(turn[0])]
    # glance, session, and (a typed message) the answer logged before it, which the message may say
    # missed (the staff queue, session 29): one statement before the turn's transaction (session 30)
    (read,) = reads
    assert all(f"FROM {table} " in read for table in ("chat_transcripts", "dialogue_sessions", "answer_log")), read
    logged = [s for s in turn if "answer_log" in s or "answer_citations" in s]
    if services.engine.dialect.name == "postgresql":
        # the read; the session's compare-and-set, the transcript rows, the answer with its citations
        assert len(statements) == 4 and len(logged) == 1, statements
    else:
        assert len(logged) == 2, logged  # SQLite cannot insert inside a WITH: the answer, then its citations


def test_an_answer_logged_in_one_statement_keeps_every_citation_in_order(
    client: TestClient, services: WebServices
) -> None:
    replies = say(client, None, message="巴中市创业担保贷款额度是多少？")["replies"]
    (answer,) = [r for r in replies if r.get("feedback_ref")]
    shown = [(c["clause_id"], c["quote"]) for c in answer["citations"]]
    assert shown
    with services.engine.connect() as connection:
        answer_id = connection.execute(
            select(AnswerEntry.id).where(AnswerEntry.ref == answer["feedback_ref"])
        ).scalar_one()
        rows = connection.execute(
            select(AnswerCitation.position, AnswerCitation.clause_id, AnswerCitation.quote, AnswerCitation.quote_key)
            .where(AnswerCitation.answer_id == answer_id)
            .order_by(AnswerCitation.position)
        ).all()
    assert [tuple(r) for r in rows] == [
        (i, clause_id, quote, quote_key(clause_id, quote)) for i, (clause_id, quote) in enumerate(shown, start=1)
    ]


def test_a_pressed_button_reads_its_label_the_session_and_the_last_answer_in_one_statement(
    client: TestClient, services: WebServices
) -> None:
    """Session 30: the glance (with the pressed button's label), the session and the answer logged last
    were three reads, three round trips on PostgreSQL; now one, and the turn's own writes follow."""
    first = say(client, None, message=DESCRIPTION)
    card = first["replies"][-1]
    actions = {b["action"]: b["label"] for row in card["buttons"] for b in row}
    assert "ok" in actions, card
    with database_work() as seen:
        after = say(client, first["session_id"], choice="ok", turn_id="press-30")
    assert after["replies"], after
    statements = [s for s in seen if not s.startswith(("<", "BEGIN IMMEDIATE"))]
    writes = _transactions(seen)
    assert len(writes) == 1 and writes[0][0].startswith("UPDATE dialogue_sessions"), writes
    reads = statements[: statements.index(writes[0][0])]
    assert len(reads) == 1, reads


def test_the_one_read_gives_what_each_owner_reads_on_its_own(client: TestClient, services: WebServices) -> None:
    """The glance (and a pressed button's label), the session and the answer logged last, as the one
    statement reads them, are what the transcript, the session store and the answer log read alone."""
    first = say(client, None, message=DESCRIPTION)
    sid = first["session_id"]
    say(client, sid, message=QUESTION, turn_id="asked-30")
    key = services.conversations.key_of("web", sid)
    store = services.conversations.store
    for turn_id, action in ((None, None), ("asked-30", None), ("other", "cmd:restart"), (None, "ok")):
        before = services.turn_reads.before_turn(key, turn_id, action)
        assert before.glance == services.transcripts.glance(key, turn_id, action), (turn_id, action)
        assert before.session == store.read(key)
        assert before.session[0] is not None
        with services.engine.connect() as connection:
            (last_id,) = connection.execute(
                select(AnswerEntry.id).where(AnswerEntry.session_key == key).order_by(AnswerEntry.id.desc()).limit(1)
            ).one()
        assert before.last_answer is not None and before.last_answer.id == last_id
        assert before.last_answer.asked and before.last_answer.next_turn is None
    nobody = services.turn_reads.before_turn("web:nobody-30", None)
    assert (nobody.glance.exists, nobody.session, nobody.last_answer) == (False, (None, None), None)


def test_on_postgresql_the_writes_after_the_compare_and_set_go_with_the_commit(
    client: TestClient, services: WebServices
) -> None:
    """Session 30: the transcript rows and the logged answer are sent in a psycopg pipeline that the COMMIT
    ends (one round trip for them all); the compare-and-set is not, its row count decides the turn."""
    if services.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no round trips")
    sid = say(client, None, message=DESCRIPTION)["session_id"]
    pipelined: list[tuple[str, bool]] = []

    def statement(conn: Any, cursor: Any, text: str, *args: Any) -> None:
        raw = conn.connection.driver_connection
        pipelined.append((" ".join(text.split()[:2]), bool(raw.pgconn.pipeline_status)))

    event.listen(Engine, "before_cursor_execute", statement)
    try:
        say(client, sid, message=QUESTION)
    finally:
        event.remove(Engine, "before_cursor_execute", statement)
    assert ("UPDATE dialogue_sessions", False) in pipelined, pipelined
    writes = [batched for name, batched in pipelined if name in {"INSERT INTO", "WITH logged"}]
    assert len(writes) == 2 and all(writes), pipelined  # the transcript rows; the answer with its citations


def test_a_write_that_fails_after_the_compare_and_set_leaves_the_session_as_it_was(
    services: WebServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL a failed write among those sent with the COMMIT surfaces at the commit: the whole turn
    is rolled back there as on SQLite, where it fails at once — the session keeps the text it had. (In the
    pipeline PostgreSQL may report it as the aborted transaction, which the app answers as the database
    being unavailable, 503, rather than 500.)"""
    from bot.web.app import create_app

    with TestClient(create_app(services), base_url="http://testserver", raise_server_exceptions=False) as client:
        sid = say(client, None, message=DESCRIPTION)["session_id"]
        key = services.conversations.key_of("web", sid)
        before = services.conversations.store.read(key)

        def failing(connection: Any, *args: Any, **kwargs: Any) -> None:
            connection.execute(text("SELECT * FROM no_such_table_30"))

        monkeypatch.setattr(services.transcripts, "add", failing)
        response = client.post("/api/chat", json={"session_id": sid, "message": QUESTION})
        assert response.status_code in {500, 503}, response.text
        monkeypatch.undo()
        assert services.conversations.store.read(key) == before
        assert say(client, sid, message=QUESTION)["replies"], "the next turn is answered as usual"
