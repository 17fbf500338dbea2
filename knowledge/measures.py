"""The measure registry: what the policies grant, one unit per measure, bound to its verbatim span.

A measure is one subsidy, loan, allowance, service or duty, with who receives it, for whom, on what
conditions, how much and until when. Answers and eligibility read the same measures, so a figure is
only ever shown with the measure it belongs to. For the five seed documents the units are curated as
data (`knowledge/measures/{document_id}.yaml`); every span, condition and amount must be a verbatim
substring of its clause's text, checked at load.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, model_validator

from knowledge.errors import SourceError

MEASURES_DIR = Path(__file__).resolve().parent / "measures"
# Validation context of units read back from the derived-units store: every phrase was checked
# against its span when the unit was cut (the store is keyed by the deriving code's fingerprint).
CHECKED_WHEN_STORED = "checked_when_stored"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 401 measures load fast


class MeasureKind(StrEnum):
    SUBSIDY = "subsidy"  # 补贴、补助、奖补、奖励 paid in money
    LOAN = "loan"  # 创业担保贷款 and its interest subsidy
    ALLOWANCE = "allowance"  # 失业保险金、生活补助 paid periodically
    INSURANCE = "insurance"  # social-insurance contributions paid, reduced or refunded
    TAX = "tax"  # tax and fee reductions
    SERVICE = "service"  # training, placement, internships, public jobs, registration, guidance
    SUPPORT = "support"  # premises, funds, parks and other support without a personal payment
    DUTY = "duty"  # what employers or departments must do (layoff notice, reporting)
    TARGET = "target"  # the government's own goals and funds (失业率控制在…以内, 全市贷款6亿元)


# The kinds that pay the one they are for in money or its like (a sum, a loan, contributions or taxes taken off) —
# not a service, a placement or a goal: only these are said to be paid to someone (发给个人).
MONEY_KINDS = frozenset(
    {MeasureKind.SUBSIDY, MeasureKind.LOAN, MeasureKind.ALLOWANCE, MeasureKind.INSURANCE, MeasureKind.TAX}
)


class Beneficiary(StrEnum):
    PERSON = "person"  # the job-seeker, worker or founder themself
    EMPLOYER = "employer"  # an enterprise or unit that hires
    PROVIDER = "provider"  # a training, placement or incubation service provider
    INSTITUTION = "institution"  # a department, school, park or fund


class AmountKind(StrEnum):
    FIXED = "fixed"  # 一次性5000元
    TIERS = "tiers"  # 1000元、1500元、2000元 by level
    RATE = "rate"  # 每人每月300元, 按…的50%
    CAP = "cap"  # 最高不超过10万元
    RATIO = "ratio"  # 2/3, 80%
    FLOOR = "floor"  # 不低于…
    DURATION = "duration"  # 最长不超过3年, 6个月
    THRESHOLD = "threshold"  # a figure in a condition (新招用人员占比下调为20%): never shown as "the amount"


class Amount(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(description="verbatim figure phrase from the span, e.g. 一次性5000元")
    kind: AmountKind


class Measure(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*\.[a-z0-9_]+$")
    clause: str
    name: str = Field(description="the name the text uses, e.g. 初创企业补贴")
    aliases: tuple[str, ...] = Field(default=(), description="other names people and other documents use")
    kind: MeasureKind
    beneficiary: Beneficiary
    targets: tuple[str, ...] = Field(default=(), description="target groups as the span names them")
    span: str = Field(description="the verbatim sentence(s) or clause part that grants this measure")
    conditions: tuple[str, ...] = Field(default=(), description="verbatim condition phrases inside the span")
    amounts: tuple[Amount, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    note: str | None = None
    derived: bool = Field(default=False, description="cut from the text automatically, not curated")
    ended: bool = Field(
        default=False,
        description="deleted by the revising document that says so (删去…第十条（一次性求职补贴）): it grants "
        "nothing any more, and an answer about it says it ended",
    )
    granted_in: str | None = Field(
        default=None,
        description="the clause that grants this measure when its figures stand in another clause: a row of "
        "the 附件 table the granting clause points at (补贴标准见附件), so its conditions are cited beside the row",
    )

    @property
    def for_regions(self) -> bool:
        """Taken for a region as a whole, not granted to anyone who applies: its condition names the
        region it is taken in (对出现严重规模性失业风险的地区…阶段性延长领取失业保险金期限) and it names
        no people of its own. A person asking whether they get it is answered by no such measure."""
        return not self.targets and any(_A_REGION.search(condition) for condition in self.conditions)

    @model_validator(mode="after")
    def _inside_span(self, info: ValidationInfo) -> Measure:
        if info.context and info.context.get(CHECKED_WHEN_STORED):
            return self  # units read back from the store were checked when they were cut
        for phrase in (*self.targets, *self.conditions, *(a.text for a in self.amounts)):
            if phrase not in self.span:
                raise ValueError(f"{self.id}: {phrase!r} is not inside the span")
        return self


# A condition that names a region as what it holds for (出现严重规模性失业风险的地区).
_A_REGION = re.compile(r"的(?:地区|地方|县市区|市县)$")


class MeasureFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str
    measures: tuple[Measure, ...]


def load_measure_file(path: Path) -> MeasureFile:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        return MeasureFile.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise SourceError(f"{path.name}: {exc}") from exc


def load_measures(directory: Path = MEASURES_DIR) -> dict[str, tuple[Measure, ...]]:
    """Curated measures per document id (documents without a file have none here)."""
    files = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
    out: dict[str, tuple[Measure, ...]] = {}
    for path in files:
        loaded = load_measure_file(path)
        if loaded.document != path.stem:
            raise SourceError(f"{path.name}: document {loaded.document!r} does not match the file name")
        for measure in loaded.measures:
            if not measure.id.startswith(loaded.document + ".") or not measure.clause.startswith(loaded.document):
                raise SourceError(f"{path.name}: {measure.id} / {measure.clause} is not of {loaded.document}")
        out[loaded.document] = loaded.measures
    return out


class MeasureHeading(NamedTuple):
    """What finds a measure without reading it: its id, clause and document, its names (the name
    first, then the aliases) and its `content` key ("" when unknown)."""

    id: str
    clause: str
    document: str
    names: tuple[str, ...]
    content: str = ""


# Fields that place a unit (its own id and clause); all the others are what it says.
_PLACING_FIELDS = ("id", "clause", "granted_in")


def content_key(unit: Mapping[str, object]) -> str:
    """A key of everything a unit says but its id and clause, from its JSON form (`Measure.model_dump(
    mode="json")`, as stored): units with equal keys are copies of one measure (a replica's or an
    amendment's), so whatever a question decides from what a measure says is decided once for all."""
    said = {k: v for k, v in unit.items() if k not in _PLACING_FIELDS}
    text = json.dumps(said, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


class MeasureCatalog(Protocol):
    """Every measure's heading up front, a measure itself when it is read: at every city's scale
    most measures are never reached by a question, and holding all of them as models was hundreds
    of megabytes and seconds of every start."""

    def headings(self) -> Iterable[MeasureHeading]: ...

    def measure(self, heading: MeasureHeading) -> Measure: ...


def heading_of(measure: Measure, document_id: str) -> MeasureHeading:
    names = (measure.name, *measure.aliases)
    return MeasureHeading(measure.id, measure.clause, document_id, names, content_key(measure.model_dump(mode="json")))


def copy_at(measure: Measure, heading: MeasureHeading) -> Measure:
    """The unit of `heading`, made from another unit with the same content key (`content_key`): only
    the id and clause differ."""
    if measure.id == heading.id and measure.clause == heading.clause:
        return measure
    granted_in = measure.granted_in
    if granted_in is not None:
        # the granting clause of the same document as the copy: clause ids are {document}-{number}
        granted_in = f"{heading.clause.rsplit('-', 1)[0]}-{granted_in.rsplit('-', 1)[1]}"
    return measure.model_copy(update={"id": heading.id, "clause": heading.clause, "granted_in": granted_in})


class MeasuresInMemory:
    """A catalog over measures already loaded, per document id (curated files, units derived in
    this process)."""

    def __init__(self, units: Mapping[str, tuple[Measure, ...]]) -> None:
        self._by_id = {m.id: m for measures in units.values() for m in measures}
        self._headings = [heading_of(m, doc_id) for doc_id, measures in units.items() for m in measures]

    def headings(self) -> list[MeasureHeading]:
        return list(self._headings)

    def measure(self, heading: MeasureHeading) -> Measure:
        return self._by_id[heading.id]
