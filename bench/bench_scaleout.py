"""Scale-out load: simulated chat users against two `policybot serve` replicas on PostgreSQL.

Starts a throwaway PostgreSQL cluster from Debian's binaries (or uses `--database-url`), builds the
index once, starts two replicas on free 127.0.0.1 ports sharing the database and the index
directory (rate limit off for the run: every simulated user shares one address), and runs N
users for a fixed time. Each user holds real conversations through POST /api/chat, every turn
sent to the other replica than the one before: a self-description, 对, policy questions (the golden
set's and ≈ 32,000 generated, place × group × measure × wording, so that a question is rarely asked
twice), the interview answered with buttons to its results, /profile, /forget, and again.
Only loopback traffic; the run stops by itself after `--seconds` (requests time out after 10 s).

Two runs by default, `--seconds` each: users who pause between turns as people do (a random pause
of 0–2 s, mean `--think-ms` 1000: reading a reply, tapping a button), then users who send each
turn the moment the reply arrives (think time 0: saturation, every core busy). Each prints
turns/s, p50/p95/p99 of all turns and per kind, errors, and how many policy questions a replica was
asked before (the most its kept answers can have served); the machine is printed first.
Target (issue 14): zero errors and p95 ≤ 30 ms for a policy question turn at 32 users with 1 s pauses
(the saturation run has no latency target: its latency is users ÷ throughput). Figures:
docs/deploy-scaleout.md, with the server CPU per turn of these conversations before and after the issue
14 cuts (one `serve`, one client: 21–25 → 15–16.5 ms on SQLite, 28–35 → 19–21 ms on PostgreSQL, measured
at load average 7–11, so both inflated).

    .venv/bin/python bench/bench_scaleout.py [--users 32] [--seconds 60] [--think-ms 1000,0]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.services import Services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from knowledge.evaluation import GOLDEN_DIR  # noqa: E402
from tests.postgres import running_cluster  # noqa: E402
from tests.scaleout.replicas import Replica, next_choice, replica_env, running_replicas  # noqa: E402

DESCRIPTIONS = [
    "我是残疾人，家里是低保户，在巴中开了个小店两年了，今年45岁",
    "我是2020年毕业的大学生，在长春，现在还没找到工作",
    "我在资阳，下岗一年多了，交了8年失业保险，今年50岁",
    "我是农民工，去年从外地回到平顶山老家，想自己创业",
    "我在商洛打零工，灵活就业，自己交社保三年了",
]
TIMEOUT = 10.0
TARGET_P95_MS = 30.0  # a policy question turn, 32 users pausing 1 s on average (issue 14)
TARGET_THINK_MS = 1000.0
KEEP_ALIVE_SECONDS = 4.0


# Generated questions: place × group × measure × wording. The golden set alone (166 questions) repeats so
# often in a run that most policy turns would be answered from a replica's kept answers (the same
# question, place and day, knowledge/answer.py); real people rarely ask the same words twice.
PLACES = (
    "巴中", "巴州区", "恩阳", "平昌", "长春", "吉林市", "延吉", "松原", "四平", "资阳", "雁江区", "安岳",
    "乐至", "平顶山", "舞钢", "郏县", "商洛", "洛南", "商州", "山阳", "南充", "东莞", "郑州", "成都",
)  # fmt: skip
GROUPS = (
    "高校毕业生", "大学生", "农民工", "退役军人", "残疾人", "贫困户", "下岗职工", "就业困难人员",
    "返乡创业人员", "灵活就业人员", "个体户", "失业人员", "零就业家庭", "低保户",
)  # fmt: skip
MEASURES = (
    "创业担保贷款", "一次性创业补贴", "社保补贴", "职业技能培训补贴", "技能提升补贴", "失业保险金",
    "公益性岗位", "就业见习补贴", "吸纳就业补贴", "创业孵化基地", "求职创业补贴", "岗位补贴",
)  # fmt: skip
WORDINGS = (
    "{place}{group}{measure}怎么申请？",
    "{place}的{group}，{measure}能拿多少钱",
    "我是{place}的{group}，想问下{measure}要什么条件",
    "{place} {group} {measure} 去哪里办",
    "{group}在{place}申请{measure}需要哪些材料？",
    "{place}对{group}的{measure}有什么规定",
    "{place}{group}有{measure}吗",
    "请问{place}{group}的{measure}标准是多少？",
)


def golden_questions() -> list[str]:
    cases = yaml.safe_load((GOLDEN_DIR / "retrieval.yaml").read_text(encoding="utf-8"))
    return [case["question"] for case in cases if case.get("in_scope", True)]


def question_pool() -> list[str]:
    """The golden set's questions and every generated one (≈ 32,000): a run of ≈ 350 policy turns
    repeats a question on the same replica in a few per cent of them (the run prints how many)."""
    generated = [
        wording.format(place=place, group=group, measure=measure)
        for place in PLACES for group in GROUPS for measure in MEASURES for wording in WORDINGS
    ]  # fmt: skip
    return golden_questions() + generated


class Recorder:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.asked: set[tuple[str, str]] = set()  # (replica, question) sent so far, warm-up included
        self.repeats = 0  # policy turns whose question that replica was asked before
        self.answered = 0  # policy turns with an answer among their replies

    def add(self, kind: str, seconds: float) -> None:
        self.latencies[kind].append(seconds * 1000)


async def user(
    number: int,
    replicas: list[Replica],
    questions: list[str],
    stop_at: float,
    think: float,
    record: Recorder,
    run_name: str,
) -> None:
    rng = random.Random(f"{run_name} {number}")  # each run its own draws (the same in every tree compared)
    turn_count = 0
    # Idle connections expire before the server's keep-alive (5 s) closes them, as a proxy's do.
    limits = httpx.Limits(keepalive_expiry=KEEP_ALIVE_SECONDS)
    async with httpx.AsyncClient(timeout=TIMEOUT, limits=limits) as http:

        async def send(kind: str, session_id: str | None, **turn: str) -> tuple[str | None, list[dict[str, Any]]]:
            nonlocal turn_count
            turn_count += 1
            replica = replicas[turn_count % len(replicas)]
            body: dict[str, Any] = {**turn, "turn_id": f"u{number}t{turn_count}"}
            if session_id:
                body["session_id"] = session_id
            started = time.perf_counter()
            try:
                response = await http.post(f"{replica.url}/api/chat", json=body)
            except httpx.HTTPError as exc:
                record.errors.append(f"{kind} on {replica.name}: {exc!r}")
                return session_id, []
            record.add(kind, time.perf_counter() - started)
            if response.status_code != 200:
                record.errors.append(f"{kind} on {replica.name}: {response.status_code} {response.text[:120]}")
                return session_id, []
            data = response.json()
            if kind == "policy question":
                asked = (replica.name, turn["message"])
                record.repeats += asked in record.asked
                record.asked.add(asked)
                record.answered += any(reply["kind"] == "answer" for reply in data["replies"])
            if think:
                await asyncio.sleep(rng.uniform(0, 2 * think))
            return data["session_id"], data["replies"]

        await asyncio.sleep(rng.uniform(0, 2 * think))  # people do not all arrive at the same instant
        while time.perf_counter() < stop_at:
            session_id, replies = await send("description", None, message=rng.choice(DESCRIPTIONS))
            session_id, replies = await send("button", session_id, choice="ok")
            for step in range(25):
                if time.perf_counter() >= stop_at:
                    return
                if step % 3 == 0:
                    session_id, _ = await send("policy question", session_id, message=rng.choice(questions))
                choice = next_choice(replies)
                if choice is None:
                    break
                session_id, replies = await send("button", session_id, choice=choice)
            session_id, _ = await send("command", session_id, message="/profile")
            await send("command", session_id, message="/forget")
            await send("command", session_id, choice="cmd:erase")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def row(label: str, values: list[float], seconds: float) -> str:
    return (
        f"{label:18s} {len(values):7d} turns {len(values) / seconds:7.1f}/s   p50 {percentile(values, 0.5):6.1f}  "
        f"p95 {percentile(values, 0.95):6.1f}  p99 {percentile(values, 0.99):6.1f}  max {max(values):7.1f} ms"
    )


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """CPU time so far of a process and its living descendants (`serve --workers N`: the workers)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            continue
    tree, grown = {pid}, True
    while grown:
        more = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= more
        grown = bool(more)
    total = 0.0
    for member in tree:
        try:
            total += cpu_seconds(member)
        except OSError:
            continue
    return total


