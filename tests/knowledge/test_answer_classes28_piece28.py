"""Session 28 (piece28, issue 10): the glossary's completion of a word the question said (中职 → 中职毕业生:
毕业生) ties a measure to the question only where the measure holds that meaning or the word said — but a
meaning the question reaches by other words (建档立卡 → 贫困家庭, 贫困劳动力; 自己交社保 → 灵活就业,
社会保险补贴, 缴纳社会保险费: a list of alternatives) holds none of its pieces back. Every case is worded
apart from the golden and held-out sets."""

from __future__ import annotations

from datetime import date

from bot.present.answers import answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from knowledge.measure_match import _meanings_narrowed, _meanings_said
from knowledge.query import tokenize

AS_OF = date(2026, 12, 5)


def direct(kb: KnowledgeBase, question: str) -> str:
    return answer_result(kb.answerer.answer(question, None, AS_OF)).direct_answer or ""


def _expanded(*terms: str) -> frozenset[str]:
    return frozenset(t for term in terms for t in tokenize(term))


def test_a_said_word_narrows_its_meaning_and_holds_back_the_completion() -> None:
    meanings = _meanings_said(_expanded("中职毕业生", "技校"))
    narrowed = _meanings_narrowed(meanings, ["中职", "学杂费"])
    assert set(narrowed) == {"中职毕业生"}
    said, completion = narrowed["中职毕业生"]
    assert said == {"中职"}
    assert "毕业生" in completion and "中职" not in completion


def test_a_list_of_alternative_meanings_holds_back_no_piece() -> None:
    # 个人交社保 (said) → 灵活就业, 社会保险补贴, 缴纳社会保险费: none of them completes a word said.
    meanings = _meanings_said(_expanded("灵活就业", "社会保险补贴", "缴纳社会保险费"))
    assert {"灵活就业", "社会保险补贴", "缴纳社会保险费"} <= set(meanings)
    assert _meanings_narrowed(meanings, ["个人", "交社保", "零工", "比例"]) == {}


def test_a_meaning_reached_by_another_word_holds_back_no_piece() -> None:
    # 建档立卡 → 贫困劳动力: the question says neither 贫困 nor 劳动力 itself.
    meanings = _meanings_said(_expanded("建档立卡", "贫困劳动力", "贫困家庭"))
    assert _meanings_narrowed(meanings, ["建档", "建档立卡", "养鸭", "鸭场"]) == {}


def test_hiring_registered_poor_workers_gets_the_per_head_reward(kb: KnowledgeBase) -> None:
    # 资阳（十九） 生产经营主体吸纳贫困家庭劳动力…按每人1000元: 劳动力 is no piece held back of 贫困劳动力.
    line = direct(kb, "我在资阳开了个做红薯粉的小加工厂，招了4个建档立卡贫困户，干了半年多，每个人奖补好多钱")
    assert "1000元" in line, line


def test_a_registered_poor_founders_loan_is_among_the_answers(kb: KnowledgeBase) -> None:
    # 资阳（十九） 贫困劳动者创业担保贷款…最高不超过10万元: its 贫困 and 劳动 are no pieces held back.
    line = direct(kb, "我幺爸建档立卡的 在雁江想开个养羊场 也可以贷这么多吗")
    assert "贫困劳动者创业担保贷款" in line and "10万元" in line, line


def test_a_vocational_pupils_fee_stays_declined(kb: KnowledgeBase) -> None:
    # 中职 still completes to 中职毕业生: 资阳's 高校毕业生 measures share only 毕业生.
    answer = kb.answerer.answer("资阳读中职的孩子学费给不给减免", None, AS_OF)
    assert answer.status is not AnswerStatus.ANSWERED
