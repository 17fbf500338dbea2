"""Session 38 (issue 12, task next39c): what the chat understands of a returnee speaking 四川话 — the classes the
newcomer walk found, in our own wording (written from the source texts, not the walk's messages)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.latin import names_kin
from bot.dialogue.types import SessionState
from bot.dialogue.words import load_vocabulary
from knowledge.intent import classify
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 6)
WORDS = load_vocabulary()


def texts(replies: tuple[object, ...]) -> list[str]:
    return [getattr(r, "text", "") for r in replies]


# -- (1) a dialect's negator is read as the standard one: 莫得 / 冇 are a no, wherever a yes or no is read ------------


@pytest.mark.parametrize("said", ["莫得", "莫有", "冇", "冇得", "莫得嘛", "没得", "不得"])
def test_a_dialect_no_is_a_no_to_a_yes_no_question(said: str) -> None:
    assert WORDS.yes_no(WORDS.in_standard_words(said)) == (True, False)


@pytest.mark.parametrize("said", ["要得", "得行", "中"])
def test_a_dialect_yes_is_a_yes_to_a_yes_no_question(said: str) -> None:
    assert WORDS.yes_no(WORDS.in_standard_words(said)) == (True, True)


@pytest.mark.parametrize(
    "said",
    [
        "莫名其妙",
        "哪个部门管",
        "哪个好",
        "哪个出来的早",
        # Session 39 (fix39): 哪个 before a word that only starts with a cost verb is "which", not "who".
        "哪个交通补贴能领",
        "哪个缴费基数高",
        "哪个贴息贷款好",
        "哪个出租车司机能领",
        "哪个付款方式",
        "哪个出口",
        "哪个贴息",
    ],
)
def test_words_that_only_look_like_a_dialect_word_are_kept_as_said(said: str) -> None:
    assert WORDS.in_standard_words(said) == said


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("我姓莫，莫有才", "我姓莫，莫有才"),
        ("我叫莫有才", "我叫莫有才"),
        ("他名叫莫得胜，莫得工作", "他名叫莫得胜，没得工作"),
        ("我姓莫,莫得胜", "我姓莫,莫得胜"),
        ("莫有人管", "没有人管"),
        ("我莫得工作", "我没得工作"),
    ],
)
def test_mo_is_read_as_a_no_only_where_it_negates_never_in_a_name(said: str, read: str) -> None:
    assert WORDS.in_standard_words(said) == read


@pytest.mark.parametrize("said", ["莫得", "都莫得", "冇"])
def test_a_dialect_no_to_a_list_of_kinds_answers_none_of_them(dialogue: Dialogue, said: str) -> None:
    state, replies = say(dialogue, SessionState(), "我是乐至县的，41岁，在家闲着没事做", TODAY)
    assert any(r.kind == "confirm" for r in replies), texts(replies)
    state, replies = say(dialogue, state, "对", TODAY)
    assert replies[-1].kind == "question" and replies[-1].multi_select, texts(replies)
    asked = replies[-1].asks
    state, replies = say(dialogue, state, said, TODAY)
    assert replies[0].kind == "acknowledge" and replies[0].asks == asked, texts(replies)


# -- (2) a return home told after more about the time away is a return ---------------------------------------------


@pytest.mark.parametrize(
    "told",
    [
        "我是乐至的，在深圳电子厂做了八年，五险也是厂里买的，去年秋天回来了",
        "以前在福建鞋厂打工，那边工资还行，吃住都包，前年回老家了",
    ],
)
def test_a_return_told_after_more_about_the_time_away_is_a_return(dialogue: Dialogue, told: str) -> None:
    assert dialogue.describer.describe(told, TODAY).facts.get("returning_migrant") is True


@pytest.mark.parametrize("told", ["在深圳打了五年工，一直想回家，还没回来", "在宁波做了三年，打算明年回来"])
def test_a_return_only_wished_for_or_denied_is_no_return(dialogue: Dialogue, told: str) -> None:
    assert "returning_migrant" not in dialogue.describer.describe(told, TODAY).facts


# -- (3) who pays, asked with the dialect's 哪个, is a who-pays question ----------------------------------------------


@pytest.mark.parametrize(
    "asked",
    [
        "贷款的利息哪个出",
        "社保哪个给交",
        "培训费哪个掏",
        "利息哪个出啊",
        "哪个出钱",
        "社保费哪个来交呢",
        "培训费哪个出？",
    ],
)
def test_who_pays_asked_with_nage_asks_the_payer(asked: str) -> None:
    assert classify(WORDS.in_standard_words(asked)).asks_payer, asked


def test_who_pays_the_loan_interest_in_dialect_is_not_answered_with_the_rate(dialogue: Dialogue) -> None:
    state = SessionState(profile={"region": "乐至县"})
    _, replies = say(dialogue, state, "创业担保贷款的利息哪个出", TODAY)
    answer = next(r for r in replies if r.kind == "answer")
    assert "利率" not in answer.text and "谁" in answer.text, answer.text


# -- (4) a relative written of in English is whom the answer is about -----------------------------------------------


@pytest.mark.parametrize(
    ("message", "of_kin"),
    [
        ("My daughter finished university last year and has no job, any subsidy in Ziyang?", True),
        ("is there anything for my husband's disability in ziyang", True),
        ("I finished university last year, any subsidy in Ziyang?", False),
        ("我儿子 my son", False),
    ],
)
def test_a_relative_is_read_in_an_english_message(message: str, of_kin: bool) -> None:
    assert names_kin(message, WORDS.latin_kin) is of_kin


def test_an_english_question_about_a_relative_is_not_judged_on_the_speakers_facts(dialogue: Dialogue) -> None:
    state = SessionState(profile={"region": "乐至县", "age": 45, "education": "below_high_school"})
    # (the speaker's own schooling rules 求职创业补贴 out for them — never for the daughter asked about)
    message = (
        "Hi, my daughter graduated from college in 2025 and is unemployed. Is there any subsidy for her in Ziyang?"
    )
    _, replies = say(dialogue, state, message, TODAY)
    assert any(r.kind == "answer" for r in replies), texts(replies)
    assert not any("您目前不符合" in t or "按您说的情况" in t for t in texts(replies)), texts(replies)


# -- (5) what was told of a relative waits for their check; 莫得工作 is out of work -------------------------


def test_asking_to_check_a_relative_later_puts_what_was_told_of_them_on_their_card(dialogue: Dialogue) -> None:
    state = SessionState(profile={"region": "乐至县", "age": 45})
    for message in [
        "我女儿前年大专毕业的，到现在还莫得工作",
        "那她呢？有啥补贴？",
        "在哪办？",
        "要是我去成都开店呢？成都有啥子补贴？",
    ]:
        state, replies = say(dialogue, state, message, TODAY)
    state, replies = say(dialogue, state, "帮我女儿查一下", TODAY)
    assert state.for_someone_else and replies[-1].kind == "confirm", texts(replies)
    assert state.pending.get("education") == "college", state.pending
    assert state.pending.get("employment_status") == "unemployed", state.pending
    assert state.pending.get("graduation_date", "").startswith("2024"), state.pending


def test_having_no_job_said_in_dialect_is_out_of_work(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我是乐至县的，现在莫得工作", TODAY)
    assert state.pending.get("employment_status") == "unemployed", (state.pending, texts(replies))


# -- (6) facts told again as they are kept ask no confirmation; 啷个 asks how ---------------------------------------


@pytest.mark.parametrize("told", ["我45岁，在乐至县", "还是乐至县的 45了"])
def test_facts_told_again_as_kept_ask_no_confirmation(dialogue: Dialogue, told: str) -> None:
    state = SessionState(profile={"region": "乐至县", "age": 45})
    state, replies = say(dialogue, state, told, TODAY)
    assert not any(r.kind == "confirm" for r in replies), texts(replies)
    assert any("已经记着" in t for t in texts(replies)), texts(replies)
    assert not state.pending and state.profile == {"region": "乐至县", "age": 45}, state


def test_staying_put_after_asking_of_an_uncovered_city_asks_no_confirmation(dialogue: Dialogue) -> None:
    state = SessionState(profile={"region": "乐至县", "age": 45})
    state, replies = say(dialogue, state, "要是去成都开店呢，成都有补贴没", TODAY)
    state, replies = say(dialogue, state, "啷个办嘛，我还是在乐至搞", TODAY)
    assert not any(r.kind == "confirm" for r in replies), texts(replies)
    assert not state.pending and state.profile.get("region") == "乐至县", state


@pytest.mark.parametrize("asked", ["创业补贴啷个申请", "啷个办嘛"])
def test_how_asked_with_langge_is_a_question(asked: str) -> None:
    assert WORDS.is_question(WORDS.in_standard_words(asked)), asked


# -- (7) insurance an employer pays for the staff is not the speaker's -----------------------------------------------


@pytest.mark.parametrize("told", ["老板给员工都交了失业保险", "我们店给工人买了失业保险"])
def test_insurance_paid_for_the_staff_is_not_the_speakers(dialogue: Dialogue, told: str) -> None:
    assert "ui_insured" not in dialogue.describer.describe(told, TODAY).facts
