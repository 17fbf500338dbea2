"""Session 38 (issue 12, task next38c): classes of what the chat understands, found by the newcomer walk of session 37
(walk37 C1-C6) and left on chats set 29 — in our own wording, written from the source texts."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.present.prose import prose
from tests.dialogue.speaking import cited, press, say

TODAY = date(2026, 12, 13)


def _texts(replies: tuple[object, ...]) -> list[str]:
    return [getattr(r, "text", "") for r in replies]


# -- (a) 那我自己呢 in a relative's check starts the speaker's own: the relative set aside, never their facts -------

# (the relative's situation told, then how far their check went before the speaker turns to themselves)
_RELATIVE = "替我爸问问 他在东丰县 今年60 在家种地"


@pytest.mark.parametrize("confirmed", [False, True], ids=["card waiting", "card confirmed"])
def test_turning_to_oneself_alone_starts_ones_own_check_and_keeps_the_relatives(
    dialogue: Dialogue, confirmed: bool
) -> None:
    state, _ = say(dialogue, SessionState(), _RELATIVE, TODAY)
    if confirmed:
        state, _ = press(dialogue, state, "ok", TODAY)
    assert state.for_someone_else, state
    state, replies = say(dialogue, state, "那我自己呢", TODAY)
    assert replies[-1].kind == "question" and not cited(replies), _texts(replies)
    assert not state.for_someone_else and "age" not in state.profile and not state.pending, state
    # The father's check is kept aside, as the 👤 button brings it back.
    assert any(s.for_someone_else and (s.profile or s.pending).get("age") == 60 for s in state.others), state.others


def test_turning_to_oneself_with_only_ones_place_starts_ones_own_check_there(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), _RELATIVE, TODAY)
    state, _ = say(dialogue, state, "他这样能领啥补贴", TODAY)
    state, replies = say(dialogue, state, "那我自己呢 我在长春", TODAY)
    assert replies[-1].kind == "question" and not cited(replies), _texts(replies)
    assert not state.for_someone_else and state.profile == {"region": "长春市"}, (state.profile, state.pending)


def test_turning_to_oneself_telling_more_than_the_place_shows_the_place_as_ones_own_on_a_card(
    dialogue: Dialogue,
) -> None:
    state, _ = say(dialogue, SessionState(), "我表哥在西安上班 被裁了 能领啥", TODAY)
    state, replies = say(dialogue, state, "那我呢 我在通江县 跟他一个单位 还没被裁", TODAY)
    assert any(r.kind == "confirm" for r in replies) and not cited(replies), _texts(replies)
    assert state.pending.get("region") == "通江县" and not state.for_someone_else, state.pending


# -- (b) a question about opening a business of a named kind speaks of work: never "not employment policy" --------


@pytest.mark.parametrize(
    "message",
    ["不行，说得太笼统了，我就想知道开个烩面馆政府能给多少钱", "开个饺子馆政府能给多少钱"],
)
def test_a_question_about_money_for_opening_a_named_kind_of_business_is_never_off_topic(
    dialogue: Dialogue, message: str
) -> None:
    # 平顶山's document has no 创业补贴 of its own: the honest reply is a gap (12333, the staff queue), never
    # 不是就业政策.
    state, _ = say(dialogue, SessionState(), "我是宝丰县的", TODAY)
    state, replies = say(dialogue, state, message, TODAY)
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and answers[0].text != prose().dialogue_reading.off_topic, _texts(replies)
    assert answers[0].asked is not None, answers[0]


# -- (c) a correction is routed as a correction first: its 不是 / 说错了 is never a no to the yes/no question waiting --


def _until_asked(dialogue: Dialogue, told: str, fact: str) -> SessionState:
    """A conversation told `told`, its card confirmed, every question answered by its first option (or 都不是)
    until the question of `fact` is asked."""
    state, replies = say(dialogue, SessionState(), told, TODAY)
    state, replies = press(dialogue, state, "ok", TODAY)
    for _ in range(15):
        asked = replies[-1]
        assert asked.kind == "question", _texts(replies)
        if asked.asks == fact:
            return state
        pressed = [b.action for row in asked.buttons for b in row]
        action = next((a for a in pressed if a.startswith("none:")), None) or next(
            a for a in pressed if a.startswith("ans:")
        )
        state, replies = press(dialogue, state, action, TODAY)
    raise AssertionError(f"{fact} never asked")


@pytest.mark.parametrize(
    "correction", ["我刚才说错了，我是前年秋天被裁的，不是去年", "记错了 不是去年 是前年秋天被裁的"]
)
def test_a_correction_while_a_yes_or_no_question_waits_answers_nothing(dialogue: Dialogue, correction: str) -> None:
    state = _until_asked(dialogue, "我在郏县 今年45 去年秋天厂里裁员 我没工作了", "living_difficulty")
    state, replies = say(dialogue, state, correction, TODAY)
    assert "living_difficulty" not in state.profile, _texts(replies)
    # (session 42: the new date waits on the card; the yes/no question is asked again once it is confirmed)
    assert replies[-1].kind in {"question", "confirm"}, _texts(replies)
    if replies[-1].kind == "confirm":
        state, replies = say(dialogue, state, "对", TODAY)
    assert "living_difficulty" not in state.profile, _texts(replies)
    assert replies[-1].kind == "question" and replies[-1].asks == "living_difficulty", _texts(replies)


@pytest.mark.parametrize(
    "told", ["我在郏县 今年45 去年秋天厂子关了 我下岗了", "我叶县的，前年矿上停产关了，俺就失业了"]
)
def test_when_the_workplace_closed_says_since_when_the_person_is_out_of_work(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert state.pending.get("employment_status") == "unemployed", _texts(replies)
    assert isinstance(state.pending.get("unemployed_months"), int), state.pending


# -- (d) asking what one gets while the check asks its questions is answered: the check is under way, what it gives --


@pytest.mark.parametrize("request_", ["我能拿到啥补贴，给我算算", "帮我查查我能领啥"])
def test_asking_what_one_gets_mid_interview_is_told_the_check_answers_it(dialogue: Dialogue, request_: str) -> None:
    state, _ = say(dialogue, SessionState(), "我在郏县 今年45 没工作", TODAY)
    state, replies = press(dialogue, state, "ok", TODAY)
    asked = replies[-1]
    assert asked.kind == "question", _texts(replies)
    state, replies = say(dialogue, state, request_, TODAY)
    assert replies[0].text == prose().dialogue_reading.check_underway, _texts(replies)
    assert replies[-1].kind == "question" and replies[-1].asks == asked.asks, _texts(replies)


# -- (e) a correction of what was told of the one the last question was about asks that question again for them ----


def test_a_correction_of_a_relatives_fact_after_a_question_about_them_is_answered_again(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平昌 今年50 没工作", TODAY)
    state, replies = say(dialogue, state, "我儿子2026年大专毕业，想找个单位见习，有啥政策？", TODAY)
    assert cited(replies), _texts(replies)
    state, replies = say(dialogue, state, "不对，我记错了，儿子是2027年毕业", TODAY)
    assert cited(replies) and replies[0].kind == "answer", _texts(replies)
    assert state.pending.get("age") == 50 and "graduation_date" not in state.pending, state.pending
