"""Session 37 prepared (issue 12, task next37d): walk36's W36 and W27 redone after the review of walkfix36.

W36: in a relative's check (帮家人查) an answer's sentence about the one checked names them (您父亲目前不符合);
which sentences are said to the speaker is marked on the templates (bot/present/prose.yaml answers.to_speaker),
never guessed from phrases — so results still say ✅ 您父亲可以享受.
W27: 没交社保 after 创业后参加社会保险：是 flips that yes/no fact — only when the message says it of the speaker,
of now, in a clause of their own (不对，我没交社保); never what is said of staff, a wife, or before the business."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.describe import Description
from bot.dialogue.negations import contradicted
from bot.dialogue.types import Reply, SessionState
from bot.present.prose import prose
from tests.dialogue.speaking import press, reply_texts, say

TODAY = date(2026, 12, 6)

FATHER = "我爸，58岁，在安岳，在家务农，有残疾证"
OWNER = "我在安岳开了个小店，是个体工商户，创业后交了社保"


def _fathers_check(dialogue: Dialogue) -> SessionState:
    state, _ = say(dialogue, SessionState(), "帮家人查", TODAY)
    state, replies = say(dialogue, state, FATHER, TODAY)
    assert state.for_someone_else and state.pending, reply_texts(replies)
    state, replies = press(dialogue, state, "ok", TODAY)
    assert state.profile.get("age") == 58, reply_texts(replies)
    return state


def _owners_card(dialogue: Dialogue) -> SessionState:
    state, replies = say(dialogue, SessionState(), OWNER, TODAY)
    state, replies = press(dialogue, state, "ok", TODAY)
    assert state.profile.get("business_insured") is True, reply_texts(replies)
    return state


# -- W36: a misfit said of the relative checked names the relative ----------------------------------------------------


@pytest.mark.parametrize("asked", ["他能领社保补贴吗", "他能领技能提升补贴吗"])
def test_a_misfit_in_a_relatives_check_names_the_relative_and_keeps_what_the_speaker_said(
    dialogue: Dialogue, asked: str
) -> None:
    state = _fathers_check(dialogue)
    state, replies = say(dialogue, state, asked, TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "不符合" in answer.text, answer.text
    assert "您目前不符合" not in answer.text and "您父亲目前不符合" in answer.text, answer.text
    assert "按您说的情况" in answer.text, answer.text


def test_the_speakers_own_question_in_a_relatives_check_is_still_said_to_the_speaker(dialogue: Dialogue) -> None:
    state = _fathers_check(dialogue)
    state, replies = say(dialogue, state, "我自己在资阳能领创业补贴吗", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "您父亲" not in answer.text, answer.text


def test_a_relatives_results_heading_still_names_the_relative(dialogue: Dialogue) -> None:
    # Review finding 3: walkfix36's phrase list took 您可以 for words to the speaker, so 您可以享受 stayed.
    heading = prose().dialogue.results.count.format(title=prose().dialogue.results.eligible, count=2)
    said = Reply(kind="results", text=f"{heading}\n· 一次性创业补贴：您可以申请，最高5000元")
    text = dialogue.subjects._of_the_relative(said, "父亲").text
    assert "您父亲可以享受" in text and "您可以" not in text, text


def _templates(node: object, path: str = "") -> dict[str, str]:
    if isinstance(node, str):
        return {path: node}
    items = node.items() if isinstance(node, dict) else ((k, getattr(node, k)) for k in type(node).model_fields)
    out: dict[str, str] = {}
    for key, value in items:
        if key != "to_speaker":
            out.update(_templates(value, f"{path}.{key}".lstrip(".")))
    return out


def test_answer_templates_said_to_the_speaker_keep_you_and_the_others_name_the_relative() -> None:
    words = prose().answers
    plain, renamed = _templates(words), _templates(words.of_relative("父亲"))
    assert set(words.to_speaker) <= set(plain)
    for key, text in plain.items():
        if key in words.to_speaker:
            assert renamed[key] == text, key
        else:
            assert re.search(r"您(?!家|父亲)", renamed[key]) is None, (key, renamed[key])


# -- W27: a fact said the other way flips the card's yes/no fact that settled it -------------------------------------


@pytest.mark.parametrize("confirm_first", [False, True])
def test_no_social_insurance_said_after_insured_since_starting_flips_the_business_insurance(
    dialogue: Dialogue, confirm_first: bool
) -> None:
    state, replies = say(dialogue, SessionState(), OWNER, TODAY)
    assert state.pending.get("business_insured") is True, reply_texts(replies)
    if confirm_first:
        state, replies = press(dialogue, state, "ok", TODAY)
        assert state.profile.get("business_insured") is True, reply_texts(replies)
    state, replies = say(dialogue, state, "不对，我没交社保", TODAY)
    assert state.pending.get("social_insurance_paid") is False, (reply_texts(replies), state.pending)
    assert state.pending.get("business_insured") is False, (reply_texts(replies), state.pending)
    card = next(r for r in replies if r.kind == "confirm")
    assert re.search(r"创业后参加社会保险：(?:是 → )?否", card.text), card.text


# Review finding 1: what an owner says of his staff's insurance is not his own.
@pytest.mark.parametrize("said", ["店里社保一直没给员工交", "我从来没给员工交过社保", "我没给员工交社保"])
def test_insurance_not_paid_for_staff_leaves_the_owners_own_insurance_standing(dialogue: Dialogue, said: str) -> None:
    state = _owners_card(dialogue)
    state, replies = say(dialogue, state, said, TODAY)
    assert "social_insurance_paid" not in state.pending and "business_insured" not in state.pending, (
        reply_texts(replies),
        state.pending,
    )
    assert state.profile.get("business_insured") is True and state.profile.get("social_insurance_paid") is True


# Review finding 2: the flip trusts only a fact of the speaker, of now, said in a clause of their own.
@pytest.mark.parametrize(
    "said", ["以前没交社保，现在交了", "创业前没交过社保", "我店里的员工都没交社保", "我老婆没交社保"]
)
def test_a_no_said_of_another_time_or_person_flips_nothing_confirmed(dialogue: Dialogue, said: str) -> None:
    state = _owners_card(dialogue)
    state, replies = say(dialogue, state, said, TODAY)
    assert state.pending.get("business_insured", True) is True, (reply_texts(replies), state.pending)


# Review finding 4: a fact that is not yes/no is never half taken off (off the card, still in the profile).
def test_a_contradicted_fact_of_another_kind_is_left_whole(dialogue: Dialogue) -> None:
    facts = dialogue.interviewer.facts
    assert facts.implied["unemployed_months"].when == "employment_status"
    out_of_work = Description(facts={"unemployed_months": 5}, firm=frozenset({"unemployed_months"}))
    assert contradicted(facts, out_of_work, {"employment_status": "self_employed"}) == {}
    firm = dialogue.describer.describe("不对，我没交社保", TODAY)
    assert contradicted(facts, firm, {"business_insured": True}) == {"business_insured": False}


# -- W13: a pronoun right after a relative was described refers to that relative ------------------------------------


def test_a_pronoun_after_a_relative_was_described_is_answered_by_the_relatives_situation(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在资阳，想问问有啥补贴", TODAY)
    state, replies = say(dialogue, state, "那我爸呢？他58岁了，在家种地，有残疾证", TODAY)
    assert any(r.kind == "answer" and r.citations for r in replies), reply_texts(replies)
    state, replies = say(dialogue, state, "他能领什么钱", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert answer.citations, answer.text
    assert "请说说TA的情况" not in answer.text, answer.text
    assert "残疾人" in answer.text.split("\n")[0], answer.text
    assert "disability" not in state.profile and "disability" not in state.pending, (state.profile, state.pending)
