"""Session 26 (issue 12, task reg1): where the person lives or works, told by a name the division
table does not hold — a city's nickname, a scenic area, a town, a place typed with a same-sounding
character — is read by the same resolver as questions are, so the fact is the right county or city.
Fresh wording, through the dialogue core."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 10)


@pytest.mark.parametrize(
    "message,region",
    [
        ("我在鹰城，去年大专毕业，一直没找到工作", "平顶山市"),
        ("在三苏园边上开了个小卖部，42岁", "郏县"),
        ("我是浑春的，今年刚毕业，想自己干点啥", "珲春市"),
        ("在气候康养之都这边搞民宿，35岁", "商洛市"),
    ],
)
def test_the_persons_place_told_by_another_name_is_the_fact(dialogue: Dialogue, message: str, region: str) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    told = {**state.profile, **state.pending}
    assert told.get("region") == region, ([r.text for r in replies], told)
