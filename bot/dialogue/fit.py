"""Answers that know the person: a measure the person's own facts rule out is not presented as theirs.

After a self-description or a check the dialogue knows facts about the person (失业, 在长春, 大专…).
An answer to 我能拿什么 may still quote a measure whose rule requires the opposite (技能提升补贴 is for
在职的企业职工). Whether it does is decided the way the check decides it — by the eligibility rules,
deterministically: the measure's rule is the benefit for the person (`applicant`) whose cited sentence
is the measure's verbatim span (same clause, one quote inside the other), evaluated on the facts the
person gave (recorded, or still on the card: "按您说的情况"). A rule that fails on a stated fact makes
the measure a misfit: shown after the ones that fit, marked with that requirement and the fact said.
Facts not given are never assumed: a measure is only marked when a fact the person stated fails it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.dialogue import render
from bot.present.answers import Misfit
from eligibility.engine import Engine
from eligibility.errors import ProfileError
from eligibility.profile import Profile
from eligibility.rulebook import Benefit
from knowledge.answer_model import Answer, MeasureRef

# Measures paid to the person themselves (knowledge's measure registry words it `person`).
_PERSONAL = "person"
# Facts whose values name themselves (an option's label); any other value is shown with its fact's label.
_SELF_NAMED = frozenset({"enum", "enum_list"})
# The option value of an enum that says there is none (经营形式 没有).
_NONE = "none"


class Fit:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.facts = engine.rulebook.facts

    def misfits(self, answer: Answer, known: dict[str, Any], today: date) -> dict[str, Misfit]:
        """The answer's measures (by id) that a rule rules out on the facts the person stated."""
        profile = self._profile(known, today)
        if not profile.values:
            return {}
        found: dict[str, Misfit] = {}
        for measure in _measures(answer):
            if measure.beneficiary != _PERSONAL or measure.measure_id in found:
                continue
            misfit = self._misfit(measure, profile, known)
            if misfit is not None:
                found[measure.measure_id] = misfit
        return found

    def _misfit(self, measure: MeasureRef, profile: Profile, told: dict[str, Any]) -> Misfit | None:
        for benefit in self._rules_of(measure):
            result = self.engine.evaluate(benefit, profile, asking=False).result
            if result.status != "ineligible":
                continue
            for reason in result.reasons:
                if reason.kind != "failed" or reason.requirement is None or not reason.requirement.text:
                    continue
                said = list(
                    dict.fromkeys(
                        self._said(*self._told(s.fact, s.value, told, profile))
                        for s in reason.stated
                        if s.fact in profile.values and s.value is not None
                    )
                )
                if said:
                    return Misfit(name=measure.name, requirement=reason.requirement.text, said="，".join(said))
        return None

    def _told(self, fact: str, value: Any, told: dict[str, Any], profile: Profile) -> tuple[str, Any]:
        """The fact the person told that a failing fact stands for: one implied by another (经营形式：没有 from
        失业) is said as the one told (失业、待业), never as a value the person never gave."""
        implied = self.facts.implied.get(fact)
        if fact not in told and implied is not None and profile.values.get(implied.when) is not None:
            return implied.when, profile.values[implied.when]
        return fact, value

    def _said(self, fact: str, value: Any) -> str:
        """失业、待业（没有工作） says itself; 3个月 or 是 needs its fact's name (正常经营时长：3个月)."""
        spec = self.facts[fact]
        shown = render.fact_value(self.facts, fact, value)
        # An option saying there is none (经营形式 没有, 证书 没有证书) or no option at all names nothing alone.
        names_itself = spec.type in _SELF_NAMED and value not in (_NONE, [], ())
        return shown if names_itself else f"{spec.label}：{shown}"

    def _rules_of(self, measure: MeasureRef) -> list[Benefit]:
        """The person's benefits whose cited sentences are this measure's span."""
        rules = self.engine.rulebook.benefits_of(measure.jurisdiction) if measure.jurisdiction else []
        return [
            b
            for b in rules
            if b.beneficiary == "applicant"
            and any(
                s.cite == measure.clause_id and (s.quote in measure.quote or measure.quote in s.quote)
                for s in b.citations
            )
        ]

    def _profile(self, known: dict[str, Any], today: date) -> Profile:
        values: dict[str, Any] = {}
        for fact, raw in known.items():
            if fact not in self.facts:
                continue
            try:
                values[fact] = self.facts.parse(fact, raw, today)
            except ProfileError:
                continue
        # As the check reads them: what the facts imply, and a group said without its kind (退役士兵)
        # as every kind it may be — a requirement on the kind is undecided, never failed.
        return Profile(as_of=today, values=self.facts.with_possible(self.facts.with_implied(values)))


def _measures(answer: Answer) -> list[MeasureRef]:
    direct = answer.direct.measures if answer.direct is not None else ()
    return [*direct, *answer.measures]
