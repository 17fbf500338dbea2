"""The eligibility engine: profile → rules (yes / no / unknown) → next question | results.

Region comes first, because benefits are local: an uncovered place ends the check with the list
of places we do cover. Then every benefit of that jurisdiction is evaluated, dated by `as_of`
(expired measures say so), and the facts still missing from the open ones pick the next question.
The engine does no I/O and reads no clock: the profile carries `as_of`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eligibility.conditions import Finding, Outcome, evaluate, facts_that_matter
from eligibility.profile import Profile
from eligibility.questions import choose_next_facts, question_for, region_question
from eligibility.regions import RegionResolver
from eligibility.results import (
    BenefitResult,
    CheckResult,
    CheckStatus,
    ClauseQuote,
    NextQuestion,
    Reason,
    RegionInfo,
)
from eligibility.rulebook import Benefit, Rulebook

BENEFICIARY_LABELS = {
    "applicant": "您本人可享受",
    "employer": "用人单位可享受（招用您的单位申领，补贴发给用人单位）",
    "service_provider": "人力资源服务机构可享受（为您介绍就业的机构申领）",
}
STATUS_ORDER = {"eligible": 0, "possibly_eligible": 1, "ineligible": 2, "expired": 3}
DRAFT_NOTE = "该条款出自征求意见稿（草案），不是正式施行的文件，以正式发布的文件为准。"


@dataclass(frozen=True, slots=True)
class Evaluation:
    """A benefit's result plus the unanswered facts that could still change it (for the next question)."""

    result: BenefitResult
    open_facts: tuple[str, ...]


