"""Session 27 (issue 12, task chat29): whose a fact is and whether it is said as true now — a plan shared with a
relative is the speaker's own; a kind of people qualifying the household (残疾人家庭) or acted on (组织低保户) is
not the speaker's status; a deed placed ahead (将来开店) is no business run now; a negation corrects what it names
(还没开始创业, 这边没交) instead of answering a list with "none of these"; owning a slip (我刚才打错了) is taken in,
never off-topic. Through the reader, the describer and the dialogue core, in our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.reading import MessageReader
from bot.dialogue.types import Reply, SessionState, Turn
from bot.dialogue.words import load_vocabulary
from tests.dialogue.speaking import reply_texts, say

TODAY = date(2026, 12, 5)


def _reader() -> MessageReader:
    return MessageReader(load_vocabulary())


# -- (A) a plan made with a relative is the speaker's own ---------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "打算和我堂哥合伙在镇上开个修车铺 能贷款吗",
        "准备跟我小舅子一起养土鸡 有扶持没",
        "想同我发小在县城合伙搞个奶茶店 有补贴吗",
    ],
)
def test_a_plan_made_with_a_relative_is_the_speakers(message: str) -> None:
    reading = _reader().read(message)
    assert not reading.others, reading
    assert reading.statement, reading


@pytest.mark.parametrize("message", ["我姐跟我表哥合伙开了个店 有补贴吗", "他和我堂哥一起养鸡 能贷款吗"])
def test_someone_else_named_first_still_does_the_deed(message: str) -> None:
    assert _reader().read(message).others, _reader().read(message)


def test_a_joint_plan_is_answered_without_calling_it_someone_elses(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在通江县 28岁 没工作", TODAY)
    state, replies = say(dialogue, state, "打算和我堂哥合伙在镇上开个修车铺 能贷款吗", TODAY)
    assert not any("别人的情况" in r.text for r in replies), reply_texts(replies)


# -- (B) a household's kind and a relative's fact are not the speaker's status --------------------------------


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("俺家算残疾人家庭 俺爸腿有残疾", "disabled"),
        ("我们家是退役军人家庭 我爷爷当过兵", "veteran"),
    ],
)
def test_a_household_kind_and_a_relatives_fact_are_not_the_speakers(
    dialogue: Dialogue, message: str, fact: str
) -> None:
    state, _ = say(dialogue, SessionState(), "我在平昌 30岁", TODAY)
    state, replies = say(dialogue, state, message, TODAY)
    assert fact not in state.pending and fact not in state.profile, (state.pending, reply_texts(replies))


def test_the_pronoun_inside_a_longer_word_names_no_one() -> None:
    """残疾人家庭: 人家 there is no pronoun, so the relative after it is still told apart."""
    reading = _reader().read("我家是残疾人家庭 我爸有残疾证")
    assert "我爸" in reading.others and "我爸" not in reading.statement, reading


# -- (C) words of a purpose or of what one does to others propose no facts ----------------------------------


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("先学门电工手艺 将来开个小店用 培训给补贴吗", "employment_status"),
        ("带动了几户低保户一起种药材 有奖励不", "household"),
        ("帮扶村里几个残疾人就业 能给点补贴吗", "disabled"),
    ],
)
def test_a_question_naming_a_purpose_or_those_helped_proposes_nothing_of_it(
    dialogue: Dialogue, message: str, fact: str
) -> None:
    state, _ = say(dialogue, SessionState(), "我在南江 31岁 没工作", TODAY)
    state, _ = dialogue_ok(dialogue, state)
    state, replies = say(dialogue, state, message, TODAY)
    assert fact not in state.pending, (state.pending, reply_texts(replies))
    assert state.profile.get(fact) in (None, "unemployed"), state.profile


def dialogue_ok(dialogue: Dialogue, state: SessionState) -> tuple[SessionState, tuple[Reply, ...]]:
    outcome = dialogue.respond(state, Turn(action="ok"), TODAY)
    assert outcome.state is not None
    return outcome.state, outcome.replies


def test_a_deed_after_another_is_still_done(dialogue: Dialogue) -> None:
    """转业以后开了个小饭馆: 以后 after a deed says when it was done, not a plan; 以后 starting a clause is ahead."""
    assert dialogue.describer.describe("转业以后开了个小饭馆", TODAY).facts.get("employment_status") == "self_employed"
    ahead = dialogue.describer.describe("先学门手艺 以后开个小饭馆", TODAY).facts
    assert "employment_status" not in ahead and ahead.get("wants_business") is True, ahead


# -- (D) a negation corrects what it names -------------------------------------------------------------------


def _recorded(dialogue: Dialogue, message: str) -> SessionState:
    state, _ = say(dialogue, SessionState(), message, TODAY)
    state, replies = dialogue_ok(dialogue, state)
    assert replies[-1].kind == "question", reply_texts(replies)
    return state


def test_a_negated_start_mid_interview_proposes_the_change(dialogue: Dialogue) -> None:
    state = _recorded(dialogue, "我在巴州区 返乡创业 交了社保")
    state, replies = say(dialogue, state, "还没开始创业呢", TODAY)
    # Session 28 (walkfix1): not started is no business of one's own yet — the return stays (a 返乡人员 who plans).
    # Nothing was said of a business before, so it is news — shown on the card with the rest (session 42: carded,
    # no longer recorded at once).
    assert state.pending.get("business_form") == "none", (state.pending, reply_texts(replies))
    assert state.profile.get("returning_migrant") is True, (state.profile, reply_texts(replies))
    assert "经营形式：没有" in replies[0].text and replies[0].kind == "confirm", reply_texts(replies)
    # the list of kinds was not answered "none of these" by it
    assert "disabled" not in state.profile, state.profile


def test_insurance_not_paid_here_corrects_the_record(dialogue: Dialogue) -> None:
    state = _recorded(dialogue, "我在巴州区 返乡创业 交了社保")
    state, replies = say(dialogue, state, "社保以前在苏州交的 现在这边没有交", TODAY)
    assert state.pending.get("social_insurance_paid") is False, (state.pending, reply_texts(replies))


@pytest.mark.parametrize("answer", ["没有", "都不是", "没得", "没有这些情况"])
def test_a_bare_no_still_answers_the_list(dialogue: Dialogue, answer: str) -> None:
    state = _recorded(dialogue, "我在巴州区 返乡创业 交了社保")
    state, replies = say(dialogue, state, answer, TODAY)
    assert state.profile.get("disabled") is False, (state.profile, reply_texts(replies))


# -- (E) owning a slip is taken in, never off-topic -----------------------------------------------------------


@pytest.mark.parametrize("message", ["嗯 是那年 我刚才打错了 没错", "好吧 我记混了 对的"])
def test_owning_a_slip_is_taken_in(dialogue: Dialogue, message: str) -> None:
    _, replies = say(dialogue, SessionState(), message, TODAY)
    assert [r.kind for r in replies] == ["notice"], reply_texts(replies)
    assert "就业政策方面" not in replies[0].text, reply_texts(replies)


def test_a_restated_recorded_value_mid_interview_is_taken_in(dialogue: Dialogue) -> None:
    state = _recorded(dialogue, "我是2021年毕业的 在恩阳")
    state, replies = say(dialogue, state, "不对 是21年", TODAY)
    assert replies[0].kind == "notice" and "就业政策方面" not in replies[0].text, reply_texts(replies)
    assert replies[-1].kind == "question", reply_texts(replies)
    assert state.profile.get("graduation_date") == "2021-06-30", state.profile
