"""`policybot chat`: the same core in a terminal, driven through stdin of a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.dialogue.keys import read_or_create_secret, stored_key
from bot.dialogue.store import SqlSessionStore
from knowledge.kb import KnowledgeBase
from tests.terminal_chat import run_chat

REPO = Path(__file__).resolve().parents[2]


def _chat(lines: list[str], data_dir: Path, database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_chat(lines, data_dir, f"sqlite:///{database}", *args, timeout=120)


@pytest.fixture
def data_dir(kb: KnowledgeBase, kb_dir: Path) -> Path:
    return kb_dir


def test_a_whole_check_runs_in_the_terminal_with_typed_answers_and_numbered_buttons(
    data_dir: Path, tmp_path: Path
) -> None:
    done = _chat(
        [
            "我是2019年毕业的大学生，在长春开了个小店一年多了，交了社保",
            "1",
            "都不是",
            "个体工商户",  # a shop says nothing of its form: asked
            "都不是",
            "第一次创业，有营业执照",
            "否",  # issue 11: does the shop hire? (employers' subsidies would be hers)
            "都没有",  # session 12: the one-time 初创企业补贴 is hers only if she never had it
            "/forget",
            "1",  # 🗑 确认删除
        ],
        data_dir,
        tmp_path / "sessions.sqlite3",
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "我从您的话里了解到" in out
    assert "[1] ✅ 对，继续" in out
    assert "一次性5000元" in out
    assert "查看条款原文 吉林（七）" in out
    assert "[1] 🗑 确认删除" in out and "[2] 取消，保留资料" in out
    assert "已删除您在本渠道留下的全部资料" in out
    assert "Traceback" not in done.stderr


def test_the_terminal_session_is_kept_between_runs_until_forgotten(data_dir: Path, tmp_path: Path) -> None:
    database = tmp_path / "sessions.sqlite3"
    _chat(["我在巴中跑外卖", "1"], data_dir, database, "--session", "staff")
    again = _chat(["/profile"], data_dir, database, "--session", "staff")
    assert "巴中市" in again.stdout and "灵活就业" in again.stdout
    store = SqlSessionStore(f"sqlite:///{database}")
    secret = read_or_create_secret(None, data_dir)  # the file the chat made in its data directory
    assert store.keys() == [stored_key(secret, "terminal:staff")]
    store.close()


def test_a_multi_select_question_is_compact_and_a_tick_prints_two_lines_not_the_list(
    data_dir: Path, tmp_path: Path
) -> None:
    done = _chat(["我在长春", "1", "1", "2", "1"], data_dir, tmp_path / "sessions.sqlite3")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    listed = out.split("人员类别", 1)[1]
    assert "[1] ⬜ 就业困难人员（已认定）　[2] ⬜ 已办理失业登记" in listed, "several boxes to a line"
    after_ticks = out.rsplit("（继续输入序号勾选或取消", 1)[0]
    assert out.count("就业困难人员（已认定）") <= 3, "the list is not printed again on each tick"
    assert "已选：就业困难人员（已认定）、已办理失业登记" in after_ticks
    assert "已选：已办理失业登记" in out, "unticking says what is left"


def test_a_failing_turn_and_an_overlong_message_are_answered_in_chinese(data_dir: Path, tmp_path: Path) -> None:
    """Every error path of the terminal speaks Chinese: a message over the core's limit gets the
    limit in words, and a turn the database refuses (opened read-only) gets the same apology as
    Telegram, without a traceback in the conversation; the chat goes on."""
    database = tmp_path / "sessions.sqlite3"
    assert _chat(["我在延吉开了个小店", "1"], data_dir, database).returncode == 0  # 1: ✅ 对，继续
    long = _chat(["创" * 1500], data_dir, database)
    assert "消息太长了（1500字）" in long.stdout and "1000字以内" in long.stdout, long.stdout[-500:]
    env_url = f"sqlite:///file:{database}?mode=ro&uri=true"
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--as-of", "2020-06-01"],
        input="我在长春开了个小店\n/profile\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "POLICYBOT_DATA_DIR": str(data_dir), "POLICYBOT_DATABASE_URL": env_url},
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-800:]
    assert "抱歉，刚才出了点问题" in done.stdout, done.stdout[-800:] + done.stderr[-800:]
    assert "Traceback" not in done.stdout and "Error" not in done.stdout
    assert "延吉市" in done.stdout, "the profile is read after the failed turn: the chat went on"
