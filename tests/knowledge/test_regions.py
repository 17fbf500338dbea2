"""Place names → covered jurisdictions, from the administrative-division table cpca ships."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.normalize import to_simplified
from knowledge.regions import Gazetteer, Place, _nations, load_places, short_names, standalone_short_name

CASES = yaml.safe_load((Path(__file__).parent / "places.yaml").read_text(encoding="utf-8"))
COVERED = ["巴中市", "平顶山市", "吉林省", "资阳市", "商洛市"]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(COVERED)


def test_the_division_table_is_complete_enough() -> None:
    places = load_places()
    assert len(places) > 3000
    assert {p.level for p in places} == {1, 2, 3}


@pytest.mark.parametrize("text,jurisdiction", CASES["covered"].items(), ids=list(CASES["covered"]))
def test_covered_place_resolves_to_its_jurisdiction(gazetteer: Gazetteer, text: str, jurisdiction: str) -> None:
    resolved = gazetteer.resolve(text)
    assert resolved.covered
    assert resolved.jurisdiction == jurisdiction


@pytest.mark.parametrize("text,place", CASES["not_covered"].items(), ids=list(CASES["not_covered"]))
def test_uncovered_place_is_named_but_not_covered(gazetteer: Gazetteer, text: str, place: str) -> None:
    resolved = gazetteer.resolve(text)
    assert not resolved.covered
    assert resolved.jurisdiction is None
    assert resolved.place == place


@pytest.mark.parametrize("text", CASES["no_place"])
def test_everyday_words_are_not_places(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.resolve(text).place is None


@pytest.mark.parametrize("text,candidates", CASES["province_candidates"].items())
def test_province_lists_the_covered_cities_inside_it(gazetteer: Gazetteer, text: str, candidates: list[str]) -> None:
    resolved = gazetteer.resolve(text)
    assert not resolved.covered
    assert list(resolved.candidates) == candidates


def test_policy_texts_mention_no_spurious_places(gazetteer: Gazetteer, registry) -> None:  # type: ignore[no-untyped-def]
    """Policy wording (人力资源, 合作, 延长, 示范县 …) must not be mistaken for county names."""
    allowed = {"巴中市", "资阳市", "吉林省", "平顶山市", "四川省", "陕西省", "长春市", "中原区"}
    for clause in registry.clauses:
        names = {p.name for p in gazetteer.find(clause.text)}
        assert names <= allowed, (clause.id, names - allowed)


def test_unknown_covered_jurisdiction_fails_loudly() -> None:
    with pytest.raises(Exception, match="火星市"):
        Gazetteer(["火星市"])


@pytest.mark.parametrize(
    "text,place",
    [
        ("老家资阳，现在在杭州上班，杭州失业了有补贴吗", "杭州市"),  # where one comes from does not govern
        ("户口在巴中，人在深圳打工", "深圳市"),
        ("老家商洛，在外地打工多年，想回老家开店", "商洛市"),  # going back: the home place governs
        ("我想落户长春", "长春市"),  # 户长 is no word here: 户 is 落户's
        # Session 13: a whole address written after 户籍 is where one comes from, not only its first name.
        ("在四平打工，户籍是四川省巴中市通江县的", "四平市"),
        ("通化（工作地；户籍河南省平顶山市叶县）", "通化市"),
        ("我想了解一下巴中的政策", "巴中市"),  # 下巴 is no word here: 下 is 一下's
        # Session 34: the county named after its city is where one is — 原 ending 松原 is no "formerly" — and
        # 乾安 stays 乾安 when the message is converted to simplified characters (t2s reads 乾 as 干).
        ("帮我爸问的 他在松原乾安县 种地的 56了", "乾安县"),
        ("简阳以前归资阳管", "简阳市"),
    ],
)
def test_the_place_of_the_situation_is_resolved(gazetteer: Gazetteer, text: str, place: str) -> None:
    assert gazetteer.resolve(text).place == place


@pytest.mark.parametrize(
    ("text", "simplified"), [("他在乾安種地", "他在乾安种地"), ("陕西乾县的，乾淨", "陕西乾县的，干净")]
)
def test_place_names_keep_their_characters_in_simplified_text(text: str, simplified: str) -> None:
    """A division name is a proper noun written in simplified characters already (乾安县, 乾县): the t2s
    table's 乾 → 干 applies to the words around it, never to the name (session 34)."""
    assert to_simplified(text) == simplified


