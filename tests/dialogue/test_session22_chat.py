"""Session 22 (issue 12, task chat17): the classes of chats set 14's failed turns and the open items of the last
note — through the dialogue core, in our own wording (written from the source texts, not from the set's phrasing)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 10)


# -- (a) a step of applying asked after an answer goes on from the measure shown -----------------------


@pytest.mark.parametrize("step", ["那在哪个网站上申请", "要去哪个窗口办", "办的时候要带哪些材料"])
def test_a_step_of_applying_asked_next_is_asked_of_the_measure_shown(dialogue: Dialogue, step: str) -> None:
    # 资阳（五）: 阶段性延长领取失业保险金期限 — the clause names no site, window or papers: said so, citing it.
    state, replies = say(dialogue, SessionState(), "资阳失业保险金一个月能领多少", TODAY)
    assert "ziyang-2017-05" in cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, step, TODAY)
    assert "ziyang-2017-05" in cited(replies), [r.text for r in replies]
    assert any("接着刚才的问题" in r.text for r in replies), [r.text for r in replies]


# -- (b) 好多 for 多少 (西南官话) asks, also while a card waits -------------------------------------------


def test_how_much_said_as_haoduo_is_a_question_while_a_card_waits(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平昌开了个小超市 有营业执照", TODAY)
    assert state.pending.get("region") == "平昌县"
    # 巴中（十二）: 鼓励企业吸纳贫困家庭劳动力就业 … 给予企业一定的奖补 — asked, never 没太明白.
    state, replies = say(dialogue, state, "招了个贫困户来帮工 给我们店里的那份钱是好多", TODAY)
    assert "bazhong-2018-12" in cited(replies), [r.text for r in replies]
    assert state.pending.get("region") == "平昌县" and not state.profile


@pytest.mark.parametrize("told", ["在砖厂干了好多年", "跑了好多地方都没找到活"])
def test_haoduo_meaning_many_states(dialogue: Dialogue, told: str) -> None:
    _, replies = say(dialogue, SessionState(), f"我在南江 {told}", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]


# -- (c) the check asked for the one the conversation is about, while their card waits ------------------


@pytest.mark.parametrize("asked", ["帮她看看能领啥", "给我爸查查", "帮俺爸测一下能享受哪些"])
def test_a_check_asked_for_the_person_told_of_shows_their_card(dialogue: Dialogue, asked: str) -> None:
    first = "我爸在雁江 58岁 厂里下岗了" if "爸" in asked else "我姐在雁江 40岁 厂里下岗了"
    state, _ = say(dialogue, SessionState(), first, TODAY)
    assert state.for_someone_else and state.pending.get("region") == "雁江区"
    state, replies = say(dialogue, state, asked, TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert not any("说说TA的情况" in r.text for r in replies)
    state, replies = say(dialogue, state, "对", TODAY)
    assert state.interviewing and state.profile.get("region") == "雁江区"


def test_a_check_asked_for_another_relative_is_not_the_subjects(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我爸在雁江 58岁 厂里下岗了", TODAY)
    _, replies = say(dialogue, state, "帮我妹查查", TODAY)
    assert replies[0].kind == "notice" and "妹" in replies[0].text, [r.text for r in replies]


# -- (d) a check request with the person's facts beside it ------------------------------------------------


def test_oneself_asking_for_the_check_with_facts_cards_them(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "帮忙看下自己符不符合 恩阳区 男 45岁", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending == {"region": "恩阳区", "age": 45}


def test_a_place_said_apart_joins_what_the_check_request_tells(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "宝丰县 我开了家小超市 招了两个人 看看我能享受啥", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending.get("region") == "宝丰县"
    assert state.pending.get("employment_status") == "self_employed"


# -- (e) thanks said for someone else or in English close the talk ---------------------------------------


@pytest.mark.parametrize("thanks", ["替我妈谢谢你了", "thank you so much", "thanks bro"])
def test_thanks_for_someone_or_in_english_close_politely(dialogue: Dialogue, thanks: str) -> None:
    state, _ = say(dialogue, SessionState(), "商洛创业担保贷款能贷多少", TODAY)
    _, replies = say(dialogue, state, thanks, TODAY)
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    assert replies and replies[0].kind == "notice" and len(replies[0].text) <= 120


# -- (f) a situation told, then what there is asked openly: the situation steers, not a money word --------


def test_what_there_is_for_someone_out_of_work_is_asked_of_that_situation(dialogue: Dialogue) -> None:
    # The measures named 补助 (急需紧缺人才 安家补助) or for graduates (求职创业补贴) are not this man's.
    state, replies = say(dialogue, SessionState(), "我在乐至 我男人的厂子关门了 到现在没活干 他能有点啥补助", TODAY)
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and "失业人员" in answers[0].text, [r.text for r in replies]
    assert "ziyang-2017-23" not in cited(replies) and "ziyang-2017-12" not in cited(replies)
    assert replies[-1].kind == "confirm" and state.pending.get("employment_status") == "unemployed"


# -- (g) what others say a measure pays is asked about, not carded -----------------------------------------


@pytest.mark.parametrize("heard", ["听村里人讲吉林开个体户一次给八千", "别人都说长春开网店政府补两万块"])
def test_a_sum_heard_of_is_asked_about(dialogue: Dialogue, heard: str) -> None:
    # 吉林（七）: 一次性5000元初创企业补贴 — the figure the documents state answers the rumour.
    state, replies = say(dialogue, SessionState(), heard, TODAY)
    assert "jilin-2017-07" in cited(replies), [r.text for r in replies]
    assert not state.pending and not state.profile


# -- (h) two places compared: each answered, never one picked silently ----------------------------------


@pytest.mark.parametrize("compared", ["巴中跟资阳比 创业补贴哪边给得多", "创业补贴是巴中好还是资阳好"])
def test_two_places_compared_are_both_answered(dialogue: Dialogue, compared: str) -> None:
    # 巴中（六） and 资阳（八）: 创业补贴 for 就业困难人员, neither states a sum.
    _, replies = say(dialogue, SessionState(), compared, TODAY)
    found = cited(replies)
    assert any(c.startswith("bazhong-") for c in found) and any(c.startswith("ziyang-") for c in found), [
        r.text for r in replies
    ]
    assert "【巴中市】" in replies[0].text and "【资阳市】" in replies[0].text


# -- (i) the text asked to be handed over (复制, 粘贴) is the clause just cited ------------------------------


@pytest.mark.parametrize("handed", ["把这条原文复制给我", "原文粘贴过来看看"])
def test_the_text_asked_to_be_copied_is_the_clause_cited(dialogue: Dialogue, handed: str) -> None:
    state, replies = say(dialogue, SessionState(), "商洛小额担保贷款有啥条件", TODAY)
    assert "shangluo-2012-04" in cited(replies), [r.text for r in replies]
    _, replies = say(dialogue, state, handed, TODAY)
    assert cited(replies) == {"shangluo-2012-04"}, [r.text for r in replies]
    assert "四、" in replies[0].text


# -- (j) 嘞 closing a place is 呢: the last question asked there ------------------------------------------


def test_a_place_with_lei_asks_the_last_question_there(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "巴中 返乡创业 能贷款不", TODAY)
    state, replies = say(dialogue, state, "那平顶山嘞", TODAY)
    assert any(c.startswith("pingdingshan-") for c in cited(replies)), [r.text for r in replies]
    assert any("接着刚才的问题" in r.text for r in replies)
    assert not state.pending


def test_hao_lei_still_says_yes(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在商州 开了个小店", TODAY)
    state, _ = say(dialogue, state, "好嘞", TODAY)
    assert state.profile.get("region") == "商州区" and not state.pending


# -- (k) an age said as a phrase of its own, without 岁 ----------------------------------------------------


@pytest.mark.parametrize(("told", "age"), [("我是镇安的 四十七了 在家带孩子", 47), ("洛南的 38了 想出去找活", 38)])
def test_an_age_said_as_a_phrase_of_its_own_is_carded(dialogue: Dialogue, told: str, age: int) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending.get("age") == age


def test_a_childs_age_is_not_the_persons(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在镇安 娃都十二了 想出去找活", TODAY)
    assert "age" not in state.pending
