"""Session 33 (issue 12, task walkfix7): a newcomer's walk through the widget, its classes as our own
conversation through `POST /api/chat` — a woman in 平昌 checks her own benefits, then her husband's (a veteran),
then her brother's:
- 📋 我的资料 in a relative's check names whose facts it shows; a goodbye is never answered, in any state;
- a fact still waiting on its card decides no answer;
- the kind of soldier said apart from the soldier word (2019年退伍的，自主就业) is on the card;
- a relative told after 👪 帮家人查 is named (丈夫), so the button back to him says whom;
- a button between people typed with its emoji (↩️ 回到我自己的) is that button."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.chatting import Chat, kinds, texts
from tests.web.chatting import say as _say
from tests.web.chatting import through as _through

HER = "我在平昌县，高中毕业，现在没工作，想开个农家乐"
HUSBAND = "我老公，也是平昌的，退役军人，2019年退伍的，自主就业，现在在屋头没上班，想跟我一起搞农家乐"
BROTHER = "帮我弟弟也查一下嘛，他2025年大专毕业，户口在平昌，还没找到工作"


def _her_then_husband(client: TestClient) -> tuple[str, Chat]:
    chat = _say(client, None, message=HER)
    session = str(chat["session_id"])
    _through(client, session, chat)
    _say(client, session, choice="who:new")
    return session, _say(client, session, message=HUSBAND)


def test_the_profile_shown_in_a_relatives_check_names_whose_it_is(client: TestClient) -> None:
    session, chat = _her_then_husband(client)
    _through(client, session, chat)
    chat = _say(client, session, choice="cmd:profile")
    profile = next(r for r in chat["replies"] if r["kind"] == "profile")
    assert profile["text"].startswith("【我知道的您丈夫的情况】"), profile["text"]
    assert "您的情况" not in profile["text"], profile["text"]


def test_a_relative_told_after_the_button_is_named_on_the_button_back_to_them(client: TestClient) -> None:
    session, chat = _her_then_husband(client)
    card = next(r for r in chat["replies"] if r["kind"] == "confirm")
    assert "您丈夫的情况" in card["text"], card["text"]
    _through(client, session, chat)
    _say(client, session, message="回到我自己的")
    chat = _through(client, session, _say(client, session, message=BROTHER))
    results = next(r for r in chat["replies"] if r["kind"] == "results")
    labels = [b["label"] for row in results["buttons"] for b in row]
    assert "👤 查看丈夫的" in labels, labels
    chat = _say(client, session, choice="who:husband")
    assert "丈夫" in texts(chat)[0], texts(chat)


def test_the_kind_of_soldier_said_apart_from_the_soldier_word_is_on_the_card(client: TestClient) -> None:
    _, chat = _her_then_husband(client)
    card = next(r for r in chat["replies"] if r["kind"] == "confirm")
    assert card["facts"].get("veteran") == "soldier_self_employed", card["text"]


@pytest.mark.parametrize("label", ["↩️ 回到我自己的", "👪 帮家人查"])
def test_a_button_between_people_typed_with_its_emoji_is_that_button(client: TestClient, label: str) -> None:
    session, chat = _her_then_husband(client)
    _through(client, session, chat)
    if label.endswith("帮家人查"):
        _say(client, session, message="回到我自己的")
    chat = _say(client, session, message=label)
    assert kinds(chat)[0] == "notice" and "answer" not in kinds(chat), texts(chat)


@pytest.mark.parametrize(
    "goodbye", ["谢谢了哈，我再去问问人社局", "好的，我回头打12333问问", "谢谢 我自己去社保局打听一下吧"]
)
@pytest.mark.parametrize("state", ["relative's results", "own card waiting", "own question waiting"])
def test_a_goodbye_is_never_answered_in_any_state(client: TestClient, goodbye: str, state: str) -> None:
    if state == "relative's results":
        session, chat = _her_then_husband(client)
        _through(client, session, chat)
        _say(client, session, choice="cmd:profile")
    else:
        session = str(_say(client, None, message=HER)["session_id"])
        if state == "own question waiting":
            _say(client, session, choice="ok")
    chat = _say(client, session, message=goodbye)
    assert "answer" not in kinds(chat), texts(chat)
    assert "再见" in texts(chat)[0], texts(chat)


def test_a_fact_still_waiting_on_its_card_decides_no_answer(client: TestClient) -> None:
    chat = _say(client, None, message=HER)
    session = str(chat["session_id"])
    _through(client, session, chat)
    chat = _say(client, session, message="说错了，我其实是初中毕业的")
    assert any(r["kind"] == "confirm" for r in chat["replies"]), texts(chat)
    chat = _say(client, session, message="我在深圳交了6年社保，回来了咋个办？")
    answer = next(r for r in chat["replies"] if r["kind"] == "answer")
    assert "初中及以下" not in answer["text"], answer["text"]
    _say(client, session, choice="ok")
    chat = _say(client, session, message="我在深圳交了6年社保，回来了咋个办？")
    answer = next(r for r in chat["replies"] if r["kind"] == "answer")
    assert "普通高中" not in answer["text"], answer["text"]
