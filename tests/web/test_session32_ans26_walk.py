"""Session 32 (issue 10, ans26): through `POST /api/chat` and `POST /api/ask` of the real app —
- a message typed with spaces between its Chinese words is answered as the same words typed together;
- who pays a measure asked by its name gets the sentence naming its fund, not "没有写明";
- a department question naming no place gets each quoted region's offices on a line of its own."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.chatting import Chat, say


def _answers(chat: Chat) -> list[Chat]:
    return [r for r in chat["replies"] if r.get("answer_status")]


def _ask(client: TestClient, question: str) -> dict:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_spaces_between_words_change_nothing_in_the_chat(client: TestClient) -> None:
    spaced = _answers(say(client, None, message="敦化 大学生 自主创业 补贴给多少"))
    joined = _answers(say(client, None, message="敦化大学生自主创业补贴给多少"))
    assert spaced and joined
    assert spaced[0]["answer_status"] == joined[0]["answer_status"] == "answered", spaced
    assert "5000元" in spaced[0]["text"], spaced[0]["text"]
    assert spaced[0]["text"] == joined[0]["text"]


def test_spaces_change_nothing_through_the_ask_api(client: TestClient) -> None:
    spaced = _ask(client, "梅河口 毕业生 自主创业 补贴 多少钱")
    assert spaced["status"] == "answered", spaced
    assert [c["clause_id"] for c in spaced["citations"]][:1] == ["jilin-2017-07"]
    assert "5000元" in (spaced["direct_answer"] or "")


def test_who_pays_a_named_measure_in_the_chat(client: TestClient) -> None:
    answers = _answers(say(client, None, message="职工技能提升补贴的钱由谁来掏"))
    assert answers and answers[0]["answer_status"] == "answered", answers
    text = answers[0]["text"]
    assert "失业保险基金中列支" in text and "没有写明" not in text, text


def test_department_lines_for_each_region_through_the_ask_api(client: TestClient) -> None:
    result = _ask(client, "就业见习补贴这块是哪些部门在管")
    lines = (result["direct_answer"] or "").splitlines()
    assert len(lines) >= 2, lines
    assert lines[0].split("文件", 1)[0] != lines[1].split("文件", 1)[0], lines
