"""Why a benefit is not (yet) open, worded: requirements, the person's answers, the reasons.

`eligibility` says which condition failed or is open (a rule's own `requirement:` words, or the
fact, comparison and operand), which of the person's answers it speaks about, and the dates of a
measure's validity; this module phrases them from prose.yaml (`eligibility.requirements`,
`stated`, `reasons`), e.g. 需失业保险参保年限不少于3年，您的失业保险参保年限为2年.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from bot.present import citations
from bot.present.prose import prose
from eligibility.facts import FactRegistry, FactSpec
from eligibility.results import BenefitResult, Reason, Requirement, Stated
from eligibility.rulebook import Rulebook

NUMERIC = {"gte": "at_least", "gt": "more_than", "lte": "at_most", "lt": "less_than"}
CHOICES = {"in": "one_of", "not_in": "none_of", "contains_any": "any_of", "not_contains_any": "not_received"}
# The office an open condition says decides it: 由民政部门核算…确定, 由人社部门认定, 由安置地民政部门确认,
# 由担保基金和经办金融机构认定 — the one to confirm it with (session 24).
DECIDED_BY = re.compile(
    r"由(?P<office>[^，。；、（）“”\s]{1,12}?(?:部门|机构|银行))[^，。；）]{0,12}?(?:认定|确定|确认|核算|审核|核定)"
)


def value_text(spec: FactSpec, value: Any) -> str:
    """A fact's value as a person reads it: 2019年6月30日, 个体工商户, 2年, 3.5年."""
    if isinstance(value, date):
        return citations.chinese_date(value)
    if spec.type == "enum":
        return spec.option_label(value)
    if isinstance(value, float):
        return f"{value:g}{spec.unit}"
    return f"{value}{spec.unit}"


def records_text(facts: FactRegistry, spec: FactSpec, records: Any) -> str:
    """A list of records as a person reads it: 高级（三级），2015年6月1日；中级（四级），2026年3月1日."""
    words = prose().records
    if not records:
        return words.none
    shown = []
    # A list described one record at a time (the people hired, session 14) says what was said of each,
    # in the facts' own phrases; a short fixed record (a certificate: level, date) shows every field.
    described = spec.next_record is not None
    for record in records:
        parts = []
        for key, fact in spec.fields.items():
            value = record.get(key)
            field = facts[fact]
            if isinstance(value, str) and field.type == "date":
                value = date.fromisoformat(value)
            if described and value is None:
                continue
            if described and field.type == "boolean":
                parts.append(str(field.tick or field.holds) if value else str(field.fails))
            elif described and field.type == "enum_list":
                parts.append(f"{field.label}：{'、'.join(field.option_label(v) for v in value) or field.empty}")
            elif described:
                parts.append(f"{field.label}：{value_text(field, value)}")
            else:
                parts.append(words.unknown_field if value is None else value_text(field, value))
        if record:
            shown.append(words.field_separator.join(parts))
    return words.record_separator.join(shown) or words.none


def open_label(spec: FactSpec) -> str:
    """A fact not known yet, as a person reads it in 还需确认：… and 您表示不清楚…: a yes/no fact of the person by
    what it asks (是否有尚未还清的创业担保贷款, 是否为残疾人 — not the bare 创业担保贷款, 残疾; session 30), else
    its label (家庭情况, 学历)."""
    holds = spec.holds
    if spec.type != "boolean" or spec.about != "person" or not holds or "{" in holds:
        return spec.label
    phrase = holds[1:] if holds.startswith("是") else holds
    return f"是否为{phrase}" if holds.startswith("是") else f"是否{phrase}"


def stated_text(spec: FactSpec, value: Any) -> str:
    """The person's own answer in a reason: 您的失业保险参保年限为2年, 您已认定为就业困难人员; an
    option that says it all by itself is quoted alone (您不是退役军人)."""
    words = prose().eligibility.stated
    if value is None:
        return words.unknown.format(label=open_label(spec))
    # A fact of the person hired (所招人员的家庭情况) is the hire's, never 您的 (session 42, emp42).
    value_template = words.of_hire if spec.about == "hire" else words.value
    if spec.type == "boolean":
        return words.boolean.format(phrase=spec.holds if value else spec.fails)
    if spec.type == "enum_list":
        if not value:
            empty = str(spec.empty)  # 以前没有领过这些补贴或贷款: said of the person
            return empty if empty.startswith(("您", "招用")) else f"您{empty}"
        if spec.holds:  # 您已领取（办理）过求职创业补贴
            return words.boolean.format(phrase=spec.holds.format(value="、".join(spec.option_label(v) for v in value)))
        return value_template.format(label=spec.label, value="、".join(spec.option_label(v) for v in value))
    if spec.type == "enum":
        option = spec.option_label(value)
        plain = prose().eligibility_stated
        said = plain.plain.get(f"{spec.name}.{value}")
        if said is not None:
            return said
        if option in plain.negations:
            return plain.bare.format(option=option, label=spec.label)
        if option.startswith(plain.negations):
            return plain.itself.format(option=option)
        if any(negation in option for negation in plain.negations):
            # An option that denies inside itself (都不是, 还没有认定) is no value of the label (never
            # 您的培训基地认定为都不是): the answer is quoted as given, of what was asked (session 42, emp42).
            return plain.answered.format(label=spec.label, option=option)
    return value_template.format(label=spec.label, value=value_text(spec, value))