def wait_until_loaded(replicas: list[Replica], seconds: float = 180) -> None:
    """With several workers `/readyz` answers as soon as one has loaded: wait until all of them have
    (the replicas' CPU stops climbing), so none is still loading its index during the run."""
    deadline, before = time.monotonic() + seconds, -1.0
    while time.monotonic() < deadline:
        now = sum(tree_cpu_seconds(r.process.pid) for r in replicas if r.process)
        if 0 <= now - before < 0.2:
            return
        before = now
        time.sleep(1)


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / os.sysconf("SC_CLK_TCK"), sum(values) / os.sysconf("SC_CLK_TCK")


def machine() -> str:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, load average {load}"


async def run(
    replicas: list[Replica],
    users: int,
    seconds: float,
    think: float,
    asked: set[tuple[str, str]] | None = None,
    name: str = "run",
) -> Recorder:
    """`asked`: the (replica, question) pairs sent before this run (its warm-up), counted as repeats."""
    record = Recorder()
    record.asked = set(asked or ())
    questions = question_pool()
    stop_at = time.perf_counter() + seconds
    await asyncio.gather(*(user(i, replicas, questions, stop_at, think, record, name) for i in range(users)))
    return record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1, help="processes per replica (`policybot serve --workers`)")
    parser.add_argument(
        "--think-ms", default="1000,0", help="mean pause of a user between turns, one run per value (0: none)"
    )
    parser.add_argument(
        "--database-url",
        help="an existing database: PostgreSQL, or sqlite:///FILE (replicas share the file; default: a throwaway "
        "PostgreSQL cluster)",
    )
    args = parser.parse_args()

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="policybot-scaleout-")))
        if args.database_url:
            database_url = args.database_url
        else:
            cluster = stack.enter_context(running_cluster())
            database_url = cluster.create_database("bench")
        data_dir = tmp / "data"
        _ = Services(Settings(data_dir=data_dir)).knowledge  # build the index once; the replicas attach to it
        env = replica_env(data_dir, database_url)
        replicas = stack.enter_context(running_replicas(args.replicas, env, tmp, args.workers))
        if args.workers > 1:
            wait_until_loaded(replicas)
        database = "SQLite (one file)" if database_url.startswith("sqlite") else "PostgreSQL"
        print(f"{args.replicas} replicas × {args.workers} workers on {database}, {args.users} users, "
              f"{args.seconds:.0f} s per run; {machine()}", flush=True)  # fmt: skip
        clean = True
        asked: set[tuple[str, str]] = set()  # every run's questions stay kept by the replicas for the next
        for think_ms in (float(value) for value in args.think_ms.split(",")):
            warmup = asyncio.run(run(replicas, args.users, args.warmup, think_ms / 1000, asked, f"warm-up {think_ms}"))
            asked |= warmup.asked
            started, client_cpu, busy = time.perf_counter(), time.process_time(), machine_busy()
            server_cpu = sum(tree_cpu_seconds(r.process.pid) for r in replicas if r.process)
            record = asyncio.run(run(replicas, args.users, args.seconds, think_ms / 1000, asked, f"run {think_ms}"))
            asked |= record.asked
            elapsed = time.perf_counter() - started
            clean &= report(f"think time {think_ms:.0f} ms", record, elapsed, think_ms == TARGET_THINK_MS)
            turns = max(1, sum(len(v) for v in record.latencies.values()))
            server_cpu = sum(tree_cpu_seconds(r.process.pid) for r in replicas if r.process) - server_cpu
            busy_now = machine_busy()
            print(f"CPU: machine {100 * (busy_now[0] - busy[0]) / (busy_now[1] - busy[1]):.0f}% busy; replicas "
                  f"{1000 * server_cpu / turns:.1f} ms per turn; this load generator "
                  f"{1000 * (time.process_time() - client_cpu) / turns:.1f} ms per turn", flush=True)  # fmt: skip
    return 0 if clean else 1


