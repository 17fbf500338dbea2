"""Session 18 (lead's walkthrough): a message about a different relative while the check is for another one
is about a second person — answered, never merged into the first one's facts."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState, Turn

TODAY = date(2026, 12, 1)


def _for_the_son(dialogue: Dialogue) -> SessionState:
    first = dialogue.respond(SessionState(), Turn(text="帮我儿子问问，他前年大专毕业，在巴中开了个修车铺"), TODAY)
    assert first.state is not None and first.state.for_someone_else
    assert first.state.pending.get("region") == "巴中市"
    return first.state


def test_a_second_relatives_situation_is_not_merged_into_the_first(dialogue: Dialogue) -> None:
    state = _for_the_son(dialogue)
    second = dialogue.respond(state, Turn(text="我女儿在资阳找工作，资阳有没有求职补贴"), TODAY)
    assert second.state is not None
    # The son's card keeps his place; the daughter's city and job-seeking are not his.
    assert second.state.pending.get("region") == "巴中市", second.state.pending
    assert "job_seeking" not in second.state.pending
    assert any(r.kind == "answer" and any(c.startswith("ziyang") for c in r.clause_ids) for r in second.replies)
    notes = [r.text for r in second.replies if r.kind == "notice"]
    # (Session 34: the way to her is her own check — the 👪 button; 重新开始 would clear the son's facts too.)
    assert any("女儿" in n and "帮家人查" in n and "重新开始" not in n for n in notes), notes


def test_the_same_relative_named_again_still_adds_to_their_facts(dialogue: Dialogue) -> None:
    state = _for_the_son(dialogue)
    second = dialogue.respond(state, Turn(text="我儿子的店开了两年了"), TODAY)
    assert second.state is not None
    assert second.state.pending.get("region") == "巴中市"
    assert not [r for r in second.replies if r.kind == "notice" and "重新开始" in r.text]
    assert second.state.pending.get("business_months") == 24
