"""Session 14 (issue 12, walkthrough leftover): a card's or a question's buttons go stale once a newer
card, question or results replaced it — through the real API on SQLite and PostgreSQL. Pressed, they
are refused politely and change nothing; the transcript shows them as no longer live."""

from __future__ import annotations

from fastapi.testclient import TestClient

from bot.web.services import WebServices
from tests.web.test_transcript import STALE, actions, say


def test_a_confirmed_cards_buttons_are_refused_once_a_question_follows(
    client: TestClient, services: WebServices
) -> None:
    first = say(client, None, message="我在梅河口 下岗半年了")
    sid = first["session_id"]
    card = first["replies"][-1]
    assert card["kind"] == "confirm" and "drop" in actions(card)
    asked = say(client, sid, choice="ok")["replies"]
    assert asked[-1]["kind"] == "question"
    key = services.conversations.key_of("web", sid)
    before = services.conversations.state(key)
    for old in ("ok", "drop"):
        replies = say(client, sid, choice=old)["replies"]
        assert [r["text"] for r in replies] == [STALE], old
    assert services.conversations.state(key) == before
    entries = client.get(f"/api/chat/{sid}").json()["entries"]
    shown_card = next(e for e in entries if e["role"] == "bot" and e["reply"]["kind"] == "confirm")
    assert not shown_card["live"], "the old card is shown with its buttons off"
    assert entries[-1]["live"], "the question asked now keeps its buttons"


def test_a_question_asked_again_leaves_only_the_newest_options_live(client: TestClient) -> None:
    sid = say(client, None, message="我在梅河口 下岗半年了")["session_id"]
    question = say(client, sid, choice="ok")["replies"][-1]
    options = [a for a in actions(question) if a.startswith(("ans:", "tick:", "done:"))]
    assert options
    again = say(client, sid, choice="cmd:check")["replies"][-1]
    assert again["kind"] == "question"
    entries = client.get(f"/api/chat/{sid}").json()["entries"]
    questions = [e for e in entries if e["role"] == "bot" and e["reply"]["kind"] == "question"]
    assert [q["live"] for q in questions][-2:] == [False, True]
    # The options themselves still work: the newest message offers them.
    answered = say(client, sid, choice=options[-1])["replies"]
    assert answered and answered[0]["text"] != STALE


def test_an_answers_clause_buttons_stay_live_after_a_card(client: TestClient) -> None:
    first = say(client, None, message="长春开店有创业补贴吗？")
    sid = first["session_id"]
    clauses = [a for a in actions(first["replies"][0]) if a.startswith("clause:")]
    assert clauses
    say(client, sid, message="我在长春 失业了")
    shown = say(client, sid, choice=clauses[0])["replies"]
    assert shown[0]["kind"] == "clause"
