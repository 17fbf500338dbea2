"""Figures from the right measure (issue 10): on every amount question with labelled figures, does
the answer show a figure of the asked measure, and does it show a figure of another measure?

    python bench/bench_measures.py [SET_OR_FILE ...] [--rows]

With names (a set of knowledge/golden/ or a YAML file such as bench/probes/answers_probe27.yaml) only
those are measured; `--rows` also prints each question whose answer line shows another measure's figure (never
for an unread held-out set, which is left out unless named: bench/golden_sets.py).
Three views side by side: everything the answer quotes (the asked measures' spans, which also hold
their conditions' figures; until session 41 also a labelled other-region version), what the answer states as
the answer (its first line — "wrong shown" there is a figure
of another measure given as the answer, not counted where it is written inside a longer asked figure: 300元 of
不低于300元/人), and the bare measure matcher's top measure. Dev sets may be tuned on; the
held-out set is only reported. Figures are printed, never asserted.
"""

from __future__ import annotations

import os
import platform
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.present.answers import answer_result
from bot.services import Services
from bot.settings import Settings
from knowledge.errors import QueryError
from knowledge.evaluation import GOLDEN_DIR, GoldenQuestion, load_golden
from knowledge.intent import classify
from knowledge.kb import KnowledgeBase
from knowledge.measure_match import MeasureMatcher
from knowledge.measures import load_measures
from knowledge.query import tokenize

sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden_sets import is_unread

SOURCE_YEAR = re.compile(r"\d{4}年(?:征求意见稿)?文件")  # names the document, not a figure

SETS = {
    "dev": "answers_dev",
    "dev3": "answers_dev3",
    "dev40": "answers_dev40",
    "held-out": "answers_holdout",
    "held-out 2": "answers_holdout2",
    "held-out 3": "answers_holdout3",
    "held-out 4": "answers_holdout4",
    "held-out 5": "answers_holdout5",
    "held-out 6": "answers_holdout6",
    "held-out 7": "answers_holdout7",
    "held-out 8": "answers_holdout8",
    "held-out 9": "answers_holdout9",
    "held-out 10": "answers_holdout10",
    "held-out 11": "answers_holdout11",
    "held-out 12": "answers_holdout12",
    "held-out 13": "answers_holdout13",
    "held-out 14": "answers_holdout14",
    "held-out 15": "answers_holdout15",
    "held-out 16": "answers_holdout16",
    "held-out 17": "answers_holdout17",
    "held-out 18": "answers_holdout18",
    "held-out 19": "answers_holdout19",
    "held-out 20": "answers_holdout20",
    "held-out 21": "answers_holdout21",
    "held-out 22": "answers_holdout22",
    "held-out 23": "answers_holdout23",
    "held-out 24": "answers_holdout24",
    "held-out 25": "answers_holdout25",
    "held-out 26": "answers_holdout26",
    "held-out 27": "answers_holdout27",
    "held-out 28": "answers_holdout28",
    "held-out 29": "answers_holdout29",
    "held-out 30": "answers_holdout30",
    "held-out 31": "answers_holdout31",
    "held-out 32": "answers_holdout32",
    "held-out 33": "answers_holdout33",
    "held-out 34": "answers_holdout34",
    "held-out 35": "answers_holdout35",
    "held-out 36": "answers_holdout36",
    "held-out 37": "answers_holdout37",
    "held-out 38": "answers_holdout38",
    "held-out 39": "answers_holdout39",
    "held-out 40": "answers_holdout40",
    "held-out 41": "answers_holdout41",
    "held-out 42": "answers_holdout42",
    "held-out 43": "answers_holdout43",
}


@dataclass
class Tally:
    questions: int = 0
    right: int = 0
    wrong_shown: int = 0
    none_when_none: int = 0
    none_expected: int = 0

    def line(self, name: str) -> str:
        with_figures = self.questions - self.none_expected
        right = self.right / with_figures if with_figures else 0.0
        honest = self.none_when_none / self.none_expected if self.none_expected else 0.0
        return f"{name:<22} {self.questions:>4} {right:>14.3f} {self.wrong_shown:>12} {honest:>18.3f}"


