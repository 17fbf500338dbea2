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
from bot.present.reasons import confirm_offices, open_label, reason_texts, requirement_text
from eligibility.facts import FactRegistry
from eligibility.results import Amount, BenefitResult, CheckResult, PendingDocument
from eligibility.rulebook import Rulebook
from knowledge.citations import make_citation
from knowledge.registry import Registry

NEAR_MISSES = 3
RESPONSIBLE_SHOWN = 3
# A figure the person is short of is reached by having more of it (参保满3年), never less (年龄35岁以下).
REACHABLE = {"gte", "gt"}


def check_message(result: CheckResult) -> str:
    """The check's one line: which policy was applied (已按吉林省的政策判断…), or why none; and the 户籍
    place whose measures are listed apart (session 22)."""
    line = _region_line(result)
    if result.household is None:
        return line
    home = prose().eligibility.region.household
    return line + home.format(place=result.household.place, jurisdiction=result.household_jurisdiction)


def benefit_name(benefit: BenefitResult) -> str:
    """The benefit's name, tagged （户籍地政策） when it is the 户籍 place's (session 22); （工作参保地政策） or
    （经营地政策） when it is another place's, judged by where the person works or does business (session 40)."""
    words = prose().eligibility
    tags = {"household": words.household_tag, "work": words.work_tag, "business": words.business_tag}
    return benefit.name + tags.get(benefit.basis, "")


def _region_line(result: CheckResult) -> str:
    words = prose().eligibility.region
    region = result.region
    covered = "、".join(result.covered_jurisdictions)
    if region.status == "covered" and not result.benefits and result.pending_documents:
        return prose().rules_check.pending_only.format(place=region.place or result.jurisdiction)
    if region.status == "covered":
        return words.covered.format(jurisdiction=result.jurisdiction, place=region.place or result.jurisdiction)
    if region.status == "missing":
        return words.missing
    if region.status == "partly_covered":
        candidates = "、".join(region.candidates)
        return words.partly_covered.format(place=region.place, candidates=candidates, covered=covered)
    if region.status == "city_unknown":
        return prose().city_unknown.message.format(place=region.place, candidates="、".join(region.candidates))
    if region.status == "not_covered" and region.candidates:
        # 四川其他城市: the province's covered cities were excluded by the person.
        candidates = "、".join(region.candidates)
        return prose().province_rest.not_covered.format(place=region.place, candidates=candidates, covered=covered)
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
    if amount.per_record:
        return prose().records.per_record.format(tiers=tiers)
    return prose().eligibility.amount_tiers.format(label=spec.label, tiers=tiers)


def benefit_amount(benefit: BenefitResult, facts: FactRegistry) -> str | None:
    if benefit.amount is None:
        return None
    text = amount_text(benefit.amount, facts)
    # A summary written to a job-seeker (单位需与您签订…) speaks of the one hired to an employer.
    return text.replace("您", prose().as_employer.hired) if benefit.status == "as_employer" else text


def notes(benefit: BenefitResult) -> tuple[str, ...]:
    """The rule's own notes, and the draft note for a 征求意见稿."""
    draft = (prose().eligibility.draft_note,) if benefit.document_status == "draft" else ()
    return benefit.notes + draft


OWN = {"eligible", "possibly_eligible"}
UNITS = {"if_hired", "as_employer", "employer_only"}
# Whoever claims it can act on it: the person for their own, the person's business as the employer.
ACTIONABLE = OWN | {"as_employer"}


def hiring_text(benefit: BenefitResult) -> str | None:
    """单位申领的条件：… — the hire a unit's benefit needs, in the clause's terms."""
    if not benefit.hiring:
        return None
    terms = "；".join(t.text for t in benefit.hiring)
    if benefit.status == "as_employer":
        # Written to a job-seeker (企业需吸纳您就业): to the employer, the one hired is 所招人员.
        words = prose().as_employer
        return words.hiring.format(terms=terms.replace("您", words.hired))
    return prose().check_advice.hiring.format(terms=terms)


