"""The embedded Chroma directory deleted under a running `policybot serve`: the process keeps
answering, `/readyz` says degraded, `policybot ingest` from another process rebuilds the directory,
and readiness returns without a restart. (Corrupt and missing directories at start:
tests/knowledge/test_cli.py.)"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get_json(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def post_json(url: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read())


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """`policybot serve` on its own data directory (index built at start) and SQLite file."""
    port = free_port()
    env = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(tmp_path / "data"),
        "POLICYBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
        "POLICYBOT_WEB_RATE_LIMIT": "",
        "POLICYBOT_WEB_ANSWER_CACHE_SIZE": "0",
    }
    env.pop("POLICYBOT_CHROMA_URL", None)
    env.pop("POLICYBOT_EMBEDDING_MODEL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                if get_json(f"{url}/readyz")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "policybot serve did not become ready"
            time.sleep(0.2)
        yield url, env
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


def test_an_index_directory_deleted_mid_run_degrades_then_a_reingest_restores_it(
    server: tuple[str, dict[str, str]],
) -> None:
    url, env = server
    chroma = Path(env["POLICYBOT_DATA_DIR"]) / "chroma"
    assert get_json(f"{url}/readyz") == (
        200,
        {"status": "ready", "checks": {"index": True, "vectors": True, "database": True}},
    )

    shutil.rmtree(chroma)

    for question in ("延吉 返乡创业 有啥扶持", "失业补助金怎么领", "巴中 创业担保贷款"):
        status, answer = post_json(f"{url}/api/ask", {"question": question})
        assert status == 200 and answer["status"] == "answered", (question, answer)
    assert get_json(f"{url}/readyz") == (
        200, {"status": "degraded", "checks": {"index": True, "vectors": False, "database": True}},
    )  # fmt: skip

    ingest = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", "--json"], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120, check=False,)  # fmt: skip
    assert ingest.returncode == 0, ingest.stderr
    assert json.loads(ingest.stdout)["rebuilt"] is True
    assert chroma.is_dir()

    assert get_json(f"{url}/readyz")[1]["status"] == "ready"
    assert post_json(f"{url}/api/ask", {"question": "失业补助金怎么领"})[1]["status"] == "answered"
