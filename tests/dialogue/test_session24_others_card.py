"""Session 24 (issue 12, task chat21): a parent asking for a grown child — whose facts go on the card.

The walkthrough's class, in our own wording: the speaker says they ask for someone else and tells their own
age too; then corrects a card that holds the speaker's facts by saying whose they are, or by naming a fact of
it wrong. Through the dialogue core."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 10)


def _card_of_the_speaker(dialogue: Dialogue) -> SessionState:
    state, replies = say(dialogue, SessionState(), "我在资阳安岳县，今年56了", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending == {"region": "安岳县", "age": 56}
    return state


def test_asking_for_a_named_relative_puts_their_facts_on_the_card_not_the_speakers_age(dialogue: Dialogue) -> None:
    state, replies = say(
        dialogue,
        SessionState(),
        "我家在资阳安岳县，我今年56了，替我闺女打听一下。她25岁，前年中专毕业，一直在家没上班，想开个网店，有啥政策？",
        TODAY,
    )
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    assert state.for_someone_else
    assert state.pending["age"] == 25  # hers, never the speaker's 56
    assert state.pending["region"] == "安岳县"  # the family's place stays with her
    assert state.pending["graduation_date"].startswith("2024")
    assert state.pending.get("wants_business") is True


def test_asking_for_oneself_with_a_helping_word_keeps_the_speakers_facts(dialogue: Dialogue) -> None:
    # 帮我问问 asks for the speaker: nothing is told of anyone else.
    state, _ = say(dialogue, SessionState(), "我在资阳安岳县，今年56了，帮我问问有啥政策？", TODAY)
    assert not state.for_someone_else
    assert state.pending.get("age") == 56


def test_saying_a_fact_of_the_card_is_the_speakers_and_telling_the_childs_turns_the_card(dialogue: Dialogue) -> None:
    state = _card_of_the_speaker(dialogue)
    state, replies = say(dialogue, state, "56岁说的是我，我闺女才25岁，前年中专毕业的", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.for_someone_else
    assert state.pending["age"] == 25 and state.pending["region"] == "安岳县"
    assert state.pending["graduation_date"].startswith("2024")


def test_a_fact_of_the_card_named_wrong_with_someone_elses_facts_is_a_correction_not_a_question(
    dialogue: Dialogue,
) -> None:
    state = _card_of_the_speaker(dialogue)
    state, replies = say(dialogue, state, "岁数不对，是25岁。她是前年毕业的中专生", TODAY)
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending["age"] == 25 and state.pending["region"] == "安岳县"
    assert state.for_someone_else


def test_a_relatives_fact_told_beside_the_speakers_card_without_correcting_leaves_it(dialogue: Dialogue) -> None:
    # No correction: the speaker's card is not turned to the one mentioned.
    state = _card_of_the_speaker(dialogue)
    state, _ = say(dialogue, state, "我闺女25岁", TODAY)
    assert not state.for_someone_else
    assert state.pending.get("age") == 56
