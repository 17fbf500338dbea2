"""Issue 11, session 20 (set 12 read): the classes found, each checked from the clause texts.

- The held-out runner (bench/holdout_eligibility.py): a negation before a list keeps its verb; 退出现役 is
  退役; 技工学校 is a school a leaving date names; the year that ends is the one next to 期满; a certificate
  written as level, date, 颁发; a retirement day; 任何 between a verb and its object; a self-employed owner's
  counted hires; a label's own figures pick the measure among a clause's benefits.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

from eligibility.rulebook import default_rulebook

RUNNER = Path(__file__).resolve().parents[2] / "bench" / "holdout_eligibility.py"
BOOK = default_rulebook()


def _runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("holdout_eligibility_runner_s20", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_runner_keeps_the_negation_before_a_list_of_groups() -> None:
    runner = _runner()
    text = "工厂职工; 不是低保户、残疾人、失业登记人员"
    assert runner.mentions(text, ("失业登记",), acts=True) is False
    assert runner.mentions("工厂职工; 已做失业登记", ("失业登记",), acts=True) is True


def test_the_runner_reads_leaving_the_army_and_a_technical_school() -> None:
    runner = _runner()
    soldier = {"place": "吉林省通化市", "age": 22, "employment": "unemployed", "other": "2019-12退出现役, 自主就业"}
    assert runner.profile_of(soldier, date(2020, 3, 1), BOOK)["veteran"] == "soldier_self_employed"
    leaver = {"place": "四川省巴中市", "age": 19, "employment": "unemployed", "other": "2019-06技工学校（焊接）毕业"}
    assert runner.profile_of(leaver, date(2020, 3, 1), BOOK)["graduation_date"] == date(2019, 6, 1)


def test_the_runner_takes_the_year_a_post_ends_not_the_year_it_began() -> None:
    runner = _runner()
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
    runner = _runner()
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
    runner = _runner()
    worker = {"place": "河南省平顶山市", "age": 59, "employment": "unemployed", "other": "法定退休时间为2021-06"}
    assert runner.profile_of(worker, date(2020, 6, 1), BOOK)["years_to_retirement"] == 1.0
    rider = {"place": "四川省巴中市", "age": 30, "employment": "flexible", "other": "跑腿配送; 未缴纳任何社会保险"}
    assert runner.profile_of(rider, date(2018, 6, 1), BOOK)["social_insurance_paid"] is False


def test_the_runner_reads_a_self_employed_owners_counted_hires_apart_from_himself() -> None:
    runner = _runner()
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
    runner = _runner()
    label = "担保基金与银行按8:2分担不可抗力造成的个人创业担保贷款损失"
    benefit = runner.benefit_for("pingdingshan-2020-10", label, BOOK, runner.label_figures(label))
    assert benefit is not None and benefit.id == "pingdingshan.guarantee_loss_sharing"
