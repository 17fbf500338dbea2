"""Writers of one SQLite file take turns on a lock beside it (bot/db.py `writing`): a writer in another
process waits there until the holder lets go, instead of polling SQLite's lock with growing sleeps."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from bot.db import make_engine, writing

REPO = Path(__file__).resolve().parents[2]
HOLD_SECONDS = 0.6
HOLDER = """
import sys, time
from pathlib import Path
from bot.db import make_engine, writing
url, marks = sys.argv[1], Path(sys.argv[2])
with writing(make_engine(url)):
    (marks / "holding").write_text("")
    time.sleep(float(sys.argv[3]))
    (marks / "released").write_text(repr(time.time()))
"""


def test_a_writer_of_another_process_goes_only_after_the_holder_lets_go(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'policybot.sqlite3'}"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url, str(tmp_path), str(HOLD_SECONDS)], cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "holding").exists():
            assert holder.poll() is None, "the holding process ended early"
            assert time.monotonic() < deadline, "the other process never took the lock"
            time.sleep(0.01)
        with writing(make_engine(url)):
            entered = time.time()
        assert holder.wait(30) == 0
    finally:
        holder.kill()
    released = float((tmp_path / "released").read_text())
    assert entered >= released, "two processes wrote at once"
    assert (tmp_path / "policybot.sqlite3.writes.lock").exists()


def test_one_file_named_two_ways_is_one_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine on a relative path and one on the absolute path take turns too."""
    monkeypatch.chdir(tmp_path)
    relative = make_engine("sqlite:///policybot.sqlite3")
    absolute = make_engine(f"sqlite:///{tmp_path / 'policybot.sqlite3'}")
    order: list[str] = []
    with writing(relative):
        other = threading.Thread(target=_write, args=(absolute, order))
        other.start()
        time.sleep(0.2)
        order.append("first")
    other.join(10)
    assert order == ["first", "second"]


def test_a_write_opened_inside_a_write_of_the_same_thread_goes_on(tmp_path: Path) -> None:
    """Nested writers of one thread (a turn whose bookkeeping writes too) never wait for themselves;
    the file stays locked for other threads until the outer one ends."""
    engine = make_engine(f"sqlite:///{tmp_path / 'policybot.sqlite3'}")
    order: list[str] = []
    with writing(engine):
        with writing(engine):
            order.append("inner")
        other = threading.Thread(target=_write, args=(engine, order))
        other.start()
        time.sleep(0.2)
        order.append("outer")
    other.join(10)
    assert order == ["inner", "outer", "second"]


def _write(engine: Engine, order: list[str]) -> None:
    with writing(engine):
        order.append("second")
