"""Session 26 (lead, from a newcomer walkthrough): 脱贫户 — what people call a 建档立卡 household today —
is that household category, told alone, through the dialogue core, in our own wording."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 8)


@pytest.mark.parametrize(
    "told",
    ["我是安岳的 今年47 家里是脱贫户", "我在通江 我们是脱贫家庭 想找点活干", "我商州的 家里属于脱贫人口 还没工作"],
)
def test_a_household_lifted_out_of_poverty_is_the_registered_poor_household(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert replies[-1].kind == "confirm", [r.text for r in replies]
    assert "poverty_registered" in (state.pending.get("household") or []), state.pending


def test_a_word_that_sounds_like_a_place_is_no_place_even_as_the_first_text_read() -> None:
    """延期 reads yan qi / yan ji: in a fresh process, before jieba's dictionary had loaded, 能延期不 was
    taken for a slip of 延吉 (a follow-up about a loan's extension answered for 吉林省)."""
    code = (
        "import tempfile; from pathlib import Path; from bot.services import Services; "
        "from bot.settings import Settings; "
        "kb = Services(Settings(data_dir=Path(tempfile.mkdtemp()), embedding_model=None, chroma_url=None)).knowledge; "
        "print(kb.retriever.retrieve('能延期不').analysis.region.place)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYBOT_")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300, check=True
    )
    assert done.stdout.strip() == "None", done.stdout
