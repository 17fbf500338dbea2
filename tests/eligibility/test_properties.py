"""Properties over random profiles (hypothesis): evaluation is deterministic, a fact outside a
benefit's conditions never changes its status, and every question asked can change a result."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eligibility.coverage import PLACE_FACTS
from eligibility.engine import Engine
from eligibility.facts import FactSpec
from eligibility.profile import Profile
from eligibility.questions import HOUSEHOLD_REGION
from eligibility.roles import BROKER, ROLE_FACTS, STAFFED
from eligibility.rulebook import RECEIVED, Benefit, default_rulebook
from eligibility.units import HIRE_DATE

BOOK = default_rulebook()
REGIONS = ["延吉", "巴中", "资阳", "平顶山", "商洛"]
AS_OF = st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def value_of(spec: FactSpec, as_of: date) -> st.SearchStrategy[Any]:
    """Valid values of one fact, including the boundaries the rules use."""
    if spec.type == "boolean":
        return st.booleans()
    if spec.type == "enum":
        return st.sampled_from(spec.enum_values)
    if spec.type == "enum_list":
        return st.lists(st.sampled_from(spec.enum_values), unique=True).map(tuple)
    if spec.type == "integer":
        return st.integers(min_value=0, max_value=int(min(spec.maximum or 100, 100)))
    if spec.type == "number":
        return st.sampled_from([0, 0.5, 0.9, 1, 2, 2.9, 3, 4.5, 10])
    if spec.type == "record_list":
        fields = {key: st.none() | value_of(BOOK.facts[fact], as_of) for key, fact in spec.fields.items()}
        return st.lists(st.fixed_dictionaries({}, optional=fields), max_size=3).map(tuple)
    if spec.type == "date":
        return st.integers(min_value=-6 * 365, max_value=spec.max_future_days).map(
            lambda days: as_of + timedelta(days=days)
        )
    return st.sampled_from(REGIONS)


@st.composite
def profiles(draw: st.DrawFn, with_region: bool = True) -> Profile:
    as_of = draw(AS_OF)
    values: dict[str, Any] = {}
    for spec in BOOK.facts:
        if spec.name == "region":
            if with_region:
                values["region"] = draw(st.sampled_from(REGIONS))
            continue
        state = draw(st.sampled_from(["absent", "unknown", "known", "known"]))
        if state == "unknown":
            values[spec.name] = None
        elif state == "known":
            values[spec.name] = draw(value_of(spec, as_of))
    return Profile(as_of=as_of, values=values)


@SETTINGS
@given(profile=profiles())
def test_evaluation_is_deterministic(engine: Engine, profile: Profile) -> None:
    assert engine.check(profile) == engine.check(profile)


@SETTINGS
@given(data=st.data(), profile=profiles(with_region=False))
def test_a_fact_outside_a_benefits_conditions_never_changes_its_status(
    engine: Engine, data: st.DataObject, profile: Profile
) -> None:
    benefit = data.draw(st.sampled_from(sorted(BOOK.benefits.values(), key=lambda b: b.id)), label="benefit")
    outside = [s for s in BOOK.facts if s.name not in _speaks_of(benefit) and s.name != "region"]
    spec = data.draw(st.sampled_from(outside), label="fact")
    other = data.draw(st.one_of(st.none(), value_of(spec, profile.as_of)), label="value")
    changed = profile.with_answer(spec.name, other)
    assert engine.evaluate(benefit, profile).result.status == engine.evaluate(benefit, changed).result.status


def _speaks_of(benefit: Benefit) -> set[str]:
    """The facts a benefit's status may depend on: its conditions' facts, a record list holding them
    with the fact that collects a record (certificates, more_certificates), and — for an employer's
    benefit — the facts that decide whose it is (the person's business hiring, the person hireable)."""
    facts = set(benefit.facts)
    if benefit.household is not None and benefit.household.registered:
        # Session 28: a measure the text limits to those registered here (吉林籍) fails for a 户籍 said to be
        # elsewhere — decided by the check (the place's results), outside its conditions.
        facts.add(HOUSEHOLD_REGION)
    if benefit.once is not None:
        # A one-time measure (once:) is decided by the prior receipt too, outside its conditions.
        facts.add(RECEIVED)
    if benefit.beneficiary != "applicant":
        facts |= ROLE_FACTS | {STAFFED, HIRE_DATE, BROKER}
        # Session 13: an owner's unit is judged on the hire's and the unit's facts (the unit view).
        if benefit.unit_condition is not None:
            unit = set(benefit.unit_condition.facts())
            facts |= unit | {hire for base, hire in BOOK.facts.hire_facts.items() if base in unit}
    # Session 14: after the unit's facts, so the hires list and `more_hires` count for a unit's benefit.
    for name, spec in BOOK.facts.specs.items():
        if set(spec.fields.values()) & facts:
            facts |= {name, *(f.name for f in BOOK.facts if f.collects == name)}
    return facts


def _domain(spec: FactSpec, as_of: date) -> list[Any]:
    """Values of a fact that straddle every boundary the rules use."""
    if spec.name == HOUSEHOLD_REGION:
        # The household question's answers: a covered place, or “其他地方” (a 户籍 elsewhere).
        rest = [spec.rest_of_place.value] if spec.rest_of_place is not None else []
        return [*BOOK.jurisdictions, *rest]
    if spec.type == "boolean":
        return [True, False]
    if spec.type == "enum":
        return list(spec.enum_values)
    if spec.type == "enum_list":
        return [(), *((v,) for v in spec.enum_values)]
    if spec.type == "integer":
        return [0, 5, 6, 11, 12, 19, 20, 21, 60, 61]
    if spec.type == "number":
        return [0.0, 0.9, 1.0, 2.9, 3.0, 10.0]
    days = (0, 200, 366, 367, 700, 731, 760, 3000)
    return [as_of - timedelta(days=d) for d in days] + [
        date(as_of.year, 1, 1),
        date(as_of.year - 1, 12, 31),
        date(as_of.year, 9, 1),
        date(2016, 12, 31),
    ]


def _matters(engine: Engine, benefit: Benefit, fact: str, profile: Profile) -> bool:
    """Is there a way to answer the other open facts the benefit's status depends on (`_speaks_of`:
    its conditions, another certificate, whose benefit it is) such that `fact` decides its status?"""
    # The 户籍 only ever rules a measure out (`_speaks_of`): left unsaid, the other facts are at their most open.
    others = sorted(
        f
        for f in _speaks_of(benefit)
        if f not in {fact, HOUSEHOLD_REGION} and not profile.is_answered(f) and BOOK.facts[f].is_askable
    )
    domains = [_domain(BOOK.facts[f], profile.as_of) for f in others]
    for base in _bases(profile, others, domains):
        seen = {_status(engine, benefit, base.with_answer(fact, v)) for v in _domain(BOOK.facts[fact], profile.as_of)}
        if len(seen) > 1:
            return True
    return False


def _status(engine: Engine, benefit: Benefit, profile: Profile) -> str:
    """The benefit's status for the profile: its own evaluation, or — once the 户籍 is said — the place's check,
    which judges a measure for those registered here (吉林籍) against it."""
    if profile.is_answered(HOUSEHOLD_REGION) and HOUSEHOLD_REGION in _speaks_of(benefit):
        found = next((r for r in engine.check(profile).benefits if r.id == benefit.id), None)
        if found is not None:
            return found.status
    return engine.evaluate(benefit, _as_checked(profile)).result.status


def _as_checked(profile: Profile) -> Profile:
    """The profile as the check reads it (`Engine.check`, as `bot/dialogue/fit.py` does): what the facts imply, and an
    option said without its kind (经营主体（形式未定）) as every kind it may be. Read raw, `evaluate` saw the broad
    option as a form no rule names, so 返乡下乡创业扶持 failed on it whatever 工商登记 was (session 42, hyp42)."""
    values = BOOK.facts.with_possible(BOOK.facts.with_implied(profile.values))
    return profile if values is profile.values else profile.model_copy(update={"values": values})


def _bases(profile: Profile, others: list[str], domains: list[list[Any]]) -> Iterator[Profile]:
    """Ways to answer the other facts: first none of them (a status may already move between 可能符合
    and 不符合), then one at a time, then every combination up to a bound. The product alone, cut at a
    bound, never reached a benefit with seven open facts of its own (28,000 combinations)."""
    yield profile
    for name, domain in zip(others, domains, strict=True):
        for value in domain:
            yield profile.with_answer(name, value)
    for combo in itertools.islice(itertools.product(*domains), 3000):
        base = profile
        for name, value in zip(others, combo, strict=True):
            base = base.with_answer(name, value)
        yield base


# Session 19: a 商洛 borrower whose loan is not repaid was asked 失业登记, which moved nothing (the loan caps
# the 创业 package at 可能符合 whatever else is said).
SHANGLUO_BORROWER = Profile(
    as_of=date(2019, 1, 1),
    values={
        "region": "商洛",
        "employment_status": None,
        "hard_to_employ": None,
        "household": None,
        "business_form": None,
        "rural_labor": None,
        "education": "high_school",
        "has_startup_loan": True,
        "veteran": "soldier_awaiting_placement",
    },
)


# Session 19: an owner hiring, the hire's 低保 / 特困 already said, insurance 不清楚: asked whether the hire is
# 就业困难, which leaves the unit's measure `as_employer` either way (a met and an open unit share that status).
SHANGLUO_OWNER = Profile(
    as_of=date(2026, 6, 19),
    values={
        "region": "商洛",
        "employment_status": None,
        "education": "secondary_vocational",
        "graduation_date": None,
        "hard_to_employ": True,
        "household": ("poor_disabled", "zero_employment", "dibao", "poverty_registered", "destitute", "low_income"),
        "business_form": "farm_entity",
        "business_months": 33,
        "business_insured": True,
        "business_in_incubator": None,
        "has_startup_loan": None,
        "rural_labor": True,
        "returning_migrant": False,
        "registered_unemployed": True,
        "registered_before_starting": True,
        "unemployed_months": 80,
        "job_seeking": True,
        "age": None,
        "disabled": None,
        "student_loan": None,
        "veteran": "officer_self_employed",
        "overcapacity_worker": False,
        "wants_training": None,
        "social_insurance_paid": False,
        "ui_insured": True,
        "years_to_retirement": 2.9,
        "certificate_level": None,
        "certificate_date": date(2026, 4, 4),
        "hiring_staff": True,
        "labor_broker": False,
        "hire_household": ("destitute", "poor_disabled", "dibao"),
        "hire_registered_unemployed": False,
        "hire_rural_labor": True,
        "hire_organized_labor_export": None,
        "hire_graduation_date": date(2026, 8, 14),
        "hire_contract": True,
        "hire_insured": None,
        "hire_date": date(2024, 6, 13),
        "job_start_date": None,
        "hires": None,
        "unit_staff": None,
        "unit_new_hire_percent": None,
        "more_certificates": None,
        "certificates": None,
        "living_difficulty": None,
        "grassroots_service": True,
        "public_welfare_job_ended": False,
        "flexible_subsidy_ended": True,
        "received_before": (
            "transport_subsidy",
            "living_allowance",
            "hiring_subsidy",
            "job_search_subsidy",
            "startup_subsidy",
        ),
        "unsure_groups": ("graduate_details", "insurance", "situation", "hires", "hire_terms"),
        "city": None,
    },
)


# Session 28: a 延吉 farmer, 低保/建档立卡 said 不清楚, nothing else left to ask: the 户籍 is asked, as a measure
# for those registered in 吉林 (吉林籍建档立卡…比照就业困难人员) still stands and “其他地方” rules it out. The
# check decides it, not the benefit's conditions; the test read only those and failed (seen on de4fc1e too).
YANJI_FARMER = Profile(
    as_of=date(2019, 1, 1),
    values={
        "region": "延吉",
        "employment_status": "farming",
        "education": "below_high_school",
        "household": None,
        "business_form": "none",
        "wants_business": False,
        "veteran": None,
        "overcapacity_worker": True,
        "wants_training": None,
    },
)

# Session 28 (seed 44): a 延吉 person whose 户籍 is said to be 商洛 was asked the 家庭类别, which only the 吉林籍
# measure (贫困家庭劳动力参照就业困难人员) reads — one the 户籍 elsewhere already rules out.
YANJI_REGISTERED_ELSEWHERE = Profile(
    as_of=date(2024, 7, 23),
    values={
        "region": "延吉",
        "household_region": "商洛",
        "education": "below_high_school",
        "graduation_date": date(2019, 10, 17),
        "business_first": False,
        "business_months": 48,
        "has_startup_loan": True,
        "rural_labor": False,
        "returning_migrant": True,
        "registered_unemployed": False,
        "registered_before_starting": False,
        "unemployed_months": 85,
        "job_seeking": False,
        "student_loan": True,
        "veteran": "officer_self_employed",
        "wants_training": False,
        "ui_insured": False,
        "ui_benefit": "exhausted",
        "certificate_date": date(2021, 3, 5),
        "hiring_staff": False,
        "labor_broker": True,
        "hire_household": (),
        "hire_registered_unemployed": True,
        "hire_unemployed_months": 100,
        "hire_overcapacity_worker": True,
        "hire_education": "college",
        "hire_graduation_date": date(2025, 4, 24),
        "hire_contract": True,
        "hire_insured": True,
        "hire_months": 20,
        "more_hires": False,
        "hires": (),
        "unit_park": True,
        "unit_new_hire_percent": 18,
        "unit_poverty_base": False,
        "more_certificates": True,
        "public_welfare_job_ended": True,
        "enlisted_student": False,
        "unsure_groups": (
            "plans",
            "graduate_details",
            "insurance",
            "hires",
            "hire_terms",
            "situation",
            "business_details",
        ),
    },
)

# Session 28: the 商洛 profile reported with the 延吉 one (as the report gives it; the facts it does not list
# unanswered). 商洛 has no measure limited to its own 户籍, so it is asked the 人员类别, not the 户籍.
SHANGLUO_RETURNEE = Profile(
    as_of=date(2025, 10, 28),
    values={
        "region": "商洛",
        "city": "商洛",
        "graduation_date": date(2025, 9, 6),
        "business_form": "farm_entity",
        "wants_flexible": False,
        "business_first": True,
        "business_in_incubator": False,
        "has_startup_loan": True,
        "returning_migrant": True,
        "registered_before_starting": False,
        "overcapacity_worker": False,
        "organized_labor_export": True,
        "social_insurance_paid": False,
        "ui_years": 0.5,
        "years_to_retirement": 0,
        "certificate_level": "intermediate",
        "certificate_date": date(2025, 5, 4),
        "hiring_staff": False,
        "hire_household": (),
        "hire_registered_unemployed": True,
        "hire_overcapacity_worker": True,
        "hire_organized_labor_export": True,
        "hire_education": "college",
        "hire_contract": True,
        "hire_insured": True,
        "job_start_date": date(2025, 6, 20),
        "hires": (),
        "unit_epidemic_supplies": False,
        "unit_staff": 12,
        "unit_new_hire_percent": 92,
        "landless": True,
        "grassroots_service": True,
        "flexible_subsidy_ended": True,
    },
)


# Session 31 (found by a hypothesis draw in session 30, not every run): a 资阳 stall-keeper of 15, the worker he
# placed known not 有组织输出 — asked whether he is a 劳务经纪人, though the agency's 就业创业服务补贴 is `ineligible`
# whether he is (his placed worker fails) or not (he is under working age himself).
ZIYANG_YOUNG_STALL = Profile(
    as_of=date(2021, 3, 8),
    values={
        "region": "资阳",
        "employment_status": "self_employed",
        "age": 15,
        "veteran": None,
        "wants_training": False,
        "hiring_staff": False,
        "hire_organized_labor_export": False,
        "more_hires": False,
    },
)


# Session 42 (found by a hypothesis draw, not every run; failed on every commit back to f38effe7): a 资阳 retiree
# whose business is said without its form (经营主体（形式未定）) is asked 工商登记 — 否 rules out
# 返乡下乡创业扶持, which the broad form keeps open in the check. The test, not the engine, read the broad option
# raw (`_as_checked`).
ZIYANG_RETIREE_BUSINESS = Profile(
    as_of=date(2024, 6, 28),
    values={
        "region": "资阳",
        "employment_status": "retired",
        "household": (),
        "business_form": "business",
        "business_first": False,
        "veteran": None,
        "hiring_staff": None,
        "unsure_groups": ("graduate_details", "hires", "situation", "plans", "hire_terms", "insurance"),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(profile=profiles())
@example(profile=ZIYANG_RETIREE_BUSINESS)
@example(profile=SHANGLUO_BORROWER)
@example(profile=ZIYANG_YOUNG_STALL)
@example(profile=SHANGLUO_OWNER)
@example(profile=YANJI_FARMER)
@example(profile=SHANGLUO_RETURNEE)
@example(profile=YANJI_REGISTERED_ELSEWHERE)
def test_every_question_asked_can_change_some_result(engine: Engine, profile: Profile) -> None:
    result = engine.check(profile)
    question = result.next_question
    if question is None or question.fact == "region" or question.fact in PLACE_FACTS.values():
        # The place of work or business decides which place's measures are judged (session 41): its own test below.
        return
    # Any result of the place may be the one that changes, not only an open one: an employer's
    # benefit that is `employer_only` becomes `as_employer` when the person's business hires.
    benefits = [BOOK.benefits[b.id] for b in result.benefits]
    assert any(
        _matters(engine, benefit, fact, profile)
        for fact in question.facts
        for benefit in benefits
        if fact in _speaks_of(benefit)
    ), question.facts


@SETTINGS
@given(profile=profiles())
def test_a_fact_answered_dont_know_is_never_asked(engine: Engine, profile: Profile) -> None:
    question = engine.check(profile).next_question
    if question is None:
        return
    for fact in question.facts:
        if not profile.is_answered(fact):
            continue
        # The one answered fact asked again: a group said without its kind (退役士兵, session 7), asked
        # alone with only the kinds it may be — never a 不清楚, never a kind already given.
        broad = next((o for o in BOOK.facts[fact].options if o.value == profile.values[fact]), None)
        assert broad is not None and broad.covers, (fact, profile.values[fact])
        assert {o.value for o in question.options} <= {*broad.covers, None}


@SETTINGS
@given(profile=profiles())
@example(profile=YANJI_FARMER)
def test_the_household_asked_at_a_covered_place_can_change_a_result(engine: Engine, profile: Profile) -> None:
    """Session 28: the 户籍 asked where the place is covered (a measure for those registered here still stands)
    is asked because an answer to it can change the check: some option of the question moves a result."""
    result = engine.check(profile)
    question = result.next_question
    if question is None or question.fact != HOUSEHOLD_REGION:
        return
    before = {r.id: r.status for r in result.benefits}
    moved = [
        option.value
        for option in question.options
        if {r.id: r.status for r in engine.check(profile.with_answer(HOUSEHOLD_REGION, option.value)).benefits}
        != before
    ]
    assert moved, [o.value for o in question.options]


@SETTINGS
@given(profile=profiles())
def test_the_place_of_work_or_business_asked_can_change_a_result(engine: Engine, profile: Profile) -> None:
    """Session 41: where the person works or does business is asked because an answer to it moves a measure still
    standing here (the place where they are keeps it, another place or 其他地方 takes it away)."""
    result = engine.check(profile)
    question = result.next_question
    if question is None or question.fact not in PLACE_FACTS.values():
        return
    before = {r.id: r.status for r in result.benefits}
    moved = [
        option.value
        for option in question.options
        if {r.id: r.status for r in engine.check(profile.with_answer(question.fact, option.value)).benefits} != before
    ]
    assert moved, [o.value for o in question.options]


def test_a_household_elsewhere_rules_out_the_measure_for_those_registered_here(engine: Engine) -> None:
    """A 延吉 worker from a 建档立卡 family, nothing else open: the 户籍 is the question left, and the answer
    decides the 吉林籍 measure — kept for a 吉林 户籍, ruled out for one elsewhere."""
    worker = Profile(
        as_of=date(2018, 3, 1),
        values={"region": "延吉市", "age": 40, "household": ("poverty_registered",), "employment_status": None},
    )
    question = engine.check(worker).next_question
    parity = "jilin.poor_labor_hardship_parity"
    if question is not None and question.fact != HOUSEHOLD_REGION:
        # Other facts are asked first; answer them 不清楚 until the 户籍 is the one left.
        for _ in range(40):
            if question is None or question.fact == HOUSEHOLD_REGION:
                break
            for fact in question.facts:
                worker = worker.with_answer(fact, None)
            question = engine.check(worker).next_question
    assert question is not None and question.fact == HOUSEHOLD_REGION
    status = {
        v: _status(engine, BOOK.benefits[parity], worker.with_answer(HOUSEHOLD_REGION, v))
        for v in ("吉林省", "其他地方")
    }
    assert status["其他地方"] == "ineligible" and status["吉林省"] != "ineligible", status
    assert _matters(engine, BOOK.benefits[parity], HOUSEHOLD_REGION, worker)


def test_the_registration_asked_of_a_business_without_its_form_decides_the_returnees_measure(engine: Engine) -> None:
    """Session 42: a business said without its form (经营主体（形式未定）) may be any form 返乡下乡创业扶持
    names, so the measure stays open and 工商登记 is asked; 否 rules it out (需依法办理工商登记注册,
    ziyang-2017-08), 是 keeps it."""
    measure = "ziyang.returning_entrepreneur_support"
    result = engine.check(ZIYANG_RETIREE_BUSINESS)
    # Session 43: ticked with whether the business runs a park (资阳（七） 创业孵化园区（基地）奖补, a provider's).
    assert result.next_question is not None and result.next_question.facts == ("business_licensed", "unit_park")
    statuses = {
        answer: next(
            r.status
            for r in engine.check(ZIYANG_RETIREE_BUSINESS.with_answer("business_licensed", answer)).benefits
            if r.id == measure
        )
        for answer in (True, False)
    }
    assert statuses == {True: "possibly_eligible", False: "ineligible"}, statuses
    # The property's oracle judges the measure as the check does: the broad form is no failed form.
    assert _status(engine, BOOK.benefits[measure], ZIYANG_RETIREE_BUSINESS) == "possibly_eligible"
    assert _matters(engine, BOOK.benefits[measure], "business_licensed", ZIYANG_RETIREE_BUSINESS)
