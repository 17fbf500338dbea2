"""Retention while the server runs (issue 14, M5): idle sessions with their transcripts and old
logged answers are deleted at start and then periodically, not only at start; and on SQLite a
deleted person's words leave no trace in the database file or its write-ahead log."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.tables import AnswerCitation, AnswerEntry, SessionRow, TranscriptEntry
from bot.web.app import create_app
from bot.web.services import WebServices
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from .conftest import make_services

QUESTION = "长春开店有创业补贴吗？"


def chat(client: TestClient, session_id: str | None, message: str = "", choice: str = "") -> str:
    body: dict[str, str] = {"choice": choice} if choice else {"message": message}
    if session_id:
        body["session_id"] = session_id
    response = client.post("/api/chat", json=body)
    assert response.status_code == 200, response.text[:300]
    return str(response.json()["session_id"])


def age(services: WebServices, key: str, days: int) -> None:
    """Make one conversation's rows look `days` old."""
    services.answer_log.flush()
    then = datetime.now(UTC) - timedelta(days=days)
    with Session(services.engine) as session, session.begin():
        session.execute(update(SessionRow).where(SessionRow.key == key).values(updated_at=then))
        session.execute(update(TranscriptEntry).where(TranscriptEntry.session_key == key).values(created_at=then))
        session.execute(update(AnswerEntry).where(AnswerEntry.session_key == key).values(created_at=then))


def kept(services: WebServices, key: str) -> dict[str, int]:
    with Session(services.engine) as session:
        return {
            "session": int(session.get(SessionRow, key) is not None),
            "messages": session.scalar(select(func.count()).where(TranscriptEntry.session_key == key)) or 0,
            "answers": session.scalar(select(func.count()).where(AnswerEntry.session_key == key)) or 0,
        }


def test_the_running_server_purges_on_its_interval_not_only_at_start(kb: KnowledgeBase, databases: Databases) -> None:
    services = make_services(
        kb, databases.new_url(), session_ttl_days=30, answer_log_days=60, retention_interval_minutes=0.02
    )
    with TestClient(create_app(services, owns_services=True)) as client:
        idle = services.conversations.key_of("web", chat(client, None, QUESTION))
        old_answers = services.conversations.key_of("web", chat(client, None, QUESTION))
        fresh = services.conversations.key_of("web", chat(client, None, QUESTION))
        age(services, idle, days=31)  # past the session limit (its answers are younger than 60 days)
        age(services, old_answers, days=61)  # past both limits
        assert kept(services, idle) == {"session": 1, "messages": 2, "answers": 1}, "made after the start's purge"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and (
            kept(services, idle)["session"] or kept(services, old_answers)["answers"]
        ):
            time.sleep(0.2)
        assert kept(services, idle) == {"session": 0, "messages": 0, "answers": 1}
        assert kept(services, old_answers) == {"session": 0, "messages": 0, "answers": 0}
        assert kept(services, fresh) == {"session": 1, "messages": 2, "answers": 1}
    with Session(services.engine) as session:
        orphans = select(func.count()).where(AnswerCitation.answer_id.not_in(select(AnswerEntry.id)))
        assert session.scalar(orphans) == 0, "citations go with their answers"


def test_a_forgotten_persons_words_are_not_left_in_the_sqlite_file_or_its_log(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    marker = "ZQXJ-forget-me-7731"
    database = tmp_path / "policybot.sqlite3"
    services = make_services(kb, f"sqlite:///{database}")
    try:
        with TestClient(create_app(services)) as client:
            session_id = chat(client, None, f"{QUESTION}我的编号是{marker}")
            chat(client, session_id, f"我在长春，编号{marker}")
            services.answer_log.flush()
            files = [database, database.with_name(database.name + "-wal")]
            assert any(marker.encode() in path.read_bytes() for path in files if path.exists()), "stored at all"
            chat(client, session_id, "/forget")
            chat(client, session_id, choice="cmd:erase")
            for path in (*files, database.with_name(database.name + "-shm")):
                if path.exists():
                    assert marker.encode() not in path.read_bytes(), f"{path.name} still holds the words"
    finally:
        services.close()
