"""Files with people's data are the service account's alone (issue 14: they were created
world-readable): a real `policybot` process makes the data directory 0700 and the SQLite database
0600, and tightens a directory and database an older release left open."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def add_staff(data_dir: Path, name: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYBOT_")}
    env["POLICYBOT_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "staff", "add", name, "--password-stdin"],
        input="a long enough secret\n", capture_output=True, text=True, env=env, cwd=REPO, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture
def open_umask() -> object:
    """The test's own umask is the usual 022, so anything not tightened comes out world-readable."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_data_directory_and_database_are_private(tmp_path: Path, open_umask: object) -> None:
    data_dir = tmp_path / "data"
    done = add_staff(data_dir, "wangwu")
    assert done.returncode == 0, done.stderr
    database = data_dir / "policybot.sqlite3"
    assert mode(data_dir) == 0o700
    assert mode(database) == 0o600
    for companion in data_dir.glob("policybot.sqlite3-*"):
        assert mode(companion) == 0o600, companion.name


def test_files_an_older_release_left_open_are_tightened(tmp_path: Path, open_umask: object) -> None:
    data_dir = tmp_path / "data"
    assert add_staff(data_dir, "wangwu").returncode == 0
    database = data_dir / "policybot.sqlite3"
    data_dir.chmod(0o755)
    database.chmod(0o644)
    done = add_staff(data_dir, "lisi")
    assert done.returncode == 0, done.stderr
    assert (mode(data_dir), mode(database)) == (0o700, 0o600)


@pytest.mark.parametrize(
    ("url", "files"),
    [
        ("sqlite:////srv/policybot/db.sqlite3", ["/srv/policybot/db.sqlite3", "/srv/policybot/db.sqlite3-wal"]),
        ("sqlite+pysqlite:///data/x.db?timeout=5", ["data/x.db", "data/x.db-wal"]),
        ("sqlite://", []),
        ("postgresql+psycopg://policybot:secret@db:5432/policybot", []),
    ],
    ids=["absolute", "relative-with-options", "in-memory", "postgresql"],
)
def test_the_files_of_a_database_url(url: str, files: list[str]) -> None:
    from bot.permissions import sqlite_files

    assert [str(path) for path in sqlite_files(url)][:2] == files
