"""Issue 11, session 20 (set 12 read): the classes found, each checked from the clause texts.

- One measure, one benefit: 巴中（六） “对首次创办小微企业或从事个体经营并正常经营1年以上的就业困难人员，给予创业补贴”
  and 巴中（十） “鼓励高校毕业生…自主创业，按规定给予…创业补贴” are two measures (the registry's too), as are
  巴中（十一） and 巴中（十）'s 社会保险补贴; 吉林（十五）'s 军转干部 measures (补贴政策, 创业孵化基地) are not the
  退役士兵's package.
- 商洛（三） “对未就业的高校毕业生…帮助其早日实现就业”: odd jobs are not yet 实现就业 — open, not refused.
- 商洛（三） “灵活就业的，要给予一定比例的社会保险补贴”: a share of premiums paid; nothing paid, nothing to share yet.
- The held-out runner (bench/holdout_eligibility.py): a negation before a list keeps its verb; 退出现役 is
  退役; 技工学校 is a school a leaving date names; the year that ends is the one next to 期满; a certificate
  written as level, date, 颁发; a retirement day; 任何 between a verb and its object; a self-employed owner's
  counted hires; a label's own figures pick the measure among a clause's benefits.
"""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from eligibility.rulebook import default_rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

BOOK = default_rulebook()
HARDSHIP_STARTUP = "bazhong.startup_subsidy"
GRADUATE_STARTUP = "bazhong.graduate_startup_subsidy"
HARDSHIP_FLEXIBLE = "bazhong.flexible_social_insurance_subsidy"
GRADUATE_FLEXIBLE = "bazhong.graduate_flexible_social_insurance"
SOLDIERS = "jilin.veteran_support"
OFFICERS = "jilin.officer_support"
UNEMPLOYED_GRADUATES = "shangluo.graduate_training_and_placement"
FLEXIBLE_INSURANCE = "shangluo.flexible_social_insurance_subsidy"


def test_a_graduate_founder_who_is_not_hard_to_employ_fails_the_hardship_grant_and_keeps_the_graduates_open(
    engine: Engine,
) -> None:
    # A 2015 大专 graduate who opened a tea shop in 平昌 in 2016: not 就业困难, family not poor.
    founder = {
        "region": "四川省巴中市平昌县",
        "age": 26,
        "education": "college",
        "graduation_date": "2015-07-01",
        "employment_status": "self_employed",
        "business_form": "individual",
        "business_first": True,
        "business_months": 30,
        "hard_to_employ": False,
        "household": [],
    }
    result = check(engine, founder, date(2018, 12, 1))
    hardship = benefit_of(result, HARDSHIP_STARTUP)
    assert hardship.status == "ineligible"
    assert any("就业困难" in (r.requirement.text or "") for r in hardship.reasons if r.requirement)
    graduates = benefit_of(result, GRADUATE_STARTUP)
    assert graduates.status == "possibly_eligible"
    assert [c.clause_id for c in graduates.citations] == ["bazhong-2018-10"]
    # A 就业困难 founder of the same shop has the (六) grant to ask for; a 中专 one has no graduates' grant.
    hard = {**founder, "hard_to_employ": True, "education": "secondary_vocational", "received_before": []}
    result = check(engine, hard, date(2018, 12, 1))
    assert benefit_of(result, HARDSHIP_STARTUP).status == "eligible"
    assert benefit_of(result, GRADUATE_STARTUP).status == "ineligible"


def test_a_graduate_courier_paying_her_own_premiums_meets_the_graduates_measure_not_the_hardship_one(
    engine: Engine,
) -> None:
    # 巴中（十一） 对实现灵活就业并缴纳社会保险费的就业困难人员;
    # 巴中（十） 鼓励高校毕业生灵活就业…按规定给予社会保险补贴.
    courier = {
        "region": "四川省巴中市巴州区",
        "age": 23,
        "education": "college",
        "graduation_date": "2017-07-01",
        "employment_status": "flexible",
        "social_insurance_paid": True,
        "hard_to_employ": False,
        "household": [],
    }
    result = check(engine, courier, date(2018, 8, 1))
    assert benefit_of(result, HARDSHIP_FLEXIBLE).status == "ineligible"
    graduates = benefit_of(result, GRADUATE_FLEXIBLE)
    assert graduates.status == "possibly_eligible"
    assert graduates.citations[0].clause_id == "bazhong-2018-10"


