"""Session 35 (fix35b): the question's own check of the published documents (`LiveServices.checked`, used by
/api/ask, /api/chat, Telegram and the terminal chat) never holds a turn longer than its wait: with another process
holding the ingest lock, a retire is answered from the last product after the wait, then from the new one once the
lock is let go; a version that cannot be built is tried once, not once per question. A real SQLite file, a real
lock-holding process."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.dialogue.types import Turn
from bot.library import DocumentLibrary
from bot.live import INGEST_LOCK, LiveConversations, LiveServices
from bot.tables import PolicyDocument
from tests.lifecycle.test_live_session35_fix35b_no_stall import HOLD
from tests.lifecycle.test_live_swap import QUESTION, cites_shangluo, services

WAIT = 1.0


def test_a_turn_waits_for_a_rebuild_held_up_by_the_ingest_lock_no_longer_than_its_wait(tmp_path: Path) -> None:
    first = services(tmp_path)
    live = LiveServices(first, interval=3600, question_wait=WAIT)
    chat = LiveConversations(live)
    DocumentLibrary(first.library.engine).retire("shangluo-2012", "tester")
    lock = first.settings.resolved_data_dir() / "index" / INGEST_LOCK
    lock.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(lock)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        assert live.checked() is first
        assert WAIT <= time.monotonic() - started < WAIT + 2
        started = time.monotonic()
        assert live.checked() is first
        assert time.monotonic() - started < WAIT / 2, "a later turn of the same version does not wait again"
        replies = chat.handle("terminal:one", Turn(text=QUESTION))
        assert "商洛" in "\n".join(r.text for r in replies), "answered from the last product meanwhile"
    finally:
        holder.kill()
        holder.wait(10)
    live.wait(120)
    renewed = live.checked()
    assert renewed is not first and live.version == 2 and not cites_shangluo(renewed)


def test_documents_that_cannot_be_built_are_tried_once_not_at_every_question(tmp_path: Path) -> None:
    first = services(tmp_path)
    live = LiveServices(first, interval=3600, question_wait=60)
    with Session(first.library.engine) as session, session.begin():
        session.execute(update(PolicyDocument).where(PolicyDocument.id == "jilin-2017").values(city="不存在市"))
        first.library._bump(session)
    assert live.checked() is first and live.failures == 1
    started = time.monotonic()
    assert live.checked() is first and live.checked() is first
    assert live.failures == 1 and time.monotonic() - started < 1
