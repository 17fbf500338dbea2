"""Session 25 (issue 12, task chat24): a plan to start a business is no employment status, and what is told of
another person (a pal, a classmate) never goes on the speaker's card — through the dialogue core, in our own
wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import Reply, SessionState, Turn
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 10)


def press(
    dialogue: Dialogue, state: SessionState, replies: tuple[Reply, ...], label: str
) -> tuple[SessionState, tuple[Reply, ...]]:
    action = next(b.action for r in replies for row in r.buttons for b in row if label in b.label)
    outcome = dialogue.respond(state, Turn(action=action), TODAY)
    assert outcome.state is not None
    return outcome.state, outcome.replies


def recorded(dialogue: Dialogue, told: str) -> tuple[SessionState, tuple[Reply, ...]]:
    """A person told and confirmed: 28, in 四平, doing odd jobs — the check asks on."""
    state, replies = say(dialogue, SessionState(), told, TODAY)
    assert replies[-1].kind == "confirm", [r.text for r in replies]
    return press(dialogue, state, replies, "✅")


# -- (a) a business planned (打算/想 …, with whom: 跟同学合伙, 和表哥一起) is 创业意愿, never the status now --------


@pytest.mark.parametrize(
    "said",
    ["打算跟同学合伙在网上开个卖山货的店", "我想和表哥一起开个烧烤店", "准备跟老乡合伙办个养殖场"],
)
def test_a_business_planned_with_someone_is_a_wish_not_the_status(dialogue: Dialogue, said: str) -> None:
    state, replies = recorded(dialogue, "我28岁 在四平 平时打零工")
    after, replies = say(dialogue, state, said, TODAY)
    told = {**after.profile, **after.pending}
    assert told.get("employment_status") == "flexible", (told, [r.text for r in replies])
    assert told.get("wants_business") is True, (told, [r.text for r in replies])
    assert not any("自主创业/个体经营" in r.text for r in replies), [r.text for r in replies]


def test_a_business_run_with_someone_is_still_the_status(dialogue: Dialogue) -> None:
    # 跟同学合伙开了个饭馆: done (了), no wish — a business run now.
    state, _ = say(dialogue, SessionState(), "我跟同学合伙开了个饭馆 在四平", TODAY)
    assert state.pending.get("employment_status") == "self_employed", state.pending


def test_a_yes_to_the_plan_question_answers_only_that(dialogue: Dialogue) -> None:
    # To 您是否打算自主创业？ the business told beside the yes is the one planned: no correction of the status.
    state, replies = recorded(dialogue, "我28岁 在四平 平时打零工 大专毕业五年了")
    for _ in range(12):
        if any(r.asks == "wants_business" for r in replies):
            break
        labels = [b.label for r in replies if r.kind == "question" for row in r.buttons for b in row]
        state, replies = press(
            dialogue, state, replies, next(w for w in ("确定", "否", "没有", "不清楚") if w in labels)
        )
    assert any(r.asks == "wants_business" for r in replies), [r.text for r in replies]
    after, replies = say(dialogue, state, "对呀 之前就讲了 和老同学合伙搞个网店", TODAY)
    assert after.profile.get("wants_business") is True, after.profile
    assert after.profile.get("employment_status") == "flexible" and not after.pending, (after.profile, after.pending)
    assert all(r.kind != "confirm" for r in replies), [r.text for r in replies]


@pytest.mark.parametrize("said", ["我还没开呢 就是这么打算，目前还是在打零工", "还没办呢 只是想想"])
def test_not_yet_said_with_ne_asks_nothing(dialogue: Dialogue, said: str) -> None:
    # 还没…呢 is "not yet": a statement, never a question to answer from the documents (nor a follow-up).
    state, _ = recorded(dialogue, "我28岁 在四平 平时打零工")
    _, replies = say(dialogue, state, said, TODAY)
    assert all(r.kind != "answer" for r in replies), [r.text for r in replies]


def test_those_not_yet_graduated_are_still_asked_about(dialogue: Dialogue) -> None:
    # 那还没毕业的呢: 呢 after a group (…的) asks about them.
    reading = dialogue.reader.read("那还没毕业的呢")
    assert reading.asks, reading


# -- (b) a fact told of one of the speaker's people (我那个…的哥们, 我一个同学) is theirs --------------------------


@pytest.mark.parametrize(
    "said",
    [
        "我那个一起干的哥们户口在大连 他回大连能领创业补贴吗",
        "我一个同学户籍是哈尔滨的 他能领啥",
        "我这位开超市的朋友户口在沈阳 有补贴不",
    ],
)
def test_a_fact_of_the_speakers_pal_is_not_the_speakers(dialogue: Dialogue, said: str) -> None:
    state, _ = recorded(dialogue, "我28岁 在四平 平时打零工")
    after, replies = say(dialogue, state, said, TODAY)
    told = {**after.profile, **after.pending}
    assert "household_region" not in told, (told, [r.text for r in replies])
    assert told.get("region") == state.profile.get("region"), told


def test_the_speakers_own_words_about_a_table_are_still_theirs(dialogue: Dialogue) -> None:
    # 我这个表格: a one-character kin word (表) after 这个 names no one.
    assert dialogue.reader.is_about_person("我这个表格填错了")
    assert not dialogue.reader.is_about_other("我这个表格填错了")


def test_that_was_my_pals_moves_only_the_fact_named(dialogue: Dialogue) -> None:
    # 户口是大连的 went on the card; 不对 那是我发小的户口 我本人是四平的 takes off the 户籍 only — the rest stays.
    state, _ = say(dialogue, SessionState(), "我28岁 在四平 平时打零工", TODAY)
    state, _ = say(dialogue, state, "户口是大连的", TODAY)
    assert state.pending.get("household_region"), state.pending
    after, replies = say(dialogue, state, "不对 那是我发小的户口 我本人是四平的", TODAY)
    assert "household_region" not in after.pending, after.pending
    assert after.pending.get("age") == 28 and after.pending.get("employment_status") == "flexible", after.pending
    assert "户籍所在地" in replies[0].text, [r.text for r in replies]


def test_saying_whose_it_was_answers_no_pending_question(dialogue: Dialogue) -> None:
    # 不对 那是我发小的户口 … then a question, while the interview asks which groups apply: the 不对 corrects whose
    # it was — it is no answer (都不符合) to the question waiting.
    state, replies = recorded(dialogue, "我28岁 在四平 平时打零工")
    assert any(r.kind == "question" for r in replies), [r.text for r in replies]
    after, replies = say(dialogue, state, "不对 那是我发小的户口 我本人是四平的。顺便问下 网店要交保证金吗", TODAY)
    assert all("都不符合" not in r.text for r in replies), [r.text for r in replies]
    assert after.profile == state.profile, (after.profile, state.profile)
