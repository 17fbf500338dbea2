"""Latency of the real answer path, told apart from the host's speed (issue 10: warm answer p95 ≤ 10 ms at
119 clauses, printed next to a bare bm25s floor). Used by bench_answers.py and bench_retrieval.py.

What is timed, per call: `Answerer.answer` (analysis, retrieval, the measure answer) and its rendering as
`policybot ask --json` words it (`answer_result`). What is not served from a memo:

- the answerer keeps answers (the same question on the same day is the same answer): they are dropped
  before every timed call, outside the timing (`Answerer.forget_answers`), so each call composes afresh;
- memos keyed on the question text (intent, phrase reading, the question's tokens) never hit: every timed
  question is distinct and asked once, and the warm-up asks other questions.

What is warm, and said so in the output: what a serving process loads once (index, tables, the measure
matcher's preparation: `KnowledgeBase.warm()`, run first as a server runs it before its first question) and memos
keyed on words (measure names, vocabulary), filled by the warm-up questions.

Beside it, measured in the same run and interleaved call by call so that they see the same load: a bare bm25s
top-10 over the same clauses (the question's tokens scored, no analysis) and a fixed pure-Python loop. When the
host is slow the floors rise with the answer path; when the product is slow only the answer path does.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bm25s
import numpy as np

from bot.present.answers import answer_result
from knowledge.answer import Answerer
from knowledge.answer_model import Answer
from knowledge.clauses import Clause
from knowledge.errors import QueryError
from knowledge.query import tokenize

REPO = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 10.0  # issue 10: warm answer p95 at 119 clauses
WARMUP_QUESTIONS = 40
TIMED_QUESTIONS = 300
COLD_RUNS = 3
REPEATED = 100  # timed questions asked a second time: what a memo keyed on the question saves
LOOP_STEPS = 20_000  # the fixed CPU loop: about a millisecond of pure Python on this project's machine


@dataclass(frozen=True)
class Timed:
    """One call of the answer path: what it answered and what it cost."""

    question: str
    answer: Answer | None  # None: refused as bad input (QueryError), which is the path's answer too
    text: str
    wall_ms: float
    cpu_ms: float


def answer_path(answerer: Answerer, question: str) -> Timed:
    """One timed call of the real answer path: retrieval, the measure answer and the rendering, composed afresh
    (the answers the answerer kept are dropped first, outside the timing)."""
    answerer.forget_answers()
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        answer: Answer | None = answerer.answer(question)
        text = answer_result(answer).answer if answer is not None else ""
    except QueryError as exc:
        answer, text = None, str(exc)
    return Timed(question, answer, text, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000)


def distinct(questions: Iterable[str]) -> list[str]:
    """Each question once, in first-seen order (a repeated question would hit the question-keyed memos)."""
    return list(dict.fromkeys(q for q in questions if q.strip()))


class BareBM25:
    """The floor: bm25s over the same clauses' tokens; a question's tokens scored and the top 10 taken."""

    def __init__(self, clauses: Sequence[Clause]) -> None:
        self._index = bm25s.BM25()
        self._index.index([tokenize(c.text) or [""] for c in clauses], show_progress=False)
        self.size = len(clauses)

    def top10(self, tokens: list[str]) -> list[int]:
        scores = np.asarray(self._index.get_scores(tokens or [""]), dtype=float)
        top = np.argpartition(-scores, min(10, len(scores) - 1))[:10]
        return [int(i) for i in top[np.argsort(-scores[top], kind="stable")]]


def cpu_loop(steps: int = LOOP_STEPS) -> int:
    """A fixed amount of pure-Python work: its time moves only with the host (speed, load)."""
    total = 0
    for i in range(steps):
        total += i * i
    return total


@dataclass(frozen=True)
class Figures:
    name: str
    wall: tuple[float, ...]
    cpu: tuple[float, ...]
    slowest: str = ""  # the question of the largest wall time, where one is timed per call

    def row(self) -> str:
        return f"  {self.name:<62}{len(self.wall):>5}{p50(self.wall):>9.2f}{p95(self.wall):>9.2f}" + (
            f"{max(self.wall):>9.2f}   CPU {p50(self.cpu):.2f} / {p95(self.cpu):.2f} / {max(self.cpu):.2f}"
        )


def p50(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def p95(samples: Sequence[float]) -> float:
    """The nearest-rank 95th percentile (of 3 cold runs: the largest)."""
    ordered = sorted(samples)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def warm_figures(
    answerer: Answerer,
    clauses: Sequence[Clause],
    questions: Sequence[str],
    timed: int = TIMED_QUESTIONS,
    warmup: int = WARMUP_QUESTIONS,
) -> tuple[Figures, Figures, Figures, int]:
    """The warm answer path over distinct questions, each asked once after `warmup` other questions, and the
    two floors measured right after each call. Returns (answer path, bm25s floor, CPU loop, warm-up n)."""
    questions = distinct(questions)
    warm, asked = questions[:warmup], questions[warmup : warmup + timed]
    if len(asked) < 2:  # too few questions for a warm-up of other questions: none (the output says 0)
        warm, asked = [], questions[:timed]
    floor = BareBM25(clauses)
    for question in warm:
        answer_path(answerer, question)
        floor.top10(tokenize(question))
    paths, bares, loops = [], [], []
    for question in asked:
        paths.append(answer_path(answerer, question))
        tokens = tokenize(question)  # the floor scores tokens; tokenizing is the answer path's work, not the floor's
        wall, cpu = time.perf_counter(), time.process_time()
        floor.top10(tokens)
        bares.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
        wall, cpu = time.perf_counter(), time.process_time()
        cpu_loop()
        loops.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
    slowest = max(paths, key=lambda t: t.wall_ms).question if paths else ""
    return (
        Figures(
            "warm answer path (distinct questions, each asked once)",
            *_timings(paths),
            slowest,
        ),
        Figures(f"floor: bare bm25s top-10 of one question ({floor.size} clauses)", *_split(bares)),
        Figures(f"floor: fixed CPU loop ({LOOP_STEPS:,} multiply-adds)", *_split(loops)),
        len(warm),
    )


def _timings(calls: Sequence[Timed]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    return tuple(t.wall_ms for t in calls), tuple(t.cpu_ms for t in calls)


def _split(pairs: Sequence[tuple[float, float]]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    return tuple(w for w, _ in pairs), tuple(c for _, c in pairs)


COLD_SCRIPT = """
import json, sys, time
from pathlib import Path
from bot.services import Services
from bot.settings import Settings
sys.path.insert(0, str(Path(sys.argv[1]) / "bench"))
from latency import answer_path
settings = Settings(data_dir=Path(sys.argv[2]), embedding_model=None, chroma_url=None)
kb = Services(settings, verify_vectors=False).knowledge  # as `policybot ask` opens it
if sys.argv[4] == "warm":
    kb.warm()  # as a server does before its first question