# Covered sets of every level, with several counties and cities of one province: the lookup by code
# must give what comparing the place with every covered jurisdiction gives, most specific first.
_MIXED_COVER = ["四川省", "巴中市", "平昌县", "通江县", "资阳市", "商洛市", "镇安县", "吉林省", "长春市", "朝阳区"]


def _covering_by_scan(gazetteer: Gazetteer, place) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    found = [
        (covered.level, name)
        for name, covered in gazetteer._covered.items()
        if (covered.level == 1 and place.province_code == covered.province_code)
        or (covered.level == 2 and place.level >= 2 and place.city_code == covered.city_code)
        or (covered.level == 3 and place.code == covered.code)
    ]
    return tuple(name for _level, name in sorted(found, key=lambda item: -item[0]))


@pytest.mark.parametrize("covered", [COVERED, _MIXED_COVER], ids=["seeds", "every-level"])
def test_covering_jurisdictions_by_code_agree_with_a_scan_of_every_place(covered: list[str]) -> None:
    gazetteer = Gazetteer(covered)
    places = load_places()
    nonempty = 0
    for place in places:
        expected = _covering_by_scan(gazetteer, place)
        assert gazetteer.covering(place) == expected, place
        nonempty += bool(expected)
    assert nonempty > 100  # the comparison covered places inside the covered jurisdictions, not only misses


@pytest.mark.parametrize("text,place", CASES["province_with_city"].items())
def test_a_city_named_with_its_province_holds_no_candidates(gazetteer: Gazetteer, text: str, place: str) -> None:
    resolved = gazetteer.resolve(text)
    assert resolved.place == place and not resolved.covered
    assert resolved.candidates == () and not resolved.outside_candidates


@pytest.mark.parametrize("text", CASES["province_rest"])
def test_the_rest_of_a_province_is_outside_its_covered_cities(gazetteer: Gazetteer, text: str) -> None:
    resolved = gazetteer.resolve(text)
    assert resolved.candidates and resolved.outside_candidates and not resolved.covered


@pytest.mark.parametrize("text", list(CASES["province_candidates"]))
def test_a_province_alone_is_not_the_rest_of_it(gazetteer: Gazetteer, text: str) -> None:
    assert not gazetteer.resolve(text).outside_candidates


@pytest.mark.parametrize("text", list(CASES["away"]))
def test_a_place_said_as_where_one_is_not_is_never_the_place(gazetteer: Gazetteer, text: str) -> None:
    expected = CASES["away"][text]
    resolved = gazetteer.resolve(text)
    assert resolved.place == expected["place"]
    assert list(resolved.excluded) == expected["excluded"]
    assert not resolved.covered or resolved.place not in expected["excluded"]


@pytest.mark.parametrize("text,place", CASES["not_away"].items())
def test_where_one_comes_from_denied_keeps_the_place(gazetteer: Gazetteer, text: str, place: str) -> None:
    resolved = gazetteer.resolve(text)
    assert resolved.place == place and resolved.covered and resolved.excluded == ()


@pytest.mark.parametrize("text", CASES["city_unknown"])
def test_a_province_with_its_city_not_known_is_the_province(gazetteer: Gazetteer, text: str) -> None:
    resolved = gazetteer.resolve(text)
    assert resolved.city_unknown and resolved.candidates and not resolved.outside_candidates
    assert not gazetteer.resolve(resolved.place or "").city_unknown


def _short_form(place: Place, nations: list[str]) -> str:
    return standalone_short_name(place.name, nations, place.level) or short_names(place.name, nations, place.level)[-1]


def test_every_prefecture_city_asked_by_its_short_name_is_that_city(gazetteer: Gazetteer) -> None:
    """Generated over the whole division table, not picked examples: each prefecture-level city whose short
    name no other place shares, asked about as people write it (大同失业金…, 我在黄南开了个小店…)."""
    nations = _nations()
    places = load_places()
    counts: dict[str, int] = {}
    for place in places:
        for form in short_names(place.name, nations, place.level):
            counts[form] = counts.get(form, 0) + 1
    asked, wrong = 0, []
    for place in places:
        short = _short_form(place, nations)
        if place.level != 2 or counts.get(short, 0) > 1 or len(short) < 2:
            continue
        for text in (f"{short}失业金一个月多少钱", f"我在{short}开了个小店有补贴吗", f"{short}的创业担保贷款能贷多少"):
            asked += 1
            if gazetteer.resolve(text).place != place.name:
                wrong.append((text, gazetteer.resolve(text).place))
    assert asked > 800
    assert wrong == []


