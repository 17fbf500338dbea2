"""Session 30 (issue 12, task chat32): classes of failure read in chats set 22 and last session's leftovers — a place
said with a spoken 的 (汝州哩) beside a bare asking to look starts the check there; a spouse named by everyday words
(我男人, 俺当家的, 我家那口子) and a relative named without 我 at the head of what is told of them (妈在…, 哥今年…) are
someone else, never the speaker; an age said right after a kin word (我妈66了) is that person's age, and an age past
every statutory retirement age is said so beside it. In our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.present.prose import prose
from tests.dialogue.speaking import press, reply_texts, say

TODAY = date(2026, 12, 5)
_OFF_TOPIC = "这不是就业政策方面的问题"


def _known(state: SessionState) -> dict[str, object]:
    return {**state.profile, **state.pending}


# -- (A) a place said with a spoken 的 beside a bare asking to look ------------------------------------------------


@pytest.mark.parametrize(("message", "place"), [("宝丰哩 帮俺查查", "宝丰县"), ("南江嘞 帮俺看看", "南江县")])
def test_a_place_with_a_spoken_of_beside_asking_to_look_starts_the_check(
    dialogue: Dialogue, message: str, place: str
) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert replies and replies[-1].kind in {"question", "results"}, reply_texts(replies)
    assert not any(_OFF_TOPIC in r.text for r in replies), reply_texts(replies)
    assert state.profile.get("region") == place, state.profile


# -- (B) whose facts: a spouse in everyday words, a relative without 我 ------------------------------------------------


@pytest.mark.parametrize("spouse", ["我男人", "俺当家的", "我家那口子"])
def test_a_spouse_in_everyday_words_is_not_the_speaker(dialogue: Dialogue, spouse: str) -> None:
    """The spouse works at a brick factory; the speaker stays at home: the job is never the speaker's own state."""
    state, _ = say(dialogue, SessionState(), f"平昌县的 {spouse}在砖厂上班 我在屋里", TODAY)
    assert state.for_someone_else or _known(state).get("employment_status") != "employed", _known(state)


@pytest.mark.parametrize(
    ("message", "age"), [("爸在宝丰县 59了 厂子倒闭后一直没上班", 59), ("姐今年也失业了 在雁江区 43了", 43)]
)
def test_a_relative_named_without_i_is_someone_else(dialogue: Dialogue, message: str, age: int) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert state.for_someone_else, (reply_texts(replies), _known(state))
    assert _known(state).get("age") == age, _known(state)


def test_a_table_or_a_canteen_names_no_relative(dialogue: Dialogue) -> None:
    """表 and 堂 alone name no one: 表在哪里下载 is the speaker's question."""
    state, _ = say(dialogue, SessionState(), "我在长春 表在哪里下载", TODAY)
    assert not state.for_someone_else


# -- (C) an age after a kin word, and an age past working age ----------------------------------------------------------


def test_an_age_said_after_a_kin_word_is_that_persons(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "帮我爸问问 他在平昌 我爸五十七了 一直在家种地", TODAY)
    assert state.for_someone_else
    assert _known(state).get("age") == 57, _known(state)