first = answer_path(kb.answerer, sys.argv[3])
print(json.dumps({"wall_ms": first.wall_ms, "cpu_ms": first.cpu_ms}))
"""


def cold_figures(data_dir: Path, questions: Sequence[str], runs: int = COLD_RUNS) -> tuple[Figures, Figures]:
    """The first call after the index is loaded, each in a fresh process over the bench's data directory (one
    question per process): as `policybot ask` opens it, and after `KnowledgeBase.warm()` as a server does."""
    samples: dict[str, list[tuple[float, float]]] = {"ask": [], "warm": []}
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    for question in distinct(questions)[:runs]:
        for mode, taken in samples.items():  # interleaved, so both see the same load
            done = subprocess.run(
                [sys.executable, "-c", COLD_SCRIPT, str(REPO), str(data_dir), question, mode],
                capture_output=True,
                text=True,
                env=env,
                cwd=REPO,
                check=True,
            )
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            taken.append((figures["wall_ms"], figures["cpu_ms"]))
    return (
        Figures("cold: first call after index load, fresh process (as `ask`)", *_split(samples["ask"])),
        Figures("cold: first call after KnowledgeBase.warm() (as `serve`)", *_split(samples["warm"])),
    )


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores · {cpu} · Python {platform.python_version()} · {platform.system()} {platform.release()}"


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min)"


def print_latency(
    answerer: Answerer,
    clauses: Sequence[Clause],
    questions: Sequence[str],
    data_dir: Path | None,
    cold_runs: int = COLD_RUNS,
    warm: Callable[[], None] | None = None,
) -> Figures:
    """Print the answer path's cold and warm latency beside the floors; returns the warm figures. `warm`: what a
    server runs before its first question (`KnowledgeBase.warm`), run before the warm-up questions."""
    if warm is not None:
        warm()
    print(f"\nlatency of the answer path (retrieval + measure answer + rendering), {load_average()} before")
    print(f"  {'what (wall ms; CPU ms p50 / p95 / max after)':<62}{'n':>5}{'p50':>9}{'p95':>9}{'max':>9}")
    pool = distinct(questions)
    served, bare, loop, warmed = warm_figures(answerer, clauses, pool)
    again = [answer_path(answerer, q) for q in pool[warmed : warmed + REPEATED]]
    rows = [served, Figures(f"the first {len(again)} asked again (their question-keyed memos warm)", *_timings(again))]
    if data_dir is not None and cold_runs > 0:
        rows.extend(cold_figures(data_dir, pool[-cold_runs:], cold_runs))  # fresh processes: nothing asked before
    rows.extend([bare, loop])
    for row in rows:
        print(row.row())
    if served.slowest:
        shown = served.slowest if len(served.slowest) <= 40 else served.slowest[:40] + "…"
        print(f"  slowest warm question ({len(served.slowest)} characters): {shown}")
    verdict = "met" if p95(served.wall) <= TARGET_P95_MS else "NOT met"
    print(
        f"  warm p95 {p95(served.wall):.2f} ms wall, {p95(served.cpu):.2f} ms CPU = "
        f"{p95(served.wall) / max(p95(bare.wall), 1e-9):.0f}× the bm25s floor's p95; "
        f"target ≤ {TARGET_P95_MS:g} ms (issue 10): {verdict} on this run (wall)"
    )
    stretched = p95(loop.wall) > 1.5 * p95(loop.cpu)
    print(
        f"  host: the fixed loop's p95 {p95(loop.wall):.2f} ms wall for {p95(loop.cpu):.2f} ms CPU — "
        + (
            "other work held this process off the cores: read the CPU figures"
            if stretched
            else "the host gave this process its cores"
        )
    )
    print(
        f"  caches: the answerer's kept answers dropped before every call; each timed question distinct and asked "
        f"once (question-keyed memos miss); warm: "
        f"{'KnowledgeBase.warm() (as a server starts), then ' if warm is not None else ''}"
        f"index, tables and word-keyed memos after {warmed} other questions"
    )
    print(f"  {load_average()} after")
    return served
