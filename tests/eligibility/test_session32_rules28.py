"""Session 32 (issue 11, task rules28): a group question offers a tick that spares a later question, people set
24's classes."""

from __future__ import annotations

from datetime import date
from typing import Any

from eligibility.conditions import presumers
from eligibility.engine import Engine
from eligibility.interview import answers_from, run_interview
from eligibility.profile import parse_profile
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check

PACKAGE = "shangluo.entrepreneurship_support"


def test_a_veteran_planning_a_web_shop_in_shangluo_is_not_asked_his_age(engine: Engine, rulebook: Rulebook) -> None:
    # 商洛（四）: 重点鼓励、引导和支持高校毕业生、失业人员、返乡农民工、退伍军人等群体自主创业 — the package
    # stays open on its loan terms (完善小额担保贷款运作机制) whatever he answers; what is left to settle is
    # 劳动年龄, which a 退伍军人 tick shows.
    known: dict[str, Any] = {
        "region": "商洛市",
        "age": 41,
        "education": "high_school",
        "employment_status": "unemployed",
        "veteran": "soldier_self_employed",
        "hard_to_employ": False,
        "registered_unemployed": False,
        "household": [],
        "rural_labor": False,
        "returning_migrant": False,
        "wants_business": True,
        "wants_training": False,
        "wants_flexible": False,
        "business_form": "none",
        "job_seeking": False,
    }
    as_of = date(2026, 4, 1)
    full = parse_profile(known, rulebook.facts, as_of)
    interview = run_interview(engine, parse_profile({}, rulebook.facts, as_of), answers_from(full.values))
    asked = [q.fact for q in interview.asked]
    assert "age" not in asked, asked
    package = next(b for b in interview.result.benefits if b.id == PACKAGE)
    assert package.status == "possibly_eligible"


def test_the_ticks_that_show_working_age_are_those_the_rule_names(rulebook: Rulebook) -> None:
    # The package's rule names 返乡农民工 and 退伍军人 itself; a 去产能 worker also shows 劳动年龄 but 商洛's text never
    # speaks of one — not offered there.
    condition = rulebook.benefits[PACKAGE].condition
    found = presumers(condition, frozenset({"age"}), {"region": "商洛市"}, date(2026, 4, 1), lambda f: True)
    assert {"returning_migrant", "veteran"} <= found
    assert "overcapacity_worker" not in found
    # Once the age is said, nothing is spared by a presumption.
    assert not presumers(condition, frozenset({"age"}), {"age": 30}, date(2026, 4, 1), lambda f: True)


def test_a_returnee_ticks_the_return_in_the_situation_question(engine: Engine, profile_of: Any) -> None:
    # A 商洛 person who has said only the place and that they want to start a farm: the situation question offers 返乡.
    question = engine.check(profile_of({"region": "商洛", "wants_business": True})).next_question
    assert question is not None and question.fact == "situation"
    assert "returning_migrant" in question.facts


def _worker_in_tonghua(as_of: date, rulebook: Rulebook) -> Any:
    values = {
        "region": "通化市",
        "age": 33,
        "employment_status": "employed",
        "ui_insured": True,
        "ui_years": 5,
        "certificates": [{"level": "intermediate", "date": date(2017, 9, 5)}],
        "received_before": [],
    }
    return parse_profile(values, rulebook.facts, as_of)


def test_the_twelve_months_to_claim_a_certificate_end_on_the_day(engine: Engine, rulebook: Rulebook) -> None:
    # 吉林（二十）: 在证书颁发之日起12个月内…申请 — issued 2017-09-05: still on 2018-09-05, gone on 2018-09-06.
    upgrade = rulebook.benefits["jilin.skill_upgrade_subsidy"]
    last = engine.evaluate(upgrade, _worker_in_tonghua(date(2018, 9, 5), rulebook)).result
    assert last.status == "eligible"
    late = engine.evaluate(upgrade, _worker_in_tonghua(date(2018, 9, 6), rulebook)).result
    assert late.status == "ineligible"
    assert any(r.requirement and "12个月内" in (r.requirement.text or "") for r in late.reasons)


