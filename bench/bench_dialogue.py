"""Dialogue benchmark: 50 simulated users × 20 turns against the core, with a real SQLite store.

Run: `.venv/bin/python bench/bench_dialogue.py [--users 50] [--turns 20] [--workers 8]`. The users run
concurrently on a bounded pool of threads, each turn through `Conversations.handle` — load, core, commit —
mixing policy questions, a self-description, its confirmation, button answers, typed answers, a
correction and clause buttons. Prints errors, throughput and the reply-time percentiles of the
core (in-process, no store) and of a whole turn (with the SQLite commit); the issue's target is
p95 ≤ 50 ms for a policy question in the core. Not a timed test: tests/dialogue/test_concurrency.py
runs `simulate` and asserts only that no turn failed and every turn got a reply.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.dialogue.core import Dialogue  # noqa: E402
from bot.dialogue.service import Conversations, session_key  # noqa: E402
from bot.dialogue.store import SqlSessionStore  # noqa: E402
from bot.dialogue.types import Outcome, Reply, SessionState, Turn  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.settings import Settings  # noqa: E402

TODAY = date(2020, 6, 1)
QUESTIONS = [
    "长春开店有补贴吗？",
    "巴中返乡创业有什么扶持政策？",
    "平顶山失业保险金领完了还有补助吗？",
    "资阳贫困家庭创业担保贷款最多能贷多少？",
    "商洛就业困难人员有什么帮扶？",
    "延吉大学生找工作有求职补贴吗？",
    "吉林省技能提升补贴怎么领？",
    "灵活就业社保补贴有哪些条件？",
]
DESCRIPTIONS = [
    "我是2019年毕业的大学生，在长春开了个小店一年多了，交了社保",
    "我在巴中跑外卖，家里是低保户",
    "我在平顶山，失业了，领失业金领完了，离退休还有半年",
    "我在延吉，高中毕业，在厂里上班，参加失业保险三年半了，有中级工证书",
    "我是农民工，从广东回来老家资阳创业",
    "我在商洛，下岗两年了",
]


def typed_answer(fact: str | None) -> str:
    if fact == "region":
        return "长春"
    if fact and fact.endswith("_date"):
        return "2019年6月"
    if fact and fact.endswith("_months"):
        return "一年多"
    return "三年半" if fact and fact.endswith("_years") else "不清楚"


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    turns: int = 0
    replied: int = 0
    core_ms: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    turn_ms: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class TimedDialogue:
    """The real core, timed per call and labelled by what the turn was (policy question or not)."""

    def __init__(self, dialogue: Dialogue, report: Report) -> None:
        self.dialogue = dialogue
        self.report = report

    def respond(self, state: SessionState, turn: Turn, today: date) -> Outcome:
        started = time.perf_counter()
        outcome = self.dialogue.respond(state, turn, today)
        elapsed = (time.perf_counter() - started) * 1000
        label = "policy question" if any(r.kind == "answer" for r in outcome.replies) else "other turns"
        with self.report.lock:
            self.report.core_ms[label].append(elapsed)
        return outcome


def next_turn(user: int, number: int, last: tuple[Reply, ...]) -> Turn:
    """What simulated user `user` does at turn `number`, given the bot's last replies."""
    if number == 0:
        return Turn(text="/start")
    if number in (1, 8, 18):
        return Turn(text=QUESTIONS[(user + number) % len(QUESTIONS)])
    if number == 2:
        return Turn(text=DESCRIPTIONS[user % len(DESCRIPTIONS)])
    if number == 12:
        return Turn(text="/profile")
    if number == 14:
        return Turn(text="我参保其实是5年")
    actions = [b.action for r in last for row in r.buttons for b in row]
    if "ok" in actions:
        return Turn(action="ok")
    if number in (16, 19):
        clauses = [a for a in actions if a.startswith("clause:")]
        if clauses:
            return Turn(action=clauses[user % len(clauses)])
    question = next((r for r in reversed(last) if r.kind == "question"), None)
    if question is not None and question.multi_select:
        return Turn(action=f"done:{question.asks}")
    if question is not None and question.free_text:
        return Turn(text=typed_answer(question.asks))
    if question is not None and question.buttons:
        return Turn(action=question.buttons[0][0].action)
    return Turn(text=QUESTIONS[(user * 7 + number) % len(QUESTIONS)])


