"""Session 29 (issue 12, task chat31): classes of failure read in chats set 21 and last session's leftovers — a
first message that only says where the person is and that they want to ask (商南这边的 想咨询一下) starts the check
there; a bare question for help in general (有啥补贴) from someone who has told nothing starts it too, after the
kinds of help; a place named with a deed of the past (在沈阳开过店, 在德阳打工时考的证, 前年回的老家) is where the
person was, no place of theirs and no jurisdiction asked. In our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import region_of, reply_texts, say

TODAY = date(2026, 12, 5)
_OFF_TOPIC = "这不是就业政策方面的问题"


# -- (A) a wish to ask beside a place, or help in general asked bare: the check starts ----------------------------


@pytest.mark.parametrize(
    ("message", "place"),
    [("商南这边的 想咨询一下", "商南县"), ("我是郏县的 想问点事情", "郏县"), ("想了解下就业方面的 我在敦化", "敦化市")],
)
def test_a_wish_to_ask_beside_a_place_starts_the_check_there(dialogue: Dialogue, message: str, place: str) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert replies and replies[-1].kind in {"question", "results"}, reply_texts(replies)
    assert not any(_OFF_TOPIC in r.text for r in replies), reply_texts(replies)
    assert state.profile.get("region") == place, state.profile


def test_a_wish_about_someone_else_starts_no_check_of_the_speaker(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我表哥在恩阳 想问点事", TODAY)
    assert "region" not in state.profile, state.profile


def test_a_place_with_a_question_of_its_own_is_answered_not_started(dialogue: Dialogue) -> None:
    """恩阳区的 想问下创业担保贷款能贷多少: a question the documents answer, not a bare wish."""
    _, replies = say(dialogue, SessionState(), "恩阳区的 想问下创业担保贷款能贷多少", TODAY)
    assert any(r.kind == "answer" and r.citations for r in replies), reply_texts(replies)


@pytest.mark.parametrize("message", ["都有些啥补贴", "你好 我想问问政策方面的事"])
def test_help_in_general_asked_bare_starts_the_interview(dialogue: Dialogue, message: str) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert replies[-1].kind == "question", reply_texts(replies)
    assert "创业担保贷款" in replies[0].text, reply_texts(replies)
    state, replies = say(dialogue, state, "安岳", TODAY)
    assert state.profile.get("region") == "安岳县", state.profile
    assert replies[-1].kind in {"question", "results"}, reply_texts(replies)


def test_help_in_general_after_a_story_still_goes_by_the_story(dialogue: Dialogue) -> None:
    """Told first, then 有啥补贴: asked of what was told (the card stays), never the interview from scratch."""
    state, _ = say(dialogue, SessionState(), "我在巴州区 开了个面馆两年了", TODAY)
    assert state.pending
    state, replies = say(dialogue, state, "有啥补贴", TODAY)
    assert not state.interviewing or state.pending, reply_texts(replies)


# -- (B) a place named with a deed of the past: where the person was ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["我老婆以前在大连开过小吃店 她能一起弄吗", "那年在西宁打工时拿的焊工证 现在还能补吗"],
)
def test_a_place_of_a_past_deed_is_neither_the_persons_nor_asked(dialogue: Dialogue, question: str) -> None:
    state, _ = say(dialogue, SessionState(), "我在珲春 今年35 开了个修车铺一年多了", TODAY)
    assert region_of(state) == "珲春市", state.pending
    state, replies = say(dialogue, state, question, TODAY)
    assert region_of(state) == "珲春市", (state.pending, reply_texts(replies))
    assert not any(r.answer_status == "region_not_covered" for r in replies), reply_texts(replies)


@pytest.mark.parametrize(
    ("story", "place"),
    [("我在宁波电子厂干了七年 去年回的老家南江 想养鸡", "南江县"), ("以前在广州跑过快递 现在回到商州了", "商州区")],
)
def test_the_place_come_back_to_is_the_persons(dialogue: Dialogue, story: str, place: str) -> None:
    state, replies = say(dialogue, SessionState(), story, TODAY)
    assert region_of(state) == place, (state.pending, reply_texts(replies))


def test_a_deed_there_now_is_still_where_the_person_is(dialogue: Dialogue) -> None:
    """我在乐至开了个店 (no 过, no time gone by): where the business runs is where the person is."""
    state, _ = say(dialogue, SessionState(), "我在乐至开了个卤菜店 有补贴不", TODAY)
    assert region_of(state) == "乐至县", state.pending


# -- (C) a statement in the words of the clauses just cited, while the card waits: which case is theirs ------------


def test_saying_which_case_of_the_last_answer_is_theirs_is_answered(dialogue: Dialogue) -> None:
    """我属于自主就业的 after 退伍兵政府安排工作吗: no fact the card reads, no question — the last answer's
    clause speaks of it, so it is asked against that answer, never 没太明白; the card waits still."""
    state, _ = say(dialogue, SessionState(), "我是从部队退下来的 回到巴州区了 今年28", TODAY)
    assert state.pending
    state, replies = say(dialogue, state, "退伍兵政府给安排工作吗", TODAY)
    assert any(r.citations for r in replies), reply_texts(replies)
    state, replies = say(dialogue, state, "我属于自主就业的", TODAY)
    assert any(r.kind == "answer" and "bazhong-2018-14" in r.clause_ids for r in replies), reply_texts(replies)
    assert state.pending.get("region") == "巴州区", state.pending
    assert state.pending.get("veteran") == "soldier_self_employed", state.pending
    assert not any("没太明白" in r.text for r in replies), reply_texts(replies)


def test_a_case_denied_is_no_case_to_look_up(dialogue: Dialogue) -> None:
    """我不属于那种 after the same answer: says what the person is not — never the last answer again."""
    state, _ = say(dialogue, SessionState(), "我是从部队退下来的 回到巴州区了 今年28", TODAY)
    state, _ = say(dialogue, state, "退伍兵政府给安排工作吗", TODAY)
    state, replies = say(dialogue, state, "我不属于安排工作的", TODAY)
    assert not any(r.kind == "answer" for r in replies), reply_texts(replies)


def test_words_the_last_answer_never_spoke_of_are_still_not_understood(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我是从部队退下来的 回到巴州区了 今年28", TODAY)
    state, _ = say(dialogue, state, "退伍兵政府给安排工作吗", TODAY)
    state, replies = say(dialogue, state, "嗯嗯啊啊", TODAY)
    assert not any(r.kind == "answer" for r in replies), reply_texts(replies)


# -- (D) words of the south-west: 没得 is 没有, 要得 is a yes ---------------------------------------------------------


def test_mei_de_work_is_out_of_work_and_yao_de_confirms(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我是恩阳的 三十五了 这两年一直没得活干", TODAY)
    assert state.pending.get("employment_status") == "unemployed", state.pending
    state, replies = say(dialogue, state, "要得", TODAY)
    assert state.profile.get("employment_status") == "unemployed" and not state.pending, reply_texts(replies)


# -- (E) a place run together with an aspect after an answer: the last answer moved there ---------------------------


def test_a_place_run_together_with_an_aspect_moves_the_last_answer(dialogue: Dialogue) -> None:
    """资阳标准 after a 技能提升补贴 answer in 吉林: as 资阳 标准 typed apart — the same question there, no card."""
    state, _ = say(dialogue, SessionState(), "吉林职工考了中级证 技能提升补贴多少钱", TODAY)
    state, replies = say(dialogue, state, "资阳标准", TODAY)
    assert not state.pending, state.pending
    assert any(r.kind == "answer" and any(c.startswith("ziyang-") for c in r.clause_ids) for r in replies), reply_texts(
        replies
    )
