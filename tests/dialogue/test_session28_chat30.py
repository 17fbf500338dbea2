"""Session 28 (issue 12, task chat30): last session's leftovers, each a class — a place where something was done
before the person moved it or themselves back (在苏州缴的医保 转到平昌) is no place of theirs and no jurisdiction
asked; a 户籍 said after denying another (户口不在宝丰 在周口) is the 户籍, not where the person is; a vocational
school's short name (平昌职校) is read past for the graduation date; a measure named and asked about while a card
waits is answered (公益性岗位), never 请先确认; choosing the card's person (还是先弄我舅舅的吧) confirms it; what a
question alone does not say of the field (能补不) is read with the statement before it, and work's own deeds (裁人,
招俺) are of the field — a gap in the documents, never "not an employment question". In our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, region_of, reply_texts, say

TODAY = date(2026, 12, 5)
_OFF_TOPIC = "这不是就业政策方面的问题"


# -- (A) a place left behind: no place of the person's, no jurisdiction asked -------------------------------------


@pytest.mark.parametrize(
    "question",
    ["我在苏州缴的医保 要怎么转到南江来", "以前在宁波交了三年失业保险 回老家了还能领失业金吗"],
)
def test_a_place_left_behind_keeps_the_persons_place(dialogue: Dialogue, question: str) -> None:
    state, _ = say(dialogue, SessionState(), "我是南江县的 今年30 刚回来 还没找到事做", TODAY)
    assert region_of(state) == "南江县", state.pending
    state, replies = say(dialogue, state, question, TODAY)
    assert region_of(state) == "南江县", (state.pending, reply_texts(replies))
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and all(r.answer_status != "region_not_covered" for r in answers), reply_texts(replies)


def test_moving_something_back_is_asked_where_it_goes(dialogue: Dialogue) -> None:
    """在苏州缴的社保怎么转回巴中 问下要去苏州办不: the place named again beside the question is still the one left."""
    state, _ = say(dialogue, SessionState(), "我恩阳区的 32岁", TODAY)
    state, replies = say(dialogue, state, "我在苏州缴的社保怎么转回巴中 问下要去苏州办不", TODAY)
    assert region_of(state) == "恩阳区", state.pending
    assert any(c.startswith("bazhong-") for c in cited(replies)), reply_texts(replies)


def test_a_deed_done_there_without_going_back_is_still_a_place(dialogue: Dialogue) -> None:
    """我在长春开了个烧烤店: where the business runs is where the person is (nothing was moved back)."""
    state, _ = say(dialogue, SessionState(), "我在长春开了个烧烤店 有补贴吗", TODAY)
    assert region_of(state) == "长春市", state.pending


# -- (B) a 户籍 said after denying another ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "home"), [("户口不在宝丰 在周口", "周口市"), ("户籍不是宝丰的 是南阳的", "南阳市")]
)
def test_the_household_place_after_a_denied_one(dialogue: Dialogue, message: str, home: str) -> None:
    facts = dialogue.describer.describe(message, TODAY).facts
    assert facts.get("household_region") == home and "region" not in facts, facts


def test_a_household_place_beside_a_question_keeps_where_the_person_is(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我住宝丰县 34岁 上个月在社区登记了失业", TODAY)
    state, replies = say(dialogue, state, "我户口不在宝丰 在周口 在这边登记有用吗 能在网上办不", TODAY)
    assert region_of(state) == "宝丰县", (state.pending, reply_texts(replies))
    assert state.pending.get("household_region") == "周口市", state.pending
    assert "pingdingshan-2020-19" in cited(replies), reply_texts(replies)


# -- (C) a vocational school's short name ------------------------------------------------------------------


def test_a_vocational_schools_short_name_is_read_past_for_the_date(dialogue: Dialogue) -> None:
    facts = dialogue.describer.describe("前年七月从平昌职校毕业 中职 在家待着", TODAY).facts
    assert facts.get("graduation_date") == "2024-07-31", facts


def test_studying_at_a_vocational_school_somewhere_is_still_a_place(dialogue: Dialogue) -> None:
    facts = dialogue.describer.describe("我在通江读职校", TODAY).facts
    assert facts.get("region") == "通江县", facts


# -- (D) a measure asked about while a card waits --------------------------------------------------------------


def test_a_measure_asked_for_oneself_while_a_card_waits_is_answered(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我南江县的 35 有残疾证 在家闲着好几年了", TODAY)
    state, replies = say(
        dialogue, state, "村上讲有公益性岗位 能不能给我弄一个 另外要是有超市招我 老板能拿啥补贴", TODAY
    )
    assert not any("请先确认" in r.text for r in replies), reply_texts(replies)
    assert any(r.kind == "answer" and r.clause_ids for r in replies), reply_texts(replies)


# -- (E) choosing the card's person confirms it -------------------------------------------------------------


@pytest.mark.parametrize("choice", ["还是先弄我舅舅的吧", "先查他的", "就按我舅的来"])
def test_choosing_the_person_the_card_is_about_confirms_it(dialogue: Dialogue, choice: str) -> None:
    state, _ = say(dialogue, SessionState(), "帮我舅舅问一下 他在商州 50岁 前年下岗了", TODAY)
    assert state.for_someone_else and state.pending, state
    state, replies = say(dialogue, state, choice, TODAY)
    assert not any("没太明白" in r.text for r in replies), reply_texts(replies)
    assert state.profile.get("region") == "商州区" and not state.pending, (state.profile, state.pending)


def test_naming_another_person_confirms_nothing(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "帮我老公问一下 他在商州 50岁 前年下岗了", TODAY)
    assert state.subject == "老公", state
    state, _ = say(dialogue, state, "先弄我儿子的", TODAY)
    assert state.pending and not state.profile, (state.profile, state.pending)


# -- (F) the field, read over the whole message ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("story", "question"),
    [
        ("乐至县的 在厂里上班 35岁", "我交了三年失业保险 上个月拿了个电工证 资阳能补不"),
        ("我在舞钢 怀孕四个月了 厂里效益不好", "厂里要是裁人 得提前几天通知"),
        ("俺在湛河区 今年52 上个月被辞了", "要是有厂子招俺 厂子能得点啥"),
    ],
)
def test_a_question_of_work_is_never_called_off_topic(dialogue: Dialogue, story: str, question: str) -> None:
    state, _ = say(dialogue, SessionState(), story, TODAY)
    state, replies = say(dialogue, state, question, TODAY)
    assert not any(_OFF_TOPIC in r.text for r in replies), reply_texts(replies)


def test_the_price_of_fruit_is_still_off_topic(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在舞钢 怀孕四个月了", TODAY)
    state, replies = say(dialogue, state, "今年苹果收购价多少钱一斤", TODAY)
    assert any(_OFF_TOPIC in r.text for r in replies), reply_texts(replies)


# -- (G) a bare number said beside the person's sex is the age ----------------------------------------------------


@pytest.mark.parametrize(("message", "age"), [("通江的 女 37 在家带娃", 37), ("叶县 41 男 打零工", 41)])
def test_a_number_beside_the_sex_is_the_age(dialogue: Dialogue, message: str, age: int) -> None:
    assert dialogue.describer.describe(message, TODAY).facts.get("age") == age


def test_a_number_with_its_unit_says_no_age(dialogue: Dialogue) -> None:
    # A bare two-digit number standing as a phrase of its own is the age (chat29's form-filling reading); one that
    # says what it counts (37个月) is none.
    assert "age" not in dialogue.describer.describe("通江的 在家带娃 37个月了", TODAY).facts
    assert dialogue.describer.describe("通江的 37 在家带娃", TODAY).facts.get("age") == 37


def test_the_age_beside_the_sex_can_be_corrected_by_its_value(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我南江的 男 52 在家种苞谷", TODAY)
    state, replies = say(dialogue, state, "打错了 我50", TODAY)
    assert state.pending.get("age") == 50, (state.pending, reply_texts(replies))
