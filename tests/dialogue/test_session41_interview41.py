"""Session 41 (issue 11, task interview41): the chat side of a shorter interview.

- The region question asks where the person lives and where they work or do business; an answer naming both
  (住资中，在雁江上班) records each — the place where they are read past the place of work — and is no correction.
- A 可多选 list answered with a wish after the answer (我主要想赶紧找个工作，要是有免费培训学个育婴师也行): the wish
  asks nothing, so the message is the list's answer (before: 没看懂这个回答).
"""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import last_question, press, say

TODAY = date(2026, 12, 7)


def test_the_region_question_answered_with_a_home_and_a_place_of_work_records_both(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我能领哪些补贴", TODAY)
    asked = last_question(replies)
    assert asked is not None and "工作" in asked.text and "住" in asked.text, asked
    state, replies = say(dialogue, state, "住资中，在雁江上班", TODAY)
    assert state.profile.get("region") == "资中县", state.profile
    assert state.profile.get("work_region") == "雁江区", state.profile
    assert not any(r.kind == "confirm" for r in replies), [r.text for r in replies]


def test_the_region_question_answered_with_one_place_settles_the_place_of_work(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我能领哪些补贴", TODAY)
    state, replies = say(dialogue, state, "长春", TODAY)
    assert state.profile.get("region") == "长春市", state.profile
    assert state.profile.get("work_region") == "与居住地相同", state.profile
    assert not any(r.kind == "confirm" for r in replies), [r.text for r in replies]


def test_a_list_answered_with_a_wish_after_it_is_answered(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, SessionState(), "我在平顶山，失业了，高中毕业", TODAY)
    state, _ = press(dialogue, state, "ok", TODAY)
    state, replies = say(dialogue, state, "都不是", TODAY)
    asked = last_question(replies)
    assert asked is not None and "打算" in asked.text, asked
    state, replies = say(dialogue, state, "我主要想赶紧找个工作，要是有免费培训学个育婴师也行", TODAY)
    assert state.profile.get("job_seeking") is True, state.profile
    assert not any("没看懂" in r.text for r in replies), [r.text for r in replies]


def test_a_graduation_told_as_a_decade_decides_the_internship_for_a_leaver_of_long_ago(dialogue: Dialogue) -> None:
    # 巴中（十）: 离校1年内未就业的中职（技校）毕业生 — a 45-year-old who left 技校 in the 1990s is not one
    # (before: 没看懂 → 不清楚 → 就业见习 “可能可以享受”).
    state, _ = say(dialogue, SessionState(), "我今年45岁，在巴中，技校毕业的，现在没工作，想找工作", TODAY)
    state, replies = press(dialogue, state, "ok", TODAY)
    for _ in range(8):
        asked = last_question(replies)
        assert asked is not None, [r.text for r in replies]
        if "毕业" in asked.text:
            break
        state, replies = say(dialogue, state, "都不是" if "可多选" in asked.text else "不想", TODAY)
    state, replies = say(dialogue, state, "九十年代就毕业了", TODAY)
    assert state.profile.get("graduation_date") == "1999-06-30", state.profile
    results = [r.text for r in replies if r.kind == "results"]
    assert results and not any("就业见习" in text for text in results), results
