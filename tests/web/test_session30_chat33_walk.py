"""Session 30 (task chat33): a check for a relative beside one's own through `POST /api/chat` — the relative's
card says whose it is, the speaker's facts come back unchanged by the offered ↩️ button, and 删除 deletes
everyone's facts."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.chatting import Chat
from tests.web.chatting import say as _say


def _texts(chat: Chat) -> list[str]:
    return [r["text"] for r in chat["replies"]]


def _actions(chat: Chat) -> list[str]:
    return [b["action"] for r in chat["replies"] for row in r["buttons"] for b in row]


def test_a_relatives_check_and_back_to_ones_own(client: TestClient) -> None:
    chat = _say(client, None, message="我在巴中 四十六 在工地打零工")
    session = str(chat["session_id"])
    _say(client, session, choice="ok")
    mine = _say(client, session, choice="cmd:profile")["replies"][0]["text"]
    chat = _say(client, session, message="帮我女儿也查一下")
    assert any("为您女儿查询" in t for t in _texts(chat)) and "who:self" in _actions(chat), _texts(chat)
    chat = _say(client, session, message="她在巴中 十九岁 中专毕业 想学电工")
    cards = [r for r in chat["replies"] if r["kind"] == "confirm"]
    assert cards and "女儿" in cards[0]["text"], _texts(chat)
    _say(client, session, choice="ok")
    hers = _say(client, session, choice="cmd:profile")["replies"][0]["text"]
    assert "19岁" in hers and "46岁" not in hers, hers
    chat = _say(client, session, choice="who:self")
    assert any("回到您本人" in t for t in _texts(chat)), _texts(chat)
    assert _say(client, session, choice="cmd:profile")["replies"][0]["text"] == mine


def test_forgetting_deletes_the_relatives_facts_too(client: TestClient) -> None:
    chat = _say(client, None, message="我在巴中 四十六 在工地打零工")
    session = str(chat["session_id"])
    _say(client, session, choice="ok")
    chat = _say(client, session, message="给我老婆查查 她在巴中 四十四 没工作")
    assert any("为您妻子查询" in t for t in _texts(chat)), _texts(chat)
    _say(client, session, choice="ok")
    _say(client, session, choice="cmd:forget")
    chat = _say(client, session, choice="cmd:erase")
    assert chat["replies"][0]["kind"] == "notice", _texts(chat)
    fresh = _say(client, None, message="回到我自己的")
    assert not any("回到您本人" in t for t in _texts(fresh)), _texts(fresh)
