"""Session 32 (task chat37): a walk through the real server (`policybot serve`, `POST /api/chat`) — 帮我瞅瞅 starts the
check and a place typed next answers its first question; a new conversation's card keeps the person's place when a
destination of work is told with a question (去福建打工 路费…), what a small firm would get for hiring the speaker is
answered beside the waiting card, and 那你继续问吧 takes the card and goes on with the check."""

from __future__ import annotations

import httpx

from tests.web.chatting import cited as _cited
from tests.web.chatting import kinds as _kinds
from tests.web.chatting import say as _say
from tests.web.chatting import texts as _texts
from tests.web.conftest import LiveServer


def test_looking_a_destination_an_employers_question_and_handing_back_through_the_real_server(
    live_server: LiveServer,
) -> None:
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        chat = _say(client, None, message="麻烦帮我瞅瞅有啥扶持")
        assert _kinds(chat)[-1] == "question" and "answer" not in _kinds(chat), _texts(chat)
        chat = _say(client, str(chat["session_id"]), message="平昌")
        assert any("平昌县" in t for t in _texts(chat)), _texts(chat)
        assert _kinds(chat)[-1] == "question", _texts(chat)

        chat = _say(client, None, message="我在平昌 大专 去年毕业 还没工作")
        session = str(chat["session_id"])
        assert _kinds(chat)[-1] == "confirm", _texts(chat)
        chat = _say(client, session, message="过完年想去福建打工 路费能报不")
        assert not any("福建" in t for t in _texts(chat)), _texts(chat)
        chat = _say(client, session, message="要是进一家小厂上班 厂里能拿到啥")
        assert "bazhong-2018-10" in _cited(chat), _texts(chat)
        assert _kinds(chat)[-1] == "confirm", _texts(chat)
        chat = _say(client, session, message="行 那你继续问吧")
        assert "answer" not in _kinds(chat) and _kinds(chat)[-1] == "question", _texts(chat)
        profile = _say(client, session, choice="cmd:profile")["replies"][0]["text"]
        assert "平昌县" in profile, profile
