"""Session 25 (issue 12, task chat22): the classes of chats set 17's failed turns — through the dialogue core, in
our own wording (written from the source texts, not from the set's phrasing)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 10)


# -- (a) asking what oneself can get, with nothing else said, starts the check -----------------------------


@pytest.mark.parametrize(
    "said",
    [
        "帮我瞧下我能拿些啥子补助",
        "看看俺能领点啥",
        "我能享受些什么政策",
        "想领补贴 帮我看下够不够条件",
        "瞅瞅我符不符合条件",
    ],
)
def test_asking_what_oneself_can_get_starts_the_check(dialogue: Dialogue, said: str) -> None:
    # Nothing told, nothing named to look up: the documents cannot answer "what can I get" — the check can, so
    # it asks its first question (where the person is), never 没有找到 from the documents.
    state, replies = say(dialogue, SessionState(), said, TODAY)
    assert [r.kind for r in replies] == ["question"], [r.text for r in replies]
    assert "地方" in replies[0].text and not state.pending and not state.profile, replies[0].text


def test_what_someone_else_gets_is_still_not_the_speakers_check(dialogue: Dialogue) -> None:
    # 他够不够条件 is someone else's; 能享受点啥 after a story still asks of that story (answered, then carded).
    _, replies = say(dialogue, SessionState(), "我在平昌开了个养鸡场 能享受点啥", TODAY)
    assert replies[0].kind == "answer" and replies[-1].kind == "confirm", [r.text for r in replies]


# -- (b) a place owned by the speaker (在我们那儿) does not make a question about a group the speaker's -------


@pytest.mark.parametrize(
    "asked", ["想问下 在我们那边 当过兵回来的 政府给安排不", "请问 在我们镇上 大学毕业没找着活的 政府管吗"]
)
def test_a_question_about_a_group_at_the_speakers_place_states_nothing_of_the_speaker(
    dialogue: Dialogue, asked: str
) -> None:
    state, _ = say(dialogue, SessionState(), "帮我查下补贴", TODAY)
    state, _ = say(dialogue, state, "洛南县", TODAY)
    after, replies = say(dialogue, state, asked, TODAY)
    assert all(r.kind != "confirm" for r in replies), [r.text for r in replies]
    assert not after.pending and after.profile == state.profile, (after.pending, after.profile)
    assert replies[-1].kind == "question", [r.text for r in replies]


def test_the_speaker_at_a_place_of_their_own_still_tells(dialogue: Dialogue) -> None:
    # 我在我们村开了个小卖部: the 我 before it is the speaker — what follows is told.
    state, replies = say(dialogue, SessionState(), "我在我们村开了个小卖部 在恩阳 有补贴吗", TODAY)
    assert replies[-1].kind == "confirm", [r.text for r in replies]
    assert state.pending.get("employment_status") == "self_employed", state.pending


# -- (c) markup around words is no instruction: the words are read; markup alone is still declined ------------


@pytest.mark.parametrize(
    "typed", ["<i>巴中</i> 返乡创业 <u>有什么扶持</u>", "<style>p{color:red}</style>巴中返乡创业有什么扶持"]
)
def test_markup_around_a_question_is_read_without_it(dialogue: Dialogue, typed: str) -> None:
    state, replies = say(dialogue, SessionState(), typed, TODAY)
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and answers[0].clause_ids, [r.text for r in replies]
    assert all(c.startswith("bazhong") for c in answers[0].clause_ids), answers[0].clause_ids
    assert not any("<" in r.text for r in replies) and not state.pending, [r.text for r in replies]


def test_markup_alone_is_still_declined(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "<iframe src=//x.example></iframe>", TODAY)
    # (Session 36: the decline is the reply to what was sent — an answer citing nothing.)
    assert [r.kind for r in replies] == ["answer"] and not replies[0].clause_ids, [r.text for r in replies]
    assert not state.pending, [r.text for r in replies]


# -- (d) the speaker's frame said in English around Chinese words tells of the speaker --------------------------


@pytest.mark.parametrize(
    ("said", "place"),
    [("I'm in 图们, 退伍军人", "图们市"), ("I am in 叶县, 残疾人", "叶县"), ("I’m in 安岳 贫困户", "安岳县")],
)
def test_the_speakers_frame_in_english_tells_of_the_speaker(dialogue: Dialogue, said: str, place: str) -> None:
    # 退伍军人 after I'm in 图们 is the speaker (我在图们，退伍军人), not a group asked about.
    state, replies = say(dialogue, SessionState(), said, TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending.get("region") == place and len(state.pending) > 1, state.pending
