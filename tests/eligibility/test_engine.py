"""The engine's behaviour as a user meets it: region first, statuses, reasons, dates, beneficiaries."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.present.reasons import reason_texts
from bot.present.results import amount_text, beneficiary_label, check_message, notes
from eligibility.engine import Engine
from eligibility.interview import answers_from, run_interview
from eligibility.results import AmountTier, Reason, Requirement, Stated


def _benefit(result: Any, benefit_id: str) -> Any:
    return next(b for b in result.benefits if b.id == benefit_id)


def test_region_is_asked_first(engine: Engine, profile_of: Any) -> None:
    result = engine.check(profile_of({"age": 30}))
    assert result.status == "needs_more_info"
    assert result.next_question is not None and result.next_question.fact == "region"
    assert result.benefits == ()
    assert [o.value for o in result.next_question.options] == engine.rulebook.jurisdictions


@pytest.mark.parametrize(
    ("place", "jurisdiction"),
    [
        ("延吉", "吉林省"),
        ("吉林省长春市", "吉林省"),
        ("巴中市恩阳区", "巴中市"),
        ("安岳县", "资阳市"),
        ("平顶山宝丰县", "平顶山市"),
        ("陕西商洛", "商洛市"),
    ],
)
def test_a_place_inside_a_covered_jurisdiction_is_resolved_to_it(
    engine: Engine, profile_of: Any, place: str, jurisdiction: str
) -> None:
    result = engine.check(profile_of({"region": place}))
    assert result.jurisdiction == jurisdiction
    assert {b.id.split(".")[0] for b in result.benefits} == {
        b.id.split(".")[0] for b in engine.rulebook.benefits_of(jurisdiction)
    }


@pytest.mark.parametrize("place", ["北京", "成都市", "深圳南山区", "火星"])
def test_an_uncovered_region_lists_the_covered_ones(engine: Engine, profile_of: Any, place: str) -> None:
    result = engine.check(profile_of({"region": place}))
    assert result.status == "region_not_covered"
    # Session 24: a place recognised and not covered asks the 户籍 once (a covered 户籍's measures that
    # follow it may be the person's); a place not recognised (火星) asks nothing.
    asked = result.next_question
    assert result.benefits == () and (asked is None) == (result.region.status == "unrecognised")
    assert asked is None or (asked.fact == "household_region" and "其他地方" in [o.label for o in asked.options])
    answered = engine.check(profile_of({"region": place, "household_region": None}))
    assert answered.next_question is None and answered.benefits == ()
    assert result.region.status in {"not_covered", "unrecognised"} and result.region.candidates == ()
    assert all(j in check_message(result) for j in engine.rulebook.jurisdictions)


def test_a_province_with_covered_cities_asks_for_the_city(engine: Engine, profile_of: Any) -> None:
    """The city decides which document applies (巴中 and 资阳 each have their own): the check goes on
    with the region asked again, offering the covered cities, instead of ending (issue 11)."""
    result = engine.check(profile_of({"region": "四川"}))
    assert result.status == "needs_more_info" and result.jurisdiction is None
    assert result.region.status == "partly_covered" and result.region.candidates == ("巴中市", "资阳市")
    assert "巴中市、资阳市" in check_message(result) and "具体城市" in check_message(result)
    question = result.next_question
    assert question is not None and question.fact == "region"
    # Session 9: 不清楚 stands for the province with its city unknown, so it keeps the province.
    assert [o.value for o in question.options] == ["巴中市", "资阳市", "四川省其他城市", "四川省（具体城市不清楚）"]
    assert "您在四川省的哪个市" in question.text
    city = engine.check(profile_of({"region": "四川省资阳市雁江区"}))
    assert city.jurisdiction == "资阳市" and city.region.status == "covered"


def test_a_covered_province_does_not_ask_for_the_city(engine: Engine, profile_of: Any) -> None:
    """吉林省's document covers the whole province: the city changes nothing, so it is not asked."""
    result = engine.check(profile_of({"region": "吉林"}))
    assert result.jurisdiction == "吉林省" and result.region.status == "covered"
    assert result.next_question is not None and result.next_question.fact != "region"


