"""CPU per answer() and per chat policy turn, beside a floor measured in the same run (issues 13, 14).

The figure is CPU time of this process (`time.process_time`), not wall time, so other work on a shared
machine inflates it far less than it inflates latency. Three rows, each p50/p95 in milliseconds:

- floor: a bare bm25s top-10 over the saved clause index (our own tokens of the question, no analysis);
- answer(): `KnowledgeBase.answerer.answer` over the 385 retrieval-golden questions (dev, dev2, holdout),
  every one made afresh (no kept answer: the warm-up would otherwise have answered them all already);
- chat turns: real conversations through POST /api/chat on the web app (in-process ASGI client, a real
  SQLite file), in the message mix bench/bench_scaleout.py sends — a self-description, 对, a policy
  question every third step of the interview, /profile, /forget — per kind of turn; and the first 100
  turns of the freshly started app, all kinds (what is made on first use shows there, issue 14). The
  policy questions are drawn from bench_scaleout's pool (≈ 32,000), so nearly every one is answered
  afresh, as in the load bench (`--questions golden`: the 166 golden ones, mostly kept answers).

`--profile answer|turn` runs cProfile over the timed answer() calls or the policy-question turns and
prints the functions with the most own and cumulative time.

    .venv/bin/python bench/bench_turn.py [--turns 600] [--profile turn] [--top 40] [--slowest 20]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_retrieval import load_average, machine  # noqa: E402
from bench_scaleout import DESCRIPTIONS, question_pool  # noqa: E402

import knowledge.answer  # noqa: E402
from bot.settings import Settings  # noqa: E402
from knowledge.evaluation import GOLDEN_DIR  # noqa: E402
from knowledge.query import tokenize  # noqa: E402
from tests.scaleout.replicas import next_choice  # noqa: E402


def questions_of(*names: str) -> list[str]:
    out = []
    for name in names:
        for case in yaml.safe_load((GOLDEN_DIR / name).read_text(encoding="utf-8")):
            out.append(case["question"])
    return out


def cuts(samples: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(samples, n=100)
    return q[49], q[94]


def cpu_ms(run: Callable[[], object]) -> float:
    started = time.process_time()
    run()
    return (time.process_time() - started) * 1000


@contextmanager
def answers_not_kept() -> Iterator[None]:
    """Every answer made afresh while inside (the answerer keeps none)."""
    kept = knowledge.answer.ANSWERS_KEPT
    knowledge.answer.ANSWERS_KEPT = 0
    try:
        yield
    finally:
        knowledge.answer.ANSWERS_KEPT = kept


@contextmanager
def profiled(enabled: bool, top: int) -> Iterator[cProfile.Profile]:
    profile = cProfile.Profile()
    yield profile
    if enabled:
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).strip_dirs()
        calls = getattr(stats, "total_calls", 0)
        print(f"profiled: {calls} Python function calls in all (deterministic; divide by n below)")
        stats.sort_stats("tottime").print_stats(top)
        stats.sort_stats("cumulative").print_stats(top)
        print(out.getvalue())
        profile.dump_stats(str(Path(tempfile.gettempdir()) / "bench_turn.prof"))


def floor_ms(data: Path, questions: list[str]) -> list[float]:
    import bm25s
    import numpy as np

    index = bm25s.BM25.load(str(data / "index" / "lexical" / "clause"), mmap=True, show_progress=False)
    tokenized = [tokenize(q) or [""] for q in questions]

    def top10(tokens: list[str]) -> None:
        scores = index.get_scores(tokens)
        top = np.argpartition(-scores, 10)[:10]
        top[np.argsort(-scores[top])]

    for tokens in tokenized:  # warm
        top10(tokens)
    return [cpu_ms(lambda t=tokens: top10(t)) for tokens in tokenized]  # type: ignore[misc]


class Chat:
    """One simulated person, as bench_scaleout's user: the conversation loop, one turn per `step`."""

    def __init__(
        self, post: Callable[[dict[str, Any]], dict[str, Any]], number: int, questions: list[str], run: str = ""
    ) -> None:
        self.post = post
        self.rng = random.Random(f"{run} {number}" if run else number)  # each run its own draws
        self.number = number
        self.questions = questions
        self.count = 0
        self.last = ""

    def send(self, session_id: str | None, **turn: str) -> tuple[str | None, list[dict[str, Any]]]:
        self.count += 1
        body: dict[str, Any] = {**turn, "turn_id": f"u{self.number}t{self.count}"}
        if session_id:
            body["session_id"] = session_id
        data = self.post(body)
        return data["session_id"], data["replies"]

    def turns(self) -> Iterator[tuple[str, Callable[[], None]]]:
        """(kind, run) pairs in bench_scaleout's order; each run sends one turn."""
        state: dict[str, Any] = {"session": None, "replies": []}

        def typed(kind: str, **turn: str) -> tuple[str, Callable[[], None]]:
            def run() -> None:
                self.last = turn.get("message", turn.get("choice", ""))
                session, replies = self.send(state["session"], **turn)
                state["session"] = session
                if kind != "policy question":
                    state["replies"] = replies

            return kind, run

        while True:
            state["session"] = None
            yield typed("description", message=self.rng.choice(DESCRIPTIONS))
            yield typed("button", choice="ok")
            for step in range(25):
                if step % 3 == 0:
                    yield typed("policy question", message=self.rng.choice(self.questions))
                choice = next_choice(state["replies"])
                if choice is None:
                    break
                yield typed("button", choice=choice)
            yield typed("command", message="/profile")
            yield typed("command", message="/forget")
            yield typed("command", choice="cmd:erase")


