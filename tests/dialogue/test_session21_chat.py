"""Session 21 (issue 12, task chat16): the classes of chats set 13's failed turns — through the dialogue
core, in our own wording (written from the source texts, not from the set's phrasing)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 10)


# -- (a) a request for the check with the place said apart from it, before or after --------------


@pytest.mark.parametrize(
    ("message", "place"),
    [
        ("帮我匹配下政策 丹凤县", "丹凤县"),  # the request first, the place after
        ("我想看看能领哪些补贴 舞钢的", "舞钢市"),  # an asking phrase of the check, the place after
        ("梅河口 想查查补贴", "梅河口市"),  # 想 before the request
    ],
)
def test_a_place_said_apart_from_the_check_request_starts_the_check_from_it(
    dialogue: Dialogue, message: str, place: str
) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    # Session 26 (lead's decision): the place alone is recorded at once and the interview starts — no card.
    assert [r.kind for r in replies] == ["question"], [r.text for r in replies]
    assert state.profile == {"region": place} and not state.pending


def test_a_measure_named_with_the_place_is_still_a_search(dialogue: Dialogue) -> None:
    # 吉林（七）: 首次创办小微企业 … 一次性创业补贴 — a named measure asks the documents, it starts no check.
    state, replies = say(dialogue, SessionState(), "查下创业补贴 延吉", TODAY)
    assert any(r.kind == "answer" and r.clause_ids for r in replies), [r.text for r in replies]
    assert not state.pending and not state.interviewing


def test_a_place_beside_what_a_group_gets_is_a_search_of_that_place(dialogue: Dialogue) -> None:
    # 商洛（三）: 就业困难人员 … 社会保险补贴 — what a group gets, asked of another place, is no check of one's own.
    state, replies = say(dialogue, SessionState(), "商洛的呢 就业困难人员能领啥", TODAY)
    assert any(r.kind == "answer" and r.clause_ids for r in replies), [r.text for r in replies]
    assert not state.pending and not state.interviewing


# -- (b) a correction naming the fact, its new value bare ------------------------------------------


def test_a_bare_new_value_after_the_fact_named_wrong_corrects_it(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我是安岳的 今年41 在家种地", TODAY)
    assert state.pending["age"] == 41
    state, replies = say(dialogue, state, "岁数不对 43了", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending["age"] == 43 and state.pending["region"] == "安岳县"


def test_a_bare_number_without_the_fact_named_corrects_nothing(dialogue: Dialogue) -> None:
    # Nothing says which fact 43 is: the person is asked what is wrong, the card unchanged.
    state, _ = say(dialogue, SessionState(), "我是安岳的 今年41 在家种地", TODAY)
    state, replies = say(dialogue, state, "不对 43", TODAY)
    assert state.pending["age"] == 41, [r.text for r in replies]


# -- (c) a kin word with 老 / 大 / 小 before it names someone else -----------------------------------


def test_a_relative_named_with_a_prefix_is_not_the_speaker_on_the_card(dialogue: Dialogue) -> None:
    # 巴中（六）返乡创业 asked about a cousin's county: the speaker's card keeps the speaker's place.
    state, _ = say(dialogue, SessionState(), "我在乐至开了个养鸡场 有执照", TODAY)
    assert state.pending["region"] == "乐至县"
    state, replies = say(dialogue, state, "我大舅在平昌种药材 那边返乡创业有啥扶持", TODAY)
    assert any(r.kind == "answer" for r in replies), [r.text for r in replies]
    assert state.pending["region"] == "乐至县", [r.text for r in replies]


@pytest.mark.parametrize("message", ["我老表在通江打工", "我小姨在商州开店"])
def test_prefixed_kin_words_speak_of_someone_else(dialogue: Dialogue, message: str) -> None:
    assert dialogue.reader.is_about_other(message)
    assert not dialogue.reader.is_about_person(message)


# -- (d) a want glued to what is wanted confirms no card -------------------------------------------


def test_a_question_opened_by_a_want_keeps_the_card_waiting(dialogue: Dialogue) -> None:
    # 商洛（三）: 农村劳动者 … 有培训意愿的, 给予职业培训补贴 — asked, answered; the card is not confirmed by 想.
    state, _ = say(dialogue, SessionState(), "柞水县的 在家养蜂", TODAY)
    state, replies = say(dialogue, state, "打算学个电焊的本事 农村户口的有补贴没", TODAY)
    assert any(r.kind == "answer" for r in replies), [r.text for r in replies]
    assert replies[-1].kind == "confirm" and not state.profile, [r.text for r in replies]


def test_a_want_said_alone_while_a_card_waits_is_told_not_a_yes(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "柞水县的 在家养蜂", TODAY)
    state, replies = say(dialogue, state, "打算学点技术", TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert not state.profile and state.pending.get("wants_training") is True


@pytest.mark.parametrize(
    ("message", "wish"),
    [("想学门手艺", True), ("要办个证", True), ("想的", False), ("要啊", False), ("要得 都没错", False)],
)
def test_a_want_is_a_wish_only_glued_to_what_is_wanted(dialogue: Dialogue, message: str, wish: bool) -> None:
    assert dialogue.words.states_a_wish(message) is wish


# -- (e) out of work said by who let one go, or by the workplace gone -------------------------------


@pytest.mark.parametrize(
    ("message", "place"),
    [
        ("前阵子被单位辞了 人在白城", "白城市"),  # whoever let go, said between 被 and the verb
        ("被老板炒了 在卫东区", "卫东区"),
        ("煤矿前年就关停了 在家闲着 汝州的", "汝州市"),  # 资阳（十四）/ 吉林（十九）: 去产能 … 失业人员
    ],
)
def test_losing_the_job_said_by_who_let_one_go_or_the_workplace_gone_is_carded(
    dialogue: Dialogue, message: str, place: str
) -> None:
    state, replies = say(dialogue, SessionState(), message, TODAY)
    assert [r.kind for r in replies] == ["confirm"], [r.text for r in replies]
    assert state.pending["employment_status"] == "unemployed" and state.pending["region"] == place


@pytest.mark.parametrize("message", ["单位快倒闭了", "被评为先进工作者", "被车间开了个会"])
def test_a_workplace_at_risk_or_another_passive_says_no_job_lost(dialogue: Dialogue, message: str) -> None:
    assert dialogue.describer.describe(message, TODAY).facts.get("employment_status") != "unemployed"
