"""A database file that cannot be written although the process can open it (issue 14, M3), against a
real `policybot serve` on loopback: the file, its write-ahead log and shared memory made immutable
(`chattr +i`: it holds for root, who ignores file modes; needs ext4 or xfs and root, else skipped).

Running: /readyz must say not ready while turns are refused (its write probe used to roll back, which
never touches the log). Started on such a file: once the fault clears, the same process must store
turns again without a restart (the failed turns' connections stayed open and kept SQLite read-only)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx
import pytest

from tests.scaleout.replicas import Replica, replica_env

from .test_live_faults import assert_no_server_error, assert_recovered, assert_refused_in_chinese, readiness

QUESTION = {"message": "长春创业补贴多少钱"}


def database_files(root: Path) -> list[Path]:
    database = root / "policybot.sqlite3"
    return [database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")]


def immutable(paths: list[Path], on: bool) -> None:
    made = subprocess.run(
        ["chattr", "+i" if on else "-i", *map(str, paths)], capture_output=True, text=True, check=False
    )
    if on and made.returncode != 0:
        subprocess.run(["chattr", "-i", *map(str, paths)], capture_output=True, check=False)
        pytest.skip(f"cannot make files immutable here ({made.stderr.strip()}): needs root and ext4/xfs")


def a_conversation_left_behind(env: dict[str, str], root: Path) -> str:
    """A server that stored a turn and was killed: the log and shared memory stay beside the file."""
    first = Replica("before", env, root)
    first.start()
    session_id = str(httpx.post(f"{first.url}/api/chat", json={"message": "你好"}, timeout=60).json()["session_id"])
    first.kill()
    assert all(path.exists() for path in database_files(root / "data")), "the log and shared memory stay"
    return session_id


def test_readyz_follows_a_database_that_becomes_unwritable_under_a_running_server(kb_dir: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    replica = Replica("running", replica_env(kb_dir, f"sqlite:///{root / 'policybot.sqlite3'}"), tmp_path)
    replica.start()
    # Not the shared memory: SQLite has it mapped, and a write to the mapping of an immutable file
    # kills the process (SIGBUS) — a fault of its own, not a read-only database.
    files = database_files(root)[:2]
    try:
        session_id = httpx.post(f"{replica.url}/api/chat", json={"message": "你好"}, timeout=60).json()["session_id"]
        immutable(files, on=True)
        try:
            assert_refused_in_chinese(
                httpx.post(f"{replica.url}/api/chat", json={"session_id": session_id, **QUESTION}, timeout=60)
            )
            ready = readiness(replica, 503)
            assert ready.status_code == 503 and ready.json()["checks"]["database"] is False, ready.text
        finally:
            immutable(files, on=False)
        assert_recovered(replica, session_id)
    finally:
        immutable(files, on=False)
        replica.stop()


def test_a_server_started_on_an_unwritable_database_stores_turns_once_it_clears(kb_dir: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    env = replica_env(kb_dir, f"sqlite:///{root / 'policybot.sqlite3'}")
    session_id = a_conversation_left_behind(env, tmp_path)
    files = database_files(root)
    immutable(files, on=True)
    replica = Replica("started-read-only", env, tmp_path)
    try:
        replica.launch()
        ready = readiness(replica, 503, seconds=120)
        assert ready.status_code == 503 and ready.json()["checks"]["database"] is False, ready.text
        for _ in range(3):  # several failed turns: each leaves a failed statement behind
            assert_refused_in_chinese(
                httpx.post(f"{replica.url}/api/chat", json={"session_id": session_id, **QUESTION}, timeout=60)
            )
        # Answered from the index; its log entry waits to be written (bot/web/answer_log.py retries).
        asked = httpx.post(f"{replica.url}/api/ask", json={"question": "长春创业补贴多少钱"}, timeout=60)
        assert asked.status_code == 200 and asked.json()["status"] == "answered"
        immutable(files, on=False)
        # At once, not after some garbage collection happened to close the failed turns' connections.
        again = httpx.get(f"{replica.url}/readyz", timeout=30)
        assert again.status_code == 200, again.text
        assert_recovered(replica, session_id)
        assert_no_server_error(replica)
    finally:
        immutable(files, on=False)
        replica.stop()
