"""The shape of the rule files, as frozen pydantic models that reject unknown keys.

These models are the boundary between YAML written by people and the engine: a typo such as
`gtee: 3` or `beneficary:` fails here, with the file and key, when the rulebook loads.
`rulebook.py` then checks meaning (facts exist, cited clauses belong to the benefit's document)
and compiles conditions into the plain nodes that `conditions.py` evaluates.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

from eligibility.results import BenefitStatus

CLAUSE_ID = r"^[a-z]+-\d{4}-\d{2}$"
ASCII_PUNCTUATION = re.compile(r"[,;:()?!]")
Beneficiary = Literal["applicant", "employer", "service_provider"]
DocumentStatus = Literal["official", "draft"]
# Which of the person's places a measure's coverage follows (issue 11, session 40): where they are, where they work
# and are insured (worker measures), where their business is registered or planned (start-up measures).
PlaceKind = Literal["residence", "work", "business"]
COMPARISONS = (
    "is",
    "in",
    "not_in",
    "gte",
    "gt",
    "lte",
    "lt",
    "contains_any",
    "within_years",
    "within_months",
    "same_calendar_year",
    "same_school_year",
    "on_or_after",
    "started_on_or_after",
)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _check_quote(quote: str | None) -> str | None:
    if quote is not None:
        if not quote.strip():
            raise ValueError("quote must not be empty")
        if ASCII_PUNCTUATION.search(quote):
            raise ValueError("quote must use the normalized full-width punctuation of the clause text")
    return quote


class Source(Frozen):
    """A clause id and the verbatim sentence of its normalized text that supports a rule."""

    cite: str = Field(pattern=CLAUSE_ID)
    quote: str

    _quote = field_validator("quote")(_check_quote)


class Cited(Frozen):
    """Fields every condition node may carry; leaves inherit `cite`/`quote` from their parents."""

    requirement: str | None = None
    cite: str | None = Field(default=None, pattern=CLAUSE_ID)
    quote: str | None = None

    _quote = field_validator("quote")(_check_quote)


class FactCondition(Cited):
    """A comparison of one fact: `{fact: ui_years, gte: 3, cite: …, quote: …}`."""

    fact: str
    is_: bool | str | None = Field(default=None, alias="is")
    in_: tuple[str, ...] | None = Field(default=None, alias="in")
    not_in: tuple[str, ...] | None = None
    gte: float | None = None
    gt: float | None = None
    lte: float | None = None
    lt: float | None = None
    contains_any: tuple[str, ...] | None = None
    within_years: int | None = Field(default=None, ge=1)
    within_months: int | None = Field(default=None, ge=1)
    same_calendar_year: Literal[True] | None = None
    same_school_year: Literal[True] | None = None
    on_or_after: date | None = None
    # A duration in months counted back from `as_of` (正常经营N个月) began on or after this day (issue 11, session 33).
    started_on_or_after: date | None = None
    # While the fact is not known, the condition is met when this is (劳动年龄: a labour contract shows
    # 16); it never fails on it, so the fact itself is still asked when this is not met.
    presumed_by: Condition | None = None

    @model_validator(mode="after")
    def _one_comparison(self) -> FactCondition:
        used = [name for name in COMPARISONS if getattr(self, _attr(name)) is not None]
        if len(used) != 1:
            raise ValueError(f"a fact condition needs exactly one comparison of {', '.join(COMPARISONS)}")
        return self

    @property
    def comparison(self) -> tuple[str, Any]:
        for name in COMPARISONS:
            value = getattr(self, _attr(name))
            if value is not None:
                return name, value
        raise AssertionError("validated to have one comparison")


def _attr(name: str) -> str:
    return {"is": "is_", "in": "in_"}.get(name, name)


class AllCondition(Cited):
    all: tuple[Condition, ...]


class AnyCondition(Cited):
    any: tuple[Condition, ...] = Field(min_length=2)
    requirement: str


class NotCondition(Cited):
    not_: Condition = Field(alias="not")
    requirement: str


class OpenCondition(Cited):
    """A condition the text states but leaves to rules it does not give (按规定, 受疫情影响, 确实难以就业):
    never decided from facts, so it caps the benefit at `possibly_eligible` and is listed as
    something to confirm with the 人社部门. `open` words what is to be confirmed."""

    open: str = Field(min_length=2)


class DefinitionRef(Frozen):
    """Use of a shared definition; `cite`/`quote` name the clause that uses the term here, when it
    is not the clause the jurisdiction's definition source points to (吉林（十九） says 毕业年度 too)."""

    definition: str
    cite: str | None = Field(default=None, pattern=CLAUSE_ID)
    quote: str | None = None

    _quote = field_validator("quote")(_check_quote)


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in ("all", "any", "not", "definition", "fact", "open"):
            if key in value:
                return key
        return None
    kinds: dict[type, str] = {
        AllCondition: "all",
        AnyCondition: "any",
        NotCondition: "not",
        DefinitionRef: "definition",
        FactCondition: "fact",
        OpenCondition: "open",
    }
    return kinds.get(type(value))


