"""Session 25 (issue 10, task ans11): the answer classes a walk of the widget found — several questions in
one message, facets the documents never state, a homophone fix that fired on words reading fine — through
the dialogue core, in our own wording."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState, Turn
from bot.present.prose import prose
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 10)


def _recorded(dialogue: Dialogue, told: str) -> SessionState:
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert any(r.kind == "confirm" for r in replies), [r.text for r in replies]
    outcome = dialogue.respond(state, Turn(action="ok"), TODAY)
    assert outcome.state is not None and outcome.state.profile, outcome
    return outcome.state


def _answer(replies: tuple) -> str:  # type: ignore[type-arg]
    return "\n".join(r.text for r in replies if r.kind == "answer")


def test_a_later_part_the_documents_never_state_is_said_unstated_not_pointed_above(dialogue: Dialogue) -> None:
    # 巴中（七）: 按规定落实创业担保贷款扶持政策 — no sum, and nothing of who bears the interest. The third part
    # cites the same clause; the text above never says who pays: "见上一段" there would be a false claim.
    state = _recorded(dialogue, "我在巴中通江，失业一年了，今年41")
    _, replies = say(dialogue, state, "创业担保贷款最多贷好多？贷款利息是哪个出？", TODAY)
    text = _answer(replies)
    parts = text.split("【")
    last = parts[-1]
    assert prose().followups.said_above not in text, text
    # (after the line saying how the part was read, when it was read against the first)
    lines = [line for line in last.splitlines()[1:] if not line.startswith("（接着")]
    assert "没有写明" in lines[0], last


def test_a_later_part_whose_own_lines_are_not_above_shows_them(dialogue: Dialogue) -> None:
    # 要什么条件 after 能贷多少 cites the same clause; its 对象/条件 lines were not shown above: they are shown,
    # the clause pointed at — never "没有另外的规定".
    state = _recorded(dialogue, "我在巴中通江，失业一年了，今年41")
    _, replies = say(dialogue, state, "创业担保贷款最多贷好多？需要什么条件？", TODAY)
    text = _answer(replies)
    assert "条件：" in text.split("【")[-1], text
    assert prose().followups.nothing_more not in text, text


def test_a_part_asking_two_things_of_one_kind_is_headed_by_both_and_read_as_typed(dialogue: Dialogue) -> None:
    # Two where-questions and a how-long: the first part is headed by both where-questions; 是去 reads fine as
    # 是 + 去 and is never "corrected" to 失去.
    state = _recorded(dialogue, "我在巴中通江，失业一年了，今年41")
    _, replies = say(dialogue, state, "这些补助到哪儿去办？通江县是去人社局还是街道办？要等多久才批？", TODAY)
    text = _answer(replies)
    headings = [line for line in text.splitlines() if line.startswith("【")]
    assert headings and "到哪儿去办" in headings[0] and "是去人社局" in headings[0], text
    assert "失去" not in text, text


def test_a_stray_measure_of_a_not_stated_answer_is_no_topic_for_the_next_part(dialogue: Dialogue) -> None:
    # The where-part cites a clause reached by 社区 (巴中（十一）充分就业社区创建) and says the documents never
    # state where; the how-long part after it is not read as a question about that clause's measure (零就业家庭).
    # (The walk's question, asked by a person of our own.)
    state = _recorded(dialogue, "我是平昌县的，今年40，厂里裁员下岗了，想摆个摊")
    _, replies = say(dialogue, state, "这些补贴在哪里申请？平昌县是去人社局还是社区？办下来要多久？", TODAY)
    text = _answer(replies)
    assert "【" in text, text
    assert "零就业家庭" not in text.split("【")[-1], text