def hires_text(benefit: BenefitResult) -> str | None:
    """Which of the hires an owner described bring this unit's benefit (按所招人员逐人判断：第1、3位…)."""
    if not benefit.hires_meeting:
        return None
    return prose().as_employer.hires.format(numbers="、".join(str(n) for n in benefit.hires_meeting))


def unit_label(benefit: BenefitResult) -> str:
    """Who claims a unit's benefit: the employer that hires you, or the unit alone."""
    words = prose().check_advice
    if benefit.status == "as_employer":
        employer = prose().as_employer
        return employer.label if benefit.hiring else employer.unit_label
    if benefit.status == "employer_only" and benefit.whose:
        return words.others.format(whose=benefit.whose)
    return words.if_hired if benefit.status == "if_hired" else words.employer_only


def document_line(benefit: BenefitResult) -> str | None:
    """依据吉林2017年的文件 — the year of the text a result rests on."""
    doc = benefit.document
    if doc is None:
        return None
    words = prose().check_advice
    draft = words.draft if doc.status == "draft" else ""
    return words.document.format(name=doc.short_name, year=doc.year, draft=draft)


def documents_line(result: CheckResult) -> str | None:
    """依据巴中2018年的文件 — or, for a province's candidate cities, every document the results rest on
    (依据巴中2018年、资阳2017年的文件), never one city's document for all."""
    docs = {b.document.id: b.document for b in result.benefits if b.document is not None}
    if len(docs) <= 1:
        return document_line(result.benefits[0]) if result.benefits else None
    draft = prose().check_advice.draft
    names = "、".join(f"{d.short_name}{d.year}年{draft if d.status == 'draft' else ''}" for d in docs.values())
    return prose().province_rest.documents.format(names=names)


def stale_notice(result: CheckResult) -> str | None:
    """The warning for an old document: its year, how old it is, and 12333."""
    for benefit in result.benefits:
        doc = benefit.document
        if doc is not None and doc.stale:
            years = result.as_of.year - doc.year
            return prose().check_advice.stale.format(year=doc.year, years=years)
    return None


def departments(benefit: BenefitResult, registry: Registry) -> tuple[str, ...]:
    """The departments the benefit's clauses name as lead (else the first responsible ones), in order."""
    names: list[str] = []
    for cited in benefit.citations:
        if not registry.has(cited.clause_id):
            continue
        clause = registry.get(cited.clause_id)
        names.extend(clause.lead_departments or clause.responsible_departments[:RESPONSIBLE_SHOWN])
    return tuple(dict.fromkeys(names))


def apply_info(benefit: BenefitResult, registry: Registry) -> dict[str, Any] | None:
    """What to do next for a benefit that is (possibly) the person's, or their business's as the
    employer: where, by when, 12333."""
    if benefit.status not in ACTIONABLE:
        return None
    words = prose().check_advice
    named = departments(benefit, registry)
    deadline = benefit.deadline
    return {
        "departments": list(named) or [words.default_department],
        "departments_from_text": bool(named),
        "deadline": deadline.text if deadline is not None else None,
        "deadline_clause_id": deadline.clause_id if deadline is not None else None,
        "how": [{"text": t.text, "clause_id": t.clause_id, "quote": t.quote} for t in benefit.apply_terms],
        "hotline": "12333",
        "text": apply_lines(benefit, registry),
    }


def apply_lines(benefit: BenefitResult, registry: Registry) -> list[str]:
    """经办部门：… / 申请时限：… / 咨询：拨打12333 …"""
    words = prose().check_advice
    named = departments(benefit, registry) or (words.default_department,)
    lines = [words.departments.format(departments="、".join(named))]
    if benefit.deadline is not None:
        lines.append(words.deadline.format(deadline=benefit.deadline.text))
    for term in benefit.apply_terms:
        lines.append(prose().records.how.format(how=term.text, clause=_clause_label(benefit, term.clause_id, registry)))
    lines.append(words.hotline)
    return lines


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
        "own_benefits": [b.id for b in result.benefits if b.beneficiary == "applicant"],
        "unit_benefits": [b.id for b in result.benefits if b.beneficiary != "applicant"],
        "dated_notice": stale_notice(result),
        "pending_documents": [pending_json(d) for d in result.pending_documents],
        "household": (
            {
                "query": result.household.query,
                "place": result.household.place,
                "jurisdiction": result.household_jurisdiction,
            }
            if result.household is not None
            else None
        ),
        "disclaimer": prose().results.disclaimer,
    }