def chat_rows(
    rows: list[tuple[str, list[float]]],
    label: str,
    post: Callable[[dict[str, Any]], dict[str, Any]],
    questions: list[str],
    turns: int,
    profile: cProfile.Profile | None,
    first: bool = False,
    slowest: list[tuple[float, str]] | None = None,
) -> None:
    """32 people's conversations interleaved, one turn at a time; CPU per turn by kind after 100 untimed.
    `first`: the app is fresh — the 100 untimed turns are also shown, as the first turns after start.
    `slowest`: gets (CPU ms, question) of every timed policy turn."""
    per_kind: dict[str, list[float]] = defaultdict(list)
    opening: list[float] = []
    people = [Chat(post, n, questions, label) for n in range(32)]
    chats = [person.turns() for person in people]
    for i in range(turns + 100):
        kind, run = next(chats[i % len(chats)])
        started = time.process_time()
        if profile is not None and kind == "policy question" and i >= 100:
            profile.runcall(run)
        else:
            run()
        if i >= 100:
            per_kind[kind].append((time.process_time() - started) * 1000)
            if slowest is not None and kind == "policy question":
                slowest.append((per_kind[kind][-1], people[i % len(chats)].last))
        else:
            opening.append((time.process_time() - started) * 1000)
    if first:
        rows.append((f"{label}: first 100 after start", opening))
    for kind in ("policy question", "description", "button", "command"):
        if len(per_kind[kind]) > 1:
            rows.append((f"{label}: {kind}", per_kind[kind]))
    rows.append((f"{label}: all kinds", [s for v in per_kind.values() for s in v]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=600, help="chat turns timed (after 100 untimed)")
    parser.add_argument("--profile", choices=["answer", "turn"], help="cProfile the answer() calls or the turns")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--skip-answer", action="store_true", help="time only the chat turns")
    parser.add_argument(
        "--questions", choices=["pool", "golden"], default="pool", help="the chat's policy questions: "
        "bench_scaleout's pool (answered afresh) or the 166 golden ones (mostly kept answers)",
    )  # fmt: skip
    parser.add_argument("--slowest", type=int, default=0, help="list the N slowest endpoint policy turns")
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from bot.web import api
    from bot.web.app import create_app
    from bot.web.services import build_services

    print(f"machine: {machine()}")
    print(f"before: {load_average()}")
    questions = questions_of("retrieval.yaml", "retrieval_dev2.yaml", "retrieval_holdout.yaml")
    chat_questions = (
        question_pool()
        if args.questions == "pool"
        else [
            c["question"]
            for c in yaml.safe_load((GOLDEN_DIR / "retrieval.yaml").read_text(encoding="utf-8"))
            if c.get("in_scope", True)
        ]
    )
    rows: list[tuple[str, list[float]]] = []
    with tempfile.TemporaryDirectory(prefix="policybot-bench-turn-") as tmp:
        data = Path(tmp)
        settings = Settings(data_dir=data, embedding_model=None, chroma_url=None, web_rate_limit="")
        web = build_services(settings)
        kb = web.kb
        rows.append(("floor: bare bm25s top-10", floor_ms(data, questions)))

        if not args.skip_answer:
            with answers_not_kept():
                for q in questions:  # warm
                    kb.answerer.answer(q)
            with answers_not_kept(), profiled(args.profile == "answer", args.top) as profile:
                samples = []
                for q in questions:
                    started = time.process_time()
                    if args.profile == "answer":
                        profile.runcall(kb.answerer.answer, q)
                    else:
                        kb.answerer.answer(q)
                    samples.append((time.process_time() - started) * 1000)
            rows.append((f"answer() over {len(questions)} questions", samples))

        with TestClient(create_app(web, owns_services=True)) as client:

            def over_http(body: dict[str, Any]) -> dict[str, Any]:
                response = client.post(api.CHAT_PATH, json=body)
                if response.status_code != 200:
                    raise RuntimeError(f"{response.status_code} {response.text[:200]}")
                return dict(response.json())

            def in_process(body: dict[str, Any]) -> dict[str, Any]:
                response = api.chat(api.ChatRequest.model_validate(body), web)
                return dict(json.loads(bytes(response.body)))

            slowest: list[tuple[float, str]] = []
            chat_rows(rows, "chat turn", over_http, chat_questions, args.turns, None, first=True)
            with profiled(args.profile == "turn", args.top) as profile:
                chat_rows(rows, "endpoint", in_process, chat_questions, args.turns, profile, slowest=slowest)

    print(f"\n{'CPU ms per call':<42} {'n':>5} {'p50':>7} {'p95':>7} {'mean':>7}")
    for label, samples in rows:
        p50, p95 = cuts(samples)
        print(f"{label:<42} {len(samples):>5} {p50:>7.2f} {p95:>7.2f} {statistics.fmean(samples):>7.2f}")
    if args.slowest:
        print(f"\nslowest endpoint policy turns (CPU ms, question), {args.slowest} of {len(slowest)}:")
        for ms, question in sorted(slowest, reverse=True)[: args.slowest]:
            print(f"{ms:8.2f}  {question}")
    print(f"\nafter: {load_average()}; pid {os.getpid()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
