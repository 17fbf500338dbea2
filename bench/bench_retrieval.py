"""Retrieval benchmark (issue 2, §7): our retriever against a plain jieba + BM25 baseline over the
same clauses, on the dev and holdout golden sets, plus latency, ingest time and peak RSS.

    python bench/bench_retrieval.py                      # lexical + hashing store (the default)
    python bench/bench_retrieval.py --model PATH         # also: dense fusion with a local model

The baseline is deliberately plain: jieba's own dictionary (none of our policy terms), `lcut`
tokens minus whitespace and punctuation, bm25s over clause texts, no glossary, no region
handling, no sentence grain, and it never abstains. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import cycle, islice
from pathlib import Path

import bm25s
import jieba
import numpy as np

from bot.services import Services
from bot.settings import Settings
from knowledge.clauses import Clause
from knowledge.evaluation import GOLDEN_DIR, GoldenQuestion, Metrics, evaluate, load_golden
from knowledge.tuning import DEFAULT_WEIGHTS, answerer_with_weight, choose, try_weights

sys.path.insert(0, str(Path(__file__).resolve().parent))

from latency import load_average, machine, p50, p95, print_latency, warm_figures

GOLDEN = GOLDEN_DIR
MIN_TIMED_QUERIES = 300


@dataclass(frozen=True)
class Quality:
    in_scope: int
    hit_at_1: float
    hit_at_3: float
    mrr: float
    abstain_precision: float | None
    abstain_recall: float
    false_abstain_rate: float


def from_metrics(m: Metrics) -> Quality:
    return Quality(
        m.in_scope, m.hit_at_1, m.hit_at_3, m.mrr, m.abstain_precision, m.abstain_recall, m.false_abstain_rate
    )


class PlainBaseline:
    """jieba `lcut` + BM25 over clause texts; answers every question with its top clause."""

    def __init__(self, clauses: tuple[Clause, ...], scope: Callable[[str], set[str]] | None = None) -> None:
        self._jieba = jieba.Tokenizer()  # its own dictionary: our policy terms stay out of it
        self._jieba.initialize()
        self._ids = [c.id for c in clauses]
        self._documents = [c.document_id for c in clauses]
        self._scope = scope
        self._bm25 = bm25s.BM25()
        self._bm25.index([self.tokens(c.text) for c in clauses], show_progress=False)

    def tokens(self, text: str) -> list[str]:
        return [t for t in self._jieba.lcut(text) if t.strip() and not _is_punctuation(t)]

    def ranking(self, question: str) -> list[str]:
        scores = np.asarray(self._bm25.get_scores(self.tokens(question)), dtype=float)
        order = [int(i) for i in np.argsort(-scores, kind="stable")]
        if self._scope is not None:
            documents = self._scope(question)
            order.sort(key=lambda i: self._documents[i] not in documents)  # stable: named region first
        return [self._ids[i] for i in order]

    def quality(self, golden: list[GoldenQuestion]) -> Quality:
        ranks: list[int | None] = []
        for item in golden:
            if item.kind != "in_scope":
                continue
            ranking = self.ranking(item.question)
            ranks.append(next((r for r, cid in enumerate(ranking, 1) if cid in item.expect), None))
        n = max(len(ranks), 1)
        return Quality(
            in_scope=len(ranks),
            hit_at_1=sum(1 for r in ranks if r == 1) / n,
            hit_at_3=sum(1 for r in ranks if r is not None and r <= 3) / n,
            mrr=sum(1.0 / r for r in ranks if r) / n,
            abstain_precision=None,  # it never abstains
            abstain_recall=0.0,
            false_abstain_rate=0.0,
        )


def _is_punctuation(token: str) -> bool:
    return all(unicodedata.category(ch).startswith(("P", "S", "Z")) for ch in token)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def latency_ms(
    run: Callable[[str], object], questions: list[str], warmup: int | None = None
) -> tuple[float, float, int]:
    """Warm p50/p95 in milliseconds of a ranking with no memo (the plain baseline): untimed warm-up (default one
    pass), then MIN_TIMED_QUERIES or more, cycling through the questions."""
    for question in questions[:warmup]:
        run(question)
    timed = list(islice(cycle(questions), max(MIN_TIMED_QUERIES, len(questions))))
    samples = []
    for question in timed:
        started = time.perf_counter()
        run(question)
        samples.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49], cuts[94], len(samples)


def print_quality(rows: list[tuple[str, str, Quality]]) -> None:
    print(
        f"{'system':<30} {'split':<8} {'n':>4} {'hit@1':>6} {'hit@3':>6} {'MRR':>6} "
        f"{'abst.P':>6} {'abst.R':>6} {'false-abst':>10}"
    )
    for system, split, q in rows:
        precision = "  n/a" if q.abstain_precision is None else f"{q.abstain_precision:.3f}"
        print(
            f"{system:<30} {split:<8} {q.in_scope:>4} {q.hit_at_1:>6.3f} {q.hit_at_3:>6.3f} {q.mrr:>6.3f} "
            f"{precision:>6} {q.abstain_recall:>6.3f} {q.false_abstain_rate:>10.3f}"
        )


def bench_default(splits: dict[str, list[GoldenQuestion]], questions: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="policybot-bench-") as tmp:
        started = time.perf_counter()
        kb = Services(Settings(data_dir=Path(tmp), embedding_model=None, chroma_url=None)).knowledge
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        kb = Services(Settings(data_dir=Path(tmp), embedding_model=None, chroma_url=None)).knowledge
        reopen_s = time.perf_counter() - started

        started = time.perf_counter()
        baseline = PlainBaseline(kb.registry.clauses)
        baseline_index_s = time.perf_counter() - started

        def documents_in_scope(question: str) -> set[str]:
            jurisdictions = set(kb.retriever.scope_of(kb.analyzer.analyze(question)))
            return {d.id for d in kb.registry.documents.values() if d.jurisdiction in jurisdictions}

        regional = PlainBaseline(kb.registry.clauses, documents_in_scope)

        # Before the quality pass, which asks every question and would leave the question-keyed memos warm.
        print_latency(kb.answerer, kb.registry.clauses, questions, Path(tmp), warm=kb.warm)
        print()
        rows = []
        for split, golden in splits.items():
            rows.append(
                (
                    f"ours ({kb.embedder.name}, w={kb.retriever.config.dense_weight:g})",
                    split,
                    from_metrics(evaluate(kb.answerer, golden)[0]),
                )
            )
            rows.append(("baseline jieba+BM25", split, baseline.quality(golden)))
            rows.append(("baseline + our region filter", split, regional.quality(golden)))
        print_quality(rows)

        b50, b95, bn = latency_ms(baseline.ranking, questions)
        print()
        print(
            f"ours: ingest of the 5 documents into a fresh data dir {ingest_s:.2f} s "
            f"(parse, normalize, Chroma write, BM25); reopen existing index {reopen_s:.2f} s"
        )
        print(
            f"baseline: index build {baseline_index_s:.2f} s; warm retrieve p50 {b50:.1f} ms, "
            f"p95 {b95:.1f} ms over {bn} queries"
        )
        print(f"peak RSS so far: {peak_rss_mb():.0f} MB")


def bench_model(model: str, splits: dict[str, list[GoldenQuestion]], questions: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="policybot-bench-model-") as tmp:
        started = time.perf_counter()
        kb = Services(Settings(data_dir=Path(tmp), embedding_model=model)).knowledge
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        trials = try_weights(kb, splits["dev"], DEFAULT_WEIGHTS)
        tuning_s = time.perf_counter() - started
        chosen = choose(trials)
        print(
            "dense_weight on dev: "
            + "  ".join(f"{t.dense_weight:g}→{t.metrics.hit_at_1:.3f}{'*' if t is chosen else ''}" for t in trials)
            + "   (hit@1, * = chosen)"
        )
        answerer = answerer_with_weight(kb, chosen.dense_weight)
        # Timed before the quality pass, on questions tuning did not ask (dev's are warm in the question-keyed
        # memos), half at the chosen weight and the other half at a forced one: each question asked once.
        fresh = [q for q in questions if q not in {item.question for item in splits["dev"]}]
        half = len(fresh) // 2
        chosen_path = warm_figures(answerer, kb.registry.clauses, fresh[:half])[0]
        forced = min(t.dense_weight for t in trials if t.dense_weight > 0)
        forced_path = warm_figures(answerer_with_weight(kb, forced), kb.registry.clauses, fresh[half:])[0]
        rows = [
            (
                f"ours ({kb.embedder.name}, w={chosen.dense_weight:g})",
                split,
                from_metrics(evaluate(answerer, golden)[0]),
            )
            for split, golden in splits.items()
        ]
        print_quality(rows)
        print()
        print(
            f"ours+model: ingest into a fresh data dir {ingest_s:.2f} s (incl. model load and embedding); "
            f"tuning {len(trials)} weights on dev {tuning_s:.1f} s"
        )
        for weight, path in ((chosen.dense_weight, chosen_path), (forced, forced_path)):
            print(
                f"ours+model: warm answer path p50 {p50(path.wall):.1f} ms, p95 {p95(path.wall):.1f} ms, "
                f"max {max(path.wall):.1f} ms over {len(path.wall)} distinct questions (w={weight:g}"
                + (", forced: the cost of embedding the question and querying Chroma)" if weight == forced else ")")
            )
        print(f"peak RSS so far: {peak_rss_mb():.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="local sentence-transformers model directory; adds dense fusion")
    args = parser.parse_args(argv)
    splits = {
        "dev": load_golden(GOLDEN / "retrieval.yaml"),
        "dev2": load_golden(GOLDEN / "retrieval_dev2.yaml"),
        "holdout": load_golden(GOLDEN / "retrieval_holdout.yaml"),
    }
    questions = [q.question for golden in splits.values() for q in golden]
    began = time.perf_counter()
    print(f"machine: {machine()}")
    print(f"before: {load_average()} (other work on the machine inflates latency)")
    print(
        f"golden: dev {len(splits['dev'])}, dev2 {len(splits['dev2'])}, holdout {len(splits['holdout'])} questions "
        "(n below = answerable ones; abstain figures over all)"
    )
    print("\n== lexical + hashing store (default settings) vs plain baseline ==")
    bench_default(splits, questions)
    if args.model:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        print(f"\n== with embedding model {args.model} (fusion weight tuned on dev) ==")
        bench_model(args.model, splits, questions)
    print(f"\ntotal bench time {time.perf_counter() - began:.1f} s; {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
