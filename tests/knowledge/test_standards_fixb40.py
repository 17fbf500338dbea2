"""Who a standard is paid to is one data table (knowledge/data/standards.yaml), read by understanding and by the
answer alike (session 40 review, fixb40; issue 10): 低保户 and 低保家庭 ask the 低保 standard, 特困人员 and 五保户
the 特困供养 standard; a measure for them is no standard asked.
Cases: tests/knowledge/data/standards_by_their_people.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.answer import _names_a_thing
from knowledge.intent import standard_asked_of_its_people
from knowledge.standards import written_of

CASES = yaml.safe_load((Path(__file__).parent / "data" / "standards_by_their_people.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["question"] for c in CASES])
def test_the_allowance_asked_by_its_people_is_the_standards(case: dict[str, str | None]) -> None:
    assert standard_asked_of_its_people(str(case["question"]), _names_a_thing) == case["standard"]


@pytest.mark.parametrize(
    ("asked", "written"),
    [
        ("低保标准", "最低生活保障"),
        ("低保", "最低生活保障"),
        ("社平工资", "社会平均工资"),
        ("特困供养", "特困人员救助供养"),
    ],
)
def test_a_standard_is_looked_for_in_the_words_the_documents_write_it_in(asked: str, written: str) -> None:
    assert written_of(asked) == written
