"""A real Chroma server for tests: `chroma run` (the CLI the chromadb package installs beside our
Python) on 127.0.0.1 and a free port, over a directory of its own.

`start()` waits, bounded, for the heartbeat; `stop(signal)` ends the process (SIGTERM or SIGKILL,
the fault tests) and `start()` again brings it back on the same port and directory. `remove()`
always ends it. Telemetry is off and HOME is the server's own directory, so nothing leaves the
machine and nothing is written outside it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HEARTBEAT = "/api/v2/heartbeat"


def chroma_executable() -> Path:
    """`chroma` of the interpreter running the tests (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("chroma")
    if beside.is_file():
        return beside
    found = shutil.which("chroma")
    if found is None:
        raise RuntimeError("the `chroma` CLI is missing: it comes with the chromadb package (pip install -e .)")
    return Path(found)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ChromaServer:
    """One `chroma run` process; the directory and port stay the same across restarts."""

    def __init__(self, root: Path | None = None, port: int | None = None) -> None:
        self.root = root or Path(tempfile.mkdtemp(prefix="policybot-chroma-"))
        self.path = self.root / "db"
        self.log = self.root / "server.log"
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def is_answering(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + HEARTBEAT, timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    def start(self, timeout: float = 30.0) -> None:
        if self.is_running:
            return
        env = {
            **os.environ,
            "ANONYMIZED_TELEMETRY": "False",
            "HOME": str(self.root),
            "NO_COLOR": "1",
        }
        command = [str(chroma_executable()), "run", "--path", str(self.path), "--host", "127.0.0.1",
                   "--port", str(self.port)]  # fmt: skip
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                start_new_session=True,
            )  # fmt: skip
        self.starts += 1
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.process.returncode}: {self.log_tail()}")
            if self.is_answering():
                return
            time.sleep(0.1)
        self.stop(signal.SIGKILL)
        raise RuntimeError(f"chroma run did not answer {HEARTBEAT} within {timeout} s: {self.log_tail()}")

    def stop(self, how: signal.Signals = signal.SIGTERM, timeout: float = 15.0) -> None:
        """End the process with this signal and wait for it (SIGKILL if it outlives the timeout)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(how)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        self.process = None

    def log_tail(self, characters: int = 2000) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-characters:]
        except OSError:
            return "(no log)"

    def remove(self) -> None:
        self.stop(signal.SIGKILL)
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def running_server(root: Path | None = None) -> Iterator[ChromaServer]:
    """A started server, always ended and removed afterwards."""
    server = ChromaServer(root)
    try:
        server.start()
        yield server
    finally:
        server.remove()
