"""Session 35 (issue 11, task rules32): set 27 read. Before its document is in force, a measure of the person's own
unit that the text's own terms for the unit already rule out is "not for you" (`ineligible`), as a failed condition
of the person's own is; a unit that meets them keeps "not yet in force"."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Engine
from tests.eligibility.checking import benefit_of, check
from tests.eligibility.holdout_runner import load_runner

# 资阳（十九）: 吸纳贫困家庭劳动力稳定就业6个月以上的，从就业资金中按每人1000元的标准，给予一次性奖补 — the document
# was signed 2017-12-12 (hp27-27 asks in 2017-11 with a hire of 2 months).
BREAKFAST_SHOP: dict[str, Any] = {
    "region": "四川省资阳市雁江区",
    "age": 49,
    "employment_status": "self_employed",
    "business_form": "individual",
    "hiring_staff": True,
    "hire_household": ["poverty_registered"],
    "unit_poor_hires": 1,
    "hire_rewarded": False,
    "more_hires": False,
    "received_before": [],
}
# 巴中（十二）: 对认定为就业扶贫基地，新吸纳10个以上贫困家庭劳动力就业的，给予一定标准的奖励 — the document was signed
# 2018-02-01 (hp27-28 asks in 2018-01 with 8 new hires).
POVERTY_BASE: dict[str, Any] = {
    "region": "四川省巴中市恩阳区",
    "age": 38,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "hiring_staff": True,
    "hire_household": ["poverty_registered"],
    "unit_poverty_base": True,
    "hire_rewarded": False,
    "more_hires": False,
    "received_before": [],
}


# The unit's measure, its facts and the fact that counts the hires the text asks for.
ZIYANG = ("ziyang.business_entity_hiring_reward", BREAKFAST_SHOP, "hire_months")
BAZHONG = ("bazhong.poverty_employment_base_reward", POVERTY_BASE, "unit_poor_hires")


# [unit, hires, asked on, status], one row a case; the ids below name them in the same order.
BEFORE_THE_DOCUMENT = [
    (ZIYANG, 5, date(2017, 11, 20), "ineligible"),
    (ZIYANG, 6, date(2017, 11, 20), "not_yet_in_force"),
    (ZIYANG, 6, date(2018, 3, 1), "as_employer"),
    (BAZHONG, 9, date(2018, 1, 20), "ineligible"),
    (BAZHONG, 10, date(2018, 1, 20), "not_yet_in_force"),
]
BEFORE_THE_DOCUMENT_IDS = [
    "a hire of 5 months before 资阳's document is under the 6 months it asks",
    "a hire of 6 months before 资阳's document waits for it",
    "a hire of 6 months once 资阳's document is in force is the unit's",
    "a base with 9 new hires before 巴中's document is under the 10 it asks",
    "a base with 10 new hires before 巴中's document waits for it",
]


@pytest.mark.parametrize(("unit", "hires", "as_of", "status"), BEFORE_THE_DOCUMENT, ids=BEFORE_THE_DOCUMENT_IDS)
def test_a_unit_the_texts_terms_rule_out_is_not_eligible_even_before_the_document(
    engine: Engine, unit: tuple[str, dict[str, Any], str], hires: int, as_of: date, status: str
) -> None:
    benefit, profile, counted = unit
    facts = {**profile, counted: hires}
    found = benefit_of(check(engine, facts, as_of), benefit)
    assert found.status == status
    if status == "ineligible":
        assert any(reason.kind == "failed" for reason in found.reasons)


def test_a_worker_asking_before_the_document_is_still_told_the_units_measure_is_not_his(engine: Engine) -> None:
    worker = {"region": "四川省资阳市雁江区", "age": 30, "employment_status": "employed", "received_before": []}
    found = benefit_of(check(engine, worker, date(2017, 11, 20)), "ziyang.business_entity_hiring_reward")
    assert found.status == "employer_only"


@pytest.mark.parametrize(
    ("header", "employer_only"),
    [
        pytest.param(
            "# Conventions: an owner asking about his own firm's measure is judged as his own (if_hired when the hire\n"
            "#   is not made yet);",
            True,
            id="sets 25 to 27 give if_hired to the owner alone",
        ),
        pytest.param(
            "#   - An asker who is himself the employer/owner has employer-side measures judged as his own"
            " (if_hired when the hire\n#     has not been made);",
            True,
            id="set 24 gives if_hired to the owner alone",
        ),
        pytest.param("# Statuses: eligible, employer_only, if_hired", False, id="a header that does not say"),
    ],
)
def test_the_runner_reads_a_future_employers_subsidy_as_employer_only_where_if_hired_is_the_owners_alone(
    header: str, employer_only: bool
) -> None:
    runner = load_runner()
    assert runner.Conventions(header).future_employer_only is employer_only
