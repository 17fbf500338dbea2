"""Classes of answer failure fixed in session 14 (issue 10). Every case is worded apart from the
golden sets, from the source texts."""

from __future__ import annotations

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.intent import asked_units
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import answered, cited

# ---- Latin words inside a Chinese question are read in place ----


def test_an_english_share_word_asks_a_share(kb: KnowledgeBase) -> None:
    # 平顶山（十三）: 见习补贴标准调整为当地最低工资标准的70% — asked with an English word for "per cent".
    result = answered(kb, "宝丰这边见习单位拿的补贴 按最低工资算是多少percent")
    assert cited(result)[:1] == ["pingdingshan-2020-13"]
    assert result.direct_answer is not None and "70%" in result.direct_answer
    assert "没有写明" not in result.direct_answer


def test_pinyin_inside_a_chinese_question_is_read_as_the_word(kb: KnowledgeBase) -> None:
    # 吉林（七）: 一次性5000元初创企业补贴.
    result = answered(kb, "四平 daxuesheng chuangye 补贴给多少")
    assert cited(result)[:1] == ["jilin-2017-07"]
    assert result.direct_answer is not None and "5000元" in result.direct_answer


def test_a_latin_run_read_only_in_part_stays_as_written(kb: KnowledgeBase) -> None:
    reader = kb.retriever.analyzer._latin  # type: ignore[attr-defined]
    assert reader.within("我在抖音和QQ上卖货 资阳有补贴吗") == "我在抖音和QQ上卖货 资阳有补贴吗"
    assert reader.within("叶县 percent 是多少") == "叶县 百分之 是多少"


def test_per_cent_in_english_is_a_share_unit() -> None:
    assert "ratio" in asked_units("见习补贴是最低工资的百分之几")


# ---- how many people a condition asks, when the text states their share ----


def test_how_many_kept_is_answered_by_the_share_of_people(kb: KnowledgeBase) -> None:
    # 平顶山（十三）: 对留用见习期满人员比例达到50%及以上的，补贴标准提高到当地最低工资标准的110%.
    result = answered(kb, "鲁山一个厂子带见习生 想拿最低工资110%那档 见习满了要留下几个人")
    assert cited(result)[:1] == ["pingdingshan-2020-13"]
    assert result.direct_answer is not None and "50%及以上" in result.direct_answer


# ---- a figure that pays someone the question names ----


def test_a_sum_paid_to_the_party_the_question_names_is_the_answer(kb: KnowledgeBase) -> None:
    # 巴中（六）: 对首次认定为市级创业园区（孵化基地）的，按规定由市财政给予业主20万元的园区建设补贴.
    result = answered(kb, "恩阳区孵化基地头一回被评上市级 业主那边能拿到多少补助")
    assert result.status is AnswerStatus.ANSWERED
    assert cited(result)[:1] == ["bazhong-2018-06"]
    assert result.direct_answer is not None and "20万元" in result.direct_answer


def test_a_person_asking_their_own_sum_is_not_given_the_owners(kb: KnowledgeBase) -> None:
    # The same 20万元 goes to the park's owner, never to a founder renting a desk in it.
    result = answered(kb, "巴中我在创业园区里租了个工位创业 能补多少钱")
    assert result.direct_answer is None or "20万元" not in result.direct_answer


# ---- a status question about one measure names it beside the document's status ----


@pytest.mark.parametrize(
    ("question", "name", "figure"),
    [
        ("听说平顶山失业补助金能按失业金的80%发 这文件正式出台了没", "失业补助金", "80%"),
        ("吉林给大学生开店那一次性5000元 是哪份文件定的 还作数不", "初创企业补贴", "5000元"),
    ],
)
def test_a_status_question_names_the_measure_it_is_about(
    kb: KnowledgeBase, question: str, name: str, figure: str
) -> None:
    result = answered(kb, question)
    assert result.status is AnswerStatus.ANSWERED
    first = (result.direct_answer or "").splitlines()[0]
    assert name in first and figure in first
    assert "文件" in (result.direct_answer or "")


def test_a_status_question_about_a_whole_document_names_no_measure(kb: KnowledgeBase) -> None:
    result = answered(kb, "商洛收录的那个通知现在还有效吗")
    assert result.direct_answer is not None and not result.direct_answer.startswith("您问的")


# ---- a phrase that only asks what to do asks for advice, not a procedure ----


@pytest.mark.parametrize("question", ["厂子关门了我也没活干了，咋整", "失业金领完了还没找到工作 我该怎么办呢"])
def test_what_to_do_after_a_story_is_no_procedure_question(question: str) -> None:
    from knowledge.intent import Intent, classify

    assert classify(question).primary is not Intent.PROCEDURE


def test_how_to_apply_for_a_named_measure_stays_a_procedure_question() -> None:
    from knowledge.intent import Intent, classify

    assert classify("失业补助金咋弄").primary is Intent.PROCEDURE
    assert classify("技能提升补贴怎么申请").primary is Intent.PROCEDURE


def test_advice_after_a_story_answers_from_the_measure_the_story_fits(kb: KnowledgeBase) -> None:
    # 平顶山（二十二）: 对领取失业保险金期满仍未就业且距法定退休年龄不足1年的失业人员，
    # 可继续发放失业保险金直至法定退休年龄.
    result = answered(kb, "叶县的 我今年五十九 失业保险金下个月就停了 还差几个月到退休年龄 咋办")
    assert cited(result)[:1] == ["pingdingshan-2020-22"]
    assert result.direct_answer is not None and "直至法定退休年龄" in result.direct_answer


