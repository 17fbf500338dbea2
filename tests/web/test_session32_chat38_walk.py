"""Session 32 (task chat38): a walk through the real server (`policybot serve`, `POST /api/chat`) — a follow-up naming
only another place is answered with that place's own measure of the kind asked (its name on the answer line); a
bare ？ while a question waits offers it again and records nothing; 帮我媳妇也看看 starts that person's check; 重新来
starts over; 2 after the welcome starts the check."""

from __future__ import annotations

import httpx

from tests.web.chatting import cited as _cited
from tests.web.chatting import kinds as _kinds
from tests.web.chatting import say as _say
from tests.web.chatting import texts as _texts
from tests.web.conftest import LiveServer


def test_the_thread_and_short_replies_through_the_real_server(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        chat = _say(client, None, message="长春 在厂里上班 考了技能证 补贴标准咋定的")
        assert "jilin-2017-20" in _cited(chat), _texts(chat)
        chat = _say(client, str(chat["session_id"]), message="资阳有没有一样的")
        assert _cited(chat) == {"ziyang-2017-22"}, _texts(chat)
        answer = next(r["text"] for r in chat["replies"] if r["kind"] == "answer")
        assert "参保职工技能提升补贴" in answer.split("依据政策原文")[0], answer

        chat = _say(client, None, message="我在资阳 三十八岁 在家种地 想出去打工")
        session = str(chat["session_id"])
        if _kinds(chat)[-1] == "confirm":
            chat = _say(client, session, choice="ok")
        assert "question" in _kinds(chat), _texts(chat)
        before = _say(client, session, choice="cmd:profile")["replies"][0]["text"]
        chat = _say(client, session, message="？")
        assert _kinds(chat)[0] == "notice" and "question" in _kinds(chat), _texts(chat)
        assert _say(client, session, choice="cmd:profile")["replies"][0]["text"] == before

        chat = _say(client, session, message="帮我媳妇也看看")
        assert not any(r["kind"] == "answer" for r in chat["replies"]), _texts(chat)
        assert any("现在为您" in t for t in _texts(chat)), _texts(chat)

        chat = _say(client, session, message="重新来")
        assert not any(r["kind"] == "answer" for r in chat["replies"]), _texts(chat)

        chat = _say(client, None, message="你好")
        fresh = str(chat["session_id"])
        chat = _say(client, fresh, message="2")
        assert "question" in _kinds(chat), _texts(chat)
