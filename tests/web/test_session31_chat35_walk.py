"""Session 31 (task chat35): a walk through the real server (`policybot serve`, `POST /api/chat`) — a question pointing
at the certificate on the waiting card is answered with the person's own tier and the card offered again; the
person's check confirmed, a relative spoken of and 帮她查查 start that relative's check, whose questions ask of her
(never 您本人); 回到我自己的 brings the speaker's facts back unchanged."""

from __future__ import annotations

import httpx

from tests.web.chatting import kinds as _kinds
from tests.web.chatting import say as _say
from tests.web.chatting import texts as _texts
from tests.web.conftest import LiveServer


def test_a_pointed_question_and_a_relatives_check_through_the_real_server(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        chat = _say(client, None, message="我在通化 41岁 失业保险交了六年 前两个月拿了个中级电工证")
        session = str(chat["session_id"])
        assert _kinds(chat)[-1] == "confirm", _texts(chat)
        chat = _say(client, session, message="那这证能给多少钱")
        answers = [r for r in chat["replies"] if r["kind"] == "answer"]
        assert answers and any(c["clause_id"] == "jilin-2017-20" for c in answers[0]["citations"]), _texts(chat)
        assert "1500元" in answers[0]["text"].split("依据政策原文")[0], answers[0]["text"]
        assert _kinds(chat)[-1] == "confirm", _texts(chat)

        _say(client, session, choice="ok")
        mine = _say(client, session, choice="cmd:profile")["replies"][0]["text"]
        chat = _say(client, session, message="我闺女前年大学毕业 在通化 一直没找到工作 她能领啥")
        assert any(r["kind"] == "answer" for r in chat["replies"]), _texts(chat)
        chat = _say(client, session, message="帮她查查")
        assert any("为您女儿查询" in t for t in _texts(chat)), _texts(chat)
        chat = _say(client, session, message="她在通化 24岁 本科 前年毕业 没工作")
        _say(client, session, choice="ok")
        chat = _say(client, session, choice="cmd:check")
        questions = [r for r in chat["replies"] if r["kind"] == "question"]
        assert questions, _texts(chat)
        assert all("您本人" not in q["text"] for q in questions), _texts(chat)
        chat = _say(client, session, message="回到我自己的")
        assert any("回到您本人" in t for t in _texts(chat)), _texts(chat)
        assert _say(client, session, choice="cmd:profile")["replies"][0]["text"] == mine
