"""Session 31 (issue 12, task chat34): a walk through `POST /api/chat` in our own words — a question about a
document's age mid-card cites the clause just shown; 为啥 after an answer gets its conditions; a call-back asked
with a phone number is declined plainly and the number is in no fact; 有啥我能领的 starts the check."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.chatting import Chat
from tests.web.chatting import say as _say

OFF_FIELD = "不是就业政策方面的问题"


def _texts(chat: Chat) -> list[str]:
    return [r["text"] for r in chat["replies"]]


def _cited(chat: Chat) -> set[str]:
    return {c["clause_id"] for r in chat["replies"] if r["kind"] == "answer" for c in r["citations"]}


def test_a_story_then_questions_about_the_answer_its_age_and_a_call_back(client: TestClient) -> None:
    chat = _say(client, None, message="我是白山的 四十出头 下岗好几年了 开了个修车铺 执照办了快一年")
    session = str(chat["session_id"])
    assert chat["replies"][-1]["kind"] == "confirm", _texts(chat)
    chat = _say(client, session, message="开店那个一次性补贴我有份没")
    first = _cited(chat)
    assert first, _texts(chat)
    chat = _say(client, session, message="凭啥没有 我起早贪黑的")
    assert not any(OFF_FIELD in t for t in _texts(chat)) and _cited(chat) & first, _texts(chat)
    chat = _say(client, session, message="这都哪一年的规定了 现在还作数吗")
    assert _cited(chat) & first and any("2017年" in t for t in _texts(chat)), _texts(chat)
    chat = _say(client, session, message="麻烦叫个工作人员回个电话给我 我号是 158 1234 5678")
    assert chat["replies"][0]["kind"] == "answer" and not chat["replies"][0]["citations"], _texts(chat)
    assert "12333" in chat["replies"][0]["text"], _texts(chat)
    chat = _say(client, session, choice="ok")
    profile = _say(client, session, choice="cmd:profile")["replies"][0]["text"]
    assert "5678" not in profile and "白山" in profile, profile


def test_what_one_can_get_with_the_what_said_first_starts_the_check(client: TestClient) -> None:
    chat = _say(client, None, message="麻烦看看有什么我可以领的")
    assert chat["replies"][-1]["kind"] == "question", _texts(chat)
    assert not any(r["kind"] == "answer" for r in chat["replies"]), _texts(chat)
