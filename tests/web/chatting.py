"""One chat turn through the real API (`POST /api/chat`), for tests that talk to the app in process
(`TestClient`) or to a live server (`httpx.Client`; TestClient is one), and what tests read of a reply and of
the answer it logged."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.tables import AnswerEntry
from bot.web.services import WebServices

Chat = dict[str, Any]


def say(client: httpx.Client, session_id: str | None, **turn: Any) -> Chat:
    """The turn's JSON reply; fields left None (a first turn's session id) are not sent."""
    body = {k: v for k, v in {**turn, "session_id": session_id}.items() if v is not None}
    response = client.post("/api/chat", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


def texts(chat: Chat) -> list[str]:
    """The texts of a turn's replies, in order."""
    return [r["text"] for r in chat["replies"]]


def kinds(chat: Chat) -> list[str]:
    """The kinds of a turn's replies, in order."""
    return [r["kind"] for r in chat["replies"]]


def cited(chat: Chat) -> set[str]:
    """The clause ids the turn's answers cite."""
    return {c["clause_id"] for r in chat["replies"] if r["kind"] == "answer" for c in r["citations"]}


def through(client: httpx.Client, session: str, chat: Chat) -> Chat:
    """The check taken to its results: each card confirmed, each question answered with its "none of these"
    option (else its last button); AssertionError when no results come within 25 turns."""
    for _ in range(25):
        if any(r["kind"] == "results" for r in chat["replies"]):
            return chat
        last = chat["replies"][-1]
        if last["kind"] == "confirm":
            chat = say(client, session, choice="ok")
            continue
        question = next(r for r in reversed(chat["replies"]) if r["kind"] == "question")
        actions = [b["action"] for row in question["buttons"] for b in row]
        chat = say(client, session, choice=next((a for a in actions if a.startswith("none:")), actions[-1]))
    raise AssertionError("the check never ended")


def logged_answer(services: WebServices, question: str, session_id: str) -> AnswerEntry:
    """The answer logged for `question` in this conversation (each test has conversations of its own)."""
    services.answer_log.flush()
    key = services.conversations.key_of("web", session_id)
    with Session(services.engine) as rows:
        query = select(AnswerEntry).where(AnswerEntry.question == question, AnswerEntry.session_key == key)
        found = rows.scalars(query).all()
    assert len(found) == 1, f"one logged answer to {question!r}"
    return found[0]
