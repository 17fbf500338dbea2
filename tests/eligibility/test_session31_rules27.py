"""Session 31 (issue 11, task rules27): a question asked only where its answer can move a result (是否劳务经纪人),
and a 商洛 创业 package whose loan the text leaves to rules it does not give stays open."""

from __future__ import annotations

from datetime import date

from eligibility.engine import Engine
from eligibility.profile import Profile
from eligibility.roles import BROKER
from eligibility.rulebook import Rulebook

AGENCY = "ziyang.labor_export_service_subsidy"


def test_a_boy_of_fourteen_selling_snacks_is_not_asked_whether_he_is_a_broker(
    engine: Engine, rulebook: Rulebook
) -> None:
    # 资阳（十七）: 对人力资源服务机构、劳务经纪人等市场主体开展有组织劳务输出的 — the one he says he sent out was not
    # 有组织输出, so as a broker it fails; as the worker himself he is under working age: either way not his.
    boy = Profile(
        as_of=date(2022, 9, 14),
        values={
            "region": "资阳",
            "employment_status": "self_employed",
            "age": 14,
            "hire_organized_labor_export": False,
            "more_hires": False,
        },
    )
    judged = engine.evaluate(rulebook.benefits[AGENCY], boy)
    assert BROKER not in judged.open_facts, judged.open_facts
    for answer in (True, False):
        assert engine.evaluate(rulebook.benefits[AGENCY], boy.with_answer(BROKER, answer)).result.status == "ineligible"
    question = engine.check(boy).next_question
    assert question is None or BROKER not in question.facts, question


def test_a_grown_stall_keeper_is_still_asked_whether_he_is_a_broker(engine: Engine, rulebook: Rulebook) -> None:
    # As a broker he is the agency's unit (its 就业创业服务补贴); as not, the measure is another's: the answer moves it.
    keeper = Profile(
        as_of=date(2022, 9, 14),
        values={"region": "资阳", "employment_status": "self_employed", "age": 44, "business_form": "individual"},
    )
    assert BROKER in engine.evaluate(rulebook.benefits[AGENCY], keeper).open_facts


def test_a_returned_migrant_raising_goats_in_shangnan_has_the_loan_terms_to_confirm(
    engine: Engine, rulebook: Rulebook
) -> None:
    # 商洛（四）: 重点鼓励、引导和支持…返乡农民工…自主创业；要完善小额担保贷款运作机制 — he is in a listed group and
    # runs a business, but who may borrow how much is never written: 可能符合, the loan's terms to confirm.
    farmer = Profile(
        as_of=date(2014, 5, 20),
        values={
            "region": "商洛",
            "age": 38,
            "employment_status": "self_employed",
            "business_form": "individual",
            "returning_migrant": True,
        },
    )
    result = engine.evaluate(rulebook.benefits["shangluo.entrepreneurship_support"], farmer).result
    assert result.status == "possibly_eligible"
    assert any(
        r.kind == "to_confirm" and "小额担保贷款" in (r.requirement.text or "") for r in result.reasons if r.requirement
    )