def test_a_discharged_soldier_is_not_shown_the_officers_incubator(engine: Engine) -> None:
    soldier = {
        "region": "吉林省白山市",
        "age": 23,
        "employment_status": "unemployed",
        "veteran": "soldier_self_employed",
    }
    result = check(engine, soldier, date(2018, 6, 1))
    own = benefit_of(result, SOLDIERS)
    assert own.status == "eligible"
    assert own.amount is not None and "孵化基地" not in (own.amount.text or "")
    assert benefit_of(result, OFFICERS).status == "ineligible"
    officer = {**soldier, "veteran": "officer_self_employed"}
    result = check(engine, officer, date(2018, 6, 1))
    # Session 40 (rules37): the officers' 各项补贴政策 are named without conditions — theirs, and open.
    assert benefit_of(result, OFFICERS).status == "possibly_eligible"
    assert benefit_of(result, SOLDIERS).status == "ineligible"


def test_a_graduate_doing_odd_jobs_has_not_yet_found_work_in_the_texts_sense(engine: Engine) -> None:
    # A 2010 本科 graduate in 洛南 who gets by on odd jobs (打零工), registered as unemployed.
    graduate = {
        "region": "陕西省商洛市洛南县",
        "age": 25,
        "education": "college",
        "graduation_date": "2010-07-01",
        "employment_status": "flexible",
        "registered_unemployed": True,
    }
    result = benefit_of(check(engine, graduate, date(2012, 11, 1)), UNEMPLOYED_GRADUATES)
    assert result.status == "possibly_eligible"
    open_reasons = [r.requirement.text or "" for r in result.reasons if r.kind == "to_confirm" and r.requirement]
    assert any("未就业的高校毕业生" in text for text in open_reasons)
    clerk = {**graduate, "employment_status": "employed"}
    assert benefit_of(check(engine, clerk, date(2012, 11, 1)), UNEMPLOYED_GRADUATES).status == "ineligible"


def test_a_flexible_workers_insurance_subsidy_needs_premiums_paid(engine: Engine) -> None:
    # 商洛 三、: a 下岗 worker registered unemployed who now sells vegetables at the market (灵活就业).
    seller = {
        "region": "陕西省商洛市商州区",
        "age": 44,
        "employment_status": "flexible",
        "registered_unemployed": True,
        "social_insurance_paid": False,
    }
    unpaid = benefit_of(check(engine, seller, date(2012, 10, 1)), FLEXIBLE_INSURANCE)
    assert unpaid.status == "ineligible"
    assert any(r.requirement and "缴纳社会保险费" in (r.requirement.text or "") for r in unpaid.reasons)
    paid = {**seller, "social_insurance_paid": True}
    assert benefit_of(check(engine, paid, date(2012, 10, 1)), FLEXIBLE_INSURANCE).status == "eligible"


def test_the_runner_keeps_the_negation_before_a_list_of_groups() -> None:
    runner = load_runner()
    text = "工厂职工; 不是低保户、残疾人、失业登记人员"
    assert runner.mentions(text, ("失业登记",), acts=True) is False
    assert runner.mentions("工厂职工; 已做失业登记", ("失业登记",), acts=True) is True


def test_the_runner_reads_leaving_the_army_and_a_technical_school() -> None:
    runner = load_runner()
    soldier = {"place": "吉林省通化市", "age": 22, "employment": "unemployed", "other": "2019-12退出现役, 自主就业"}
    assert runner.profile_of(soldier, date(2020, 3, 1), BOOK)["veteran"] == "soldier_self_employed"
    leaver = {"place": "四川省巴中市", "age": 19, "employment": "unemployed", "other": "2019-06技工学校（焊接）毕业"}
    assert runner.profile_of(leaver, date(2020, 3, 1), BOOK)["graduation_date"] == date(2019, 6, 1)


