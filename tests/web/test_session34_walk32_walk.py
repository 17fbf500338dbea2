"""Session 34 (issue 12, task walk32): a newcomer's walk through the widget, its classes as our own
conversation through `POST /api/chat` — a laid-off steel worker in 舞钢 checks his own benefits, asks about his
daughter (技校, just graduated), checks hers, then speaks of his wife:
- another relative spoken of while one relative is checked is never told to start over (重新开始 clears every
  person's facts): the way offered is the check for one more person, the facts told so far kept;
- a check asked for by typing (那给她查查) right after telling of that person offers what was told on their card, as
  the 👪 帮家人查 button does — never asks it all again."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.chatting import Chat, texts
from tests.web.chatting import say as _say
from tests.web.chatting import through as _through

HIM = "俺是舞钢的，今年48了，2020年钢厂把俺裁了，现在没正经活，初中毕业"
DAUGHTER = "俺闺女今年六月技校毕业，还没找着活，她能有啥补贴"
WIFE = "俺媳妇在街口摆了个面条摊，没办执照，她能领创业补贴不"


def _his_check_then_told_of_daughter(client: TestClient) -> tuple[str, Chat]:
    chat = _say(client, None, message=HIM)
    session = str(chat["session_id"])
    _through(client, session, chat)
    return session, _say(client, session, message=DAUGHTER)


def _actions(chat: Chat) -> list[str]:
    return [b["action"] for r in chat["replies"] for row in r["buttons"] for b in row]


def test_another_relative_spoken_of_in_a_relatives_check_is_offered_their_own_check_with_what_was_told(
    client: TestClient,
) -> None:
    session, _ = _his_check_then_told_of_daughter(client)
    chat = _say(client, session, choice="who:new")
    _through(client, session, _say(client, session, message="她20岁，技校毕业，跟俺一块住舞钢，没工作"))
    chat = _say(client, session, message=WIFE)
    notice = texts(chat)[0]
    assert "媳妇" in notice and "重新开始" not in notice, texts(chat)
    assert "who:new" in _actions(chat) and "cmd:reset" not in _actions(chat), _actions(chat)
    chat = _say(client, session, choice="who:new")
    assert "女儿" in texts(chat)[0], texts(chat)
    card = next(r for r in chat["replies"] if r["kind"] == "confirm")
    assert "妻子" in card["text"] and card["facts"].get("business_licensed") is False, card["text"]


def test_a_check_typed_for_the_relative_just_told_of_offers_what_was_told_on_their_card(client: TestClient) -> None:
    session, _ = _his_check_then_told_of_daughter(client)
    chat = _say(client, session, message="那给她查查，能领啥")
    card = next((r for r in chat["replies"] if r["kind"] == "confirm"), None)
    assert card is not None, texts(chat)
    assert card["facts"].get("education") == "secondary_vocational", card["text"]
    assert "女儿" in card["text"], card["text"]


def test_results_unchanged_by_a_correction_are_shown_again_when_someone_elses_were_checked_since(
    client: TestClient,
) -> None:
    session, _ = _his_check_then_told_of_daughter(client)
    _say(client, session, choice="who:new")
    _through(client, session, _say(client, session, message="她20岁，技校毕业，跟俺一块住舞钢，没工作"))
    _say(client, session, message="回到我自己的")
    chat = _say(client, session, message="刚才说错了，俺是高中毕业，不是初中")
    chat = _say(client, session, choice="ok")
    results = next(r for r in chat["replies"] if r["kind"] == "results")
    assert "【查询结果】" in results["text"] and "和上面的一样" not in results["text"], results["text"]


def test_the_check_offered_for_another_relative_works_while_the_first_relatives_card_waits(
    client: TestClient,
) -> None:
    chat = _say(client, None, message="帮我儿子问问，他前年大专毕业，在巴中开了个修车铺")
    session = str(chat["session_id"])
    chat = _say(client, session, message="我女儿在资阳找工作，资阳有没有求职补贴")
    assert "who:new" in _actions(chat), texts(chat)
    chat = _say(client, session, choice="who:new")
    card = next((r for r in chat["replies"] if r["kind"] == "confirm"), None)
    assert card is not None and "女儿" in card["text"], texts(chat)
    assert card["facts"].get("region") == "资阳市", card["text"]
    chat = _say(client, session, message="再帮我儿子查一下")
    card = next((r for r in chat["replies"] if r["kind"] == "confirm"), None)
    assert card is not None and card["facts"].get("region") == "巴中市", texts(chat)
