"""Session 42 (ans43, issue 10 item 2): a measure stating no figure in the asked place names, labelled and without
the figure, the covered regions whose version of it states one, and asks their question when pressed; the line
saying whom to ask names the offices the measure's clause names. Cases are data
(tests/knowledge/data/answer_classes42_ans43.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.dialogue.core import Dialogue
from bot.dialogue.render import elsewhere_buttons
from bot.dialogue.types import SessionState
from bot.present.answers import answer_result, elsewhere_question
from bot.services import Services
from bot.settings import Settings
from knowledge.kb import KnowledgeBase
from tests.dialogue.speaking import press, say
from tests.knowledge.test_answer_classes12 import AS_OF

CASES = yaml.safe_load((Path(__file__).parent / "data" / "answer_classes42_ans43.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["pointed"], ids=[c["question"] for c in CASES["pointed"]])
def test_another_region_stating_the_figure_is_named_without_it(kb: KnowledgeBase, case: dict[str, object]) -> None:
    answer = kb.answerer.answer(str(case["question"]), None, AS_OF)
    assert answer.direct is not None and answer.direct.kind == "no_figure", answer.direct
    assert [v.jurisdiction for v in answer.direct.elsewhere] == case["regions"], answer.direct.elsewhere
    assert {c.jurisdiction for c in answer.citations} == {case["place"]}, [c.clause_id for c in answer.citations]
    text = answer_result(answer).answer
    pointer = [line for line in text.splitlines() if "同类措施写有具体标准" in line]
    assert len(pointer) == 1, text
    assert f"不适用于{case['place']}" in pointer[0], pointer
    assert not [f for f in case["absent"] if f in text], text  # type: ignore[attr-defined]
    # The suggested question is that region's, and its answer states the figure as that region's own.
    version = answer.direct.elsewhere[0]
    assert elsewhere_question(version) in pointer[0], pointer
    then = kb.answerer.answer(elsewhere_question(version), None, AS_OF)
    assert then.region == version.jurisdiction, then.region
    assert str(case["then"]) in (answer_result(then).direct_answer or ""), answer_result(then).answer


@pytest.mark.parametrize("case", CASES["no_pointer"], ids=[c["question"] for c in CASES["no_pointer"]])
def test_no_region_is_named_when_none_states_the_same_measure_or_the_place_does(
    kb: KnowledgeBase, case: dict[str, object]
) -> None:
    answer = kb.answerer.answer(str(case["question"]), None, AS_OF)
    assert answer.direct is not None and answer.direct.kind == case["kind"], answer.direct
    assert not answer.direct.elsewhere, answer.direct.elsewhere
    text = answer_result(answer).answer
    assert "同类措施" not in text, text
    assert not elsewhere_buttons(answer)


@pytest.mark.parametrize("case", CASES["offices"], ids=[c["question"] for c in CASES["offices"]])
def test_whom_to_ask_names_the_offices_of_the_measures_clause(kb: KnowledgeBase, case: dict[str, object]) -> None:
    text = answer_result(kb.answerer.answer(str(case["question"]), None, AS_OF)).answer
    last = text.splitlines()[-1]
    assert "12333" in last, last  # the hotline stays
    named = case["named"]
    if named:
        assert f"写明的{case['role']}是{'、'.join(named)}" in last, last  # type: ignore[arg-type]
    else:
        assert "写明的" not in last and "当地人社部门" in last, last


def test_the_button_asks_that_regions_question_and_its_answer_shows_its_own_figure(kb: KnowledgeBase) -> None:
    dialogue: Dialogue = Services(Settings(), knowledge=kb).dialogue
    case = CASES["pointed"][0]
    state, replies = say(dialogue, SessionState(), case["question"], AS_OF)
    answer = next(r for r in replies if r.kind == "answer")
    asks = [b for row in answer.buttons for b in row if b.action.startswith("ask:")]
    assert [b.label for b in asks] == ["吉林省的初创企业补贴标准是多少？"], answer.buttons
    assert all(len(b.action.encode()) <= 64 and b.action.isascii() for b in asks)
    _, replies = press(dialogue, state, asks[0].action, AS_OF)
    then = next(r for r in replies if r.kind == "answer")
    assert case["then"] in then.text and "jilin-2017-07" in then.clause_ids, then.text
    _, replies = press(dialogue, state, "ask:nowhere-2000.none", AS_OF)
    assert all(r.kind != "answer" for r in replies), [r.text for r in replies]


def test_after_the_pointers_question_a_follow_up_is_about_the_persons_own_place(kb: KnowledgeBase) -> None:
    """Review 42 item 7: the pointer's question is a one-off — asked, then the thread's region is the person's own
    again, so a later 那创业补贴能给多少？ is answered for 资阳市, never with 吉林省's figure unlabelled."""
    dialogue: Dialogue = Services(Settings(), knowledge=kb).dialogue
    case = CASES["pointed"][0]
    state, replies = say(dialogue, SessionState(), case["question"], AS_OF)
    answer = next(r for r in replies if r.kind == "answer")
    asks = [b for row in answer.buttons for b in row if b.action.startswith("ask:")]
    state, replies = press(dialogue, state, asks[0].action, AS_OF)
    assert case["then"] in next(r for r in replies if r.kind == "answer").text
    _, replies = say(dialogue, state, "那创业补贴能给多少？", AS_OF)
    then = next(r for r in replies if r.kind == "answer")
    assert case["then"] not in then.text or f"不适用于{case['place']}" in then.text, then.text
    assert not [c for c in then.clause_ids if c.startswith("jilin-")], (then.clause_ids, then.text)
