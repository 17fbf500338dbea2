"""Session 31 (issues 11/12, task walkfix5): a newcomer's walkthrough, each a class, in our own wording.

- a status said with a no before the verb that gives it (没有去评定残疾, 从来没申请过残疾证, 残疾一直没鉴定过) is
  not held;
- a wish goes on over the clauses that follow it (打算开个淘宝店 做直播带货卖腊肉, 想进厂找个活 或者回来跟我种果树):
  a plan, never the current status; a plain 不对 铺子还没开起来 只是打算 takes a proposed business back;
- what was told of a relative (闺女在读技校) still decides, a turn later, whether a 高校毕业生 measure is hers;
- once the check is done: a question that repeats recorded facts gets no card, no 🔍 button is offered under
  answers, and a card of new facts says 对 checks again (not "接着帮您查");
- a spouse's or child's check offers the household the speaker told (建档立卡) on the card, with a note;
- a why-not of a requirement with alternatives names the facts that fail in them, not those the person meets;
- where to apply or what to bring, asked of a measure whose clause says neither, is said to be unstated (never
  quoted under 找到以下相关条款 as if it answered); whether a kind of work counts as the measure just shown stays on
  that measure, never "not employment"."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.present.prose import prose
from tests.dialogue.speaking import confirmed, last_question, press, reply_texts, say
from tests.eligibility.checking import benefit_of, check

TODAY = date(2026, 12, 5)


def _status(state: SessionState) -> object:
    return {**state.profile, **state.pending}.get("employment_status")


def _checked(dialogue: Dialogue, told: str) -> SessionState:
    """A conversation told `told`, its card confirmed and every question answered (a no, or the first option)
    until the results."""
    state, replies = confirmed(dialogue, told, TODAY)
    for _ in range(25):
        if any(r.kind == "results" for r in replies):
            return state
        question = last_question(replies)
        assert question is not None, reply_texts(replies)
        actions = question.actions
        action = next((a for a in actions if a.startswith("none:")), actions[0])
        state, replies = press(dialogue, state, action, TODAY)
    raise AssertionError("the check never ended")


# -- (1) a no before the verb that gives a status -------------------------------------------------------


@pytest.mark.parametrize(
    "told",
    [
        "我在通江 五十三了 以前在矿上伤过腿 一直没有去评定残疾",
        "我在资阳 四十四 腰不好 从来没申请过残疾证",
        "我在巴中 五十 手上落了伤 残疾一直没鉴定过",
    ],
)
def test_a_status_with_a_no_before_its_verb_is_not_held(dialogue: Dialogue, told: str) -> None:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert state.pending.get("disabled") is not True, (state.pending, reply_texts(replies))
    assert not any("残疾：是" in t for t in reply_texts(replies)), reply_texts(replies)


def test_a_certified_disability_is_still_held(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在资阳 四十四 有残疾证 三级的", TODAY)
    assert state.pending.get("disabled") is True, state.pending


def test_a_relatives_card_keeps_the_no_before_the_verb(dialogue: Dialogue) -> None:
    state = _checked(dialogue, "我在巴中 四十岁 没工作 建档立卡户")
    state, _ = press(dialogue, state, "who:new", TODAY)
    state, replies = say(dialogue, state, "我男人 四十六 在巴中 干活摔伤了 一直没去认定残疾", TODAY)
    assert state.pending.get("disabled") is not True, (state.pending, reply_texts(replies))


# -- (2) a wish goes on over the clauses after it -------------------------------------------------------

OUT_OF_WORK = "我在资阳 三十五 没工作"


@pytest.mark.parametrize(
    "message",
    ["我打算开个淘宝店 做直播带货卖腊肉 有培训没", "想弄个网店 搞直播带货 卖点山货"],
)
def test_a_business_wished_for_is_no_status_even_past_a_pause(dialogue: Dialogue, message: str) -> None:
    state, _ = confirmed(dialogue, OUT_OF_WORK, TODAY)
    state, replies = say(dialogue, state, message, TODAY)
    assert _status(state) == "unemployed", (state.pending, reply_texts(replies))
    assert not any("自主创业" in t for t in reply_texts(replies) if "→" in t), reply_texts(replies)


def test_farming_wished_for_as_an_alternative_is_no_status(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我在巴中 四十六 没工作 想进厂找个活 或者回来跟我媳妇种果树", TODAY)
    assert state.pending.get("employment_status") != "farming", (state.pending, reply_texts(replies))


def test_a_state_told_as_now_after_a_wish_is_still_now(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我想多挣点钱 现在在家种地 巴中的 四十", TODAY)
    assert state.pending.get("employment_status") == "farming", state.pending


def test_a_plain_no_takes_a_proposed_business_back(dialogue: Dialogue) -> None:
    state, _ = confirmed(dialogue, OUT_OF_WORK, TODAY)
    state, replies = say(dialogue, state, "我开了个小卖部 卖日用品", TODAY)
    assert state.pending.get("employment_status") == "self_employed", (state.pending, reply_texts(replies))
    state, replies = say(dialogue, state, "不对 铺子还没开起来 只是打算", TODAY)
    assert _status(state) == "unemployed", (state.pending, reply_texts(replies))
    assert not any("请直接告诉我哪里不对" in t for t in reply_texts(replies)), reply_texts(replies)


# -- (3) what was told of a relative decides a turn later ------------------------------------------------


def test_a_relatives_schooling_told_before_is_set_beside_a_graduates_measure(dialogue: Dialogue) -> None:
    state, _ = confirmed(dialogue, "我在资阳 四十七 在超市上班", TODAY)
    state, _ = say(dialogue, state, "我闺女在读技校 后年毕业 她有什么政策", TODAY)
    state, replies = say(dialogue, state, "她毕业那年求职创业补贴能拿不", TODAY)
    answers = [r.text for r in replies if r.kind == "answer"]
    assert answers and any("高校毕业生" in t for t in answers), reply_texts(replies)
    assert any("不算高校毕业生" in t for t in answers), answers


# -- (4) after the check -----------------------------------------------------------------------------------

DONE = "我在巴中 三十九 没工作 建档立卡户 从外地打工回来的"


def test_facts_already_recorded_said_with_a_question_get_no_card(dialogue: Dialogue) -> None:
    state = _checked(dialogue, DONE)
    state, replies = say(dialogue, state, "我们家是建档立卡的 巴中这边公益性岗位咋申请", TODAY)
    assert not any(r.kind == "confirm" for r in replies), reply_texts(replies)
    assert any(r.kind == "answer" for r in replies), reply_texts(replies)


def test_no_check_button_under_answers_once_the_check_is_done(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "巴中的创业担保贷款咋申请", TODAY)
    assert "cmd:check" in [a for r in replies for a in r.actions], reply_texts(replies)
    state = _checked(dialogue, DONE)
    state, replies = say(dialogue, state, "巴中的创业担保贷款咋申请", TODAY)
    assert "cmd:check" not in [a for r in replies for a in r.actions], reply_texts(replies)


def test_a_card_after_the_check_says_it_checks_again(dialogue: Dialogue) -> None:
    state = _checked(dialogue, DONE)
    state, replies = say(dialogue, state, "对了我今年四十了 不是三十九", TODAY)
    cards = [r.text for r in replies if r.kind == "confirm"]
    assert cards and not any("接着帮您查" in t for t in cards), reply_texts(replies)
    assert any("重新核对" in t for t in cards), cards


# -- (5) the household told, offered on a spouse's card -------------------------------------------------


def test_a_spouses_card_offers_the_household_told(dialogue: Dialogue) -> None:
    state = _checked(dialogue, DONE)
    state, _ = press(dialogue, state, "who:new", TODAY)
    state, replies = say(dialogue, state, "我老公 四十三 也在巴中 没活干", TODAY)
    card = next(r for r in replies if r.kind == "confirm")
    assert state.pending.get("household") == ["poverty_registered"], state.pending
    assert "建档立卡" in card.text and "同一户" in card.text, card.text
    assert not state.profile.get("household"), state.profile


def test_a_brothers_card_does_not_take_the_household(dialogue: Dialogue) -> None:
    state = _checked(dialogue, DONE)
    state, replies = say(dialogue, state, "帮我哥也查查 他五十 在巴中 没工作", TODAY)
    assert "household" not in state.pending, (state.pending, reply_texts(replies))


# -- (6) a why-not names the facts that fail ------------------------------------------------------------


def test_a_why_not_of_alternatives_names_only_what_fails(dialogue: Dialogue) -> None:
    """平顶山（十三） 求职创业补贴: 毕业学年的六类困难高校毕业生 (a 低保 household, a student loan) or
    毕业年度离校未就业实名登记的高校毕业生. A graduate of last summer from a 低保 household with a loan, not
    registered: the 毕业学年 is over and the registration is missing — her household and her loan are met, never
    given as the reason."""
    engine = dialogue.interviewer.engine
    profile = {
        "region": "卫东区",
        "education": "college",
        "graduation_date": "2026-07-01",
        "household": ["dibao"],
        "student_loan": True,
        "employment_status": "unemployed",
        "registered_unemployed": False,
    }
    result = check(engine, profile, TODAY)
    subsidy = benefit_of(result, "pingdingshan.job_search_subsidy")
    failed = [r for r in subsidy.reasons if r.kind == "failed"]
    assert failed, subsidy
    said = {s.fact for r in failed for s in r.stated}
    assert "registered_unemployed" in said, said
    assert not said & {"household", "student_loan", "education"}, said


# -- (7) where to apply, what to bring, whether it counts: on the measure just shown -----------------------


def test_where_to_apply_for_a_loan_whose_clause_says_no_place_is_said_unstated(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "巴中创业担保贷款能贷多少", TODAY)
    state, replies = say(dialogue, state, "那这个贷款在哪里申请呢", TODAY)
    texts = reply_texts(replies)
    assert not any(t.startswith(prose().answers.found) or "\n" + prose().answers.found in t for t in texts), texts
    assert any("没有写明" in t for t in texts), texts


@pytest.mark.parametrize("message", ["去的时候要带啥子", "办的时候要带哪样"])
def test_what_to_bring_in_dialect_goes_on_from_the_measure(dialogue: Dialogue, message: str) -> None:
    state, _ = say(dialogue, SessionState(), "巴中创业担保贷款能贷多少", TODAY)
    state, replies = say(dialogue, state, message, TODAY)
    texts = reply_texts(replies)
    assert any("创业担保贷款" in t for t in texts), texts
    assert not any("没有找到能直接回答" in t for t in texts), texts


def test_whether_a_kind_of_work_counts_stays_on_the_measure_just_shown(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "资阳的公益性岗位是干啥的", TODAY)
    state, replies = say(dialogue, state, "在小区里做保洁那种算不算", TODAY)
    texts = reply_texts(replies)
    assert not any("不是就业政策方面的问题" in t for t in texts), texts
    assert any("公益性岗位" in t for t in texts), texts
