"""A chat turn's latency tail in one process, beside a floor measured in the same run (issue 14).

The load bench (bench_scaleout.py) judges the target — a policy question turn's p95 ≤ 30 ms at 32 users —
but on a shared machine its tail follows the other tenants. This runs the same conversations (bench_turn's
`Chat`: a self-description, 对, a policy question from bench_scaleout's pool every third step, the interview
by buttons, /profile, /forget) through the chat endpoint in process, on a real SQLite file, one turn at a
time, and prints per kind of turn:

- wall time and CPU time (`time.thread_time`) per turn, p50 / p95 / p99 / max;
- the garbage collector's pauses inside the turns (`gc.callbacks`): how many turns had one, their time;
- a floor timed between the turns (a fixed piece of pure-Python work, the same every time): its p95/p50
  and p99/p50 are the host's own spread — a turn's tail beyond it is the turn's own work.

`--store postgresql` runs the same turns on a throwaway PostgreSQL cluster (tests/postgres.py: initdb, 127.0.0.1,
fsync off — as bench_scaleout's), `--database-url` on a database of your own. Either way the database's share
of a turn is counted from SQLAlchemy's events on every engine: round trips to the server, statements, the BEGINs
the driver sends, connection checkouts, and the wall time inside the statements, per kind of turn.

`--profile` then runs the same draws again with cProfile on each policy turn and compares the slowest 5 %
of them with the median ones (functions by own time per turn, slow − median): where the tail comes from.
The collector's objects are frozen once the app is built, as `policybot serve` does; `--freeze-warm`
freezes them again after the warm-up turns.

    .venv/bin/python bench/bench_turn_latency.py [--turns 1500] [--profile] [--top 25] [--store postgresql]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_retrieval import load_average, machine  # noqa: E402
from bench_scaleout import question_pool  # noqa: E402
from bench_turn import Chat  # noqa: E402

from bot.settings import Settings  # noqa: E402

KINDS = ("policy question", "description", "button", "command")
WARM_TURNS = 200  # untimed: what is made on first use (spellers, caches) is made before the timed turns
PEOPLE = 32


class Pauses:
    """Time the garbage collector spends, from `gc.callbacks` (start/stop of each collection)."""

    def __init__(self) -> None:
        self.started = 0.0
        self.total = 0.0
        self.by_generation: dict[int, list[float]] = defaultdict(list)

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = time.perf_counter()
        else:
            spent = time.perf_counter() - self.started
            self.total += spent
            self.by_generation[info["generation"]].append(spent * 1000)


class DatabaseUse:
    """Per turn: round trips to the database server, statements, the BEGINs the driver sends before a
    transaction's first statement, pool checkouts, and the wall time inside the statements — from
    SQLAlchemy's events on every engine and pool. On PostgreSQL a round trip is a statement, a BEGIN
    (psycopg sends it on its own), a COMMIT or a ROLLBACK of an open transaction — statements sent in a
    pipeline go with the COMMIT that ends it (one round trip); an SQLite file has none (its statements
    are counted)."""

    COUNTS = ("round trips", "statements", "BEGINs", "checkouts")

    def __init__(self) -> None:
        self.now: dict[str, float] = dict.fromkeys((*self.COUNTS, "sql ms"), 0.0)
        self.started = 0.0
        self.by_statement: dict[str, list[float]] = defaultdict(list)  # its first words: wall ms each time

    def listen(self) -> None:
        from sqlalchemy import event
        from sqlalchemy.engine import Engine
        from sqlalchemy.pool import Pool

        def count(name: str) -> Callable[..., None]:
            def counted(*_: Any, **__: Any) -> None:
                self.now[name] += 1

            return counted

        def open_transaction(connection: Any) -> bool:
            raw = connection.connection.driver_connection
            status = getattr(getattr(raw, "info", None), "transaction_status", None)
            return status is not None and int(status) != 0  # psycopg: 0 is IDLE (no transaction open)

        def pipelined(raw: Any) -> bool:
            return bool(raw.pgconn.pipeline_status)  # psycopg: 0 is OFF

        def before(connection: Any, *_: Any) -> None:
            raw = connection.connection.driver_connection
            if hasattr(raw, "info") and pipelined(raw):  # sent with the next sync (the COMMIT's)
                if not open_transaction(connection):
                    self.now["BEGINs"] += 1
            elif hasattr(raw, "info"):  # psycopg
                self.now["round trips"] += 1
                if not raw.autocommit and not open_transaction(connection):
                    self.now["BEGINs"] += 1
                    self.now["round trips"] += 1
            self.now["statements"] += 1
            self.started = time.perf_counter()

        def ends(connection: Any) -> None:
            if open_transaction(connection):
                self.now["round trips"] += 1

        def after(_connection: Any, _cursor: Any, statement: str, *__: Any) -> None:
            spent = (time.perf_counter() - self.started) * 1000
            self.now["sql ms"] += spent
            self.by_statement[" ".join(statement.split())[:60]].append(spent)

        event.listen(Engine, "before_cursor_execute", before)
        event.listen(Engine, "after_cursor_execute", after)
        event.listen(Engine, "commit", ends)
        event.listen(Engine, "rollback", ends)
        event.listen(Pool, "checkout", count("checkouts"))

    def snapshot(self) -> dict[str, float]:
        return dict(self.now)


@contextmanager
def database(store: str, url: str | None, data_dir: Path) -> Iterator[str]:
    """The database the turns are stored in: an SQLite file in the data directory, the given URL, or a
    fresh database on a throwaway PostgreSQL cluster (removed afterwards)."""
    if url is not None:
        yield url
    elif store == "sqlite":
        yield f"sqlite:///{data_dir / 'policybot.sqlite3'}"
    else:
        from tests.postgres import running_cluster

        with running_cluster() as cluster:
            yield cluster.create_database("bench")


def floor_work() -> None:
    """A fixed piece of pure-Python work (≈ 0.3 ms): dict and list churn as a turn's code does."""
    items = {f"k{i}": i for i in range(600)}
    sorted(items.items(), key=lambda kv: -kv[1])
    json.dumps(items)


