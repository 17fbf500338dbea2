"""Session 20 (issue 12, task chat15): the classes of chats set 12's failed turns — through the dialogue
core, in our own wording (written from the source texts, not from the set's phrasing)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.dialogue.words import load_vocabulary
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 10)


# -- (a) the age in full years, said before its number; the traditional count is no age ------------


def test_a_correction_in_full_years_replaces_the_age_and_the_traditional_count_is_not_read(
    dialogue: Dialogue,
) -> None:
    state, _ = say(dialogue, SessionState(), "通江的 今年40 在家带孩子", TODAY)
    assert state.pending["age"] == 40
    state, replies = say(dialogue, state, "不对 周岁38 虚岁39", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending["age"] == 38


# -- (b) 干 + a job at a workplace is working there -----------------------------------------------


def test_doing_a_job_at_a_factory_is_employment_and_makes_a_card(dialogue: Dialogue) -> None:
    # 平顶山（四）: 企业 … 职工 — the employee's situation, told; carded, never searched.
    state, replies = say(dialogue, SessionState(), "叶县的 在一家水泥厂干电工", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending == {"employment_status": "employed", "region": "叶县"}


# -- (c) what is said between the work elsewhere and the return still counts -----------------------


def test_losing_the_job_elsewhere_before_coming_back_is_read_with_the_return(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "在宁波打工被裁了 过年回来的 商南县人", TODAY)
    assert state.pending["returning_migrant"] is True
    assert state.pending["employment_status"] == "unemployed"
    assert state.pending["region"] == "商南县"


# -- (d) the speaker about to tell something asks nothing ------------------------------------------


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("我先说一下 我在洛南住", False),
        ("跟你讲一下 我是退伍的", False),
        ("顺便说一句 我老家在丹凤", False),
        ("给我说一下创业贷款", True),  # the bot is told to tell
        ("说一下巴中的就业见习", True),
    ],
)
def test_telling_words_of_the_speaker_ask_nothing(dialogue: Dialogue, message: str, asks: bool) -> None:
    assert dialogue.reader.read(message).asks is asks


def test_a_statement_opened_by_telling_words_is_no_question_while_a_card_waits(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "洛南县的 45岁 下岗了", TODAY)
    state, replies = say(dialogue, state, "我先说一下 我在洛南住 户口在商州", TODAY)
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    assert replies[-1].kind == "confirm" and state.pending["region"] == "洛南县"


# -- (e) a yes said last, after words about who confirms -------------------------------------------


def test_a_yes_said_last_after_who_confirms_confirms_the_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "丹凤县 38岁 没工作", TODAY)
    state, replies = say(dialogue, state, "孩子在外地 我替他回 是的", TODAY)
    assert replies[-1].kind == "question", [r.text for r in replies]
    assert state.profile["region"] == "丹凤县" and not state.pending


def test_a_no_before_a_yes_does_not_confirm(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "丹凤县 38岁 没工作", TODAY)
    state, _ = say(dialogue, state, "不是 他在外地 对的", TODAY)
    assert state.pending and not state.profile


@pytest.mark.parametrize("message", ["对的", "没问题"])
def test_the_last_words_are_a_whole_yes(message: str) -> None:
    assert load_vocabulary().is_assent(message)


# -- (f) where one came back from is not the place asked about --------------------------------------


def test_a_question_naming_where_one_came_back_from_is_answered_where_the_person_is(dialogue: Dialogue) -> None:
    # 商洛（四）: 返乡农民工 … 自主创业 — answered for 商南县, not refused for 江苏.
    state, _ = say(dialogue, SessionState(), "商南县的 40岁 失业了", TODAY)
    state, _ = say(dialogue, state, "对", TODAY)
    _, replies = say(dialogue, state, "我前年从江苏回来的 返乡创业有扶持吗", TODAY)
    assert any(c.startswith("shangluo-") for c in cited(replies)), [r.text for r in replies]
    assert not any(r.answer_status == "region_not_covered" for r in replies)


# -- (g) an article a document lacks, then another number: that document's article --------------------


def test_after_an_article_a_document_lacks_the_next_number_is_that_documents(dialogue: Dialogue) -> None:
    # 资阳 has 29 articles; （五） is 防范化解失业风险.
    state, replies = say(dialogue, SessionState(), "资阳第40条", TODAY)
    assert [r.kind for r in replies] == ["notice"] and "29" in replies[0].text
    _, replies = say(dialogue, state, "那第五条", TODAY)
    assert cited(replies) == {"ziyang-2017-05"}, [r.text for r in replies]


# -- (h) a notice asked about ("is this true?") is reported, not the person's case ---------------------


def test_the_groups_of_a_notice_asked_about_are_not_carded_as_the_person(dialogue: Dialogue) -> None:
    # 巴中（十）（十四）: 高校毕业生创业补贴, 退役士兵 — no figure like these in the documents; only 平昌 is told.
    message = "网上传的：退役士兵每人补贴3万，大学生创业补10万，到社区领。这个是真的吗？我在平昌"
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert any(c.startswith("bazhong-") for c in cited(replies)), [r.text for r in replies]
    assert state.pending == {"region": "平昌县"}


def test_a_case_told_in_the_first_person_beside_a_truth_question_is_still_the_persons(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我是退役士兵，在平昌。听说能补3万，是真的吗", TODAY)
    assert state.pending.get("veteran") == "soldier" and state.pending.get("region") == "平昌县"


# -- (i) where one lives now, said beside where one's household is registered --------------------------


def test_living_somewhere_now_moves_the_card_and_is_no_search(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在洛南 45岁 下岗了", TODAY)
    state, replies = say(dialogue, state, "不好意思 户口在商州 人现在住丹凤", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending["region"] == "丹凤县"


@pytest.mark.parametrize("message", ["人现在住丹凤", "店也开在梅河口", "住在叶县城里"])
def test_living_words_say_where_one_is(message: str) -> None:
    assert load_vocabulary().living.search(message)


@pytest.mark.parametrize("message", ["巴中 住房补贴", "现在住院能报销吗"])
def test_housing_and_hospital_are_no_living_somewhere(message: str) -> None:
    assert not load_vocabulary().living.search(message)


# -- (j) a sum someone else got questions the last answer's figure ----------------------------------------


def test_a_relatives_sum_after_an_answer_is_answered_with_that_measures_figure(dialogue: Dialogue) -> None:
    # 资阳（十九）: 贫困劳动者 创业担保贷款 最高不超过10万元.
    state, replies = say(dialogue, SessionState(), "资阳贫困劳动者创业担保贷款最高多少", TODAY)
    assert "ziyang-2017-19" in cited(replies)
    state, replies = say(dialogue, state, "我表哥在安岳贷了20万", TODAY)
    assert "ziyang-2017-19" in cited(replies), [r.text for r in replies]
    assert not state.pending and not state.for_someone_else


# -- (k) a word taking in the reply, then the card said right ------------------------------------------


def test_a_word_taking_in_the_reply_before_the_card_said_right_confirms(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "镇安县 52岁 没活干", TODAY)
    state, replies = say(dialogue, state, "明白 卡片对的", TODAY)
    assert replies[-1].kind == "question", [r.text for r in replies]
    assert state.profile["region"] == "镇安县"


# -- (l) not finding work is being out of work, however short the message -------------------------------


def test_not_finding_work_then_a_place_makes_one_card(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "唉 一直找不着活", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    state, replies = say(dialogue, state, "平昌", TODAY)
    assert replies[-1].kind == "confirm"
    assert state.pending == {"employment_status": "unemployed", "region": "平昌县"}
