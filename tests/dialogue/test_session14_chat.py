"""Session 14 (issue 12, task chat9): whose facts a message states, corrections of whose they are, questions about
someone else while a card waits, two questions in one message, leave-takings, subject-less
descriptions before a question, and follow-ups by a figure — through the dialogue core."""

from __future__ import annotations

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.present.prose import prose
from tests.dialogue.test_session13 import say

# -- whose facts ----------------------------------------------------------------------------------


def test_a_relatives_status_typed_after_the_speakers_own_facts_is_not_the_speakers(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我52岁 南江的 老婆是残疾人")
    assert replies[-1].kind == "confirm"
    assert state.pending["age"] == 52
    assert state.pending["region"] == "南江县"
    assert "disabled" not in state.pending
    assert not state.for_someone_else


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("咱在白城 儿子中专前年毕业", "graduation_date"),
        ("俺在四平 闺女本科去年毕业 一直没找着活", "education"),
    ],
)
def test_a_parent_who_gives_only_the_familys_place_is_checking_for_the_child(
    dialogue: Dialogue, message: str, fact: str
) -> None:
    state, replies = say(dialogue, SessionState(), message)
    assert state.for_someone_else, "the check is for the child"
    assert fact in state.pending and "region" in state.pending
    assert prose().closing.for_someone_else in replies[-1].text