def cuts(samples: list[float]) -> tuple[float, float, float, float]:
    ordered = sorted(samples)
    q = statistics.quantiles(ordered, n=100)
    return q[49], q[94], q[98], ordered[-1]


def line(label: str, samples: list[float]) -> str:
    p50, p95, p99, top = cuts(samples)
    return f"{label:<34} {len(samples):>5} {p50:>7.2f} {p95:>7.2f} {p99:>7.2f} {top:>8.2f}"


def run_turns(
    post: Callable[[dict[str, Any]], dict[str, Any]],
    questions: list[str],
    turns: int,
    label: str,
    pauses: Pauses,
    profile_policy: bool = False,
    freeze: bool = True,
    use: DatabaseUse | None = None,
) -> dict[str, Any]:
    """PEOPLE conversations interleaved, one turn at a time; WARM_TURNS untimed first."""
    people = [Chat(post, n, questions, label) for n in range(PEOPLE)]
    chats = [person.turns() for person in people]
    wall: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    gc_ms: dict[str, list[float]] = defaultdict(list)
    floor: list[float] = []
    profiles: list[tuple[float, pstats.Stats, str]] = []
    used: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for i in range(turns + WARM_TURNS):
        if i == WARM_TURNS:
            if freeze:
                gc.collect()
                gc.freeze()
            print(f"tracked objects after {WARM_TURNS} turns: {len(gc.get_objects())} "
                  f"(frozen {gc.get_freeze_count()})", flush=True)  # fmt: skip
            pauses.by_generation.clear()  # the collections of the timed part only
        kind, run = next(chats[i % PEOPLE])
        profile = (
            cProfile.Profile(time.thread_time)
            if profile_policy and kind == "policy question" and i >= WARM_TURNS
            else None
        )
        collected = pauses.total
        before = use.snapshot() if use is not None else {}
        wall_started, cpu_started = time.perf_counter(), time.thread_time()
        if profile is not None:
            profile.runcall(run)
        else:
            run()
        spent_cpu, spent_wall = time.thread_time() - cpu_started, time.perf_counter() - wall_started
        if i < WARM_TURNS:
            continue
        if use is not None:
            for name, value in use.snapshot().items():
                used[kind][name] += value - before[name]
        wall[kind].append(spent_wall * 1000)
        cpu[kind].append(spent_cpu * 1000)
        gc_ms[kind].append((pauses.total - collected) * 1000)
        if profile is not None:
            profiles.append((spent_cpu * 1000, pstats.Stats(profile), people[i % PEOPLE].last))
        started = time.perf_counter()
        floor_work()
        floor.append((time.perf_counter() - started) * 1000)
    return {"wall": wall, "cpu": cpu, "gc": gc_ms, "floor": floor, "profiles": profiles, "used": used}


