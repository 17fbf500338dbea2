"""Session 40 (issue 11): the description reader keeps where the person works (is insured) and where their business
is or is to be apart from where they are, when they are other places — worker and start-up measures follow them."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.core import Dialogue

TODAY = date(2026, 12, 7)
PLACES = ("region", "household_region", "work_region", "business_region")

SAID = [
    ("家在资中 在雁江上班", {"region": "资中县", "work_region": "雁江区"}),
    ("我在南江住，在达州上班，社保在达州交的", {"region": "南江县", "work_region": "达州市"}),
    ("洮南的 在大连船厂干电焊八年了 失业保险一直在大连交", {"region": "洮南市", "work_region": "大连市"}),
    ("我是简阳的，打算在雁江注册个网店公司", {"region": "简阳市", "business_region": "雁江区"}),
    ("想回老家通江开个农家乐，我现在在成都打工", {"region": "通江县", "work_region": "成都市"}),
    # Said alone, the place of work or business is where the person is, as before.
    ("我在长春上班", {"region": "长春市"}),
    ("准备回平昌开店", {"region": "平昌县"}),
    ("我在巴中开了个店", {"region": "巴中市"}),
    # The same place twice is one place.
    ("老家丹凤 在西安打工交的社保", {"region": "西安市", "household_region": "丹凤县"}),
    # 开出租 is a job, not a business opened there.
    ("户口在商洛，人在西安开出租", {"region": "西安市", "household_region": "商洛市"}),
    # A place left is no place of work now.
    ("在东莞打了几年工回来了，现在在巴中", {"region": "巴中市"}),
]


@pytest.mark.parametrize(("message", "expected"), SAID)
def test_the_places_of_work_and_business_are_kept_apart_from_where_one_is(
    dialogue: Dialogue, message: str, expected: dict[str, str]
) -> None:
    facts = dialogue.describer.describe(message, TODAY).facts
    assert {f: facts[f] for f in PLACES if f in facts} == expected, facts


# Someone else's place of work or business is not the speaker's.
OTHERS = ["我在巴中 老公在成都打工", "我是简阳的 我儿子打算在雁江开个店", "我在南江 我爸在达州上班"]


@pytest.mark.parametrize("message", OTHERS)
def test_someone_elses_place_of_work_or_business_is_not_the_speakers(dialogue: Dialogue, message: str) -> None:
    facts = dialogue.describer.describe(message, TODAY).facts
    assert "work_region" not in facts and "business_region" not in facts, facts
