"""Faults under a real `policybot serve` on the embedded default (an SQLite file), issue 14 M3: a full
disk and a read-only volume make /readyz not ready and chat turns a Chinese 503 (never a 500), and
the same process recovers when the fault clears.

The volume is a small tmpfs of the test's own (a mount needs root, as CI runs; elsewhere these
skip and say so): filled to the last byte for the full disk, remounted read-only for the other."""

from __future__ import annotations

import errno
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.scaleout.replicas import Replica, replica_env

QUESTION = {"message": "长春创业补贴多少钱"}


def mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30, check=False)


@pytest.fixture
def volume(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs: the database's volume."""
    path = tmp_path / "volume"
    path.mkdir()
    made = mount("-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(path))
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({made.stderr.strip()}): needs root or CAP_SYS_ADMIN")
    yield path
    subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30, check=False)


def fill(path: Path) -> Path:
    """Write until the filesystem refuses: a full disk."""
    filler = path / "filler"
    chunk = b"\0" * 65536
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    with filler.open("ab", buffering=0) as handle:  # the last partial chunk
        try:
            while True:
                handle.write(b"\0")
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def readiness(replica: Replica, want: int, seconds: float = 15) -> httpx.Response:
    """/readyz until it answers `want` (or the time is up: its last answer); a server still starting
    is waited for."""
    deadline = time.monotonic() + seconds
    while True:
        assert replica.is_running, replica.log.read_text(errors="replace")[-3000:]
        try:
            response = httpx.get(f"{replica.url}/readyz", timeout=30)
        except httpx.TransportError:
            response = None
        if response is not None and (response.status_code == want or time.monotonic() > deadline):
            return response
        assert time.monotonic() < deadline + 5, "the server never answered /readyz"
        time.sleep(0.3)


def assert_refused_in_chinese(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    body = response.json()
    assert body["code"] == "database_unavailable" and "请稍等片刻再发一次" in body["error"], body
    assert int(response.headers["retry-after"]) >= 1


def assert_no_server_error(replica: Replica) -> None:
    log = replica.log.read_text(errors="replace")
    assert "Traceback" not in log and "unhandled error" not in log, log[-3000:]


def assert_recovered(replica: Replica, session_id: str) -> None:
    """Once the fault clears, the same process is ready and stores the same conversation's turn."""
    assert readiness(replica, 200).status_code == 200
    again = httpx.post(f"{replica.url}/api/chat", json={"session_id": session_id, **QUESTION}, timeout=60)
    assert again.status_code == 200 and again.json()["session_id"] == session_id, again.text
    assert_no_server_error(replica)


def test_a_full_disk_is_not_ready_turns_get_a_chinese_503_and_the_server_recovers(kb_dir: Path, volume: Path) -> None:
    replica = Replica("full-disk", replica_env(kb_dir, f"sqlite:///{volume / 'policybot.sqlite3'}"), volume.parent)
    replica.start()
    try:
        person = httpx.post(f"{replica.url}/api/chat", json={"message": "你好"}, timeout=60)
        assert person.status_code == 200
        session_id = person.json()["session_id"]
        filler = fill(volume)

        ready = readiness(replica, 503)
        assert ready.status_code == 503 and ready.json()["checks"]["database"] is False, ready.text
        # A self-description: facts to store, more than the few pages a full WAL might still hold.
        for text in ("我在长春，今年28岁，大专毕业两年了，想开一家奶茶店", "我还在领失业保险金"):
            assert_refused_in_chinese(
                httpx.post(f"{replica.url}/api/chat", json={"session_id": session_id, "message": text}, timeout=60)
            )
        assert httpx.get(f"{replica.url}/healthz", timeout=30).status_code == 200, "alive, only not ready"

        filler.unlink()
        assert_recovered(replica, session_id)
    finally:
        replica.stop()


def test_a_read_only_volume_is_not_ready_turns_get_a_chinese_503_and_the_server_recovers(
    kb_dir: Path, volume: Path
) -> None:
    """The server starts on a volume that is read-only (its schema already made), and turns are
    stored as soon as the volume can be written again, without a restart."""
    env = replica_env(kb_dir, f"sqlite:///{volume / 'policybot.sqlite3'}")
    first = Replica("before", env, volume.parent)
    first.start()
    session_id = httpx.post(f"{first.url}/api/chat", json={"message": "你好"}, timeout=60).json()["session_id"]
    first.stop()
    made = mount("-o", "remount,ro", str(volume))
    assert made.returncode == 0, made.stderr

    replica = Replica("read-only", env, volume.parent)
    replica.launch()
    try:
        ready = readiness(replica, 503, seconds=120)
        assert ready.status_code == 503 and ready.json()["checks"]["database"] is False, ready.text
        assert_refused_in_chinese(
            httpx.post(f"{replica.url}/api/chat", json={"session_id": session_id, **QUESTION}, timeout=60)
        )

        made = mount("-o", "remount,rw", str(volume))
        assert made.returncode == 0, made.stderr
        assert_recovered(replica, session_id)
    finally:
        replica.stop()
