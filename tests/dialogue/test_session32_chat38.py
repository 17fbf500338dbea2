"""Session 32 (issue 12, task chat38): the thread and short replies, in our own words —
- a follow-up naming only another place asks that place's own measure of the kind the thread is about (what it
  grants, to whom, called by a name both documents use), not the shown measure's name, which the other document
  does not use (吉林's 农村劳动力技能培训补贴 → 资阳's 扶贫专项技能培训…补贴); the answer line names that measure;
- short replies: 重新来 / 换个人问 start over (never a search), 帮我老婆也看看 checks another person."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState
from tests.dialogue.speaking import cited, say

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
