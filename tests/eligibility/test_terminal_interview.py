"""The terminal interview is the eligibility interview with a keyboard: for every persona, typing
the persona's answers asks the same questions in the same order as `run_interview` given the same
answers directly, and ends with the same result. The terminal only reads, writes and parses typing.

(At a keyboard a group question is answered by ticks, so a member the persona does not know is
left unticked: the direct run gets the same parsed ticks, not `answers_from`'s per-fact 不清楚.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from bot.check_cli import interview, parse_typed
from bot.checker import Checker
from bot.present import check
from bot.present.results import check_message
from bot.services import Services
from bot.settings import Settings
from eligibility.interview import answers_from, apply_answer, run_interview
from eligibility.profile import Profile
from eligibility.questions import GROUP_TYPE
from eligibility.results import NextQuestion

from .personas import load_personas

PERSONAS = [pytest.param(p, id=p["name"]) for p in load_personas()]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Services(Settings()).checker


def typed(question: NextQuestion, values: dict[str, Any]) -> str:
    """What a person with these facts types: option numbers, a date, a number, or Enter for 不清楚."""
    choices = [o for o in question.options if o.value is not None]
    if question.type == GROUP_TYPE:
        if all(values.get(f) is None for f in question.facts):
            return ""
        picks = [n for n, o in enumerate(choices, start=1) if _ticked(o.value, values)]
        return " ".join(map(str, picks)) or "0"
    value = values.get(question.fact)
    if value is None:
        return ""
    if question.type in {"boolean", "enum"}:
        return str(next(n for n, o in enumerate(choices, start=1) if o.value == value))
    if question.type == "enum_list":
        return " ".join(str(n) for n, o in enumerate(choices, start=1) if o.value in value) or "0"
    return value.isoformat() if isinstance(value, date) else str(value)


def _ticked(option: dict[str, Any], values: dict[str, Any]) -> bool:
    fact, value = next(iter(option.items()))
    have = values.get(fact)
    if isinstance(value, list):
        return have is not None and value[0] in have
    return bool(have == value)


class Keyboard:
    """Types the persona's answers to whatever the engine asks of the answers typed so far."""

    def __init__(self, checker: Checker, start: Profile, values: dict[str, Any]) -> None:
        self.checker = checker
        self.profile = start
        self.values = values
        self.asked: list[str] = []

    def read(self, prompt: str) -> str:
        question = self.checker.engine.check(self.profile).next_question
        assert question is not None, "asked for input after the check was complete"
        text = typed(question, self.values)
        self.profile = apply_answer(self.profile, question, parse_typed(question, text), self.checker.facts)
        self.asked.append(question.fact)
        return text


def _run(checker: Checker, start: Profile, read: Callable[[str], str]) -> tuple[Any, list[str]]:
    written: list[str] = []
    return interview(checker, start, read, written.append), written


@pytest.mark.parametrize("persona", PERSONAS)
def test_typing_a_persona_asks_what_run_interview_asks_and_ends_the_same(
    checker: Checker, persona: dict[str, Any]
) -> None:
    full = checker.profile(persona["profile"], persona["as_of"])
    start = checker.profile({}, persona["as_of"])
    expected = run_interview(
        checker.engine, start, lambda question, profile: parse_typed(question, typed(question, full.values))
    )
    assert len(expected.asked) == len(run_interview(checker.engine, start, answers_from(full.values)).asked)
    if expected.result.status == "region_not_covered":
        # Session 24: the 户籍 asked once (不清楚: Enter), then the place again.
        result, written = _run(checker, start, _script(str(full.values["region"]), ""))
        assert check_message(expected.result) in written
        assert result is not None and result.next_question is not None and result.next_question.fact == "region"
        return
    keyboard = Keyboard(checker, start, full.values)
    result, written = _run(checker, start, keyboard.read)
    assert keyboard.asked == [q.fact for q in expected.asked]
    shown = [line.lstrip("\n") for line in written if line.startswith("\n")]
    assert [q.text for q in expected.asked] == [t for t in shown if t in {q.text for q in expected.asked}]
    assert result == expected.result


def _script(*lines: str) -> Callable[[str], str]:
    feed: Iterator[str] = iter(lines)

    def read(prompt: str) -> str:
        line = next(feed, None)
        if line is None:
            raise EOFError
        return line

    return read


def test_an_uncovered_place_is_explained_and_the_region_asked_again(checker: Checker) -> None:
    start = checker.profile({}, date(2026, 3, 1))
    # Session 24: the 户籍 is asked once after the uncovered place (不清楚: Enter), then the place again.
    result, written = _run(checker, start, _script("北京", "", "延吉"))
    assert "暂未收录北京市的就业政策。目前收录：吉林省、巴中市、资阳市、平顶山市、商洛市。" in written
    region = checker.engine.check(start).next_question
    assert region is not None
    assert sum(1 for line in written if line == f"\n{region.text}") == 2
    assert result is not None and result.jurisdiction == "吉林省" and result.status == "needs_more_info"
    assert written[-1] == "\n" + "（输入已结束，以下是根据已回答内容的判断）"


def test_the_rest_of_a_province_typed_by_its_label_ends_as_not_covered(checker: Checker) -> None:
    """河南 asks for the city (平顶山市 or 其他城市); typing the label 其他城市 is that choice (session 8)."""
    start = checker.profile({}, date(2026, 3, 1))
    result, written = _run(checker, start, _script("河南省", "其他城市", "", "舞钢"))
    assert any("河南省平顶山市以外地区" in line for line in written)
    assert result is not None and result.jurisdiction == "平顶山市"


def test_a_bad_number_is_explained_without_showing_the_question_again(checker: Checker) -> None:
    start = checker.profile({"region": "巴中"}, date(2026, 3, 1))
    question = checker.engine.check(start).next_question
    assert question is not None
    result, written = _run(checker, start, _script("99", "?", "q"))
    assert result is None
    assert written.count(f"\n{question.text}") == 1
    assert "请输入选项前面的序号。" in written and question.hint in written


def test_the_results_after_the_interview_are_worded_as_before(checker: Checker) -> None:
    start = checker.profile({}, date(2026, 3, 1))
    result, _ = _run(checker, start, _script("延吉", *[""] * 30))
    assert result is not None and result.status == "complete"
    text = check.check_text(result, checker.registry, checker.engine.rulebook)
    assert text.startswith("已按吉林省的政策判断（您所在：延吉市）。")
