"""Memory stays bounded during a login flood (issue 14, M1: server RSS went 311 → 1,274 MB).

A real `policybot serve` behind the documented proxy settings: only the proxy's address is trusted
(FORWARDED_ALLOW_IPS; here the test plays nginx on loopback and writes the address it "saw" in
X-Forwarded-For), so every attempt comes from another client address and names another account.
The bound: argon2id takes 64 MiB per check and at most PASSWORD_CHECKS run at once; the per-address
and per-account counters and the requests in flight get a margin on top."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from bot.web.services import PASSWORD_CHECKS
from tests.scaleout.replicas import Replica, replica_env

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
MIB = 1024 * 1024
ARGON2_MEMORY = 64 * MIB  # argon2-cffi's default memory_cost (RFC 9106 second recommendation)
MARGIN = 96 * MIB
ATTEMPTS = 160


def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


@pytest.fixture
def server(kb_dir: Path, tmp_path: Path) -> Iterator[Replica]:
    env = replica_env(
        kb_dir, f"sqlite:///{tmp_path / 'policybot.sqlite3'}",
        FORWARDED_ALLOW_IPS="127.0.0.1", POLICYBOT_WEB_RATE_LIMIT="120/minute;20/second",
        POLICYBOT_WEB_LOGIN_RATE_LIMIT="10/minute",
    )  # fmt: skip
    replica = Replica("login-flood", env, tmp_path)
    replica.start()
    yield replica
    replica.stop()


def test_a_login_flood_from_many_addresses_keeps_the_server_within_its_memory_bound(server: Replica) -> None:
    assert server.process is not None
    pid = server.process.pid
    with httpx.Client(base_url=server.url, timeout=60) as warm:  # the first check's one-time costs
        token = CSRF.search(warm.get("/staff/login").text)
        assert token
        warm.post("/staff/login", data={"name": "warm-up", "password": "wrong password", "csrf": token.group(1)})
    base = rss(pid)
    peak = base
    flooding = True

    def watch() -> None:
        nonlocal peak
        while flooding:
            peak = max(peak, rss(pid))
            time.sleep(0.01)

    def attempt(number: int) -> int:
        address = {"X-Forwarded-For": f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"}
        with httpx.Client(base_url=server.url, timeout=60) as client:
            token = CSRF.search(client.get("/staff/login", headers=address).text)
            assert token
            form = {"name": f"account-{number:06d}-" + "x" * 40, "password": "p" * 250, "csrf": token.group(1)}
            return client.post("/staff/login", headers=address, data=form).status_code

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(attempt, range(ATTEMPTS)))
    finally:
        flooding = False
        watcher.join(5)
    assert set(statuses) <= {401, 429}, statuses
    assert statuses.count(401) >= 10, "the flood ran password checks (else memory proves nothing)"
    bound = PASSWORD_CHECKS * ARGON2_MEMORY + MARGIN
    print(
        f"login flood: {ATTEMPTS} attempts, {statuses.count(401)} checked, RSS {base / MIB:.0f} → {peak / MIB:.0f} MiB"
    )
    assert peak - base <= bound, f"RSS {base / MIB:.0f} → {peak / MIB:.0f} MiB, bound +{bound / MIB:.0f} MiB"
