"""A measure's name said short (session 31, ans23) never outranks a name the question says outright once
words typed apart with spaces are read together — found by the session's merge battery (the pinyin case of
session 14 turned to 吉林（八）). Worded apart from the golden sets, from the source texts."""

from __future__ import annotations

import pytest

from knowledge.kb import KnowledgeBase
from knowledge.measure_match import said_short
from tests.knowledge.test_answer_classes12 import answered, cited


@pytest.mark.parametrize(
    "question",
    [
        "通化 大学生 创业 补贴 能给多少",
        "白山这边 大学生 创业补贴 一次给几个钱",
    ],
)
def test_words_typed_apart_name_the_measure_they_spell(kb: KnowledgeBase, question: str) -> None:
    # 吉林（七）: 一次性5000元初创企业补贴 (alias 大学生创业补贴), not （八）'s 大学生创业社保补贴 said short.
    result = answered(kb, question)
    assert cited(result)[:1] == ["jilin-2017-07"]
    assert result.direct_answer is not None and "5000元" in result.direct_answer


def test_a_name_said_short_still_names_its_measure(kb: KnowledgeBase) -> None:
    # 商洛（二）: 全年新增城镇就业目标 said as 新增就业目标 — no other name is said.
    result = answered(kb, "商洛今年新增就业目标定的多少")
    assert cited(result)[:1] == ["shangluo-2012-02"]
    assert result.direct_answer is not None and "1.2万" in result.direct_answer


def test_the_words_of_a_name_said_apart_block_only_a_name_they_all_fit() -> None:
    own = ("大学生", "创业", "补贴")
    text = "大学生 创业 补贴"
    assert said_short(own, text, "大学生创业社保补贴")
    assert not said_short(own, text, "大学生创业社保补贴", ("大学生创业补贴",))
    # A name holding only some of the words blocks nothing.
    assert said_short(own, text, "大学生创业社保补贴", ("创业补贴",))
