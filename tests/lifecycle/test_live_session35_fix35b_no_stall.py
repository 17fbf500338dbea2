"""Session 35 (fix35b): a question never waits long for a rebuild of the knowledge base. Documents published a
moment ago are built on the background thread; a question waits for that a few seconds at most, then is answered
from the last product — here while another process holds the server's ingest lock, so the rebuild cannot finish.
/healthz answers meanwhile, and the published document is cited soon after the lock is let go. A real
`policybot serve` on loopback, the real CLI in a subprocess, a real lock-holding process."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from bot.live import INGEST_LOCK, QUESTION_WAIT
from tests.lifecycle.test_live import DATA, QUESTION, WITHIN_SECONDS, cited, documents
from tests.scaleout.replicas import Replica

# A question's wait for the rebuild, plus its own answer on a loaded machine.
ANSWERED_WITHIN = QUESTION_WAIT + 15
HOLD = "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); "
HOLD += "time.sleep(600)"


@pytest.fixture
def lock_holder(server_checking_hourly: tuple[Replica, dict[str, str]]) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the server's ingest lock until it is ended."""
    lock = Path(server_checking_hourly[1]["POLICYBOT_DATA_DIR"]) / "index" / INGEST_LOCK
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(lock)], stdout=subprocess.PIPE, text=True)
    try:
        yield holder
    finally:
        holder.kill()
        holder.wait(10)


def _timed(replica: Replica, method: str, path: str, body: dict[str, str] | None = None) -> tuple[int, float, dict]:
    started = time.monotonic()
    response = httpx.request(method, f"{replica.url}{path}", json=body, timeout=ANSWERED_WITHIN + 30)
    return response.status_code, time.monotonic() - started, response.json()


def test_questions_and_healthz_answer_within_seconds_while_the_rebuild_cannot_take_the_ingest_lock(
    server_checking_hourly: tuple[Replica, dict[str, str]], lock_holder: subprocess.Popen[str]
) -> None:
    replica, env = server_checking_hourly
    added = documents(["add", str(DATA / "changchun_trainee_2025.txt"), "--publish"], env)
    assert added.returncode == 0, added.stderr
    assert lock_holder.stdout is not None and lock_holder.stdout.readline().strip() == "held"

    with ThreadPoolExecutor(6) as pool:
        asked = [pool.submit(_timed, replica, "POST", "/api/ask", QUESTION) for _ in range(4)]
        chatted = pool.submit(_timed, replica, "POST", "/api/chat", {"message": QUESTION["question"]})
        time.sleep(0.5)
        health = pool.submit(_timed, replica, "GET", "/healthz")
        results = [f.result() for f in [*asked, chatted, health]]
    for status, seconds, _ in results:
        assert status == 200 and seconds < ANSWERED_WITHIN, [(s, round(t, 1)) for s, t, _ in results]
    assert results[-1][1] < 5, "the health probe never waits for a rebuild"
    for _, _, body in results[:4]:  # from the last product: the new document is not built yet
        assert not any(c["clause_id"].startswith("changchun-") for c in body["citations"])

    # Only the first questions of a version wait: the next one is answered at once.
    status, seconds, _ = _timed(replica, "POST", "/api/ask", QUESTION)
    assert status == 200 and seconds < QUESTION_WAIT

    lock_holder.kill()
    lock_holder.wait(10)
    deadline = time.monotonic() + WITHIN_SECONDS
    while "changchun-2025-03" not in cited(replica)[:1]:
        assert time.monotonic() < deadline, "the published document is cited once the lock is let go"
        time.sleep(0.5)
    assert replica.is_running