# ---- who a term of the documents means ----


def test_a_term_defined_in_a_bracket_is_answered_with_the_bracket(kb: KnowledgeBase) -> None:
    # 平顶山（十六）: “两后生（初、高中毕业后未继续升学的学生）”.
    result = answered(kb, "郏县这边讲的两后生 指的是哪些娃")
    assert result.status is AnswerStatus.ANSWERED
    assert cited(result)[:1] == ["pingdingshan-2020-16"]
    first = (result.direct_answer or "").splitlines()[0]
    assert "初、高中毕业后未继续升学的学生" in first
    assert "两后生" in result.citations[0].quote


def test_a_counted_term_is_answered_with_the_list_it_sums_up(kb: KnowledgeBase) -> None:
    # 吉林（十九）: 对贫困家庭子女、…和城镇登记失业人员五类人员参加就业技能培训的.
    result = answered(kb, "白山 培训补贴说的五类人员 都是哪几类啊")
    assert cited(result)[:1] == ["jilin-2017-19"]
    first = (result.direct_answer or "").splitlines()[0]
    assert "贫困家庭子女" in first and "城镇登记失业人员" in first


def test_a_group_the_documents_never_define_is_said_so_with_the_sentence_naming_it(kb: KnowledgeBase) -> None:
    # 资阳（十五）: 完善就业困难人员认定办法 — the document leaves who counts to the 认定办法.
    result = answered(kb, "安岳这边哪些人算就业困难人员")
    assert result.status is AnswerStatus.NO_ANSWER
    assert "没有专门界定" in result.answer
    assert result.citations and "就业困难人员" in result.citations[0].quote
    assert "12333" in result.answer


def test_a_group_named_only_as_an_item_of_a_list_is_not_defined_by_that_list(kb: KnowledgeBase) -> None:
    # 巴中（九）: 对符合条件的高校毕业生、就业困难人员 — 就业困难人员 is one item, not the sum.
    result = answered(kb, "恩阳的就业困难人员是指啥")
    first = (result.direct_answer or result.answer).splitlines()[0]
    assert "高校毕业生" not in first


def test_what_a_measure_is_still_answers_with_the_measure(kb: KnowledgeBase) -> None:
    result = answered(kb, "资阳的创业担保贷款是什么")
    assert result.status is AnswerStatus.ANSWERED
    assert "没有专门界定" not in result.answer


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("两后生是指啥人", "两后生"),
        ("零就业家庭是什么意思", "零就业家庭"),
        ("就业困难人员 哪些人算", "就业困难人员"),
        ("哪些人算就业困难人员", "就业困难人员"),
        ("五类人员是哪五类", "五类人员"),
        ("什么叫零就业家庭", "零就业家庭"),
    ],
)
def test_the_term_asked_is_read_from_each_way_of_asking(question: str, term: str) -> None:
    from knowledge.definitions import term_asked

    assert term_asked(question) == term


@pytest.mark.parametrize("question", ["长春创业补贴多少钱", "我是大学生，有什么补贴", "资阳有哪些补贴"])
def test_no_definition_is_asked_by_an_ordinary_question(question: str) -> None:
    from knowledge.definitions import term_asked

    assert term_asked(question) is None


def test_a_place_before_the_cue_is_not_taken_for_the_term(kb: KnowledgeBase) -> None:
    result = answered(kb, "乐至哪些人算就业困难人员")
    assert "“就业困难人员”" in result.answer


def test_a_governments_own_duty_is_no_answer_to_what_a_person_can_get(kb: KnowledgeBase) -> None:
    # 平顶山（二十二）: 对失业保险金发放出现缺口的地方…采取失业保险省级调剂金调剂 — for the government.
    story = "俺38岁 宝丰县的 以前在郑州厂里上班 三年前辞职回来带娃 失业保险交了4年 现在在家抖音卖货 没有营业执照"
    result = answered(kb, f"{story} 想问问我这情况有啥补贴没有")
    assert all("调剂" not in c.quote for c in result.citations)


# ---- several measures match equally and none is named ----


def test_a_figure_asked_of_equally_matching_measures_names_each_not_one(kb: KnowledgeBase) -> None:
    # 平顶山（十六）and（十七）: training subsidies for graduates and for 劳动预备制 — neither states a sum,
    # the question (a 38-year-old's certificate course) names neither; 吉林's 每学时8元 is no version of "it".
    result = answered(kb, "宝丰 考个育婴员证培训有补贴没 能补多少钱")  # the walkthrough's (walk10) words
    assert result.status is AnswerStatus.NO_ANSWER
    lines = (result.direct_answer or "").splitlines()
    assert len([line for line in lines if "没有写明" in line]) >= 2
    assert "8元" not in (result.direct_answer or "")


# ---- a sum pointed at names the measure, with no other word ----


@pytest.mark.parametrize("question", ["延吉那个5000块的 我能要不", "通化这个5000的咋申请"])
def test_a_sum_pointed_at_names_the_measure_stating_it(kb: KnowledgeBase, question: str) -> None:
    # 吉林（七）: 给予一次性5000元初创企业补贴 — the sum alone says which measure is meant.
    result = answered(kb, question)
    assert cited(result)[:1] == ["jilin-2017-07"]


def test_a_year_pointed_at_is_no_sum() -> None:
    from knowledge.told_figures import quantities

    assert quantities("那个2017的文件") == frozenset()
    assert quantities("那个5000的") == {("5000", "", False)}