def _clause_label(benefit: BenefitResult, clause_id: str, registry: Registry) -> str:
    """平顶山（十九） — the benefit's document, briefly, and the clause's own label."""
    clause = registry.get(clause_id)
    name = benefit.document.short_name if benefit.document is not None else registry.document_of(clause).short_name
    return f"{name}{clause.label}"


def pending_json(document: PendingDocument) -> dict[str, Any]:
    """A published document without rules yet (issue 13): `status` is always `rules_pending`."""
    return {
        "id": document.id,
        "title": document.title,
        "jurisdiction": document.jurisdiction,
        "signed": document.signed.isoformat(),
        "year": document.signed.year,
        "document_status": document.status,
        "status": "rules_pending",
        "label": prose().rules_check.pending,
        "text": pending_line(document),
    }


def pending_line(document: PendingDocument) -> str:
    """《…》（2026年）：条件尚未整理成规则，…请拨打12333…"""
    return prose().rules_check.pending_line.format(title=document.title, year=document.signed.year)


def pending_lines(result: CheckResult) -> list[str]:
    """The section listing the person's place's documents without rules yet; empty when none."""
    if not result.pending_documents:
        return []
    return [prose().rules_check.pending_title, *(f"· {pending_line(d)}" for d in result.pending_documents)]


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
        "side": "own" if benefit.beneficiary == "applicant" else "unit",
        "hiring": [t.text for t in benefit.hiring],
        "conditions": [requirement_text(r, rulebook.facts) for r in benefit.conditions],
        "to_confirm": [
            r for r, k in zip(reason_texts(benefit, rulebook), benefit.reasons, strict=True) if k.kind == "to_confirm"
        ],
        "document": _document_json(benefit),
        "apply": apply_info(benefit, registry),
        "eligible_from": benefit.eligible_from.isoformat() if benefit.eligible_from else None,
        "eligible_from_text": eligible_from_text(benefit),
        "opens_with": [{"fact": f, "action": _action(f, rulebook.facts)} for f in benefit.opens_with],
        "opens_to": benefit.opens_to,
        "opens_with_text": opens_with_text(benefit, rulebook.facts),
        "hires_meeting": list(benefit.hires_meeting),
        "hires_meeting_text": hires_text(benefit),
        "basis": benefit.basis,
        "whose": benefit.whose,
    }


def conditions_text(benefit: BenefitResult, facts: FactRegistry) -> str:
    """Every condition the rule states, in its words: 需为就业困难人员；需首次创业；需正常经营1年以上 (session 42)."""
    return "；".join(dict.fromkeys(requirement_text(r, facts) for r in benefit.conditions))


def eligible_from_text(benefit: BenefitResult) -> str | None:
    """如情况不变，2026年7月1日起可以申请 — for a near miss that time alone will meet."""
    if benefit.eligible_from is None:
        return None
    return prose().check_advice.eligible_from.format(date=_day(benefit.eligible_from))


def opens_with_text(benefit: BenefitResult, facts: FactRegistry, confirmed: bool = False) -> str | None:
    """👉 到当地公共就业服务机构办理失业登记后，就可以申请 — what the person can do to open it;
    `confirmed`: the item already says what to confirm, and with whom, so it is not said again."""
    if not benefit.opens_with:
        return None
    words = prose().check_advice
    actions = words.actions_joiner.join(_action(f, facts) for f in benefit.opens_with)
    if benefit.opens_to in {"eligible", "as_employer"}:
        template = words.opens_with
    else:
        template = words.opens_with_then if confirmed else words.opens_with_possible
    return template.format(actions=actions)


def _action(fact: str, facts: FactRegistry) -> str:
    action = facts[fact].action
    return action.text if action is not None else facts[fact].label


