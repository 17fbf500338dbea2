"""Session 28 (issue 12, task chat29): a self-description typed as a form is filled in — a bare age beside a
place and a status (汉阴 待业 四十四) is the person's age, and the message states, never searches; a bare asking
to look beside a place only (帮俺瞅瞅 洛南县) asks for the check there; 帮 said short for 帮我 (帮查政策). Through
the describer and the dialogue core, in our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import reply_texts, say

TODAY = date(2026, 12, 5)


# -- (A) a bare age, as a form is filled in --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "age"),
    [
        ("宝丰 失业 四十四", 44),
        ("通化的 厂里上班 二十八 大专", 28),
        ("本人三十九 商南县的", 39),
        ("知道了 俺五十二", 52),
        ("五十三", 53),
        ("我在延吉 27 想开个店", 27),
    ],
)
def test_a_bare_age_said_as_a_phrase_is_the_age(dialogue: Dialogue, message: str, age: int) -> None:
    assert dialogue.describer.describe(message, TODAY).facts.get("age") == age


@pytest.mark.parametrize(
    "message",
    ["社保交了15年", "店里有25个人", "一个月三十", "我21号去报名", "2024年毕业", "补了 两千"],
)
def test_a_number_with_its_unit_or_inside_words_is_no_age(dialogue: Dialogue, message: str) -> None:
    assert "age" not in dialogue.describer.describe(message, TODAY).facts


@pytest.mark.parametrize("message", ["叶县 下岗了 四十六", "舞钢的 在厂里上班 三十三 初中", "商州 返乡农民工 五十"])
def test_place_status_and_bare_age_make_a_card_not_a_search(dialogue: Dialogue, message: str) -> None:
    _, replies = say(dialogue, SessionState(), message, TODAY)
    assert not any(r.kind == "answer" for r in replies), reply_texts(replies)
    assert any(r.kind == "confirm" for r in replies), reply_texts(replies)


def test_a_bare_age_typed_while_the_card_waits_is_added_to_it(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在柞水县 没上班", TODAY)
    state, replies = say(dialogue, state, "四十八", TODAY)
    assert state.pending.get("age") == 48, (state.pending, reply_texts(replies))
    assert not any(r.kind == "answer" for r in replies), reply_texts(replies)


def test_an_age_typed_wrong_is_corrected_by_a_bare_number(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "松原的 三十二 初中", TODAY)
    state, replies = say(dialogue, state, "岁数写错了 四十二", TODAY)
    assert state.pending.get("age") == 42, (state.pending, reply_texts(replies))


# -- (B) a bare asking to look beside a place; 帮 for 帮我 ----------------------------------------------------------


@pytest.mark.parametrize("message", ["帮俺瞅瞅 洛南县", "叶县的 帮我查查", "给我看一下 巴州区"])
def test_asking_to_look_beside_a_place_starts_the_check_there(dialogue: Dialogue, message: str) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert replies[-1].kind == "question", reply_texts(replies)
    assert state.profile.get("region"), state.profile


def test_asking_to_look_at_nothing_named_starts_no_check(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "帮我看看", TODAY)
    assert not state.profile and not state.pending, (state, reply_texts(replies))


@pytest.mark.parametrize("message", ["帮查政策", "帮看下补贴"])
def test_help_said_short_asks_for_the_check(dialogue: Dialogue, message: str) -> None:
    _, replies = say(dialogue, SessionState(), message, TODAY)
    assert replies[-1].kind == "question", reply_texts(replies)
    assert not any(r.kind == "answer" for r in replies), reply_texts(replies)


def test_after_the_check_starts_a_bare_age_answers_on(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "帮查补贴", TODAY)
    state, _ = say(dialogue, state, "镇安", TODAY)
    state, replies = say(dialogue, state, "算了 先说 四十一 高中", TODAY)
    # (session 42: told beside the question asked, the age and schooling are carded, then the interview goes on)
    assert state.pending.get("age") == 41, (state.pending, reply_texts(replies))
    assert replies[-1].kind == "confirm", reply_texts(replies)
    state, replies = say(dialogue, state, "对", TODAY)
    assert state.profile.get("age") == 41 and replies[-1].kind == "question", reply_texts(replies)


# -- (C) a no to the last answer, and what was meant ----------------------------------------------------------

OFF_TOPIC = "这不是就业政策方面的问题"


def test_a_no_and_the_measure_meant_asks_again(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在白山 高中毕业", TODAY)
    state, _ = say(dialogue, state, "农村户口学手艺 补贴咋算", TODAY)
    # (the card still waits: the no is about the answer, not the card)
    state, replies = say(dialogue, state, "不对 我意思是考下证书以后给的那个补贴", TODAY)
    cited = {c for r in replies if r.kind == "answer" for c in r.clause_ids}
    assert "jilin-2017-20" in cited, reply_texts(replies)
    assert not any("哪里不对" in r.text for r in replies), reply_texts(replies)


def test_a_no_and_the_place_the_hearsay_meant_asks_there(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "听说资阳大学生创业补好几万", TODAY)
    state, replies = say(dialogue, state, "哦不是资阳 我同学讲的是吉林", TODAY)
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and answers[0].citations, reply_texts(replies)
    assert not state.pending and not state.profile, state


def test_a_no_and_a_fact_meant_still_corrects_the_facts(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "长春开店补贴多少钱", TODAY)
    state, replies = say(dialogue, state, "不对 我是说我在资阳", TODAY)
    assert str(state.pending.get("region", "")).startswith("资阳"), (state.pending, reply_texts(replies))


# -- (D) a follow-up made of verbs goes on from the last answer --------------------------------------------------


def test_a_follow_up_of_verbs_is_no_off_topic(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "吉林初创企业补贴多少", TODAY)
    state, replies = say(dialogue, state, "那还得等到哪天", TODAY)
    assert not any(OFF_TOPIC in r.text for r in replies), reply_texts(replies)


def test_a_follow_up_of_verbs_is_asked_of_the_last_measure(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "巴中 贫困户出去打工 车费报不报", TODAY)
    state, replies = say(dialogue, state, "要是自个儿出门的也算？", TODAY)
    assert not any(OFF_TOPIC in r.text for r in replies), reply_texts(replies)
    assert "bazhong-2018-12" in {c for r in replies if r.kind == "answer" for c in r.clause_ids}, reply_texts(replies)


@pytest.mark.parametrize("message", ["明天天气怎么样", "今年苹果收购价多少钱一斤"])
def test_another_fields_thing_after_an_answer_stays_off_topic(dialogue: Dialogue, message: str) -> None:
    state, _ = say(dialogue, SessionState(), "吉林初创企业补贴多少", TODAY)
    state, replies = say(dialogue, state, message, TODAY)
    assert any(OFF_TOPIC in r.text for r in replies), reply_texts(replies)


# -- (E) a number said beside a yes amends the card it confirms ---------------------------------------------------


@pytest.mark.parametrize("yes", ["嗯 对的 26", "行 接着问吧 我26"])
def test_a_number_said_with_the_yes_is_confirmed_with_the_card(dialogue: Dialogue, yes: str) -> None:
    state, _ = say(dialogue, SessionState(), "我在洛南县 高中毕业 没上班", TODAY)
    state, replies = say(dialogue, state, yes, TODAY)
    assert state.profile.get("age") == 26, (state.profile, reply_texts(replies))
    assert not state.pending, state.pending
    assert replies[-1].kind in {"question", "results"}, reply_texts(replies)
