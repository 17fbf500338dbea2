"""The bot process is killed with SIGKILL mid-interview; a new process resumes where it was,
including a box ticked just before, and a redelivered update is not applied twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.kb import KnowledgeBase

from .conftest import TOKEN
from .fake_bot_api import FakeBotApi

REPO = Path(__file__).resolve().parents[2]
CHAT = 31337


@pytest.fixture
def start_bot(api: FakeBotApi, kb: KnowledgeBase, kb_dir: Path, tmp_path: Path) -> Iterator:  # type: ignore[type-arg]
    env = {
        **os.environ,
        "POLICYBOT_TELEGRAM_TOKEN": TOKEN,
        "POLICYBOT_TELEGRAM_BASE_URL": api.url,
        "POLICYBOT_DATA_DIR": str(kb_dir),
        "POLICYBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'sessions.sqlite3'}",
        "PYTHONIOENCODING": "utf-8",
    }
    processes: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        seen = len(api.sent("setMyCommands"))
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "telegram"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        processes.append(process)
        api.wait_for(lambda calls: sum(c.method == "setMyCommands" for c in calls) > seen, timeout=60)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait(10)


def test_a_killed_bot_resumes_the_interview_in_a_new_process(api: FakeBotApi, start_bot) -> None:  # type: ignore[no-untyped-def]
    first = start_bot()
    api.send_text(CHAT, "/check")
    region = api.wait_for(lambda calls: any("您住在哪里" in c.text for c in calls))[-1]
    assert region.method == "sendMessage"
    api.send_text(CHAT, "长春")
    question = api.wait_for(lambda calls: any("人员类别" in c.text for c in calls))[-1]
    edits = len(api.sent("editMessageText"))
    tick = api.press(CHAT, question, "低保家庭")
    api.wait_for(lambda calls: sum(c.method == "editMessageText" for c in calls) > edits)
    ticked = api.sent("editMessageText")[-1]
    assert "☑️ 低保家庭" in ticked.labels

    first.send_signal(signal.SIGKILL)
    assert first.wait(10) == -signal.SIGKILL
    # As if the acknowledgement of the tick never reached Telegram: it is delivered again.
    with api.condition:
        api.acknowledged = tick - 1

    taps_answered = len(api.sent("answerCallbackQuery"))
    start_bot()
    before = len(api.calls)
    api.press(CHAT, ticked, "确定")
    api.wait_for(lambda calls: any("✔️ 低保家庭" in c.text for c in calls[before:]), timeout=30)
    api.wait_for(lambda calls: any(c.method == "sendMessage" and c.buttons for c in calls[before:]))
    after = api.replies_after(before)
    assert not any("您住在哪里" in c.text for c in after), "the region must not be asked again"
    assert not any("⬜ 低保家庭" in c.labels for c in after), "the redelivered tick must not untick"
    assert sum("✔️ 低保家庭" in c.text for c in after) == 1
    assert len(api.sent("answerCallbackQuery")) == taps_answered + 2, "the tick was redelivered, then 确定"
