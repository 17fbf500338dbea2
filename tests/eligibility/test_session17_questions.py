"""Session 17: questions that cannot change a result are not asked; a list answered 不清楚 is followed
by its members.

- 平顶山（十七） 劳动预备制培训: “城乡未继续升学的初高中毕业生、20岁以下登记失业人员” — with the school details answered
  不清楚, 失业登记 could only fail the measure at an age over 25, which fails both halves already: it is
  not asked. With the age open and the school details known, it still is.
- A one-time measure whose prior receipt was answered 不清楚 stays 可能符合 when met: a fact that could
  only meet it changes nothing.
- After 不清楚 to the 可多选 situation list, its members are asked one at a time (session 41: ranked like any other
  question, no longer straight after the list — see test_session41_interview41.py).
"""

from __future__ import annotations

from datetime import date

from eligibility.conditions import facts_that_matter
from eligibility.engine import Engine
from eligibility.interview import apply_answer
from eligibility.profile import Profile, parse_profile

TRAINING = "pingdingshan.labor_preparation_training"


def _matter(engine: Engine, benefit: str, values: dict[str, object], as_of: date) -> frozenset[str]:
    node = engine.rulebook.benefits[benefit].condition
    return facts_that_matter(node, values, as_of, lambda f: f not in values)


def test_registration_is_not_asked_where_no_age_lets_it_decide(engine: Engine) -> None:
    unsure_school = {"wants_training": None, "education": None, "graduation_date": None, "employment_status": "retired"}
    matter = _matter(engine, TRAINING, unsure_school, date(2020, 12, 7))
    assert "registered_unemployed" not in matter
    assert "age" in matter  # over 25 fails both halves: the age still decides


def test_registration_is_asked_where_it_can_decide(engine: Engine) -> None:
    # A 初中 leaver of 2014 wanting training: not a recent 两后生, so 失业登记 at 20 or under decides.
    known_school = {"wants_training": True, "education": "below_high_school", "graduation_date": date(2014, 7, 1)}
    matter = _matter(engine, TRAINING, known_school, date(2020, 6, 1))
    assert {"registered_unemployed", "age"} <= matter


def test_an_unsure_prior_receipt_leaves_only_facts_that_could_fail_the_measure(engine: Engine) -> None:
    # 延吉, a returning migrant running a shop for 75 months, 不清楚 about 就业困难人员 and about having had
    # the 一次性初创企业补贴 (吉林（七）): whether the household is poor could only meet it — never asked for it.
    values = {
        "region": "延吉",
        "education": "high_school",
        "hard_to_employ": None,
        "business_form": "individual",
        "business_months": 75,
        "business_first": True,
        "business_licensed": True,
        "business_insured": True,
        "received_before": None,
    }
    facts = engine.rulebook.facts
    profile = parse_profile(values, facts, date(2026, 12, 9))
    evaluation = engine.evaluate(engine.rulebook.benefits["jilin.startup_subsidy"], profile)
    assert evaluation.result.status == "possibly_eligible"
    assert "household" not in evaluation.open_facts
    # Answered, the receipt no longer caps it: the household could make it 符合 and is worth asking.
    known = engine.evaluate(
        engine.rulebook.benefits["jilin.startup_subsidy"], profile.with_answer("received_before", ())
    )
    assert "household" in known.open_facts


def test_dont_know_to_the_situation_list_is_followed_by_its_members(engine: Engine) -> None:
    facts = engine.rulebook.facts
    for region, as_of in (("商洛", date(2012, 9, 1)), ("巴中", date(2019, 3, 1)), ("延吉", date(2018, 5, 1))):
        profile: Profile = parse_profile({"region": region}, facts, as_of)
        asked = []
        while (question := engine.check(profile).next_question) is not None and question.fact != "situation":
            asked.append(question.fact)
            assert len(asked) < 10, asked
            profile = apply_answer(profile, question, None, facts)
        assert question is not None, (region, asked)
        members = question.facts
        profile = apply_answer(profile, question, None, facts)
        later = []
        while (question := engine.check(profile).next_question) is not None:
            later.append(question.facts)
            assert len(later) < 40, later
            profile = apply_answer(profile, question, None, facts)
        singly = [f[0] for f in later if len(f) == 1 and f[0] in members]
        assert singly, (region, later)
        assert not any(len(f) > 1 and set(f) <= set(members) for f in later), later
