"""Issue 11, session 9: a province said stays said, and a place said as where one is not is not it.

- 不清楚 to the city question (四川 → 巴中市 or 资阳市?) keeps the province: its covered cities' benefits
  are listed, none `eligible` (the city is unconfirmed), and the interview goes on with the rest.
- A place said with a negation or as the outside of it (不在…, …以外, 除…, 老家… 人在外地) is not where
  the person is: out of region, or not recognised, but never that place's documents.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.present.reasons import reason_texts
from bot.present.results import check_message
from eligibility.engine import Engine
from eligibility.interview import answers_from, apply_answer, run_interview
from eligibility.profile import Profile, parse_profile
from eligibility.results import CheckResult, NextQuestion

AS_OF = date(2020, 9, 1)
# A first-time shop owner in her second year, certified 就业困难, insured: several cities' own
# benefits are hers wherever the city turns out to be.
OWNER = {
    "employment_status": "self_employed",
    "education": "high_school",
    "hard_to_employ": True,
    "business_form": "individual",
    "business_first": True,
    "business_months": 20,
    "business_licensed": True,
    "business_insured": True,
    "social_insurance_paid": True,
    "hiring_staff": False,
    "job_seeking": False,
    "age": 41,
}
PROVINCES = {"四川": ("巴中市", "资阳市"), "河南省": ("平顶山市",), "陕西": ("商洛市",)}


def _profile(engine: Engine, raw: dict[str, Any]) -> Profile:
    return parse_profile(raw, engine.rulebook.facts, AS_OF)


def _unsure_of_city(engine: Engine, province: str, facts: dict[str, Any]) -> tuple[NextQuestion, CheckResult]:
    """The city question for `province`, and the check after it is answered 不清楚 (None)."""
    profile = _profile(engine, {"region": province, **facts})
    question = engine.check(profile).next_question
    assert question is not None and question.fact == "region"
    answered = apply_answer(profile, question, None, engine.rulebook.facts)
    return question, engine.check(answered)


@pytest.mark.parametrize("province", list(PROVINCES))
def test_not_knowing_the_city_keeps_the_province(engine: Engine, province: str) -> None:
    question, result = _unsure_of_city(engine, province, OWNER)
    assert "不清楚" in [o.label for o in question.options]
    assert result.status != "region_not_covered"
    assert result.region.status == "city_unknown" and result.region.candidates == PROVINCES[province]
    assert result.region.place is not None and result.region.place.startswith(province[:2])
    assert result.next_question is None or result.next_question.fact != "region"
    assert province[:2] in check_message(result)


@pytest.mark.parametrize("province", list(PROVINCES))
def test_without_the_city_no_benefit_is_sure_and_each_says_to_confirm_it(engine: Engine, province: str) -> None:
    """What a city would make `eligible` is `possibly_eligible`, the city its first open point."""
    # Back home after working away (返乡): since session 10 平顶山（十）'s 创业担保贷款 is open (the text sets
    # no borrower's conditions), and its 返乡创业服务 is what that city alone makes sure.
    person = {**OWNER, "returning_migrant": True}
    _, result = _unsure_of_city(engine, province, person)
    assert not [b.id for b in result.benefits if b.status == "eligible"]
    by_id = {b.id: b for b in result.benefits}
    sure_in_a_city = 0
    for city in PROVINCES[province]:
        for benefit in engine.check(_profile(engine, {"region": city, **person})).benefits:
            # A draft's measure is never `eligible` (session 11): one the facts settle is possible, nothing missing.
            if benefit.status != "eligible" and (benefit.status != "possibly_eligible" or benefit.missing_facts):
                continue
            sure_in_a_city += 1
            kept = by_id[benefit.id]
            assert kept.status == "possibly_eligible" and kept.missing_facts[0] == "region"
            assert any(city in text for text in reason_texts(kept, engine.rulebook))
    assert sure_in_a_city > 0  # the comparison saw benefits the city alone would settle


def test_the_interview_goes_on_after_the_city_is_not_known(engine: Engine) -> None:
    """Asked from nothing, answering 不清楚 only to the city: every other fact is still asked where it
    matters, the region never again, and the check ends with the province kept."""
    known = {"region": "四川省", **OWNER}
    answer_from_profile = answers_from(_profile(engine, known).values)
    cities_asked: list[NextQuestion] = []

    def answer(question: NextQuestion, profile: Profile) -> Any:
        if question.fact == "region" and profile.is_answered("region"):
            cities_asked.append(question)
            return None
        return answer_from_profile(question, profile)

    done = run_interview(engine, _profile(engine, {}), answer)
    assert done.finished and done.result.status == "complete"
    assert len(cities_asked) == 1
    assert done.result.region.status == "city_unknown"
    assert len(done.asked) > 2  # more than the two region questions: the check went on


def test_a_province_typed_with_not_knowing_the_city_is_the_province(engine: Engine) -> None:
    result = engine.check(_profile(engine, {"region": "人在陕西，哪个市说不好", **OWNER}))
    assert result.region.status == "city_unknown" and result.region.candidates == ("商洛市",)


@pytest.mark.parametrize(
    "said",
    ["在吉林之外打工", "人不在吉林省内", "老家平顶山，现在跑到外省了", "巴中以外的地方", "我没在资阳"],
)
def test_a_covered_place_said_as_where_one_is_not_is_not_covered(engine: Engine, said: str) -> None:
    result = engine.check(_profile(engine, {"region": said, **OWNER}))
    assert result.status == "region_not_covered" and result.jurisdiction is None and not result.benefits


def test_a_place_denied_beside_another_is_the_other(engine: Engine) -> None:
    result = engine.check(_profile(engine, {"region": "没在河南，在湖北打工", **OWNER}))
    assert result.status == "region_not_covered" and result.region.place == "湖北省"


def test_a_covered_city_excluded_leaves_the_rest_of_its_province(engine: Engine) -> None:
    only_ziyang = engine.check(_profile(engine, {"region": "四川，但不是巴中的", **OWNER}))
    assert only_ziyang.region.candidates == ("资阳市",)
    assert only_ziyang.next_question is not None
    assert next(o.value for o in only_ziyang.next_question.options) == "资阳市"
    rest = engine.check(_profile(engine, {"region": "陕西除了商洛", **OWNER}))
    assert rest.status == "region_not_covered" and rest.region.status == "not_covered"


def test_where_one_comes_from_denied_says_nothing_of_where_one_is(engine: Engine) -> None:
    """户口不在平顶山 is about one's 户口, not one's place: still 平顶山's documents."""
    result = engine.check(_profile(engine, {"region": "户口不在平顶山，人一直在平顶山", **OWNER}))
    assert result.jurisdiction == "平顶山市"
