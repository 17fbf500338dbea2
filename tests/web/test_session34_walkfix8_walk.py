"""Session 34 (issue 12, task walkfix8): walk32's chat-understanding classes left open, through `POST /api/chat`:
- a statement (no asking word, no question mark) typed while an interview question waits is a reply to that question —
  taken as its answer, or the question again with 没看懂 — never a search of the documents (answered beside the point
  and logged in staff's queue of unanswered questions);
- a pasted notification (【sender】…退订回T, a link) asking nothing is not addressed to the bot: a short reply, never a
  policy answer;
- losing one's job told in the disposal form (2020年钢厂把俺裁了) says the person is out of work, as 下岗 does;
- a generic word of graduation (刚毕业, 应届生 → college) never replaces the more specific schooling recorded (技校)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.chatting import Chat, kinds, texts
from tests.web.chatting import say as _say

HIM = "俺是舞钢的，今年48了，2020年钢厂把俺裁了，现在没正经活，初中毕业"
SMS = "【拼多多】您的快递已到达幸福路驿站，取件码12-3-4567，请及时领取。退订回T https://t.cn/A6abcd"


def _first_question(client: TestClient) -> tuple[str, Chat]:
    chat = _say(client, None, message=HIM)
    session = str(chat["session_id"])
    return session, _say(client, session, choice="ok")


def _question(chat: Chat) -> str:
    return next(r["text"] for r in reversed(chat["replies"]) if r["kind"] == "question")


@pytest.mark.parametrize("statement", ["俺是城里户口，厂里职工", "紧巴巴的，也说不上困难", "说不上来，反正就那样"])
def test_a_statement_typed_while_a_question_waits_is_never_answered_from_the_documents(
    client: TestClient, statement: str
) -> None:
    session, chat = _first_question(client)
    waiting = _question(chat)
    chat = _say(client, session, message=statement)
    assert "answer" not in kinds(chat), texts(chat)
    assert any(r["kind"] == "question" for r in chat["replies"]), texts(chat)
    if _question(chat) == waiting:
        assert "没看懂" in texts(chat)[0], texts(chat)


def test_a_question_typed_while_a_question_waits_is_still_answered(client: TestClient) -> None:
    session, _ = _first_question(client)
    chat = _say(client, session, message="舞钢失业了能领失业金吗？")
    assert "answer" in kinds(chat), texts(chat)


@pytest.mark.parametrize("interviewing", [False, True])
def test_a_pasted_notification_is_not_answered_as_a_policy_question(client: TestClient, interviewing: bool) -> None:
    session: str | None = _first_question(client)[0] if interviewing else None
    chat = _say(client, session, message=SMS)
    assert "answer" not in kinds(chat), texts(chat)
    assert "通知" in texts(chat)[0] and "增值税" not in "".join(texts(chat)), texts(chat)


def test_a_notification_pasted_and_asked_about_is_still_a_question(client: TestClient) -> None:
    chat = _say(client, None, message="【平顶山人社】一次性创业补贴开始申领。这个我能领吗？")
    assert "answer" in kinds(chat) or "confirm" in kinds(chat), texts(chat)


@pytest.mark.parametrize("told", ["2020年钢厂把俺裁了，俺在舞钢，48岁", "前年老板把我开了，我在巴中，35岁"])
def test_losing_the_job_told_in_the_disposal_form_says_the_person_is_out_of_work(client: TestClient, told: str) -> None:
    chat = _say(client, None, message=told)
    card = next((r for r in chat["replies"] if r["kind"] == "confirm"), None)
    assert card is not None, texts(chat)
    assert card["facts"].get("employment_status") == "unemployed", card["text"]


@pytest.mark.parametrize("said", ["我刚毕业，哪来的失业金", "俺是应届生"])
def test_a_generic_word_of_graduation_never_replaces_the_schooling_recorded(client: TestClient, said: str) -> None:
    chat = _say(client, None, message="我在平顶山，技校毕业，22岁，还没找着活")
    session = str(chat["session_id"])
    chat = _say(client, session, choice="ok")
    chat = _say(client, session, message=said)
    cards = [r for r in chat["replies"] if r["kind"] == "confirm"]
    assert all(card["facts"].get("education") in (None, "secondary_vocational") for card in cards), texts(chat)