def test_unknown_region_is_not_asked_again(engine: Engine, profile_of: Any) -> None:
    result = engine.check(profile_of({"region": None}))
    assert result.status == "region_not_covered" and result.next_question is None


def test_an_ineligible_result_names_the_condition_the_value_and_the_clause(engine: Engine, profile_of: Any) -> None:
    profile = profile_of(
        {
            "region": "长春",
            "employment_status": "employed",
            "ui_years": 2,
            "certificate_level": "junior",
            "certificate_date": "2025-10-01",
        }
    )
    benefit = _benefit(engine.check(profile), "jilin.skill_upgrade_subsidy")
    assert benefit.status == "ineligible"
    requirement = Requirement(text="需依法参加失业保险3年以上", fact="ui_years", comparison="gte", operand=3)
    assert benefit.reasons == (
        Reason(
            kind="failed",
            clause_id="jilin-2017-20",
            requirement=requirement,
            stated=(Stated(fact="ui_years", value=2),),
        ),
    )
    worded = reason_texts(benefit, engine.rulebook)
    assert worded == ("需依法参加失业保险3年以上，您的失业保险参保年限为2年（吉林（二十））",)


def test_a_possibly_eligible_result_lists_what_is_missing(engine: Engine, profile_of: Any) -> None:
    profile = profile_of({"region": "长春", "employment_status": "employed", "ui_years": 4})
    benefit = _benefit(engine.check(profile), "jilin.skill_upgrade_subsidy")
    assert benefit.status == "possibly_eligible"
    assert benefit.missing_facts == ("certificate_level", "certificate_date")
    assert benefit.amount is not None and benefit.amount.text is None
    assert benefit.amount.fact == "certificate_level"
    assert benefit.amount.tiers[0] == AmountTier(when="junior", text="1000元")
    worded = amount_text(benefit.amount, engine.rulebook.facts)
    assert worded == "按职业资格或技能等级证书：初级（五级）1000元；中级（四级）1500元；高级（三级）2000元"


def test_a_time_limited_measure_has_expired_in_2026_but_applied_in_2020(engine: Engine, profile_of: Any) -> None:
    raw = {"region": "平顶山", "employment_status": "unemployed", "living_difficulty": True}
    in_2020 = _benefit(engine.check(profile_of(raw, date(2020, 8, 1))), "pingdingshan.temporary_living_allowance")
    in_2026 = _benefit(engine.check(profile_of(raw)), "pingdingshan.temporary_living_allowance")
    assert in_2020.status == "possibly_eligible"  # 符合条件的 is for the 人社部门 to confirm
    assert in_2026.status == "expired"
    assert in_2026.valid_to == date(2020, 12, 31)
    reason = in_2026.reasons[0]
    assert reason.kind == "expired" and reason.clause_id == "pingdingshan-2020-23"
    assert reason.window == "2020年度内" and reason.valid_to == date(2020, 12, 31) and reason.as_of == date(2026, 3, 1)
    assert reason_texts(in_2026, engine.rulebook) == (
        "该措施限2020年度内执行，有效期至2020年12月31日，查询日期2026年3月1日已超过有效期（平顶山（二十三））",
    )


def test_facts_used_only_by_expired_measures_are_never_asked(engine: Engine, profile_of: Any) -> None:
    """For a 大专 graduate (of working age by the degree, session 7) `age` mattered only to 平顶山's 2020
    劳动预备制培训 (20岁以下登记失业人员); in 2026, with that measure expired,
    it is asked only last, for 平顶山（二十二）."""
    youth = {
        "region": "平顶山",
        "age": 20,
        "education": "college",
        "employment_status": "unemployed",
        "registered_unemployed": True,
        "wants_training": True,
    }
    asked_2026 = run_interview(engine, profile_of({}), answers_from(profile_of(youth).values)).asked
    asked_2020 = run_interview(
        engine, profile_of({}, date(2020, 9, 1)), answers_from(profile_of(youth, date(2020, 9, 1)).values)
    ).asked
    # Session 42 (wf44): 平顶山（二十二）'s 距法定退休年龄不足1年 follows from the age (under 44 is a year or more
    # from any 法定退休年龄), so the age is asked in 2026 too — but only last, once everything else is asked.
    asked_facts_2026 = [f for q in asked_2026 for f in q.facts]
    assert asked_facts_2026.count("age") == 1 and asked_facts_2026[-1] == "age", asked_facts_2026
    assert "years_to_retirement" not in asked_facts_2026
    assert "age" in {f for q in asked_2020 for f in q.facts}


