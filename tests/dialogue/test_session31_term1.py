"""Session 31, term1 (walk29's terminal part, issue 12): through the real `policybot chat` subprocess —
a place said as "here" in the first message's question goes on the card (the interview never asks it
again); of the replies to one message only the last list of buttons is numbered; a no in the person's own
words to the interview's question (哪来的失业金) is its answer, and what the message adds (从来没买过社保) is
recorded, never searched for. The dialogue readings are the core's, shared by the web: checked through
`Conversations` (the web's turn handler) too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.chat_cli import turn_for
from bot.dialogue.service import Conversations
from bot.dialogue.types import Reply, Turn
from knowledge.kb import KnowledgeBase
from tests.dialogue.test_chat_cli import _chat as run_chat

PROMPT = "\n> "
# (The school names the place; the question says it is "here".)
GRADUATE_THERE = "嗨 我是资阳环境科技职业学院今年的毕业生 学护理的 工作还没着落 资阳这里有什么补助"
# To 您领取失业保险金的情况是？: a graduate in 平顶山, no groups, looking for work, no graduate details.
TO_THE_BENEFIT_QUESTION = ["我是今年毕业的大专生 人在平顶山 还没工作", "1", "都不是", "1", "4", "都不是"]


def _chat(lines: list[str], data_dir: Path, database: Path) -> str:
    done = run_chat(lines, data_dir, database)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def _screens(out: str) -> list[str]:
    """What was printed after each message typed (the banner first; the last prompt, at the end of input,
    left out)."""
    return out.split(PROMPT)[:-1]


@pytest.fixture
def data_dir(kb: KnowledgeBase, kb_dir: Path) -> Path:
    return kb_dir


def test_a_place_said_as_here_in_the_question_goes_on_the_card_and_is_not_asked_again(
    data_dir: Path, tmp_path: Path
) -> None:
    screens = _screens(_chat([GRADUATE_THERE, "1"], data_dir, tmp_path / "s.sqlite3"))
    assert "所在地区：资阳市" in screens[1]
    assert "您住在哪里" not in screens[2]


@pytest.mark.parametrize("told", ["去年从商洛学院毕业了 一直待业在家 商洛这边对没工作的大学生有啥扶持"])
def test_here_after_the_place_in_other_words(conversations: Conversations, told: str) -> None:
    card = next(r for r in conversations.handle("h", Turn(text=told)) if r.kind == "confirm")
    assert "所在地区：商洛市" in card.text


def test_only_the_last_list_of_one_screen_is_numbered(data_dir: Path, tmp_path: Path) -> None:
    screens = _screens(_chat([GRADUATE_THERE, "1"], data_dir, tmp_path / "s.sqlite3"))
    first = screens[1]
    # An answer with its buttons, then the card: one [1] on the screen — the card's.
    assert "· 📄 查看条款原文" in first
    assert re.findall(r"\[1\] [^\n]*", first) == ["[1] ✅ 对，继续"]
    assert "✔️ 好的，已记下" in screens[2]  # "1" pressed the card's 对，继续


def test_a_no_in_own_words_answers_the_interview_question_and_what_it_adds_is_recorded(
    data_dir: Path, tmp_path: Path
) -> None:
    lines = [*TO_THE_BENEFIT_QUESTION, "还没上过班 哪来的失业金 从来没买过社保"]
    screens = _screens(_chat(lines, data_dir, tmp_path / "s.sqlite3"))
    assert "您领取失业保险金的情况是" in screens[-2]
    last = screens[-1]
    assert "✔️ 不符合领取条件" in last
    assert "参加失业保险：否" in last and "缴纳社会保险费：否" in last
    assert "依据政策原文" not in last  # never searched for as a question
    assert "您是否参加了失业保险" not in last  # nor asked what was just said


def _texts(replies: Sequence[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def _typed(conversations: Conversations, key: str, lines: list[str]) -> Sequence[Reply]:
    """Lines typed as in the terminal (a number presses a button of the last list); the last replies."""
    replies: Sequence[Reply] = ()
    for line in lines:
        last = next((r for r in reversed(replies) if r.buttons), None)
        buttons = [b for row in last.buttons for b in row] if last is not None else []
        free = bool(replies) and replies[-1].kind == "question" and replies[-1].free_text
        replies = conversations.handle(key, turn_for(line, buttons, free))
    return replies


def test_the_web_turn_handler_reads_the_same(conversations: Conversations) -> None:
    first = conversations.handle("w", Turn(text=GRADUATE_THERE))
    card = next(r for r in first if r.kind == "confirm")
    assert "资阳市" in card.text
    after = _texts(conversations.handle("w", Turn(action=card.buttons[0][0].action)))
    assert "您住在哪里" not in after


def test_the_web_turn_handler_takes_a_denial_of_the_benefit_as_the_answer(conversations: Conversations) -> None:
    replies = _typed(conversations, "w2", TO_THE_BENEFIT_QUESTION)
    assert "您领取失业保险金的情况是" in _texts(replies)
    said = _texts(conversations.handle("w2", Turn(text="毕业就没上过班 失业金肯定领不到")))
    assert "✔️ 不符合领取条件" in said and "依据政策原文" not in said


@pytest.mark.parametrize(
    "typed",
    [
        "没交过五险 失业金哪儿来的",  # the order turned: still a no to both
        "根本没有失业金",
    ],
)
def test_other_wordings_of_the_no_are_answers(conversations: Conversations, typed: str) -> None:
    _typed(conversations, "w3", TO_THE_BENEFIT_QUESTION)
    said = _texts(conversations.handle("w3", Turn(text=typed)))
    assert "✔️ 不符合领取条件" in said


def test_a_question_about_the_benefit_mid_interview_is_still_answered(conversations: Conversations) -> None:
    _typed(conversations, "w4", TO_THE_BENEFIT_QUESTION)
    said = _texts(conversations.handle("w4", Turn(text="失业金去哪里申请？")))
    assert "✔️ 不符合领取条件" not in said
