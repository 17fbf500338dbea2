"""One chat turn through the real API (`POST /api/chat`), for tests that talk to the app in process."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

Chat = dict[str, Any]


def say(client: TestClient, session_id: str | None, **turn: Any) -> Chat:
    """The turn's JSON reply; fields left None (a first turn's session id) are not sent."""
    body = {k: v for k, v in {**turn, "session_id": session_id}.items() if v is not None}
    response = client.post("/api/chat", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())
