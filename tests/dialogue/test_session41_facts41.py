"""Session 41 (issues 11 and 12, task facts41): what the fact reader records from what people say — classes a
newcomer's walk found, in our own wording. The age idioms (实岁, 虚岁), a plan or a supposed case never recorded as
the present, and a later 还没… or a denied business taking away what it contradicts on the card."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 7)


def _card(replies: tuple[Reply, ...]) -> str:
    return next(r.text for r in replies if r.kind == "confirm")


# -- ages: a character sounding like a numeral is never read as one (实岁 is no 十岁), and the full years are kept --


@pytest.mark.parametrize("told", ["实岁是52", "俺实岁五十二", "说错了，实岁是52，虚岁53"])
def test_the_full_years_said_with_shi_sui_are_the_age(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert state.pending.get("age") == 52, [r.text for r in replies]


@pytest.mark.parametrize("message", ["实岁是45", "实数是3个", "是岁数45"])
def test_the_speller_writes_no_numeral_that_was_not_typed(dialogue: Dialogue, message: str) -> None:
    corrected = dialogue.speller.correct(message)
    assert [c for c in corrected if c in "零一二两三四五六七八九十百千万"] == [
        c for c in message if c in "零一二两三四五六七八九十百千万"
    ], corrected


def test_an_age_told_as_xu_sui_is_recorded_one_less_and_the_card_says_so(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在商州，虚岁46", TODAY)
    assert state.pending.get("age") == 45, [r.text for r in replies]
    assert "虚岁46" in _card(replies), _card(replies)


# -- a business that is not (yet) run: taken off the card with what depends on it ------------------------------------


@pytest.mark.parametrize(
    ("told", "withdrawn"),
    [
        ("我在丹凤开了个网店", "店还没开呢，就是打算"),
        ("我在丹凤开了个网店", "还没开呢"),
        ("我在丹凤办了个合作社", "合作社还没办起来"),
        ("我在丹凤办了个合作社", "我没有合作社"),
        ("我在丹凤，是个体户", "不是个体户，现在什么都没经营"),
    ],
)
def test_a_business_said_not_run_takes_it_off_the_waiting_card(dialogue: Dialogue, told: str, withdrawn: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert state.pending.get("employment_status") == "self_employed", [r.text for r in replies]
    state, replies = say(dialogue, state, withdrawn, TODAY)
    assert state.pending.get("employment_status") != "self_employed", [r.text for r in replies]
    assert state.pending.get("business_form") in {None, "none"}, state.pending
    assert "自主创业" not in _card(replies), _card(replies)


def test_a_relatives_business_denied_is_taken_off_that_relatives_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我爸在商州，58岁，办了个合作社，也是个体户", TODAY)
    assert state.pending.get("business_form") == "farm_entity", state.pending
    state, replies = say(dialogue, state, "他没有合作社，也没有个体户", TODAY)
    assert state.pending.get("business_form") == "none", [r.text for r in replies]
    assert state.pending.get("age") == 58, state.pending


# -- a plan, a supposed case: never the present -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "told", ["我在商州，打算创业开饭馆", "在商州 想创业开个网店", "我在商州，准备自己干，开个修车铺"]
)
def test_a_business_planned_is_a_plan_on_the_card(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert state.pending.get("wants_business") is True, [r.text for r in replies]
    assert "employment_status" not in state.pending, state.pending


@pytest.mark.parametrize("asked", ["没有营业执照的话能贷款吗", "要是办个合作社能补多少", "如果开网店的话有补贴不"])
def test_a_supposed_case_asked_about_changes_no_fact(dialogue: Dialogue, asked: str) -> None:
    state, _ = say(dialogue, SessionState(), "我在商州，45岁", TODAY)
    before = dict(state.pending)
    state, replies = say(dialogue, state, asked, TODAY)
    assert dict(state.pending) == before, [r.text for r in replies]


# -- someone else: a second relative named by any kin word is not the one the check is for ---------------------------


@pytest.mark.parametrize("second", ["我叔在汝州", "俺大舅在宝丰，开了个饭馆", "我表哥在郏县"])
def test_a_second_relative_never_changes_the_first_ones_card(dialogue: Dialogue, second: str) -> None:
    state, _ = say(dialogue, SessionState(), "我爸在商州，58岁，办了个合作社", TODAY)
    before = dict(state.pending)
    state, replies = say(dialogue, state, second, TODAY)
    assert dict(state.pending) == before, [r.text for r in replies]
    assert any("帮家人查" in r.text for r in replies), [r.text for r in replies]


# -- a same-sounding character that lost a whole answer ---------------------------------------------------------------


@pytest.mark.parametrize(("typed", "meant"), [("都部是", "都不是"), ("我布要", "我不要")])
def test_a_no_typed_with_a_same_sounding_character_is_read_as_the_no(
    dialogue: Dialogue, typed: str, meant: str
) -> None:
    assert dialogue.speller.correct(typed) == meant


def test_a_word_keeping_its_own_tone_is_not_read_as_a_no(dialogue: Dialogue) -> None:
    assert dialogue.speller.correct("这个补是多少") == "这个补是多少"


@pytest.mark.parametrize("told", ["想参加电商培巡", "打算报个电焊培训班", "想去参加个创业培训"])
def test_a_training_named_by_its_trade_is_training_wanted(dialogue: Dialogue, told: str) -> None:
    corrected = dialogue.speller.correct(told)
    assert dialogue.describer.describe(corrected, TODAY).facts.get("wants_training") is True, corrected


@pytest.mark.parametrize("asked", ["我想问问培训补贴", "想了解一下电商培训"])
def test_asking_about_a_training_is_no_wish_for_one(dialogue: Dialogue, asked: str) -> None:
    assert "wants_training" not in dialogue.describer.describe(asked, TODAY).facts


@pytest.mark.parametrize("asked", ["要是厂里把我裁了 我能拿啥", "被裁了的话能领多久"])
def test_a_supposed_case_is_read_for_its_answer_and_never_as_the_persons_facts(dialogue: Dialogue, asked: str) -> None:
    assert "employment_status" not in dialogue.describer.describe(asked, TODAY).facts
    assert dialogue.describer.case_supposed(asked, TODAY).facts.get("employment_status") == "unemployed"


@pytest.mark.parametrize("reminded", ["我一开始就说了他是外出打工返乡的", "我刚才讲过了 他是返乡的"])
def test_a_reminder_of_what_was_said_of_the_relative_goes_on_their_card(dialogue: Dialogue, reminded: str) -> None:
    state, _ = say(dialogue, SessionState(), "我爸在商州，58岁", TODAY)
    state, replies = say(dialogue, state, reminded, TODAY)
    assert state.pending.get("returning_migrant") is True, [r.text for r in replies]
    assert state.pending.get("age") == 58 and state.for_someone_else, state.pending


def test_a_reminder_of_ones_own_words_is_ones_own(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在商州，45岁", TODAY)
    state, replies = say(dialogue, state, "我早说了我是外出打工返乡的", TODAY)
    assert state.pending.get("returning_migrant") is True and not state.for_someone_else, [r.text for r in replies]
