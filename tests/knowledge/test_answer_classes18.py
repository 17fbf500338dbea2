"""Classes of answer failure fixed in session 18 (issue 10). Every case is worded apart from the golden
sets, from the source texts and the administrative divisions."""

from __future__ import annotations

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF, answered, cited

# ---- a place said as history or inside an institution's name is not where the question is ----


@pytest.mark.parametrize(
    ("question", "place"),
    [
        # 简阳 has been run by 成都 since 2016: the 2017 资阳 document is not its own.
        ("简阳原属资阳，我在简阳开个小饭馆，创业补贴有吗", "简阳市"),
        ("我们镇过去是巴中管的，现在划到达州了，达州这边求职补贴多少", "达州市"),
    ],
)
def test_a_place_said_as_what_another_used_to_belong_to_does_not_govern(
    kb: KnowledgeBase, question: str, place: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.REGION_NOT_COVERED, [c.clause_id for c in answer.citations]
    assert answer.place == place


def test_a_place_in_a_university_name_yields_to_where_the_person_is(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("吉林大学毕业的，现在在广州开了网店，初创企业补贴能拿吗", None, AS_OF)
    assert answer.status is AnswerStatus.REGION_NOT_COVERED
    assert answer.place == "广州市"


def test_a_university_named_alone_still_places_the_question(kb: KnowledgeBase) -> None:
    # No other place: the school's city is all the question says of where (吉林大学 → 吉林省).
    result = answered(kb, "吉林大学毕业出来自己开店，一次性创业补贴多少")
    assert result.status is AnswerStatus.ANSWERED
    assert cited(result)[0].startswith("jilin-2017")
    assert "5000元" in result.answer


def test_a_history_place_alone_still_places_the_question(kb: KnowledgeBase) -> None:
    # Nothing else is named: the place is kept rather than dropped.
    answer = kb.answerer.answer("以前在资阳打工，那边贫困户创业担保贷款最多贷多少", None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.region == "资阳市"


# ---- a province asked at its own level, or outside its covered cities ----


@pytest.mark.parametrize(
    "question",
    [
        "四川全省统一的就业见习补贴标准是多少",
        "河南省级的创业担保贷款额度是多少",
        "四川省里统一的创业补贴怎么领",
    ],
)
def test_a_province_asked_at_its_own_level_is_not_answered_from_a_city(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.REGION_NOT_COVERED, [c.clause_id for c in answer.citations]
    assert not answer.citations
    assert answer.within  # the covered cities of that province, named in the reply
    text = answered(kb, question).answer
    assert all(city in text for city in answer.within)


def test_the_rest_of_a_province_said_alone_is_still_asked_of_its_covered_cities(kb: KnowledgeBase) -> None:
    # 那四川其他地方呢 after a question about one city: its other covered city may be what is meant.
    answer = kb.answerer.answer("四川其他地方 创业补贴有没有", None, AS_OF)
    assert answer.status is not AnswerStatus.REGION_NOT_COVERED
    assert {c.clause_id.split("-")[0] for c in answer.citations} & {"bazhong", "ziyang"}


def test_a_two_character_purpose_under_another_head_here_is_not_said_missing(kb: KnowledgeBase) -> None:
    # 安家费 is 吉林's word; 资阳（二十三） grants 安家补助 to 急需紧缺人才.
    answer = kb.answerer.answer("资阳引进来的紧缺人才有没有安家费", None, AS_OF)
    assert answer.missing is None or answer.missing.kind != "measure"
    assert answer.citations and answer.citations[0].clause_id == "ziyang-2017-23"


def test_a_province_named_plainly_still_answers_from_its_covered_city(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("河南 失业补助金发几个月", None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.citations[0].clause_id == "pingdingshan-2020-22"


# ---- a measure asked for by its name that only other regions grant ----


@pytest.mark.parametrize(
    ("question", "name", "where"),
    [
        # 失业补助金: only 平顶山（二十二）; 巴中's clauses speak of 失业保险 for firms (稳岗).
        ("巴中这边失业补助金能领几个月", "失业补助金", "平顶山市"),
        # 房租补贴: an alias of 巴中（五）'s 园区 subsidy; 吉林 grants none.
        ("我在长春租了个门面做生意，房租补贴一个月多少", "房租补贴", "巴中市"),
    ],
)
def test_a_measure_only_other_regions_grant_is_said_to_be_missing_here(
    kb: KnowledgeBase, question: str, name: str, where: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert answer.missing is not None and answer.missing.kind == "measure"
    assert answer.missing.name == name
    assert where in answer.missing.where
    assert not answer.citations  # no other measure's sentence or figure in its place
    text = answered(kb, question).answer
    assert name in text and where in text


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        # 平顶山（十九）writes 技能提升培训补贴: the measure in its own words.
        ("平顶山毕业生技能提升补贴怎么领", "pingdingshan-2020"),
        # 巴中 has its own 创业担保贷款, whatever name other regions give it.
        ("巴中创业担保贷款最多贷多少", "bazhong-2018"),
    ],
)
def test_a_measure_written_here_in_other_words_is_not_said_missing(
    kb: KnowledgeBase, question: str, clause: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.missing is None or answer.missing.kind != "measure"
    assert answer.citations and answer.citations[0].clause_id.startswith(clause)


def test_a_measure_named_only_as_what_one_already_had_is_not_the_question(kb: KnowledgeBase) -> None:
    # 失业保险金 (a 吉林/资阳 measure's name) is told, not asked: 巴中's own measures answer.
    answer = kb.answerer.answer("我领完失业保险金了，巴中有啥培训补贴", None, AS_OF)
    assert answer.missing is None or answer.missing.kind != "measure"


# ---- a list's verb said once before its first item names no item ----


def test_the_verb_before_a_lists_first_item_does_not_pick_that_item(kb: KnowledgeBase) -> None:
    # 平顶山（六）: 新培育国家高新技术企业20家以上、国家科技型中小企业30家以上.
    result = answered(kb, "平顶山要新培育多少家科技型中小企业")
    assert "30家" in result.answer.splitlines()[0]
    assert "20家" not in result.answer.splitlines()[0]
    first = answered(kb, "平顶山新培育的高新技术企业要达到多少家")
    assert "20家" in first.answer.splitlines()[0]


# ---- a general measure named together with the words that narrow it: the narrower one is asked ----


def test_the_narrowing_words_said_with_a_general_name_pick_the_narrower_measure(kb: KnowledgeBase) -> None:
    # 吉林（二十）: the 技能提升补贴 tiers, then 对符合条件的省内紧缺急需工种可适当提高补贴标准 (no figure).
    result = answered(kb, "吉林紧缺急需工种 技能提升补贴是不是能多给一些 给多少")
    first = result.answer.splitlines()[0]
    assert "紧缺急需工种" in first
    assert not any(figure in first for figure in ("1000元", "1500元", "2000元"))
    plain = answered(kb, "吉林 中级工证书 技能提升补贴给多少")
    assert "1500元" in plain.answer.splitlines()[0]


# ---- the level of a base said as whose it is (我们县里的) ----


@pytest.mark.parametrize("question", ["延吉 我们县里的返乡创业园 补助多少钱", "四平市上的返乡创业基地能有多少资金补助"])
def test_a_level_said_as_whose_the_base_is_is_not_given_another_levels_figure(kb: KnowledgeBase, question: str) -> None:
    # 吉林（十一）: 80万元 is for 省级 bases; 市、县级 ones get 适当资金补助 (no figure).
    result = answered(kb, question)
    assert "80万元" not in result.answer.splitlines()[0]
    assert cited(result)[0] == "jilin-2017-11"


def test_a_measure_name_said_as_part_of_a_longer_thing_here_is_not_said_missing(kb: KnowledgeBase) -> None:
    # 家政培训 is 平顶山's measure; 家政培训示范基地 is the 家庭服务职业培训示范基地 of 吉林（二十一）.
    answer = kb.answerer.answer("吉林搞家政培训示范基地的，省里给多少补助", None, AS_OF)
    assert answer.missing is None or answer.missing.kind != "measure"
    assert answer.citations and answer.citations[0].clause_id == "jilin-2017-21"


def test_a_name_from_elsewhere_beside_a_measure_of_here_named_in_full_is_not_said_missing(
    kb: KnowledgeBase,
) -> None:
    # 家政培训 names 平顶山's measure, but the message also names 吉林（二十一）'s base in full.
    answer = kb.answerer.answer("我在白山开家政培训学校，想评省级家庭服务职业培训示范基地，补多少", None, AS_OF)
    assert answer.missing is None or answer.missing.kind != "measure"
    assert answer.citations and answer.citations[0].clause_id == "jilin-2017-21"


def test_a_bare_fragment_naming_a_measure_of_elsewhere_gets_the_plain_reason(kb: KnowledgeBase) -> None:
    # Too few words to quote anything: the reply still says the measure is not in this region's documents,
    # and the place name after the measure's name is no qualifier of it.
    answer = kb.answerer.answer("失业补助金资阳有没有", None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert answer.missing is not None and answer.missing.kind == "measure"
    assert answer.missing.where == ("平顶山市",)


def test_a_condition_that_names_none_is_said_plainly(kb: KnowledgeBase) -> None:
    # 巴中（七）: 对符合条件的个人…落实创业担保贷款扶持政策 — the only condition phrase is 符合条件的.
    text = answered(kb, "巴中创业担保贷款 个人申请要满足啥条件").answer
    assert "条件：符合条件的" not in text
    assert "没有列明具体条件" in text
    # A real condition is still shown verbatim (吉林（七）).
    assert "领取工商营业执照且有正常经营行为1年以上" in answered(kb, "吉林初创企业补贴要什么条件").answer
