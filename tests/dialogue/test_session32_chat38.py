"""Session 32 (issue 12, task chat38): the thread and short replies, in our own words —
- a follow-up naming only another place asks that place's own measure of the kind the thread is about (what it
  grants, to whom, called by a name both documents use), not the shown measure's name, which the other document
  does not use (吉林's 农村劳动力技能培训补贴 → 资阳's 扶贫专项技能培训…补贴); the answer line names that measure;
- short replies: 重新来 / 换个人问 start over (never a search), 帮我老婆也看看 checks another person."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState, Turn
from tests.dialogue.speaking import cited, press, say

TODAY = date(2026, 12, 5)


def _answer_lines(replies: tuple[Reply, ...]) -> str:
    return "\n".join(r.text.split("依据政策原文")[0] for r in replies if r.kind == "answer")


def test_another_place_is_asked_its_own_measure_of_the_kind_shown(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "吉林 农民学手艺 培训补贴咋算", TODAY)
    assert "jilin-2017-13" in cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, "资阳那边呢", TODAY)
    # 资阳's training subsidy called as 吉林's is (技能培训补贴, 职业培训补贴), not its 技能鉴定 one.
    assert cited(replies) == {"ziyang-2017-21"}, [r.text for r in replies]
    assert "扶贫专项技能培训" in _answer_lines(replies), _answer_lines(replies)
    state, replies = say(dialogue, state, "巴中的呢", TODAY)
    assert "bazhong-2018-16" in cited(replies), [r.text for r in replies]


def test_the_answer_line_names_the_measure_asked_not_the_clauses_first(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "吉林 单位职工考下技能证书 补贴标准", TODAY)
    assert "jilin-2017-20" in cited(replies), [r.text for r in replies]
    _, replies = say(dialogue, state, "那巴中咋样", TODAY)
    assert "bazhong-2018-04" in cited(replies), [r.text for r in replies]
    line = _answer_lines(replies)
    # 巴中（四） grants the employer's 稳岗补贴 first; the thread is about the worker's skill subsidy.
    assert "技能提升补贴" in line and "稳岗补贴" not in line, line


def test_a_place_without_that_kind_of_measure_is_told_so(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "吉林 单位职工考下技能证书 补贴标准", TODAY)
    assert "jilin-2017-20" in cited(replies), [r.text for r in replies]
    _, replies = say(dialogue, state, "商洛有没有一样的", TODAY)
    # 商洛's document has no skill-upgrade subsidy: no other measure's figure stands in for it.
    assert not any(f in _answer_lines(replies) for f in ("1000元", "1500元", "2000元")), _answer_lines(replies)


def _interviewing(dialogue: Dialogue) -> SessionState:
    """Someone in 资阳 who told their situation and confirmed it: the interview's first question is open."""
    state, replies = say(dialogue, SessionState(), "我在资阳 四十二了 厂子关门没活干了", TODAY)
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    state, replies = press(dialogue, state, "ok", TODAY)
    assert state.interviewing and state.profile, [r.text for r in replies]
    return state


def test_starting_over_in_words_is_never_a_search(dialogue: Dialogue) -> None:
    for said in ("重新来", "换个人问"):
        state, replies = say(dialogue, _interviewing(dialogue), said, TODAY)
        assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
        assert not state.profile, state.profile


def test_looking_at_a_relatives_case_starts_their_check(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, _interviewing(dialogue), "那帮我媳妇也看看吧", TODAY)
    assert not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    assert state.for_someone_else and not state.profile, state
    # The speaker's own facts are set aside, not lost.
    assert any(not s.for_someone_else and s.profile for s in state.others), state.others


def test_a_bare_number_picks_the_item_just_shown(dialogue: Dialogue) -> None:
    # The welcome's second offer is the check.
    state, replies = say(dialogue, SessionState(), "你好", TODAY)
    state, replies = say(dialogue, state, "2", TODAY)
    assert state.interviewing and not any(r.kind == "answer" for r in replies), [r.text for r in replies]
    # An answer citing two clauses: 第二个 shows the second one's text.
    state, replies = say(dialogue, SessionState(), "巴中 开店创业 有补贴吗 多少钱", TODAY)
    shown = [c for r in replies if r.kind == "answer" for c in r.clause_ids]
    assert len(dict.fromkeys(shown)) > 1, [r.text for r in replies]
    _, replies = say(dialogue, state, "第二个", TODAY)
    assert cited(replies) == {list(dict.fromkeys(shown))[1]}, [r.text for r in replies]


def test_a_bare_number_answers_the_question_of_choices_open(dialogue: Dialogue) -> None:
    state = _interviewing(dialogue)
    # Through the open questions until one offers choices (not boxes to tick, not a number to type).
    for _ in range(8):
        outcome = dialogue.respond(state, Turn(text="都不是"), TODAY)
        state = outcome.state
        asked = [r for r in outcome.replies if r.kind == "question"]
        if asked and not asked[-1].multi_select and not asked[-1].free_text and len(asked[-1].actions) > 1:
            break
    question = asked[-1]
    second = question.actions[1]
    state, replies = say(dialogue, state, "选2", TODAY)
    assert replies and replies[0].kind == "acknowledge", [r.text for r in replies]
    assert second.split(":")[1] in state.profile, (second, state.profile)


def test_signs_alone_offer_again_what_waits(dialogue: Dialogue) -> None:
    state = _interviewing(dialogue)
    before = dict(state.profile)
    for signs in ("？", "🙏", "。。。"):
        state, replies = say(dialogue, state, signs, TODAY)
        assert state.profile == before, (signs, state.profile)
        assert replies[0].kind == "notice" and any(r.kind == "question" for r in replies), [r.text for r in replies]
    _, replies = say(dialogue, SessionState(), "😊", TODAY)
    assert [r.kind for r in replies] == ["notice"] and replies[0].actions, [r.text for r in replies]