def run_user(conversations: Conversations, user: int, turns: int, report: Report) -> None:
    key = session_key("bench", user)
    last: tuple[Reply, ...] = ()
    for number in range(turns):
        turn = next_turn(user, number, last)
        started = time.perf_counter()
        try:
            last = conversations.handle(key, turn)
        except Exception as exc:
            with report.lock:
                report.errors.append(f"user {user} turn {number} {turn!r}: {type(exc).__name__}: {exc}")
            last = ()
            continue
        elapsed = (time.perf_counter() - started) * 1000
        with report.lock:
            report.turns += 1
            report.replied += 1 if last and all(r.text.strip() for r in last) else 0
            report.turn_ms.append(elapsed)


def simulate(dialogue: Dialogue, database_url: str, users: int = 50, turns: int = 20, workers: int = 8) -> Report:
    report = Report()
    store = SqlSessionStore(database_url)
    conversations = Conversations(TimedDialogue(dialogue, report), store, clock=lambda: TODAY)  # type: ignore[arg-type]
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(run_user, conversations, user, turns, report) for user in range(users)]
            for future in futures:
                future.result(timeout=600)
    finally:
        store.close()
    return report


def sequential_policy_ms(dialogue: Dialogue, repeats: int = 25) -> list[float]:
    """The core alone, one turn at a time: a policy question from a fresh and from a known person."""
    known = SessionState(profile={"region": "长春市", "employment_status": "self_employed"})
    timings: list[float] = []
    for question in QUESTIONS:
        dialogue.respond(SessionState(), Turn(text=question), TODAY)
    for _ in range(repeats):
        for question in QUESTIONS:
            for state in (SessionState(), known):
                started = time.perf_counter()
                dialogue.respond(state, Turn(text=question), TODAY)
                timings.append((time.perf_counter() - started) * 1000)
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--workers", type=int, default=8, help="threads serving the users (bounded concurrency)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        dialogue = Services(Settings(data_dir=Path(tmp) / "data")).dialogue
        print(f"知识库与对话核心就绪：{time.perf_counter() - started:.2f} 秒")
        started = time.perf_counter()
        report = simulate(dialogue, f"sqlite:///{Path(tmp) / 'sessions.sqlite3'}", args.users, args.turns, args.workers)
        seconds = time.perf_counter() - started
        alone = sequential_policy_ms(dialogue)
    total = args.users * args.turns
    print(f"\n{args.users} 个用户 × {args.turns} 轮 = {total} 轮，{args.workers} 个线程，SQLite 文件存储")
    print(f"  完成 {report.turns} 轮，有回复 {report.replied} 轮，错误 {len(report.errors)} 个")
    for error in report.errors[:10]:
        print(f"    {error}")
    print(f"  用时 {seconds:.2f} 秒，吞吐 {report.turns / seconds:.0f} 轮/秒")
    print(f"\n对话核心回复耗时（进程内，不含存储；{args.workers} 个线程并发时含等待 GIL 的时间）：")
    for label, values in sorted(report.core_ms.items()):
        print(
            f"  {label:<16} n={len(values):>4}  p50 {statistics.median(values):6.2f} ms  "
            f"p95 {percentile(values, 0.95):6.2f} ms  max {max(values):6.2f} ms"
        )
    print(
        f"  policy question, one at a time  n={len(alone)}  p50 {statistics.median(alone):.2f} ms  "
        f"p95 {percentile(alone, 0.95):.2f} ms  （目标：政策问题 p95 ≤ 50 ms）"
    )
    print("\n整轮耗时（加载会话 + 核心 + SQLite 提交）：")
    print(f"  p50 {statistics.median(report.turn_ms):.2f} ms  p95 {percentile(report.turn_ms, 0.95):.2f} ms")
    return 0 if not report.errors and report.turns == total else 1


if __name__ == "__main__":
    sys.exit(main())
