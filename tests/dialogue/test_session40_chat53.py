"""Session 40 (issue 12, task chat53): a conversation that never drops a question — the classes of chats set 32's failed
turns and of a newcomer's walk, in our own wording (written from the source texts, not the set's)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, region_of, say

TODAY = date(2027, 1, 3)


# -- (a) until when a measure runs, asked of one stating how long (补贴期限最长不超过3年): that period,
#        never 没有写明


@pytest.mark.parametrize("until", ["能补到什么时候", "这个补贴发到啥时候为止", "能领到啥时候"])
def test_until_when_of_a_measure_stating_its_length_is_answered_by_that_length(dialogue: Dialogue, until: str) -> None:
    state, replies = say(dialogue, SessionState(), "平顶山新华区的 去年大学毕业 现在送外卖 自己交社保 有补贴吗", TODAY)
    assert "pingdingshan-2020-11" in cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, until, TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "pingdingshan-2020-11" in cited(replies), answer.text
    first = answer.text.split("依据政策原文")[0]
    assert "最长不超过3年" in first and "没有写明" not in first, answer.text


# -- (b) 啥子 is 什么 in 西南官话: 啥子叫… asks a definition as 什么叫… does


def test_sha_zi_asks_what_a_term_means_as_shen_me_does(dialogue: Dialogue) -> None:
    _, dialect = say(dialogue, SessionState(), "啥子叫零就业家庭", TODAY)
    _, standard = say(dialogue, SessionState(), "什么叫零就业家庭", TODAY)
    assert [r.text for r in dialect] == [r.text for r in standard], [r.text for r in dialect]


# -- (c) after an answer, a request the bot cannot carry out (写/编 something, 投诉, a link it cannot open) is said so —
#        never the last answer again ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "asked",
    ["写首歌鼓励下我", "能帮我起诉老板不", "http://t.cn/R2k8Qx 这个呢"],
)
def test_a_request_after_an_answer_is_no_follow_up_of_it(dialogue: Dialogue, asked: str) -> None:
    state, replies = say(dialogue, SessionState(), "资阳 合作社招贫困户干活 有啥奖补", TODAY)
    assert "ziyang-2017-19" in cited(replies), [r.text for r in replies]
    _, replies = say(dialogue, state, asked, TODAY)
    assert not cited(replies), [r.text for r in replies]
    assert not any("接着刚才的问题" in r.text for r in replies), [r.text for r in replies]


def test_a_link_beside_a_question_naming_a_measure_is_that_question(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "https://t.cn/Ab12 平顶山失业补助金能领几个月", TODAY)
    assert "pingdingshan-2020-22" in cited(replies), [r.text for r in replies]


# -- (d) 那X呢 asking something else alike: X is the thread's topic from then on (another place next asks X there) -----


def test_what_an_elliptical_question_names_is_the_topic_a_place_asked_next_goes_on_with(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "巴中认定技能大师工作室给多少钱", TODAY)
    assert "bazhong-2018-17" in cited(replies), [r.text for r in replies]
    state, _ = say(dialogue, state, "那创业园区呢", TODAY)
    assert state.thread is not None and "创业园区" in state.thread.topic, state.thread
    state, replies = say(dialogue, state, "吉林那边呢", TODAY)
    assert state.thread is not None and "创业园区" in state.thread.topic, state.thread
    assert not any("技能大师" in r.text.split("依据政策原文")[0] for r in replies if r.kind == "answer"), [
        r.text for r in replies
    ]


# -- (e) a question pointing at a thing on the waiting card (这个证) is asked of that thing, answered with what the
#        card's other facts say of it — never 请先确认


def test_a_question_pointing_at_a_certificate_on_the_card_is_answered_with_its_tier(dialogue: Dialogue) -> None:
    state, replies = say(
        dialogue, SessionState(), "我在延吉 33岁 交了五年失业保险 去年底单位关门了 上个月考了个高级工证", TODAY
    )
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    _, replies = say(dialogue, state, "这个证能给多少钱", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "jilin-2017-20" in cited(replies), answer.text
    assert "2000元" in answer.text and "企业职工" in answer.text, answer.text
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]


# -- (f) words setting the other person aside (先不说他了) tell nothing of them: the speaker's own facts are theirs ----


def test_setting_the_other_aside_the_speakers_own_place_is_on_a_card_of_their_own(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我表弟在成都 他能领资阳的补贴不", TODAY)
    state, _ = say(dialogue, state, "他户口在安岳 人在成都上班", TODAY)
    state, replies = say(dialogue, state, "先不说他了 我自己是乐至的 想开个小超市", TODAY)
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    assert region_of(state) == "乐至县", state


# -- (g) 第二条呢 after a list whose items all quote one clause: the second measure, never the whole clause again ------


def test_the_second_item_of_a_list_from_one_clause_is_that_measure(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我是巴中的 今年刚大学毕业 还没找到工作 有啥补贴", TODAY)
    assert state.thread is not None and len(state.thread.item_names) > 1, state.thread
    second = state.thread.item_names[1]
    state, replies = say(dialogue, state, "第二条呢", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert not answer.text.startswith("【"), answer.text
    assert second in answer.text.split("依据政策原文")[0], answer.text
    assert state.thread is not None and state.thread.item_names, state.thread


# -- (h) an "ok" closed by a particle (好的嘛, 行啊) right after an answer takes the answer in as a bare ok does; the
#        card shown only as a line beneath it waits


@pytest.mark.parametrize("ok", ["好的嘛", "行啊", "晓得了噻"])
def test_an_ok_closed_by_a_particle_after_an_answer_leaves_the_card_waiting(dialogue: Dialogue, ok: str) -> None:
    state, replies = say(dialogue, SessionState(), "我是宝丰的 今年41 在家种地", TODAY)
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    state, replies = say(dialogue, state, "平顶山招用退役军人的企业有啥政策", TODAY)
    assert cited(replies), [r.text for r in replies]
    after, replies = say(dialogue, state, ok, TODAY)
    assert not after.profile and after.pending == state.pending, (after, [r.text for r in replies])
    assert not cited(replies) and not any(r.kind == "question" for r in replies), [r.text for r in replies]
