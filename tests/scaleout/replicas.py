"""Replicas for the scale-out tests and the load benchmark: real `policybot serve` processes on
loopback ports sharing one PostgreSQL database and one index (the data dir, or a Chroma server).

Each replica can be started, killed with SIGKILL, and started again on the same port; `stop()`
always ends it. A simulated person's turns (`Person`) can be sent to any replica.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx

from bot.dialogue.keys import read_or_create_secret, stored_key
from tests.postgres import free_port

REPO = Path(__file__).resolve().parents[2]


class Replica:
    def __init__(
        self, name: str, env: dict[str, str], log_dir: Path, port: int | None = None, workers: int = 1
    ) -> None:
        """`workers`: `policybot serve --workers N` (N processes on the port)."""
        self.name = name
        self.env = env
        self.workers = workers
        self.port = port or free_port()
        self.log = log_dir / f"{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def web_key(self, session_id: str) -> str:
        """The key a web conversation is stored under (a keyed hash with the replicas' secret)."""
        secret = read_or_create_secret(
            self.env.get("POLICYBOT_SESSION_KEY_SECRET"), Path(self.env["POLICYBOT_DATA_DIR"])
        )
        return stored_key(secret, f"web:{session_id}")

    @property
    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def launch(self) -> None:
        """Start the process without waiting for it (start several, then `wait_ready` each)."""
        if self.is_running:
            return
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "serve", "--port", str(self.port), "--workers", str(self.workers)],
                cwd=REPO, env=self.env, stdout=subprocess.DEVNULL, stderr=log,
            )  # fmt: skip

    def wait_ready(self, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise RuntimeError(f"replica {self.name} exited: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"replica {self.name} was not ready in {seconds:.0f} s")

    def start(self) -> None:
        self.launch()
        self.wait_ready()

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flushing; whatever was not committed is gone."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def replica_env(data_dir: Path, database_url: str, chroma_url: str | None = None, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(data_dir),
        "POLICYBOT_DATABASE_URL": database_url,
        "POLICYBOT_WEB_RATE_LIMIT": "",
        "POLICYBOT_LOG_LEVEL": "WARNING",
        **extra,
    }
    if chroma_url:
        env["POLICYBOT_CHROMA_URL"] = chroma_url
    return env


def add_staff(env: dict[str, str], name: str, password: str) -> None:
    """A staff account made the way an operator makes one: `policybot staff add`, password on stdin."""
    created = subprocess.run(
        [sys.executable, "-m", "bot.cli", "staff", "add", name, "--password-stdin"],
        input=password + "\n", capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr


@contextmanager
def staffed_replica(name: str, env: dict[str, str], root: Path, staff: tuple[str, str]) -> Iterator[Replica]:
    """One started replica with a staff account, stopped on exit."""
    add_staff(env, *staff)
    replica = Replica(name, env, root)
    replica.start()
    try:
        yield replica
    finally:
        replica.stop()


@contextmanager
def running_replicas(count: int, env: dict[str, str], log_dir: Path, workers: int = 1) -> Iterator[list[Replica]]:
    """`count` replicas started together (they load their index in parallel), stopped afterwards."""
    replicas = [Replica(f"replica-{i + 1}", env, log_dir, workers=workers) for i in range(count)]
    with ExitStack() as stack:
        for replica in replicas:
            stack.callback(replica.stop)
            replica.launch()
        for replica in replicas:
            replica.wait_ready()
        yield replicas


class Person:
    """One conversation through POST /api/chat; each turn goes to the replica it is given."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http
        self.session_id: str | None = None
        self.turns = 0

    def send(self, replica: Replica, **turn: Any) -> httpx.Response:
        self.turns += 1
        body = {**turn, "turn_id": f"t{self.turns}"}
        if self.session_id:
            body["session_id"] = self.session_id
        response = self.http.post(f"{replica.url}/api/chat", json=body)
        if response.status_code == 200:
            self.session_id = response.json()["session_id"]
        return response

    def say(self, replica: Replica, **turn: Any) -> list[dict[str, Any]]:
        response = self.send(replica, **turn)
        assert response.status_code == 200, f"{replica.name}: {response.status_code} {response.text[:300]}"
        return response.json()["replies"]  # type: ignore[no-any-return]


def next_choice(replies: list[dict[str, Any]]) -> str | None:
    """A deterministic answer to the last question: its first option that is not 不清楚, or 确定 for
    a 可多选 question (after ticking its first box), or the one button of a question re-offered as a
    one-line reminder; None when nothing is asked."""
    last = replies[-1] if replies else {}
    buttons = [b for row in last.get("buttons", []) for b in row]
    if last.get("kind") != "question" or not buttons:
        return None
    if last.get("multi_select"):
        ticked = any(b["label"].startswith("☑") for b in buttons)
        ticks = [b for b in buttons if b["action"].startswith("tick:")]
        if not ticked and ticks:
            return str(ticks[0]["action"])
        return str(next(b["action"] for b in buttons if b["action"].startswith("done:")))
    answers = [b for b in buttons if b["action"].startswith("ans:") and "不清楚" not in b["label"]]
    if answers:
        return str(answers[0]["action"])
    # A long question re-offered in one line after an answer carries one button that shows it again.
    return str(buttons[0]["action"]) if len(buttons) == 1 else None
