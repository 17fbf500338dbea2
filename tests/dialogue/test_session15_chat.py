"""Session 15 (issue 12, task chat10): the walkthrough's leftovers and the classes of chats set 7 —
through the dialogue core (the HTTP side: tests/web/test_reminder.py, tests/web/test_chats.py)."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.present.prose import prose
from knowledge.kb import KnowledgeBase
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 1)


# -- (a) a waiting card is not shown in full after every answer (session 37: pointed to in one line) -----------


def test_a_waiting_card_is_pointed_to_in_one_line_after_each_answer(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在舞钢 跑快递的", TODAY)
    pending = dict(state.pending)
    reminder = prose().reminders.card.split("{", 1)[0]
    for asked in ("平顶山灵活就业社保有补贴吗", "创业担保贷款能贷多少", "就业见习补贴怎么算", "失业保险金能领多久"):
        state, replies = say(dialogue, state, asked, TODAY)
        assert [r.kind for r in replies] == ["answer", "confirm"], asked
        assert replies[-1].text.startswith(reminder) and replies[-1].buttons, replies[-1].text
        assert state.pending == pending
    # Coming back to it (an opener answers nothing) offers it again, in one line with its buttons.
    state, replies = say(dialogue, state, "你好，我想问一下", TODAY)
    assert replies[-1].kind == "confirm" and "还有资料等您确认" in replies[-1].text
    assert replies[-1].buttons


def test_a_changed_card_is_offered_again_in_full(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在舞钢 跑快递的", TODAY)
    for asked in ("平顶山灵活就业社保有补贴吗", "创业担保贷款能贷多少"):
        state, _ = say(dialogue, state, asked, TODAY)
    state, replies = say(dialogue, state, "另外我今年38岁", TODAY)
    assert replies[-1].kind == "confirm" and "38" in replies[-1].text


# -- (b) a card corrected to a place no document covers --------------------------------------------


def test_moving_the_cards_place_to_an_uncovered_one_is_said_plainly_as_an_answer(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在四平，前年中专毕业，在家待业", TODAY)
    state, replies = say(dialogue, state, "搞错了，我不在四平，在葫芦岛", TODAY)
    assert replies[0].kind == "answer" and replies[0].answer_status == "region_not_covered"
    assert not replies[0].citations
    assert "葫芦岛市不在收录范围内" in replies[0].text and "吉林省的政策不适用于葫芦岛市" in replies[0].text
    assert replies[-1].kind == "confirm" and state.pending["region"] == "葫芦岛市"
    # Said once: the card below it does not repeat the warning.
    assert "⚠️" not in replies[-1].text


def test_moving_a_recorded_place_to_an_uncovered_one_is_said_plainly_too(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在通化开了个小超市", TODAY)
    state, _ = say(dialogue, state, "对", TODAY)
    state, replies = say(dialogue, state, "我现在不在通化了，在辽宁本溪", TODAY)
    assert replies[0].answer_status == "region_not_covered"
    assert state.profile["region"] == "通化市" and state.pending["region"] == "本溪市"


def test_a_first_description_in_an_uncovered_place_keeps_the_card_that_says_so(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "我在本溪开了个小超市", TODAY)
    assert [r.kind for r in replies] == ["confirm"]
    assert "本溪市不在收录范围内" in replies[0].text


# -- (c) a city of a covered province that no document covers ---------------------------------------


def test_a_place_after_zai_is_a_place_even_when_zai_and_its_first_character_make_a_word(kb: KnowledgeBase) -> None:
    kb_gazetteer = kb.gazetteer
    # 在内 (including) and 到达 (arrive) are words, yet 在/到 here mark where: 内江, 达州 are places.
    assert kb_gazetteer.resolve("我在内江").place == "内江市"
    assert kb_gazetteer.resolve("住在内江打零工").place == "内江市"
    assert kb_gazetteer.resolve("上个月回到达州").place == "达州市"
    assert kb_gazetteer.resolve("现在内江").place == "内江市"
    assert kb_gazetteer.resolve("包括在内").place is None


def test_i_am_in_neijiang_is_a_place_not_covered_never_ignored(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在内江，厂里上班", TODAY)
    assert state.pending["region"] == "内江市"
    assert replies[-1].kind == "confirm" and "内江市不在收录范围内" in replies[-1].text
    state, replies = say(dialogue, SessionState(), "我在内江", TODAY)
    assert state.pending.get("region") == "内江市"


# -- (d) the place a question names wins over where the person is ------------------------------------


def test_a_question_naming_another_place_than_the_speakers_is_answered_there_and_says_so(
    dialogue: Dialogue,
) -> None:
    state, replies = say(dialogue, SessionState(), "我在吉林市 资阳的一次性创业补贴我能拿吗", TODAY)
    answer = replies[0]
    assert answer.kind == "answer" and answer.citations
    assert all(c.startswith("ziyang-") for c in answer.clause_ids)
    assert answer.text.startswith("（按您问的资阳市回答") and "吉林市按吉林省的政策" in answer.text
    assert state.pending.get("region") == "吉林市"


def test_a_question_about_another_place_while_the_card_waits_says_which_place_it_answers(
    dialogue: Dialogue,
) -> None:
    state, _ = say(dialogue, SessionState(), "我在延吉开了家烤肉店", TODAY)
    state, replies = say(dialogue, state, "商洛开店的有补贴不", TODAY)
    assert replies[0].kind == "answer" and "按您问的商洛市回答" in replies[0].text
    assert state.pending["region"] == "延吉市"


def test_a_question_in_the_speakers_own_place_gets_no_such_line(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在延吉开了家烤肉店", TODAY)
    _, replies = say(dialogue, state, "吉林开店的有补贴不", TODAY)
    assert replies[0].kind == "answer" and "按您问的" not in replies[0].text


# -- (e) search words without a place, in a conversation that has one --------------------------------


def test_search_words_without_a_place_are_asked_where_the_conversation_is(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在通江，大专毕业两年了", date(2018, 9, 1))
    state, _ = say(dialogue, state, "是的", date(2018, 9, 1))
    state, replies = say(dialogue, state, "三支一扶 编制", date(2018, 9, 1))
    answer = next(r for r in replies if r.kind == "answer")
    assert "巴中市" in answer.text
    assert all(c.startswith("bazhong-") for c in answer.clause_ids)


def test_prose_of_session_15_has_its_placeholders() -> None:
    words = prose().dialogue_leftovers
    assert "{" not in words.asked_elsewhere.format(asked="巴中市", own="长春市", own_jurisdiction="吉林省")


# -- chats set 7's classes ----------------------------------------------------------------------------


def test_a_place_after_na_asks_the_last_question_there(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "巴中创业担保贷款怎么申请", TODAY)
    state, replies = say(dialogue, state, "那商洛", TODAY)
    assert replies[0].kind == "answer" and all(c.startswith("shangluo-") for c in replies[0].clause_ids)
    assert not state.pending


def test_a_place_after_na_while_a_card_waits_is_a_follow_up_not_a_correction(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在辽源跑网约车", TODAY)
    state, _ = say(dialogue, state, "辽源灵活就业社保有补贴吗", TODAY)
    state, replies = say(dialogue, state, "那资阳", TODAY)
    assert replies[0].kind == "answer" and replies[0].clause_ids
    assert state.pending["region"] == "辽源市"


def test_a_place_alone_while_going_from_place_to_place_asks_there_and_keeps_the_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在长春跑网约车", TODAY)
    state, _ = say(dialogue, state, "巴中灵活就业有社保补贴吗", TODAY)
    state, replies = say(dialogue, state, "资阳的", TODAY)
    assert replies[0].kind == "answer" and all(c.startswith("ziyang-") for c in replies[0].clause_ids)
    assert state.pending["region"] == "长春市"


def test_a_place_alone_after_talk_about_the_cards_own_place_corrects_the_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在长春跑网约车", TODAY)
    state, _ = say(dialogue, state, "吉林灵活就业有社保补贴吗", TODAY)
    state, replies = say(dialogue, state, "四平的", TODAY)
    assert replies[-1].kind == "confirm" and state.pending["region"] == "四平市"


def test_a_sum_typed_right_after_search_words_is_searched(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "农民工返乡创业园区80万", TODAY)
    assert replies[0].kind == "answer" and replies[0].citations
    assert not state.pending


def test_a_sum_after_something_done_is_still_a_statement(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "开店贷了5万", TODAY)
    assert replies[-1].kind == "confirm" and state.pending.get("employment_status") == "self_employed"


def test_a_supposition_after_a_short_subject_states_nothing(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "铺子要是办了执照 长春那个开业补贴给多少", TODAY)
    assert replies[0].kind == "answer" and replies[0].citations
    assert "business_licensed" not in state.pending
    # 主要是 supposes nothing: what follows it is asked as usual.
    _, replies = say(dialogue, SessionState(), "主要是想问问吉林的创业补贴", TODAY)
    assert replies[0].kind == "answer" and replies[0].citations


def test_a_parent_telling_a_childs_situation_and_asking_what_there_is_checks_for_the_child(
    dialogue: Dialogue,
) -> None:
    state, replies = say(dialogue, SessionState(), "我儿子去年中专毕业 在通化 想学门手艺 有啥政策不", TODAY)
    assert state.for_someone_else
    assert state.pending["region"] == "通化市" and state.pending["graduation_date"] == "2025-06-30"
    assert replies[-1].kind == "confirm"


def test_a_correction_naming_him_while_the_card_waits_corrects_the_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "安岳的 我家那口子下岗了 今年46", TODAY)
    state, replies = say(dialogue, state, "不对 他今年是48岁", TODAY)
    assert [r.kind for r in replies] == ["confirm"]
    assert state.pending["age"] == 48 and state.pending["region"] == "安岳县"


def test_a_question_in_the_words_of_the_clause_just_shown_goes_on_from_it(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "平顶山职业介绍补贴 一个人多少钱", TODAY)
    state, replies = say(dialogue, state, "介绍什么人才给", TODAY)
    assert replies[0].kind == "answer" and "pingdingshan-2020-20" in replies[0].clause_ids
    # A question whose words the shown clause does not hold is not pulled onto it.
    _, replies = say(dialogue, state, "退休了养老金能领多少", TODAY)
    assert replies[0].kind == "answer" and not replies[0].citations


def test_a_business_wished_for_is_a_plan_whatever_its_kind(dialogue: Dialogue) -> None:
    for wish in ("打算做微商卖山货", "准备在快手上卖货", "我想做点小生意"):
        state, _ = say(dialogue, SessionState(), f"我在洛南 {wish}", TODAY)
        assert state.pending.get("wants_business") is True, wish
        assert "employment_status" not in state.pending, wish
    # Said as done, it is a business run now.
    state, _ = say(dialogue, SessionState(), "我在洛南 在快手上卖货", TODAY)
    assert state.pending.get("employment_status") == "self_employed"


def test_a_business_wished_for_later_is_a_plan(dialogue: Dialogue) -> None:
    # Lead's walkthrough (session 15): 我想以后自己开个修车铺 turned a factory worker into a business owner.
    for wish in ("我想以后自己开个修车铺", "打算明年回老家开个小饭馆"):
        state, _ = say(dialogue, SessionState(), f"我在安岳 {wish}", TODAY)
        assert state.pending.get("wants_business") is True, wish
        assert "employment_status" not in state.pending, wish


def test_search_words_naming_another_measure_of_the_same_clause_start_a_new_search(dialogue: Dialogue) -> None:
    # 平顶山（一） holds both 中小微企业稳岗返还（提高标准） and 小规模纳税人增值税征收率降低: after the first,
    # 增值税 小规模纳税人 names the second by its own words — not a narrowing of the first.
    state, _ = say(dialogue, SessionState(), "叶县 稳岗返还 提到100%", TODAY)
    state, replies = say(dialogue, state, "增值税 小规模纳税人", TODAY)
    answer = next(r.text for r in replies if r.kind == "answer")
    assert "增值税" in answer.splitlines()[0] and "稳岗返还" not in answer.splitlines()[0]
    # search words that only narrow the last measure still do (白山 中级工 after 技能提升补贴)
    state, _ = say(dialogue, SessionState(), "吉林技能提升补贴多少", TODAY)
    state, replies = say(dialogue, state, "白山 中级工", TODAY)
    assert "技能提升补贴" in next(r.text for r in replies if r.kind == "answer")
