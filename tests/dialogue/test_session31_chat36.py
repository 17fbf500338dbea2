"""Session 31 (issue 12, task chat36): elliptical follow-ups, in our own words —
- a case the clauses just shown spell out, asked by its words only (期满留用过半的呢 after a 见习 subsidy, 初级的呢
  after 高级工): the same measure narrowed to that case, never those words searched alone (which find
  another measure and carry it to the next 那巴中呢); the case asked replaces the one asked before (初级 after
  高级工), so that the next place is asked about the measure, not the earlier case."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, say

TODAY = date(2026, 12, 5)


def test_a_case_of_the_shown_clause_asked_by_its_words_stays_on_that_measure(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "平顶山 单位接收见习的 补贴给多少", TODAY)
    first = cited(replies)
    assert "pingdingshan-2020-13" in first, [r.text for r in replies]
    state, replies = say(dialogue, state, "期满留用过半的呢", TODAY)
    assert cited(replies) == {"pingdingshan-2020-13"}, [r.text for r in replies]
    # The thread still holds the 见习 subsidy: elsewhere it is asked again, not some other measure.
    state, replies = say(dialogue, state, "那巴中呢", TODAY)
    assert "bazhong-2018-10" in cited(replies), [r.text for r in replies]


def test_words_the_shown_clauses_never_say_are_not_read_against_them(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "平顶山 单位接收见习的 补贴给多少", TODAY)
    assert "pingdingshan-2020-13" in cited(replies), [r.text for r in replies]
    _, replies = say(dialogue, state, "那稳岗返还呢", TODAY)
    assert not any("就业见习补贴：" in r.text for r in replies), [r.text for r in replies]


def test_the_case_asked_next_replaces_the_one_before_so_elsewhere_asks_the_measure(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "吉林 在职考技能证 拿到高级工补多少", TODAY)
    assert "jilin-2017-20" in cited(replies), [r.text for r in replies]
    state, replies = say(dialogue, state, "初级的呢", TODAY)
    assert "jilin-2017-20" in cited(replies), [r.text for r in replies]
    # 高级工, asked before 初级, is no longer the case asked: 巴中 is asked about the measure itself.
    _, replies = say(dialogue, state, "巴中那边呢", TODAY)
    assert "bazhong-2018-04" in cited(replies), [r.text for r in replies]
