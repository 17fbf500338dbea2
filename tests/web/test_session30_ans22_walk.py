"""Session 30 (issue 10, ans22): through `POST /api/chat` of the real app, a newcomer's questions are answered
by measures for him and for what he asks —
- an older worker who left school early is not given the graduate subsidy;
- 四零五零 is told to be named by no document here;
- a wife's unemployment pay is not answered by a region's crisis measure;
- moving one's insurance is declined without unrelated subsidies."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.chatting import Chat, say


def _answers(chat: Chat) -> list[Chat]:
    return [r for r in chat["replies"] if r.get("answer_status")]


def _texts(chat: Chat) -> str:
    return "\n".join(r["text"] for r in chat["replies"])


def test_an_older_courier_is_not_given_the_graduate_subsidy(client: TestClient) -> None:
    chat = say(client, None, message="我在长春 五十一了 初中毕业 现在送外卖 社保自己交 能有啥补贴")
    assert "高校毕业生自主创业、灵活就业社会保险补贴" not in _texts(chat), _texts(chat)


def test_four_zero_five_zero_is_named_by_no_document_in_the_chat(client: TestClient) -> None:
    chat = say(client, None, message="吉林有没有四零五零人员的扶持")
    answers = _answers(chat)
    assert answers and answers[0]["answer_status"] == "no_answer", _texts(chat)
    assert "没有提到“四零五零”" in answers[0]["text"], answers[0]["text"]


def test_unemployment_pay_is_not_answered_by_a_regions_measure_in_the_chat(client: TestClient) -> None:
    chat = say(client, None, message="吉林的 我爱人刚被辞退 能领失业保险金吗")
    answers = _answers(chat)
    assert answers and answers[0]["answer_status"] == "no_answer", _texts(chat)
    assert "不是个人申领的依据" in answers[0]["text"], answers[0]["text"]


def test_moving_insurance_home_is_declined_in_the_chat(client: TestClient) -> None:
    chat = say(client, None, message="我在长春 以前在河南交的社保能转回来不")
    answers = _answers(chat)
    assert answers and answers[0]["answer_status"] == "no_answer", _texts(chat)
    assert not answers[0]["citations"], answers[0]["text"]
