"""Multi-turn chats (tests/dialogue/chats.yaml, and the dev chats of the held-out failure classes in
tests/dialogue/chats_dev.yaml) through the real app's `POST /api/chat`.

Each chat is one web session: typed messages and pressed buttons go over HTTP exactly as the widget
sends them; the checks read the replies from the JSON and the stored session from the app's own
store (the profile must never change because of a question). The step format is the transcripts'
(tests/dialogue/transcript.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from bot.dialogue.types import Reply, SessionState, Turn
from bot.settings import Settings
from bot.web.app import create_app
from bot.web.schemas import ChatResponse
from bot.web.services import WebServices, build_services
from knowledge.kb import KnowledgeBase

from ..dialogue.transcript import Run

HERE = Path(__file__).parents[1] / "dialogue"
CHATS = yaml.safe_load((HERE / "chats.yaml").read_text(encoding="utf-8"))
DEV_CHATS = yaml.safe_load((HERE / "chats_dev.yaml").read_text(encoding="utf-8"))
DEFAULT_DAY = date(2026, 12, 1)


class Clock:
    """The app's clock, set per chat (a chat says the day it happens on)."""

    def __init__(self) -> None:
        self.day = DEFAULT_DAY

    def __call__(self) -> date:
        return self.day


@pytest.fixture(scope="module")
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="module")
def chat_services(kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory, clock: Clock) -> Iterator[WebServices]:
    url = f"sqlite:///{tmp_path_factory.mktemp('chats') / 'chats.sqlite3'}"
    settings = Settings(database_url=url, web_rate_limit="")
    built = build_services(settings, kb=kb, clock=clock)
    yield built
    built.close()


@pytest.fixture(scope="module")
def http(chat_services: WebServices) -> Iterator[TestClient]:
    with TestClient(create_app(chat_services), base_url="http://testserver") as client:
        yield client


class HttpRun(Run):
    """A transcript run whose turns go through POST /api/chat (one web session)."""

    def __init__(self, client: TestClient, services: WebServices) -> None:
        super().__init__(services.conversations, key="")
        self.client = client
        self.session_id: str | None = None

    def send(self, turn: Turn) -> tuple[Reply, ...]:
        payload: dict[str, Any] = {"session_id": self.session_id, "turn_id": turn.id}
        payload.update({"message": turn.text} if turn.text is not None else {"choice": turn.action})
        response = self.client.post("/api/chat", json={k: v for k, v in payload.items() if v is not None})
        assert response.status_code == 200, response.text
        body = ChatResponse.model_validate(response.json())
        self.session_id = body.session_id
        self.key = self.conversations.key_of("web", body.session_id)
        return tuple(body.replies)

    def stored(self) -> SessionState | None:
        return self.conversations.state(self.key) if self.session_id else None


@pytest.mark.parametrize("case", [pytest.param(c, id=c["name"]) for c in (*CHATS["chats"], *DEV_CHATS["chats"])])
def test_chat(http: TestClient, chat_services: WebServices, clock: Clock, case: dict[str, Any]) -> None:
    clock.day = case.get("today", DEFAULT_DAY)
    run = HttpRun(http, chat_services)
    for number, step in enumerate(case["steps"], start=1):
        run.step(step, number)


def test_dev_chats_report_their_pass_figure(http: TestClient, chat_services: WebServices, clock: Clock) -> None:
    """The dev figure by class, turn by turn (run with -s): the same chats as above, but a failed step
    is counted instead of stopping the chat, so a figure before and after a change can be compared."""
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    chats_passed = 0
    for case in DEV_CHATS["chats"]:
        clock.day = case.get("today", DEFAULT_DAY)
        run = HttpRun(http, chat_services)
        ok = True
        for number, step in enumerate(case["steps"], start=1):
            total[case["class"]] += 1
            try:
                run.step(step, number)
            except AssertionError:
                ok = False
                continue
            passed[case["class"]] += 1
        chats_passed += ok
    print(
        f"\ndev chats: {chats_passed}/{len(DEV_CHATS['chats'])} conversations pass, "
        f"{sum(passed.values())}/{sum(total.values())} turns pass"
    )
    for name in sorted(total):
        print(f"  {name}: {passed[name]}/{total[name]} turns")
    assert sum(total.values()) == sum(len(c["steps"]) for c in DEV_CHATS["chats"])
