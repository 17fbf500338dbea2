"""Replicas that start together each run `upgrade` on the same database at the same moment: all of
them start without a collision to retry, and the schema is made (or the previous release's
stamped) exactly once. Real processes,
released together after each has loaded its code, on PostgreSQL (advisory lock) and SQLite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..databases import Databases
from .schemas import ROWS, contents, create_previous_release, differences, head, version

REPO = Path(__file__).resolve().parents[2]
REPLICAS = 4
REPLICA = """
import logging, sys
from bot.db import make_engine, upgrade
logging.basicConfig(level=logging.WARNING)
engine = make_engine(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
upgrade(engine, session_key_secret=b"a-test-session-key-secret-of-forty-characters")
engine.dispose()
print("upgraded", flush=True)
"""


def start_together(url: str) -> list[tuple[int, str, str]]:
    """Start REPLICAS processes, let them all run `upgrade` at once; (exit code, stdout, stderr) each."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    replicas = [
        subprocess.Popen(
            [sys.executable, "-c", REPLICA, url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(REPLICAS)
    ]
    try:
        for replica in replicas:
            assert replica.stdout is not None and replica.stdout.readline() == "ready\n"
        for replica in replicas:
            assert replica.stdin is not None
            replica.stdin.write("go\n")
            replica.stdin.flush()
        results = []
        for replica in replicas:
            out, err = replica.communicate(timeout=120)
            results.append((replica.returncode, out, err))
        return results
    finally:
        for replica in replicas:
            if replica.poll() is None:
                replica.kill()


@pytest.mark.parametrize("start", ["new database", "previous release"])
def test_replicas_upgrading_together_all_start_and_migrate_once(databases: Databases, start: str) -> None:
    url = databases.new_url()
    if start == "previous release":
        create_previous_release(url)
    results = start_together(url)
    assert [(code, out) for code, out, _ in results] == [(0, "upgraded\n")] * REPLICAS, [e for *_, e in results]
    assert [err for *_, err in results if "trying again" in err] == [], "one at a time: none collided"
    assert version(url) == [head()]
    assert differences(url) == []
    if start == "previous release":
        counted = {name: len(rows) for name, rows in contents(url).items() if name in ROWS}
        assert counted == {n: len(r) for n, r in ROWS.items()}
