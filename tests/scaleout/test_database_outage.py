"""The database briefly unavailable: PostgreSQL stopped under two running replicas. A turn sent
meanwhile gets a clear JSON error (503, a polite Chinese message, Retry-After) and readiness says
not ready; once PostgreSQL is back the very next turn works on either replica (dead pooled
connections are replaced), and no turn or logged answer from before the outage is lost."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date

import httpx
import pytest
import sqlalchemy
from pydantic import SecretStr

from bot.settings import Settings
from bot.web.services import build_services
from knowledge.kb import KnowledgeBase
from tests.postgres import PostgresCluster
from tests.scaleout.replicas import Person, Replica, next_choice

SELF_DESCRIPTION = "我是残疾人，家里是低保户，在巴中开了个小店两年了，办的个体户，今年45岁"
QUESTION = "巴中市创业担保贷款额度是多少？"


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as client:
        yield client


def answers_logged(url: str, key: str) -> int:
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as connection:
            query = sqlalchemy.text("SELECT count(*) FROM answer_log WHERE session_key = :key")
            return int(connection.execute(query, {"key": key}).scalar_one())
    finally:
        engine.dispose()


def test_a_turn_during_an_outage_is_a_clear_error_and_nothing_is_lost_after_it(
    both: list[Replica], pg_cluster: PostgresCluster, http: httpx.Client
) -> None:
    person = Person(http)
    person.say(both[0], message=SELF_DESCRIPTION)
    replies = person.say(both[1], choice="ok")
    person.say(both[0], message=QUESTION)
    for replica in both:
        replies = person.say(replica, choice=next_choice(replies))
    asked = replies[-1]["asks"]
    pending = next_choice(replies)
    assert asked and pending

    pg_cluster.stop()
    for replica in both:
        response = http.post(f"{replica.url}/api/chat", json={"session_id": person.session_id, "choice": pending})
        assert response.status_code == 503, response.text
        body = response.json()
        assert body["status"] == "error" and body["code"] == "database_unavailable"
        assert "稍" in body["error"] and "不会丢失" in body["error"] and "Traceback" not in response.text
        assert int(response.headers["retry-after"]) >= 1
        ready = http.get(f"{replica.url}/readyz")
        assert ready.status_code == 503 and ready.json()["checks"]["database"] is False
        assert http.get(f"{replica.url}/healthz").status_code == 200, "the process itself is alive"

    pg_cluster.start()
    replies = person.say(both[1], choice=pending)  # the same tap again: the first try was not stored
    assert "已经回答过" not in replies[0]["text"]
    assert replies[-1].get("asks") != asked or replies[-1].get("multi_select"), "the interview went on"
    assert http.get(f"{both[0].url}/readyz").status_code == 200
    profile = person.say(both[0], message="/profile")[0]["text"]
    for fact in ("巴中市", "低保家庭", "残疾", "45岁", "个体工商户"):
        assert fact in profile, f"{fact} was lost"
    assert answers_logged(both[0].env["POLICYBOT_DATABASE_URL"], both[0].web_key(person.session_id or "")) == 1


def test_answers_logged_while_the_database_is_down_are_stored_when_it_is_back(
    pg_cluster: PostgresCluster, kb: KnowledgeBase
) -> None:
    url = pg_cluster.create_database("outage")
    services = build_services(Settings(database_url=SecretStr(url), web_rate_limit=""), kb=kb, clock=date.today)
    try:
        pg_cluster.stop()
        services.answer_log.record("api", "停机期间的问题", "答复", [], status="answered")
        time.sleep(0.5)  # the writer has tried and is waiting to try again
        restart = threading.Timer(1.0, pg_cluster.start)
        restart.start()
        services.answer_log.flush()
        restart.join()
        assert [e.question for e in services.answer_log.entries()] == ["停机期间的问题"]
    finally:
        if not pg_cluster.is_running:
            pg_cluster.start()
        services.close()