def report(label: str, record: Recorder, elapsed: float, has_target: bool) -> bool:
    every = [v for values in record.latencies.values() for v in values]
    print(f"-- {label}")
    if not every:
        print("no turn completed", *record.errors[:5], sep="\n")
        return False
    print(row("all turns", every, elapsed))
    for kind in ("policy question", "button", "description", "command"):
        if record.latencies[kind]:
            print(row(kind, record.latencies[kind], elapsed))
    policy = record.latencies["policy question"]
    policy_p95 = percentile(policy, 0.95) if policy else float("nan")
    if has_target:
        met = not record.errors and policy_p95 <= TARGET_P95_MS
        verdict = f"(target ≤ {TARGET_P95_MS:.0f} ms): {'targets met' if met else 'targets MISSED'}"
    else:
        verdict = f"(the target, ≤ {TARGET_P95_MS:.0f} ms, is for {TARGET_THINK_MS:.0f} ms pauses)"
    print(f"errors: {len(record.errors)}; policy question p95 {policy_p95:.1f} ms {verdict}", flush=True)
    if policy:
        # An upper bound on the answer cache's hits: a replica keeps the answer to a question it was asked
        # before (the same words, place and day); with --workers N the repeat may reach another worker.
        repeats, answered = 100 * record.repeats / len(policy), 100 * record.answered / len(policy)
        print(f"policy questions: {record.repeats} of {len(policy)} asked before on the same replica (answer cache "
              f"hits at most {repeats:.1f} %); answered {answered:.0f} % ({len(question_pool())} questions in the "
              "pool)", flush=True)  # fmt: skip
    for error in record.errors[:10]:
        print("  ", error)
    return not record.errors


if __name__ == "__main__":
    sys.exit(main())
