"""Identical answers under any PYTHONHASHSEED (issue 10 §5): every golden question is answered in two
processes with different hash seeds and the JSON must match byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.evaluation import DEV_SETS, HOLDOUT_SETS, golden_set
from knowledge.kb import KnowledgeBase

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = [q.question for name in (*DEV_SETS, *HOLDOUT_SETS) for q in golden_set(name)]


def answers_under_seed(seed: str, kb_dir: Path, stdin: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "POLICYBOT_DATA_DIR": str(kb_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--json", "--as-of", "2020-07-01"],
        input=stdin,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_every_golden_answer_is_the_same_under_two_hash_seeds(kb_dir: Path, kb: KnowledgeBase) -> None:
    stdin = "\n".join(QUESTIONS) + "\n"
    first = answers_under_seed("1", kb_dir, stdin).splitlines()
    second = answers_under_seed("2", kb_dir, stdin).splitlines()
    assert len(first) == len(QUESTIONS)
    differing = [QUESTIONS[i] for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    assert differing == []
