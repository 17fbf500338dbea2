"""Start-up benchmark (issue 9): CPU time of `policybot ask "吉林创业补贴"` with a warm index, beside
a floor measured in the same run — a bare script that imports jieba and bm25s, loads a bm25s index
of the same clauses saved to disk, tokenizes the question and takes the top 10.

    python bench/bench_startup.py [--runs 5]

CPU time is user + system of the child process (resource.getrusage(RUSAGE_CHILDREN)), so other
load on the machine changes it less than wall time. Figures are printed, never asserted; the
target is ask ≤ 1.5 × floor.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTION = "吉林创业补贴"

FLOOR_BUILD = """
import sys, bm25s, jieba
from pathlib import Path
from knowledge.clause_table import open_clauses
clauses = open_clauses(Path(sys.argv[1]))
corpus = [[t for t in jieba.lcut(c.heading + c.body) if t.strip()] for c in clauses]
retriever = bm25s.BM25()
retriever.index(corpus)
retriever.save(sys.argv[2], corpus=None)
"""

FLOOR_QUERY = """
import sys, bm25s, jieba
retriever = bm25s.BM25.load(sys.argv[1], mmap=True)
tokens = [t for t in jieba.lcut(sys.argv[2]) if t.strip()]
ids = retriever.get_scores(tokens).argsort()[::-1][:10]
print(list(ids))
"""


def cpu_of(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    policybot = str(Path(sys.executable).with_name("policybot"))
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "POLICYBOT_DATA_DIR": str(Path(tmp) / "data")}
        subprocess.run([policybot, "ingest"], env=env, check=True, capture_output=True)
        subprocess.run([policybot, "ask", QUESTION], env=env, check=True, capture_output=True)  # warm
        clauses = Path(tmp) / "data" / "index" / "clauses"  # the clause file (knowledge.kb.saved_clauses_dir)
        index = Path(tmp) / "floor-index"
        subprocess.run([sys.executable, "-c", FLOOR_BUILD, str(clauses), str(index)], check=True, env=env)
        subprocess.run([sys.executable, "-c", FLOOR_QUERY, str(index), QUESTION], check=True, env=env)  # warm
        ask: list[tuple[float, float]] = []
        floor: list[tuple[float, float]] = []
        for _ in range(args.runs):  # interleaved, so load on the machine hits both alike
            ask.append(cpu_of([policybot, "ask", QUESTION], env))
            floor.append(cpu_of([sys.executable, "-c", FLOOR_QUERY, str(index), QUESTION], env))
    ask_cpu = statistics.median(c for c, _ in ask)
    floor_cpu = statistics.median(c for c, _ in floor)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    print(f"runs: {args.runs} each, interleaved; medians")
    print(f"policybot ask {QUESTION!r}: CPU {ask_cpu:.2f} s, wall {statistics.median(w for _, w in ask):.2f} s")
    print(
        f"floor (jieba + bm25s + saved index): CPU {floor_cpu:.2f} s, "
        f"wall {statistics.median(w for _, w in floor):.2f} s"
    )
    print(f"ratio: {ask_cpu / floor_cpu:.2f} × floor (target ≤ 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
