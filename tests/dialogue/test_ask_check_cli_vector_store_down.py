"""`policybot ask` and `policybot check` started while the Chroma server is down (issue 14: every entry
point answers from the lexical index): `ask` exited with 无法打开 Chroma 索引 in the issue's probe;
now both answer, exit 0, no traceback. (`chat`: test_chat_cli_vector_store_down.py; `serve`:
tests/security/test_live_probes.py; `telegram`: tests/telegram/test_vector_store_down.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from knowledge.kb import KnowledgeBase
from tests.postgres import free_port

REPO = Path(__file__).resolve().parents[2]


def run_with_chroma_down(
    kb_dir: Path, tmp_path: Path, *arguments: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(kb_dir),
        "POLICYBOT_CHROMA_URL": f"http://127.0.0.1:{free_port()}",
        "POLICYBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'sessions.sqlite3'}",
        "POLICYBOT_LOG_LEVEL": "WARNING",
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *arguments], input=stdin, capture_output=True, text=True,
        encoding="utf-8", env=env, cwd=REPO, timeout=180, check=False,
    )  # fmt: skip


def test_ask_started_with_the_vector_store_down_answers_with_its_citation(
    kb: KnowledgeBase, kb_dir: Path, tmp_path: Path
) -> None:
    done = run_with_chroma_down(
        kb_dir, tmp_path, "ask", "--json", "--as-of", "2020-06-01", "巴中恩阳区市级创业园区建设补贴多少"
    )
    assert done.returncode == 0, done.stderr[-3000:]
    answer = json.loads(done.stdout)
    assert answer["status"] == "answered" and answer["citations"], done.stdout[:2000]
    assert "无法打开" not in done.stderr and "Traceback" not in done.stderr, done.stderr[-2000:]


def test_check_started_with_the_vector_store_down_gives_its_verdicts(
    kb: KnowledgeBase, kb_dir: Path, tmp_path: Path
) -> None:
    profile = {"region": "长春", "education": "college", "age": 24}
    done = run_with_chroma_down(
        kb_dir, tmp_path, "check", "--json", stdin=json.dumps(profile, ensure_ascii=False) + "\n"
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.splitlines()[0])
    assert result["status"] != "error" and result["region"], done.stdout[:2000]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
