"""Several certificates (issue 11): the interview asks one at a time and asks for another only when
it could matter; a profile may list them; the chat and the terminal word them.

吉林（二十）：“自2017年1月1日起取得职业资格证书或职业技能等级证书的企业职工…在证书颁发之日起12个月内，
可申请技能提升补贴…取得中级（四级）证书的补贴标准为1500元”.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.dialogue.render import fact_value
from bot.present.check import check_text
from eligibility.engine import Engine
from eligibility.interview import run_interview
from eligibility.profile import Profile, parse_profile
from eligibility.results import BenefitResult, CheckResult, NextQuestion
from knowledge.registry import load_registry

AS_OF = date(2026, 3, 1)
SKILLS = "jilin.skill_upgrade_subsidy"
# Session 27: never had a 技能提升补贴 (whether one had for an earlier certificate bars a new one is to confirm).
WORKER = {"region": "长春", "employment_status": "employed", "ui_years": 5, "received_before": []}


def _benefit(result: CheckResult, benefit_id: str = SKILLS) -> BenefitResult:
    return next(b for b in result.benefits if b.id == benefit_id)


def _interview(engine: Engine, profile_of: Any, certificates: list[tuple[str, str]], more: list[bool]) -> Any:
    """Answer the certificate questions from the lists, everything else 不清楚."""
    levels = iter(c[0] for c in certificates)
    dates = iter(c[1] for c in certificates)
    mores = iter(more)
    asked: list[str] = []

    def answer(question: NextQuestion, profile: Profile) -> Any:
        asked.append(question.fact)
        if question.fact == "certificate_level":
            return next(levels)
        if question.fact == "certificate_date":
            return next(dates)
        if question.fact == "more_certificates":
            return next(mores)
        return None

    interview = run_interview(engine, profile_of(dict(WORKER), AS_OF), answer)
    return interview, asked


def test_an_old_senior_and_a_new_intermediate_certificate_are_both_asked(engine: Engine, profile_of: Any) -> None:
    interview, asked = _interview(
        engine, profile_of, [("senior", "2015-06-01"), ("intermediate", "2025-09-01")], [True]
    )
    assert asked.count("certificate_level") == 2 and asked.count("certificate_date") == 2
    assert asked.count("more_certificates") == 1, "the new certificate qualifies: no need to ask for a third"
    benefit = _benefit(interview.result)
    assert benefit.status == "eligible"
    assert benefit.amount is not None and benefit.amount.text == "1500元"
    stored = interview.profile.values["certificates"]
    assert stored[0] == {"level": "senior", "date": date(2015, 6, 1)}


def test_no_other_certificate_leaves_the_old_one_failing(engine: Engine, profile_of: Any) -> None:
    interview, asked = _interview(engine, profile_of, [("senior", "2015-06-01")], [False])
    assert asked.count("more_certificates") == 1
    benefit = _benefit(interview.result)
    assert benefit.status == "ineligible"
    assert any(r.requirement and r.requirement.comparison == "within_months" for r in benefit.reasons)


def test_another_certificate_is_not_asked_when_the_first_qualifies(engine: Engine, profile_of: Any) -> None:
    interview, asked = _interview(engine, profile_of, [("intermediate", "2025-09-01")], [])
    assert "more_certificates" not in asked
    assert _benefit(interview.result).status == "eligible"


def test_another_certificate_is_not_asked_when_none_could_help(engine: Engine, profile_of: Any) -> None:
    """参保不满3年: no certificate changes 吉林（二十）, so whether there is another is not asked."""
    profile = profile_of({**WORKER, "ui_years": 1, "certificate_level": "senior", "certificate_date": "2015-06-01"})
    result = engine.check(profile.model_copy(update={"as_of": AS_OF}))
    assert _benefit(result).status == "ineligible"
    assert result.next_question is None or result.next_question.fact != "more_certificates"


def test_a_collected_profile_round_trips_through_json(engine: Engine, profile_of: Any) -> None:
    """The chat stores the profile as JSON between turns: the list and its open record survive."""
    interview, _ = _interview(engine, profile_of, [("senior", "2015-06-01"), ("intermediate", "2025-09-01")], [True])
    stored = interview.profile.as_json()
    assert stored["certificates"] == [{"level": "senior", "date": "2015-06-01"}, {}]
    again = parse_profile(stored, engine.rulebook.facts, AS_OF)
    assert again == interview.profile
    assert engine.check(again) == interview.result


def test_the_chat_and_the_terminal_word_several_certificates(engine: Engine, profile_of: Any) -> None:
    raw = {**WORKER, "certificates": [{"level": "junior", "date": "2025-06-01"}, {"level": "intermediate"}]}
    facts = engine.rulebook.facts
    profile = parse_profile(raw, facts, AS_OF)
    shown = fact_value(facts, "certificates", profile.as_json()["certificates"])
    assert shown == "初级（五级），2025年6月1日；中级（四级），不清楚"
    assert fact_value(facts, "certificates", []) == "无"
    records = [{"level": "junior", "date": "2025-06-01"}, {"level": "senior", "date": "2026-01-10"}]
    both = {**WORKER, "certificates": records}
    text = check_text(engine.check(parse_profile(both, facts, AS_OF)), load_registry(), engine.rulebook)
    assert "· 职工技能提升补贴：按每张证书分别计发：初级（五级）1000元；高级（三级）2000元" in text


def test_a_certificates_date_is_asked_even_when_the_job_and_insurance_are_unknown(
    engine: Engine, profile_of: Any
) -> None:
    """A hypothesis example: 在职 and 参保年限 answered 不清楚 keep 吉林（二十）open, yet the date still
    decides it — an old certificate and no other one rule it out, a recent one keeps it open."""
    unsure = dict.fromkeys(["employment_status", "education", "household", "job_seeking", "veteran"])
    unsure |= dict.fromkeys(["overcapacity_worker", "social_insurance_paid", "ui_years"])
    raw = {"region": "延吉", **unsure, "business_form": "none", "wants_business": False, "wants_training": False}
    # Session 22: with 吉林（十二）'s parity (劳动年龄) open on the unsure household, the age is said, so the
    # certificate's date is what is left to ask.
    raw["age"] = 35
    # Session 36: 吉林（十八）'s contest win (a yes/no of the person's own) is answered, not what this is about.
    raw["skill_contest_winner"] = False
    profile = profile_of({**raw, "certificate_level": "junior"}, date(2019, 1, 1))
    question = engine.check(profile).next_question
    assert question is not None and question.fact == "certificate_date"
    recent = profile.with_answer("certificate_date", date(2018, 6, 1))
    assert _benefit(engine.check(recent)).status == "possibly_eligible"
    old = profile.with_answer("certificate_date", date(2016, 6, 1))
    asked = engine.check(old)
    assert asked.next_question is not None and asked.next_question.fact == "more_certificates"
    assert _benefit(asked).status == "possibly_eligible"
    assert _benefit(engine.check(old.with_answer("more_certificates", False))).status == "ineligible"


def _asked_with_everything_else_unknown(engine: Engine, profile: Profile, certificate_date: date) -> Any:
    asked: list[str] = []

    def answer(question: NextQuestion, profile: Profile) -> Any:
        asked.append(question.fact)
        return certificate_date if question.fact == "certificate_date" else None

    return run_interview(engine, profile, answer), asked


@pytest.mark.parametrize("more", [None, True])
def test_after_dont_know_to_another_certificate_the_date_is_asked_only_where_it_could_qualify(
    engine: Engine, profile_of: Any, more: bool | None
) -> None:
    """不清楚 (or yes, not yet described) to 其他证书: an old certificate no longer rules 吉林（二十）out,
    so its date is worth asking only while the rest could still be met — not after 不清楚 to the job."""
    named = {"certificate_level": "intermediate", "more_certificates": more}
    worker = profile_of({**WORKER, **named}, AS_OF)
    interview, asked = _asked_with_everything_else_unknown(engine, worker, date(2025, 9, 1))
    assert "certificate_date" in asked and _benefit(interview.result).status == "eligible"
    unsure = profile_of({**WORKER, "employment_status": None, **named}, AS_OF)
    interview, asked = _asked_with_everything_else_unknown(engine, unsure, date(2025, 9, 1))
    assert "certificate_date" not in asked and _benefit(interview.result).status == "possibly_eligible"
