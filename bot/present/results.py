"""Eligibility results worded: reasons with the clause they rest on, the chat's results message
(laid out for a phone: the important thing first, short lines) and the list of every reason.

Which benefits a message lists is decided here too (near misses are shown, the rest counted),
so the dialogue can offer the listed benefits' clauses as buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from bot.present import citations
from bot.present.prose import prose
from eligibility.results import BenefitResult, CheckResult, Reason
from eligibility.schema import DocumentInfo

FactLabel = Callable[[str], str]
NEAR_MISSES = 3
NEAR_MISS_CHARS = 100


def reason_text(reason: Reason, documents: Mapping[str, DocumentInfo]) -> str:
    """需参加失业保险满3年，您的失业保险参保年限为2年（吉林（二十））."""
    if reason.clause_id is None:
        return reason.text
    clause = citations.clause_name(reason.clause_id, documents)
    return prose().results.reason.format(reason=reason.text, clause=clause)


def reason_texts(benefit: BenefitResult, documents: Mapping[str, DocumentInfo]) -> tuple[str, ...]:
    return tuple(reason_text(r, documents) for r in benefit.reasons)


@dataclass(frozen=True)
class ResultsMessage:
    """The results message and the benefits it lists, in order (their clauses become buttons)."""

    text: str
    listed: tuple[BenefitResult, ...]


def results_message(
    result: CheckResult, documents: Mapping[str, DocumentInfo], fact_label: FactLabel
) -> ResultsMessage:
    words = prose().dialogue.results

    def name(clause_id: str) -> str:
        return citations.clause_name(clause_id, documents)

    applicant = [b for b in result.benefits if b.beneficiary == "applicant"]
    others = [b for b in result.benefits if b.beneficiary != "applicant"]
    eligible = [b for b in applicant if b.status == "eligible"]
    possible = [b for b in applicant if b.status == "possibly_eligible"]
    for_others = [b for b in others if b.status in {"eligible", "possibly_eligible"}]
    ineligible = [b for b in applicant if b.status == "ineligible"]
    near = [b for b in ineligible if _is_near_miss(reason_texts(b, documents))][:NEAR_MISSES]
    lines = [words.title.format(message=result.message)]
    if any(b.document_status == "draft" for b in result.benefits):
        lines.append(words.draft)
    listed: list[BenefitResult] = []

    def section(title: str, benefits: list[BenefitResult], detail: Callable[[BenefitResult], list[str]]) -> None:
        if not benefits:
            return
        lines.append("\n" + words.count.format(title=title, count=len(benefits)))
        for benefit in benefits:
            listed.append(benefit)
            lines.append(f"{len(listed)}. {benefit.name}")
            lines.extend(f"   {line}" for line in detail(benefit))
            basis = "、".join(name(c.clause_id) for c in benefit.citations)
            lines.append(f"   {words.basis.format(clauses=basis)}")

    section(words.eligible, eligible, _eligible_detail)
    section(words.possible, possible, lambda b: _possible_detail(b, fact_label))
    section(words.other, for_others, _other_detail)
    section(words.near_miss, near, lambda b: [words.reason.format(reason=reason_texts(b, documents)[0])])
    if not eligible and not possible:
        lines.append("\n" + words.nothing)
    rest = len(ineligible) - len(near) + sum(1 for b in others if b.status == "ineligible")
    if rest > 0:
        lines.append("\n" + words.ineligible.format(count=rest))
    expired = [b for b in result.benefits if b.status == "expired"]
    if expired:
        lines.append(words.expired.format(count=len(expired), names="、".join(b.name for b in expired)))
    lines.append(f"\n{prose().results.disclaimer}\n{words.correct}")
    return ResultsMessage(text="\n".join(lines), listed=tuple(listed))


def reasons_message(result: CheckResult, documents: Mapping[str, DocumentInfo]) -> str:
    """Every benefit not qualified for, with all its reasons."""
    words = prose().dialogue.results
    failed = [b for b in result.benefits if b.status == "ineligible"]
    if not failed:
        return words.no_reasons
    lines = [words.reasons_title]
    for number, benefit in enumerate(failed, start=1):
        lines.append(f"{number}. {benefit.name}")
        lines.extend(f"   · {reason}" for reason in reason_texts(benefit, documents))
    return "\n".join(lines)


def _is_near_miss(reasons: tuple[str, ...]) -> bool:
    """Failed on one requirement with a figure (参保满3年, 毕业年度, 12个月内) — not on who one is."""
    return len(reasons) == 1 and len(reasons[0]) <= NEAR_MISS_CHARS and any(ch.isdigit() for ch in reasons[0])


def _warnings(benefit: BenefitResult) -> list[str]:
    if benefit.valid_to is None:
        return []
    return [prose().dialogue.results.valid_to.format(date=_day(benefit.valid_to))]


def _amount(benefit: BenefitResult) -> list[str]:
    return [prose().dialogue.results.amount.format(amount=benefit.amount)] if benefit.amount else []


def _eligible_detail(benefit: BenefitResult) -> list[str]:
    return _amount(benefit) + _warnings(benefit)


def _possible_detail(benefit: BenefitResult, fact_label: FactLabel) -> list[str]:
    labels = "、".join(dict.fromkeys(fact_label(f) for f in benefit.missing_facts))
    missing = [prose().dialogue.results.to_confirm.format(facts=labels)] if labels else []
    return _amount(benefit) + missing + _warnings(benefit)


def _other_detail(benefit: BenefitResult) -> list[str]:
    status = "" if benefit.status == "eligible" else prose().dialogue.results.maybe
    return [f"{benefit.beneficiary_label}{status}", *_amount(benefit), *_warnings(benefit)]


def _day(day: date) -> str:
    return citations.chinese_date(day)
