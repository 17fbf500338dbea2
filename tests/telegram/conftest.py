"""The real python-telegram-bot Application, run offline against the fake Bot API server."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.services import Services
from bot.settings import Settings
from bot.telegram.bot import build_application
from knowledge.kb import KnowledgeBase

from .fake_bot_api import FakeBotApi

TOKEN = "123456:TEST-token"


@pytest.fixture(scope="session")
def dialogue(kb: KnowledgeBase) -> Dialogue:
    return Services(Settings(), knowledge=kb).dialogue


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlSessionStore]:
    store = SqlSessionStore(f"sqlite:///{tmp_path / 'sessions.sqlite3'}")
    yield store
    store.close()


class RunningBot:
    """Runs an Application (polling) on its own event loop in a thread, so tests stay synchronous."""

    def __init__(self, application: Application) -> None:
        self.application = application
        self.ready = threading.Event()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.stop_event: asyncio.Event | None = None
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RunningBot:
        self.thread.start()
        assert self.ready.wait(30), f"bot did not start: {self.failure!r}"
        return self

    def __exit__(self, *exc: object) -> None:
        if self.loop is not None and self.stop_event is not None:
            self.loop.call_soon_threadsafe(self.stop_event.set)
        self.thread.join(30)

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as error:
            self.failure = error
            self.ready.set()

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.stop_event = asyncio.Event()
        async with self.application:
            if self.application.post_init is not None:  # as Application.run_polling does
                await self.application.post_init(self.application)
            await self.application.start()
            assert self.application.updater is not None
            await self.application.updater.start_polling(poll_interval=0.0, timeout=1)
            self.ready.set()
            await self.stop_event.wait()
            await self.application.updater.stop()
            await self.application.stop()


@pytest.fixture
def bot(api: FakeBotApi, dialogue: Dialogue, store: SqlSessionStore) -> Iterator[RunningBot]:
    conversations = Conversations(dialogue, store, clock=lambda: date(2020, 6, 1))
    with RunningBot(build_application(TOKEN, conversations, base_url=api.url)) as running:
        yield running
