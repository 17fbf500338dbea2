"""Deterministic understanding (understanding.yaml): self-descriptions, typed answers, 是/否/不清楚,
durations and dates, each case a sentence of data."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.dialogue.core import Dialogue
from bot.dialogue.quantities import parse_day, parse_months
from bot.dialogue.words import load_vocabulary
from eligibility.questions import question_for, region_question
from eligibility.results import NextQuestion

from .transcript import _jsonable

CASES = yaml.safe_load((Path(__file__).parent / "understanding.yaml").read_text(encoding="utf-8"))
TODAY = date(2020, 6, 1)


def _ids(cases: list[dict[str, Any]], *keys: str) -> list[Any]:
    return [pytest.param(c, id=" → ".join(str(c.get(k)) for k in keys)) for c in cases]


@pytest.mark.parametrize("case", _ids(CASES["descriptions"], "text"))
def test_a_self_description_fills_the_facts_it_states(dialogue: Dialogue, case: dict[str, Any]) -> None:
    described = dialogue.describer.describe(case["text"], case.get("today", TODAY))
    assert _jsonable(described.facts) == _jsonable(case["facts"])


def _question(dialogue: Dialogue, asks: str) -> NextQuestion:
    rulebook = dialogue.interviewer.engine.rulebook
    if asks == "region":
        return region_question(rulebook)
    if asks in rulebook.facts.groups:
        return question_for(rulebook.facts.groups[asks].facts, rulebook.facts)
    return question_for((asks,), rulebook.facts)


@pytest.mark.parametrize("case", _ids(CASES["answers"], "asks", "text"))
def test_a_typed_answer_is_read_in_the_terms_of_the_question(dialogue: Dialogue, case: dict[str, Any]) -> None:
    reader = dialogue.interviewer.reader
    understood = reader.read(_question(dialogue, case["asks"]), str(case["text"]), case.get("today", TODAY))
    if case.get("understood") is False:
        assert understood is None
        return
    assert understood is not None
    assert _jsonable(understood.raw) == _jsonable(case["raw"])
    if "note" in case:
        assert understood.note == case["note"]


@pytest.mark.parametrize("case", _ids(CASES["yes_no"], "text"))
def test_yes_no_and_dont_know_have_many_spellings(case: dict[str, Any]) -> None:
    understood, value = load_vocabulary().yes_no(str(case["text"]))
    if case.get("understood") is False:
        assert not understood
        return
    assert understood
    assert value is case["value"]


@pytest.mark.parametrize("case", _ids(CASES["readings"], "text"))
def test_facts_are_read_only_from_what_a_message_says_about_the_person(
    dialogue: Dialogue, case: dict[str, Any]
) -> None:
    reading = dialogue.reader.read(str(case["text"]))
    assert (reading.statement, reading.asks, reading.is_search) == (
        case["statement"],
        case["asks"],
        case.get("search", False),
    )


@pytest.mark.parametrize("case", _ids(CASES["durations"], "text"))
def test_a_duration_is_counted_in_months(case: dict[str, Any]) -> None:
    assert parse_months(str(case["text"])) == case["months"]


@pytest.mark.parametrize("case", _ids(CASES["dates"], "text"))
def test_a_date_is_read_relative_to_today_with_its_precision(case: dict[str, Any]) -> None:
    day = parse_day(str(case["text"]), case.get("today", TODAY))
    if case["date"] is None:
        assert day is None
        return
    assert day is not None
    assert (day.value, day.precision) == (case["date"], case["precision"])
