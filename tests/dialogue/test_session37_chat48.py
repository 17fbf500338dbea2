"""Session 37 (issues 12 and 10, task chat48): which answer a follow-up gets in a chat — classes of chats set 29,
in our own wording (written from the source texts, not the set's)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 13)


# -- (1) a follow-up of question words alone asks the thread's measure --------------------------------------------
# A question word (啥时候, 什么时候) and the payers a payer question offers (单位出还是个人出) name nothing: the
# follow-up has no topic of its own and is asked of the measure just shown, where its document applies.

ASKED_OF_THE_MEASURE_SHOWN = [
    ("资阳参保职工技能提升补贴有多少", "啥时候之前要去申请", "ziyang-2017-22"),
    ("吉林技能提升补贴多少钱", "是单位出还是个人出", "jilin-2017-20"),
    ("平顶山就业见习补贴给多少", "这个是企业出还是政府出", "pingdingshan-2020-13"),
]


@pytest.mark.parametrize(("first", "then", "clause"), ASKED_OF_THE_MEASURE_SHOWN)
def test_a_follow_up_of_question_words_or_offered_payers_is_asked_of_the_measure_just_shown(
    dialogue: Dialogue, first: str, then: str, clause: str
) -> None:
    state, replies = say(dialogue, SessionState(), first, TODAY)
    assert clause in cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, then, TODAY)
    assert clause in cited(replies), [r.text for r in replies]
    assert not state.profile and state.thread is not None and state.thread.found, state


# -- (2) another place asks the shown measure by a name that place's documents could hold -------------------------
# 省级农民工返乡创业基地（园区）资金补助 is one document's own name: asked in 巴中 by it, the answer could only say 巴中
# has no such thing. Another place is asked by the measure's other name that holds the words asked (返乡创业基地补助).

ANOTHER_PLACE_BY_A_NAME_IT_COULD_HOLD = [
    ("吉林返乡创业基地补多少", "那巴中的呢", "bazhong-2018-06"),
]


@pytest.mark.parametrize(("first", "then", "clause"), ANOTHER_PLACE_BY_A_NAME_IT_COULD_HOLD)
def test_another_place_is_asked_the_shown_measure_by_a_name_its_documents_could_hold(
    dialogue: Dialogue, first: str, then: str, clause: str
) -> None:
    state, replies = say(dialogue, SessionState(), first, TODAY)
    assert cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, then, TODAY)
    assert clause in cited(replies), [r.text for r in replies]
    assert not state.profile, state
