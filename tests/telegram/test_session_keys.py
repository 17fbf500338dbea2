"""A Telegram conversation stored before session keys were hashed (revision 0005) goes on after it:
a real `policybot telegram` process upgrades the database with its secret, finds the chat's facts
under the keyed hash, and /forget deletes them — on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import text

from bot.db import alembic_config, make_engine
from bot.dialogue.core import Dialogue
from bot.dialogue.keys import stored_key
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.dialogue.types import Turn
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from ..security.conftest import SELF_DESCRIPTION
from ..web.conftest import REPO
from .fake_bot_api import FakeBotApi

CHAT = 4711
SECRET = "a-deploy-secret-for-the-telegram-migration-test"


def stored_keys(url: str) -> list[str]:
    engine = make_engine(url)
    with engine.connect() as connection:
        keys = list(connection.execute(text("SELECT key FROM dialogue_sessions")).scalars())
    engine.dispose()
    return keys


def database_at_revision_0004_with_a_chat(url: str, dialogue: Dialogue, scratch: Path) -> None:
    """The chat's state made by the dialogue core, stored under its chat key as revision 0004 kept it."""
    store = SqlSessionStore(f"sqlite:///{scratch}")
    conversations = Conversations(dialogue, store)  # no keys: the chat key as it is
    conversations.handle(f"telegram:{CHAT}", Turn(text=SELF_DESCRIPTION))
    conversations.handle(f"telegram:{CHAT}", Turn(action="ok"))
    state = store.load(f"telegram:{CHAT}")
    store.close()
    assert state is not None and state.profile.get("region")
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0004")
        connection.execute(
            text("INSERT INTO dialogue_sessions (key, state, updated_at) VALUES (:key, :state, :at)"),
            {"key": f"telegram:{CHAT}", "state": state.model_dump_json(), "at": datetime.now(UTC)},
        )
    engine.dispose()


def test_a_telegram_chat_stored_before_keyed_hashes_goes_on_after_the_upgrade(
    kb: KnowledgeBase, kb_dir: Path, databases: Databases, dialogue: Dialogue, tmp_path: Path
) -> None:
    url = databases.new_url()
    database_at_revision_0004_with_a_chat(url, dialogue, tmp_path / "scratch.sqlite3")
    assert stored_keys(url) == [f"telegram:{CHAT}"]
    with FakeBotApi() as api, (tmp_path / "stderr.log").open("w") as log:
        env = {
            **os.environ,
            "POLICYBOT_TELEGRAM_TOKEN": "123456:TEST-token",
            "POLICYBOT_TELEGRAM_BASE_URL": api.url,
            "POLICYBOT_DATA_DIR": str(kb_dir),
            "POLICYBOT_DATABASE_URL": url,
            "POLICYBOT_SESSION_KEY_SECRET": SECRET,
        }
        process = subprocess.Popen([sys.executable, "-m", "bot.cli", "telegram"], cwd=REPO, env=env, stderr=log)
        try:
            api.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls), timeout=90)
            assert stored_keys(url) == [stored_key(SECRET.encode(), f"telegram:{CHAT}")]
            api.send_text(CHAT, "/profile")
            profile = api.wait_for(lambda calls: any("我知道的您的情况" in c.text for c in calls))[-1]
            assert "巴中市" in profile.text and "低保" in profile.text, "the facts from before the upgrade"
            api.send_text(CHAT, "/forget")
            asked = api.wait_for(lambda calls: any(any("确认删除" in label for label in c.labels) for c in calls))
            api.press(
                CHAT, next(c for c in reversed(asked) if any("确认删除" in label for label in c.labels)), "确认删除"
            )
            api.wait_for(lambda calls: any("已删除" in c.text for c in calls))
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    assert stored_keys(url) == [], "/forget finds the session under its keyed hash"
    plain = hashlib.sha256(f"telegram:{CHAT}".encode()).hexdigest()
    assert stored_key(SECRET.encode(), f"telegram:{CHAT}") != f"telegram:{plain}"
