"""Session 35 (dup35, issue 13): a division made or renamed after the division table was drawn — 平城区, 大同's
城区 and 矿区 since 2018 — names the table's place it lies in, as the table's own districts do. Every row of the
divisions file is checked, so a division the table misses is found by the file, not by a list here."""

from __future__ import annotations

import pytest

from knowledge.regions import Gazetteer, load_divisions_since, load_places

DIVISIONS = load_divisions_since()
BY_CODE = {place.code: place for place in load_places()}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(["大同市", "山西省"])


@pytest.mark.parametrize("text", ["平城区大学生创业补贴多少", "我在平城区开了个店，能贷款吗", "大同平城区的见习补贴"])
def test_a_question_naming_pingcheng_district_is_asked_of_datong(gazetteer: Gazetteer, text: str) -> None:
    resolved = gazetteer.resolve(text)
    assert (resolved.place, resolved.jurisdiction) == ("大同市", "大同市")


def test_pingcheng_district_resolves_as_a_district_the_table_holds_does(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("新荣区大学生创业补贴多少").jurisdiction == "大同市"
    assert gazetteer.resolve("平城区大学生创业补贴多少").jurisdiction == "大同市"


def _lies_in(code: str, within: str) -> bool:
    place = BY_CODE[within]
    return code == within or code.startswith(within[: 2 * place.level])


@pytest.fixture(scope="module")
def provinces() -> Gazetteer:
    return Gazetteer([place.name for place in load_places() if place.level == 1])


@pytest.mark.parametrize(("name", "within"), DIVISIONS, ids=[name for name, _ in DIVISIONS])
def test_every_division_newer_than_the_table_names_the_place_it_lies_in(
    provinces: Gazetteer, name: str, within: str
) -> None:
    found = provinces.find(f"我在{name}找工作")
    assert found and all(_lies_in(place.code, within) for place in found), (name, [p.name for p in found])
