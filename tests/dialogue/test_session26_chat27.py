"""Session 26 (issue 12, task chat27): a request for the check that names only a place starts the interview
at once (the first question says which place it goes by); a place where the person only works for a while does
not move a recorded place; asking for anyone else, kin or not, is asking for them — through the dialogue core,
in our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import reply_texts, say

TODAY = date(2026, 12, 8)


def _started_at(dialogue: Dialogue, message: str) -> SessionState:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert all(r.kind != "confirm" for r in replies), reply_texts(replies)
    return state


# -- (a) a request for the check whose only fact is a covered place: the interview, no card -----------


@pytest.mark.parametrize(
    ("message", "region", "said"),
    [
        ("恩阳区 帮我查下补贴", "恩阳区", "巴中市恩阳区"),
        ("我在梅河口 给我测一测", "梅河口市", "吉林省梅河口市"),
        ("俺是商南的 看看俺能享受点啥", "商南县", "商洛市商南县"),
        ("测一下 安岳的", "安岳县", "资阳市安岳县"),
    ],
)
def test_a_check_asked_with_only_a_place_starts_the_interview_saying_the_place(
    dialogue: Dialogue, message: str, region: str, said: str
) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert [r.kind for r in replies] == ["question"], reply_texts(replies)
    assert state.profile.get("region") == region, state.profile
    assert not state.pending, state.pending
    assert said in replies[0].text.splitlines()[0], reply_texts(replies)


def test_the_place_taken_can_be_corrected_at_once(dialogue: Dialogue) -> None:
    state = _started_at(dialogue, "卫东区 帮我算算")
    state, replies = say(dialogue, state, "不对 我在宝丰", TODAY)
    assert state.pending.get("region") == "宝丰县" or state.profile.get("region") == "宝丰县", reply_texts(replies)


@pytest.mark.parametrize(
    "message",
    [
        "我在成都 帮我测测",  # a place no document covers: said on the card, as before
        "我是恩阳的 今年33 帮我查查补贴",  # more than the place told: the card shows it all
    ],
)
def test_a_place_not_covered_or_more_told_still_shows_the_card(dialogue: Dialogue, message: str) -> None:
    _, replies = say(dialogue, SessionState(), message, TODAY)
    assert replies[-1].kind == "confirm", reply_texts(replies)


# -- (b) where the person works for a while does not move the recorded place --------------------------


@pytest.mark.parametrize("told", ["我在重庆打零工", "前年在东莞干了大半年", "之前在宁波打过工"])
def test_a_place_of_temporary_work_mid_interview_keeps_the_recorded_place(dialogue: Dialogue, told: str) -> None:
    state = _started_at(dialogue, "我在通江 帮我测测")
    state, replies = say(dialogue, state, told, TODAY)
    assert state.profile.get("region") == "通江县", state.profile
    assert "region" not in state.pending, (state.pending, reply_texts(replies))
    # (session 42: what the message adds — 打零工 — may wait on the card; never a place where the person is)
    assert all("region" not in r.facts for r in replies if r.kind == "confirm"), reply_texts(replies)
    assert replies[-1].kind in {"question", "confirm"}, reply_texts(replies)


def test_a_place_of_temporary_work_beside_an_answer_keeps_the_recorded_place(dialogue: Dialogue) -> None:
    # The first question at 通江 is the groups one: answered, with where the person works now said beside it.
    state = _started_at(dialogue, "我在通江 帮我测测")
    state, replies = say(dialogue, state, "残疾人 现在在苏州打零工", TODAY)
    assert state.profile.get("region") == "通江县", state.profile
    assert "region" not in state.pending, (state.pending, reply_texts(replies))
    assert state.profile.get("disabled") is True, state.profile


@pytest.mark.parametrize("told", ["我已经搬到长春住了", "我现在在资阳开了个店"])
def test_where_the_person_now_lives_or_runs_a_business_is_proposed(dialogue: Dialogue, told: str) -> None:
    state = _started_at(dialogue, "我在通江 帮我测测")
    state, replies = say(dialogue, state, told, TODAY)
    assert state.pending.get("region") not in (None, "通江县"), (state.pending, reply_texts(replies))


# -- (c) asking for someone who is no relative --------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # no 他 / 她 after: whom it is about is only the one named between 帮/替 and the asking
        "我帮我们村一个瘸腿的小伙子问问 在平昌 30岁 一直没工作",
        "替邻村一个大姐打听一下 在郏县 五十二了 厂里下岗的",
        "我帮一个老乡咨询下，巴州区的，失业半年了，能领啥",
    ],
)
def test_asking_for_a_non_relative_is_asking_for_them(dialogue: Dialogue, message: str) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert not state.profile, state.profile
    # Their facts are never carded as the speaker's: either carded for them, or answered as another's case.
    assert not state.pending or state.for_someone_else, (state.pending, reply_texts(replies))
    assert state.for_someone_else or any("别人的情况" in r.text for r in replies), reply_texts(replies)


@pytest.mark.parametrize(
    "message",
    ["帮我表弟问问 在恩阳 26岁 一直没工作", "我帮我们组一个小伙子问问 在平昌 30岁 一直没上班"],
)
def test_their_case_told_after_the_asking_is_carded_for_them(dialogue: Dialogue, message: str) -> None:
    # 一直没工作 alone reads like search words; told with where they are and their age it is their case.
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert state.for_someone_else and state.pending.get("employment_status") == "unemployed", reply_texts(replies)
    assert not state.profile


def test_asking_for_oneself_or_ones_own_is_still_the_speaker(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "帮我问问 我在通江 28岁", TODAY)
    assert state.pending.get("age") == 28, reply_texts(replies)
    assert not state.for_someone_else
