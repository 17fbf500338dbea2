"""Issue 11, session 19 (task rules14): people set 11 read, its disagreements judged against the clause texts.

- 资阳（十八） “每年向每位贫困家庭劳动力至少推荐3个以上的就业岗位” is for those with 就业愿望; the same clause
  names 自主创业 among the ways of 就业 (“通过当地产业发展吸纳、自主创业、劳务输出等多种方式”): a plan to start a
  business of one's own is a will to work.
- 吉林（十九） “对化解钢铁煤炭煤电行业过剩产能企业失业人员…参加就业技能培训的”: a 去产能 worker who works for a
  unit again is no longer its 失业人员.
- 巴中（十二） “对认定为就业扶贫基地，新吸纳10个以上贫困家庭劳动力就业的，给予一定标准的奖励” is a measure of its
  own: the 基地's, on its recognition and its count of new hires — not the general hiring reward's terms.
- The held-out runner (bench/holdout_eligibility.py): a negation reaches every item of a list; a wish not yet
  acted on is not denied; signing up is not having gone; 家庭非贫困 is none of the listed households;
  2011年起 is a start; an owner's own insurance; a count of hires from poor households; an expectation
  about one certificate is judged with that certificate alone.
"""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

REFERRAL = "ziyang.poor_labor_job_referral"
TRAINING = "jilin.vocational_training_subsidy"
BASE_REWARD = "bazhong.poverty_employment_base_reward"
HIRING_REWARD = "bazhong.poor_labor_hiring_reward"


def test_a_poor_household_member_who_will_open_a_stall_has_the_yearly_job_referrals(engine: Engine) -> None:
    # Not looking for a job with an employer: she means to run a noodle stall of her own.
    founder = {
        "region": "资阳市雁江区",
        "age": 33,
        "employment_status": "unemployed",
        "household": ["poverty_registered"],
        "job_seeking": False,
        "wants_business": True,
    }
    assert benefit_of(check(engine, founder, date(2018, 5, 2)), REFERRAL).status == "eligible"
    idle = {**founder, "wants_business": False}
    assert benefit_of(check(engine, idle, date(2018, 5, 2)), REFERRAL).status == "ineligible"


def test_a_coal_mine_worker_hired_again_elsewhere_is_no_longer_its_unemployed(engine: Engine) -> None:
    # Laid off when 通化's mine shut in 2016, a forklift driver at a logistics firm since 2017.
    driver = {
        "region": "吉林省通化市",
        "age": 41,
        "overcapacity_worker": True,
        "employment_status": "employed",
        "wants_training": True,
        "household": [],
        "education": "high_school",
        "graduation_date": "1995-07-01",
        "rural_labor": False,
        "registered_unemployed": False,
    }
    assert benefit_of(check(engine, driver, date(2018, 3, 1)), TRAINING).status == "ineligible"
    idle = {**driver, "employment_status": "unemployed"}
    assert benefit_of(check(engine, idle, date(2018, 3, 1)), TRAINING).status == "possibly_eligible"


def _texts(result_benefit: object) -> str:
    amount = getattr(result_benefit, "amount", None)
    words = [] if amount is None else [amount.text or "", *(t.text for t in amount.tiers)]
    words += [t.text for t in getattr(result_benefit, "hiring", ())]
    words += [r.requirement.text or "" for r in getattr(result_benefit, "reasons", ()) if r.requirement]
    return " ".join(words)


def test_a_poverty_employment_base_is_rewarded_for_ten_new_hires_not_for_two(engine: Engine) -> None:
    # A tea garden's owner in 通江 who took on two helpers from registered poor households.
    owner = {
        "region": "巴中市通江县",
        "age": 47,
        "employment_status": "self_employed",
        "business_form": "farm_entity",
        "hiring_staff": True,
        "unit_poverty_base": True,
        "unit_poor_hires": 2,
    }
    two = benefit_of(check(engine, owner, date(2018, 10, 9)), BASE_REWARD)
    assert two.status == "ineligible"
    assert "10个以上" in _texts(two)
    eleven = {**owner, "unit_poor_hires": 11, "hire_household": ["poverty_registered"]}
    assert benefit_of(check(engine, eleven, date(2018, 10, 9)), BASE_REWARD).status == "as_employer"
    unrecognized = {**eleven, "unit_poverty_base": False}
    assert benefit_of(check(engine, unrecognized, date(2018, 10, 9)), BASE_REWARD).status == "ineligible"


