"""Session 36 (issue 11, task rules33): set 28 read. A claim window met under every reading the texts use is met
(资阳（十二）: 毕业年度 and 毕业学年 both); a parity the text does not spell out
(商洛（三） “与其他就业困难人员一样给予”) stays open, as 吉林（十二）'s 比照 and 资阳（十三）'s 参照 do."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

# 资阳（十二）: 将求职创业补贴补助范围扩展到贫困残疾人家庭、建档立卡贫困家庭高校毕业生和特困人员中的高校毕业生 — the
# claim window is the subsidy's own rules (毕业年度 in 吉林（八）, 毕业学年 in 平顶山（十三）), not written here.
POOR_GRADUATE: dict[str, Any] = {
    "region": "四川省资阳市雁江区",
    "age": 21,
    "education": "college",
    "graduation_date": "2018-06-30",
    "household": ["poverty_registered"],
    "employment_status": "student",
    "received_before": [],
}


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        pytest.param(date(2018, 5, 30), "eligible", id="a student a month before graduating is inside both windows"),
        pytest.param(date(2018, 8, 31), "eligible", id="the last day of the school year is inside both windows"),
        pytest.param(date(2018, 9, 1), "possibly_eligible", id="after the school year only 毕业年度 is left: open"),
        pytest.param(date(2017, 12, 20), "possibly_eligible", id="the school year before the calendar one: open"),
    ],
)
def test_a_claim_window_met_under_both_readings_is_met(engine: Engine, as_of: date, status: str) -> None:
    facts = {**POOR_GRADUATE, "employment_status": "student" if as_of < date(2018, 7, 1) else "unemployed"}
    found = benefit_of(check(engine, facts, as_of), "ziyang.job_search_subsidy")
    assert found.status == status
    open_window = [r for r in found.reasons if r.kind == "to_confirm" and "申领时间" in (r.requirement.text or "")]
    assert bool(open_window) == (status == "possibly_eligible")


def test_a_graduation_date_not_known_leaves_the_window_to_ask_not_met(engine: Engine) -> None:
    facts = {key: value for key, value in POOR_GRADUATE.items() if key != "graduation_date"}
    found = benefit_of(check(engine, facts, date(2018, 5, 30)), "ziyang.job_search_subsidy")
    assert found.status == "possibly_eligible"


# 商洛（三）: 对未就业的高校毕业生，要与其他就业困难人员一样给予职业培训、职业介绍、小额贷款、税费减免、社保补贴等
# 相关政策扶持 — who is named is verified; what 就业困难人员 get, and on what terms, this notice does not write
# (hp28-19, hp27-20).
def test_an_unemployed_graduate_is_told_the_paritys_terms_are_to_confirm(engine: Engine) -> None:
    graduate = {
        "region": "陕西省商洛市柞水县",
        "age": 21,
        "education": "college",
        "graduation_date": "2012-07-01",
        "employment_status": "unemployed",
        "received_before": [],
    }
    found = benefit_of(check(engine, graduate, date(2012, 8, 25)), "shangluo.graduate_training_and_placement")
    assert found.status == "possibly_eligible"
    assert [r.kind for r in found.reasons] == ["to_confirm"]
    assert "与就业困难人员一样" in (found.reasons[0].requirement.text or "")


def test_an_employed_graduate_is_still_not_the_unemployed_one_the_parity_names(engine: Engine) -> None:
    worker = {"region": "陕西省商洛市商州区", "age": 25, "education": "college", "employment_status": "employed"}
    found = benefit_of(check(engine, worker, date(2012, 8, 25)), "shangluo.graduate_training_and_placement")
    assert found.status == "ineligible"


# 巴中（十）: 大学生创办企业并吸纳就业的，按规定给予创业吸纳就业奖励 — a 个体工商户 may or may not be the 企业 it names.
GRADUATE_OWNER: dict[str, Any] = {
    "region": "四川省巴中市平昌县",
    "age": 30,
    "education": "college",
    "employment_status": "self_employed",
    "business_has_employees": True,
    "received_before": [],
}


@pytest.mark.parametrize(
    ("form", "status"),
    [
        pytest.param(
            "individual", "possibly_eligible", id="a graduate's 个体工商户 with staff: whether it is 企业 is open"
        ),
        pytest.param("micro_enterprise", "possibly_eligible", id="a graduate's 小微企业 with staff: only 按规定 open"),
        pytest.param("farm_entity", "ineligible", id="a 家庭农场 is no 企业 the text names"),
    ],
)
def test_a_graduates_individual_business_is_to_confirm_as_the_enterprise_the_reward_names(
    engine: Engine, form: str, status: str
) -> None:
    found = benefit_of(
        check(engine, {**GRADUATE_OWNER, "business_form": form}, date(2019, 4, 12)), "bazhong.startup_hiring_reward"
    )
    assert found.status == status
    worded = [r.requirement.text or "" for r in found.reasons if r.requirement is not None]
    assert any("个体工商户" in text for text in worded) == (form == "individual")


@pytest.mark.parametrize(
    ("employment", "other", "read"),
    [
        pytest.param(
            "business_owner",
            "吸纳2名原建档立卡贫困家庭劳动力, 签合同, 稳定就业超过半年",
            {"hire_months": 6},
            id="hires kept over half a year have worked 6 months",
        ),
        pytest.param(
            "business_owner",
            "2018-03吸纳1名安岳县建档立卡贫困家庭劳动力, 签合同, 稳定就业约8个月",
            {"hire_months": 8},
            id="稳定就业约8个月 is 8 months",
        ),
        pytest.param(
            "business_owner",
            "2017-09家庭农场办理工商登记; 2017-08起吸纳1名贫困家庭劳动力, 约3个月",
            {"hire_months": 3},
            id="months said after the hire in its own part are the hire's",
        ),
        pytest.param(
            "business_owner",
            "小微企业负责人, 现有职工15人, 当年新招用2人",
            {"unit_staff": 15, "unit_new_hire_percent": 13},
            id="新招用 counts this year's hires as 新招 does",
        ),
        pytest.param(
            "unemployed",
            "农村户籍, 常住农村; 承包地已全部被征收, 无业",
            {"landless": True},
            id="land requisitioned is land no longer had",
        ),
    ],
)
def test_the_runner_reads_set_28s_hires_staff_and_land(
    rulebook: Rulebook, employment: str, other: str, read: dict[str, Any]
) -> None:
    runner = load_runner()
    facts = {"place": "四川省巴中市恩阳区", "age": 40, "employment": employment, "other": other}
    profile = runner.profile_of(facts, date(2018, 11, 28), rulebook)
    for fact, value in read.items():
        assert profile.get(fact) == value, (fact, profile)