def is_near_miss(benefit: BenefitResult, facts: FactRegistry) -> bool:
    """Not (yet) the person's, but within reach: something they can do opens it (a registration, a
    document), time alone will (a date), or it failed only on a figure the person is still short of
    (参保满3年 with 2). Never a group the person cannot join (学历, 家庭, 退役军人) nor a window or age band
    already passed (毕业年度, 离校1年内): "almost" is one reachable condition, not who one is (session 24)."""
    if benefit.status != "ineligible":
        return False
    if benefit.beneficiary != "applicant":
        # The owner's unit's, when something the unit can do opens it (与所招人员签订劳动合同).
        return bool(benefit.opens_with)
    return bool(benefit.opens_with) or benefit.eligible_from is not None or _short_of_a_figure(benefit, facts)


def _document_json(benefit: BenefitResult) -> dict[str, Any] | None:
    doc = benefit.document
    if doc is None:
        return None
    return {
        "id": doc.id,
        "name": doc.short_name,
        "year": doc.year,
        "signed": doc.signed.isoformat(),
        "effective": doc.effective.isoformat() if doc.effective else None,
        "ends": doc.ends.isoformat() if doc.ends else None,
        "status": doc.status,
        "checked_on": doc.checked_on.isoformat(),
        "may_have_changed": doc.stale,
        "text": document_line(benefit),
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
    # The surer first: fewest conditions still open (facts not known, conditions to confirm).
    possible = sorted((b for b in applicant if b.status == "possibly_eligible"), key=_open_count)
    for_others = [b for b in others if b.status == "if_hired"]
    as_employer = [b for b in others if b.status == "as_employer"]
    near = near_misses(result, facts)
    lines = [words.title.format(message=check_message(result))]
    if any(b.document_status == "draft" for b in result.benefits):
        lines.append(words.draft)
    dated = documents_line(result)
    notice = stale_notice(result)
    lines.extend(line for line in (dated, notice) if line)
    listed: list[BenefitResult] = []

    def section(title: str, benefits: list[BenefitResult], detail: Callable[[BenefitResult], list[str]]) -> None:
        if not benefits:
            return
        lines.append("\n" + words.count.format(title=title, count=len(benefits)))
        for benefit in benefits:
            listed.append(benefit)
            lines.append(f"{len(listed)}. {benefit_name(benefit)}")
            lines.extend(f"   {line}" for line in detail(benefit))
            basis = "、".join(name(c.clause_id) for c in benefit.citations)
            lines.append(f"   {words.basis.format(clauses=basis)}")

    section(words.eligible, eligible, lambda b: _eligible_detail(b, facts))
    section(words.possible, possible, lambda b: _possible_detail(b, facts))
    section(words.other, for_others, lambda b: _other_detail(b, facts))
    section(prose().as_employer.chat_title, as_employer, lambda b: _employer_detail(b, facts))
    section(words.near_miss, near, lambda b: _near_miss_detail(b, rulebook))
    pending = pending_lines(result)
    if pending:
        lines.append("\n" + "\n".join(pending))
    if not eligible and not possible and result.benefits:
        lines.append("\n" + words.nothing)
    # A unit's measure failed is no miss of the person's: it is counted with the units' (session 25).
    rest = len([b for b in own_misses(result) if b not in near])
    if rest > 0:
        lines.append("\n" + words.ineligible.format(count=rest))
    units_failed = units_failed_count(result, near)
    if units_failed:
        lines.append(prose().check_advice.units_failed_count.format(count=units_failed))
    expired = listed_expired(result)
    if expired:
        lines.append(words.expired.format(count=len(expired), names="、".join(b.name for b in expired)))
    lines.append(f"\n{prose().results.disclaimer}\n{words.correct}")
    return ResultsMessage(text="\n".join(lines), listed=tuple(listed))


def near_misses(result: CheckResult, facts: FactRegistry) -> list[BenefitResult]:
    """The failed benefits the results list as 差一点符合: within reach first — what the person can do, or time will
    do, before a figure missed."""
    failed = [b for b in result.benefits if b.status == "ineligible"]
    reachable = sorted(
        (b for b in failed if is_near_miss(b, facts)),
        key=lambda b: not (b.opens_with or b.eligible_from),
    )
    return reachable[:NEAR_MISSES]


def listed_expired(result: CheckResult) -> list[BenefitResult]:
    """The ended time-limited measures worth telling this person: their own; an employer's or provider's
    only when the person's own business hires (it has an `as_employer` benefit). A job-seeker in 2026 is
    not shown a 2020 employer's subsidy that has ended (session 11): it was never theirs, and it is over."""
    employer = any(b.status == "as_employer" for b in result.benefits)
    return [b for b in result.benefits if b.status == "expired" and (employer or b.beneficiary == "applicant")]


def reasons_message(result: CheckResult, rulebook: Rulebook) -> str:
    """Every benefit of the person's own not qualified for, with all its reasons; then, apart, the
    employers' and providers' measures that failed: a unit's benefit is never the person's miss (session
    25) — it is what a unit hiring them could not claim, or, for an owner, what their unit could not."""
    words = prose().dialogue.results
    failed = [b for b in result.benefits if b.status == "ineligible"]
    # One item, one status (session 42, emp42): what the results list as 差一点符合 is told here under that title,
    # never again among the 不符合.
    near = near_misses(result, rulebook.facts)
    own = [b for b in failed if b.beneficiary == "applicant" and b not in near]
    units = [b for b in failed if b.beneficiary != "applicant" and b not in near]
    if not failed:
        return words.no_reasons
    lines = [words.reasons_title if own else words.no_reasons]

    def listed(benefits: list[BenefitResult]) -> None:
        for number, benefit in enumerate(benefits, start=1):
            lines.append(f"{number}. {benefit.name}")
            lines.extend(f"   · {reason}" for reason in reason_texts(benefit, rulebook))

    listed(own)
    if near:
        lines.append("\n" + words.near_title)
        listed(near)
    if units:
        of_the_unit = any(
            r.requirement is not None and r.requirement.subject == "hire" for b in units for r in b.reasons
        )
        lines.append("\n" + (words.units_title_owner if of_the_unit else words.units_title))
        listed(units)
    return "\n".join(lines)


def runs_a_unit(result: CheckResult) -> bool:
    """The person's own business hires, or its measures were judged on its hires: the units' measures it
    fails are its own (an owner's), not those of some unit that might hire a job-seeker."""
    return any(b.status == "as_employer" for b in result.benefits) or any(
        r.requirement is not None and r.requirement.subject == "hire"
        for b in result.benefits
        if b.status == "ineligible" and b.beneficiary != "applicant"
        for r in b.reasons
    )


def units_failed_count(result: CheckResult, shown: list[BenefitResult]) -> int:
    """How many of the person's own unit's measures it cannot claim now and no list above shows (an
    owner's; 0 for anyone else). A job-seeker is never told a count of measures paid to other units or
    providers: nothing in it is about them, and 另有 7 项…未列出 right after the units' list read as hidden
    items of theirs (session 28's walk). What a hiring unit could not claim is in 查看全部原因, apart."""
    if not runs_a_unit(result):
        return 0
    return sum(
        1 for b in result.benefits if b.beneficiary != "applicant" and b.status == "ineligible" and b not in shown
    )


def own_misses(result: CheckResult) -> list[BenefitResult]:
    """The person's own benefits they do not qualify for (never a unit's: those are told apart)."""
    return [b for b in result.benefits if b.status == "ineligible" and b.beneficiary == "applicant"]


def _near_miss_detail(benefit: BenefitResult, rulebook: Rulebook) -> list[str]:
    later = eligible_from_text(benefit)
    # Every unmet condition, not the first alone: what the action leaves open is listed too (session 30).
    reasons = [prose().dialogue.results.reason.format(reason=r) for r in reason_texts(benefit, rulebook)]
    opens = opens_with_text(benefit, rulebook.facts)
    # The owner's unit's near miss is said as the unit's (补贴发给单位，不是您个人).
    whose = [prose().as_employer.unit_label] if benefit.beneficiary != "applicant" else []
    return [*whose, *reasons, *([later] if later else []), *([opens] if opens else [])]


def _short_of_a_figure(benefit: BenefitResult, facts: FactRegistry) -> bool:
    """Failed on one requirement only, an amount of the person's own that must reach a figure (参保满3年,
    经营满12个月): more of it is within reach. A requirement over several facts (高校毕业生，或离校1年内…)
    or on a kind, a group or a date is not, however many digits its wording holds."""
    if len(benefit.reasons) != 1:
        return False
    reason = benefit.reasons[0]
    requirement = reason.requirement
    fact = requirement.fact if requirement is not None else None
    if reason.kind != "failed" or requirement is None or fact is None or fact not in facts:
        return False
    return (
        requirement.subject == "person"
        and requirement.comparison in REACHABLE
        and facts[fact].type in {"integer", "number"}
    )


def _warnings(benefit: BenefitResult) -> list[str]:
    if benefit.valid_to is None:
        return []
    return [prose().dialogue.results.valid_to.format(date=_day(benefit.valid_to))]


def _amount(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    amount = benefit_amount(benefit, facts)
    return [prose().dialogue.results.amount.format(amount=amount)] if amount else []


def _eligible_detail(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    return _amount(benefit, facts) + _warnings(benefit) + _deadline(benefit)


def _still_open(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    """What is still to confirm: the facts not yet known, then the requirements the answers left open."""
    labels = "、".join(dict.fromkeys(_fact_label(f, facts) for f in benefit.missing_facts))
    missing = [prose().dialogue.results.to_confirm.format(facts=labels)] if labels else []
    return missing + _to_confirm(benefit, facts)


def _to_confirm(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    """The open conditions, one line per office that decides them (需向民政部门确认：…；…), each said once."""
    words = prose().check_advice
    offices = confirm_offices(benefit, facts)
    grouped: dict[str, dict[str, None]] = {}
    for index, reason in enumerate(benefit.reasons):
        if index in offices and reason.requirement is not None and reason.requirement.text:
            grouped.setdefault(offices[index], {})[reason.requirement.text] = None
    return [
        words.to_confirm.format(office=office, requirement=words.confirm_joiner.join(texts))
        for office, texts in grouped.items()
    ]


def _open_count(benefit: BenefitResult) -> int:
    return len(benefit.missing_facts) + sum(1 for r in benefit.reasons if r.kind == "to_confirm")


def _possible_detail(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    # What opens it is said after what is to confirm, without asking to confirm a second time.
    opens = opens_with_text(benefit, facts, confirmed=bool(_to_confirm(benefit, facts)))
    return (
        _amount(benefit, facts)
        + _still_open(benefit, facts)
        + ([opens] if opens else [])
        + _warnings(benefit)
        + _deadline(benefit)
    )


def _deadline(benefit: BenefitResult) -> list[str]:
    if benefit.deadline is None:
        return []
    return [prose().check_advice.deadline.format(deadline=benefit.deadline.text)]


def _other_detail(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    hiring = hiring_text(benefit)
    maybe = prose().dialogue.results.maybe if benefit.missing_facts else ""
    return [prose().check_advice.if_hired_count + maybe, *_amount(benefit, facts), *([hiring] if hiring else [])]


def _employer_detail(benefit: BenefitResult, facts: FactRegistry) -> list[str]:
    hiring = hiring_text(benefit)
    # What is still open about the people hired or the unit (session 13), worded as the unit's.
    line = prose().as_employer.chat_line if benefit.hiring else prose().as_employer.unit_chat_line
    hires = hires_text(benefit)
    return [
        line,
        *_amount(benefit, facts),
        *([hiring] if hiring else []),
        *([hires] if hires else []),
        *_still_open(benefit, facts),
    ]


def _fact_label(fact: str, facts: FactRegistry) -> str:
    return open_label(facts[fact]) if fact in facts else fact


def _day(day: date) -> str:
    return citations.chinese_date(day)