def own_time_per_turn(
    group: list[tuple[float, pstats.Stats, str]], column: int = 2
) -> tuple[dict[str, float], dict[str, float]]:
    """CPU ms (column 2: own, 3: cumulative) and calls per turn of each function over profiled turns."""
    total: dict[str, float] = defaultdict(float)
    calls: dict[str, float] = defaultdict(float)
    for _, stats, _ in group:
        for (path, number, name), row in stats.stats.items():  # type: ignore[attr-defined]
            where = f"{Path(path).parent.name}/{Path(path).name}:{number}({name})" if number else name
            total[where] += row[column] * 1000
            calls[where] += row[1]
    return (
        {where: ms / len(group) for where, ms in total.items()},
        {where: n / len(group) for where, n in calls.items()},
    )


def print_cumulative(slowest: list[tuple[float, pstats.Stats, str]], middle: list[tuple[float, pstats.Stats, str]],
                     top: int) -> None:  # fmt: skip
    """Our own functions (bot, knowledge, eligibility) by cumulative CPU per turn, slow against median."""
    (slow, _), (median, _) = own_time_per_turn(slowest, 3), own_time_per_turn(middle, 3)
    ours = [w for w in slow if w.split("/", 1)[0] in {"bot", "dialogue", "web", "knowledge", "eligibility", "present"}]
    print("\ncumulative CPU ms per turn, our functions (slow, median):")
    for where in sorted(ours, key=lambda w: -slow[w])[:top]:
        print(f"{slow[where]:>8.3f} {median.get(where, 0.0):>8.3f}  {where}")


