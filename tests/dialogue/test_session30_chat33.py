"""Session 30 (issues 12/11, task chat33): a check for a relative beside one's own in one conversation —
the speaker's facts set aside unchanged and restored by 回到我自己的 or its button, whose check it is said on the
card, questions and results, at most three people, 重新开始 and /forget clearing everyone's facts."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState, Turn
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 5)
ME = "我在资阳 五十一岁 厂里裁员 失业快一年了"


def _press(dialogue: Dialogue, state: SessionState, action: str) -> tuple[SessionState, tuple[Reply, ...]]:
    outcome = dialogue.respond(state, Turn(action=action), TODAY)
    assert outcome.state is not None
    return outcome.state, outcome.replies


def _mine(dialogue: Dialogue) -> SessionState:
    state, replies = say(dialogue, SessionState(), ME, TODAY)
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    state, _ = _press(dialogue, state, "ok")
    assert state.profile and not state.for_someone_else
    return state


def test_asking_for_a_relative_sets_ones_own_aside_and_asks_of_them(dialogue: Dialogue) -> None:
    state = _mine(dialogue)
    held = dict(state.profile)
    state, replies = say(dialogue, state, "那帮我儿子也查一查吧", TODAY)
    texts = [r.text for r in replies]
    assert state.for_someone_else and state.subject == "儿子" and not state.profile, texts
    assert [o.profile for o in state.others] == [held], state.others
    assert any("为您儿子查询" in t and "没有改动" in t for t in texts), texts
    assert any("who:self" in r.actions for r in replies), texts


def test_a_relatives_situation_told_with_the_asking_is_carded_as_theirs(dialogue: Dialogue) -> None:
    state = _mine(dialogue)
    state, replies = say(dialogue, state, "给俺媳妇查查 她三十九 在资阳摆地摊卖水果", TODAY)
    cards = [r for r in replies if r.kind == "confirm"]
    assert cards and "妻子" in cards[0].text and cards[0].facts.get("age") == 39, [r.text for r in replies]
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    state, replies = _press(dialogue, state, "ok")
    assert state.profile.get("age") == 39 and state.others[0].profile.get("age") == 51
    assert any(r.kind in {"question", "results"} and "为您妻子查询" in r.text for r in replies), [
        r.text for r in replies
    ]


def test_going_back_restores_ones_own_facts_and_keeps_the_relatives(dialogue: Dialogue) -> None:
    state = _mine(dialogue)
    held = dict(state.profile)
    state, _ = say(dialogue, state, "帮我闺女也算算", TODAY)
    state, _ = say(dialogue, state, "她在资阳 二十三 今年大专刚毕业 在找工作", TODAY)
    state, _ = _press(dialogue, state, "ok")
    hers = dict(state.profile)
    state, replies = say(dialogue, state, "好的 切回我自己的吧", TODAY)
    assert state.profile == held and not state.for_someone_else and state.subject is None, [r.text for r in replies]
    assert state.others[0].profile == hers and state.others[0].subject == "闺女"
    assert any("回到您本人" in r.text for r in replies)
    # Asked for her again: she is taken up as she was, nothing asked twice.
    state, replies = say(dialogue, state, "再帮我闺女查一下", TODAY)
    assert state.profile == hers and state.for_someone_else, [r.text for r in replies]
    state, _ = _press(dialogue, state, "who:self")
    assert state.profile == held


def test_at_most_three_people_and_starting_over_clears_everyone(dialogue: Dialogue) -> None:
    state = _mine(dialogue)
    state, _ = say(dialogue, state, "帮我老公也查查 他在资阳 五十三 开货车", TODAY)
    state, _ = _press(dialogue, state, "ok")
    state, _ = say(dialogue, state, "替我妈也查查 她在资阳 七十了", TODAY)
    state, _ = _press(dialogue, state, "ok")
    assert len(state.others) == 2
    state, replies = say(dialogue, state, "帮我弟弟查一下", TODAY)
    assert any("最多为3个人" in r.text for r in replies) and len(state.others) == 2, [r.text for r in replies]
    state, _ = _press(dialogue, state, "cmd:reset")
    assert state.others == () and not state.profile


def test_forgetting_deletes_every_persons_facts(dialogue: Dialogue) -> None:
    state = _mine(dialogue)
    state, _ = say(dialogue, state, "帮我闺女查查 她二十 在资阳 中专毕业", TODAY)
    assert state.others
    state, _ = say(dialogue, state, "/forget", TODAY)
    outcome = dialogue.respond(state, Turn(action="cmd:erase"), TODAY)
    assert outcome.state is None


def test_no_switch_without_a_record_or_without_a_relative_named(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "帮我查一下资阳的创业补贴", TODAY)
    assert not state.others
    state = _mine(dialogue)
    state, _ = say(dialogue, state, "帮我查查还有啥补贴", TODAY)
    assert not state.others and not state.for_someone_else
    state, replies = say(dialogue, state, "回到我自己的", TODAY)
    assert not state.others and state.profile.get("age") == 51, [r.text for r in replies]


def test_results_offer_a_check_for_a_relative(dialogue: Dialogue) -> None:
    state = _mine(dialogue)
    replies: tuple[Reply, ...] = ()
    for _ in range(25):
        state, replies = _press(dialogue, state, "cmd:check")
        question = next((r for r in replies if r.kind == "question"), None)
        if question is None:
            break
        action = next((a for a in question.actions if a.startswith("none:")), question.actions[-1])
        state, replies = _press(dialogue, state, action)
        if any(r.kind == "results" for r in replies):
            break
    results = [r for r in replies if r.kind == "results"]
    assert results and "who:new" in results[-1].actions, [r.text for r in replies]
    state, replies = _press(dialogue, state, "who:new")
    assert state.for_someone_else and state.others, [r.text for r in replies]


def test_a_relatives_question_offers_the_check_by_a_button(dialogue: Dialogue) -> None:
    state = _mine(dialogue)
    state, replies = say(dialogue, state, "我闺女中专毕业两年了 在资阳 想开个美甲店 她能领啥补贴", TODAY)
    offered = [r for r in replies if "who:new" in r.actions]
    assert offered and "回到我自己的" in offered[0].text, [r.text for r in replies]
    held = dict(state.profile)
    state, replies = _press(dialogue, state, "who:new")
    assert state.for_someone_else and state.others[0].profile == held, [r.text for r in replies]
    state, _ = say(dialogue, state, "她在资阳 二十一岁 中专毕业 想开美甲店", TODAY)
    assert state.pending.get("age") == 21 and state.others[0].profile == held


def test_a_relative_set_aside_is_taken_up_by_name_never_by_position(dialogue: Dialogue) -> None:
    state = _mine(dialogue)
    state, _ = say(dialogue, state, "帮我闺女也查查 她在资阳 二十 中专毕业", TODAY)
    state, _ = _press(dialogue, state, "ok")
    state, _ = _press(dialogue, state, "who:self")
    state, _ = say(dialogue, state, "给我老婆也查查 她在资阳 四十七 没有工作", TODAY)
    state, _ = _press(dialogue, state, "ok")
    state, replies = _press(dialogue, state, "who:daughter")
    assert state.subject == "闺女" and state.profile.get("age") == 20, [r.text for r in replies]
    state, _ = _press(dialogue, state, "who:wife")
    assert state.subject == "老婆" and state.profile.get("age") == 47
    state, replies = _press(dialogue, state, "who:son")
    assert state.subject == "老婆" and any(r.kind == "notice" for r in replies)


def test_a_card_left_waiting_waits_again_when_its_person_is_taken_up(dialogue: Dialogue) -> None:
    state = _mine(dialogue)
    state, replies = say(dialogue, state, "我现在开了个小卖部", TODAY)
    waiting = dict(state.pending)
    assert waiting, [r.text for r in replies]
    state, _ = say(dialogue, state, "先帮我老公查查", TODAY)
    assert state.for_someone_else and not state.pending and state.others[0].pending == waiting
    state, replies = say(dialogue, state, "回到我自己的", TODAY)
    assert state.pending == waiting and not state.for_someone_else, [r.text for r in replies]
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
