"""Issue 11, session 19 (task rules15): the interview asks only what can still change a result.

商洛（三）: “自主创业的，要给予税费减免、小额贷款，并帮助联系就业场地” — the package includes the 小额贷款, and the
text does not say whether a second loan may be had once one is held. A person with a 创业担保贷款 not yet
repaid is therefore at best 可能符合 (to confirm locally) for it. Whether that person is a 下岗失业人员 (失业登记)
can then only meet the package, never move it: the question is not worth asking for it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eligibility.engine import Engine
from tests.eligibility.checking import benefit_of, check

PACKAGE = "shangluo.self_employment_support"
DAY = date(2019, 1, 1)

# A 商洛 former soldier who wants to start a business, unsure whether he counts as 就业困难 (so the
# 下岗失业 branch alone could meet the package's first requirement) and sure of nothing else it asks.
STARTER: dict[str, Any] = {
    "region": "商洛市",
    "veteran": "soldier_awaiting_placement",
    "education": "high_school",
    "employment_status": None,
    "hard_to_employ": None,
    "household": None,
    "business_form": None,
    "rural_labor": None,
    "wants_business": True,
    "wants_training": False,
    "job_seeking": False,
}


def _package_status(engine: Engine, person: dict[str, Any]) -> set[str]:
    return {
        benefit_of(check(engine, {**person, "registered_unemployed": said}, DAY), PACKAGE).status
        for said in (True, False)
    }


def test_a_loan_already_held_leaves_the_unemployment_registration_unasked(engine: Engine) -> None:
    borrower = {**STARTER, "has_startup_loan": True}
    # Registered or not, the package stays to be confirmed: the loan held caps it.
    assert _package_status(engine, borrower) == {"possibly_eligible"}
    question = check(engine, borrower, DAY).next_question
    assert question is None or "registered_unemployed" not in question.facts


def test_without_a_prior_loan_the_registration_is_not_asked_either(engine: Engine) -> None:
    # Session 45 (elig46): 商洛（三） writes 下岗失业人员, never 登记 — a registration no longer meets the package
    # (being out of work does: definitions.yaml laid_off_unemployed), so it is not worth a question.
    newcomer = {**STARTER, "has_startup_loan": False, "received_before": []}
    assert _package_status(engine, newcomer) == {"possibly_eligible"}
    assert benefit_of(check(engine, {**newcomer, "employment_status": "unemployed"}, DAY), PACKAGE).status == "eligible"
    question = check(engine, newcomer, DAY).next_question
    assert question is None or "registered_unemployed" not in question.facts
