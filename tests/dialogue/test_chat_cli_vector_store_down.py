"""`policybot chat` started while the Chroma server is down (issue 14: every entry point answers from
the lexical index, logged): a policy question is answered with its citation, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from knowledge.kb import KnowledgeBase
from tests.postgres import free_port

REPO = Path(__file__).resolve().parents[2]


def test_the_terminal_chat_started_with_the_vector_store_down_answers_lexically(
    kb: KnowledgeBase, kb_dir: Path, tmp_path: Path
) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    env = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(kb_dir),
        "POLICYBOT_CHROMA_URL": nowhere,
        "POLICYBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'sessions.sqlite3'}",
        "POLICYBOT_LOG_LEVEL": "WARNING",
        "PYTHONIOENCODING": "utf-8",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--as-of", "2020-06-01"],
        input="恩阳区首次认定为市级创业园区，建设补贴给多少？\n", capture_output=True, text=True, encoding="utf-8",
        env=env, cwd=REPO, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "万元" in done.stdout and "查看条款原文" in done.stdout, done.stdout[-2000:]
    assert "unreachable at start" in done.stderr and nowhere in done.stderr, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