def print_tail_profile(profiles: list[tuple[float, pstats.Stats, str]], top: int) -> None:
    ordered = sorted(profiles, key=lambda p: p[0])
    count = max(1, len(ordered) // 20)
    slowest = ordered[-count:]
    middle = ordered[len(ordered) // 2 - count // 2 :][:count]
    (slow, slow_calls), (median, median_calls) = own_time_per_turn(slowest), own_time_per_turn(middle)
    print(
        f"\nprofiled policy turns: {len(ordered)}; the slowest 5 % ({count}, profiled CPU "
        f"{slowest[0][0]:.1f}–{slowest[-1][0]:.1f} ms) against {count} median ones "
        f"({middle[0][0]:.1f}–{middle[-1][0]:.1f} ms); own ms per turn, by slow − median:"
    )
    print(f"{'slow':>8} {'median':>8} {'extra':>8} {'calls':>8} {'median':>8}  function")
    rows = sorted(slow, key=lambda w: -(slow[w] - median.get(w, 0.0)))
    for where in rows[:top]:
        print(
            f"{slow[where]:>8.3f} {median.get(where, 0.0):>8.3f} {slow[where] - median.get(where, 0.0):>8.3f} "
            f"{slow_calls[where]:>8.0f} {median_calls.get(where, 0.0):>8.0f}  {where}"
        )
    print(
        f"{sum(slow.values()):>8.3f} {sum(median.values()):>8.3f} {'':>8} {sum(slow_calls.values()):>8.0f} "
        f"{sum(median_calls.values()):>8.0f}  (all functions)"
    )
    print_cumulative(slowest, middle, top)
    print("\nthe slowest profiled policy turns (profiled CPU ms, question):")
    for ms, _, question in reversed(slowest):
        print(f"{ms:8.2f}  {question}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=1500, help=f"timed turns (after {WARM_TURNS} untimed)")
    parser.add_argument("--profile", action="store_true", help="a second pass: cProfile every policy turn")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite",
                        help="postgresql: a throwaway cluster (tests/postgres.py), as bench_scaleout's")  # fmt: skip
    parser.add_argument("--database-url", help="store the turns here instead (the database must be empty)")
    parser.add_argument("--freeze-warm", action="store_true", help="gc.freeze again after the warm-up turns")
    args = parser.parse_args(argv)

    from bot.web import api
    from bot.web.serve_cli import freeze_loaded_objects
    from bot.web.services import build_services

    print(f"machine: {machine()}")
    print(f"before: {load_average()}", flush=True)
    pauses = Pauses()
    gc.callbacks.append(pauses)
    use = DatabaseUse()
    use.listen()
    with (
        tempfile.TemporaryDirectory(prefix="policybot-bench-latency-") as tmp,
        database(args.store, args.database_url, Path(tmp)) as url,
    ):
        print(f"store: {url.split(':', 1)[0]}", flush=True)
        settings = Settings(
            data_dir=Path(tmp), embedding_model=None, chroma_url=None, web_rate_limit="", database_url=url
        )
        web = build_services(settings)
        freeze_loaded_objects()  # as `policybot serve` does once the app is built

        def in_process(body: dict[str, Any]) -> dict[str, Any]:
            response = api.chat(api.ChatRequest.model_validate(body), web)
            return dict(json.loads(bytes(response.body)))

        questions = question_pool()
        measured = run_turns(in_process, questions, args.turns, "latency", pauses, freeze=args.freeze_warm, use=use)
        print(f"\n{'ms per turn':<34} {'n':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>8}")
        print(line("floor (fixed work, wall)", measured["floor"]))
        for kind in KINDS:
            if measured["wall"][kind]:
                print(line(f"{kind}: wall", measured["wall"][kind]))
                print(line(f"{kind}: CPU", measured["cpu"][kind]))
        every = [ms for kind in KINDS for ms in measured["wall"][kind]]
        print(line("all kinds: wall", every))
        floor50, floor95, floor99, _ = cuts(measured["floor"])
        print(f"floor spread: p95/p50 {floor95 / floor50:.2f}, p99/p50 {floor99 / floor50:.2f} (1.00: a quiet host)")
        for kind in KINDS:
            paused = [ms for ms in measured["gc"][kind] if ms > 0]
            if measured["gc"][kind]:
                print(
                    f"collector in {kind} turns: {len(paused)} of {len(measured['gc'][kind])} turns, "
                    f"{sum(paused) / len(measured['gc'][kind]):.3f} ms a turn on average, "
                    f"longest {max(paused, default=0.0):.2f} ms"
                )
        print(f"\n{'database per turn':<18} " + " ".join(f"{name:>10}" for name in (*DatabaseUse.COUNTS, "sql ms")))
        for kind in KINDS:
            n = len(measured["wall"][kind])
            if n:
                per = measured["used"][kind]
                print(f"{kind:<18} " + " ".join(f"{per[name] / n:>10.2f}" for name in (*DatabaseUse.COUNTS, "sql ms")))
        print("statements by wall time in all (ms: count, p50, p95, total):")
        spent = sorted(use.by_statement.items(), key=lambda kv: -sum(kv[1]))
        for statement, times in spent[:12]:
            p50, p95, _, _ = cuts(times) if len(times) > 1 else (times[0],) * 4
            print(f"  {len(times):>6} {p50:>7.2f} {p95:>7.2f} {sum(times):>9.1f}  {statement}")
        print("collections during the timed turns and floors:")
        for generation, spent in sorted(pauses.by_generation.items()):
            print(f"  generation {generation}: {len(spent)} collections, p50 {statistics.median(spent):.2f} ms, "
                  f"max {max(spent):.2f} ms")  # fmt: skip
        if args.profile:
            profiled = run_turns(in_process, questions, args.turns, "profile", pauses, profile_policy=True,
                                 freeze=False)  # fmt: skip
            print_tail_profile(profiled["profiles"], args.top)
        web.close()
    print(f"\nafter: {load_average()}; pid {os.getpid()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
