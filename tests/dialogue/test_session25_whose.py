"""Session 25 (issue 12, task chat23): whose a fact is, and whom a question is about.

The walkthrough's classes, in our own wording: the 人员类别 list says whose each box is and a relative's
status typed to it is never the person's; "none of them, but my father is…" answers none and asks about
him; "X is my father's, not mine" takes X off the record; a follow-up about a relative stays about them
until the person turns back to themselves; a fact told beside "I was only asking" is a fact; and an
employer's measure is never listed among the person's misses. Through the dialogue core."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState, Turn
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 10)
SITUATION = "situation"
ANSWERS = {"education": "初中", "plans": "打算创业", "wants_training": "是"}


def _to_the_list(dialogue: Dialogue) -> SessionState:
    state, replies = say(dialogue, SessionState(), "我在巴中恩阳区，45岁，厂子倒闭了一直没活干，想开个早餐店", TODAY)
    assert replies[-1].kind == "confirm", [r.text for r in replies]
    outcome = dialogue.respond(state, Turn(action="ok"), TODAY)
    assert outcome.state is not None
    assert outcome.replies[-1].asks == SITUATION, [r.text for r in outcome.replies]
    return outcome.state


def _to_the_results(dialogue: Dialogue, state: SessionState, first: str = "都不是") -> SessionState:
    state, replies = say(dialogue, state, first, TODAY)
    for _ in range(12):
        if replies[-1].kind == "results":
            return state
        asked = replies[-1].asks
        state, replies = say(dialogue, state, ANSWERS.get(asked or "", "不清楚"), TODAY)
    raise AssertionError([r.text for r in replies])


def _texts(replies: tuple[Reply, ...]) -> str:
    return "\n".join(r.text for r in replies)


def test_the_list_of_kinds_says_which_boxes_are_the_persons_own_and_which_the_familys(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在巴中恩阳区，45岁，厂子倒闭了一直没活干，想开个早餐店", TODAY)
    outcome = dialogue.respond(state, Turn(action="ok"), TODAY)
    asked = outcome.replies[-1]
    assert asked.asks == SITUATION
    assert "您本人的情况" in asked.text and "家庭类别按您家的情况" in asked.text
    assert "家里人是退役军人，不算您本人的" in asked.text


def test_a_relatives_status_typed_to_the_list_is_not_the_persons_answer(dialogue: Dialogue) -> None:
    state = _to_the_list(dialogue)
    state, replies = say(dialogue, state, "我爸是残疾人，腿脚不方便", TODAY)
    assert "disabled" not in state.profile, state.profile
    assert replies[-1].asks == SITUATION or "还有一个问题等您回答" in replies[-1].text, _texts(replies)


def test_a_familys_kind_told_of_relatives_answers_the_list(dialogue: Dialogue) -> None:
    # 低保 is the household's: said of the parents, it is the person's household too.
    state = _to_the_list(dialogue)
    state, _ = say(dialogue, state, "我爸妈家是低保户", TODAY)
    assert state.profile.get("household") == ["dibao"], state.profile


def test_none_for_oneself_and_a_question_about_a_relative_records_none_and_answers_it(dialogue: Dialogue) -> None:
    state = _to_the_list(dialogue)
    state, replies = say(dialogue, state, "我本人一个都不沾，就是我爸是残疾人，这算不算？", TODAY)
    assert state.profile.get("disabled") is False and state.profile.get("veteran") == "none", state.profile
    assert replies[0].kind == "acknowledge", _texts(replies)
    assert replies[-1].asks != SITUATION


def test_saying_a_recorded_status_is_a_relatives_not_ones_own_takes_it_off(dialogue: Dialogue) -> None:
    state = _to_the_list(dialogue)
    state = _to_the_results(dialogue, state, first="我是残疾人")
    assert state.profile.get("disabled") is True
    state, replies = say(dialogue, state, "残疾人是我爸，不是我自己，麻烦改一下", TODAY)
    assert "disabled" not in state.profile, state.profile
    assert replies[0].kind == "notice" and "残疾" in replies[0].text, _texts(replies)
    assert not any(r.kind == "answer" for r in replies)


def test_a_follow_up_about_a_relative_stays_about_them_until_the_person_turns_back(dialogue: Dialogue) -> None:
    state = _to_the_results(dialogue, _to_the_list(dialogue))
    assert state.profile.get("education") == "below_high_school"
    state, replies = say(dialogue, state, "我侄子呢？他今年大专毕业，想自己创业，有啥补贴？", TODAY)
    assert any(r.kind == "answer" for r in replies)
    # Naming no one: still the nephew's — never judged by the speaker's 初中.
    state, replies = say(dialogue, state, "高校毕业生创业补贴要啥条件？", TODAY)
    assert any(r.kind == "answer" for r in replies)
    assert "您目前不符合" not in _texts(replies)
    # Back to herself: her own facts decide again.
    state, replies = say(dialogue, state, "那我自己呢？高校毕业生创业补贴我能拿吗？", TODAY)
    assert "初中及以下" in _texts(replies) and "您目前不符合" in _texts(replies)


def test_a_fact_told_beside_only_asking_before_is_a_fact_not_a_question(dialogue: Dialogue) -> None:
    state = _to_the_results(dialogue, _to_the_list(dialogue))
    state, replies = say(
        dialogue, state, "我还是没上班，前面就是随便问问。对了，前年在街道办过失业登记，有登记证", TODAY
    )
    assert not any(r.kind == "answer" for r in replies), _texts(replies)
    assert replies[-1].kind == "confirm" and state.pending.get("registered_unemployed") is True


def test_an_employers_measure_is_never_among_the_persons_misses(dialogue: Dialogue) -> None:
    state = _to_the_results(dialogue, _to_the_list(dialogue))
    outcome = dialogue.respond(state, Turn(action="more"), TODAY)
    text = outcome.replies[0].text
    own, _, units = text.partition("【用人单位或服务机构的补贴】")
    assert units, text
    # 巴中（十二）: a unit's subsidy for hiring, and its reward for taking on poor households' workers.
    for unit_measure in ("招用就业困难人员社会保险补贴和岗位补贴", "吸纳贫困家庭劳动力就业奖补"):
        assert unit_measure not in own and unit_measure in units, text
    assert "另有" not in outcome.replies[0].text


def test_none_said_of_the_one_checked_for_answers_the_list(dialogue: Dialogue) -> None:
    # Checking for the father: 他 is the one the questions are about.
    state, replies = say(dialogue, SessionState(), "帮我爸打听一下，他55了，在巴中南江县，单位裁员下来了", TODAY)
    assert state.for_someone_else and replies[-1].kind == "confirm", _texts(replies)
    outcome = dialogue.respond(state, Turn(action="ok"), TODAY)
    assert outcome.state is not None and outcome.replies[-1].asks == SITUATION
    state, replies = say(dialogue, outcome.state, "他一个都不沾", TODAY)
    assert state.profile.get("veteran") == "none" and state.profile.get("disabled") is False, _texts(replies)