def test_the_runner_reads_a_certificate_by_its_date_of_issue() -> None:
    # Bench adapter (session 32): a certificate named with 颁发日期 and its date, the way the writers' `other` says it.
    from tests.eligibility.holdout_runner import load_runner

    runner = load_runner()
    profile: dict[str, Any] = {}
    runner._certificates_in_text("车间电工; 高级证书颁发日期2016-05-18; 参保6年", date(2017, 2, 1), profile)
    assert profile["certificates"] == [{"date": date(2016, 5, 18), "level": "senior"}]


def test_the_runner_reads_a_unit_that_made_no_epidemic_supplies() -> None:
    from tests.eligibility.holdout_runner import load_runner

    runner = load_runner()
    profile: dict[str, Any] = {}
    runner._epidemic_supplies("理发店老板; 疫情期间未生产或配送防疫物资", profile)
    assert profile["unit_epidemic_supplies"] is False


HIRING_REWARD = "bazhong.poor_labor_hiring_reward"
# Session 45 (elig46): the 生产经营主体's half-year reward of 巴中（十二） is its own rule.
ENTITY_REWARD = "bazhong.rural_entity_hiring_reward"


def _bazhong_owner(form: str, **hire: Any) -> dict[str, Any]:
    return {
        "region": "巴中市南江县",
        "age": 44,
        "employment_status": "self_employed",
        "business_form": form,
        "hiring_staff": True,
        "more_hires": False,
        "hire_household": ["poverty_registered"],
        "hire_rewarded": False,
        **hire,
    }


def test_a_farm_inn_keeping_a_poor_helper_three_months_on_contract_is_not_rewarded_yet(engine: Engine) -> None:
    # 巴中（十二）: 农民专业合作社、种养大户、家庭农场、农村电商、农家乐等各类生产经营主体 … 并实现稳定就业
    # 半年以上的，按规定给予生产经营主体一次性奖补 — the contract and insurance are what an 企业 is paid for,
    # not an inn's half year.
    inn = _bazhong_owner("individual", hire_contract=True, hire_insured=True, hire_months=3)
    assert benefit_of(check(engine, inn, date(2019, 4, 2)), ENTITY_REWARD).status == "ineligible"
    kept = {**inn, "hire_months": 7}
    assert benefit_of(check(engine, kept, date(2019, 4, 2)), ENTITY_REWARD).status == "as_employer"
    assert benefit_of(check(engine, kept, date(2019, 4, 2)), HIRING_REWARD).status == "ineligible"


def test_a_small_company_is_rewarded_for_the_contract_not_for_the_months(engine: Engine) -> None:
    # 鼓励企业吸纳贫困家庭劳动力就业，对签订1年以上劳动合同并参加社会保险的，按吸纳人数给予企业一定的奖补.
    firm = _bazhong_owner("micro_enterprise", hire_contract=False, hire_insured=False, hire_months=10)
    assert benefit_of(check(engine, firm, date(2019, 4, 2)), HIRING_REWARD).status == "ineligible"
    signed = {**firm, "hire_contract": True, "hire_insured": True}
    assert benefit_of(check(engine, signed, date(2019, 4, 2)), HIRING_REWARD).status == "as_employer"


PARITY = "ziyang.social_org_graduate_hiring_parity"


def test_a_social_organisation_hiring_a_graduate_has_the_enterprises_support_not_the_graduate(
    engine: Engine,
) -> None:
    # 资阳（十二）: 对吸纳高校毕业生就业的社会组织，符合条件的可同等享受企业吸纳就业扶持政策 — the
    # organisation's, shown to a graduate looking for work as what a hiring organisation may have; never the
    # graduate's own.
    seeker = {
        "region": "资阳市乐至县",
        "age": 22,
        "employment_status": "unemployed",
        "job_seeking": True,
        "education": "college",
        "graduation_date": "2019-06-30",
    }
    found = benefit_of(check(engine, seeker, date(2019, 8, 12)), PARITY)
    assert found.status == "if_hired"
    assert found.beneficiary == "employer"
    assert any("社会组织" in t.text for t in found.hiring)
    # A 技校 leaver is no 高校毕业生; a café owner's business is no 社会组织.
    school = {**seeker, "education": "secondary_vocational"}
    assert benefit_of(check(engine, school, date(2019, 8, 12)), PARITY).status == "ineligible"
    owner = {
        "region": "资阳市",
        "age": 31,
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
        "hiring_staff": True,
    }
    assert benefit_of(check(engine, owner, date(2019, 8, 12)), PARITY).status == "ineligible"
