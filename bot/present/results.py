"""Eligibility results worded: the check's line, who may claim, amounts, notes, the chat's results
message (laid out for a phone: the important thing first, short lines), the list of every reason,
and the `policybot check --json` object (docs/eligibility.md) built from a structured result.

Which benefits a message lists is decided here too (near misses are shown, the rest counted),
so the dialogue can offer the listed benefits' clauses as buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.present import citations
from bot.present.prose import prose
from bot.present.reasons import reason_texts
from eligibility.facts import FactRegistry
from eligibility.results import Amount, BenefitResult, CheckResult
from eligibility.rulebook import Rulebook
from knowledge.citations import make_citation
from knowledge.registry import Registry

NEAR_MISSES = 3
NEAR_MISS_CHARS = 100


def check_message(result: CheckResult) -> str:
    """The check's one line: which policy was applied (已按吉林省的政策判断…), or why none."""
    words = prose().eligibility.region
    region = result.region
    covered = "、".join(result.covered_jurisdictions)
    if region.status == "covered":
        return words.covered.format(jurisdiction=result.jurisdiction, place=region.place or result.jurisdiction)
    if region.status == "missing":
        return words.missing
    if region.status == "partly_covered":
        candidates = "、".join(region.candidates)
        return words.partly_covered.format(place=region.place, candidates=candidates, covered=covered)
    if region.status == "not_covered":
        return words.not_covered.format(place=region.place, covered=covered)
    template = words.unknown if region.status == "unknown" else words.unrecognised
    return template.format(covered=covered)


def beneficiary_label(benefit: BenefitResult) -> str:
    """用人单位可享受（招用您的单位申领，补贴发给用人单位） — who claims the benefit."""
    return str(getattr(prose().eligibility.beneficiaries, benefit.beneficiary))


def amount_text(amount: Amount, facts: FactRegistry) -> str:
    """The amount that applies, or every tier: 按职业资格或技能等级证书：初级（五级）1000元；…"""
    if amount.text is not None:
        return amount.text
    spec = facts[str(amount.fact)]
    tiers = "；".join(f"{spec.option_label(t.when)}{t.text}" for t in amount.tiers)
    return prose().eligibility.amount_tiers.format(label=spec.label, tiers=tiers)


def benefit_amount(benefit: BenefitResult, facts: FactRegistry) -> str | None:
    return amount_text(benefit.amount, facts) if benefit.amount is not None else None


def notes(benefit: BenefitResult) -> tuple[str, ...]:
    """The rule's own notes, and the draft note for a 征求意见稿."""
    draft = (prose().eligibility.draft_note,) if benefit.document_status == "draft" else ()
    return benefit.notes + draft


def result_json(result: CheckResult, rulebook: Rulebook, registry: Registry) -> dict[str, Any]:
    """The `check --json` contract (docs/eligibility.md): worded, with every citation expanded."""
    question = result.next_question
    return {
        "status": result.status,
        "as_of": result.as_of.isoformat(),
        "jurisdiction": result.jurisdiction,
        "region": {"query": result.region.query, "place": result.region.place},
        "covered_jurisdictions": list(result.covered_jurisdictions),
        "message": check_message(result),
        "next_question": question.model_dump(mode="json") if question is not None else None,
        "benefits": [_benefit_json(b, rulebook, registry) for b in result.benefits],
        "disclaimer": prose().results.disclaimer,
    }


def _benefit_json(benefit: BenefitResult, rulebook: Rulebook, registry: Registry) -> dict[str, Any]:
    return {
        "id": benefit.id,
        "name": benefit.name,
        "status": benefit.status,
        "beneficiary": benefit.beneficiary,
        "beneficiary_label": beneficiary_label(benefit),
        "summary": benefit.summary,
        "amount": benefit_amount(benefit, rulebook.facts),
        "reasons": list(reason_texts(benefit, rulebook)),
        "missing_facts": list(benefit.missing_facts),
        "valid_from": benefit.valid_from.isoformat(),
        "valid_to": benefit.valid_to.isoformat() if benefit.valid_to is not None else None,
        "document_status": benefit.document_status,
        "notes": list(notes(benefit)),
        "citations": [_citation(c.clause_id, c.quote, registry) for c in benefit.citations],
    }