Condition = Annotated[
    Annotated[AllCondition, Tag("all")]
    | Annotated[AnyCondition, Tag("any")]
    | Annotated[NotCondition, Tag("not")]
    | Annotated[DefinitionRef, Tag("definition")]
    | Annotated[FactCondition, Tag("fact")]
    | Annotated[OpenCondition, Tag("open")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition_kind",
        custom_error_message="a condition needs one of the keys all / any / not / definition / fact / open",
    ),
]


class Tier(Frozen):
    when: str
    text: str
    quote: str

    _quote = field_validator("quote")(_check_quote)


class Amount(Frozen):
    """What the benefit is worth, in Chinese, using only figures that its cited clause states."""

    kind: Literal["fixed", "floor", "tiers", "formula", "cap", "local_rule", "package"]
    text: str | None = None
    cite: str = Field(pattern=CLAUSE_ID)
    quote: str
    fact: str | None = None
    tiers: tuple[Tier, ...] = ()
    otherwise: str | None = None

    _quote = field_validator("quote")(_check_quote)

    @model_validator(mode="after")
    def _shape(self) -> Amount:
        if self.kind == "tiers":
            if not (self.fact and self.tiers and self.otherwise):
                raise ValueError("tiered amounts need `fact`, `tiers` and `otherwise`")
        elif self.tiers or self.fact or self.otherwise:
            raise ValueError("only tiered amounts take `fact`, `tiers` or `otherwise`")
        elif not self.text:
            raise ValueError(f"a {self.kind} amount needs `text`")
        return self


class Validity(Frozen):
    """When a measure is in force: a shared window (`window:`) or its own dates, always cited."""

    window: str | None = None
    from_: date | None = Field(default=None, alias="from")
    to: date | None = None
    cite: str = Field(pattern=CLAUSE_ID)
    quote: str

    _quote = field_validator("quote")(_check_quote)

    @model_validator(mode="after")
    def _shape(self) -> Validity:
        if self.window and (self.from_ or self.to):
            raise ValueError("give either `window` or `from`/`to`, not both")
        if not (self.window or self.from_ or self.to):
            raise ValueError("validity needs `window`, `from` or `to`")
        return self


class Term(Frozen):
    """A sentence of the text with the clause it comes from: a hiring condition, a deadline."""

    text: str = Field(min_length=2)
    cite: str = Field(pattern=CLAUSE_ID)
    quote: str

    _quote = field_validator("quote")(_check_quote)


class Once(Frozen):
    """Prior receipt (issue 11): the measure is paid once (一次性, 首次), or the text does not say
    whether it may be had again (创业担保贷款). `measure` is the option of the `received_before` fact
    that says the person already had it; `repeat: never` makes a prior receipt `ineligible`,
    `to_confirm` caps the benefit at `possibly_eligible` with the rule's own `requirement` words."""

    measure: str
    repeat: Literal["never", "to_confirm"] = "never"
    requirement: str | None = None
    cite: str = Field(pattern=CLAUSE_ID)
    quote: str

    _quote = field_validator("quote")(_check_quote)

    @model_validator(mode="after")
    def _worded_when_open(self) -> Once:
        if self.repeat == "to_confirm" and not self.requirement:
            raise ValueError("`repeat: to_confirm` needs the `requirement` to confirm, in the rule's words")
        return self


class Household(Frozen):
    """A measure of the person's 户籍 place (issue 11, session 22): the clause ties it to where the person
    is registered or comes from (吉林籍, 建档立卡, 有组织劳务输出 from the 输出地, 返乡, 生源地), so it is judged
    for a person registered there who lives or works elsewhere, and listed apart. `away: applies` — the
    text pays the person who left (the 输出地's fare, the 生源地's archive); `to_confirm` — whether it is
    had while away the text does not say: capped at `possibly_eligible` with `requirement`; `registered`:
    the text limits it to those registered here (吉林籍)."""

    away: Literal["applies", "to_confirm"]
    requirement: str | None = None
    # The text limits the measure to those registered here (吉林籍): the requirement's words. A 户籍 said
    # to be elsewhere fails it.
    registered: str | None = None
    # Issue 11, session 45: `registered` of a status that is the place's own record (建档立卡 is kept where the family
    # is registered, nearly always where it lives): a 户籍 said to be elsewhere fails it, one not said is presumed here
    # and never asked for (吉林籍, the text's own word, is asked).
    presumed_here: bool = False
    cite: str = Field(pattern=CLAUSE_ID)
    quote: str

    _quote = field_validator("quote")(_check_quote)

    @model_validator(mode="after")
    def _worded_when_open(self) -> Household:
        if self.away == "to_confirm" and not self.requirement:
            raise ValueError("`away: to_confirm` needs the `requirement` to confirm, in the rule's words")
        return self


class Others(Frozen):
    """Session 34 (rules31): a measure of the person's own kind paid to others the person serves — a park
    owner asking about the rent subsidy of the founders who rent space in it. When `when` holds of the person
    it is another's benefit (`employer_only`), and `whose` says, in the text's words, whom it goes to."""

    when: Condition
    whose: str = Field(min_length=2)
    cite: str = Field(pattern=CLAUSE_ID)
    quote: str

    _quote = field_validator("quote")(_check_quote)


