"""Session 17 (issue 12, task chat12): the classes of chats set 9's failed turns — through the dialogue
core, in our own wording (written from the source texts, not from the set's phrasing)."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 1)


# -- (a) a question typed first, then a word about oneself, a space between ----------------------


def test_a_question_followed_by_a_statement_is_answered_while_the_card_waits(dialogue: Dialogue) -> None:
    # bazhong-2018-16: 就业技能培训和创业培训补贴.
    state, _ = say(dialogue, SessionState(), "我在平昌 下岗两年了", TODAY)
    state, replies = say(dialogue, state, "学技术给补贴不 我今年四十五岁", TODAY)
    assert "bazhong-2018-16" in cited(replies)
    assert replies[-1].kind == "confirm"
    assert state.pending["age"] == 45
    assert not state.profile


def test_a_question_followed_by_a_statement_is_answered_in_a_new_conversation(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "失业保险金领完了还有补助没 我在宝丰 今年五十", TODAY)
    assert "pingdingshan-2020-22" in cited(replies)
    assert state.pending["region"] == "宝丰县"
    assert not state.profile


# -- (b) a ratio the last answer's clause states, typed another way ----------------------------------


def test_a_ratio_typed_with_bi_asks_about_the_clause_that_states_it(dialogue: Dialogue) -> None:
    # pingdingshan-2020-10: 因不可抗力造成无法偿还的个人创业担保贷款，由担保基金、经办金融机构按8:2的比例分担.
    state, replies = say(dialogue, SessionState(), "平顶山的创业担保贷款 遇到不可抗力还不上了怎么处理", TODAY)
    assert "pingdingshan-2020-10" in cited(replies)
    state, replies = say(dialogue, state, "里面说的8比2是啥意思", TODAY)
    assert "pingdingshan-2020-10" in cited(replies)
    assert not state.profile


# -- (c) a correction that says the new value first, or only after 我 ------------------------------


def test_a_correction_giving_the_new_value_before_the_old_one_replaces_it(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "通化的 三十一岁 厂子倒闭了 失业半年", TODAY)
    assert state.pending["age"] == 31
    state, replies = say(dialogue, state, "我三十二 不是三十一", TODAY)
    assert replies[-1].kind == "confirm"
    assert state.pending["age"] == 32
    assert state.pending["region"] == "通化市"


def test_a_number_after_wo_corrects_the_fact_the_words_name(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "通化的 三十一岁 厂子倒闭了 失业半年", TODAY)
    state, replies = say(dialogue, state, "岁数打错了 我41", TODAY)
    assert replies[-1].kind == "confirm"
    assert state.pending["age"] == 41


# -- (d) the graduation as the topic, its date said after a copula -----------------------------------


def test_graduation_named_first_and_its_date_after_a_copula_is_read(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在辽源 本科学历 还没找到工作", TODAY)
    state, replies = say(dialogue, state, "本科毕业是前年 后来一直在家备考", TODAY)
    assert replies[-1].kind == "confirm"
    assert state.pending["graduation_date"].startswith("2024")
    assert state.pending["region"] == "辽源市"
