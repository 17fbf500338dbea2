"""Session 32 (issue 12, task chat37): classes of chats set 24, in our own words —
- asked to look at one's own case (帮我瞅瞅有啥扶持, 你给俺查一下): the check, started at once — never a search of
  the documents for the words, nor "not a policy question"; a place said next is the check's answer;
- a place one goes (or went) to for work (去福建打工, 去深圳当了半年保安) is a destination, not where the person is: the
  card keeps their place, and the question beside it is asked where they live, never "福建 is not covered";
- what an employer gets, asked while the card waits (进一家小厂上班 厂里能拿到啥): answered with the employer's measure
  for hiring people of the speaker's situation — never 请先确认 (the speaker's own check);
- the next question handed back (行 那你继续问吧) while the card waits: the card taken, the check goes on — never a
  search of the last topic;
- a home in the countryside (俺家是乡下的) is a fact for the card, not a message the bot cannot read;
- two tiers of the clause just shown set side by side (中级和高级差几百): that clause's figures for both, never "not a
  policy question"."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize("asked", ["麻烦帮我瞅瞅有啥扶持", "你给俺查一下", "帮我查查都有啥补贴"])
def test_asked_to_look_at_ones_own_case_starts_the_check(dialogue: Dialogue, asked: str) -> None:
    state, replies = say(dialogue, SessionState(), asked, TODAY)
    assert [r.kind for r in replies][-1] == "question", [r.text for r in replies]
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    state, replies = say(dialogue, state, "平顶山", TODAY)
    assert state.profile.get("region") == "平顶山市", [r.text for r in replies]
    assert [r.kind for r in replies][-1] == "question", [r.text for r in replies]


def test_a_place_gone_to_for_work_is_no_place_of_the_persons(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在通江 50岁", TODAY)
    state, replies = say(dialogue, state, "过完年打算跟着村里的人去福建打工 路费给报销不", TODAY)
    assert state.pending.get("region") == "通江县", [r.text for r in replies]
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and answers[0].citations, [r.text for r in replies]
    assert "福建" not in answers[0].text, answers[0].text


def test_a_place_worked_in_and_come_back_from_keeps_the_card_place(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在安岳", TODAY)
    state, replies = say(dialogue, state, "前年去深圳当了半年保安 现在回来了 没事干", TODAY)
    assert state.pending.get("region") == "安岳县", [r.text for r in replies]
    assert state.pending.get("employment_status") == "unemployed", [r.text for r in replies]


def test_what_an_employer_gets_for_hiring_the_speaker_is_answered_while_the_card_waits(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平昌 大专 去年毕业 还没工作", TODAY)
    state, replies = say(dialogue, state, "要是进一家小厂上班 厂里能拿到啥", TODAY)
    assert "bazhong-2018-10" in cited(replies), [r.text for r in replies]
    assert "发给用人单位" in replies[0].text, replies[0].text
    assert [r.kind for r in replies][-1] == "confirm", [r.text for r in replies]
    assert not state.profile, state.profile


def test_the_next_question_handed_back_takes_the_card_and_goes_on(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在商州 没工作", TODAY)
    state, replies = say(dialogue, state, "创业贷款能贷多少", TODAY)
    assert cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, "行 那你继续问吧", TODAY)
    assert state.profile.get("region") == "商州区", [r.text for r in replies]
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    assert [r.kind for r in replies][-1] == "question", [r.text for r in replies]


def test_a_home_in_the_countryside_is_a_fact_for_the_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "叶县的 19 初中没念完", TODAY)
    state, replies = say(dialogue, state, "俺家是乡下的", TODAY)
    assert state.pending.get("rural_labor") is True, [r.text for r in replies]
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]


def test_two_tiers_of_the_shown_clause_set_side_by_side_are_that_clauses_figures(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "吉林 在职考了个初级证 补多少", TODAY)
    assert "jilin-2017-20" in cited(replies), [r.text for r in replies]
    _, replies = say(dialogue, state, "中级和高级差几百", TODAY)
    assert "jilin-2017-20" in cited(replies), [r.text for r in replies]
    said = replies[0].text.split("依据政策原文")[0]
    assert "1500元" in said and "2000元" in said, said
