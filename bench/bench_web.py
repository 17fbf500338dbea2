"""Web benchmark: /api/ask under bounded load against a real `policybot serve` process on loopback.

Starts `policybot serve --workers 2` (one process per core of this 2-core machine) on a free
127.0.0.1 port with a temporary database (rate limit raised for the run, since every simulated
client shares one address) and runs N keep-alive clients over the 308 golden-set questions for a
fixed time each:

  paced       the clients together offer `--rate` requests/s with the answer cache OFF (every
              answer computed); latency is measured from each request's scheduled time
  saturation  the clients send back to back (closed loop), cache off and then on (the default:
              repeated questions on the same day are served from a bounded per-process cache)

It prints throughput and latency percentiles, plus the gzipped size of the widget files.
Targets: p95 ≤ 50 ms at 16 clients and ≥ 150 requests/s; widget ≤ 15 KB gzipped.

    .venv/bin/python bench/bench_web.py [--clients 16] [--seconds 10] [--rate 160] [--workers 2]
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

from knowledge.evaluation import GOLDEN_DIR

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "bot" / "web" / "static"
GOLDEN = GOLDEN_DIR


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def questions() -> list[str]:
    out: list[str] = []
    for name in ("retrieval.yaml", "retrieval_dev2.yaml"):
        out.extend(case["question"] for case in yaml.safe_load((GOLDEN / name).read_text(encoding="utf-8")))
    return out


def start_server(port: int, data_dir: Path, database: Path, cache: bool, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(data_dir),
        "POLICYBOT_DATABASE_URL": f"sqlite:///{database}",
        "POLICYBOT_WEB_RATE_LIMIT": "1000000/minute",
        "POLICYBOT_WEB_ANSWER_CACHE_SIZE": "4096" if cache else "0",
    }
    command = [sys.executable, "-m", "bot.cli", "serve", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("server did not become ready in 120 s")


def run_clients(
    port: int, clients: int, seconds: float, pool: list[str], rate: float | None = None
) -> tuple[list[float], int]:
    """Closed loop when `rate` is None; else each client sends on a fixed schedule (rate/clients per s)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    begin = time.perf_counter()
    stop_at = begin + seconds

    def client(offset: int) -> None:
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine: list[float] = []
        failed = 0
        index = offset
        interval = clients / rate if rate else 0.0
        scheduled = begin + offset * interval / clients
        while time.perf_counter() < stop_at:
            body = json.dumps({"question": pool[index % len(pool)]}).encode()
            index += clients
            if rate:
                time.sleep(max(0.0, scheduled - time.perf_counter()))
                started = scheduled
                scheduled += interval
            else:
                started = time.perf_counter()
            try:
                connection.request("POST", "/api/ask", body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            mine.append(time.perf_counter() - started)
            failed += 0 if ok else 1
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(label: str, port: int, args: argparse.Namespace, pool: list[str], rate: float | None) -> bool:
    started = time.perf_counter()
    latencies, errors = run_clients(port, args.clients, args.seconds, pool, rate)
    elapsed = time.perf_counter() - started
    ms = [v * 1000 for v in latencies]
    throughput = len(ms) / elapsed
    p95 = percentile(ms, 0.95)
    met = p95 <= 50 and throughput >= 150 and errors == 0
    print(f"{label:26s} {len(ms):6d} req  {errors} err  {throughput:6.0f} req/s   p50 {percentile(ms, 0.5):6.1f}  "
          f"p95 {p95:6.1f}  p99 {percentile(ms, 0.99):6.1f}  max {max(ms):6.1f} ms   "
          f"{'targets met' if met else 'targets MISSED'}")  # fmt: skip
    return errors == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=160.0, help="offered load of the paced run (requests/s)")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=2, help="server processes (policybot serve --workers)")
    args = parser.parse_args()

    for name in ("widget.js", "chat.js", "chat.css"):
        raw = (STATIC / name).read_bytes()
        print(f"{name:10s} {len(raw) / 1024:6.1f} KB raw, {len(gzip.compress(raw, 9)) / 1024:5.1f} KB gzipped")

    pool = questions()
    print(
        f"/api/ask, {args.clients} clients, {args.seconds:.0f} s per run, {len(pool)} distinct questions, "
        f"{args.workers} server process(es)"
    )
    clean = True
    with tempfile.TemporaryDirectory(prefix="policybot-bench-") as tmp:
        for cache in (False, True):
            port = free_port()
            server = start_server(port, Path(tmp) / "data", Path(tmp) / f"bench-{cache}.sqlite3", cache, args.workers)
            try:
                run_clients(port, args.clients, args.warmup, pool)
                if not cache:
                    clean &= measure(f"paced {args.rate:.0f}/s, cache off", port, args, pool, args.rate)
                    clean &= measure("saturation, cache off", port, args, pool, None)
                else:
                    clean &= measure("saturation, cache on", port, args, pool, None)
            finally:
                server.terminate()
                server.wait(timeout=20)
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
