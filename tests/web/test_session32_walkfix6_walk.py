"""Session 32 (issues 11/12, task walkfix6): a newcomer's walk through the widget, its classes as our own
conversation through `POST /api/chat` — a man in 平顶山 checks his own benefits, asks as a boss, about another
city, about his father, then checks his wife's:
- asked as a boss what he gets for hiring, the employers' measures, said to be the employer's money;
- whether "these policies" still hold, after a city not covered, is asked of his own place;
- his father's disability is never his own;
- 帮家人查 right after telling of his wife offers what he told, and her check speaks of her, never of 您本人."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.chatting import Chat
from tests.web.chatting import say as _say
from tests.web.chatting import through as _through


def _texts(chat: Chat) -> list[str]:
    return [r["text"] for r in chat["replies"]]


def test_a_rider_in_pingdingshan_then_his_wife(client: TestClient) -> None:
    chat = _say(client, None, message="我在平顶山 今年33 中专毕业 现在开网约车 社保自己交")
    session = str(chat["session_id"])
    _through(client, session, chat)

    chat = _say(client, session, message="我要是开个早餐店 雇两个人 我作为老板能领什么补贴")
    answer = next(r for r in chat["replies"] if r["kind"] == "answer")
    assert "发给用人单位" in answer["text"] and "别人的情况" not in answer["text"], _texts(chat)
    assert not any(r["kind"] == "confirm" for r in chat["replies"]), _texts(chat)

    _say(client, session, message="那去长沙开呢")
    chat = _say(client, session, message="你讲的这些政策如今还算数吗")
    answer = next(r for r in chat["replies"] if r["kind"] == "answer")
    assert "长沙" not in answer["text"] and "平顶山" in answer["text"], _texts(chat)

    chat = _say(client, session, message="俺爹是残疾人 我们家有啥照顾")
    cards = [r for r in chat["replies"] if r["kind"] == "confirm"]
    assert all(r["facts"].get("disabled") is not True for r in cards), _texts(chat)
    for _ in cards:
        _say(client, session, choice="drop")

    _say(client, session, message="我老婆也在平顶山 今年30 厂子倒闭了 她现在没工作 她能领点啥")
    chat = _say(client, session, choice="who:new")
    card = next((r for r in chat["replies"] if r["kind"] == "confirm"), None)
    assert card is not None and card["facts"].get("age") == 30, _texts(chat)
    chat = _through(client, session, _say(client, session, choice="ok"))
    echoes = [r["text"] for r in chat["replies"] if r["kind"] == "acknowledge"]
    results = next(r for r in chat["replies"] if r["kind"] == "results")
    assert all("您本人" not in e.split("\n")[0] for e in echoes), echoes
    assert "补贴您目前不符合" not in results["text"], results["text"]
