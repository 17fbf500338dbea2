"""A chat answer is logged for staff in its turn's own commit (issue 14: one transaction per turn
instead of one more for the answer log's writer thread)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.tables import AnswerCitation, AnswerEntry
from bot.web.app import create_app
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from .conftest import make_services

QUESTION = "巴中市创业担保贷款额度是多少？"


def test_an_answer_given_in_a_chat_is_stored_with_its_turn_not_by_the_background_writer(
    kb: KnowledgeBase, databases: Databases
) -> None:
    services = make_services(kb, databases.new_url())
    try:
        services.answer_log.close()  # the writer thread ends: an answer only queued would never be stored
        with TestClient(create_app(services)) as client:
            response = client.post("/api/chat", json={"message": QUESTION})
        assert response.status_code == 200, response.text[:300]
        answers = [r for r in response.json()["replies"] if r.get("feedback_ref")]
        assert len(answers) == 1 and answers[0]["citations"], "one cited answer to log"
        with Session(services.engine) as session:
            logged = session.execute(select(AnswerEntry.id, AnswerEntry.question, AnswerEntry.ref)).all()
            assert [(question, ref) for _, question, ref in logged] == [(QUESTION, answers[0]["feedback_ref"])]
            cited = session.scalar(select(func.count()).where(AnswerCitation.answer_id == logged[0][0]))
        assert cited == len(answers[0]["citations"])
    finally:
        services.close()
