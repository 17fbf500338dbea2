"""What a check returns: channel-neutral models holding codes and data, never sentences.

`bot/present` words them (messages, reasons, amounts, who may claim) and builds the
`policybot check --json` object from them. Chinese here is only content data taken from the rule
files: benefit names and summaries, amount texts, a rule's own `requirement:` wording, quotes.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, SkipValidation

# `if_hired`: an employer's benefit that hiring this person (who can be hired) would bring the
# employer, on the `hiring` terms; `employer_only`: a unit's benefit that is never this person's;
# `not_yet_in_force`: the date judged at is before the document existed; `as_employer`: an employer's
# benefit for a person who runs a business that is hiring — theirs to claim as the employer, on the
# terms of the hire (the hired person's conditions are not the owner's).
BenefitStatus = Literal[
    "eligible",
    "possibly_eligible",
    "if_hired",
    "as_employer",
    "employer_only",
    "not_yet_in_force",
    "ineligible",
    "expired",
]
CheckStatus = Literal["complete", "needs_more_info", "region_not_covered"]
Beneficiary = Literal["applicant", "employer", "service_provider"]
# Whose a result is, as told to the person: a rule's beneficiary, or (session 34) `others` — a measure of others the
# person serves (a park owner asking about its tenants' rent subsidy), `employer_only` with `whose` naming them.
ResultBeneficiary = Literal["applicant", "employer", "service_provider", "others"]
# How the region was settled: `missing` (not asked yet), `unknown` (answered 不清楚), `unrecognised`
# (no place in the text), `not_covered`, `partly_covered` (a larger place holding covered ones), `covered`.
RegionStatus = Literal["missing", "unknown", "unrecognised", "not_covered", "partly_covered", "city_unknown", "covered"]
# Why a benefit is not (yet) open: a requirement `failed` on the person's answers, is `unsure`
# (answered 不清楚), is `unconfirmed` (not asked yet); or the measure has `expired` / is
# `not_yet_in_force` on the date judged at.
# `to_confirm`: a condition the text leaves to rules it does not give (按规定, 受疫情影响): only the
# 人社部门 can confirm it.
ReasonKind = Literal["failed", "unsure", "unconfirmed", "to_confirm", "expired", "not_yet_in_force"]


class Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ClauseQuote(Result):
    """A cited clause id and the verbatim sentence; channels expand it into a full citation."""

    clause_id: str
    quote: str


class Requirement(Result):
    """A condition as a rule states it: the rule file's own words (`text`, when it gives them) and,
    for a fact comparison, which fact is compared how (`gte` 3, `in` [dibao] …) for the presenter."""

    text: str | None = None
    fact: str | None = None
    comparison: str | None = None
    operand: Any = None
    open: bool = False
    # `hire`: said of the person an owner's unit hires (所招人员), not of the person asking (session 13).
    subject: Literal["person", "hire"] = "person"


class Stated(Result):
    """A fact as the person answered it; `value` None is 不清楚."""

    fact: str
    value: Any


class Reason(Result):
    """Why a benefit is not (or not yet) open, with the clause it rests on (`clause_id`).

    `stated`: the person's own answers the requirement speaks about (known values for `failed`,
    the facts answered 不清楚 for `unsure`). Validity reasons carry the dates instead; `window` is
    the validity as the policy words it (2019年至2020年).
    """

    kind: ReasonKind
    clause_id: str | None
    requirement: Requirement | None = None
    stated: tuple[Stated, ...] = ()
    window: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    as_of: date | None = None


class AmountTier(Result):
    when: str
    text: str


class Amount(Result):
    """What a benefit is worth: `text` when one amount applies (a fixed text, the person's tier, or
    the rule's `otherwise`); else every tier of `fact`, for the presenter to list — or, with
    `per_record`, the tier of each of the person's qualifying records."""

    text: str | None
    fact: str | None = None
    tiers: tuple[AmountTier, ...] = ()
    # The tiers are the person's own, one per qualifying record (paid per certificate), not a menu.
    per_record: bool = False


class AnswerOption(Result):
    value: Any
    label: str


class NextQuestion(Result):
    """`fact` names what is asked: a fact, or a group of yes/no facts (`facts`) asked as 可多选."""

    fact: str
    facts: tuple[str, ...]
    text: str
    type: str
    options: tuple[AnswerOption, ...]
    hint: str


class Term(Result):
    """A sentence of the rule with its clause: a hiring condition, a deadline for applying."""

    text: str
    clause_id: str
    quote: str


class DocumentRef(Result):
    """The document a benefit comes from and how old it is on the date judged at: `stale` when
    `as_of` is long after signing (the standard may have changed since)."""

    id: str
    short_name: str
    status: Literal["official", "draft"]
    signed: date
    year: int
    effective: date | None
    ends: date | None
    checked_on: date
    stale: bool


class BenefitResult(Result):
    id: str
    name: str
    status: BenefitStatus
    beneficiary: ResultBeneficiary
    summary: str
    amount: Amount | None
    reasons: tuple[Reason, ...]
    missing_facts: tuple[str, ...]
    valid_from: date
    valid_to: date | None
    document_status: Literal["official", "draft"]
    notes: tuple[str, ...]
    citations: tuple[ClauseQuote, ...]
    # Every condition the rule states (session 42): what a person told "符合" has met, in the rule's words —
    # 正常经营1年以上 is shown with the 创业补贴 it opens, not only when it fails. The rule's own, built once at load
    # (Engine): not validated again for every result of every check.
    conditions: SkipValidation[tuple[Requirement, ...]] = ()
    document: DocumentRef | None = None
    hiring: tuple[Term, ...] = ()
    deadline: Term | None = None
    # Where and how to apply, or what to bring, as the text says it (with its clause).
    apply_terms: tuple[Term, ...] = ()
    # A near miss that time alone will meet (经营满12个月): the first day it would qualify.
    eligible_from: date | None = None
    # A near miss the person can open by doing something (办理失业登记, 考取证书): the facts whose
    # `action` (facts.yaml) opens it, and what it then becomes (eligibility/nearmiss.py).
    opens_with: tuple[str, ...] = ()
    opens_to: BenefitStatus | None = None
    # An owner who described several hires (session 14): which of them (1-based, in the order given)
    # meet this unit's benefit; empty when one hire (or none) was described.
    hires_meeting: tuple[int, ...] = ()
    # `household`: a measure of the person's 户籍 place, judged for a person who is elsewhere (session 22); `work`,
    # `business`: another place's measure, judged because the person works (is insured) or does business there
    # (session 40).
    basis: Literal["place", "household", "work", "business"] = "place"
    # `employer_only` for a measure of others the person serves (session 34: a park's tenants' rent subsidy asked
    # by its owner): whom it goes to, in the text's words; None for an employer's or provider's benefit.
    whose: str | None = None


class RegionInfo(Result):
    """What was typed (`query`), the place recognised in it, and how that settled the region:
    `candidates` are the covered jurisdictions inside a larger place that is not covered itself."""

    query: str | None
    place: str | None
    status: RegionStatus
    candidates: tuple[str, ...] = ()


class PendingDocument(Result):
    """A published document of the person's place that has no rules yet: listed as 条件尚未整理成规则,
    never silently left out."""

    id: str
    title: str
    jurisdiction: str
    signed: date
    status: Literal["official", "draft"]


class CheckResult(Result):
    status: CheckStatus
    as_of: date
    jurisdiction: str | None
    region: RegionInfo
    covered_jurisdictions: tuple[str, ...]
    next_question: NextQuestion | None
    benefits: tuple[BenefitResult, ...]
    pending_documents: tuple[PendingDocument, ...] = ()
    # The covered place of the person's 户籍 when it is not where they are: its measures that follow the
    # 户籍 are among `benefits` with `basis: household` (session 22).
    household: RegionInfo | None = None
    household_jurisdiction: str | None = None
