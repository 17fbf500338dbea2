"""Session 37, walk37's terminal part (issue 12): in the real `policybot chat` subprocess, an empty line (Enter
pressed with nothing typed) is nothing said — the prompt comes back; it is not answered with the notice meant
for a Telegram sticker or photo ("我只能看懂文字消息") and the pending card is not printed again."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.present.prose import prose
from knowledge.kb import KnowledgeBase
from tests.dialogue.test_chat_cli import _chat as run_chat

PROMPT = "\n> "
DESCRIPTION = "俺是舞钢的，今年46，煤矿关了下岗了"


@pytest.fixture
def data_dir(kb: KnowledgeBase, kb_dir: Path) -> Path:
    return kb_dir


@pytest.mark.parametrize("blank", ["", "   ", "\t"], ids=["empty", "spaces", "tab"])
def test_an_empty_line_in_the_terminal_is_nothing_said_and_the_prompt_comes_back(
    data_dir: Path, tmp_path: Path, blank: str
) -> None:
    done = run_chat([DESCRIPTION, blank], data_dir, tmp_path / "s.sqlite3")
    assert done.returncode == 0, done.stderr
    screens = done.stdout.split(PROMPT)
    assert "舞钢市" in screens[1], "the description got its card"
    assert prose().dialogue.notices.text_only not in done.stdout
    assert screens[2].strip() == "", "nothing is printed for the empty line"
