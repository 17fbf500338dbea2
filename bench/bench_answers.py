"""Answer quality on every golden set, dev and held-out side by side (issue 10's figures), and the answer path's
latency beside a floor measured in the same run:

    python bench/bench_answers.py [SET ...] [--no-latency] [--cold-runs N]

For each set: in-scope questions, hit@1 / hit@3 (the retrieval ranking), cited@1 (the clause the answer
quotes first), false abstains, abstain recall, region accuracy, and the questions about a place no document covers that
are told so (region-not-covered). Lexical mode, no model. Dev sets may be
tuned on; held-out sets (`*holdout*`) are only reported. Without names, every registered set except the
unread held-out sets (bench/golden_sets.py: `UNREAD_SETS` of knowledge/evaluation.py, else the newest
registered); a named unread set shows its row of aggregate figures only, and its questions are not timed.
Latency (bench/latency.py): cold and warm, each call composed afresh. Figures are printed, never asserted;
the figure-level view (the asked figure in the answer's first line, another measure's figure) is
bench/bench_measures.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.services import Services
from bot.settings import Settings
from knowledge.answer_model import AnswerStatus
from knowledge.evaluation import GOLDEN_DIR, evaluate, load_golden

sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden_sets import default_sets, is_unread, unread_sets
from latency import COLD_RUNS, load_average, machine, print_latency

COLUMNS = ("n", "hit@1", "hit@3", "cited@1", "false abst.", "abst. recall", "region", "not covered")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="golden sets of knowledge/golden/ (default: every set read)")
    parser.add_argument("--no-latency", action="store_true", help="answer figures only")
    parser.add_argument("--cold-runs", type=int, default=COLD_RUNS, help="fresh processes timed for a first call")
    args = parser.parse_args(argv)
    names = args.sets or default_sets()
    with tempfile.TemporaryDirectory(prefix="policybot-bench-") as tmp:
        kb = Services(Settings(data_dir=Path(tmp), embedding_model=None, chroma_url=None)).knowledge
        print(f"machine: {machine()}; {load_average()}")
        held_back = [n for n in unread_sets() if n not in names]
        if held_back:
            print(f"held back (unread held-out, not shown unless named): {', '.join(held_back)}")
        sets = {
            name: load_golden(GOLDEN_DIR / f"{name}.yaml") for name in names if (GOLDEN_DIR / f"{name}.yaml").is_file()
        }
        timed = [q.question for name, golden in sets.items() if not is_unread(name) for q in golden]
        if not args.no_latency and timed:
            # Before the quality pass: it asks every question, which would leave the question-keyed memos warm.
            print_latency(kb.answerer, kb.registry.clauses, timed, Path(tmp), args.cold_runs, warm=kb.warm)
            print()
        print(f"{'set':<30}" + "".join(f"{c:>13}" for c in COLUMNS))
        for name in names:
            if name not in sets:
                print(f"{name:<30} (no such set)")
                continue
            metrics, outcomes = evaluate(kb.answerer, sets[name])
            uncovered = [o for o in outcomes if o.item.kind == "region_not_covered"]
            recognised = sum(1 for o in uncovered if o.status is AnswerStatus.REGION_NOT_COVERED)
            cells = (
                metrics.hit_at_1,
                metrics.hit_at_3,
                metrics.cited_at_1,
                metrics.false_abstain_rate,
                metrics.abstain_recall,
                metrics.region_accuracy,
            )
            kind = "unread" if is_unread(name) else "held-out" if "holdout" in name else "dev"
            label = f"{name} ({kind})"
            share = f"{recognised}/{len(uncovered)}" if uncovered else "-"
            print(f"{label:<30}{metrics.in_scope:>13}" + "".join(f"{c:>13.3f}" for c in cells) + f"{share:>13}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
