"""Session 40 (issue 11, task rules37): set 32 opened. 吉林（十五） 及时落实各项补贴政策 names no subsidy, so an
officer's measure stays open; 吉林（二十）'s 紧缺急需工种 sentence is a measure of its own (the registry's
jilin-2017.shortage_trades_higher_subsidy), open on the trade list the text does not give; and the runner's readings of
set 32 (a broker paid for those he sends, an officer's 退役金, a shop not opened yet, a negation that stops at a part's
end, a park's operating firm, a certificate taken 另, a subsidy ended years before 2020, a business's opening day)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

# A 集安 hotel cook: insured 3年半, a 初级（五级） certificate of 2018-04 (吉林（二十）).
COOK: dict[str, Any] = {
    "region": "吉林省通化市集安市",
    "age": 26,
    "employment_status": "employed",
    "ui_insured": True,
    "ui_years": 3.5,
    "received_before": [],
    "certificates": [{"level": "junior", "date": date(2018, 4, 1)}],
}


def test_a_worker_who_meets_the_skill_subsidy_gets_its_tier_and_the_shortage_trade_raise_stays_open(
    engine: Engine,
) -> None:
    result = check(engine, COOK, date(2018, 6, 6))
    own = benefit_of(result, "jilin.skill_upgrade_subsidy")
    assert own.status == "eligible" and own.amount is not None, own
    raise_ = benefit_of(result, "jilin.shortage_trades_higher_subsidy")
    assert raise_.status == "possibly_eligible", raise_
    assert [r.kind for r in raise_.reasons] == ["to_confirm"], raise_.reasons
    assert "紧缺急需工种" in (raise_.reasons[0].requirement.text or "")  # type: ignore[union-attr]


def test_the_shortage_trade_raise_follows_the_skill_subsidys_conditions(engine: Engine) -> None:
    short = {**COOK, "ui_years": 2.9, "more_certificates": False}
    assert benefit_of(check(engine, short, date(2018, 6, 6)), "jilin.shortage_trades_higher_subsidy").status == (
        "ineligible"
    )


def test_an_officer_who_chose_his_own_work_is_told_his_subsidies_are_to_confirm(engine: Engine) -> None:
    officer = {
        "region": "吉林省梅河口市",
        "age": 45,
        "employment_status": "unemployed",
        "veteran": "officer_self_employed",
    }
    found = benefit_of(check(engine, officer, date(2018, 12, 3)), "jilin.officer_support")
    assert found.status == "possibly_eligible", found
    assert any(r.kind == "to_confirm" for r in found.reasons), found.reasons


RUNNER_READINGS = [
    pytest.param(
        {
            "place": "四川省巴中市通江县",
            "employment": "flexible",
            "other": "劳务经纪人; 2018-03组织12名建档立卡贫困家庭劳动力到浙江企业就业; 本人家庭非贫困户",
        },
        date(2018, 10, 22),
        {"labor_broker": True, "organized_labor_export": False},
        id="a broker on his own account, written flexible, sends others and goes nowhere himself",
    ),
    pytest.param(
        {"place": "吉林省梅河口市", "employment": "unemployed", "other": "2016年自主择业军队转业干部, 按月领取退役金"},
        date(2018, 12, 3),
        {"veteran": "officer_self_employed"},
        id="an officer's 退役金 is no soldier's word",
    ),
    pytest.param(
        {"place": "四川省巴中市南江县", "employment": "flexible", "other": "以钟点工灵活就业; 计划开小卖部, 尚未开业"},
        date(2018, 6, 30),
        {"wants_business": True, "business_form": "none"},
        id="a shop planned and not opened runs no business yet",
    ),
    pytest.param(
        {"place": "四川省资阳市安岳县", "employment": "unemployed", "other": "农村常住, 无地无业; 建档立卡贫困家庭"},
        date(2017, 11, 20),
        {"household": ["poverty_registered"]},
        id="a negation stops at the end of its part",
    ),
    pytest.param(
        {
            "place": "四川省巴中市恩阳区",
            "employment": "business_owner",
            "other": "创业园区运营企业业主; 2018-09园区首次被认定为市级创业园区（孵化基地）",
        },
        date(2018, 11, 27),
        {"unit_park": True, "business_in_incubator": False, "unit_park_level": "city"},
        id="the owner of a park's operating firm runs the park",
    ),
    pytest.param(
        {
            "place": "吉林省辽源市东丰县",
            "employment": "employed",
            "other": "企业职工; 2016-11另取得电工初级证书, 未申领",
        },
        date(2018, 10, 30),
        {"certificates": [{"date": date(2016, 11, 1), "level": "junior"}]},
        id="a certificate taken 另 is dated",
    ),
    pytest.param(
        {
            "place": "河南省平顶山市卫东区",
            "employment": "employed",
            "other": "已认定为就业困难人员; 2014-2017灵活就业期间享受过社会保险补贴, 2017年已期满",
        },
        date(2020, 12, 10),
        {"flexible_subsidy_ended": False},
        id="a flexible-work subsidy that ended in 2017 did not end in 2020",
    ),
    pytest.param(
        {
            "place": "吉林省白山市抚松县",
            "employment": "business_owner",
            "other": "2017-06首次办理个体工商户营业执照开网店, 正常经营1年以上",
        },
        date(2018, 11, 14),
        {"business_months": 17},
        id="the opening day says how long a business has run beyond 1年以上",
    ),
]


@pytest.mark.parametrize(("facts", "as_of", "read"), RUNNER_READINGS)
def test_the_runner_reads_set_32s_words(
    rulebook: Rulebook, facts: dict[str, Any], as_of: date, read: dict[str, Any]
) -> None:
    profile = load_runner().profile_of({"age": 40, **facts}, as_of, rulebook)
    assert {k: profile.get(k) for k in read} == read, profile


def test_the_runner_judges_an_expectation_named_by_a_year_on_that_years_certificate() -> None:
    raw = {
        "certificates": [
            {"date": date(2016, 11, 1), "level": "junior"},
            {"date": date(2018, 8, 1), "level": "intermediate"},
        ]
    }
    alone = load_runner().one_record(raw, "2016年取得证书的技能提升补贴")
    assert alone is not None and alone["certificates"] == [{"date": date(2016, 11, 1), "level": "junior"}]


def test_the_runner_reads_the_tiers_of_a_rule_as_well_as_of_a_result(rulebook: Rulebook) -> None:
    words = load_runner().amount_words(rulebook.benefits["jilin.skill_upgrade_subsidy"])
    assert all(figure in words for figure in ("1000元", "1500元", "2000元")), words
