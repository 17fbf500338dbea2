"""Session 31 (issue 10, ans24): through `POST /api/chat` of the real app —
- a loan's sum and who pays its interest asked in one message: the interest part says plainly that the documents
  do not state it, never a bare pointer to the part above, and another measure's 贴息 sentence is not quoted;
- a person asking to be introduced a job gets the public employment service, not the agency's subsidy."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from bot.present.prose import prose
from tests.web.chatting import Chat, say


def _answers(chat: Chat) -> list[Chat]:
    return [r for r in chat["replies"] if r.get("answer_status")]


def test_the_interest_part_of_a_loan_question_is_answered_on_its_own(client: TestClient) -> None:
    chat = say(client, None, message="长春的 打算办个创业担保贷款 能贷多少钱 利息由谁来付")
    answers = _answers(chat)
    assert answers, chat["replies"]
    text = answers[0]["text"]
    assert "【利息由谁来付】" in text, text
    part = text.split("【利息由谁来付】", 1)[1]
    # Said plainly (since session 37 beside the clause's responsible offices, whom to ask: next37b).
    assert re.search(r"没有写明(您问的)?利息由谁承担", part), part
    assert part.strip() != prose().followups.clauses_above, part
    assert "贴息不担保" not in text, text


def test_a_person_asking_for_a_job_in_the_chat_gets_the_employment_service(client: TestClient) -> None:
    chat = say(client, None, message="我在资阳 人社局能不能帮忙推荐个工作")
    answers = _answers(chat)
    assert answers and answers[0]["answer_status"] == "answered", chat["replies"]
    text = answers[0]["text"]
    assert "职业指导" in text, text
    assert "发给服务机构" not in text and "贫困家庭" not in text, text
