"""Session 34 (issues 10 and 11, benef34): who the asker speaks as decides whose measure answers first, through
`POST /api/ask` and `POST /api/chat` of the real app. A person asking of themself or a relative (这个创业担保贷款
能贷多少, 我能贷多少) is answered by the measure paid to a person — 平顶山（十） 创业担保贷款降低或取消反担保 —
never by the employer's 小微企业创业担保贷款 of （九） that shares its name, nor by the 担保基金's 8：2 share;
one who speaks as an employer or a provider (我们公司, 劳务中介) is still answered by their own measure."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.chatting import say

# (question, the clause quoted first, a word the answer must not hold)
PERSONS_QUESTIONS = [
    ("平顶山这个创业担保贷款能贷多少？", "pingdingshan-2020-10", "小微企业"),
    ("在平顶山，创业担保贷款我能贷多少", "pingdingshan-2020-10", "小微企业"),
    ("平顶山俺闺女想开店，创业担保贷款她能贷多少", "pingdingshan-2020-10", "小微企业"),
]
# (question, the clause quoted first, a word the answer holds): the asker is whom the measure pays.
EMPLOYERS_QUESTIONS = [
    ("我们公司在平顶山，想申请创业担保贷款能贷多少", "pingdingshan-2020-09", "小微企业"),
    (
        "我在平昌做劳务中介，介绍贫困户去厂里上班，帮着签了一年合同也交了社保，一个人能补多少？",
        "bazhong-2018-12",
        "300元",
    ),
    ("平顶山 我们是职业中介 免费帮登记失业的人介绍了工作 社保也交上了 一个人能补多少", "pingdingshan-2020-20", "300元"),
]


def _ask(client: TestClient, question: str) -> dict:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200, response.text
    return dict(response.json())


@pytest.mark.parametrize(("question", "clause", "not_said"), PERSONS_QUESTIONS)
def test_a_persons_loan_question_is_answered_by_the_persons_loan(
    client: TestClient, question: str, clause: str, not_said: str
) -> None:
    result = _ask(client, question)
    assert [c["clause_id"] for c in result["citations"]][:1] == [clause], result
    assert not_said not in (result["direct_answer"] or ""), result["direct_answer"]
    assert "8：2" not in (result["direct_answer"] or ""), result["direct_answer"]


@pytest.mark.parametrize(("question", "clause", "said"), EMPLOYERS_QUESTIONS)
def test_an_employers_or_providers_question_is_still_answered_by_their_measure(
    client: TestClient, question: str, clause: str, said: str
) -> None:
    result = _ask(client, question)
    assert [c["clause_id"] for c in result["citations"]][:1] == [clause], result
    assert said in (result["direct_answer"] or ""), result["direct_answer"]


def test_a_persons_loan_question_in_the_chat_names_no_employers_measure(client: TestClient) -> None:
    replies = [
        r for r in say(client, None, message="平顶山这个创业担保贷款能贷多少？")["replies"] if r.get("answer_status")
    ]
    assert replies, replies
    text = replies[0]["text"]
    assert "反担保" in text and "发给用人单位" not in text, text
