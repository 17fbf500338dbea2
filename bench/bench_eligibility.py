"""Eligibility benchmark: full-profile evaluation time, interview lengths, benefit cases.

Run: `.venv/bin/python bench/bench_eligibility.py`. Prints figures against the issue's targets
(evaluation ≤ 2 ms per full profile, also when only the province is known and two cities are
judged; interviews reach `complete` in ≤ 7 questions (issue 11) on average over the test personas;
every benefit case passes). Not a timed test: it only reports.

`--against REV` (e.g. `--against main`): the timings of commit REV (extracted with `git archive`) and
of this tree, run alternately `--rounds` times in the same minutes, so that both see the same load.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.present.results import benefit_amount  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from eligibility.interview import answers_from, run_interview  # noqa: E402
from eligibility.loading import read_model  # noqa: E402
from eligibility.profile import parse_profile  # noqa: E402
from eligibility.rulebook import CASES_SUFFIX  # noqa: E402
from eligibility.schema import CasesFile  # noqa: E402
from knowledge.regions import load_places  # noqa: E402

PERSONAS = ROOT / "tests" / "eligibility" / "personas.yaml"
REPEATS = 300


def main() -> int:
    started = time.perf_counter()
    services = Services(Settings())
    book = services.rulebook
    engine = services.eligibility
    load_seconds = time.perf_counter() - started
    personas = yaml.safe_load(PERSONAS.read_text(encoding="utf-8"))["personas"]
    print(f"规则库：{len(book.benefits)} 项待遇，{len(book.facts.specs)} 个事实，加载 {load_seconds:.2f} 秒")

    # Provinces not covered themselves that hold covered cities (四川省 → 巴中市, 资阳市), from the gazetteer.
    province_of = {
        city: place.name
        for place in load_places()
        if place.level == 1
        for city in engine.resolver.resolve(place.name).candidates
    }
    unknown_city = book.facts["region"].unknown_city
    timings: list[float] = []
    cpu: list[float] = []
    by_province: dict[str, list[float]] = {"asked": [], "unknown": []}
    by_province_cpu: dict[str, list[float]] = {"asked": [], "unknown": []}
    lengths: list[int] = []
    answered: list[int] = []
    for persona in personas:
        full = parse_profile(persona["profile"], book.facts, persona["as_of"])
        engine.check(full)
        wall, thread = _timed(lambda full=full: engine.check(full))
        timings.append(wall)
        cpu.append(thread)
        jurisdiction = engine.check(full).jurisdiction
        if jurisdiction in province_of:
            province = province_of[jurisdiction]
            said = {"asked": province}
            if unknown_city is not None:
                said["unknown"] = str(unknown_city.value).format(place=province)
            for key, region in said.items():
                only = full.model_copy(update={"values": {**full.values, "region": region}})
                engine.check(only)
                wall, thread = _timed(lambda only=only: engine.check(only))
                by_province[key].append(wall)
                by_province_cpu[key].append(thread)
        start = parse_profile({}, book.facts, persona["as_of"])
        interview = run_interview(engine, start, answers_from(full.values))
        lengths.append(len(interview.asked))
        answered.append(sum(len(q.facts) for q in interview.asked))
        counts = f"{len(interview.asked):>2} 问 / {answered[-1]:>2} 个事实"
        print(f"  {counts}  {timings[-1]:.3f} ms  {persona['name']}")

    print("\n完整资料评估耗时（每人，含地区识别；墙钟 / 本线程CPU）：")
    print(
        f"  中位数 {statistics.median(timings):.3f} / {statistics.median(cpu):.3f} ms，"
        f"最大 {max(timings):.3f} / {max(cpu):.3f} ms（目标 ≤ 2 ms）"
    )
    titles = {
        "asked": "只说省份（判断两个城市，问城市）",
        "unknown": "只说省份、城市答“不清楚”（判断各城市并选下一题）",
    }
    for key, title in titles.items():
        if by_province[key]:
            walls, threads = by_province[key], by_province_cpu[key]
            print(
                f"  {title}，{len(walls)} 人：中位数 {statistics.median(walls):.3f} / "
                f"{statistics.median(threads):.3f} ms，最大 {max(walls):.3f} / {max(threads):.3f} ms"
            )
    print("\n问答到 complete 的题数分布（含地区题；可多选题计 1 题）：")
    for length, count in sorted(Counter(lengths).items()):
        print(f"  {length:>2} 题 {'█' * count} {count}")
    print(
        f"  平均 {statistics.mean(lengths):.2f} 题（目标 ≤ 7），最多 {max(lengths)} 题；"
        f"平均回答 {statistics.mean(answered):.1f} 个事实"
    )

    passed = failed = 0
    for path in book.case_files():
        benefit = book.benefits[f"{path.parent.name}.{path.name.removesuffix(CASES_SUFFIX)}"]
        for case in read_model(path, CasesFile).cases:
            profile = parse_profile(case.input, book.facts, case.as_of)
            result = engine.evaluate(benefit, profile).result
            amount = benefit_amount(result, book.facts)
            ok = result.status == case.expect.status and case.expect.amount in (None, amount)
            passed, failed = passed + ok, failed + (not ok)
            if not ok:
                print(f"  ✗ {benefit.id}: {case.name} → {result.status}")
    print(f"\n待遇用例：{passed} 通过，{failed} 未通过")
    return 0 if failed == 0 else 1


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """Milliseconds per run: wall clock and this thread's CPU time (others' load inflates the first)."""
    begin, begin_cpu = time.perf_counter(), time.thread_time()
    for _ in range(REPEATS):
        run()
    return (time.perf_counter() - begin) / REPEATS * 1000, (time.thread_time() - begin_cpu) / REPEATS * 1000


def compare(revision: str, rounds: int) -> int:
    """Before/after in one run: this bench at `revision` and at this tree, alternately."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True).stdout
    with tempfile.TemporaryDirectory(prefix="bench-eligibility-") as base:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(base, filter="data")
        for round_number in range(1, rounds + 1):
            for label, root in ((revision, Path(base)), ("本工作区", ROOT)):
                load = os.getloadavg()[0]
                done = subprocess.run(
                    [sys.executable, str(root / "bench" / "bench_eligibility.py")],
                    capture_output=True,
                    text=True,
                    cwd=root,
                    check=False,
                )
                print(f"第{round_number}轮 {label}（负载 {load:.1f}）：")
                for line in done.stdout.splitlines():
                    if "中位数" in line or "目标 ≤ 2 ms" in line:
                        print(f"  {line.strip()}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REV", help="also time this commit, alternately with this tree")
    parser.add_argument("--rounds", type=int, default=2)
    arguments = parser.parse_args()
    sys.exit(compare(arguments.against, arguments.rounds) if arguments.against else main())
