"""Session 16 (issue 12, task chat11): the classes of chats set 8's failed turns — through the dialogue
core, in our own wording (written from the source texts, not from the set's phrasing)."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 1)


# -- (a) graduation said by the cohort or the school's tier ----------------------------------------


def test_this_years_cohort_with_its_degree_is_a_graduation_this_year(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我是应届硕士，在巴中找工作", TODAY)
    assert replies[-1].kind == "confirm"
    assert state.pending["graduation_date"] == "2026-06-30"
    assert state.pending["education"] == "college"


def test_a_university_named_by_its_admission_tier_keeps_the_date_and_not_its_city(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在资阳 前年从成都一个二本毕业的 还没上班", TODAY)
    assert replies[-1].kind == "confirm"
    assert state.pending["graduation_date"].startswith("2024")
    assert state.pending["region"] == "资阳市"


# -- (b) a relative date corrected by the bare new value --------------------------------------------


def test_a_year_said_relatively_is_corrected_by_another_relative_year(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在资阳 前年大专毕业 一直没工作", TODAY)
    assert state.pending["graduation_date"].startswith("2024")
    state, replies = say(dialogue, state, "不是前年，是去年", TODAY)
    assert replies[-1].kind == "confirm"
    assert state.pending["graduation_date"].startswith("2025")


def test_owning_the_slip_does_not_make_a_relatives_correction_the_speakers(dialogue: Dialogue) -> None:
    summer = date(2026, 8, 1)
    state, _ = say(dialogue, SessionState(), "俺闺女在延吉 明年夏天大专毕业 她能领啥补贴", summer)
    assert state.for_someone_else and state.pending["graduation_date"].startswith("2027")
    state, replies = say(dialogue, state, "哦不是明年，是今年七月 我记混了", summer)
    assert replies[-1].kind == "confirm"
    assert state.pending["graduation_date"] == "2026-07-31"


# -- (c) the place of the last question corrected -----------------------------------------------


def test_a_place_corrected_after_a_question_asks_that_question_there(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "南充灵活就业有社保补贴吗", TODAY)
    assert replies[0].answer_status == "region_not_covered"
    state, replies = say(dialogue, state, "写错了，是巴中", TODAY)
    assert replies[0].kind == "answer" and replies[0].answer_status == "answered"
    assert any(c.startswith("bazhong-") for c in cited(replies))
    assert not state.pending and not state.profile


def test_a_correction_stating_where_the_person_is_still_corrects_the_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在长春 失业了", TODAY)
    state, _ = say(dialogue, state, "巴中创业担保贷款能贷多少", TODAY)
    state, replies = say(dialogue, state, "说错了，我在资阳", TODAY)
    assert replies[-1].kind == "confirm" and state.pending["region"] == "资阳市"


# -- (d) a yes said with thanks after an answer --------------------------------------------------


def test_a_yes_with_thanks_after_an_answer_closes_and_does_not_search_again(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "平顶山创业担保贷款到期还不上怎么办", TODAY)
    for message in ("中，谢谢", "对 谢谢啦"):
        state, replies = say(dialogue, state, message, TODAY)
        assert [r.kind for r in replies] == ["notice"], message
        assert len(replies[0].text) <= 40


def test_a_yes_with_thanks_still_confirms_a_waiting_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在四平 去年下岗了", TODAY)
    state, replies = say(dialogue, state, "对 谢谢", TODAY)
    assert replies[0].kind == "acknowledge" and state.profile.get("region") == "四平市"


# -- (e) follow-ups that name another kind of help, or only whom it is for ---------------------------


def test_another_kind_of_help_opening_a_longer_question_is_asked_not_the_last_measure(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "资阳开店有补贴吗", TODAY)
    state, replies = say(dialogue, state, "贷款呢 最多贷多少", TODAY)
    assert "ziyang-2017-19" in cited(replies)
    assert "创业补贴" not in replies[0].text.splitlines()[0]


def test_the_same_question_elsewhere_keeps_the_kind_of_help_its_verb_named(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "巴中残疾人自主创业能贷多少", TODAY)
    state, replies = say(dialogue, state, "资阳呢", TODAY)
    assert "贷款" in replies[0].text.splitlines()[0]
    assert "ziyang-2017-19" in cited(replies)


# -- (f) whom the check is for, when the speaker says something of their own too ---------------------


def test_asked_for_someone_else_by_name_the_check_is_theirs_not_the_speakers(dialogue: Dialogue) -> None:
    state, replies = say(
        dialogue, SessionState(), "我爱人在舞钢 上个月单位裁员下来了 我自己在超市上班 想问问他能领啥", TODAY
    )
    assert replies[-1].kind == "confirm" and state.for_someone_else
    assert state.pending["region"] == "舞钢市"
    # Laid off by a cut of staff is out of work; the speaker's own job is not his.
    assert state.pending["employment_status"] == "unemployed"


def test_a_card_said_to_be_a_relatives_turns_the_check_to_them_with_what_is_told_of_them(
    dialogue: Dialogue,
) -> None:
    state, _ = say(dialogue, SessionState(), "我在白城 打算开个小饭馆 去年大专毕业", TODAY)
    state, replies = say(dialogue, state, "不是我，是我弟弟要开 我替他打听的 他前年毕业", TODAY)
    assert [r.kind for r in replies] == ["confirm"] and state.for_someone_else
    assert state.pending["graduation_date"].startswith("2024")
    assert state.pending["wants_business"] is True and state.pending["region"] == "白城市"


# -- (g) one's own kind of case asked about at a named place ----------------------------------------


def test_ones_own_kind_of_case_at_a_named_place_is_asked_with_what_they_said(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在山阳 去年单位减员下来了 一直没找到活", TODAY)
    assert state.pending["employment_status"] == "unemployed"
    state, _ = say(dialogue, state, "对", TODAY)
    state, replies = say(dialogue, state, "商洛对我这种情况有没有啥扶持", TODAY)
    assert replies[0].kind == "answer" and replies[0].answer_status == "answered"
    assert all(c.startswith("shangluo-") for c in cited(replies))
    assert "失业人员" in replies[0].text.splitlines()[0]
    assert replies[-1].kind == "question"


def test_whether_a_places_policy_still_holds_is_not_read_as_ones_situation(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在珲春开了个修车铺 有执照", TODAY)
    state, replies = say(dialogue, state, "那吉林的政策我还能享受吗", TODAY)
    assert "按您说的情况" not in replies[0].text


# -- (h) a wish to go out and open a shop is a plan ---------------------------------------------


def test_a_wish_to_go_out_and_open_a_shop_is_a_plan_not_a_business(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在梅河口 在家带了几年孩子 想出来开个小吃店", TODAY)
    assert state.pending.get("wants_business") is True
    # (session 42, wf43: 在家带了几年孩子 says no job now — recorded so; the wish stays a plan, never a business run)
    assert state.pending.get("employment_status") != "self_employed"
    assert state.pending.get("employment_status") == "unemployed"


# -- (i) veterans said by the army's words, a relative's bare age, kin words of the south-west -------


def test_a_soldier_back_from_the_army_waiting_for_placement_is_carded_as_such(dialogue: Dialogue) -> None:
    # 巴中（十四）: 符合政府安排工作条件的退役士兵 — said as the ranks say it, not as the document does.
    state, replies = say(dialogue, SessionState(), "南江的 去年从部队上下来 义务兵 在家等政府分配工作", TODAY)
    assert replies[-1].kind == "confirm"
    assert state.pending["veteran"] == "soldier_awaiting_placement"
    assert state.pending["region"] == "南江县"


def test_a_rank_alone_is_a_soldier_of_unsaid_kind(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平昌，退役的士官，现在在家待着", TODAY)
    assert state.pending["veteran"] == "soldier"


def test_a_relatives_bare_age_after_him_goes_on_their_card(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "俺闺女在延吉 去年中专毕业 她能领啥补贴", TODAY)
    assert state.for_someone_else
    state, replies = say(dialogue, state, "她19了", TODAY)
    assert replies[-1].kind == "confirm" and state.pending["age"] == 19
    assert state.pending["region"] == "延吉市"


def test_a_child_called_wawa_is_someone_else(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我家娃儿在雁江 前年本科毕业 一直没上班 他能享受啥", TODAY)
    assert replies[-1].kind == "confirm" and state.for_someone_else
    assert state.pending["graduation_date"].startswith("2024")
