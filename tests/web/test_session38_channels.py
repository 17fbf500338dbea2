"""Every channel logs its answers to the store the staff console reads, under its own name (session 38).

The newcomer walk found the terminal chat's answers in neither 答复记录 nor 待改进问题. Here the real
`policybot chat` process and the web app share one database (an SQLite file, then PostgreSQL); the
console, read through its own pages, lists each question once under its channel and filters by it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.tables import AnswerEntry
from bot.web.services import WebServices
from tests.terminal_chat import run_chat

REPO = Path(__file__).resolve().parents[2]
WEB_QUESTION = "北京有创业补贴吗"
TERMINAL_DECLINED = "成都有创业补贴吗"
TERMINAL_ANSWERED = "吉林技能提升补贴标准是多少"


def _terminal(
    lines: list[str], data_dir: Path, database_url: str, session: str = "walk38"
) -> subprocess.CompletedProcess[str]:
    return run_chat(lines, data_dir, database_url, "--session", session)


def _rows(services: WebServices) -> list[AnswerEntry]:
    services.answer_log.flush()
    with Session(services.engine) as session:
        return list(session.scalars(select(AnswerEntry).order_by(AnswerEntry.id)))


def test_terminal_answers_reach_the_staff_log_and_queue_beside_the_web_ones_and_staff_filter_by_channel(
    services: WebServices, staff_client: tuple[TestClient, str], kb_dir: Path
) -> None:
    client, _ = staff_client
    assert client.post("/api/chat", json={"message": WEB_QUESTION}).status_code == 200
    done = _terminal([TERMINAL_DECLINED, TERMINAL_ANSWERED], kb_dir, services.settings.resolved_database_url())
    assert done.returncode == 0, done.stderr
    assert "还没有收录成都市" in done.stdout and "Traceback" not in done.stderr

    logged = {row.question: row for row in _rows(services)}
    assert logged[WEB_QUESTION].channel == "web"
    assert logged[TERMINAL_DECLINED].channel == "terminal"
    assert logged[TERMINAL_DECLINED].status == "region_not_covered"
    assert logged[TERMINAL_ANSWERED].channel == "terminal" and logged[TERMINAL_ANSWERED].status == "answered"
    # Kept as the web keeps its own: the conversation's keyed hash, never the name typed after --session.
    key = logged[TERMINAL_ANSWERED].session_key or ""
    assert key.startswith("terminal:") and "walk38" not in key

    everyone = client.get("/staff/queue?show=refused").text
    assert WEB_QUESTION in everyone and TERMINAL_DECLINED in everyone and "命令行对话" in everyone
    terminal = client.get("/staff/queue?show=refused&channel=terminal").text
    assert TERMINAL_DECLINED in terminal and WEB_QUESTION not in terminal
    web = client.get("/staff/queue?show=refused&channel=web").text
    assert WEB_QUESTION in web and TERMINAL_DECLINED not in web

    answers = client.get("/staff/answers?channel=terminal").text
    assert TERMINAL_ANSWERED in answers and WEB_QUESTION not in answers
    exported = client.get("/staff/export/queue.csv?show=refused&channel=terminal").text
    assert TERMINAL_DECLINED in exported and WEB_QUESTION not in exported
    assert client.get("/staff/queue?channel=fax").status_code == 422


def test_forget_in_the_terminal_deletes_what_the_terminal_logged(
    services: WebServices, staff_client: tuple[TestClient, str], kb_dir: Path
) -> None:
    client, _ = staff_client
    url = services.settings.resolved_database_url()
    asked = "巴中有失业保险金吗"
    kept = _terminal([asked], kb_dir, url)
    assert kept.returncode == 0, kept.stderr
    assert asked in client.get("/staff/answers?channel=terminal").text
    done = _terminal(["/forget", "1"], kb_dir, url)  # 🗑 确认删除
    assert "已删除" in done.stdout, done.stdout[-600:]
    assert asked not in client.get("/staff/answers?channel=terminal").text


# -- one path decides a new thread, for every channel ----------------------------------------------------------------
# walk38: the terminal read 成都有补贴吗 after 要啥条件 as a follow-up (接着刚才的问题，查的是成都市：…条件). The web
# did the same on the same turns: both hand the turn to the one dialogue core, which now decides it (thread.py).

NEW_PLACE_TURNS = ["资阳求职创业补贴是给谁的", "要啥条件？", "成都有补贴吗"]


def test_a_new_place_asking_what_help_there_is_starts_a_new_thread_in_the_terminal_and_on_the_web_alike(
    services: WebServices, staff_client: tuple[TestClient, str], kb_dir: Path
) -> None:
    client, _ = staff_client
    session: str | None = None
    replies: list[dict[str, object]] = []
    for message in NEW_PLACE_TURNS:
        body = client.post("/api/chat", json={"message": message, "session_id": session}).json()
        session, replies = body["session_id"], body["replies"]
    on_the_web = "\n".join(str(r["text"]) for r in replies)
    done = _terminal(NEW_PLACE_TURNS, kb_dir, services.settings.resolved_database_url(), session="chengdu")
    assert done.returncode == 0, done.stderr
    in_the_terminal = done.stdout.split("\n> ")[-2]  # the replies to the last message, before the last prompt
    for said in (on_the_web, in_the_terminal):
        assert "还没有收录成都市" in said, said
        assert "接着刚才的问题" not in said, said
