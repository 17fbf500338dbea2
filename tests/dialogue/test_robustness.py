"""Nothing a person sends breaks the core: random text (emoji, control characters, mixed
scripts, very long) and random button ids always get polite replies with valid buttons."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.dialogue.core import Dialogue
from bot.dialogue.types import MAX_ACTION_BYTES, SessionState, Turn

WORDS = [
    "是",
    "否",
    "不清楚",
    "长春",
    "北京",
    "四川",
    "我在巴中开了个小店",
    "三年半",
    "去年6月",
    "都不是",
    "/check",
    "/forget",
    "/reset",
    "/profile",
    "对",
    "不对",
    "我参保其实是5年",
    "创业补贴怎么领？",
    "😀",
    "\x00",
    "長春",
    "ｈｅｌｌｏ",
    "傻逼",
    "确定",
    "a",
    "1",
    "？",
    "\u202e",
    "\ud800",
    "ok",
    "2019年毕业的大学生",
]
ACTIONS = [
    "cmd:check",
    "cmd:reset",
    "cmd:profile",
    "cmd:sources",
    "ok",
    "fix",
    "drop",
    "more",
    "done:situation",
    "tick:situation:0",
    "tick:situation:3",
    "ans:region:0",
    "ans:region:9",
    "ans:situation:14",
    "ans:employment_status:1",
    "clause:jilin-2017-07",
    "clause:x",
    "ans::",
    "tick:plans:0",
    "done:plans",
]
texts = st.one_of(
    st.sampled_from(WORDS),
    st.text(min_size=0, max_size=60),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map("，".join),
    st.integers(min_value=990, max_value=1100).map(lambda n: "补" * n),
)
turns = st.one_of(
    texts.map(lambda t: Turn(text=t)),
    st.sampled_from(ACTIONS).map(lambda a: Turn(action=a)),
    st.text(alphabet=st.characters(codec="ascii"), min_size=1, max_size=MAX_ACTION_BYTES).map(lambda a: Turn(action=a)),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(conversation=st.lists(turns, min_size=1, max_size=12))
def test_any_sequence_of_turns_gets_replies_with_valid_buttons(dialogue: Dialogue, conversation: list[Turn]) -> None:
    state = SessionState()
    for turn in conversation:
        outcome = dialogue.respond(state, turn, date(2020, 6, 1))
        assert outcome.replies, turn
        for reply in outcome.replies:
            assert reply.text.strip()
            for action in reply.actions:
                assert action.isascii() and len(action.encode()) <= MAX_ACTION_BYTES
        state = outcome.state or SessionState()
        assert SessionState.model_validate_json(state.model_dump_json()) == state
