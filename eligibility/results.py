"""What a check returns: channel-neutral, JSON-ready models; `bot/present` words them and builds the
`policybot check --json` object from them."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

BenefitStatus = Literal["eligible", "possibly_eligible", "ineligible", "expired"]
CheckStatus = Literal["complete", "needs_more_info", "region_not_covered"]


class Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ClauseQuote(Result):
    """A cited clause id and the verbatim sentence; channels expand it into a full citation."""

    clause_id: str
    quote: str


class Reason(Result):
    """Why a benefit is not (or not yet) open: the requirement as phrased, and the clause it rests on
    (`clause_id`, named by the presenter)."""

    text: str
    clause_id: str | None


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


class BenefitResult(Result):
    id: str
    name: str
    status: BenefitStatus
    beneficiary: Literal["applicant", "employer", "service_provider"]
    beneficiary_label: str
    summary: str
    amount: str | None
    reasons: tuple[Reason, ...]
    missing_facts: tuple[str, ...]
    valid_from: date
    valid_to: date | None
    document_status: Literal["official", "draft"]
    notes: tuple[str, ...]
    citations: tuple[ClauseQuote, ...]


class RegionInfo(Result):
    query: str | None
    place: str | None


class CheckResult(Result):
    status: CheckStatus
    as_of: date
    jurisdiction: str | None
    region: RegionInfo
    covered_jurisdictions: tuple[str, ...]
    message: str
    next_question: NextQuestion | None
    benefits: tuple[BenefitResult, ...]