class BenefitFile(Frozen):
    name: str
    jurisdiction: str
    document: str
    beneficiary: Beneficiary
    summary: str
    sources: tuple[Source, ...] = Field(min_length=1)
    conditions: Condition = Field(default_factory=lambda: AllCondition(all=()))
    amount: Amount | None = None
    validity: Validity | None = None
    notes: tuple[str, ...] = ()
    # Employer / provider benefits: what the hire (or placement) of this person must be for the
    # unit to claim, in the text's own terms (单位需与您签订1年以上劳动合同并缴纳社会保险费).
    hiring: tuple[Term, ...] = ()
    # A time limit the text states for applying (吉林（二十）：证书颁发之日起12个月内).
    deadline: Term | None = None
    # What the text says about where and how to apply, or what to bring (在常住地进行失业登记).
    apply: tuple[Term, ...] = ()
    # Shared definitions every condition of this benefit also needs, cited to its first source:
    # `working_age` for a benefit about work (a job, a hire, a business, unemployment registration).
    requires: tuple[str, ...] = ()
    # Prior receipt: a measure had once is not had again (or whether it may be is to confirm).
    once: Once | None = None
    # A measure of the 户籍 place, judged also for a person registered there who is elsewhere (session 22).
    household: Household | None = None
    # The place whose documents cover the person for this measure (issue 11, session 40): where they are (the
    # default), where they work and are insured, or where their business is registered or planned.
    covered_by: PlaceKind = "residence"
    # Employer benefits: what the text asks of the unit itself or of the hire's terms (签订1年以上劳动
    # 合同, 稳定就业6个月以上, 生产配送疫情防控急需物资), judged with `conditions` — read of the person
    # hired — when the person asking runs that unit (issue 11, session 13). Facts `about: hire`/`unit`.
    employer_conditions: Condition | None = None
    # A person the measure's beneficiaries are served by (a park's owner for its tenants): not theirs.
    others: Others | None = None

    @model_validator(mode="after")
    def _hiring_for_others(self) -> BenefitFile:
        if self.hiring and self.beneficiary == "applicant":
            raise ValueError("`hiring` is for employer / service_provider benefits")
        if self.employer_conditions is not None and self.beneficiary == "applicant":
            raise ValueError("`employer_conditions` are for employer / service_provider benefits")
        return self


class Definition(Frozen):
    """A term written once (就业困难人员, 毕业年度 …) and the clause each jurisdiction defines it in."""

    name: str
    requirement: str
    condition: Condition
    sources: dict[str, Source] = Field(min_length=1)


class DefinitionsFile(Frozen):
    definitions: dict[str, Definition]


class DocumentInfo(Frozen):
    jurisdiction: str
    slug: str
    short_name: str
    status: DocumentStatus
    signed: date
    # `labels`: a document added by staff, whose clauses are named by their own label path (第三条,
    # 第二章第三条, 三、（二）) kept in `labels`, not by a running number (吉林（五）).
    numbering: Literal["clauses", "sections", "labels"]
    clauses: int = Field(ge=1)
    labels: dict[str, str] = Field(default_factory=dict)
    # In-force facts: `effective` when the text names a date from which it applies, `ends` when it
    # names an end, `checked_on` the day the text was last compared with the source.
    effective: date | None = None
    ends: date | None = None
    checked_on: date
    # What the text says about where and how to apply, for every benefit of the document
    # (平顶山（十九）：推进在线办理就业服务和补贴申领).
    apply: tuple[Term, ...] = ()


class Window(Frozen):
    label: str
    from_: date | None = Field(default=None, alias="from")
    to: date | None = None
    # The years a measure runs on after the span `to` ends (平顶山（十一）（十二）: 2020年度内…期满…，政策享受期限
    # 可延长1年 — the span dates the 期满, the extension is claimed one more year): `to` stays the text's span (the
    # knowledge manifest's), claims end that many years later (session 29).
    runs_on_years: int = Field(default=0, ge=0)


class DocumentsFile(Frozen):
    documents: dict[str, DocumentInfo]
    # A result judged this many years or more after its document was signed says the standard may
    # have changed since (confirm with 12333 / the local 人社部门).
    stale_after_years: int = Field(default=3, ge=1)
    # A draft (征求意见稿) was never in force as written: what its measures leave to confirm, so that none
    # of them is a person's `eligible` (session 11) — the 人社部门 knows whether the issued text kept it.
    draft_to_confirm: str = Field(min_length=2)
    windows: dict[str, Window] = Field(default_factory=dict)


class CaseExpectation(Frozen):
    status: BenefitStatus  # one list of statuses: eligibility/results.py
    amount: str | None = None
    missing_facts: tuple[str, ...] | None = None
    reason_contains: str | None = None


class Case(Frozen):
    name: str
    as_of: date
    input: dict[str, Any]
    expect: CaseExpectation


class CasesFile(Frozen):
    cases: tuple[Case, ...] = Field(min_length=2)


for _model in (AllCondition, AnyCondition, NotCondition, OpenCondition, BenefitFile, Definition):
    _model.model_rebuild()
