"""Golden-set evaluation shared by the test suite, the benchmark and `policybot tune`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, field_validator

from knowledge.answer import Answerer
from knowledge.answer_model import AnswerStatus
from knowledge.errors import QueryError
from knowledge.normalize import as_in_clauses
from knowledge.retrieve import Retrieval

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
"""The golden sets, shipped with the package: `retrieval.yaml` and `retrieval_dev2.yaml` are the dev
sets (tuned on); files named `*holdout*` are never tuned on and only reported."""

DEV_SETS = ("retrieval", "retrieval_dev2", "answers_dev", "answers_dev3", "answers_dev4", "answers_dev40")
HOLDOUT_SETS = (
    "retrieval_holdout",
    "answers_holdout",
    "answers_holdout2",
    "answers_holdout3",
    "answers_holdout4",
    "answers_holdout5",
    "answers_holdout6",
    "answers_holdout7",
    "answers_holdout8",
    "answers_holdout9",
    "answers_holdout10",
    "answers_holdout11",
    "answers_holdout12",
    "answers_holdout13",
    "answers_holdout14",
    "answers_holdout15",
    "answers_holdout16",
    "answers_holdout17",
    "answers_holdout18",
    "answers_holdout19",
    "answers_holdout20",
    "answers_holdout21",
    "answers_holdout22",
    "answers_holdout23",
    "answers_holdout24",
    "answers_holdout25",
    "answers_holdout26",
    "answers_holdout27",
    "answers_holdout28",
    "answers_holdout29",
    "answers_holdout30",
    "answers_holdout31",
    "answers_holdout32",
    "answers_holdout33",
    "answers_holdout34",
    "answers_holdout35",
    "answers_holdout36",
    "answers_holdout37",
    "answers_holdout38",
    "answers_holdout39",
    "answers_holdout40",
    "answers_holdout41",
    "answers_holdout42",
    "answers_holdout43",
)

# The held-out sets nobody has opened yet: benches print their aggregate figures only when named (bench/golden_sets.py);
# each session moves the one it opens out of here and registers its new unread set.
UNREAD_SETS = ("answers_holdout43",)

Intent = Literal["amount", "eligibility", "conditions", "what", "department", "procedure", "status", "other"]


class GoldenQuestion(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    question: str
    kind: Literal["in_scope", "out_of_scope", "region_not_covered"]
    expect: tuple[str, ...] = ()
    region: str | None = None
    note: str | None = None
    # What is asked, and the verbatim figures a right answer shows (answers_holdout.yaml).
    intent: Intent | None = None
    figures: tuple[str, ...] = ()
    wrong_figures: tuple[str, ...] = ()

    @field_validator("figures", "wrong_figures")
    @classmethod
    def _as_answers_write_them(cls, figures: tuple[str, ...]) -> tuple[str, ...]:
        # Writers copy figures from the source texts (吉林's are traditional: 80萬元; 8:2; "1 年以上");
        # answers quote the normalized clause text. Compared the way the clauses write them.
        return tuple(as_in_clauses(f) for f in figures)


def load_golden(path: Path) -> list[GoldenQuestion]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return TypeAdapter(list[GoldenQuestion]).validate_python(data)


def golden_set(name: str) -> list[GoldenQuestion]:
    """One shipped golden set by name (`retrieval`, `retrieval_dev2`, `retrieval_holdout`, …)."""
    return load_golden(GOLDEN_DIR / f"{name}.yaml")


def is_holdout(path: Path) -> bool:
    return "holdout" in path.name


@dataclass(frozen=True)
class Outcome:
    item: GoldenQuestion
    status: AnswerStatus
    rank: int | None
    top: tuple[str, ...]
    region: str | None
    partial: bool = False
    cited: tuple[str, ...] = ()

    @property
    def abstained(self) -> bool:
        return self.status != AnswerStatus.ANSWERED

    @property
    def refused(self) -> bool:
        """Abstained without offering the asked measure. A partial answer — the measure quoted, with
        "文件没有写明具体金额" — is the honest answer when the documents state no figure, so for an
        in-scope question it is not a false abstention (and for a must-abstain one it still abstains)."""
        return self.abstained and not self.partial


@dataclass(frozen=True)
class Metrics:
    in_scope: int
    hit_at_1: float
    hit_at_3: float
    mrr: float
    false_abstain_rate: float
    abstain_recall: float
    abstain_precision: float
    abstain_kind_accuracy: float
    region_accuracy: float
    # What users see: the clauses the answer quotes (first, first three), not the retrieval ranking.
    cited_at_1: float = 0.0
    cited_at_3: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return {k: round(float(v), 4) for k, v in self.__dict__.items()}


def first_rank(retrieval: Retrieval, expected: tuple[str, ...]) -> int | None:
    for position, item in enumerate(retrieval.ranked, start=1):
        if item.clause.id in expected:
            return position
    return None


def evaluate(
    answerer: Answerer,
    golden: list[GoldenQuestion],
    retrieve: Callable[[str], Retrieval] | None = None,
) -> tuple[Metrics, list[Outcome]]:
    outcomes: list[Outcome] = []
    for item in golden:
        try:
            retrieval = retrieve(item.question) if retrieve else answerer.retrieve(item.question)
        except QueryError:  # refused politely (e.g. Latin text we cannot read): an abstention
            outcomes.append(Outcome(item, AnswerStatus.NO_ANSWER, None, (), None))
            continue
        decision = answerer.decide(retrieval)
        status = decision.status
        region = retrieval.analysis.region
        # The region the answer reports: the question's, or — it naming none — the one place whose
        # documents answer it (Answerer.answered_in).
        reported = (
            region.place if region.names_a_place and not region.covered else answerer.answered_in(retrieval, decision)
        )
        rank = first_rank(retrieval, item.expect) if item.expect else None
        cited = tuple(dict.fromkeys(item.clause.id for item, _ in decision.quoted))
        if decision.documents:
            # A document-status answer (正式发布了吗, 哪年发的) speaks of whole documents from their
            # metadata; it is judged by document: right when it names the expected clause's document.
            named = [c for c in item.expect if _document_of(answerer, c) in decision.documents]
            rank = 1 if named else None
            cited = tuple(named[:1])
        outcomes.append(
            Outcome(
                item=item,
                status=status,
                rank=rank,
                top=tuple(s.clause.id for s in retrieval.ranked[:3]),
                region=reported,
                partial=decision.missing is not None and bool(decision.quoted),
                cited=cited,
            )
        )
    return summarize(outcomes), outcomes


def _document_of(answerer: Answerer, clause_id: str) -> str | None:
    try:
        return answerer.registry.document_id_of(clause_id)
    except KeyError:
        return None


def summarize(outcomes: list[Outcome]) -> Metrics:
    scoped = [o for o in outcomes if o.item.kind == "in_scope"]
    negatives = [o for o in outcomes if o.item.kind != "in_scope"]
    abstained = [o for o in outcomes if o.abstained]
    true_abstains = [o for o in abstained if o.item.kind != "in_scope"]
    kind_correct = [
        o
        for o in negatives
        if (o.item.kind == "region_not_covered" and o.status == AnswerStatus.REGION_NOT_COVERED)
        or (o.item.kind == "out_of_scope" and o.abstained)
    ]
    with_region = [o for o in outcomes if o.item.region and o.item.kind != "region_not_covered"]
    n = max(len(scoped), 1)
    return Metrics(
        in_scope=len(scoped),
        hit_at_1=sum(1 for o in scoped if o.rank == 1) / n,
        hit_at_3=sum(1 for o in scoped if o.rank is not None and o.rank <= 3) / n,
        mrr=sum(1.0 / o.rank for o in scoped if o.rank) / n,
        false_abstain_rate=sum(1 for o in scoped if o.refused) / n,
        abstain_recall=len(true_abstains) / max(len(negatives), 1),
        abstain_precision=len(true_abstains) / max(len(abstained), 1),
        abstain_kind_accuracy=len(kind_correct) / max(len(negatives), 1),
        region_accuracy=sum(1 for o in with_region if o.region == o.item.region) / max(len(with_region), 1),
        cited_at_1=sum(1 for o in scoped if o.cited[:1] and o.cited[0] in o.item.expect) / n,
        cited_at_3=sum(1 for o in scoped if any(c in o.item.expect for c in o.cited[:3])) / n,
    )
