"""`policybot telegram` started while the Chroma server is down (issue 14): it starts, says so in its
log, and answers policy questions from the lexical index, which needs no vectors; the store is
connected when a query first needs it (knowledge/kb.py), as a running process reconnects."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from knowledge.kb import KnowledgeBase
from tests.postgres import free_port

from .conftest import TOKEN
from .fake_bot_api import FakeBotApi

REPO = Path(__file__).resolve().parents[2]
CHAT = 4242


def test_the_bot_started_with_the_vector_store_down_answers_from_the_lexical_index(
    api: FakeBotApi, kb: KnowledgeBase, kb_dir: Path, tmp_path: Path
) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    env = {
        **os.environ,
        "POLICYBOT_TELEGRAM_TOKEN": TOKEN,
        "POLICYBOT_TELEGRAM_BASE_URL": api.url,
        "POLICYBOT_DATA_DIR": str(kb_dir),
        "POLICYBOT_CHROMA_URL": nowhere,
        "POLICYBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'sessions.sqlite3'}",
        "POLICYBOT_LOG_LEVEL": "WARNING",
        "PYTHONIOENCODING": "utf-8",
    }
    log = tmp_path / "telegram.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "telegram"], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
    try:
        api.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls) or process.poll() is not None, 120)
        assert process.poll() is None, log.read_text(errors="replace")[-3000:]
        before = len(api.calls)
        # (a figure the asked measure itself states: 巴中（六）给予业主20万元 — since session 25 another
        # region's special-group figure, 资阳's 贫困劳动者 10万元, is no reference for 吉林's loan)
        api.send_text(CHAT, "巴中市级创业园区建设补贴多少？")
        calls = api.wait_for(
            lambda seen: any(c.method == "sendMessage" and "《" in c.text for c in seen[before:]), timeout=60
        )
        answer = next(c for c in calls[before:] if c.method == "sendMessage" and "《" in c.text)
        assert "20万元" in answer.text, answer.text  # a figure quoted from the clause, with its citation
        assert process.poll() is None, "still running"
    finally:
        process.terminate()
        process.wait(20)
    written = log.read_text(errors="replace")
    assert "vector store" in written and nowhere in written, written[-2000:]
    assert "Traceback" not in written, written[-3000:]
