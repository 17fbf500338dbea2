"""Session 15 (issue 11 leftover): the chat says back what was answered. A yes to 还招用了其他人员吗 is
folded into the list of hires when it is stored (the hire described so far becomes a record and the
next one is asked), so reading the answer back from the stored facts said “不清楚”."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState, Turn
from bot.present.prose import prose
from eligibility.profile import parse_profile
from eligibility.rulebook import default_rulebook

AUTUMN = date(2018, 10, 15)
# A noodle shop in 巴州区 that took on a 2018届 graduate on a contract without insurance (not enough
# for 巴中（十）'s graduates' subsidy — another hire might be).
OWNER = {
    "region": "巴中市巴州区",
    "age": 39,
    "employment_status": "self_employed",
    "business_form": "individual",
    "hiring_staff": True,
    "education": "high_school",
    "household": [],
    "hard_to_employ": False,
    "business_first": True,
    "business_months": 40,
    "received_before": [],
    "hire_hard_to_employ": False,
    "hire_education": "college",
    "hire_graduation_date": "2018-07-01",
    "hire_contract": True,
    "hire_insured": False,
    "hire_household": [],
    "hire_months": 3,
    "returning_migrant": False,
    "veteran": "none",
    "overcapacity_worker": False,
    "organized_labor_export": False,
    "landless": False,
    "business_in_incubator": False,
    "labor_broker": False,
    "wants_training": False,
}


@pytest.mark.parametrize("answer", ["是", "否"])
def test_the_answer_to_another_hire_is_said_back_as_given(dialogue: Dialogue, answer: str) -> None:
    parse_profile(OWNER, default_rulebook().facts, AUTUMN)  # a valid profile: the next question is more_hires
    state = SessionState(profile=OWNER, interviewing=True)
    outcome = dialogue.respond(state, Turn(text=answer), AUTUMN)
    ack = outcome.replies[0]
    assert ack.kind == "acknowledge" and ack.asks == "more_hires"
    words = prose().dialogue.facts
    assert ack.text.endswith(
        prose().dialogue.questions.recorded.format(answer=words.yes if answer == "是" else words.no)
    )
    assert words.unknown not in ack.text
