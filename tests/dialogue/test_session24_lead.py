"""Session 24 (issues 10 and 12, the lead): a newcomer's first message — who she is, that she wants to open
a shop, and what help there is — is asked of her situation including the plan she told, and the help
listed is her group's, never a narrower kind of it she never said (去产能企业失业人员 for 下岗). Our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue
from bot.dialogue.types import SessionState
from bot.present.answers import answer_result
from bot.present.prose import prose
from knowledge.kb import KnowledgeBase
from tests.dialogue.speaking import say

TODAY = date(2026, 12, 4)


def _listed(kb: KnowledgeBase, question: str) -> str:
    result = answer_result(kb.answerer.answer(question))
    assert result.direct_answer, question
    return result.direct_answer


def test_a_plan_to_open_a_shop_steers_what_help_is_asked_in_the_first_message(dialogue: Dialogue) -> None:
    _, replies = say(
        dialogue, SessionState(), "我38岁，在资阳安岳，前年从鞋厂下岗了，打算在镇上开个卤菜店，有什么扶持政策", TODAY
    )
    answer = next(r for r in replies if r.kind == "answer")
    head = answer.text.split("依据政策原文")[0]
    assert "创业" in head, head
    first = next(line for line in head.splitlines() if line.startswith("·"))
    assert "创业" in first and "去产能" not in first, head


def test_help_listed_for_a_laid_off_person_is_not_the_narrower_overcapacity_kind(kb: KnowledgeBase) -> None:
    head = _listed(kb, "资阳 失业人员 自主创业 有哪些补贴")
    first = next(line for line in head.splitlines() if line.startswith("·"))
    assert "去产能" not in first, head  # the first measure listed is the person's group's
    said = _listed(kb, "巴中 我是煤矿关停后失业的 想创业 有哪些扶持")
    assert "去产能" in said, said  # the narrower kind is theirs once its concept is said


def test_a_measure_asked_by_name_keeps_whom_it_is_for(kb: KnowledgeBase) -> None:
    head = _listed(kb, "吉林一次性求职创业补贴给哪些毕业生")
    assert "求职创业补贴" in head.splitlines()[0] and "低保家庭" in head, head


@pytest.mark.parametrize(
    ("question", "details"),
    [("吉林那个求职创业补贴 哪些人能领", True), ("资阳 创业补贴要满足啥", True), ("巴中的公益性岗位托底安置", False)],
)
def test_a_measure_without_a_figure_is_never_shown_by_its_bare_name(
    kb: KnowledgeBase, question: str, details: bool
) -> None:
    """按资阳市2017年文件，创业补贴。 said nothing: the line says the document sets no standard, and whom it is
    for and on what conditions follow when that is asked."""
    head = _listed(kb, question)
    first = head.splitlines()[0]
    # (session 26: or by what it grants, from its own span — 公益性岗位托底安置：对通过市场渠道确实难以实现
    # 就业的，可通过开发公益性岗位予以托底安置…)
    granted = "：" in first and len(first.split("：", 1)[1]) > len("予以托底安置。")
    assert granted or not (first.endswith("补贴。") or first.endswith("安置。")), head
    assert "没有写明" in first or "原文见下" in first or granted, head
    assert ("对象：" in head or "条件：" in head) is details, head


def test_a_second_part_answered_by_the_conditions_listed_under_the_first_is_pointed_at(dialogue: Dialogue) -> None:
    """那他能领吗？要啥条件: the conditions listed under the first part answer the second — never followed by
    "没有另外的规定" right below them."""
    state, _ = say(dialogue, SessionState(), "资阳 雁江区的创业补贴", TODAY)
    _, replies = say(dialogue, state, "我表哥能领这个创业补贴吗？要什么条件", TODAY)
    text = "\n".join(r.text for r in replies)
    assert "条件：" in text, text
    assert prose().followups.nothing_more not in text, text