@pytest.mark.parametrize("text", ["大同小异的政策有哪些", "世界大同", "中山路上开店有补贴吗", "中山大学毕业的求职补贴"])
def test_a_city_short_name_that_is_an_everyday_word_is_no_place_inside_another_word(
    gazetteer: Gazetteer, text: str
) -> None:
    assert gazetteer.resolve(text).place is None


@pytest.mark.parametrize("text", ["大同公益性岗位一个月给多少钱", "俺家孩子在大同开了个小饭馆", "中山创业补贴多少"])
def test_a_city_short_name_that_is_an_everyday_word_names_the_city_standing_alone(
    gazetteer: Gazetteer, text: str
) -> None:
    resolved = gazetteer.resolve(text)
    assert resolved.place in {"大同市", "中山市"}
    assert not resolved.covered


def test_a_deployment_covering_such_a_city_is_asked_by_its_short_name() -> None:
    resolved = Gazetteer(["大同市"]).resolve("大同公益性岗位一个月给多少钱")
    assert resolved.covered
    assert resolved.jurisdiction == "大同市"


@pytest.mark.parametrize("text", ["我在城区开店有补贴吗", "郊区农民工培训补贴"])
def test_a_district_named_by_an_everyday_word_alone_names_no_place(gazetteer: Gazetteer, text: str) -> None:
    """城区, 郊区, 矿区 are districts of several cities and everyday words: alone they tell no place, so the
    reply never says no document covers "城区". (平城区, which holds 城区, is 大同's district since 2018:
    tests/knowledge/test_places_session35_dup35.py.)"""
    assert gazetteer.resolve(text).place is None


def test_a_district_named_by_an_everyday_word_counts_with_its_city(gazetteer: Gazetteer) -> None:
    resolved = gazetteer.resolve("阳泉城区的创业补贴")
    assert resolved.place == "城区"
    assert "阳泉市" in resolved.places


def test_a_city_short_name_inside_a_dictionary_word_stays_no_place_whatever_words_were_added(
    gazetteer: Gazetteer,
) -> None:
    """The sentence's cut depends on every word added to jieba (a policy dictionary adds 大学毕业, which cuts
    中山/大学毕业): a name inside a longer dictionary word (中山大学) is still no place."""
    import jieba

    before = jieba.dt.FREQ.get("大学毕业", 0)
    jieba.add_word("大学毕业", freq=100000)
    try:
        assert gazetteer._scan_text("中山大学毕业的求职补贴") == ()
    finally:
        if before:
            jieba.add_word("大学毕业", freq=before)
        else:
            jieba.del_word("大学毕业")


@pytest.mark.parametrize(
    "text,place",
    [
        ("沈阳铁西区", "沈阳市铁西区"),
        ("我在鞍山铁西开店", "鞍山市铁西区"),
        ("北京朝阳区", "北京市朝阳区"),
        ("辽宁铁西区", "辽宁省铁西区"),
    ],
)
def test_a_district_name_several_cities_share_keeps_its_city_when_not_covered(
    gazetteer: Gazetteer, text: str, place: str
) -> None:
    """Session 43 (lead): 沈阳铁西区 was stored as 铁西区, which resolved anew is 四平's (吉林省): a person from
    沈阳 was judged on 吉林's policies. The stored name keeps the city the text named, and reads again the same."""
    resolved = gazetteer.resolve(text)
    assert (resolved.place, resolved.covered) == (place, False)
    again = gazetteer.resolve(resolved.place)
    assert (again.place, again.covered, again.jurisdiction) == (place, False, None)
    assert gazetteer.resolve("四平铁西区").jurisdiction == "吉林省", "the covered one stays covered"
    # 南山区 (深圳, 鹤岗) shares its name with no covered district: the name alone is kept.
