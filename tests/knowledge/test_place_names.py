"""Session 26 (issues 10 and 12, task reg1): places people name in ways the division table does not
hold — towns, scenic areas, universities, city nicknames, zones and big employers (the place-names
file, knowledge/data/places.yaml), and covered places typed with a same-sounding character — while a
place elsewhere stays not covered. Fresh wording, none from a probe or a golden set."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from knowledge.errors import SourceError
from knowledge.regions import (
    PLACE_NAMES_VARIABLE,
    Gazetteer,
    PlaceIndex,
    is_everyday_word,
    load_place_names,
    place_index_fingerprint,
)
from knowledge.spelling import Speller

COVERED = ["吉林省", "巴中市", "资阳市", "平顶山市", "商洛市"]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(COVERED)


def test_the_place_names_file_holds_no_table_name_and_no_everyday_word() -> None:
    names = load_place_names()
    assert len(names) > 150
    index = PlaceIndex.build()  # raises on a name the table already knows
    assert index.named == frozenset(names)
    assert not [name for name in names if is_everyday_word(name)]
    # (a bare name only a dictionary word is: 神马, 空山, 江城 are left out)
    assert not [name for name in names if len(name) == 2 and jieba.dt.FREQ.get(name, 0) >= 20]


@pytest.mark.parametrize(
    "text,place,jurisdiction",
    [
        ("雾凇岛上搞冰雪旅游，能贷款吗", "吉林市", "吉林省"),
        ("东北电力大学毕业的，找工作有补贴不", "吉林市", "吉林省"),
        ("长白山脚下开个客栈", "吉林省", "吉林省"),
        ("在风穴寺附近摆摊卖香火", "汝州市", "平顶山市"),
        ("平高集团的职工，考证有钱拿吗", "平顶山市", "平顶山市"),
        ("金丝大峡谷门口卖山货", "商南县", "商洛市"),
        ("毗卢洞那边种柠檬的", "安岳县", "资阳市"),
        ("诺水洞天当导游，想考证", "通江县", "巴中市"),
        ("棣花镇回来的，想开个面馆", "丹凤县", "商洛市"),
    ],
)
def test_a_place_named_by_its_landmark_school_nickname_or_town_is_its_county(
    gazetteer: Gazetteer, text: str, place: str, jurisdiction: str
) -> None:
    resolved = gazetteer.resolve(text)
    assert (resolved.place, resolved.jurisdiction) == (place, jurisdiction)


@pytest.mark.parametrize(
    "text",
    [
        "厦门天竺山下开茶室",
        "春城昆明的，有补贴吗",
        "南湖公园旁边摆摊",
        "在万达影城上班",
        "八中毕业的",
        "我叫王淑兰，想问创业补贴",
    ],
)
def test_a_name_shared_with_elsewhere_or_a_word_stays_not_covered(gazetteer: Gazetteer, text: str) -> None:
    assert not gazetteer.resolve(text).covered


@pytest.mark.parametrize(
    "text,place",
    [
        ("汪青这边的，有见习补贴吗", "汪清县"),
        ("炸水那边搞养殖", "柞水县"),
        ("我在夹县", "郏县"),
        ("吧中的大学生", "巴中市"),
    ],
)
def test_a_covered_place_typed_with_a_same_sounding_character_is_that_place(
    gazetteer: Gazetteer, text: str, place: str
) -> None:
    assert gazetteer.resolve(text).place == place


@pytest.mark.parametrize("text,place", [("我在芦山县", "芦山县"), ("同江的，有补贴吗", "同江市")])
def test_a_place_elsewhere_that_sounds_like_a_covered_one_stays_itself(
    gazetteer: Gazetteer, text: str, place: str
) -> None:
    resolved = gazetteer.resolve(text)
    assert (resolved.place, resolved.covered) == (place, False)


def test_places_after_one_said_as_not_where_the_person_is_are_not_there_either(gazetteer: Gazetteer) -> None:
    resolved = gazetteer.resolve("要问的是四川资阳，不是湖南益阳的资阳区")
    assert resolved.jurisdiction == "资阳市"
    assert set(resolved.excluded) == {"湖南省", "益阳市", "资阳区"}


def test_the_speller_leaves_a_place_name_as_written() -> None:
    speller = Speller(["养猪", "补贴"])
    assert speller.correct("气候康养之都补帖") == "气候康养猪都补贴"  # (unguarded: 之都 sounds like 猪都)
    assert speller.correct("气候康养之都补帖", keep=["气候康养之都"]) == "气候康养之都补贴"


def test_a_deployment_adds_its_own_place_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "places.yaml"
    own.write_text("河南省/平顶山市/郏县:\n  town: [薛店镇]\n", encoding="utf-8")
    before = place_index_fingerprint()
    monkeypatch.setenv(PLACE_NAMES_VARIABLE, str(own))
    assert place_index_fingerprint() != before
    gazetteer = Gazetteer(COVERED, PlaceIndex.build())
    assert gazetteer.resolve("薛店镇的农民工").place == "郏县"
    own.write_text("河南省/平顶山市/不存在县:\n  town: [某某镇]\n", encoding="utf-8")
    with pytest.raises(SourceError):
        PlaceIndex.build()
    own.write_text("河南省/平顶山市:\n  nickname: [汝州]\n", encoding="utf-8")
    with pytest.raises(SourceError):
        PlaceIndex.build()