class Engine:
    def __init__(self, rulebook: Rulebook, resolver: RegionResolver) -> None:
        self.rulebook = rulebook
        self.resolver = resolver

    def check(self, profile: Profile) -> CheckResult:
        covered = tuple(self.rulebook.jurisdictions)
        if not profile.is_answered("region"):
            return self._without_benefits(
                profile,
                "needs_more_info",
                RegionInfo(query=None, place=None),
                "请先告诉我们您所在的地区。",
                region_question(self.rulebook),
            )
        query = profile.values["region"]
        if query is None:
            return self._without_benefits(
                profile,
                "region_not_covered",
                RegionInfo(query=None, place=None),
                f"不知道所在地区时无法判断适用哪地政策。目前收录：{'、'.join(covered)}。",
                None,
            )
        region = self.resolver.resolve(query)
        info = RegionInfo(query=query, place=region.place)
        if not region.covered or region.jurisdiction not in covered:
            return self._without_benefits(
                profile,
                "region_not_covered",
                info,
                _not_covered_message(region.place, region.candidates, covered),
                None,
            )
        jurisdiction = str(region.jurisdiction)
        evaluations = [self.evaluate(b, profile) for b in self.rulebook.benefits_of(jurisdiction)]
        members = choose_next_facts(_open_facts(evaluations), profile, self.rulebook.facts)
        next_question = question_for(members, self.rulebook.facts) if members else None
        results = sorted((e.result for e in evaluations), key=lambda r: STATUS_ORDER[r.status])
        status: CheckStatus = "needs_more_info" if next_question else "complete"
        place = region.place or jurisdiction
        message = f"已按{jurisdiction}的政策判断（您所在：{place}）。"
        return CheckResult(
            status=status,
            as_of=profile.as_of,
            jurisdiction=jurisdiction,
            region=info,
            covered_jurisdictions=covered,
            message=message,
            next_question=next_question,
            benefits=tuple(results),
        )

    def _without_benefits(
        self,
        profile: Profile,
        status: CheckStatus,
        info: RegionInfo,
        message: str,
        question: NextQuestion | None,
    ) -> CheckResult:
        """A result without benefits: the region is still to be asked, or is not covered."""
        return CheckResult(
            status=status,
            as_of=profile.as_of,
            jurisdiction=None,
            region=info,
            covered_jurisdictions=tuple(self.rulebook.jurisdictions),
            message=message,
            next_question=question,
            benefits=(),
        )

    def evaluate(self, benefit: Benefit, profile: Profile) -> Evaluation:
        """One benefit against one profile: status, reasons, missing facts, amount, citations."""
        as_of = profile.as_of
        if benefit.valid_to is not None and as_of > benefit.valid_to:
            reason = Reason(
                text=f"该措施限{benefit.validity_label}执行，有效期至{_day(benefit.valid_to)}，"
                f"查询日期{_day(as_of)}已超过有效期",
                clause_id=benefit.validity_cite,
            )
            return Evaluation(self._result(benefit, profile, "expired", (reason,), ()), ())
        if as_of < benefit.valid_from:
            reason = Reason(
                text=f"该政策自{_day(benefit.valid_from)}起施行，查询日期{_day(as_of)}早于施行日期", clause_id=None
            )
            return Evaluation(self._result(benefit, profile, "ineligible", (reason,), ()), ())
        outcome = evaluate(benefit.condition, profile.values, as_of)
        if outcome.value is True:
            return Evaluation(self._result(benefit, profile, "eligible", (), ()), ())
        if outcome.value is False:
            reasons = tuple(self._explain_failure(f, profile) for f in outcome.failed)
            return Evaluation(self._result(benefit, profile, "ineligible", reasons, ()), ())
        missing = _missing(outcome)
        reasons = tuple(self._explain_unknown(f, profile) for f in _unique_findings(outcome.unknown))
        facts = self.rulebook.facts
        matter = facts_that_matter(
            benefit.condition,
            profile.values,
            as_of,
            lambda f: not profile.is_answered(f) and facts[f].is_askable,
        )
        open_facts = tuple(f for f in missing if f in matter)
        return Evaluation(self._result(benefit, profile, "possibly_eligible", reasons, missing), open_facts)

    def _result(
        self,
        benefit: Benefit,
        profile: Profile,
        status: str,
        reasons: tuple[Reason, ...],
        missing: tuple[str, ...],
    ) -> BenefitResult:
        amount = None
        if benefit.amount is not None:
            spec = self.rulebook.facts[benefit.amount.fact] if benefit.amount.fact else None
            amount = benefit.amount.render(profile.values, spec)
        notes = benefit.notes + ((DRAFT_NOTE,) if benefit.document_status == "draft" else ())
        return BenefitResult(
            id=benefit.id,
            name=benefit.name,
            status=status,  # type: ignore[arg-type]
            beneficiary=benefit.beneficiary,  # type: ignore[arg-type]
            beneficiary_label=BENEFICIARY_LABELS[benefit.beneficiary],
            summary=benefit.summary,
            amount=amount,
            reasons=reasons,
            missing_facts=missing,
            valid_from=benefit.valid_from,
            valid_to=benefit.valid_to,
            document_status=benefit.document_status,  # type: ignore[arg-type]
            notes=notes,
            citations=tuple(ClauseQuote(clause_id=c.cite, quote=c.quote) for c in benefit.citations),
        )

    def _explain_failure(self, finding: Finding, profile: Profile) -> Reason:
        known = [
            self.rulebook.facts[f].describe(profile.values[f])
            for f in finding.facts
            if profile.values.get(f) is not None
        ]
        person = "，".join(known)
        text = f"{finding.requirement}，{person}" if person else finding.requirement
        return Reason(text=text, clause_id=finding.cite)

    def _explain_unknown(self, finding: Finding, profile: Profile) -> Reason:
        unsure = [self.rulebook.facts[f].label for f in finding.facts if profile.is_answered(f)]
        if unsure:
            text = f"{finding.requirement}：您表示不清楚{'、'.join(unsure)}，请向当地人社部门确认"
            return Reason(text=text, clause_id=finding.cite)
        return Reason(text=f"待确认：{finding.requirement}", clause_id=finding.cite)


def _open_facts(evaluations: list[Evaluation]) -> list[tuple[str, ...]]:
    return [e.open_facts for e in evaluations if e.result.status == "possibly_eligible"]


def _missing(outcome: Outcome) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for finding in outcome.unknown for f in finding.facts))


def _unique_findings(findings: list[Finding]) -> list[Finding]:
    seen: dict[tuple[str, tuple[str, ...]], Finding] = {}
    for finding in findings:
        seen.setdefault((finding.requirement, finding.facts), finding)
    return list(seen.values())


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _not_covered_message(place: str | None, candidates: tuple[str, ...], covered: tuple[str, ...]) -> str:
    listed = "、".join(covered)
    if place and candidates:
        return f"{place}我们只收录了其中{'、'.join(candidates)}的政策，请告诉我们具体城市。目前收录：{listed}。"
    if place:
        return f"暂未收录{place}的就业政策。目前收录：{listed}。"
    return f"没有识别出您所在的地区，请写省、市或区县名称。目前收录：{listed}。"
