"""The interview's check of a person's facts is kept (bot/dialogue/interview.py): the same stored facts
on the same day give the very same result, and any other facts or day give the engine's own."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.interview import Working
from tests.dialogue.conftest import TODAY


def test_the_same_facts_on_the_same_day_are_checked_once(dialogue: Dialogue) -> None:
    interviewer = dialogue.interviewer
    first = interviewer.check(Working(profile={"region": "资阳", "age": 50}), TODAY)
    # The same facts, stored in another order, by another turn.
    assert interviewer.check(Working(profile={"age": 50, "region": "资阳"}), TODAY) is first


def test_other_facts_or_another_day_are_checked_anew(dialogue: Dialogue) -> None:
    interviewer = dialogue.interviewer
    work = Working(profile={"region": "资阳", "age": 50})
    kept = interviewer.check(work, TODAY)
    later = date(TODAY.year + 1, TODAY.month, TODAY.day)
    assert interviewer.check(work, later).as_of == later
    work.profile["employment_status"] = "unemployed"
    told = interviewer.check(work, TODAY)
    assert told != kept
    assert told == interviewer.engine.check(interviewer.profile_of(work, TODAY))
