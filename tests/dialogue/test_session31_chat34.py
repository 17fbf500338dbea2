"""Session 31 (issue 12, task chat34): classes of chats set 23, in our own words —
- asking for a human, a call-back or a notice, or leaving a phone number: said plainly that the bot cannot, with
  12333 — never a search, never a fact, in any state;
- how old the measure just shown is, or whether it still holds, asked without naming it: its own document's
  date and status, its clause quoted — not the words asked before searched again;
- 为啥 / 凭什么 right after an answer: why it is so — the shown measure's conditions, never "not employment";
- what one can get, said with the what first (有啥我能拿的): the check, as 我能领啥 is; help in the field as a whole
  (就业这块的政策) asked by someone who told nothing: the guide and the check's first question."""

from __future__ import annotations

from datetime import date

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from tests.dialogue.speaking import cited, confirmed, say

TODAY = date(2026, 12, 5)
OFF_FIELD = "不是就业政策方面的问题"


def test_asking_for_a_human_in_the_interview_is_declined_plainly_and_the_question_waits(dialogue: Dialogue) -> None:
    state, _ = confirmed(dialogue, "我是敦化的 三十八 在饭店帮厨", TODAY)
    held = dict(state.profile)
    state, replies = say(dialogue, state, "能不能帮我转个人工 打字太累了", TODAY)
    assert replies[0].kind == "answer" and not replies[0].citations, [r.text for r in replies]
    assert "12333" in replies[0].text and "人工" in replies[0].text, replies[0].text
    assert state.profile == held


def test_a_phone_number_left_is_never_kept_and_no_call_is_promised(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "我是巴中市恩阳区的 做点小生意", TODAY)
    assert any(r.kind == "confirm" for r in replies)
    state, replies = say(dialogue, state, "我号码186-2233-4455 有啥好政策了联系我一下", TODAY)
    texts = [r.text for r in replies]
    assert replies[0].kind == "answer" and not replies[0].citations, texts
    assert "没有记下" in replies[0].text, texts
    assert "4455" not in str(state.pending) and "4455" not in str(state.profile)


def test_someone_who_phoned_is_told_of_not_a_call_asked_for(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "昨天有人打电话给我 说交两百块就能办创业贷款 靠谱不", TODAY)
    assert not any("转不了人工" in r.text for r in replies), [r.text for r in replies]


def test_how_old_the_shown_measure_is_answers_from_its_document_with_its_clause(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "巴中 返乡创业园区 补多少钱", TODAY)
    first = cited(replies)
    assert first, [r.text for r in replies]
    for asked in ("这都是几年前定的了 如今还作数不", "这个是不是过时了"):
        _, replies = say(dialogue, state, asked, TODAY)
        answers = [r for r in replies if r.kind == "answer"]
        assert answers and cited(replies) & first, (asked, [r.text for r in replies])
        assert "2018年" in answers[0].text and "12333" in answers[0].text, answers[0].text


def test_whether_a_listed_measure_still_holds_names_one_of_the_list_not_every_document(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "商洛 下岗的人 培训有没有补贴", TODAY)
    first = cited(replies)
    assert first, [r.text for r in replies]
    _, replies = say(dialogue, state, "你这说的哪一年的 现在还管用吗", TODAY)
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and cited(replies) and cited(replies) <= first, [r.text for r in replies]
    assert "2012年" in answers[0].text and "吉林" not in answers[0].text, answers[0].text


def test_why_after_an_answer_gives_the_shown_measures_conditions(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "吉林 大学生开小饭馆 一次性初创补贴能拿不", TODAY)
    first = cited(replies)
    assert first, [r.text for r in replies]
    for objection in ("凭啥 我天天五点起来剁馅子", "咋就不行呢 我这馆子开得好好的"):
        _, replies = say(dialogue, state, objection, TODAY)
        texts = [r.text for r in replies]
        assert not any(OFF_FIELD in t for t in texts), texts
        assert cited(replies) & first, texts
        assert any("条件" in t for t in texts), texts


def test_what_one_can_get_said_with_the_what_first_starts_the_check(dialogue: Dialogue) -> None:
    for asked in ("帮俺瞅瞅有啥我能拿的", "看看有什么可以申请的"):
        _, replies = say(dialogue, SessionState(), asked, TODAY)
        assert replies[-1].kind == "question" and not any(r.kind == "answer" for r in replies), (
            asked,
            [r.text for r in replies],
        )


def test_help_in_the_whole_field_asked_openly_gets_the_guide_and_the_first_question(dialogue: Dialogue) -> None:
    _, replies = say(dialogue, SessionState(), "想问问就业这块都有些啥政策", TODAY)
    assert replies[-1].kind == "question" and not any(r.kind == "answer" for r in replies), [r.text for r in replies]


def test_whose_the_bot_is_asked_after_an_answer_says_what_it_is_not_the_thread_again(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "资阳 灵活就业 社保补贴", TODAY)
    assert cited(replies), [r.text for r in replies]
    _, replies = say(dialogue, state, "你们到底是不是官方的", TODAY)
    assert replies[0].kind == "answer" and not replies[0].citations and "程序" in replies[0].text, [
        r.text for r in replies
    ]


def test_whether_a_draft_was_issued_for_good_is_the_documents_status_not_the_measures(dialogue: Dialogue) -> None:
    state, replies = say(dialogue, SessionState(), "平顶山 见习补贴 按啥标准给", TODAY)
    assert cited(replies), [r.text for r in replies]
    _, replies = say(dialogue, state, "那这个草案后来正式发了没", TODAY)
    answers = [r for r in replies if r.kind == "answer"]
    assert answers and "征求意见稿" in answers[0].text and "您问的" not in answers[0].text, [r.text for r in replies]