def test_the_runner_takes_the_year_a_post_ends_not_the_year_it_began() -> None:
    runner = load_runner()
    cleaner = {
        "place": "河南省平顶山市卫东区",
        "age": 50,
        "employment": "employed",
        "other": "社区公益性岗位保洁员, 2018-03上岗, 2020-09岗位期满",
    }
    assert runner.profile_of(cleaner, date(2020, 8, 1), BOOK)["public_welfare_job_ended"] is True
    later = {**cleaner, "other": "社区公益性岗位保洁员, 2020-03上岗, 2023-03-31期满"}
    assert runner.profile_of(later, date(2020, 8, 1), BOOK)["public_welfare_job_ended"] is False


def test_the_runner_reads_certificates_written_as_level_then_date() -> None:
    runner = load_runner()
    welder = {
        "place": "吉林省长春市",
        "age": 30,
        "employment": "employed",
        "other": "企业职工; 初级焊工证2016-05颁发, 高级2018-02颁发",
    }
    records = runner.profile_of(welder, date(2018, 6, 1), BOOK)["certificates"]
    assert [(r["level"], r["date"]) for r in records] == [("junior", date(2016, 5, 1)), ("senior", date(2018, 2, 1))]
    # A label that names one level and the measure's own start date (自2017年1月1日起) is about that level's one.
    one = runner.one_record({"certificates": records}, "初级证书补贴（自2017年1月1日起取得）")
    assert one is not None and [r["level"] for r in one["certificates"]] == ["junior"]


def test_the_runner_reads_a_retirement_day_and_no_insurance_of_any_kind() -> None:
    runner = load_runner()
    worker = {"place": "河南省平顶山市", "age": 59, "employment": "unemployed", "other": "法定退休时间为2021-06"}
    assert runner.profile_of(worker, date(2020, 6, 1), BOOK)["years_to_retirement"] == 1.0
    rider = {"place": "四川省巴中市", "age": 30, "employment": "flexible", "other": "跑腿配送; 未缴纳任何社会保险"}
    assert runner.profile_of(rider, date(2018, 6, 1), BOOK)["social_insurance_paid"] is False


def test_the_runner_reads_a_self_employed_owners_counted_hires_apart_from_himself() -> None:
    runner = load_runner()
    owner = {
        "place": "四川省巴中市",
        "age": 28,
        "employment": "self_employed",
        "other": "2016年大专毕业; 2017年开办茶叶公司; 2018-08招用3名2018届大专毕业生并签订劳动合同; 本人建档立卡",
    }
    profile = runner.profile_of(owner, date(2018, 10, 1), BOOK)
    assert profile["hiring_staff"] is True
    assert profile["hire_education"] == "college" and profile["hire_graduation_date"] == date(2018, 6, 30)
    assert profile["hire_contract"] is True
    # His own schooling and household stay his.
    assert profile["graduation_date"] == date(2016, 6, 30) and profile["household"] == ["poverty_registered"]


def test_the_runner_lets_a_labels_ratio_pick_the_measure_that_states_it() -> None:
    runner = load_runner()
    label = "担保基金与银行按8:2分担不可抗力造成的个人创业担保贷款损失"
    benefit = runner.benefit_for("pingdingshan-2020-10", label, BOOK, runner.label_figures(label))
    assert benefit is not None and benefit.id == "pingdingshan.guarantee_loss_sharing"


def test_the_runner_counts_another_measures_figure_shown_anywhere_in_the_result(engine: Engine) -> None:
    runner = load_runner()
    # 吉林（二十）: 依法参加失业保险3年以上 — a worker insured 2 years is told the 3 years beside 不符合.
    worker = {
        "region": "吉林省长春市",
        "age": 30,
        "employment_status": "employed",
        "ui_insured": True,
        "ui_years": 2,
        "certificates": [{"level": "junior", "date": "2018-03-01"}],
    }
    result = check(engine, worker, date(2018, 6, 1))
    found = benefit_of(result, "jilin.skill_upgrade_subsidy")
    figures = runner.Figures()
    tempting = {"wrong_figures": [{"figure": "3年", "from": "elsewhere", "is": "a figure of another measure"}]}
    figures.add("worker", BOOK.benefits[found.id], found, tempting)
    assert (figures.wrong, figures.wrong_shown) == (0, 1)
