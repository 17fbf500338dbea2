"""Session 32, walkfix6 (walk30, issues 12/11): what is told of a relative in passing (俺爹是残疾人) is never the
speaker's fact; a relative's check is worded for that person in every echo and in the results' counts; and what
was told of the relative just before 帮家人查 is offered on their card instead of being asked all over again."""

from __future__ import annotations

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.service import Conversations
from bot.dialogue.types import Reply, Turn
from tests.dialogue.conftest import TODAY

# A speaker in 资阳 whose check reaches its results (every further question answered no / none / 不清楚).
SPEAKER = "我在资阳雁江 今年31 初中毕业 在工地打零工"


def _say(conversations: Conversations, who: str, text: str) -> list[Reply]:
    return conversations.handle(who, Turn(text=text))


def _press(conversations: Conversations, who: str, action: str) -> list[Reply]:
    return conversations.handle(who, Turn(action=action))


def _through(conversations: Conversations, who: str, replies: list[Reply]) -> list[Reply]:
    """Answer every question of the interview (都不是 / 否 / 不清楚 / the first option) until the results; every
    reply along the way, in order."""
    seen = list(replies)
    for _ in range(20):
        last = replies[-1]
        if last.kind == "results":
            return seen
        if last.kind == "confirm":
            action = "ok"
        else:
            assert last.kind == "question", last.text
            actions = [b for row in last.buttons for b in row]
            by_label = {b.label: b.action for b in actions}
            action = next((by_label[k] for k in ("都不是", "否", "没有", "不清楚") if k in by_label), actions[0].action)
        replies = _press(conversations, who, action)
        seen += replies
    raise AssertionError("no results after 20 answers")


def _results(conversations: Conversations, who: str, told: str) -> list[Reply]:
    return _through(conversations, who, _say(conversations, who, told))


@pytest.mark.parametrize("told", ["我娘是残疾人 我这种情况能领啥", "俺爹去年中风了 落下个二级残疾 我能有补助不"])
def test_a_parent_named_in_the_north_s_words_is_someone_else(dialogue: Dialogue, told: str) -> None:
    # 俺爹 / 我娘: the parents as the north calls them — what is said of them is theirs, never the speaker's.
    reading = dialogue.reader.read(told)
    assert "残疾" in reading.others
    assert "残疾" not in reading.statement


def test_a_relative_s_disability_told_mid_results_puts_nothing_on_the_speaker(conversations: Conversations) -> None:
    _results(conversations, "q", SPEAKER)
    after = _say(conversations, "q", "俺老爹是三级残疾 我们家这种情况有没有帮扶")
    cards = [r for r in after if r.kind == "confirm"]
    assert all("残疾：是" not in c.text for c in cards)


def test_a_household_fact_already_recorded_is_not_offered_again(conversations: Conversations) -> None:
    _results(conversations, "h", "我在资阳 今年31 初中毕业 在工地打零工 家里有残疾人")
    after = _say(conversations, "h", "我爸是二级残疾 这种家庭有没有啥补助")
    assert not [r for r in after if r.kind == "confirm"]


def test_a_relative_s_check_speaks_of_them_in_echoes_and_counts(conversations: Conversations) -> None:
    _results(conversations, "r", SPEAKER)
    started = _press(conversations, "r", "who:new")
    told = _say(conversations, "r", "她也在资阳 42岁 高中 失业两年了")
    seen = _through(conversations, "r", [*started, *told])
    echoes = [r.text.split("\n")[0] for r in seen if r.kind == "acknowledge" and r.asks]
    assert echoes, [r.text for r in seen]
    assert all("您本人" not in e for e in echoes), echoes
    results = seen[-1].text
    assert "项补贴您目前不符合" not in results
    assert "您所在" not in results


def test_what_was_told_of_the_relative_is_offered_when_checking_them(conversations: Conversations) -> None:
    _results(conversations, "w", SPEAKER)
    _say(conversations, "w", "我老公也在资阳 今年45了 下岗好几年了 他能领点啥")
    replies = _press(conversations, "w", "who:new")
    card = next((r for r in replies if r.kind == "confirm"), None)
    assert card is not None, [r.text for r in replies]
    assert "45岁" in card.text
    assert "丈夫" in replies[0].text  # whom the check is for, named as told


# -- the speaker as a boss (walk30 #1) ------------------------------------------------------------


@pytest.mark.parametrize(
    "asked",
    [
        "我要是开个面馆 雇两个帮工 我作为老板能享受啥补贴",
        "假如我开个汽修店招几个学徒 我这当老板的有没有补贴",
    ],
)
def test_a_boss_asking_what_he_gets_for_hiring_is_answered_with_the_employers_measures(
    conversations: Conversations, asked: str
) -> None:
    _results(conversations, "b", SPEAKER)
    reply = next(r for r in _say(conversations, "b", asked) if r.kind == "answer")
    assert "发给用人单位" in reply.text
    assert "别人的情况" not in reply.text


def test_one_s_own_boss_is_no_boss_speaking(dialogue: Dialogue) -> None:
    # 我老板 is whom the speaker works for: no question as an employer.
    assert not dialogue.words.as_employer.search("我老板不给交社保 我能领啥补贴")
    assert not dialogue.words.as_employer.search("我想去招聘会上找个工作 有补贴吗")


# -- validity after an uncovered place (walk30 #3) -------------------------------------------------


def test_whether_the_policies_still_hold_after_an_uncovered_place_is_asked_of_one_s_own(
    conversations: Conversations,
) -> None:
    _results(conversations, "v", SPEAKER)
    _say(conversations, "v", "我要是去长沙开个店呢")
    reply = next(r for r in _say(conversations, "v", "你说的这些规定现在还作数吗") if r.kind == "answer")
    assert "长沙" not in reply.text
    assert "资阳" in reply.text


# -- statements read right (walk30 #4, #12) ---------------------------------------------------------


def test_a_registration_long_done_is_no_status_of_now(dialogue: Dialogue) -> None:
    told = dialogue.describer.describe("三年前办过失业登记 如今在做网约车司机", TODAY)
    assert told.facts.get("registered_unemployed") is True
    assert told.facts.get("employment_status") != "unemployed"


@pytest.mark.parametrize("said", ["18年秋天吧 之后去南方打了几年工", "大概是2016年冬天吧"])
def test_a_pending_date_said_with_a_guess_is_the_answer(conversations: Conversations, said: str) -> None:
    replies = _say(conversations, "d", "我在平顶山 大专毕业 26岁 现在没工作")
    for _ in range(12):
        last = replies[-1]
        if last.kind == "question" and "毕业" in last.text and "哪天" in last.text:
            break
        assert last.kind in {"confirm", "question"}, last.text
        if last.kind == "confirm":
            replies = _press(conversations, "d", "ok")
            continue
        by_label = {b.label: b.action for row in last.buttons for b in row}
        first = last.buttons[0][0].action
        action = next((by_label[k] for k in ("都不是", "否", "没有", "不清楚") if k in by_label), first)
        replies = _press(conversations, "d", action)
    else:
        raise AssertionError("the date was never asked")
    answered = _say(conversations, "d", said)
    assert answered[0].kind == "acknowledge", answered[0].text
    assert "年" in answered[0].text and "依据政策原文" not in "".join(r.text for r in answered)
