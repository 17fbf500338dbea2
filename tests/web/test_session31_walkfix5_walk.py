"""Session 31 (issues 11/12, task walkfix5): a newcomer's walk through the widget, its classes as our own
conversation through `POST /api/chat` — a woman back home in 巴中 checks her own benefits, then asks as one
whose check is done, then checks her husband's:
- after the check, a question that repeats a recorded fact gets its answer alone (no card, no 🔍 button);
- a shop wished for, said over two clauses, never turns the card to 自主创业;
- her husband's card keeps a 没…认定残疾 as no disability, and offers the household she told, with a note."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.chatting import Chat
from tests.web.chatting import say as _say


def _texts(chat: Chat) -> list[str]:
    return [r["text"] for r in chat["replies"]]


def _actions(chat: Chat) -> list[str]:
    return [b["action"] for r in chat["replies"] for row in r["buttons"] for b in row]


def _checked(client: TestClient, told: str) -> str:
    chat = _say(client, None, message=told)
    assert chat["replies"][-1]["kind"] == "confirm", _texts(chat)
    session = str(chat["session_id"])
    chat = _say(client, session, choice="ok")
    for _ in range(25):
        if any(r["kind"] == "results" for r in chat["replies"]):
            return session
        question = next(r for r in reversed(chat["replies"]) if r["kind"] == "question")
        actions = [b["action"] for row in question["buttons"] for b in row]
        chat = _say(client, session, choice=next((a for a in actions if a.startswith("none:")), actions[0]))
    raise AssertionError("the check never ended")


def test_a_woman_back_home_then_her_husband(client: TestClient) -> None:
    session = _checked(client, "我在巴中恩阳区 四十一岁 建档立卡户 前年从浙江打工回来的 现在没工作")

    chat = _say(client, session, message="我们家是建档立卡的 公益性岗位在哪报名")
    assert not any(r["kind"] == "confirm" for r in chat["replies"]), _texts(chat)
    assert "cmd:check" not in _actions(chat), _actions(chat)

    chat = _say(client, session, message="我想开个网店 搞直播卖蜂蜜 有没有电商培训")
    cards = [r for r in chat["replies"] if r["kind"] == "confirm"]
    assert all(r["facts"].get("employment_status") != "self_employed" for r in cards), _texts(chat)
    assert not any("接着帮您查" in r["text"] for r in cards), _texts(chat)
    if cards:
        _say(client, session, choice="drop")

    chat = _say(client, session, choice="who:new")
    chat = _say(client, session, message="我男人 四十四 也在巴中 没得活干 一直没去认定残疾")
    card = next(r for r in chat["replies"] if r["kind"] == "confirm")
    assert card["facts"].get("disabled") is not True, card["text"]
    assert card["facts"].get("household") == ["poverty_registered"] and "同一户" in card["text"], card["text"]
