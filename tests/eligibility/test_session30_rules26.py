"""Issue 11, session 30 (rules26): people set 22 read, and session 29's leftovers.

- 商洛（三）: 下岗失业人员和就业困难人员，要提供职业培训补贴和免费就业服务，被企业吸纳的，…；自主创业的，…；
  灵活就业的，要给予一定比例的社会保险补贴 — the 下岗失业人员 stay the sentence's subject through 自主创业的 and
  灵活就业的: one laid off who now runs a stall or a shop is still one of them for the 培训补贴 (as the same
  sentence's 社保补贴 already read it).
- A measure the text limits to those registered in its place (吉林（十二） 吉林籍建档立卡贫困家庭劳动者) fails for
  a 户籍 said to be elsewhere in `Engine.evaluate` itself, not only in `Engine.check`.
- 平顶山（十一）（十二） 2020年度内…期满…政策享受期限可延长1年: the knowledge manifest and the measure registry date the
  extension by its claims (2021-12-31), as the rules do since session 29.
- The runner: set 22's header names its "long after" years without the word as_of; 距法定退休年龄（60岁）恰好1年 is
  one year to retirement.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bench import holdout_eligibility as runner
from bot.present.reasons import stated_text
from bot.present.results import results_message
from eligibility.engine import Engine
from eligibility.rulebook import default_rulebook
from knowledge.documents import load_manifest
from tests.eligibility.checking import benefit_of, check

BOOK = default_rulebook()

# -- 商洛（三）: the 下岗失业人员 of the whole sentence ---------------------------------------------------------------

# A man in 山阳 laid off when the county's cement works closed, registered out of work, now selling noodles from a cart.
NOODLE_CART = {
    "region": "陕西省商洛市山阳县",
    "age": 46,
    "employment_status": "flexible",
    "registered_before_starting": True,
    "hard_to_employ": False,
}
# A woman in 丹凤 laid off by the county textile mill, registered, who then opened a tailoring shop of her own.
TAILOR_SHOP = {
    "region": "陕西省商洛市丹凤县",
    "age": 44,
    "employment_status": "self_employed",
    "business_form": "individual",
    "registered_before_starting": True,
    "hard_to_employ": False,
}


@pytest.mark.parametrize("person", [NOODLE_CART, TAILOR_SHOP], ids=["flexible", "own_shop"])
def test_a_laid_off_worker_now_working_for_himself_keeps_the_training_subsidy(engine: Engine, person: dict) -> None:
    found = benefit_of(check(engine, person, date(2013, 9, 2)), "shangluo.laid_off_training_subsidy")
    assert found.status == "eligible", found.reasons


def test_a_stall_keeper_never_registered_out_of_work_is_not_a_laid_off_worker(engine: Engine) -> None:
    never = {**NOODLE_CART, "registered_before_starting": False}
    found = benefit_of(check(engine, never, date(2013, 9, 2)), "shangluo.laid_off_training_subsidy")
    assert found.status == "ineligible"
    assert any("下岗失业人员" in (r.requirement.text or "") for r in found.reasons if r.requirement is not None)


# -- 吉林籍 in Engine.evaluate ------------------------------------------------------------------------------------

# A 珲春 seafood-plant worker from a 建档立卡 family whose 户口 is in 甘肃.
SEAFOOD_WORKER = {
    "region": "吉林省延边朝鲜族自治州珲春市",
    "age": 31,
    "employment_status": "employed",
    "household": ["poverty_registered"],
}


@pytest.mark.parametrize(("home", "status"), [("甘肃省定西市", "ineligible"), ("其他地方", "ineligible")])
def test_evaluate_alone_rules_out_a_measure_for_those_registered_here(
    engine: Engine, profile_of, home: str, status: str
) -> None:
    benefit = BOOK.benefits["jilin.poor_labor_hardship_parity"]
    profile = profile_of({**SEAFOOD_WORKER, "household_region": home}, date(2019, 4, 8))
    judged = engine.evaluate(benefit, profile)
    assert judged.result.status == status
    assert judged.open_facts == ()
    assert judged.result.reasons[0].requirement is not None
    assert "吉林籍" in (judged.result.reasons[0].requirement.text or "")
    # The same as the place's check says.
    whole = benefit_of(engine.check(profile), benefit.id)
    assert whole.status == judged.result.status


def test_evaluate_keeps_the_measure_for_a_household_registered_in_the_province(engine: Engine, profile_of) -> None:
    benefit = BOOK.benefits["jilin.poor_labor_hardship_parity"]
    profile = profile_of({**SEAFOOD_WORKER, "household_region": "吉林省白山市"}, date(2019, 4, 8))
    assert engine.evaluate(benefit, profile).result.status == "possibly_eligible"


# -- 平顶山 延长1年 in the knowledge manifest ------------------------------------------------------------------------


@pytest.mark.parametrize("clause", [11, 12])
def test_the_manifest_dates_the_extension_by_its_claims(clause: int) -> None:
    document = load_manifest().by_id["pingdingshan-2020"]
    (measure,) = document.measures_for(clause)
    assert measure.text == "政策享受期限可延长1年"
    assert not measure.has_expired(date(2021, 12, 31))
    assert measure.has_expired(date(2022, 1, 1))


# -- the runner ---------------------------------------------------------------------------------------------------


def test_a_header_naming_its_years_without_as_of_is_read() -> None:
    header = (
        "# Conventions as in the format file (draft pingdingshan-2020 -> not_yet_in_force when met; as_of before\n"
        "#   signing -> not_yet_in_force; 2025–2026 against 2012–2018 texts -> expired_or_uncertain; coverage …)."
    )
    assert runner.Conventions(header).stale_from == 2025


def test_a_bracketed_retirement_age_before_the_years_left_is_read() -> None:
    profile: dict = {}
    runner._insurance_in_text("女, 1967-03-02生, as_of当日距法定退休年龄（55岁）还差2年", date(2020, 3, 2), profile)
    assert profile["years_to_retirement"] == 2.0


# -- result words a job-seeker can read ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fact", "worded"),
    [
        ("has_startup_loan", "您表示不清楚是否有尚未还清的创业担保贷款"),
        ("disabled", "您表示不清楚是否为残疾人"),
        ("hard_to_employ", "您表示不清楚是否已认定为就业困难人员"),
        # not a yes/no of the person: its label says it
        ("ui_years", "您表示不清楚失业保险参保年限"),
        ("household", "您表示不清楚家庭情况"),
    ],
)
def test_a_fact_said_dont_know_is_quoted_by_what_it_asks(fact: str, worded: str) -> None:
    assert stated_text(BOOK.facts[fact], None) == worded


def test_what_is_still_to_confirm_is_said_as_questions_not_bare_nouns(engine: Engine) -> None:
    # A 广安-born woman in 平昌 out of work, who has said nothing of disability or her family yet.
    person = {"region": "四川省巴中市平昌县", "age": 38, "employment_status": "unemployed"}
    result = check(engine, person, date(2019, 5, 6))
    lines = "\n".join(results_message(result, BOOK).text.splitlines())
    assert "还需确认：" in lines
    assert "还需确认：残疾" not in lines
    assert not re.search(r"还需确认：[^\n]*(?:^|、)残疾(?:、|$)", lines, re.M)


# -- a training base's own grant (吉林（二十一）, 巴中（十七）) ---------------------------------------------------

# The owner of a 四平 housekeeping company whose training school the province rated a 示范基地 last spring.
HOUSEKEEPING_FIRM = {
    "region": "吉林省四平市铁西区",
    "age": 52,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "unit_training_base": "provincial_family_service",
}
# The founder of a 南江 welding school the city recognised as a 高技能人才培训基地.
WELDING_SCHOOL = {
    "region": "四川省巴中市南江县",
    "age": 49,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "unit_training_base": "city_high_skill",
}


@pytest.mark.parametrize(
    ("person", "benefit_id", "figure"),
    [
        (HOUSEKEEPING_FIRM, "jilin.family_service_training_base_grant", "30万元"),
        (WELDING_SCHOOL, "bazhong.high_skill_training_base_grant", "50万元"),
    ],
)
def test_a_recognised_base_has_its_own_grant(engine: Engine, person: dict, benefit_id: str, figure: str) -> None:
    found = benefit_of(check(engine, person, date(2019, 6, 3)), benefit_id)
    assert found.status == "as_employer"
    assert not found.missing_facts and not found.reasons
    assert found.amount is not None and figure in found.amount.text


@pytest.mark.parametrize(
    ("person", "benefit_id"),
    [
        (HOUSEKEEPING_FIRM, "bazhong.high_skill_training_base_grant"),
        (WELDING_SCHOOL, "jilin.family_service_training_base_grant"),
    ],
)
def test_a_base_of_another_kind_is_not_the_one_paid(engine: Engine, person: dict, benefit_id: str) -> None:
    # The other place's grant is judged for the same unit as if it were there.
    other = {**person, "region": BOOK.benefits[benefit_id].jurisdiction}
    assert benefit_of(check(engine, other, date(2019, 6, 3)), benefit_id).status == "ineligible"


def test_a_trainee_at_a_base_is_never_paid_its_grant(engine: Engine) -> None:
    # A 通化 woman out of work, learning to be a 育婴员 at a recognised base.
    trainee = {"region": "吉林省通化市东昌区", "age": 33, "employment_status": "unemployed", "wants_training": True}
    found = benefit_of(check(engine, trainee, date(2019, 6, 3)), "jilin.family_service_training_base_grant")
    assert found.status == "employer_only"


def test_the_base_is_a_box_of_the_business_not_a_question_of_its_own() -> None:
    assert "unit_training_base" in BOOK.facts.groups["business_details"].facts


def test_a_recognised_school_that_also_hosts_founders_is_still_the_base(engine: Engine) -> None:
    # The welding school also rents desks to young founders in a small incubator space of its own.
    hosting = {**WELDING_SCHOOL, "business_in_incubator": True}
    found = benefit_of(check(engine, hosting, date(2019, 6, 3)), "bazhong.high_skill_training_base_grant")
    assert found.status == "as_employer"


def test_a_hire_named_by_kinship_takes_the_terms_said_after_it() -> None:
    facts = {
        "place": "四川省资阳市乐至县",
        "employment": "self_employed",
        "other": "个体工商户业主, 2022年登记; 雇用堂弟（低保家庭）自2024-03起7个多月; 未签劳动合同, 未缴社保",
    }
    raw = runner.profile_of(facts, date(2024, 11, 2), BOOK)
    assert raw.get("hire_contract") is False and raw.get("hire_insured") is False
    assert raw.get("hiring_staff") is True
