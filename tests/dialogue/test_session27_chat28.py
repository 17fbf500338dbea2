"""Session 27 (issue 12, task chat28): conversations that work for people nobody tuned for — through the
dialogue core, in our own wording.

(a) A short follow-up with no word of the policies' field, right after a cited answer, goes on from that
    answer when nothing in it belongs to another field (every word of substance is written in the documents):
    never "这不是就业政策方面的问题". A message about another field stays off-topic.
(b) With a card or a question waiting, an acknowledgement handing the next question back (晓得了 你继续问,
    行 你问吧) is a yes, not an opener and not a closing.
(c) A message asking, in general words only, what the speaker can get or apply for (帮俺瞅瞅能不能领点补贴,
    我想申请点补助) asks for the check: the interview starts, no search of the documents."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.present.prose import prose
from tests.dialogue.speaking import cited, reply_texts, say

TODAY = date(2026, 12, 9)


def _off_topic() -> str:
    return prose().dialogue_reading.off_topic


# -- (a) an elliptical follow-up in the documents' words goes on from the answer ------------------------


@pytest.mark.parametrize(
    ("first", "then", "clause"),
    [
        # the employer's size told after the loan's hiring share (平顶山（九）: 100人以上 → 10%)
        ("平顶山的小微企业创业担保贷款 新招人员比例要求多少", "我们厂差不多两百号人", "pingdingshan-2020-09"),
        # the same reward asked at another place, by its figure (巴中（十二）)
        ("资阳扶贫车间吸纳贫困家庭劳动力 一个人奖补多少", "巴中是不是也这么多", "bazhong-2018-12"),
        # whether the park's space costs anything (巴中（六）)
        ("巴中 入驻创业孵化基地 房租有补贴吗", "要不要钱", "bazhong-2018-06"),
    ],
)
def test_a_short_follow_up_without_policy_words_goes_on_from_the_answer(
    dialogue: Dialogue, first: str, then: str, clause: str
) -> None:
    state, replies = say(dialogue, SessionState(), first, TODAY)
    assert cited(replies), reply_texts(replies)
    state, replies = say(dialogue, state, then, TODAY)
    assert _off_topic() not in "".join(reply_texts(replies)), reply_texts(replies)
    assert clause in cited(replies), (cited(replies), reply_texts(replies))


@pytest.mark.parametrize("then", ["明天会下雨吗", "晚上吃麻辣烫还是烧烤", "后天刮不刮风"])
def test_a_message_of_another_field_after_an_answer_is_still_off_topic(dialogue: Dialogue, then: str) -> None:
    state, replies = say(dialogue, SessionState(), "资阳扶贫车间吸纳贫困家庭劳动力 一个人奖补多少", TODAY)
    assert cited(replies), reply_texts(replies)
    _, replies = say(dialogue, state, then, TODAY)
    assert not cited(replies), reply_texts(replies)
    assert any(r.text == _off_topic() for r in replies), reply_texts(replies)


def test_without_an_answer_before_it_a_message_outside_the_field_is_off_topic(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "要不要钱", TODAY)
    assert not cited(replies), reply_texts(replies)


# -- (b) handing the next question back is a yes -------------------------------------------------------


@pytest.mark.parametrize("go_ahead", ["晓得了 你继续问", "行 你问吧", "明白了 接着问", "好嘞 往下问"])
def test_handing_the_next_question_back_confirms_the_card(dialogue: Dialogue, go_ahead: str) -> None:
    state, replies = say(dialogue, SessionState(), "我在通化 今年三十四 在超市上班", TODAY)
    assert replies[-1].kind == "confirm", reply_texts(replies)
    state, replies = say(dialogue, state, go_ahead, TODAY)
    assert not state.pending, (state.pending, reply_texts(replies))
    assert state.profile.get("age") == 34, state.profile
    assert replies[-1].kind in ("question", "results"), reply_texts(replies)


def test_an_acknowledgement_alone_does_not_confirm_the_card(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在通化 今年三十四 在超市上班", TODAY)
    state, replies = say(dialogue, state, "晓得了", TODAY)
    assert state.pending, reply_texts(replies)


# -- (c) asking in general what one can get starts the check --------------------------------------------


@pytest.mark.parametrize("message", ["帮俺瞅瞅能不能领点补贴", "我想申请点补助", "想查一下有什么政策我能享受"])
def test_asking_in_general_what_one_can_get_starts_the_check(dialogue: Dialogue, message: str) -> None:
    _, replies = say(dialogue, SessionState(), message, TODAY)
    assert not cited(replies), reply_texts(replies)
    assert replies[-1].kind == "question", reply_texts(replies)


@pytest.mark.parametrize("message", ["我不想申请补贴", "俺不领补贴", "不能申请补贴了吧"])
def test_a_refusal_or_a_doubt_is_no_request_for_the_check(dialogue: Dialogue, message: str) -> None:
    # (review, session 27: 不 and 不能 among the looking words made a refusal start the check)
    assert not dialogue.words.asks_own_help_in_general(message)
    assert dialogue.words.asks_own_help_in_general("帮我瞅瞅能不能领补贴")


# (你好 我想问问补贴的事 — help in general asked bare — starts the interview since session 29, after the kinds of
# help: tests/dialogue/test_session29_chat31.py.)
@pytest.mark.parametrize("message", ["创业补贴能领多久", "补贴去哪里申请"])
def test_a_measure_named_or_a_step_asked_is_no_check_request(dialogue: Dialogue, message: str) -> None:
    _, replies = say(dialogue, SessionState(), message, TODAY)
    assert replies[-1].kind != "question" or "哪个地方" not in replies[-1].text, reply_texts(replies)


# -- (d) a certificate earned and insurance paid are the person's situation -----------------------------


def test_a_certificate_and_unemployment_insurance_are_named_as_the_documents_name_them(dialogue: Dialogue) -> None:
    """补多少 from someone who said 交了五年失业保险 今年拿了高级证 is asked of the skills subsidy's own words."""
    words = dialogue.describer.situation_words({"certificate_level": "senior", "ui_insured": True})
    # Session 31: the level is named with it (取得高级（三级）职业资格证书), so the person's own tier is looked up.
    assert "取得高级（三级）职业资格证书" in words and "参加失业保险" in words, words
    assert not any("证书" in w for w in dialogue.describer.situation_words({"certificate_level": "none"}))
