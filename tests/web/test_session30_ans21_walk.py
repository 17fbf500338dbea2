"""Session 30 (issue 10, ans21): the chat answers by the measure whose people and grant fit the question, through
`POST /api/chat` of the real app —
- a disabled child's rehabilitation is no help for people off drugs: declined, nothing cited;
- a teacher's pay is granted by no measure: declined, nothing cited;
- two places asked side by side are both cited."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.chatting import Chat, say


def _answers(chat: Chat) -> list[Chat]:
    return [r for r in chat["replies"] if r.get("answer_status")]


def test_a_disabled_childs_rehabilitation_is_declined_in_the_chat(client: TestClient) -> None:
    chat = say(client, None, message="孩子是残疾儿童，康复训练能申请啥补助")
    answers = _answers(chat)
    assert answers and answers[0]["answer_status"] == "no_answer", [r["text"] for r in chat["replies"]]
    assert not answers[0]["citations"], answers[0]["text"]
    assert "戒毒" not in answers[0]["text"]


def test_a_teachers_pay_is_declined_in_the_chat(client: TestClient) -> None:
    chat = say(client, None, message="中学老师的工资今年能涨吗")
    answers = _answers(chat)
    assert answers and answers[0]["answer_status"] == "no_answer", [r["text"] for r in chat["replies"]]
    assert "农民工" not in answers[0]["text"]


def test_two_places_asked_together_are_both_cited_in_the_chat(client: TestClient) -> None:
    chat = say(client, None, message="巴中和资阳的创业担保贷款最多能贷好多钱")
    cited = {c["clause_id"].split("-")[0] for r in _answers(chat) for c in r["citations"]}
    assert {"bazhong", "ziyang"} <= cited, [r["text"] for r in chat["replies"]]