def requirement_text(requirement: Requirement, facts: FactRegistry) -> str:
    """The rule's own wording, else its comparison phrased: 需失业保险参保年限不少于3年."""
    if requirement.text is not None:
        hired = prose().as_employer.hired
        if requirement.subject == "hire" and hired not in requirement.text:
            # The rule's words are said of a person; to an owner they speak of the one he hires.
            return f"{hired}{requirement.text}"
        return requirement.text
    if requirement.fact is None or requirement.comparison is None:
        raise ValueError(f"a requirement without words or comparison: {requirement!r}")
    if requirement.open and requirement.comparison == "not_contains_any":
        # Session 42: a prior receipt that only leaves the measure to confirm (`once: repeat: to_confirm`).
        spec = facts[requirement.fact]
        words = prose().eligibility.requirements
        options = words.options_or.join(spec.option_label(v) for v in requirement.operand)
        return words.received_unsaid.format(options=options)
    return _phrased(facts[requirement.fact], requirement.comparison, requirement.operand)


def _phrased(spec: FactSpec, comparison: str, operand: Any) -> str:
    words = prose().eligibility.requirements
    label = spec.label
    if spec.type == "boolean":
        return words.boolean.format(phrase=spec.holds if operand else spec.fails)
    if comparison == "is":
        return words.equals.format(label=label, option=spec.option_label(operand))
    if comparison in CHOICES:
        options = words.options_or.join(spec.option_label(v) for v in operand)
        return str(getattr(words, CHOICES[comparison])).format(label=label, options=options)
    if comparison in NUMERIC:
        template = str(getattr(words, NUMERIC[comparison]))
        return template.format(label=label, number=f"{float(operand):g}", unit=spec.unit)
    if comparison in {"within_years", "within_months"}:
        return str(getattr(words, comparison)).format(label=label, count=operand)
    if comparison in {"same_calendar_year", "same_school_year"}:
        return str(getattr(words, comparison)).format(label=label)
    if comparison in {"on_or_after", "started_on_or_after"}:
        template = str(getattr(words, comparison))
        return template.format(label=label, date=citations.chinese_date(operand))
    raise ValueError(f"no wording for comparison {comparison!r}")


def reason_body(reason: Reason, facts: FactRegistry, office: str | None = None) -> str:
    """A reason without its clause: 需参加失业保险满3年，您的失业保险参保年限为2年. An open condition is
    addressed to `office` (the item's, `confirm_offices`), else to the office it names, else the 人社部门."""
    words = prose().eligibility.reasons
    if reason.kind == "expired":
        return words.expired.format(window=reason.window, valid_to=_day(reason.valid_to), as_of=_day(reason.as_of))
    if reason.kind == "not_yet_in_force":
        return words.not_yet_in_force.format(valid_from=_day(reason.valid_from), as_of=_day(reason.as_of))
    if reason.requirement is None:
        raise ValueError(f"a {reason.kind} reason without its requirement")
    requirement = requirement_text(reason.requirement, facts)
    if reason.kind == "unsure":
        return words.unsure.format(requirement=requirement, facts="、".join(_labels(reason.stated, facts)))
    if reason.kind == "to_confirm":
        return prose().check_advice.to_confirm.format(
            office=office or deciding_office(requirement), requirement=requirement
        )
    if reason.kind == "unconfirmed":
        return words.unconfirmed.format(requirement=requirement)
    if reason.requirement.comparison == "not_contains_any" and reason.requirement.fact is not None:
        # A one-time measure the person already had: 创业补贴（初创企业补贴）只能享受一次，您已经领取过.
        spec = facts[reason.requirement.fact]
        had = prose().eligibility.requirements.options_or.join(spec.option_label(v) for v in reason.requirement.operand)
        return prose().eligibility.requirements.had_it.format(options=had)
    stated = "，".join(stated_text(facts[s.fact], s.value) for s in reason.stated)
    return words.failed.format(requirement=requirement, stated=stated) if stated else requirement


def reason_text(reason: Reason, rulebook: Rulebook, office: str | None = None) -> str:
    """需参加失业保险满3年，您的失业保险参保年限为2年（吉林（二十））."""
    body = reason_body(reason, rulebook.facts, office)
    if reason.clause_id is None:
        return body
    clause = citations.clause_name(reason.clause_id, rulebook.documents)
    return prose().results.reason.format(reason=body, clause=clause)


def reason_texts(benefit: BenefitResult, rulebook: Rulebook) -> tuple[str, ...]:
    offices = confirm_offices(benefit, rulebook.facts)
    return tuple(reason_text(r, rulebook, offices.get(i)) for i, r in enumerate(benefit.reasons))


def deciding_office(requirement: str) -> str:
    """The office an open condition names as deciding it (由民政部门…确定), else the 人社部门."""
    named = DECIDED_BY.search(requirement)
    return named.group("office") if named else prose().check_advice.confirm_office


def confirm_offices(benefit: BenefitResult, facts: FactRegistry) -> dict[int, str]:
    """For each open condition of a benefit (by its index among the reasons), the office to confirm it
    with: the one it names; one that names none is part of the same matter as the others, so it goes to
    the office they name when they name exactly one (低保: 实现就业后… and 扣减多少由民政部门…确定), else
    to the 人社部门."""
    opens = {
        i: requirement_text(r.requirement, facts)
        for i, r in enumerate(benefit.reasons)
        if r.kind == "to_confirm" and r.requirement is not None
    }
    named = {i: m.group("office") for i, text in opens.items() if (m := DECIDED_BY.search(text))}
    offices = set(named.values())
    fallback = offices.pop() if len(offices) == 1 else prose().check_advice.confirm_office
    return {i: named.get(i, fallback) for i in opens}


def _labels(stated: tuple[Stated, ...], facts: FactRegistry) -> list[str]:
    return [open_label(facts[s.fact]) for s in stated]


def _day(day: date | None) -> str:
    if day is None:
        raise ValueError("a validity reason without its date")
    return citations.chinese_date(day)
