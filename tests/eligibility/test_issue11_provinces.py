"""Issue 11, session 8: a person who names only a province. 吉林省's document is the province's own
(吉政发〔2017〕32号, “各市（州）、县（市）人民政府”), so 吉林省 is enough; 四川、河南、陕西 have only city documents
collected (巴中、资阳 / 平顶山 / 商洛), so the city is asked — offering the rest of the province, which
no collected document covers — and meanwhile no city's benefit is the person's `eligible`."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.present.reasons import reason_texts
from bot.present.results import check_message, documents_line
from eligibility.engine import Engine
from eligibility.interview import run_interview
from eligibility.profile import Profile, parse_profile
from eligibility.results import BenefitResult, CheckResult, NextQuestion

AS_OF = date(2020, 9, 1)
# A laid-off worker who has run a registered shop for 14 months, insured: enough for several
# cities' own benefits (巴中（六）/资阳（八） 创业补贴 need 就业困难; 吉林（七） 高校毕业生或就业困难).
SHOPKEEPER = {
    "employment_status": "self_employed",
    "education": "college",
    "graduation_date": "2012-07-01",
    "hard_to_employ": True,
    "business_form": "individual",
    "business_first": True,
    "business_months": 14,
    "business_licensed": True,
    "business_insured": True,
    "social_insurance_paid": True,
    "hiring_staff": False,
    "job_seeking": False,
    "age": 35,
    "received_before": [],
}
PROVINCES = {"四川省": ("巴中市", "资阳市"), "河南": ("平顶山市",), "陕西省": ("商洛市",)}
# Counties and county-level cities of each covered city, written as people write them.
COUNTIES = {"南江": "巴中市", "安岳县": "资阳市", "郏县": "平顶山市", "洛南": "商洛市", "敦化市": "吉林省"}


def _settled_by_facts(benefit: BenefitResult) -> bool:
    """What the facts settle in the city: `eligible`, or — for a draft's measure, never `eligible` since
    session 11 — `possibly_eligible` with no fact missing (only the draft to confirm)."""
    return benefit.status == "eligible" or (benefit.status == "possibly_eligible" and not benefit.missing_facts)


def _check(engine: Engine, raw: dict[str, Any]) -> CheckResult:
    return engine.check(parse_profile(raw, engine.rulebook.facts, AS_OF))


@pytest.mark.parametrize("province", list(PROVINCES))
def test_a_province_alone_never_makes_a_city_benefit_eligible(engine: Engine, province: str) -> None:
    """Every benefit the city would make `eligible` is `possibly_eligible` from the province alone, its
    first open point being the city; a benefit the person fails on stated facts stays `ineligible`."""
    # Back home after working away (返乡): since session 10 平顶山（十）'s 创业担保贷款 and 免费场地 are open
    # (no borrower's conditions; “等重点群体”, “一定比例场地”), and its 返乡创业服务 is what that city makes sure.
    person = {**SHOPKEEPER, "returning_migrant": True}
    result = _check(engine, {"region": province, **person})
    assert result.status == "needs_more_info" and result.jurisdiction is None
    assert result.next_question is not None and result.next_question.fact == "region"
    assert not [b.id for b in result.benefits if b.status == "eligible"]
    by_id = {b.id: b for b in result.benefits}
    eligible_in_a_city = 0
    for city in PROVINCES[province]:
        in_city = _check(engine, {"region": city, **person})
        assert {b.id for b in in_city.benefits} <= set(by_id)
        for benefit in in_city.benefits:
            provisional = by_id[benefit.id]
            if _settled_by_facts(benefit):
                eligible_in_a_city += 1
                assert provisional.status == "possibly_eligible"
                assert provisional.missing_facts[0] == "region"
                assert city in reason_texts(provisional, engine.rulebook)[0]
            elif benefit.status in {"ineligible", "expired", "employer_only", "not_yet_in_force"}:
                assert provisional.status == benefit.status
    assert eligible_in_a_city > 0  # the shopkeeper qualifies somewhere, so the cap was exercised


def test_a_covered_province_is_judged_on_its_own_document(engine: Engine) -> None:
    """吉林省 alone is covered: its benefits are judged outright, an `eligible` among them."""
    result = _check(engine, {"region": "吉林省", **SHOPKEEPER})
    assert result.jurisdiction == "吉林省" and result.region.status == "covered"
    assert result.next_question is None or result.next_question.fact != "region"
    assert "jilin.startup_subsidy" in {b.id for b in result.benefits if b.status == "eligible"}


@pytest.mark.parametrize(("county", "jurisdiction"), list(COUNTIES.items()))
def test_a_county_is_judged_by_its_city_or_province(engine: Engine, county: str, jurisdiction: str) -> None:
    result = _check(engine, {"region": county, **SHOPKEEPER})
    assert result.jurisdiction == jurisdiction and result.region.status == "covered"
    assert all(b.id.split(".")[0] == result.benefits[0].id.split(".")[0] for b in result.benefits)


def _interview(engine: Engine, places: list[Any]) -> tuple[list[NextQuestion], list[CheckResult], CheckResult]:
    answers = iter(places)
    uncovered: list[CheckResult] = []

    def answer(question: NextQuestion, profile: Profile) -> Any:
        if question.fact != "region":
            return SHOPKEEPER.get(question.fact)
        return next(answers)

    profile = parse_profile(dict(SHOPKEEPER), engine.rulebook.facts, AS_OF)
    interview = run_interview(engine, profile, answer, on_uncovered=uncovered.append)
    return list(interview.asked), uncovered, interview.result


def test_the_rest_of_the_province_ends_as_not_covered_naming_its_cities(engine: Engine) -> None:
    """The city question offers 其他城市; choosing it is a place no collected document covers — said
    with the province's collected cities — and the region is asked afresh."""
    asked, uncovered, result = _interview(engine, ["四川", "rest", "南江县"])
    city = asked[1]
    rest = next(o for o in city.options if o.label == "其他城市")
    assert [o.value for o in city.options if o is not rest and o.label != "不清楚"] == ["巴中市", "资阳市"]
    # The interview answered "rest" with the option's own value.
    asked, uncovered, result = _interview(engine, ["四川", rest.value, "南江县"])
    assert [r.region.status for r in uncovered] == ["not_covered"]
    message = check_message(uncovered[0])
    assert "四川省" in message and "巴中市、资阳市以外" in message
    assert result.jurisdiction == "巴中市" and result.region.status == "covered"


def test_a_city_named_with_its_province_is_that_city(engine: Engine) -> None:
    """河南省洛阳市 is 洛阳市: not covered, never asked which city of 洛阳 it is."""
    result = _check(engine, {"region": "河南省洛阳市"})
    assert result.status == "region_not_covered" and result.region.place == "洛阳市"
    # Session 24: the 户籍 is asked (once), never the city of 洛阳.
    assert result.next_question is not None and result.next_question.fact == "household_region"
    assert result.benefits == ()


def test_the_results_of_a_province_name_every_city_document_they_rest_on(engine: Engine) -> None:
    """四川 alone lists 巴中's and 资阳's benefits: the line saying which document they rest on names both."""
    result = _check(engine, {"region": "四川省", **SHOPKEEPER})
    line = documents_line(result)
    assert line is not None and "巴中2018年" in line and "资阳2017年" in line
    assert documents_line(_check(engine, {"region": "巴中", **SHOPKEEPER})) == "依据巴中2018年的文件"
