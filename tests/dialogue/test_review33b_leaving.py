"""Review of session 33's merges (review33b): a yes/no question about asking elsewhere is a question, not a goodbye."""

from __future__ import annotations

import pytest

from bot.dialogue.words import load_vocabulary


@pytest.mark.parametrize(
    "message",
    ["打12333咨询一下收费不", "去人社局问问给报销不", "找社区问一下行不行", "去社区问问呢"],
)
def test_a_question_about_asking_elsewhere_is_no_goodbye(message: str) -> None:
    assert load_vocabulary().closing(message) is None


@pytest.mark.parametrize("message", ["谢谢了哈，我再去问问人社局", "回头打12333问问", "我自己去社保局打听一下吧"])
def test_leaving_to_ask_elsewhere_is_a_goodbye(message: str) -> None:
    assert load_vocabulary().closing(message) == "farewell"
