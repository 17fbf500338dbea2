"""Session 18 (issue 12, task chat13): the classes of chats set 10's failed turns — through the dialogue
core, in our own wording (written from the source texts, not from the set's phrasing)."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from knowledge.kb import KnowledgeBase
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 10)


# -- (a) a yes that opens a message confirms the waiting card, whatever words follow it ------------


def test_a_yes_restating_a_fact_confirms_the_card_after_an_answer_that_shares_its_words(
    dialogue: Dialogue,
) -> None:
    # pingdingshan-2020-16: 两后生 (初、高中毕业后未继续升学的学生) … 培训期间生活费补贴. Its clause says 毕业
    # too, and the yes restating the graduation is still an answer to the card, not words searched.
    state, _ = say(dialogue, SessionState(), "卫东区的 今年高中毕业 没考上大学", TODAY)
    state, replies = say(dialogue, state, "两后生参加培训管生活费吗", TODAY)
    assert "pingdingshan-2020-16" in cited(replies)
    state, replies = say(dialogue, state, "嗯 今年毕的业", TODAY)
    assert replies[0].kind == "acknowledge"
    assert replies[-1].kind in {"question", "results"}
    assert str(state.profile["graduation_date"]).startswith("2026")


def test_a_yes_saying_whose_facts_they_are_confirms_the_card(dialogue: Dialogue) -> None:
    # pingdingshan-2020-12: 就业困难人员 … 公益性岗位托底安置.
    state, _ = say(dialogue, SessionState(), "替我姐姐问一下 她在叶县 厂子关门下岗了", TODAY)
    assert state.for_someone_else
    state, replies = say(dialogue, state, "她能不能上公益性岗位", TODAY)
    assert "pingdingshan-2020-12" in cited(replies)
    state, replies = say(dialogue, state, "对 是我姐姐的", TODAY)
    assert replies[0].kind == "acknowledge"
    assert replies[-1].kind in {"question", "results"}
    assert state.profile["region"] == "叶县"
    assert not state.pending


# -- (b) 有没 closing a message asks (有没有 cut short) -----------------------------------------------


def test_you_mei_at_the_end_asks_and_never_moves_the_card(dialogue: Dialogue) -> None:
    # jilin-2017-20 and ziyang-2017-22: 技能提升补贴 in both; 资阳有没 asks the same of 资阳.
    state, _ = say(dialogue, SessionState(), "我在通江 厂里上班 失业保险交了五年", TODAY)
    state, replies = say(dialogue, state, "吉林的技能提升补贴有多少", TODAY)
    assert "jilin-2017-20" in cited(replies)
    state, replies = say(dialogue, state, "资阳有没", TODAY)
    assert "ziyang-2017-22" in cited(replies)
    assert state.pending["region"] == "通江县"
    assert not state.profile


# -- (c) a short place name is no place where its last character begins a commoner word --------------


def test_a_short_name_running_into_a_word_is_no_place(kb: KnowledgeBase) -> None:
    # 失业金明年: 失业金 / 明年 — 金明 (of 金明区, 开封) is not named.
    assert kb.gazetteer.resolve("我的失业金明年三月到期").place is None
    assert kb.gazetteer.resolve("在金明区打工").place == "金明区"
    # A covered place stays a place whatever follows it.
    assert kb.gazetteer.resolve("长春天气冷").place == "长春市"


def test_a_question_about_unemployment_money_names_no_place(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "失业金明年就领完了 到时候还能领点啥", TODAY)
    assert "region" not in state.pending
    assert replies and all("金明" not in r.text for r in replies)


# -- (d) a place said alone before asking for the check is where the person is ----------------------


def test_a_place_said_before_asking_for_the_check_starts_it_from_there(dialogue: Dialogue) -> None:
    # Session 26 (lead's decision): recorded at once, the first question saying the place — no card.
    state, replies = say(dialogue, SessionState(), "通江的 帮我看看能领哪些补贴", TODAY)
    assert state.profile["region"] == "通江县" and not state.pending
    assert replies[-1].kind == "question" and "通江县" in replies[0].text


def test_a_case_told_before_asking_what_it_gets_is_still_answered(dialogue: Dialogue) -> None:
    # bazhong-2018-06: 返乡下乡创办或领办农民合作社、种养大户、家庭农场 … 创业扶持政策. Not a place alone:
    # what the case gets is asked of the documents.
    _, replies = say(dialogue, SessionState(), "平昌县回来办个种养大户，有啥扶持政策", TODAY)
    assert "bazhong-2018-06" in cited(replies)


# -- (e) asking on a relative's behalf, then telling their case: the first card is theirs ------------


def test_asking_for_a_relative_then_telling_their_case_shows_their_card(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "帮我爸打听一下 他在白山 矿上下岗了", TODAY)
    assert replies[-1].kind == "confirm"
    assert state.for_someone_else
    assert state.pending["region"] == "白山市"
    assert not state.profile


def test_asking_for_a_relative_about_a_measure_is_still_a_question(dialogue: Dialogue) -> None:
    # jilin-2017-07: 一次性5000元初创企业补贴 — words typed as into a search box after the asking.
    state, replies = say(dialogue, SessionState(), "帮我儿子问问 吉林初创企业补贴", TODAY)
    assert "jilin-2017-07" in cited(replies)
    assert not state.profile


# -- (f) a place in what one has heard of is no place of one's own ---------------------------------


def test_a_place_in_hearsay_never_corrects_where_the_person_is(dialogue: Dialogue) -> None:
    # ziyang-2017-22: 参保职工技能提升补贴 (no sum stated); jilin-2017-20 states 2000元 for 高级 — heard of,
    # not where the person is.
    state, _ = say(dialogue, SessionState(), "我在乐至 在厂里上班 失业保险交了五年", TODAY)
    state, _ = say(dialogue, state, "对", TODAY)
    assert state.profile["region"] == "乐至县"
    state, _ = say(dialogue, state, "资阳给多少 我听人说长春高级工补2000", TODAY)
    assert state.profile["region"] == "乐至县"
    assert "region" not in state.pending


# -- (g) a question typed first, then words about a person: the question goes on from the thread ----


def test_a_follow_up_question_with_words_about_oneself_after_it_goes_on_from_the_thread(
    dialogue: Dialogue,
) -> None:
    # pingdingshan-2020-22: 距法定退休年龄不足1年的失业人员, 可继续发放失业保险金直至法定退休年龄.
    state, replies = say(dialogue, SessionState(), "平顶山失业保险金领完了 离退休不到一年 还能接着领吗", TODAY)
    assert "pingdingshan-2020-22" in cited(replies)
    state, replies = say(dialogue, state, "在哪申请 我眼睛不好看不清字", TODAY)
    assert "pingdingshan-2020-22" in cited(replies)


# -- (h) a mother named is no oath -------------------------------------------------------------------


def test_a_mother_naming_herself_is_answered_not_calmed(dialogue: Dialogue) -> None:
    # jilin-2017-07: 首次创办小微企业或从事个体经营 … 一次性5000元初创企业补贴.
    state, _ = say(dialogue, SessionState(), "帮我儿子问问 他在四平 大专毕业想开网店", TODAY)
    state, replies = say(dialogue, state, "我是他妈 我也想跟他一起干 吉林初创企业补贴俩人都能拿吗", TODAY)
    assert "jilin-2017-07" in cited(replies)


def test_an_oath_still_gets_the_calm_answer(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "你他妈到底会不会回答", TODAY)
    assert not cited(replies)
    assert replies[0].kind == "notice"
