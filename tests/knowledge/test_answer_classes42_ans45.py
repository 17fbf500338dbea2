"""Session 42 (ans45, issues 10 and 12): a sum asked to be worked out for the person is declined plainly, with whom
to ask and no clause quoted; whether the speaker can get something, which no clause answers, is what the check
decides — offered, or the one under way (or its waiting card) continued, the same parts in the terminal's and
Telegram's renderings as in the reply the web sends. Cases are data
(tests/knowledge/data/answer_classes42_ans45.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.chat_cli import render as terminal_render
from bot.dialogue.core import Dialogue
from bot.dialogue.render import CHECK_BUTTON
from bot.dialogue.types import Reply, SessionState
from bot.present.answers import answer_result
from bot.present.prose import prose
from bot.services import Services
from bot.settings import Settings
from bot.telegram.format import keyboard
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.dialogue.speaking import confirmed, say
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes42_ans45.yaml").read_text(encoding="utf-8"))
_NOT_FOUND = "没有找到能直接回答"


@pytest.fixture(scope="module")
def dialogue(kb: KnowledgeBase) -> Dialogue:
    return Services(Settings(), knowledge=kb).dialogue


@pytest.mark.parametrize("case", CASES["computation"], ids=[c["question"] for c in CASES["computation"]])
def test_a_sum_for_the_person_is_declined_with_whom_to_ask(kb: KnowledgeBase, case: dict[str, object]) -> None:
    answer = kb.answerer.answer(str(case["question"]), case["region"], AS_OF)  # type: ignore[arg-type]
    assert answer.status is AnswerStatus.NO_ANSWER, answer.status
    assert answer.missing is not None and answer.missing.kind == "computation", answer.missing
    assert answer.missing.name == case["subject"], answer.missing
    assert not answer.citations and not answer.measures, [c.clause_id for c in answer.citations]
    text = answer_result(answer).answer
    assert text.startswith("我不能替您计算"), text
    assert str(case["ask"]) in text, text
    assert "依据政策原文" not in text and _NOT_FOUND not in text, text


@pytest.mark.parametrize("case", CASES["not_computation"], ids=[c["question"] for c in CASES["not_computation"]])
def test_other_reckoning_words_and_a_measures_own_sum_are_answered(kb: KnowledgeBase, case: dict[str, object]) -> None:
    answer = kb.answerer.answer(str(case["question"]), None, AS_OF)
    assert answer.missing is None or answer.missing.kind != "computation", answer.missing
    assert answer.citations and answer.citations[0].clause_id.startswith(str(case["cites"])), answer.citations
    assert str(case["shows"]) in answer_result(answer).answer


def _own_case_reply(dialogue: Dialogue, case: dict[str, str]) -> tuple[Reply, ...]:
    if case["state"] == "underway":
        state, _ = confirmed(dialogue, case["told"], AS_OF)
    elif "told" in case:
        state, replies = say(dialogue, SessionState(), case["told"], AS_OF)
        assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    else:
        state = SessionState()
    _, replies = say(dialogue, state, case["say"], AS_OF)
    return replies


@pytest.mark.parametrize("case", CASES["own_case"], ids=[c["say"] for c in CASES["own_case"]])
def test_whether_the_speaker_can_get_something_is_the_checks(dialogue: Dialogue, case: dict[str, str]) -> None:
    replies = _own_case_reply(dialogue, case)
    texts = [r.text for r in replies]
    assert not any(_NOT_FOUND in t for t in texts), texts
    said = {
        "offer": prose().dialogue_reading.own_case,
        "card": prose().dialogue.notices.confirm_first_sum,
        "underway": prose().dialogue_reading.check_underway,
    }[case["state"]]
    assert texts[0] == said, texts
    if case["state"] == "offer":
        first = replies[0]
        assert (CHECK_BUTTON,) in first.buttons, first.buttons
        # The same parts in every channel: the terminal prints the text and numbers the check button; Telegram's
        # keyboard carries the button the web's JSON does.
        written: list[str] = []
        numbered = terminal_render(first, written.append)
        assert first.text in written and CHECK_BUTTON in numbered, written
        markup = keyboard(first)
        assert markup is not None
        assert [b.callback_data for row in markup.inline_keyboard for b in row] == [
            b.action for row in first.buttons for b in row
        ]
    elif case["state"] == "card":
        assert any(r.kind == "confirm" for r in replies[1:]), texts
    else:
        assert any(r.kind == "question" for r in replies[1:]), texts


@pytest.mark.parametrize("said", CASES["about_other"])
def test_asked_of_someone_else_it_is_not_the_speakers_check(dialogue: Dialogue, said: str) -> None:
    _, replies = say(dialogue, SessionState(), said, AS_OF)
    assert all(r.text != prose().dialogue_reading.own_case for r in replies), [r.text for r in replies]
