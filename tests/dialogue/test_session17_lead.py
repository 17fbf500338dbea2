"""Session 17 (lead's walkthrough): what a message says of the person outweighs an older card still waiting,
when an answer marks a measure the person's facts rule out."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState, Turn

TODAY = date(2026, 12, 1)


def test_an_answer_judges_the_person_by_what_this_message_says(dialogue: Dialogue) -> None:
    # 平顶山（二十二）: 对领取失业保险金期满仍未就业的失业人员…发放6个月的失业补助金 — for people out of work.
    first = dialogue.respond(SessionState(), Turn(text="我在延吉农村种地"), TODAY)
    assert first.state is not None and first.state.pending.get("employment_status") == "farming"
    second = dialogue.respond(
        first.state, Turn(text="去年进厂上了一年班，今年又失业了，平顶山的失业补助金我能领吗"), TODAY
    )
    answers = [r for r in second.replies if r.kind == "answer"]
    assert answers and any("pingdingshan-2020-22" in r.clause_ids for r in answers)
    text = "\n".join(r.text for r in answers)
    assert "务农" not in text and "您目前不符合" not in text, text
