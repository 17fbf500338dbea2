"""A long multi-select question still waiting after an answer is re-offered in one line (issue 12,
"accessible, calm UI"): the 16-box 人员类别 card is not repeated after every answer; its 继续回答
button shows it again, and a tick on it still counts."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def _say(client: TestClient, session: str | None, **payload: Any) -> dict[str, Any]:
    body = {k: v for k, v in {**payload, "session_id": session}.items() if v is not None}
    response = client.post("/api/chat", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _until_multi_select(client: TestClient) -> tuple[str, dict[str, Any]]:
    reply = _say(client, None, message="我在长春，去年大学毕业，想自己创业")
    session = str(reply["session_id"])
    reply = _say(client, session, message="对")
    for _ in range(8):
        last = reply["replies"][-1]
        if last.get("multi_select"):
            return session, last
        first = last["buttons"][0][0]["action"]
        reply = _say(client, session, choice=first)
    raise AssertionError("the interview never asked a multi-select question")


def test_an_answer_mid_interview_is_followed_by_a_one_line_reminder(client: TestClient) -> None:
    session, card = _until_multi_select(client)
    assert sum(len(row) for row in card["buttons"]) > 6
    reply = _say(client, session, message="巴中创业担保贷款最多能贷多少？")
    answer, reminder = reply["replies"][-2], reply["replies"][-1]
    assert answer["kind"] == "answer" and answer["citations"]
    assert reminder["asks"] == card["asks"] and not reminder.get("multi_select")
    assert "还有一个问题等您回答" in reminder["text"]
    assert [b["label"] for row in reminder["buttons"] for b in row] == ["▶️ 继续回答"]
    # 继续回答 shows the whole card again, and a tick on it is taken.
    again = _say(client, session, choice=reminder["buttons"][0][0]["action"])["replies"][-1]
    assert again.get("multi_select") and again["asks"] == card["asks"]
    tick = again["buttons"][0][0]["action"]
    ticked = _say(client, session, choice=tick)["replies"][-1]
    assert ticked["buttons"][0][0]["label"].startswith("☑️")


def test_a_single_choice_pending_question_is_asked_again_as_it_is(client: TestClient) -> None:
    session, card = _until_multi_select(client)
    done = card["buttons"][-1][0]["action"]  # ✔️ 确定 with nothing ticked
    question = _say(client, session, choice=done)["replies"][-1]
    assert question["kind"] == "question" and not question.get("multi_select")
    after = _say(client, session, message="资阳技能提升补贴多少钱")["replies"][-1]
    assert after["asks"] == question["asks"]
    assert after["text"] == question["text"]
