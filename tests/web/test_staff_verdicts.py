"""Session 27 walkthrough of the staff console: a verdict on one answer is kept apart from the mark on
its quote (a wrong-answer flag never spreads; 原文已核实 means only what was verified), a flag without a
note keeps staff on the answer page, the asker's own report is on the answer page, and 地区未收录 holds
only questions whose place asked about is uncovered."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

from bot.web.services import WebServices

QUESTION = "平顶山的失业补助金要怎么去申领"


def _chat_answer(client: TestClient, question: str = QUESTION) -> tuple[str, dict]:
    """A new conversation asking `question`: its id and the cited answer reply."""
    body = client.post("/api/chat", json={"message": question}).json()
    answer = next(r for r in body["replies"] if r["kind"] == "answer" and r["citations"])
    return body["session_id"], answer


def _citation_of(services: WebServices, ref: str) -> tuple[int, int]:
    """(answer id, its first citation id) of the logged answer with this reference."""
    services.answer_log.flush()
    entry = next(e for e in services.answer_log.entries(limit=50) if e.ref == ref)
    return entry.id, entry.citations[0].id


def _verified_in_transcript(client: TestClient, session_id: str) -> list[bool]:
    entries = client.get(f"/api/chat/{session_id}").json()["entries"]
    return [c["verified"] for e in entries if e["role"] == "bot" for c in e["reply"]["citations"]]


def test_a_verdict_on_one_answer_stays_on_it_and_the_quote_mark_means_only_the_quote(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, csrf = staff_client
    first_sid, first = _chat_answer(client)
    second_sid, second = _chat_answer(client)
    first_id, first_citation = _citation_of(services, first["feedback_ref"])
    second_id, second_citation = _citation_of(services, second["feedback_ref"])
    key = services.answer_log.entry(first_id).citations[0].quote_key  # type: ignore[union-attr]
    assert services.answer_log.entry(second_id).citations[0].quote_key == key, "both answers cite one quote"

    # This answer is wrong: the flag (with its note) stays on this answer only.
    flagged = client.post(
        f"/staff/citations/{first_citation}/verdict",
        data={"csrf": csrf, "status": "flagged", "note": "问的是申领地点，答复只给了条件"},
        follow_redirects=False,
    )
    assert flagged.status_code == 303
    verdicts = services.answer_log.verdicts([first_citation, second_citation])
    assert verdicts[first_citation].status == "flagged" and second_citation not in verdicts
    assert services.answer_log.marks([key]) == {}, "the quote itself is not flagged"
    flagged_list = {e.id for e in services.answer_log.entries("flagged")}
    assert first_id in flagged_list and second_id not in flagged_list
    page = client.get(f"/staff/answers/{second_id}").text
    assert "本条答复：" not in page

    # The quote is verbatim: 原文已核实 wherever it is quoted ...
    client.post(f"/staff/citations/{second_citation}/mark", data={"csrf": csrf, "status": "verified"})
    assert _verified_in_transcript(client, second_sid)[0] is True
    # ... but not on the answer staff judged wrong, nor on one where it does not answer the question.
    assert _verified_in_transcript(client, first_sid)[0] is False
    client.post(f"/staff/citations/{second_citation}/verdict", data={"csrf": csrf, "status": "misapplied"})
    assert _verified_in_transcript(client, second_sid)[0] is False
    assert services.answer_log.marks([key])[key].status == "verified", "the quote stays verified"
    # A third answer quoting it shows the badge: the quote's mark is all that was verified there.
    third_sid, third = _chat_answer(client)
    assert third["citations"][0]["verified"] is True and _verified_in_transcript(client, third_sid)[0] is True
    # Staff change their mind on this answer: the badge comes back for it alone.
    client.post(f"/staff/citations/{second_citation}/verdict", data={"csrf": csrf, "status": "apt"})
    assert _verified_in_transcript(client, second_sid)[0] is True
    assert _verified_in_transcript(client, first_sid)[0] is False

    page = client.get(f"/staff/answers/{second_id}").text
    assert "本条答复：切题" in page and "本条答复答非所问" in page and "引文已核实" in page
    assert services.audit.recent(1)[0].action == "answer_apt"
    rows = client.get("/staff/export/answers.csv").text
    assert "本条答复的判断" in rows and "答复有问题" in rows


def test_a_flag_without_a_note_stays_on_the_answer_page_with_a_polite_word(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, csrf = staff_client
    _, answer = _chat_answer(client, "平顶山失业补助金每个月发多少")
    answer_id, citation_id = _citation_of(services, answer["feedback_ref"])
    client.post(f"/staff/citations/{citation_id}/mark", data={"csrf": csrf, "status": "verified"})
    key = services.answer_log.entry(answer_id).citations[0].quote_key  # type: ignore[union-attr]
    route_form = {"mark": "quote", "verdict": "answer"}
    for route, button in (("mark", "⚑ 引文有误"), ("verdict", "⚑ 这条答复有问题")):
        sent = client.post(
            f"/staff/citations/{citation_id}/{route}", data={"csrf": csrf, "status": "flagged", "note": "  "},
            follow_redirects=False,
        )  # fmt: skip
        assert sent.status_code == 303
        where = urlsplit(sent.headers["location"])
        assert where.path == f"/staff/answers/{answer_id}" and parse_qs(where.query)["form"] == [route_form[route]]
        page = client.get(sent.headers["location"])
        assert page.status_code == 200 and "出错了" not in page.text
        assert f"请在备注里写一句哪里不对，再点一次“{button}”" in page.text
        assert 'role="alert"' in page.text and "autofocus" in page.text
        assert parse_qs(where.query)["note_for"] == [str(citation_id)]
    # Nothing was stored by the empty flags, nothing stored before is lost.
    assert [m.status for m in services.answer_log.history(key)] == ["verified"]
    assert services.answer_log.verdict_history(citation_id) == []


def test_the_answer_page_shows_what_the_asker_reported(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, _ = staff_client
    sid, answer = _chat_answer(client, "平顶山失业补助金去哪个部门办")
    sent = client.post(
        "/api/feedback",
        json={"session_id": sid, "ref": answer["feedback_ref"], "rating": "report", "note": "电话号码打不通"},
    )
    assert sent.status_code == 200
    answer_id, _ = _citation_of(services, answer["feedback_ref"])
    page = client.get(f"/staff/answers/{answer_id}").text
    assert "提问者的反馈（1）" in page and "⚑ 报告问题" in page and "电话号码打不通" in page


def test_region_not_covered_holds_only_questions_about_an_uncovered_place(
    staff_client: tuple[TestClient, str], services: WebServices
) -> None:
    client, _ = staff_client
    log = services.answer_log
    moving_home = "在惠州打工八年，医保关系想转回老家资阳，要去哪办"
    elsewhere = "惠州那边灵活就业有社保补贴吗"
    for question in (moving_home, elsewhere):
        log.record("chat", question, "……", [], status="region_not_covered")
    log.flush()
    refused = {r.entry.question for r in services.feedback.queue("refused")}
    unanswered = {r.entry.question: r for r in services.feedback.queue("unanswered")}
    assert elsewhere in refused and moving_home not in refused
    assert unanswered[moving_home].asked_covered == "资阳市"
    page = client.get("/staff/queue?show=unanswered").text
    assert "问的是已收录的资阳市" in page and "不用新增地区" in page
    totals = services.feedback.totals()
    _, per_day = services.feedback.counts()
    assert sum(per_day["refused"]) == totals["refused"] and sum(per_day["unanswered"]) == totals["unanswered"]
