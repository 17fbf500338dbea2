"""The terminal chat (`policybot chat`) run as a real subprocess fed through stdin, for the tests that drive it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_chat(
    lines: list[str], data_dir: Path, database_url: str, *args: str, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """One `policybot chat --as-of 2020-06-01` process over `data_dir` and the database at `database_url`, each of
    `lines` typed in turn; its exit, stdout and stderr as they came."""
    env = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(data_dir),
        "POLICYBOT_DATABASE_URL": database_url,
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--as-of", "2020-06-01", *args],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=REPO,
        timeout=timeout,
        check=False,
    )