def test_a_status_said_to_be_someone_elses_leaves_the_card_and_the_rest_stays(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平昌 是低保户 52岁")
    assert state.pending["household"] == ["dibao"]
    state, replies = say(dialogue, state, "低保户不是我 是我婆姨")
    assert "household" not in state.pending
    assert state.pending["age"] == 52 and state.pending["region"] == "平昌县"
    assert replies[0].kind == "notice" and "家庭情况" in replies[0].text
    assert replies[-1].kind == "confirm"


def test_not_me_but_my_spouse_naming_nothing_keeps_only_the_place(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平昌 是就业困难人员")
    state, replies = say(dialogue, state, "不是我 是我婆姨")
    assert state.pending == {"region": "平昌县"}
    assert replies[0].kind == "notice"


# -- someone else asked about while a card waits --------------------------------------------------


def test_what_a_relative_can_get_is_answered_while_the_speakers_card_waits(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在恩阳 开了个小饭馆")
    pending = dict(state.pending)
    state, replies = say(dialogue, state, "我闺女能领啥补贴")
    assert prose().dialogue.notices.confirm_first not in [r.text for r in replies]
    assert replies[0].kind == "answer" and replies[0].text == prose().closing.other_situation_needed
    assert replies[-1].kind == "confirm"
    assert state.pending == pending


def test_a_relatives_situation_asked_about_while_the_card_waits_is_looked_up(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在恩阳 开了个小饭馆")
    pending = dict(state.pending)
    state, replies = say(dialogue, state, "我儿子今年中专毕业 他能申请啥补贴")
    assert replies[0].kind == "answer" and replies[0].citations
    assert replies[-1].kind == "confirm"
    assert state.pending == pending


def test_a_place_said_of_a_companion_never_moves_the_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "退伍回来了 在恩阳 还没找到事做", "恩阳对退役士兵有啥扶持")
    state, replies = say(dialogue, state, "我发小在雁江 他那边一样不")
    assert state.pending["region"] == "恩阳区"
    assert replies[0].kind == "answer"
    assert any(c.clause_id.startswith("ziyang-") for c in replies[0].citations)


def test_a_veteran_of_unsaid_kind_is_not_told_a_measure_for_one_kind_rules_him_out(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "退伍回来了 在恩阳 还没找到事做", "恩阳对退役士兵有啥扶持")
    assert replies[0].kind == "answer" and replies[0].citations
    assert "您目前不符合" not in replies[0].text


# -- two questions, leave-takings -----------------------------------------------------------------


def test_a_second_question_about_another_thing_typed_after_a_space_is_not_dropped(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平昌 想开个小卖部")
    _, replies = say(dialogue, state, "创业担保贷款最多贷好多 利息怎么算")
    answer = replies[0]
    assert answer.kind == "answer"
    assert answer.text.count("【") == 2, "each part under its own heading"
    first, second = answer.text.split("\n\n【", 1)
    assert "利息怎么算" in second
    assert first.split("\n", 1)[1] not in second, "the same answer is never given twice"


def test_a_second_question_about_another_kind_of_help_is_asked_where_the_first_was(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "资阳开淘宝店算不算创业 能贷款不")
    assert replies[0].kind == "answer" and replies[0].text.count("【") == 2
    loan = replies[0].text.split("【能贷款不】", 1)[1]
    assert "创业担保贷款" in loan
    assert any(c.clause_id == "ziyang-2017-09" for c in replies[0].citations)


@pytest.mark.parametrize("message", ["先不查了 多谢哈", "行 今天就不问了 谢啦", "再见🙏", "算了不弄了"])
def test_leaving_off_mid_interview_gets_a_short_goodbye_and_no_question(dialogue: Dialogue, message: str) -> None:
    state, _ = say(dialogue, SessionState(), "我在通化 失业了", "对")
    assert state.interviewing
    _, replies = say(dialogue, state, message)
    assert [r.kind for r in replies] == ["notice"]
    assert replies[0].text == prose().closing.farewell


# -- descriptions without 我 before a question; a correction naming its fact -----------------------


@pytest.mark.parametrize(
    ("message", "region", "fact"),
    [
        ("在洛南开出租车的 想咨询下有啥补贴", "洛南县", "employment_status"),
        ("两年前退伍的 现在在郏县 想打听下有啥", "郏县", "veteran"),
    ],
)
def test_a_description_without_first_person_before_a_general_question_is_carded(
    dialogue: Dialogue, message: str, region: str, fact: str
) -> None:
    state, replies = say(dialogue, SessionState(), message)
    assert replies[-1].kind == "confirm"
    assert state.pending["region"] == region and fact in state.pending


def test_a_correction_naming_its_fact_settles_a_bare_number_that_two_facts_could_take(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "叶县的 49岁 下岗一年多了")
    assert state.pending["unemployed_months"] == 12
    state, replies = say(dialogue, state, "年龄写错了 应该是47")
    assert replies[-1].kind == "confirm"
    assert state.pending["age"] == 47 and state.pending["unemployed_months"] == 12


# -- figures typed as follow-ups -------------------------------------------------------------------


def test_a_figure_alone_that_the_last_answer_states_asks_about_it(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "平顶山就业见习补贴标准")
    _, replies = say(dialogue, state, "110%")
    assert replies[0].kind == "answer"
    assert any(c.clause_id == "pingdingshan-2020-13" for c in replies[0].citations)


def test_a_figure_the_last_answer_does_not_state_is_not_that_answer_again(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "资阳 贫困家庭 推荐岗位")
    _, replies = say(dialogue, state, "奖补 1000")
    assert replies[0].kind == "answer"
    assert prose().followups.read_as.split("{")[0] not in replies[0].text


def test_a_correction_naming_no_one_in_a_check_for_a_child_corrects_the_childs_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我闺女前年中专毕业 在家待着 我们是安岳的")
    assert state.for_someone_else and state.pending["graduation_date"].startswith("2024")
    state, replies = say(dialogue, state, "记错了，应该是大前年")
    assert replies[-1].kind == "confirm"
    assert state.pending["graduation_date"].startswith("2023")


def test_a_question_mid_interview_restating_recorded_facts_shows_no_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在镇安 去年大专毕业 一直没工作", "对")
    assert state.interviewing
    profile = dict(state.profile)
    state, replies = say(dialogue, state, "镇安这边没活干的大专生 政府帮不帮")
    assert replies[0].kind == "answer"
    assert "confirm" not in [r.kind for r in replies]
    assert replies[-1].kind == "question"
    assert not state.pending and state.profile == profile


@pytest.mark.parametrize("message", ["ni hao, pingdingshan jianxi butie duoshao", "startup loan in ziyang, how much?"])
def test_a_message_in_latin_letters_is_answered_and_says_chinese_reads_better(dialogue: Dialogue, message: str) -> None:
    _, replies = say(dialogue, SessionState(), message)
    assert replies[0].kind == "answer"
    assert replies[-1].kind == "notice" and replies[-1].text == prose().dialogue.notices.latin_read


@pytest.mark.parametrize(
    ("message", "home", "asked"),
    [("宁强县的能申请巴中的创业补贴吗", "宁强县", "巴中市"), ("我在绵阳 资阳的培训补贴俺可以领不", "绵阳市", "资阳市")],
)
def test_someone_from_an_uncovered_place_asking_whether_a_covered_places_policy_applies_is_told_plainly(
    dialogue: Dialogue, message: str, home: str, asked: str
) -> None:
    _, replies = say(dialogue, SessionState(), message)
    assert replies[0].kind == "answer" and not replies[0].citations
    assert replies[0].answer_status == "region_not_covered"
    assert f"{home}不在{asked}的范围内" in replies[0].text


def test_someone_moving_to_a_covered_place_is_answered_from_its_documents(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "我在成都，想回巴中创业，能申请创业补贴吗")
    assert replies[0].kind == "answer" and replies[0].citations