def test_a_worker_from_a_poor_household_sees_the_base_reward_as_the_units(engine: Engine) -> None:
    worker = {
        "region": "巴中市平昌县",
        "age": 36,
        "employment_status": "unemployed",
        "job_seeking": True,
        "household": ["poverty_registered"],
    }
    result = check(engine, worker, date(2018, 10, 9))
    base = benefit_of(result, BASE_REWARD)
    assert base.status == "if_hired"
    assert "10" in _texts(base)
    # The general reward's own terms (1年以上劳动合同, 半年以上) never carry the base's count.
    assert "10个以上" not in _texts(benefit_of(result, HIRING_REWARD))


def test_the_runner_reads_a_negation_over_a_list_and_a_wish_not_yet_acted_on() -> None:
    runner = load_runner()
    assert runner.mentions("店面在街边, 没有进驻任何产业园或孵化器", ("孵化",)) is False
    assert runner.mentions("店面在孵化器里", ("孵化",)) is True
    # 还没参加培训: not trained yet says nothing of wanting to; for a thing done it is a no.
    assert runner.mentions("孩子还没参加培训", ("培训",)) is None
    assert runner.mentions("还未参加劳务输出", ("劳务输出",), acts=True) is False
    # Signed up for a trip that leaves next month: not yet gone.
    assert runner.mentions("已报名镇上组织的劳务输出, 下月出发", ("劳务输出",), acts=True) is None
    book_facts = {"place": "吉林省白城市", "age": 30, "employment": "employed", "other": "城镇户口; 家庭非贫困"}
    from eligibility.rulebook import default_rulebook

    assert runner.profile_of(book_facts, date(2018, 1, 1), default_rulebook())["household"] == []


def test_the_runner_reads_insurance_years_from_a_year_and_an_owners_own_insurance() -> None:
    runner = load_runner()
    from eligibility.rulebook import default_rulebook

    book = default_rulebook()
    worker = {"place": "吉林省长春市", "age": 40, "employment": "employed", "other": "车间职工; 2012年起参加失业保险"}
    assert runner.profile_of(worker, date(2018, 1, 1), book)["ui_years"] == 6.0
    owner = {
        "place": "四川省资阳市雁江区",
        "age": 35,
        "employment": "self_employed",
        "other": "开干洗店; 雇了1人并为其缴纳社会保险; 老板自己未参加社会保险",
    }
    assert runner.profile_of(owner, date(2018, 1, 1), book)["business_insured"] is False


def test_the_runner_counts_hires_from_poor_households_and_judges_one_certificate_alone() -> None:
    runner = load_runner()
    from eligibility.rulebook import default_rulebook

    book = default_rulebook()
    farm = {
        "place": "四川省巴中市平昌县",
        "age": 50,
        "employment": "self_employed",
        "other": "茶园; 吸纳4至6名贫困家庭劳动力",
    }
    assert runner.profile_of(farm, date(2018, 1, 1), book)["unit_poor_hires"] == 6
    two = {
        "certificates": [
            {"level": "intermediate", "date": date(2015, 3, 1)},
            {"level": "senior", "date": date(2018, 4, 1)},
        ]
    }
    assert runner.one_record(two, "技能提升补贴（2015年3月的中级证书）")["certificates"] == [
        {"level": "intermediate", "date": date(2015, 3, 1)}
    ]
    assert runner.one_record(two, "技能提升补贴（高级证书）")["certificates"][0]["level"] == "senior"
    # A label naming no certificate, or naming both, is judged on the whole profile.
    assert runner.one_record(two, "参保职工技能提升补贴") is None
