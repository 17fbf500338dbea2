"""Issue 11, session 13: what opens a near miss, and an owner asking about his own unit.

- Near misses (facts.yaml `action`, eligibility/nearmiss.py): a benefit failed only on what the
  person can do — register as unemployed, take a certificate — says so, derived from the rule's failed
  conditions. 吉林（十九） pays 职业培训补贴 to five groups, one of them 城镇登记失业人员: an unemployed
  adult in none of the others misses it until he registers. 吉林（二十） pays an insured 企业职工 for a
  certificate: without one, taking it opens the subsidy. An employee cannot register as unemployed.
- The owner's unit (facts `about: hire` / `unit`, a rule's `employer_conditions`): 资阳（十九） pays any
  生产经营主体 1000元 per 贫困家庭劳动力 kept 6 months; 资阳（十三） pays an enterprise only for hires with
  a 1-year contract and social insurance. The owner is judged on whom he hired and on his unit, never on
  his own situation, and the questions ask about the people hired (所招人员).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.present.check import check_text
from bot.present.prose import prose
from bot.present.reasons import reason_texts
from bot.present.results import result_json, results_message
from eligibility.engine import Engine
from eligibility.errors import RulebookError
from eligibility.interview import answers_from, run_interview
from eligibility.profile import parse_profile
from eligibility.results import CheckResult
from eligibility.rulebook import load_rulebook
from knowledge.registry import Registry, load_registry
from tests.eligibility.checking import benefit_of, check

ROOT = Path(__file__).resolve().parents[2]
# Out of work in 白山, 38, 高中, in none of 吉林（十九）'s other four groups, wants training, not registered.
IDLE = {
    "region": "白山",
    "age": 38,
    "employment_status": "unemployed",
    "education": "high_school",
    "graduation_date": "2005-07-01",
    "household": [],
    "rural_labor": False,
    "overcapacity_worker": False,
    "registered_unemployed": False,
    "wants_training": True,
}
# A 四平 factory worker insured 5 years, with no certificate yet.
WORKER = {
    "region": "四平",
    "age": 29,
    "employment_status": "employed",
    "ui_insured": True,
    "ui_years": 5,
    "certificate_level": "none",
    # Session 27: never had a 技能提升补贴 — a new certificate then opens it for sure.
    "received_before": [],
}
# The chairman of a 乐至 cooperative; the 4 people he took on are from 建档立卡 families, paid by the day
# for 9 months, with no contract and no insurance. His own family is not poor.
COOPERATIVE = {
    "region": "乐至",
    "age": 47,
    "employment_status": "self_employed",
    "education": "below_high_school",
    "household": [],
    "business_form": "farm_entity",
    "hiring_staff": True,
    "hire_household": ["poverty_registered"],
    "hire_months": 9,
    "hire_contract": False,
    "hire_insured": False,
    # Session 14: hires are judged one by one; the four are alike, so there is no other to describe.
    "more_hires": False,
    # Session 29: the one-time reward is paid once per hire — not had yet for these four.
    "hire_rewarded": False,
}
AS_OF = date(2018, 9, 1)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _check(engine: Engine, profile: dict[str, Any], as_of: date = AS_OF) -> CheckResult:
    return check(engine, profile, as_of)


_benefit = benefit_of


# -- near misses -------------------------------------------------------------------------------------


def test_registering_as_unemployed_opens_the_training_subsidy_of_an_unregistered_job_seeker(engine: Engine) -> None:
    training = _benefit(_check(engine, IDLE), "jilin.vocational_training_subsidy")
    assert training.status == "ineligible"
    assert training.opens_with == ("registered_unemployed",)
    # Session 16: 按规定给予 — which training is paid stays to confirm, so registering opens it as possible.
    assert training.opens_to == "possibly_eligible"


def test_an_employee_is_not_told_to_register_as_unemployed(engine: Engine) -> None:
    employed = {**IDLE, "employment_status": "employed", "job_seeking": True}
    training = _benefit(_check(engine, employed), "jilin.vocational_training_subsidy")
    assert training.status == "ineligible"
    assert "registered_unemployed" not in training.opens_with


def test_a_certificate_opens_the_skill_subsidy_of_an_insured_worker_but_not_of_one_insured_too_short(
    engine: Engine,
) -> None:
    upgrade = _benefit(_check(engine, WORKER), "jilin.skill_upgrade_subsidy")
    assert upgrade.status == "ineligible" and upgrade.opens_with == ("certificate_level",)
    assert upgrade.opens_to == "eligible"
    # Two years insured (吉林（二十） needs 3): a certificate alone does not open it.
    short = _benefit(_check(engine, {**WORKER, "ui_years": 2}), "jilin.skill_upgrade_subsidy")
    assert short.status == "ineligible" and short.opens_with == ()


def test_an_unknown_registration_says_registering_would_make_it_sure(engine: Engine) -> None:
    """商洛（六） 登记失业求职的高校毕业生: a graduate looking for work, registration 不清楚 (session 16: 吉林（十九）,
    the example before, stays to confirm after registering — which training is paid — so it is no longer one)."""
    graduate = {
        "region": "商洛",
        "age": 23,
        "employment_status": "unemployed",
        "education": "college",
        "graduation_date": "2012-06-30",
        "job_seeking": True,
        "registered_unemployed": None,
    }
    unsure = _benefit(_check(engine, graduate, date(2012, 9, 1)), "shangluo.graduate_employment_services")
    assert unsure.status == "possibly_eligible"
    assert unsure.opens_with == ("registered_unemployed",) and unsure.opens_to == "eligible"
    # Registering would leave 吉林（十九） open all the same: it is not offered as what makes it sure.
    training = _benefit(_check(engine, {**IDLE, "registered_unemployed": None}), "jilin.vocational_training_subsidy")
    assert training.status == "possibly_eligible" and training.opens_with == ()


def test_the_json_the_chat_and_the_terminal_say_what_to_do(engine: Engine, registry: Registry) -> None:
    result = _check(engine, IDLE)
    payload = {b["id"]: b for b in result_json(result, engine.rulebook, registry)["benefits"]}
    training = payload["jilin.vocational_training_subsidy"]
    assert training["opens_with"] == [{"fact": "registered_unemployed", "action": training["opens_with"][0]["action"]}]
    assert "失业登记" in training["opens_with"][0]["action"]
    assert training["opens_to"] == "possibly_eligible" and "失业登记" in training["opens_with_text"]
    # Backwards compatible: the earlier fields are all still there.
    assert {"status", "reasons", "missing_facts", "eligible_from", "eligible_from_text", "apply"} <= set(training)
    assert all(b["opens_with"] == [] for b in payload.values() if b["status"] == "eligible")
    chat = results_message(result, engine.rulebook)
    assert "就业技能培训补贴" in chat.text and training["opens_with_text"] in chat.text
    terminal = check_text(result, registry, engine.rulebook)
    assert prose().check_advice.near_miss_section in terminal and training["opens_with_text"] in terminal


def test_check_json_prints_the_near_miss_advice() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.check_cli", "--json"],
        input=json.dumps({**WORKER, "as_of": "2018-09-01"}, ensure_ascii=False),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    upgrade = next(b for b in json.loads(done.stdout)["benefits"] if b["id"] == "jilin.skill_upgrade_subsidy")
    assert upgrade["status"] == "ineligible" and upgrade["opens_to"] == "eligible"
    assert "证书" in upgrade["opens_with_text"]


# -- the owner's own unit ----------------------------------------------------------------------------


def test_a_cooperative_is_judged_on_the_people_it_took_on_not_on_its_chairman(engine: Engine) -> None:
    result = _check(engine, COOPERATIVE)
    reward = _benefit(result, "ziyang.business_entity_hiring_reward")
    # 资阳（十九）: 建档立卡 hires kept 9 months — every condition holds, nothing left to confirm.
    assert reward.status == "as_employer" and reward.missing_facts == () and reward.reasons == ()
    # 资阳（十三）: no 1-year contract, no insurance — the enterprise reward is not the cooperative's.
    enterprise = _benefit(result, "ziyang.poor_labor_hiring_reward")
    assert enterprise.status == "ineligible"
    texts = reason_texts(enterprise, engine.rulebook)
    assert len(texts) == 2 and all("所招人员" in t for t in texts)
    assert not any("您的家庭" in t for t in texts)
    # What the unit can do opens it: a contract and insurance for the people it took on.
    assert enterprise.opens_with == ("hire_contract", "hire_insured") and enterprise.opens_to == "as_employer"
    chat = results_message(result, engine.rulebook).text
    near = chat.split(prose().dialogue.results.near_miss)[1]
    assert "企业吸纳贫困家庭劳动力就业奖补" in near and prose().as_employer.unit_label in near


def test_hires_kept_five_months_do_not_yet_bring_the_reward(engine: Engine) -> None:
    reward = _benefit(_check(engine, {**COOPERATIVE, "hire_months": 5}), "ziyang.business_entity_hiring_reward")
    assert reward.status == "ineligible"
    assert reward.reasons[0].requirement is not None and reward.reasons[0].requirement.fact == "hire_months"


def test_what_is_open_about_the_hires_is_worded_as_the_units(engine: Engine) -> None:
    result = _check(engine, {k: v for k, v in COOPERATIVE.items() if k != "hire_household"})
    reward = _benefit(result, "ziyang.business_entity_hiring_reward")
    assert reward.status == "as_employer" and reward.missing_facts == ("hire_household",)
    assert reason_texts(reward, engine.rulebook)[0].startswith("待确认：所招人员需为建档立卡贫困家庭劳动力")
    chat = results_message(result, engine.rulebook).text
    assert "还需确认：所招人员的家庭情况" in chat


def test_the_interview_asks_an_owner_about_his_hires_and_nobody_else(engine: Engine) -> None:
    start = parse_profile({"region": "乐至"}, engine.rulebook.facts, AS_OF)
    owner = run_interview(engine, start, answers_from({**COOPERATIVE, "received_before": []}))
    asked = {f for q in owner.asked for f in q.facts}
    assert {"hire_household", "hire_months", "hire_contract", "hire_insured"} <= asked
    assert _benefit(owner.result, "ziyang.business_entity_hiring_reward").status == "as_employer"
    # An owner whose business does not hire, and a job-seeker, are never asked about hires.
    quiet = run_interview(engine, start, answers_from({**COOPERATIVE, "hiring_staff": False}))
    seeker = {"region": "乐至", "age": 24, "employment_status": "unemployed", "job_seeking": True}
    looking = run_interview(engine, start, answers_from(seeker))
    for interview in (quiet, looking):
        asked = {f for q in interview.asked for f in q.facts}
        assert not any(engine.rulebook.facts[f].about != "person" and f.startswith("hire_") for f in asked)


def test_the_spring_festival_subsidy_depends_on_what_the_owners_firm_made(engine: Engine) -> None:
    # 平顶山（九）: only firms making or delivering epidemic supplies in the 2020 Spring Festival.
    factory = {
        "region": "舞钢",
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
        "hiring_staff": True,
        "received_before": [],
    }
    spring = date(2020, 6, 1)
    other = _benefit(
        _check(engine, {**factory, "unit_epidemic_supplies": False}, spring), "pingdingshan.epidemic_hiring_subsidy"
    )
    assert other.status == "ineligible"
    maker = _benefit(
        _check(engine, {**factory, "unit_epidemic_supplies": True}, spring), "pingdingshan.epidemic_hiring_subsidy"
    )
    assert maker.status == "as_employer" and any(r.kind == "to_confirm" for r in maker.reasons)


def test_a_graduate_is_judged_on_the_day_he_was_hired(engine: Engine) -> None:
    # 巴中（十）: 吸纳毕业年度高校毕业生 — a 2018 graduate hired in September 2018, asked about in April 2019.
    firm = {
        "region": "巴中",
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
        "hiring_staff": True,
        "hire_education": "college",
        "hire_graduation_date": "2018-06-30",
        "hire_contract": True,
        "hire_insured": True,
        # Session 38: 最长1年 — the unit has not had the whole term for him yet.
        "hire_term_used": False,
    }
    april = date(2019, 4, 2)
    hired = _benefit(
        _check(engine, {**firm, "hire_date": "2018-09-10"}, april), "bazhong.graduate_hiring_social_insurance"
    )
    assert hired.status == "as_employer" and hired.missing_facts == ()
    # Session 14: without the day, the day decides (a 2018 hire would meet 毕业年度): asked, not refused.
    now = _benefit(_check(engine, firm, april), "bazhong.graduate_hiring_social_insurance")
    assert now.status == "as_employer" and now.missing_facts == ("hire_date",)
    later = {**firm, "hire_date": "2019-01-15", "more_hires": False}
    assert _benefit(_check(engine, later, april), "bazhong.graduate_hiring_social_insurance").status == "ineligible"


def test_a_unit_with_staff_is_the_unit_of_the_job_stabilisation_subsidy_hiring_or_not(engine: Engine) -> None:
    shop = {"region": "巴中", "employment_status": "self_employed", "business_form": "micro_enterprise"}
    staffed = {**shop, "hiring_staff": False, "business_has_employees": True}
    result = _check(engine, staffed)
    assert _benefit(result, "bazhong.job_stabilization_subsidy").status == "as_employer"
    # Said as the unit's, not the owner's, and with no hire to speak of.
    section = results_message(result, engine.rulebook).text.split(prose().as_employer.chat_title)[1]
    assert "企业稳岗补贴" in section and prose().as_employer.unit_chat_line in section
    alone = {**shop, "hiring_staff": False, "business_has_employees": False}
    assert _benefit(_check(engine, alone), "bazhong.job_stabilization_subsidy").status == "employer_only"


def test_a_units_condition_on_a_person_fact_fails_at_load(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "rules"
    shutil.copytree(ROOT / "eligibility", root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = root / "benefits" / "ziyang" / "business_entity_hiring_reward.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    - fact: hire_months\n      gte: 6", "    - fact: age\n      gte: 6"
        ),
        encoding="utf-8",
    )
    with pytest.raises(RulebookError, match="fact about a person"):
        load_rulebook(root)


# -- a broker's own provider measure -------------------------------------------------------------------

BROKER = {
    "region": "南江",
    "age": 38,
    "employment_status": "self_employed",
    "business_form": "individual",
    "labor_broker": True,
    "hire_household": ["poverty_registered"],
    "hire_contract": True,
    "hire_insured": True,
    "more_hires": False,  # session 14: the people he placed are alike
}


def test_a_broker_who_placed_poor_workers_on_contracts_is_the_one_paid(engine: Engine) -> None:
    # 巴中（十二）: 劳务经纪人组织贫困家庭劳动力到企业就业，协助签订1年以上劳动合同并参加社会保险的 — 300元/人.
    placement = _benefit(_check(engine, BROKER, date(2019, 3, 1)), "bazhong.job_placement_service_subsidy")
    assert placement.status == "as_employer" and placement.missing_facts == ()
    uninsured = {**BROKER, "hire_insured": False}
    assert _benefit(_check(engine, uninsured, date(2019, 3, 1)), "bazhong.job_placement_service_subsidy").status == (
        "ineligible"
    )
    # A worker the broker placed is not the broker: the same measure is never hers.
    worker = {"region": "南江", "age": 30, "employment_status": "employed", "household": ["poverty_registered"]}
    placed = _benefit(_check(engine, worker, date(2019, 3, 1)), "bazhong.job_placement_service_subsidy")
    assert placed.status == "employer_only"


def test_a_broker_working_on_his_own_is_no_agency_for_the_300_yuan_referral_subsidy(engine: Engine) -> None:
    # 平顶山（二十） pays 经营性人力资源服务机构 only; 平顶山（十四） pays 劳务经纪人 too.
    alone = {**BROKER, "region": "叶县", "business_form": "none", "hire_rural_labor": True}
    result = _check(engine, alone, date(2020, 8, 10))
    referral = _benefit(result, "pingdingshan.job_referral_service_subsidy")
    assert referral.status == "ineligible"
    assert "经营性人力资源服务机构" in reason_texts(referral, engine.rulebook)[0]
    assert _benefit(result, "pingdingshan.labor_export_service_subsidy").status == "as_employer"


def test_only_the_self_employed_are_asked_whether_they_broker_labour(engine: Engine) -> None:
    start = parse_profile({"region": "南江"}, engine.rulebook.facts, AS_OF)
    owner = run_interview(engine, start, answers_from({**BROKER, "received_before": []}))
    assert "labor_broker" in {f for q in owner.asked for f in q.facts}
    seeker = {"region": "南江", "age": 24, "employment_status": "unemployed", "job_seeking": True}
    looking = run_interview(engine, start, answers_from(seeker))
    assert "labor_broker" not in {f for q in looking.asked for f in q.facts}
