"""Issue 11, session 18 (task rules13): people set 10 read, its disagreements judged against the clause texts.

- A place written with the person's 户籍 in brackets (牡丹江市（工作地；户籍吉林省珲春市）) is where the person
  works, not the 户籍 city: the person is judged where they are.
- 资阳（十四）: “对不裁员或少裁员的，稳岗补贴可按不超过企业及其职工上年度足额缴纳失业保险费总额的70%确定” — the
  firm's, never a worker's; and the 70% is not the figure of the subsidies for hiring a 去产能 worker.
- 平顶山（十）: “因不可抗力造成无法偿还的个人创业担保贷款，由担保基金、经办金融机构按8：2的比例分担” — shared by the
  fund and the bank, not money for the borrower; the loan's own figure is not 8：2.
- 平顶山（十三）: “离校未就业高校毕业生可将户口、档案在学校保留2年” read beside 平顶山（十一）
  “离校2年内未就业高校毕业生实现灵活就业”: gig work since leaving keeps a graduate 离校未就业; a job with a
  unit does not.
- The held-out runner: what the asker tells of a relative is not the asker's (bench/holdout_eligibility.py).
"""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from eligibility.regions import without_former_affiliation
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

STABILIZATION = "ziyang.overcapacity_job_stabilization_subsidy"
OVERCAPACITY_HIRING = "ziyang.overcapacity_hiring_subsidy"
LOSS_SHARING = "pingdingshan.guarantee_loss_sharing"
LOAN = "pingdingshan.startup_guarantee_loan"
STATUS_RETENTION = "pingdingshan.graduate_status_retention"


def _amount(result_benefit: object) -> str:
    amount = getattr(result_benefit, "amount", None)
    return "" if amount is None else " ".join([amount.text or "", *(t.text for t in amount.tiers)])


def test_a_household_registration_in_brackets_is_not_where_the_person_is(engine: Engine) -> None:
    # A 珲春 household working at a sawmill in 牡丹江: no covered document is where he works.
    worker = {"age": 31, "employment_status": "employed", "household": ["poverty_registered"]}
    away = check(engine, {**worker, "region": "黑龙江省牡丹江市（工作地；户籍吉林省延边州珲春市）"}, date(2018, 6, 28))
    assert away.status == "region_not_covered"
    # Where he is, named plainly, still places him.
    home = check(engine, {**worker, "region": "吉林省延边州珲春市"}, date(2018, 6, 28))
    assert home.region.status == "covered"


def test_only_asides_about_origin_or_history_are_dropped() -> None:
    assert without_former_affiliation("西安市长安区（老家商洛）") == "西安市长安区"
    assert without_former_affiliation("巴中市（平昌县）") == "巴中市（平昌县）"


def test_a_firms_job_stabilization_cap_is_the_firms_not_the_laid_off_miners(engine: Engine) -> None:
    miner = {
        "region": "资阳市安岳县",
        "age": 43,
        "employment_status": "unemployed",
        "overcapacity_worker": True,
        "job_seeking": True,
    }
    result = check(engine, miner, date(2018, 4, 11))
    stabilization = benefit_of(result, STABILIZATION)
    assert stabilization.status == "employer_only"
    assert "70%" in _amount(stabilization)
    # The subsidies a unit gets for hiring him state no such share.
    assert "70%" not in _amount(benefit_of(result, OVERCAPACITY_HIRING))


def test_an_owner_with_staff_may_claim_the_stabilization_cap_as_the_firm(engine: Engine) -> None:
    owner = {
        "region": "资阳市雁江区",
        "age": 50,
        "employment_status": "self_employed",
        "business_form": "micro_enterprise",
        "business_has_employees": True,
    }
    assert benefit_of(check(engine, owner, date(2018, 6, 1)), STABILIZATION).status == "as_employer"


def test_a_loans_force_majeure_split_is_the_fund_and_the_banks(engine: Engine) -> None:
    borrower = {
        "region": "平顶山市宝丰县",
        "age": 44,
        "employment_status": "self_employed",
        "business_form": "individual",
        "has_startup_loan": True,
    }
    result = check(engine, borrower, date(2020, 6, 1))
    sharing = benefit_of(result, LOSS_SHARING)
    assert sharing.status == "employer_only"
    assert "8：2" in _amount(sharing)
    assert "8：2" not in _amount(benefit_of(result, LOAN))


def test_a_graduate_riding_deliveries_since_leaving_is_still_unemployed_at_leaving(engine: Engine) -> None:
    rider = {
        "region": "平顶山市舞钢市",
        "age": 22,
        "education": "college",
        "graduation_date": "2020-06-30",
        "employment_status": "flexible",
    }
    # Within the 2 years: the draft's measure is his (shown as the draft's, 可能符合).
    assert benefit_of(check(engine, rider, date(2021, 3, 10)), STATUS_RETENTION).status == "possibly_eligible"
    hired = {**rider, "employment_status": "employed"}
    assert benefit_of(check(engine, hired, date(2021, 3, 10)), STATUS_RETENTION).status == "ineligible"


def test_the_runner_keeps_a_relatives_facts_apart_from_the_askers() -> None:
    runner = load_runner()
    # A relative named inside the asker's own part (本人…、丈夫…) stays: the part is the asker's.
    told = "零就业家庭（本人50岁、丈夫53岁均无业）; 已办理失业登记"
    assert runner.own_part(told) == told
    split = "企业职工; 丈夫在同一车间, 2019-05取得高级（三级）证书; 本人2019-01取得初级证"
    assert runner.own_part(split) == "企业职工; 本人2019-01取得初级证"
    assert runner.ABOUT_ANOTHER.search("灵活就业社会保险补贴（丈夫）")
    assert runner.ABOUT_ANOTHER.search("失业补助金——父亲")
    assert not runner.ABOUT_ANOTHER.search("就业困难人员（含零就业家庭成员）灵活就业社会保险补贴")


def test_the_runner_maps_a_measure_by_the_figure_its_writer_gives() -> None:
    runner = load_runner()
    from eligibility.rulebook import default_rulebook

    book = default_rulebook()
    label = "因不可抗力无法偿还的个人创业担保贷款损失分担"
    assert runner.benefit_for("pingdingshan-2020-10", label, book, ("8:2",)).id == LOSS_SHARING
