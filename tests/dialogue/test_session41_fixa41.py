"""Session 41 (task fixa41, issue 11): a self-description that says the place of work or business alone (在长春开了个
小店, 我在长春上班) — or work at a workplace with no place of its own beside the one place told (我在延吉…在厂里上班) —
says it is where the person is. The reader keeps those facts apart (`Description.here`: the facts it reads stay
as they were); the chat records them as the region question's one-place answer does (与居住地相同), shows no line
for them on the card (the region line says the place), and never asks the place question again."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import last_question, press, say

TODAY = date(2026, 12, 7)

HERE = [
    ("在长春开了个小店一年多了", {"business_region"}),
    ("我在长春上班", {"work_region"}),
    ("我住长春，在长春上班", {"work_region"}),
    ("我在延吉，高中毕业，在厂里上班", {"work_region"}),
    # Another place of work is no place where the person is; the place is recorded (session 40).
    ("家在资中 在雁江上班", set()),
    # Someone else's work, and a workplace of before (out of work now), say nothing of the speaker's.
    ("我在巴中 老公在成都打工", set()),
    ("我在平顶山，以前在厂里上班，现在失业了", set()),
    # No place told: nothing is where the person is.
    ("在厂里上班", set()),
]


@pytest.mark.parametrize(("message", "expected"), HERE)
def test_a_place_of_work_or_business_said_to_be_where_one_is(
    dialogue: Dialogue, message: str, expected: set[str]
) -> None:
    described = dialogue.describer.describe(message, TODAY)
    assert set(described.here) == expected, described
    assert not {"work_region", "business_region"} & described.here & set(described.facts), described


def test_a_shop_said_alone_is_recorded_where_one_is_with_no_line_and_no_place_question(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在长春开了个小店一年多了，交了社保", TODAY)
    card = next(r for r in replies if r.kind == "confirm")
    assert "与居住地相同" not in card.text and "business_region" not in card.facts, card.text
    state, replies = press(dialogue, state, "ok", TODAY)
    assert state.profile.get("business_region") == "与居住地相同", state.profile
    for _ in range(20):
        asked = last_question(replies)
        if asked is None:
            break
        assert asked.asks not in {"business_region", "work_region"}, asked.text
        state, replies = say(dialogue, state, "都不是" if "可多选" in asked.text else "不清楚", TODAY)
    assert replies[-1].kind == "results", [r.text for r in replies]
