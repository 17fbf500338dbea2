"""Session 37 (issue 11, task next38r): a 公益性岗位 said as the speaker's own job is the fact rules34 added
(on_public_welfare_job: whom 巴中（十一）'s 社会保险补贴和岗位补贴 are for) — a post wished for, asked about, held once
or named by its subsidy is not."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.dialogue.core import Dialogue

TODAY = date(2026, 12, 13)


def _read(dialogue: Dialogue, text: str) -> dict[str, Any]:
    return dialogue.describer.describe(text, TODAY).facts


ON_A_POST = [
    "我在社区公益性岗位上班",
    "俺现在干的是公益岗",
    "俺在村里公益岗上干保洁",
    "去年被安置到公益性岗位了，在巴州区",
    "我是就业困难人员，在街道公益性岗位当协管员",
]


@pytest.mark.parametrize("message", ON_A_POST)
def test_a_public_welfare_post_said_as_ones_own_job_is_a_post_held_now(dialogue: Dialogue, message: str) -> None:
    facts = _read(dialogue, message)
    assert facts.get("on_public_welfare_job") is True, facts
    assert facts.get("employment_status") == "employed", facts


NOT_ON_A_POST = [
    "我想干公益性岗位",
    "能不能给俺安排个公益岗",
    "公益性岗位补贴我能领吗",
    "以前在公益性岗位干过",
    "我没在公益性岗位上班",
]


@pytest.mark.parametrize("message", NOT_ON_A_POST)
def test_a_post_wished_for_asked_about_held_once_or_denied_is_no_post_held(dialogue: Dialogue, message: str) -> None:
    assert _read(dialogue, message).get("on_public_welfare_job") is not True