def test_an_age_past_every_retirement_age_is_said_so(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我婆婆68了 住在通化 想去超市打个零工", TODAY)
    assert _known(state).get("age") == 68, _known(state)
    card = next(r for r in replies if r.kind == "confirm")
    assert "已过法定退休年龄" in card.text, card.text


def test_a_working_age_is_not_said_past_it(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "我在资阳 今年52 下岗了", TODAY)
    assert not any("退休年龄" in r.text for r in replies), reply_texts(replies)


# -- (D) thanks after an answer that passed the card over; saying one stops asking -------------------------------------


def _card_passed_over(dialogue: Dialogue) -> SessionState:
    state, _ = say(dialogue, SessionState(), "我在雁江区 前年大专毕业 一直没找到工作", TODAY)
    state, replies = say(dialogue, state, "创业担保贷款最多能贷多少", TODAY)
    assert any(r.kind == "answer" for r in replies), reply_texts(replies)
    assert state.pending and not state.profile
    return state


@pytest.mark.parametrize("message", ["中 多谢", "可以 谢谢你", "好 就问到这儿 谢谢"])
def test_thanks_after_an_answer_never_confirm_the_card_passed_over(dialogue: Dialogue, message: str) -> None:
    before = _card_passed_over(dialogue)
    state, replies = say(dialogue, before, message, TODAY)
    assert state.profile == before.profile and state.pending == before.pending, (state.profile, reply_texts(replies))
    assert not any(r.kind == "answer" for r in replies), reply_texts(replies)


def test_a_yes_with_thanks_before_a_question_takes_in_the_answer_only(dialogue: Dialogue) -> None:
    before = _card_passed_over(dialogue)
    state, replies = say(dialogue, before, "好的谢谢 顺便问下你晓得哪家快递站缺人不", TODAY)
    assert replies and replies[0].kind == "answer", reply_texts(replies)
    assert state.profile == before.profile and state.pending == before.pending, state.profile


def test_a_yes_with_thanks_right_under_the_card_still_confirms(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在雁江区 前年大专毕业 一直没找到工作", TODAY)
    state, _ = say(dialogue, state, "对的 谢谢", TODAY)
    assert state.profile.get("region") == "雁江区", state.profile


@pytest.mark.parametrize("message", ["算了 不查了 好麻烦", "不问了 太复杂了"])
def test_saying_one_stops_asking_is_a_goodbye_not_a_search(dialogue: Dialogue, message: str) -> None:
    state, _ = say(dialogue, SessionState(), "我在洛南县 今年本科毕业", TODAY)
    state, replies = say(dialogue, state, message, TODAY)
    assert not any(r.kind == "answer" for r in replies), reply_texts(replies)
    assert [r.text for r in replies] == [prose().closing.farewell], reply_texts(replies)


# -- (E) a certificate's level said before its trade; a correction the card cannot hold --------------------------------


@pytest.mark.parametrize(
    ("message", "level"),
    [("我在四平 去年考了个高级焊工证", "senior"), ("延吉的 上个月拿到初级育婴员证", "junior")],
)
def test_a_certificates_level_before_its_trade_is_read(dialogue: Dialogue, message: str, level: str) -> None:
    state, _ = say(dialogue, SessionState(), message, TODAY)
    assert _known(state).get("certificate_level") == level, _known(state)


def test_a_disability_grade_is_no_certificate(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在通江 有个二级残疾证", TODAY)
    assert "certificate_level" not in _known(state), _known(state)


def test_a_certificates_level_corrected_replaces_it(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在松原 今年拿了中级钳工证", TODAY)
    state, replies = say(dialogue, state, "搞错了 是初级的 五级那个", TODAY)
    assert _known(state).get("certificate_level") == "junior", (_known(state), reply_texts(replies))
    assert any(r.kind == "confirm" for r in replies), reply_texts(replies)


def test_a_correction_the_card_cannot_hold_shows_the_card_again(dialogue: Dialogue) -> None:
    """说错了 with what was wrong in words no item of the card holds: said so, the card again — never "tell me
    what is wrong" to someone who just did."""
    state, _ = say(dialogue, SessionState(), "我在恩阳区 开了个修车铺", TODAY)
    before = dict(state.pending)
    state, replies = say(dialogue, state, "写错了 铺子是去年秋天才盘下来的", TODAY)
    assert state.pending == before, state.pending
    assert any(r.kind == "confirm" for r in replies), reply_texts(replies)
    assert prose().dialogue.notices.say_what_is_wrong not in reply_texts(replies)


def test_a_bare_no_still_asks_what_is_wrong(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在恩阳区 开了个修车铺", TODAY)
    _, replies = say(dialogue, state, "说错了", TODAY)
    assert reply_texts(replies) == [prose().dialogue.notices.say_what_is_wrong]


# -- (F) a past deed's place: learning or paying there once ------------------------------------------------------------


@pytest.mark.parametrize("message", ["我前年在武汉学过修车 培训有补贴没", "之前在宁波考过叉车证 有啥补贴"])
def test_a_place_one_learned_in_once_moves_nothing(dialogue: Dialogue, message: str) -> None:
    state, _ = say(dialogue, SessionState(), "我在郏县 在家待业", TODAY)
    before = dict(state.pending)
    state, replies = say(dialogue, state, message, TODAY)
    assert _known(state).get("region") == before["region"], (_known(state), reply_texts(replies))


def test_a_place_whose_insurance_is_moved_back_is_not_the_persons(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在白山 开了个烧烤店", TODAY)
    state, replies = say(dialogue, state, "天津交了三年社保 能转回来吗", TODAY)
    assert _known(state).get("region") == "白山市", _known(state)
    assert not any("天津" in r.text and "没有收录" in r.text for r in replies), reply_texts(replies)


def test_what_there_is_for_a_spouse_out_of_work_is_asked_of_their_situation(dialogue: Dialogue) -> None:
    """我老公的厂子停产了…他能有点啥补助: what is told of him is his situation, not words asked about — the question
    is asked in the documents' words for it (失业人员), not by the word 补助 alone."""
    state, replies = say(dialogue, SessionState(), "我在叶县 我老公的厂子停产了 到现在没上班 他能有点啥补助", TODAY)
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and "失业人员" in answers[0].text, reply_texts(replies)
    assert state.for_someone_else


# -- (G) a conversation about someone else: their age said bare, the speaker turning to themselves, the choice ---------


def _for_the_brother(dialogue: Dialogue) -> SessionState:
    state, _ = say(dialogue, SessionState(), "替我哥问一下 他在敦化 他51 去年厂里裁员下来了", TODAY)
    assert state.for_someone_else
    return state


def test_an_age_said_bare_after_him_is_his(dialogue: Dialogue) -> None:
    assert _known(_for_the_brother(dialogue)).get("age") == 51


@pytest.mark.parametrize("message", ["那我自己呢 我也想出去上班", "俺咋办 俺也想找个活"])
def test_the_speaker_turning_to_themselves_starts_their_own_check_and_keeps_his(
    dialogue: Dialogue, message: str
) -> None:
    """Session 38 (set 29, walk37): 那我自己呢 asks for the speaker's own check — it starts, the brother's card is set
    aside as it was (no answer, no card of his facts for the speaker)."""
    before = _for_the_brother(dialogue)
    state, replies = say(dialogue, before, message, TODAY)
    assert not any(r.kind in {"answer", "confirm"} for r in replies), reply_texts(replies)
    assert replies[-1].kind == "question" and not state.for_someone_else, reply_texts(replies)
    assert [s.pending for s in state.others] == [before.pending], state.others


def test_the_speaker_turning_to_themselves_with_their_own_case_gets_it_read(dialogue: Dialogue) -> None:
    """那我自己呢 我也下岗了 …: what the speaker says of their own case is read (a card of their own), not asked
    again."""
    _, replies = say(dialogue, _for_the_brother(dialogue), "那我自己呢 我也下岗了 今年47", TODAY)
    assert any(r.kind == "confirm" for r in replies), reply_texts(replies)


def test_going_back_to_the_one_asked_for_after_turning_to_oneself_finds_their_card(dialogue: Dialogue) -> None:
    state = _for_the_brother(dialogue)
    state, replies = say(dialogue, state, "那我呢", TODAY)
    back = [b.action for r in replies for row in r.buttons for b in row if b.action.startswith("who:")]
    assert back, reply_texts(replies)
    state, replies = press(dialogue, state, back[0], TODAY)
    assert state.for_someone_else and state.pending.get("region") == "敦化市", (state.pending, reply_texts(replies))


@pytest.mark.parametrize("back", ["还是先查他的吧 谢谢啦", "还是先查我哥的吧", "先看他的"])
def test_going_back_to_the_one_asked_for_in_words_after_turning_to_oneself_finds_their_card(
    dialogue: Dialogue, back: str
) -> None:
    """Session 38 review: the way back typed (那我呢 then 还是先查他的吧 谢谢啦) takes the brother's check up again as
    the 👤 button does — never 没看懂这个回答 with an empty card."""
    state = _for_the_brother(dialogue)
    state, _ = say(dialogue, state, "那我呢", TODAY)
    state, replies = say(dialogue, state, back, TODAY)
    known = {**state.pending, **state.profile}
    assert state.for_someone_else and known.get("region") == "敦化市", (known, reply_texts(replies))


def test_the_speaker_going_back_to_themselves_after_a_space_is_the_speaker(dialogue: Dialogue) -> None:
    """俺男人…下岗了 我…也没活干了: after the spouse's part, a piece opening with 我 and naming no one else is the
    speaker's own case — the card is the speaker's, never the spouse's."""
    state, _ = say(dialogue, SessionState(), "我老公前年被裁了 我上个月也没工作了 我们都在雁江区", TODAY)
    assert not state.for_someone_else
    assert _known(state).get("employment_status") == "unemployed", _known(state)


def test_a_correction_told_of_someone_else_is_no_question(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "商南的 45了 我跟我老婆都没上班", TODAY)
    _, replies = say(dialogue, state, "搞错咧 我老婆前几天在超市找了个收银的活", TODAY)
    assert not any(r.kind == "answer" for r in replies), reply_texts(replies)
    assert any(r.kind == "confirm" for r in replies), reply_texts(replies)


def test_a_household_said_lifted_out_of_poverty_is_a_registered_one(dialogue: Dialogue) -> None:
    """去年才脱贫了 while the list of groups is asked: the household's 建档立卡 status, never "not policy"."""
    state, _ = say(dialogue, SessionState(), "我在珲春 想看看能享受啥政策", TODAY)
    state, replies = say(dialogue, state, "我家去年才脱贫了", TODAY)
    assert not any(_OFF_TOPIC in r.text for r in replies), reply_texts(replies)
    assert "poverty_registered" in (_known(state).get("household") or []), _known(state)