def _citation(clause_id: str, quote: str, registry: Registry) -> dict[str, Any]:
    clause = registry.get(clause_id)
    return make_citation(clause, registry.document_of(clause), quote, None).model_dump()


@dataclass(frozen=True)
class ResultsMessage:
    """The results message and the benefits it lists, in order (their clauses become buttons)."""

    text: str
    listed: tuple[BenefitResult, ...]


def results_message(result: CheckResult, rulebook: Rulebook) -> ResultsMessage:
    words = prose().dialogue.results
    facts = rulebook.facts

    def name(clause_id: str) -> str:
        return citations.clause_name(clause_id, rulebook.documents)

    applicant = [b for b in result.benefits if b.beneficiary == "applicant"]
    others = [b for b in result.benefits if b.beneficiary != "applicant"]
    eligible = [b for b in applicant if b.status == "eligible"]
    possible = [b for b in applicant if b.status == "possibly_eligible"]
    for_others = [b for b in others if b.status in {"eligible", "possibly_eligible"}]
    ineligible = [b for b in applicant if b.status == "ineligible"]
    near = [b for b in ineligible if _is_near_miss(reason_texts(b, rulebook))][:NEAR_MISSES]
    lines = [words.title.format(message=check_message(result))]
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

    section(words.eligible, eligible, lambda b: _eligible_detail(b, facts))
    section(words.possible, possible, lambda b: _possible_detail(b, facts))
    section(words.other, for_others, lambda b: _other_detail(b, facts))
    section(words.near_miss, near, lambda b: [words.reason.format(reason=reason_texts(b, rulebook)[0])])
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


def reasons_message(result: CheckResult, rulebook: Rulebook) -> str:
    """Every benefit not qualified for, with all its reasons."""
    words = prose().dialogue.results
    failed = [b for b in result.benefits if b.status == "ineligible"]
    if not failed:
        return words.no_reasons
    lines = [words.reasons_title]
    for number, benefit in enumerate(failed, start=1):
        lines.append(f"{number}. {benefit.name}")
        lines.extend(f"   · {reason}" for reason in reason_texts(benefit, rulebook))
    return "\n".join(lines)


def _is_near_miss(reasons: tuple[str, ...]) -> bool:
    """Failed on one requirement with a figure (参保满3年, 毕业年度, 12个月内) — not on who one is."""
    return len(reasons) == 1 and len(reasons[0]) <= NEAR_MISS_CHARS and any(ch.isdigit() for ch in reasons[0])


def _warnings(benefit: BenefitResult) -> list[str]:
    if benefit.valid_to is None:
        return []
    return [prose().dialogue.results.valid_to.format(date=_day(benefit.valid_to))]


def _amount(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    amount = benefit_amount(benefit, facts)
    return [prose().dialogue.results.amount.format(amount=amount)] if amount else []


def _eligible_detail(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    return _amount(benefit, facts) + _warnings(benefit)


def _possible_detail(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    labels = "、".join(dict.fromkeys(_fact_label(f, facts) for f in benefit.missing_facts))
    missing = [prose().dialogue.results.to_confirm.format(facts=labels)] if labels else []
    return _amount(benefit, facts) + missing + _warnings(benefit)


def _other_detail(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    status = "" if benefit.status == "eligible" else prose().dialogue.results.maybe
    return [f"{beneficiary_label(benefit)}{status}", *_amount(benefit, facts), *_warnings(benefit)]


def _fact_label(fact: str, facts: FactRegistry) -> str:
    return facts[fact].label if fact in facts else fact


def _day(day: date) -> str:
    return citations.chinese_date(day)