def shown_by_answerer(kb: KnowledgeBase, item: GoldenQuestion) -> str:
    try:
        answer = kb.answerer.answer(item.question)
    except QueryError:
        return ""
    return "\n".join(c.quote for c in answer.citations)


def answer_line(kb: KnowledgeBase, item: GoldenQuestion) -> str:
    """What the answer states as the answer: its first line(s) (no other region's figure is among them since
    session 41), less the lines after a figure that say a tier raised for those who meet a condition the question
    does not tell (对留用…的，…110%: said with its condition, not as the answer — the lead's ruling of session 45);
    for an answer without a measure line, its quotes."""
    try:
        result = answer_result(kb.answerer.answer(item.question))
    except QueryError:
        return ""
    if result.direct_answer is None:
        return "\n".join(c.quote for c in result.citations)
    raised = {f"{tier}。" for measure in result.measures for tier in measure.raised}
    lines = [line for line in result.direct_answer.split("\n") if line not in raised]
    return SOURCE_YEAR.sub("", "\n".join(lines))


def shown_by_matcher(kb: KnowledgeBase, matcher: MeasureMatcher, item: GoldenQuestion) -> str:
    try:
        retrieval = kb.retriever.retrieve(item.question)
    except QueryError:
        return ""
    matches = matcher.match(retrieval, classify(retrieval.analysis.question))
    if not matches:
        return ""
    top = matches[0]
    return "\n".join(top.payable_amounts)


def tally(items: list[GoldenQuestion], shown: callable) -> Tally:  # type: ignore[valid-type]
    result = Tally()
    for item in items:
        result.questions += 1
        text = shown(item)
        if not item.figures:
            result.none_expected += 1
            if not any(ch.isdigit() for ch in text):
                result.none_when_none += 1
        elif any(figure in text for figure in item.figures):
            result.right += 1
        if shown_wrong(text, item):
            result.wrong_shown += 1
    return result


def shown_wrong(text: str, item: GoldenQuestion) -> list[str]:
    """The other measures' figures the text shows — not one written inside a longer asked figure (300元 of
    不低于300元/人, 6个月 of 不超过6个月: the asked measure's own figure, which holds the other's digits)."""
    inside = [
        (at.start(), at.start() + len(figure)) for figure in item.figures for at in re.finditer(re.escape(figure), text)
    ]
    return [
        wrong
        for wrong in item.wrong_figures
        if any(
            not any(start <= at.start() and at.end() <= end and end - start > len(wrong) for start, end in inside)
            for at in re.finditer(re.escape(wrong), text)
        )
    ]


def chosen_sets(names: list[str]) -> dict[str, Path]:
    if not names:  # the unread held-out sets only when named (bench/golden_sets.py)
        return {label: GOLDEN_DIR / f"{name}.yaml" for label, name in SETS.items() if not is_unread(name)}
    return {Path(n).stem: Path(n) if n.endswith(".yaml") else GOLDEN_DIR / f"{n}.yaml" for n in names}


def main(argv: list[str]) -> int:
    rows = "--rows" in argv
    chosen = chosen_sets([a for a in argv if a != "--rows"])
    with tempfile.TemporaryDirectory(prefix="policybot-bench-") as tmp:
        kb = Services(Settings(data_dir=Path(tmp), embedding_model=None, chroma_url=None)).knowledge
        matcher = MeasureMatcher(load_measures(), tokenize, kb.lexical.idf)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"{'system / set':<22} {'n':>4} {'asked figure':>14} {'wrong shown':>12} {'says none honestly':>18}")
        for label, path in chosen.items():
            if not path.is_file():
                continue
            items = [q for q in load_golden(path) if q.kind == "in_scope" and q.intent == "amount"]
            print(tally(items, lambda q: shown_by_answerer(kb, q)).line(f"quotes {label}"))
            print(tally(items, lambda q: answer_line(kb, q)).line(f"answer line {label}"))
            print(tally(items, lambda q: shown_by_matcher(kb, matcher, q)).line(f"measures {label}"))
            if rows and not is_unread(label):  # an unread set: aggregate figures only, never its questions
                for item in items:
                    line = answer_line(kb, item)
                    wrong = shown_wrong(line, item)
                    if wrong:
                        print(f"  {item.id} {item.question} -> another measure's {'/'.join(wrong)}: {line!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
