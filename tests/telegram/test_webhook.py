"""Webhook mode: the bot registers its URL and secret_token with the Bot API server, answers updates
posted with the secret, and refuses updates posted without it."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date

import pytest
from telegram.ext import Application

from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.telegram.bot import build_application

from .conftest import TOKEN
from .fake_bot_api import FakeBotApi

SECRET = "s3cret-Token_for-tests"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class WebhookBot:
    def __init__(self, application: Application, port: int) -> None:
        self.application = application
        self.port = port
        self.ready = threading.Event()
        self.stop: asyncio.Event | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)

    async def _main(self) -> None:
        self.loop, self.stop = asyncio.get_running_loop(), asyncio.Event()
        async with self.application:
            await self.application.start()
            assert self.application.updater is not None
            await self.application.updater.start_webhook(
                listen="127.0.0.1",
                port=self.port,
                url_path="tg-hook",
                webhook_url=f"http://127.0.0.1:{self.port}/tg-hook",
                secret_token=SECRET,
            )
            self.ready.set()
            await self.stop.wait()
            await self.application.updater.stop()
            await self.application.stop()


@pytest.fixture
def webhook(api: FakeBotApi, dialogue: Dialogue, store: SqlSessionStore) -> Iterator[int]:
    port = _free_port()
    conversations = Conversations(dialogue, store, clock=lambda: date(2020, 6, 1))
    running = WebhookBot(build_application(TOKEN, conversations, base_url=api.url), port)
    running.thread.start()
    assert running.ready.wait(30)
    yield port
    assert running.loop is not None and running.stop is not None
    running.loop.call_soon_threadsafe(running.stop.set)
    running.thread.join(30)


def _post(port: int, update: dict[str, object], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/tg-hook", data=json.dumps(update).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _update(update_id: int, text: str) -> dict[str, object]:
    chat = {"id": 77, "type": "private", "first_name": "测试"}
    user = {"id": 77, "is_bot": False, "first_name": "测试"}
    return {
        "update_id": update_id,
        "message": {"message_id": update_id, "date": int(time.time()), "chat": chat, "from": user, "text": text},
    }


def test_the_webhook_is_registered_with_its_secret_and_only_signed_updates_are_answered(
    api: FakeBotApi, webhook: int
) -> None:
    registered = api.wait_for(lambda calls: any(c.method == "setWebhook" for c in calls))
    hook = next(c for c in registered if c.method == "setWebhook")
    assert hook.params["url"] == f"http://127.0.0.1:{webhook}/tg-hook"
    assert hook.params["secret_token"] == SECRET

    assert _post(webhook, _update(1, "长春开店有补贴吗？"), secret="wrong") == 403
    assert _post(webhook, _update(2, "长春开店有补贴吗？"), secret=None) == 403
    assert _post(webhook, _update(3, "长春开店有补贴吗？"), secret=SECRET) == 200
    api.wait_for(lambda calls: any("第（七）条" in c.text for c in calls))
    time.sleep(0.3)
    assert len(api.sent("sendMessage")) == 1
