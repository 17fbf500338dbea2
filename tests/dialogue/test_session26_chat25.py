"""Session 26 (issue 12, task chat25): what the assistant understands from a message — graduation dates
said with the kind of schooling, someone else's matter asked about, the speaker asking on another's
behalf, and a yes that names whose the card is — through the dialogue core, in our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import reply_texts, say

TODAY = date(2026, 12, 8)


# -- (a) a graduation date before any kind of schooling (中职, 专升本, 职校刚…) ------------------------


@pytest.mark.parametrize(
    ("told", "graduated", "education"),
    [
        ("我在恩阳 前年中职毕业的 一直没上班", "2024", "secondary_vocational"),
        ("我在延吉 今年专升本毕业", "2026", "college"),
        ("我是叶县的 去年职校刚毕业", "2025", "secondary_vocational"),
        ("我在商南 21年技工学校毕业的", "2021", "secondary_vocational"),
    ],
)
def test_a_date_before_the_kind_of_schooling_is_the_graduation(
    dialogue: Dialogue, told: str, graduated: str, education: str
) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert replies[-1].kind == "confirm", reply_texts(replies)
    assert str(state.pending.get("graduation_date", "")).startswith(graduated), state.pending
    assert state.pending.get("education") == education, state.pending


def test_just_graduated_from_a_vocational_school_is_no_college_graduate(dialogue: Dialogue) -> None:
    # 职高刚毕业: the kind named is the schooling; 刚毕业 alone would say a college graduate.
    state, _ = say(dialogue, SessionState(), "我在宝丰 职高刚毕业", TODAY)
    assert state.pending.get("education") == "secondary_vocational", state.pending
    assert str(state.pending.get("graduation_date", "")).startswith("2026"), state.pending


# -- (b) someone else's matter asked about (问下我表哥的事 / 问问我妈的情况), then their situation ------


@pytest.mark.parametrize(
    "told",
    [
        "问下我表哥的事 他在梅河口 三十五了 厂子关了下岗在家",
        "想问问我妈的情况 她在郏县 五十三了 一直在家种地",
        "问问俺小姑子的事 在安岳 四十了 厂里裁员下来的",
    ],
)
def test_someone_elses_matter_asked_about_is_carded_for_them(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert replies[-1].kind == "confirm", reply_texts(replies)
    assert state.for_someone_else and state.pending.get("region"), state
    assert not state.profile


def test_asking_a_relative_is_still_where_the_words_came_from(dialogue: Dialogue) -> None:
    # 问了我爸: he is the one asked, what follows is the speaker's — no card for him.
    state, _ = say(dialogue, SessionState(), "问了我爸，我户口是通江的，我在通江开了个小卖部", TODAY)
    assert not state.for_someone_else, state


# -- (c) 我替我X问 / 我帮我X问的: the speaker asks on their behalf; the facts are theirs ----------------


@pytest.mark.parametrize(
    "told",
    [
        "我替我姐夫问 他在白山 四十六了 矿上裁员下来的",
        "我帮我闺女问的 她在资阳 去年大专毕业 一直没找着工作",
    ],
)
def test_the_speaker_asking_on_anothers_behalf_tells_their_facts(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert replies[-1].kind == "confirm", reply_texts(replies)
    assert state.for_someone_else and state.pending.get("region"), state


# -- (d) a yes that names whose the card is, and yeses said in dialect --------------------------------


@pytest.mark.parametrize("yes", ["对 就是她", "是她 没错", "对的 替她问的", "她的情况都记对了", "记的没得错"])
def test_a_yes_naming_the_one_asked_for_confirms_the_card(dialogue: Dialogue, yes: str) -> None:
    state, _ = say(dialogue, SessionState(), "帮我妈问问 她在舞钢 五十六了 原来在纺织厂上班 厂子倒闭了", TODAY)
    assert state.for_someone_else and state.pending, state
    after, replies = say(dialogue, state, yes, TODAY)
    assert after.profile.get("region") == "舞钢市" and not after.pending, (after, reply_texts(replies))
    assert not any(r.kind == "answer" for r in replies), reply_texts(replies)


@pytest.mark.parametrize("yes", ["得行", "得行 没得错"])
def test_a_yes_in_dialect_confirms_the_card(dialogue: Dialogue, yes: str) -> None:
    state, _ = say(dialogue, SessionState(), "我在通化 二十九了 打零工", TODAY)
    after, replies = say(dialogue, state, yes, TODAY)
    assert after.profile.get("region") == "通化市" and not after.pending, (after, reply_texts(replies))


def test_a_third_person_word_alone_is_no_yes(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在通化 二十九了 打零工", TODAY)
    after, _ = say(dialogue, state, "他", TODAY)
    assert not after.profile and after.pending, after


# -- (e) someone else's situation (where they are and more) told first, with a question -------------


@pytest.mark.parametrize(
    "told",
    [
        "我儿子在四平 技校毕业两年了 想学开挖掘机 培训给补钱不",
        "俺老伴在汝州 五十七了 厂子倒闭了 这种情况有没有公益岗",
    ],
)
def test_someone_elses_situation_with_a_question_is_answered_and_carded_for_them(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert replies[0].kind == "answer" and replies[-1].kind == "confirm", reply_texts(replies)
    assert state.for_someone_else and state.pending.get("region"), state


def test_a_relatives_group_asked_about_is_only_answered(dialogue: Dialogue) -> None:
    # 我表妹是残疾人 names a group, not where she is: the documents answer, nothing is carded.
    state, replies = say(dialogue, SessionState(), "我表妹是残疾人，资阳有啥扶持", TODAY)
    assert any(r.kind == "answer" for r in replies) and not state.pending, (state, reply_texts(replies))


# -- (f) an age in Chinese numerals without 岁 (今年四十, 我六十一了) -----------------------------------


@pytest.mark.parametrize(("told", "age"), [("我是丹凤的 今年四十 在家种地", 40), ("我在鲁山 我六十一了 厂子关了", 61)])
def test_an_age_in_chinese_numerals_without_sui_is_read(dialogue: Dialogue, told: str, age: int) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert state.pending.get("age") == age and not state.for_someone_else, (state, reply_texts(replies))


def test_a_sum_this_year_is_no_age(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在鲁山开店 今年三十万的流水", TODAY)
    assert "age" not in state.pending, state.pending


# -- (g) a trade to learn or a certificate to earn, named in any trade's words, is training wanted -------


@pytest.mark.parametrize("told", ["我在白山 三十二了 打算去学汽修", "我在舞钢 没活干 想考个叉车证"])
def test_a_trade_or_certificate_planned_is_training_wanted(dialogue: Dialogue, told: str) -> None:
    state, _ = say(dialogue, SessionState(), told, TODAY)
    assert state.pending.get("wants_training") is True, state.pending


def test_a_trade_learnt_is_no_plan(dialogue: Dialogue) -> None:
    # 学的是汽修: what was studied, said of the past — no training wanted.
    state, _ = say(dialogue, SessionState(), "我在白山 技校学的是汽修", TODAY)
    assert "wants_training" not in state.pending, state.pending
