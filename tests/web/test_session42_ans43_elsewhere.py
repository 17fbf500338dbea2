"""Session 42 (ans43, issue 10 item 2), through the real web API: the asked place's measure states no figure; the
answer names, without its figure, the region whose version states one, and offers a button asking that region's
question — pressed in the web chat, the answer shows the figure as that region's own (吉林省 初创企业补贴 5000元)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .chatting import cited, say, texts

ASKED = "安岳 我头一回开了家小超市 创业补贴能补几千"


def test_the_web_chat_offers_and_asks_the_other_regions_question(client: TestClient) -> None:
    first = say(client, None, message=ASKED)
    answer = next(r for r in first["replies"] if r["kind"] == "answer")
    assert "5000" not in answer["text"], answer["text"]  # never another place's figure beside 资阳's silence
    assert "吉林省的同类措施写有具体标准（不适用于资阳市）" in answer["text"], answer["text"]
    asks = [b for row in answer["buttons"] for b in row if b["action"].startswith("ask:")]
    assert [b["label"] for b in asks] == ["吉林省的初创企业补贴标准是多少？"], answer["buttons"]
    then = say(client, first["session_id"], choice=asks[0]["action"])
    assert "jilin-2017-07" in cited(then), texts(then)
    assert any("一次性5000元" in t for t in texts(then)), texts(then)
