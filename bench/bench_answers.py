"""Answer quality on every golden set, dev and held-out side by side (issue 10's figures):

    python bench/bench_answers.py [SET ...]

For each set: in-scope questions, hit@1 / hit@3 (the retrieval ranking), cited@1 (the clause the answer
quotes first), false abstains, abstain recall, region accuracy, and the questions about a place no document covers that
are told so (region-not-covered). Lexical mode, no model. Dev sets may be
tuned on; held-out sets (`*holdout*`) are only reported. Figures are printed, never asserted; the
figure-level view (the asked figure in the answer's first line, another measure's figure) is
bench/bench_measures.py.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.services import Services
from bot.settings import Settings
from knowledge.answer_model import AnswerStatus
from knowledge.evaluation import DEV_SETS, GOLDEN_DIR, HOLDOUT_SETS, evaluate, load_golden

COLUMNS = ("n", "hit@1", "hit@3", "cited@1", "false abst.", "abst. recall", "region", "not covered")


def main(argv: list[str]) -> int:
    names = argv or [*DEV_SETS, *HOLDOUT_SETS]
    with tempfile.TemporaryDirectory(prefix="policybot-bench-") as tmp:
        kb = Services(Settings(data_dir=Path(tmp), embedding_model=None, chroma_url=None)).knowledge
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"{'set':<30}" + "".join(f"{c:>13}" for c in COLUMNS))
        for name in names:
            path = GOLDEN_DIR / f"{name}.yaml"
            if not path.is_file():
                print(f"{name:<30} (no such set)")
                continue
            metrics, outcomes = evaluate(kb.answerer, load_golden(path))
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
            label = f"{name} ({'held-out' if 'holdout' in name else 'dev'})"
            share = f"{recognised}/{len(uncovered)}" if uncovered else "-"
            print(f"{label:<30}{metrics.in_scope:>13}" + "".join(f"{c:>13.3f}" for c in cells) + f"{share:>13}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
