"""`policybot check` in a terminal, worded: the banner, a question with numbered options, and the
result in sections, each benefit with the full reference of the clause it rests on."""

from __future__ import annotations

from bot.present import citations
from bot.present.prose import prose
from bot.present.reasons import reason_texts
from bot.present.results import (
    apply_lines,
    benefit_amount,
    benefit_name,
    check_message,
    conditions_text,
    documents_line,
    eligible_from_text,
    hires_text,
    hiring_text,
    is_near_miss,
    listed_expired,
    opens_with_text,
    own_misses,
    pending_lines,
    stale_notice,
    unit_label,
    units_failed_count,
)
from eligibility.questions import GROUP_TYPE
from eligibility.results import BenefitResult, CheckResult, NextQuestion
from eligibility.rulebook import Rulebook
from knowledge.citations import make_citation
from knowledge.registry import Registry

MULTIPLE_CHOICE = {GROUP_TYPE, "enum_list"}
MAX_REASONS = 3


def banner() -> str:
    return prose().check.banner


def question_lines(question: NextQuestion) -> list[str]:
    """The question and its options numbered from 1 (0 is 都不是 for a multiple choice)."""
    words = prose().check
    lines = [f"\n{question.text}"]
    choices = [o for o in question.options if o.value is not None]
    multiple = question.type in MULTIPLE_CHOICE
    if multiple:
        lines.append(f"  0. {words.none_of_these}")
    lines.extend(f"  {number}. {option.label}" for number, option in enumerate(choices, start=1))
    if question.type == "text":
        return lines
    lines.append(f"  {len(choices) + 1}. {words.unknown}" if choices else f"  {words.unknown_by_enter}")
    if multiple:
        lines.append(f"  {words.several}")
    return lines


def sections() -> tuple[tuple[str, str | None, str], ...]:
    """(status, who, title): the result's sections in order; who is applicant, other or anyone."""
    titles = prose().check.sections
    advice = prose().check_advice.sections
    return (
        ("eligible", "applicant", titles.eligible_applicant),
        ("possibly_eligible", "applicant", titles.possible_applicant),
        ("if_hired", "other", advice.if_hired),
        ("as_employer", "other", prose().as_employer.section),
        ("not_yet_in_force", None, advice.not_yet_in_force),
        ("expired", None, titles.expired),
    )


def check_text(result: CheckResult, registry: Registry, rulebook: Rulebook) -> str:
    """The result in sections; reasons for what is not certain, the first clause as a full reference."""
    words = prose().check
    lines = [check_message(result)]
    dated = documents_line(result)
    notice = stale_notice(result)
    lines.extend(line for line in (dated, notice) if line)
    for status, who, title in sections():
        chosen = [b for b in result.benefits if b.status == status and _is_for(b, who)]
        if status == "expired":
            chosen = listed_expired(result)
        if not chosen:
            continue
        lines.append(f"\n{title}")
        for benefit in chosen:
            amount = benefit_amount(benefit, rulebook.facts)
            lines.append(f"· {benefit_name(benefit)}" + (f"：{amount}" if amount else ""))
            if status != "eligible":
                reasons = reason_texts(benefit, rulebook)[:MAX_REASONS]
                lines.extend(f"    {reason}" for reason in reasons)
            elif benefit.conditions:
                lines.append(f"    {words.conditions.format(conditions=conditions_text(benefit, rulebook.facts))}")
            opens = opens_with_text(benefit, rulebook.facts) if status == "possibly_eligible" else None
            if opens:
                lines.append(f"    {opens}")
            if benefit.beneficiary != "applicant":
                hiring = hiring_text(benefit)
                lines.extend(f"    {line}" for line in (unit_label(benefit), hiring, hires_text(benefit)) if line)
            lines.append(f"    {words.basis.format(reference=_reference(benefit, registry))}")
            if benefit.document_status == "draft":
                lines.append(f"    {words.draft}")
            if status in {"eligible", "possibly_eligible", "as_employer"}:
                lines.extend(f"    {line}" for line in apply_lines(benefit, registry))
    near = [b for b in result.benefits if is_near_miss(b, rulebook.facts)]
    if near:
        lines.append(f"\n{prose().check_advice.near_miss_section}")
        for benefit in near:
            lines.append(f"· {benefit.name}")
            reasons = reason_texts(benefit, rulebook)[:MAX_REASONS]
            advice = (eligible_from_text(benefit), opens_with_text(benefit, rulebook.facts))
            lines.extend(f"    {line}" for line in (*reasons, *advice) if line)
    pending = pending_lines(result)
    if pending:
        lines.append("\n" + "\n".join(pending))
    # The person's own misses only, and not those listed as within reach: a unit's measure failed (an
    # employer's subsidy for hiring someone the person is not) is no miss of theirs — it is counted with the
    # units' measures, as the chat's results count them (results_message).
    ineligible = len([b for b in own_misses(result) if b not in near])
    if ineligible:
        lines.append("\n" + words.ineligible.format(count=ineligible))
    units_failed = units_failed_count(result, near)
    if units_failed:
        lines.append(prose().check_advice.units_failed_count_terminal.format(count=units_failed))
    lines.append(f"\n{prose().results.disclaimer}")
    return "\n".join(lines)


def _is_for(benefit: BenefitResult, who: str | None) -> bool:
    return who is None or (benefit.beneficiary == "applicant") == (who == "applicant")


def _reference(benefit: BenefitResult, registry: Registry) -> str:
    first = benefit.citations[0]
    clause = registry.get(first.clause_id)
    document = registry.document_of(clause)
    citation = make_citation(clause, document, first.quote, None)
    return citations.reference(citation, document.document_number)