def test_draft_document_is_flagged_on_every_benefit_it_grounds(engine: Engine, profile_of: Any) -> None:
    result = engine.check(profile_of({"region": "平顶山"}))
    assert result.benefits and all(b.document_status == "draft" for b in result.benefits)
    assert all(any("征求意见稿" in note for note in notes(b)) for b in result.benefits)
    jilin = engine.check(profile_of({"region": "吉林"}))
    assert all(b.document_status == "official" for b in jilin.benefits)


def test_employer_side_subsidies_say_who_receives_them(engine: Engine, profile_of: Any) -> None:
    profile = profile_of({"region": "巴中", "hard_to_employ": True})
    benefit = _benefit(engine.check(profile), "bazhong.hard_to_employ_hiring_subsidy")
    assert benefit.status == "if_hired" and benefit.beneficiary == "employer"
    assert beneficiary_label(benefit).startswith("用人单位可享受")
    assert "签订劳动合同" in benefit.hiring[0].text
    referral = _benefit(
        engine.check(profile_of({"region": "平顶山", "returning_migrant": True})),
        "pingdingshan.job_referral_service_subsidy",
    )
    assert referral.beneficiary == "service_provider" and "人力资源服务机构" in beneficiary_label(referral)
    assert referral.status == "employer_only"


def test_every_result_cites_clauses_of_its_own_jurisdiction(engine: Engine, profile_of: Any) -> None:
    for region, document in (("资阳", "ziyang-2017"), ("商洛", "shangluo-2012")):
        for benefit in engine.check(profile_of({"region": region})).benefits:
            assert benefit.citations and all(c.clause_id.startswith(document) for c in benefit.citations)


def test_benefits_are_listed_eligible_first(engine: Engine, profile_of: Any) -> None:
    result = engine.check(profile_of({"region": "巴中", "hard_to_employ": True, "employment_status": "unemployed"}))
    order = {
        "eligible": 0,
        "possibly_eligible": 1,
        "if_hired": 2,
        "employer_only": 3,
        "not_yet_in_force": 4,
        "ineligible": 5,
        "expired": 6,
    }
    ranks = [order[b.status] for b in result.benefits]
    assert ranks == sorted(ranks)


def test_a_complete_check_asks_nothing_more(engine: Engine, profile_of: Any) -> None:
    profile = profile_of({"region": "北京", "household_region": "其他地方"})
    assert engine.check(profile).next_question is None


class _Place:
    def __init__(self, query: str, jurisdiction: str | None) -> None:
        self.query = query
        self.jurisdiction = jurisdiction
        self.place = jurisdiction
        self.covered = jurisdiction is not None
        self.candidates: tuple[str, ...] = ()
        self.outside_candidates = False
        self.city_unknown = False
        self.excluded: tuple[str, ...] = ()
        self.enclosing: tuple[str, ...] = ()
        self.places: tuple[str, ...] = (jurisdiction,) if jurisdiction else ()


class _TableResolver:
    """A resolver as small as a dict: the engine depends on the protocol, not on the gazetteer."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def resolve(self, text: str) -> _Place:
        return _Place(text, self.table.get(text))


def test_any_region_resolver_can_be_injected(engine: Engine, profile_of: Any) -> None:
    fake = Engine(engine.rulebook, _TableResolver({"老家": "商洛市"}))
    assert fake.check(profile_of({"region": "老家"})).jurisdiction == "商洛市"
    assert fake.check(profile_of({"region": "延吉"})).status == "region_not_covered"
