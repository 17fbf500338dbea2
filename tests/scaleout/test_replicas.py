"""Two `policybot serve` replicas on two loopback ports share one PostgreSQL database: one
conversation served alternately by both is exactly the conversation one replica would have had;
two people interleaved on both never share a fact; two taps at the same moment on different
replicas are both kept; and when a replica is killed with SIGKILL mid-interview, the other (and
then the restarted one) continues it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from bot.dialogue.store import SqlSessionStore
from tests.scaleout.replicas import Person, Replica, next_choice

SELF_DESCRIPTION = "我是残疾人，家里是低保户，在巴中开了个小店两年了，今年45岁"
OTHER_PERSON = "我是2020年毕业的大学生，在长春，现在还没找到工作"
QUESTION = "巴中市创业担保贷款额度是多少？"


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as client:
        yield client


def visible(replies: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """What a person sees of the replies (the session id aside)."""
    return [(r["kind"], r["text"], str(r["buttons"]), r.get("asks")) for r in replies]


def interview(person: Person, route: list[Replica], first: str, turns: int = 24) -> list[list[tuple[Any, ...]]]:
    """A whole interview, turn i sent to route[i % len(route)]: describe, confirm, a policy
    question in between, then answer each question with its first option."""
    seen = []
    replies = person.say(route[0], message=first)
    seen.append(visible(replies))
    plan: list[dict[str, str]] = [{"choice": "ok"}, {"message": QUESTION}]
    for number in range(1, turns):
        replica = route[number % len(route)]
        if plan:
            turn = plan.pop(0)
        else:
            choice = next_choice(replies)
            turn = {"choice": choice} if choice else {"message": "/profile"}
        replies = person.say(replica, **turn)
        seen.append(visible(replies))
    seen.append(visible(person.say(route[(turns) % len(route)], message="/profile")))
    return seen


def test_a_conversation_alternating_between_replicas_is_the_one_a_single_replica_gives(
    both: list[Replica], http: httpx.Client
) -> None:
    alone = interview(Person(http), [both[0]], SELF_DESCRIPTION)
    alternating = interview(Person(http), both, SELF_DESCRIPTION)
    assert alternating == alone
    kinds = [kind for turn in alone for kind, *_ in turn]
    assert "results" in kinds and "answer" in kinds, "the interview reached its results and answered a question"
    profile = alone[-1][0][1]
    assert "低保家庭" in profile and "残疾" in profile and "巴中市" in profile


def test_two_people_interleaved_on_both_replicas_keep_their_own_facts(both: list[Replica], http: httpx.Client) -> None:
    first, second = Person(http), Person(http)
    first.say(both[0], message=SELF_DESCRIPTION)
    second.say(both[1], message=OTHER_PERSON)
    first.say(both[1], choice="ok")
    second.say(both[0], choice="ok")
    first_profile = first.say(both[0], message="/profile")[0]["text"]
    second_profile = second.say(both[1], message="/profile")[0]["text"]
    assert "巴中市" in first_profile and "低保家庭" in first_profile and "长春" not in first_profile
    assert "长春" in second_profile and "低保家庭" not in second_profile and "残疾" not in second_profile


def at_the_same_moment(http: httpx.Client, session_id: str, taps: list[tuple[Replica, str]]) -> list[int]:
    """Each (replica, button) pressed from its own thread, released together; their statuses."""
    start = threading.Barrier(len(taps))
    statuses: list[int] = []

    def tap(replica: Replica, action: str) -> None:
        start.wait()
        response = http.post(f"{replica.url}/api/chat", json={"session_id": session_id, "choice": action})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=tap, args=pair) for pair in taps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return statuses


def test_taps_at_the_same_moment_on_two_replicas_are_both_kept(
    both: list[Replica], http: httpx.Client, pg_cluster: Any
) -> None:
    person = Person(http)
    replies = person.say(both[0], message=SELF_DESCRIPTION)
    replies = person.say(both[1], choice="ok")
    question = replies[-1]
    assert question.get("multi_select"), "the interview asks a 可多选 question next"
    ticks = [b["action"] for row in question["buttons"] for b in row if b["action"].startswith("tick:")]
    assert len(ticks) >= 4
    key = both[0].web_key(person.session_id or "")
    store = SqlSessionStore(both[0].env["POLICYBOT_DATABASE_URL"])
    try:
        for pair in ((ticks[0], ticks[1]), (ticks[2], ticks[3])):
            taps = list(zip(both, pair, strict=True))
            assert at_the_same_moment(http, person.session_id or "", taps) == [200, 200]
        state = store.load(key)
    finally:
        store.close()
    assert state is not None
    assert sorted(state.ticked) == [0, 1, 2, 3], "no tap overwrote the other"


def test_a_replica_killed_mid_interview_is_continued_by_the_other_and_after_its_restart(
    both: list[Replica], http: httpx.Client
) -> None:
    person = Person(http)
    person.say(both[0], message=SELF_DESCRIPTION)
    replies = person.say(both[0], choice="ok")
    for _ in range(3):
        replies = person.say(both[0], choice=next_choice(replies))
    asked = replies[-1]["asks"]
    assert asked, "mid-interview: a question is open"

    both[0].kill()
    with pytest.raises(httpx.TransportError):
        http.post(f"{both[0].url}/api/chat", json={"session_id": person.session_id, "message": "/profile"})

    for _ in range(3):  # a 可多选 question takes a tick and 确定
        replies = person.say(both[1], choice=next_choice(replies))
        assert "已经回答过" not in replies[0]["text"], "the open question was still open on the other replica"
        if replies[-1].get("asks") != asked:
            break
    assert replies[-1].get("asks") != asked, "the interview moved on"
    profile = person.say(both[1], message="/profile")[0]["text"]
    assert "低保家庭" in profile and "巴中市" in profile

    both[0].start()
    choice = next_choice(replies)
    after_restart = person.say(both[0], **({"choice": choice} if choice else {"message": "/profile"}))
    assert after_restart and "已经回答过" not in after_restart[0]["text"]
    assert person.say(both[0], message="/profile")[0]["text"].startswith("【我知道的您的情况】")
