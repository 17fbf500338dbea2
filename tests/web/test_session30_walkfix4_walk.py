"""Session 30 (issues 11/12, task walkfix4): a newcomer's walk through the widget, its classes as our own
conversations through `POST /api/chat` —
- a layoff of long ago, or beside the work one does now, never turns the card to 失业;
- a relative's question leaves the speaker's facts and the question waiting alone, and says plainly that a
  技校/中专 is no 高校毕业生 where the measure is for 高校毕业生;
- what is recorded, asked in one's words, shows the facts as the 📋 button does; thanks with an address term
  gets 不客气; a 工伤 question is pointed to 12333, never "not employment";
- where one is, restated after a question about another place, is said back briefly — no answer again."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.chatting import Chat
from tests.web.chatting import say as _say


def _texts(chat: Chat) -> list[str]:
    return [r["text"] for r in chat["replies"]]


def _confirmed(client: TestClient, told: str) -> str:
    chat = _say(client, None, message=told)
    assert chat["replies"][-1]["kind"] == "confirm", _texts(chat)
    session = str(chat["session_id"])
    _say(client, session, choice="ok")
    return session


def test_a_layoff_long_ago_never_turns_the_card_to_out_of_work(client: TestClient) -> None:
    session = _confirmed(client, "我是通化的 五十三 早年厂子黄了下岗 现在跑代驾")
    for message in ("我这下岗的算困难人员不", "下岗那时候好像登记过 忘了"):
        chat = _say(client, session, message=message)
        cards = [r for r in chat["replies"] if r["kind"] == "confirm"]
        assert all(r["facts"].get("employment_status") in (None, "flexible") for r in cards), _texts(chat)
        assert not any("失业、待业" in t for t in _texts(chat)), _texts(chat)


def test_a_relatives_question_keeps_the_speakers_facts_and_says_what_the_measure_needs(client: TestClient) -> None:
    session = _confirmed(client, "我在长春 四十九岁 开出租车 社保自己交")
    chat = _say(client, session, message="我闺女明年技校毕业 想开奶茶店 那五千块初创补贴她能拿不")
    answers = [r for r in chat["replies"] if r["kind"] == "answer"]
    assert answers and any("不算高校毕业生" in r["text"] for r in answers), _texts(chat)
    assert not any("您目前不符合" in r["text"] for r in answers), _texts(chat)
    assert not any(r["kind"] in {"acknowledge", "confirm"} for r in chat["replies"]), _texts(chat)
    profile = _say(client, session, choice="cmd:profile")
    assert "技校" not in profile["replies"][0]["text"] and "长春" in profile["replies"][0]["text"], _texts(profile)


def test_kind_replies_where_a_refusal_was(client: TestClient) -> None:
    session = _confirmed(client, "我在长春 五十岁 送外卖")
    chat = _say(client, session, message="我的资料都记了些啥 给我看看")
    assert chat["replies"][0]["kind"] == "profile", _texts(chat)
    chat = _say(client, session, message="电动车送单让人给别了一下 摔伤了 算工伤不")
    assert not any("不是就业政策方面的问题" in t for t in _texts(chat)), _texts(chat)
    assert any("12333" in t for t in _texts(chat)), _texts(chat)
    chat = _say(client, session, message="好嘞 弄明白了 谢谢老妹儿")
    assert "不客气" in chat["replies"][0]["text"], _texts(chat)


def test_the_place_restated_is_said_back_not_answered_again(client: TestClient) -> None:
    session = _confirmed(client, "我在长春 五十岁 送外卖")
    _say(client, session, message="巴中那边对送外卖的有啥补贴")
    chat = _say(client, session, message="不是 我人在长春 就随便问问")
    assert not any(r["kind"] == "answer" for r in chat["replies"]), _texts(chat)
    assert "长春" in chat["replies"][0]["text"], _texts(chat)
