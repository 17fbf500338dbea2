"""Classes of answer failure fixed in session 34 (issue 10, ans28). Every case is worded apart from the
golden and chat sets, from the source texts:
- a person names their own group in words no document writes (退伍兵, where the documents write 退役士兵): the
  glossary maps the word to the group once, and every measure whose targets name that group holds it as it
  holds a word its span says — not only the clause that shares the most words;
- a word some reached measure writes as said (大学生 of 大学生创业引领计划) is matched as written, so the measure
  for the narrower group the person names (未就业的高校毕业生) still leads;
- one who hires (请了3个贫困户) names whom they hire, not themselves: no person's measure for that group is theirs;
- back from the army however it is told (当兵退下来的) is the veterans' group; going to it (想去当兵) is not."""

from __future__ import annotations

import pytest

from knowledge.kb import KnowledgeBase
from knowledge.measure_match import speaks_of_hiring
from tests.knowledge.test_answer_classes12 import answered, cited


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("平昌的退伍兵 想自己养鸡 有什么扶持", "bazhong-2018-14"),
        ("靖宇的退伍兵想学门手艺 有没有培训", "jilin-2017-15"),
        ("通江退伍的 有啥政策", "bazhong-2018-14"),
        ("松原 当兵退下来的 有啥政策", "jilin-2017-15"),
    ],
)
def test_a_person_s_own_word_for_their_group_reaches_every_measure_for_that_group(
    kb: KnowledgeBase, question: str, clause: str
) -> None:
    assert cited(answered(kb, question))[:1] == [clause]


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("商洛没找到工作的大学生有什么帮扶", "shangluo-2012-03"),
        ("我在安岳搞家庭农场 请了3个贫困户干活 能有奖补不", "ziyang-2017-19"),
    ],
)
def test_a_group_word_a_measure_writes_or_one_the_asker_hires_is_no_group_of_theirs(
    kb: KnowledgeBase, question: str, clause: str
) -> None:
    assert cited(answered(kb, question))[:1] == [clause]


@pytest.mark.parametrize(
    ("text", "hires"),
    [
        ("我家农场请了5个贫困户", True),
        ("请了两个大学生帮忙", True),
        ("请了三天假", False),
        ("请问大学生有补贴吗", False),
    ],
)
def test_qing_le_with_the_people_after_it_is_hiring(text: str, hires: bool) -> None:
    assert speaks_of_hiring(text) is hires


@pytest.mark.parametrize(
    ("question", "veteran"),
    [("当兵退下来的有啥政策", True), ("当了五年兵回来", True), ("部队上下来的", True), ("想去当兵有啥补贴", False)],
)
def test_back_from_the_army_however_told_is_the_veterans_group(kb: KnowledgeBase, question: str, veteran: bool) -> None:
    assert ("退役士兵" in kb.analyzer.analyze(question).all_tokens) is veteran
