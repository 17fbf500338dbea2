"""Session 38 (issue 11, task next39r): what the chat reads for the eligibility leftovers of set 30 and the walk —
hires to come (还要再招几个: what opens a number of hires the unit is short of), and 西南官话 莫得 as a no
(walk38 T15: not understood, the same question was asked again)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue

TODAY = date(2018, 11, 12)


@pytest.mark.parametrize("message", ["今年招了6个人 计划年底前再招几个", "明年打算再雇两个", "厂里还要继续招人"])
def test_hires_to_come_are_read_as_the_unit_hiring_more(dialogue: Dialogue, message: str) -> None:
    facts = dialogue.describer.describe(message, TODAY).facts
    assert facts.get("unit_hiring_more") is True, facts
    assert facts.get("hiring_staff") is True, facts


@pytest.mark.parametrize("message", ["我开了个饭店，不再招人了", "我雇了3个人"])
def test_hires_made_or_more_denied_are_no_hires_to_come(dialogue: Dialogue, message: str) -> None:
    assert "unit_hiring_more" not in dialogue.describer.describe(message, TODAY).facts
