"""Issue 11, session 27 (rules23): eligibility a caseworker would sign, by class of disagreement.

- A 技能提升补贴 had for an earlier certificate. 吉林（二十） and 资阳（二十二） pay it per certificate and never say
  whether one who had it for a lower certificate may have it again for a higher one (or only the difference). That
  is a condition the person's facts do not settle: the result is `possibly_eligible`, with what to confirm — not a
  sure `eligible`. Whether it was had before is asked; 没有领过 leaves it `eligible`.
- A condition's figure is never the amount. 平顶山（九）'s 小微企业创业担保贷款 states who may apply
  (当年新招用符合条件人员占现有职工比例下调为20%，其中在职职工超过100人的下调为10%) and no sum: the 10% of a firm
  over 100 staff was shown as what a 60-staff firm's loan is worth.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from eligibility.conditions import AllOf, AnyOf, Defined, Leaf, Node, NotOf
from eligibility.engine import Engine
from eligibility.rulebook import default_rulebook
from tests.eligibility.checking import benefit_of, check

BOOK = default_rulebook()

# 吉林（二十）: 对依法参加失业保险3年以上，自2017年1月1日起取得职业资格证书或职业技能等级证书的企业职工，
# 在证书颁发之日起12个月内，可申请技能提升补贴 … 取得高级（三级）证书的补贴标准为2000元.
# A crane operator in 四平, insured since 2012, paid for his 初级 certificate of 2017,
# now holding a 高级 one of March 2019.
CRANE_OPERATOR = {
    "region": "吉林省四平市铁西区",
    "age": 38,
    "employment_status": "employed",
    "ui_insured": True,
    "ui_years": 7,
    "certificate_level": "senior",
    "certificate_date": "2019-03-15",
    "received_before": ["skill_upgrade_subsidy"],
}
SPRING = date(2019, 6, 3)
# 资阳（二十二）: 依法参加失业保险3年以上、当年取得职业资格证书或职业技能等级证书的企业职工，可申请参保职工技能提升补贴.
# A seamstress in 雁江 with 5 years of insurance, a 中级 certificate of this April, paid once before.
SEAMSTRESS = {
    "region": "资阳市雁江区",
    "age": 41,
    "employment_status": "employed",
    "ui_insured": True,
    "ui_years": 5,
    "certificate_level": "intermediate",
    "certificate_date": "2018-04-20",
    "received_before": ["skill_upgrade_subsidy"],
}
AUTUMN = date(2018, 10, 9)


@pytest.mark.parametrize(
    ("person", "day", "benefit_id"),
    [
        (CRANE_OPERATOR, SPRING, "jilin.skill_upgrade_subsidy"),
        (SEAMSTRESS, AUTUMN, "ziyang.skill_upgrade_subsidy"),
    ],
    ids=["jilin-a-higher-certificate", "ziyang-a-second-certificate-this-year"],
)
def test_a_skill_subsidy_had_before_leaves_a_new_certificate_to_confirm(
    engine: Engine, person: dict[str, object], day: date, benefit_id: str
) -> None:
    found = benefit_of(check(engine, person, day), benefit_id)
    assert found.status == "possibly_eligible"
    open_ones = [r for r in found.reasons if r.kind == "to_confirm"]
    assert any(r.requirement is not None and "再次申领" in (r.requirement.text or "") for r in open_ones)
    never_had = benefit_of(check(engine, {**person, "received_before": []}, day), benefit_id)
    assert never_had.status == "eligible"


def test_whether_a_skill_subsidy_was_had_before_is_asked(engine: Engine) -> None:
    unasked = {k: v for k, v in CRANE_OPERATOR.items() if k != "received_before"}
    result = check(engine, unasked, SPRING)
    found = benefit_of(result, "jilin.skill_upgrade_subsidy")
    assert found.status == "possibly_eligible" and "received_before" in found.missing_facts
    assert "skill_upgrade_subsidy" in BOOK.facts["received_before"].enum_values


def _thresholds(node: Node) -> set[float]:
    if isinstance(node, Leaf):
        operand = node.requirement.operand
        numeric = node.requirement.comparison in {"gte", "gt", "lte", "lt"} and isinstance(operand, int | float)
        return {float(operand)} if numeric else set()
    if isinstance(node, Defined | NotOf):
        return _thresholds(node.part)
    if isinstance(node, AllOf | AnyOf):
        return {t for part in node.parts for t in _thresholds(part)}
    return set()


@pytest.mark.parametrize("benefit_id", sorted(BOOK.benefits))
def test_an_amount_is_more_than_its_conditions_figures(benefit_id: str) -> None:
    benefit = BOOK.benefits[benefit_id]
    if benefit.amount is None or benefit.amount.kind == "tiers":
        return
    thresholds = _thresholds(benefit.condition)
    if benefit.unit_condition is not None:
        thresholds |= _thresholds(benefit.unit_condition)
    # Every figure the amount states is a condition's (who may apply), none is what it is worth.
    said = {float(m) for m in re.findall(r"(\d+(?:\.\d+)?)\s*(?:%|个月|年|岁|人|万元|元)", benefit.amount.text or "")}
    assert not (said and said <= thresholds), f"{benefit_id}: the amount states only conditions' figures"


# 平顶山（九）: a machine-parts workshop in 新华区 of 45 staff that took on 12 this year asks about the loan.
WORKSHOP_OWNER = {
    "region": "平顶山市新华区",
    "age": 44,
    "employment_status": "self_employed",
    "business_form": "micro_enterprise",
    "hiring_staff": True,
    "unit_staff": 45,
    "unit_new_hire_percent": 26,
}


def test_the_loans_share_of_hires_is_not_its_amount(engine: Engine) -> None:
    found = benefit_of(check(engine, WORKSHOP_OWNER, date(2020, 8, 1)), "pingdingshan.micro_enterprise_guarantee_loan")
    assert found.amount is not None
    assert "10%" not in (found.amount.text or "") and "20%" not in (found.amount.text or "")
    assert "未写明" in (found.amount.text or "")
