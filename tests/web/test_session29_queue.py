"""Session 29 (issue 12): the staff queue shows answers that were given and still missed — the person's
next message says so, or asks the same again in other words — and messages asking several things of
which only some were answered, each with its reason, filtered by queue and exported as CSV with
formulas neutralised. Through the real app (TestClient, a real database) and a real server in real
Chromium, as the console's other tests do (login, CSRF)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.tables import AnswerEntry
from bot.web.app import create_app
from bot.web.next_turn import asks_the_same, next_turn, says_it_missed
from bot.web.services import WebServices
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from .browsing import CHROMIUM, add_staff, ask, desk_context, log_in, open_widget, wait_idle
from .chatting import logged_answer
from .conftest import LiveServer, login, make_services

# -- the words of a complaint (fresh wording) -------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "不对吧，我在资阳不在巴中",
        "嗯，不对，我想知道的是个人的",
        "你这完全是答非所问",
        "我问的是社保补贴不是贷款",
        "这个没啥用啊",
        "可是说错了，我在资阳",
        "看不懂你说的",
        "跟我问的没关系嘛",
        "不是，我要的是怎么申请",
    ],
)
def test_a_message_saying_the_answer_missed_is_a_complaint(message: str) -> None:
    assert says_it_missed(message)


@pytest.mark.parametrize(
    "message",
    [
        "我没用过创业担保贷款，能申请吗",  # 没用 inside a sentence: never used
        "我不是退役军人",
        "不是本地户口能领吗",  # 不是 as a fact about the person
        "这样对不对呀",
        "那巴中呢？",
        "谢谢，挺清楚的",
        "要什么条件",
        # answers to a question the bot asked after its answer
        "不是",
        "不对。",
        "都不是",
    ],
)
def test_a_message_going_on_is_no_complaint(message: str) -> None:
    assert not says_it_missed(message)


def test_the_same_question_is_the_same_kind_asked_of_the_same_place_and_topic() -> None:
    assert asks_the_same("amount|巴中市|创业担保贷款", "amount|巴中市|创业担保贷款、个人")
    assert not asks_the_same("amount|巴中市|创业担保贷款", "conditions|巴中市|创业担保贷款")  # another aspect
    assert not asks_the_same("amount|吉林省|创业担保贷款", "amount|巴中市|创业担保贷款")  # 那巴中呢
    assert not asks_the_same("amount|巴中市|", "amount|巴中市|")  # no topic: says nothing
    assert not asks_the_same("what|平顶山市|大学生、创业补贴", "what|平顶山市|农民工、创业补贴")  # another group
    assert not asks_the_same(None, "amount|巴中市|创业担保贷款")
    same = "what|平顶山市|创业补贴"
    assert next_turn("平顶山开店补贴有哪几种", same, same) == "reasked"
    assert next_turn("那返乡的人呢？", same, same) == "quiet"  # another case, read against the thread


# -- through the app --------------------------------------------------------------------------------

ASKED = "吉林省大学生开网店，一次性创业补贴能拿多少"
REASKED = ("通化市创业担保贷款个人最多可以贷几万", "通化的创业担保贷款，个人额度封顶是多少")
SEVERAL = "长春大学生创业补贴给多少钱，到哪儿去领，可以领几回"


@pytest.fixture(scope="module")
def queue_services(kb: KnowledgeBase, databases: Databases) -> Iterator[WebServices]:
    built = make_services(kb, databases.new_url())
    built.accounts.add("queue29", "a long enough secret")
    yield built
    built.close()


@pytest.fixture(scope="module")
def app_client(queue_services: WebServices) -> Iterator[TestClient]:
    with TestClient(create_app(queue_services), base_url="http://testserver") as client:
        yield client


def _say(client: TestClient, session_id: str | None, message: str) -> tuple[str, list[dict[str, object]]]:
    response = client.post("/api/chat", json={"message": message, "session_id": session_id})
    assert response.status_code == 200, response.text[:300]
    body = response.json()
    return body["session_id"], body["replies"]


def test_an_answer_the_next_message_says_missed_is_in_the_queue_with_that_message(
    app_client: TestClient, queue_services: WebServices
) -> None:
    session, replies = _say(app_client, None, ASKED)
    assert any(r["kind"] == "answer" for r in replies)
    _say(app_client, session, "你说的这些跟我问的没关系，我想问网店要不要营业执照")
    entry = logged_answer(queue_services, ASKED, session)
    assert entry.next_turn == "rebuffed"
    assert entry.next_said == "你说的这些跟我问的没关系，我想问网店要不要营业执照"
    assert entry.id in {row.entry.id for row in queue_services.feedback.queue("missed")}


def test_the_same_asked_again_in_other_words_marks_the_first_answer_missed(
    app_client: TestClient, queue_services: WebServices
) -> None:
    session, _ = _say(app_client, None, REASKED[0])
    _say(app_client, session, REASKED[1])
    first = logged_answer(queue_services, REASKED[0], session)
    assert first.next_turn == "reasked" and first.next_said == REASKED[1]
    assert logged_answer(queue_services, REASKED[1], session).next_turn is None  # nothing said after it yet


def test_a_follow_up_of_another_aspect_and_a_later_complaint_leave_an_answer_out(
    app_client: TestClient, queue_services: WebServices
) -> None:
    question = "吉林高校毕业生初创企业补贴是多少"
    session, _ = _say(app_client, None, question)
    _say(app_client, session, "需要满足哪些条件")  # another aspect of the same measure: going on
    first = logged_answer(queue_services, question, session)
    assert first.next_turn == "quiet" and first.next_said is None  # nothing of the person kept
    _say(app_client, session, "好的谢谢")
    _say(app_client, session, "不对")  # speaks of what came just before, not of the first answer
    assert logged_answer(queue_services, question, session).next_turn == "quiet"
    assert first.id not in {row.entry.id for row in queue_services.feedback.queue("missed")}


def test_a_message_asking_three_things_with_two_unanswered_is_partly_answered(
    app_client: TestClient, queue_services: WebServices
) -> None:
    session, replies = _say(app_client, None, SEVERAL)
    answers = [r for r in replies if r["kind"] == "answer"]
    assert len(answers) == 1 and answers[0]["answer_status"] == "answered"
    assert "unanswered_parts" not in answers[0] and "asked" not in answers[0]  # staff's, never the client's
    entry = logged_answer(queue_services, SEVERAL, session)
    assert entry.status == "answered"
    parts = (entry.unanswered_parts or "").splitlines()
    left = "".join(parts)  # the parts as the answer headed them (到哪儿去领？可以领几回)
    assert parts and "领" in left and "给多少钱" not in left
    assert entry.id in {row.entry.id for row in queue_services.feedback.queue("partial")}


def test_the_console_lists_each_queue_with_its_reason_and_exports_it_neutralised(
    app_client: TestClient, queue_services: WebServices
) -> None:
    session, _ = _say(app_client, None, "白山市就业见习补贴每个月给多少")
    planted = '=HYPERLINK("http://x") 我问的是见习能延期吗'
    _say(app_client, session, planted)
    again, _ = _say(app_client, None, REASKED[0])
    _say(app_client, again, REASKED[1])
    several, _ = _say(app_client, None, SEVERAL)
    with TestClient(create_app(queue_services), base_url="http://testserver") as staff:
        login(staff, "queue29", "a long enough secret")
        page = staff.get("/staff/queue", params={"show": "missed"})
        assert page.status_code == 200
        assert "答复没对上" in page.text and "只答了一部分" in page.text
        assert "用户下一句说没答对" in page.text and "用户接着换个说法又问了一遍" in page.text
        assert "白山市就业见习补贴每个月给多少" in page.text
        partial = staff.get("/staff/queue", params={"show": "partial"})
        assert "没答到：" in partial.text and SEVERAL in partial.text
        assert "白山市就业见习补贴每个月给多少" not in partial.text  # filtered: only that queue's rows
        exported = staff.get("/staff/export/queue.csv", params={"show": "missed"})
        assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(exported.text.lstrip("\ufeff"))))
        assert rows[0][:7] == ["回答编号", "时间（UTC）", "渠道", "队列", "问题", "回答状态", "原因"]
        said = {row[4]: row for row in rows[1:]}
        assert said["白山市就业见习补贴每个月给多少"][7] == "'" + planted  # a formula written as text
        assert "用户下一句说没答对" in said["白山市就业见习补贴每个月给多少"][6]
        assert "用户接着换个说法又问了一遍" in said[REASKED[0]][6]
        assert staff.get("/staff/export/queue.csv", params={"show": "nonsense"}).status_code == 422
        planted_on = logged_answer(queue_services, "白山市就业见习补贴每个月给多少", session)
        answer_page = staff.get(f"/staff/answers/{planted_on.id}")
        assert "用户下一句说没答对：“=HYPERLINK" in answer_page.text.replace("&#34;", '"')
        several_page = staff.get(f"/staff/answers/{logged_answer(queue_services, SEVERAL, several).id}")
        assert "只答了一部分，没答到：" in several_page.text
    with TestClient(create_app(queue_services), base_url="http://testserver") as stranger:
        assert stranger.get("/staff/export/queue.csv", follow_redirects=False).status_code in (303, 401, 403)


def test_forgetting_the_conversation_takes_the_complaint_with_it(
    app_client: TestClient, queue_services: WebServices
) -> None:
    question = "四平市灵活就业人员社保补贴标准是多少"
    session, _ = _say(app_client, None, question)
    _say(app_client, session, "不是这个，我问的是医保")
    assert logged_answer(queue_services, question, session).next_said
    key = queue_services.conversations.key_of("web", session)
    queue_services.forget_person(key, session_deleted=False)
    queue_services.answer_log.flush()
    with Session(queue_services.engine) as rows:
        assert rows.scalars(select(AnswerEntry).where(AnswerEntry.question == question)).all() == []
        assert rows.scalars(select(AnswerEntry).where(AnswerEntry.next_said.like("%医保%"))).all() == []


# -- in a real browser ------------------------------------------------------------------------------

BROWSER_STAFF = ("queue29-browser", "a long enough secret")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed")
def test_in_chromium_a_missed_and_a_partly_answered_question_reach_the_staff_queue(  # type: ignore[no-untyped-def]
    browser, live_server: LiveServer, host_site: int
) -> None:
    from playwright.sync_api import expect

    add_staff(live_server, BROWSER_STAFF)
    with desk_context(browser) as context:
        user = context.new_page()
        frame = open_widget(user, host_site)
        asked = "延边州创业担保贷款个人能贷多少"
        ask(frame, asked)
        frame.locator("#pb-input").fill("唉 不对，我问的是合伙创业能贷多少")
        frame.locator("#pb-input").press("Enter")
        expect(frame.locator(".msg.user")).to_have_count(2)
        wait_idle(frame)
        several = "吉林省大学生创业一次性补贴多少钱，去什么地方申请，能拿几次"
        ask(frame, several)

        staff = context.new_page()
        staff.goto(f"{live_server.url}/staff/queue?show=missed")
        log_in(staff, BROWSER_STAFF)
        expect(staff).to_have_url(re.compile(r"/staff/queue"))
        staff.get_by_role("link", name=re.compile("答复没对上")).click()
        row = staff.locator("tbody tr", has_text=asked).first
        expect(row).to_contain_text("用户下一句说没答对")
        expect(row).to_contain_text("我问的是合伙创业能贷多少")
        staff.get_by_role("link", name=re.compile("只答了一部分")).click()
        expect(staff).to_have_url(re.compile(r"show=partial"))
        partial = staff.locator("tbody tr", has_text=several).first
        expect(partial).to_contain_text("没答到：")
        expect(staff.locator("tbody tr", has_text=asked)).to_have_count(0)
        with staff.expect_download() as download:
            staff.get_by_role("link", name="导出这个队列（CSV）").click()
        text = Path(download.value.path()).read_text(encoding="utf-8-sig")
        assert several in text and "只答了一部分" in text and asked not in text
