"""Classes of answer failure fixed in session 13 (issue 10). Every case is worded apart from the
golden sets, from the source texts."""

from __future__ import annotations

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.evaluation import GoldenQuestion
from knowledge.intent import Intent, classify
from knowledge.kb import KnowledgeBase
from knowledge.normalize import as_in_clauses
from knowledge.told_figures import quantities, states_a_told_figure
from tests.knowledge.test_answer_classes12 import answered, cited

# ---- 好多 / 几多 ask how much in dialect; 好多年, 好多人 do not ----


@pytest.mark.parametrize("question", ["资阳创业补贴有好多嘛", "乐至那个孵化基地奖补给好多", "这个补助几多钱"])
def test_dialect_how_much_asks_an_amount(question: str) -> None:
    assert classify(question).primary is Intent.AMOUNT


@pytest.mark.parametrize("question", ["我在安岳干了好多年，好多人都领了创业补贴", "好多人说有补贴"])
def test_a_lot_of_years_or_people_asks_no_amount(question: str) -> None:
    assert not classify(question).asks(Intent.AMOUNT)


def test_a_dialect_amount_question_about_a_measure_without_a_sum_says_so(kb: KnowledgeBase) -> None:
    # 资阳（七）: 对被认定为创业孵化园区（基地）的，按规定给予奖补 — no sum.
    result = answered(kb, "雁江那边认定的创业孵化基地，奖补给好多")
    assert result.status is AnswerStatus.NO_ANSWER
    assert cited(result)[:1] == ["ziyang-2017-07"]
    assert result.direct_answer is not None and "没有写明" in result.direct_answer


# ---- a task for the assistant after a phrase that sets the scene ----


@pytest.mark.parametrize(
    "question", ["我是通江的，帮我写一封求职信", "我在商洛，麻烦你用Excel生成一张工资表", "住在叶县。给我翻译成英文"]
)
def test_a_task_after_a_scene_phrase_is_declined(kb: KnowledgeBase, question: str) -> None:
    result = answered(kb, question)
    assert result.status is AnswerStatus.NO_ANSWER
    assert result.citations == []


def test_a_question_that_mentions_writing_is_no_task(kb: KnowledgeBase) -> None:
    result = answered(kb, "我在巴中，写简历的培训有补贴吗，能帮我查查吗")
    assert result.intent != "instruction"


# ---- a sum or share the question tells names the measure ----


def test_told_sums_and_shares_are_read_with_their_magnitude() -> None:
    assert quantities("那个5000块的") == {("5000", "", False)}
    assert quantities("新增6个亿") == {("6", "亿", False)}
    assert quantities("调到70%") == {("70", "", True)}
    assert quantities("干了1年以上，2017年毕业，3个人") == frozenset()
    assert states_a_told_figure("10万块钱的贷款", "最高不超过10万元的创业担保贷款")
    assert not states_a_told_figure("10万块钱的贷款", "最高不超过10元")


def test_a_department_question_naming_a_measure_by_its_sum_cites_that_measure(kb: KnowledgeBase) -> None:
    # 资阳（十九） grants 每人1000元 for hiring poor labourers; （十三） names the same group, no sum.
    result = answered(kb, "资阳按每人1000元给的那个吸纳贫困劳动力的钱，是哪个部门负责的")
    assert cited(result)[:1] == ["ziyang-2017-19"]
    assert result.direct_answer is not None and "部门" in result.direct_answer


def test_a_status_question_naming_a_measure_by_its_sum_quotes_the_measure(kb: KnowledgeBase) -> None:
    result = answered(kb, "吉林给开店大学生一次性5000块的那个，文件现在还有效吗")
    assert cited(result)[:1] == ["jilin-2017-07"]
    assert "5000元" in result.citations[0].quote


# ---- whether one qualifies, asked of a list: each item says for whom and on what terms ----


def test_a_listed_measure_shows_its_own_conditions_when_eligibility_is_asked(kb: KnowledgeBase) -> None:
    # 巴中（十二）: 生产经营主体 hiring poor labourers 稳定就业半年以上 get a one-off reward.
    result = answered(kb, "我在南江搞了个养殖合作社，招了几个贫困户干活，快一年了，我这有没有奖补")
    assert cited(result)[:1] == ["bazhong-2018-12"]
    assert result.direct_answer is not None
    assert "半年以上" in result.direct_answer
    # Each condition shown is its own measure's, verbatim.
    for measure in result.measures:
        for condition in measure.conditions:
            assert condition in measure.quote


@pytest.mark.parametrize(
    "question",
    [
        "我儿子能去参加那个劳动预备制培训拿补贴不",
        "这种培训有补贴不？",
        "技能提升补贴我现在申请还赶趟不",
        "现在办还来得及吗",
    ],
)
def test_a_not_a_and_too_late_questions_ask_eligibility(question: str) -> None:
    assert classify(question).primary is Intent.ELIGIBILITY


def test_a_question_closed_by_bu_inside_a_word_asks_nothing_of_eligibility() -> None:
    assert not classify("有不少人领了").asks(Intent.ELIGIBILITY)


# ---- an outside topic in the story does not stop a question asking for money ----


def test_a_story_with_an_outside_topic_and_an_unnamed_benefit_is_answered(kb: KnowledgeBase) -> None:
    # 吉林（八）: 一次性求职创业补贴 for graduates of 低保家庭; 简历 is a topic the documents do not set.
    result = answered(kb, "闺女在吉林上大学今年毕业，家里吃低保，她天天改简历投简历，有个什么一次性补助能申请吗")
    assert result.status is AnswerStatus.ANSWERED
    assert cited(result)[:1] == ["jilin-2017-08"]


def test_asking_about_the_outside_topic_itself_stays_a_near_miss(kb: KnowledgeBase) -> None:
    assert answered(kb, "简历怎么写").status is AnswerStatus.NO_ANSWER


# ---- golden figures are compared the way the clauses write them ----


def test_golden_figures_are_compared_as_the_clauses_write_them() -> None:
    item = GoldenQuestion(
        id="x", question="q", kind="in_scope", figures=("80萬元", "8:2", "1 年以上"), wrong_figures=("12個月",)
    )
    assert item.figures == ("80万元", "8：2", "1年以上")
    assert item.wrong_figures == ("12个月",)
    assert as_in_clauses("30萬元") == "30万元"


# ---- a skill grade the tiers do not state gets none of their figures ----


def test_skill_grades_are_read_from_names_and_numbers() -> None:
    from knowledge.measure_match import grades_in

    assert grades_in("技师（二级）证") == {2}
    assert grades_in("取得初级（五级）职业资格证书") == {5}
    assert grades_in("高级技师") == {1}
    assert grades_in("省一级认定的基地") == frozenset()


def test_a_grade_the_tiers_do_not_state_shows_none_of_their_figures(kb: KnowledgeBase) -> None:
    # 吉林（二十） states 1000/1500/2000元 for 初级、中级、高级 only.
    result = answered(kb, "我在白山，拿了个一级高级技师的证，技能提升补贴给多少钱")
    assert result.direct_answer is not None
    for figure in ("1000元", "1500元", "2000元"):
        assert figure not in result.direct_answer
    named = answered(kb, "我在白山，拿了个中级工的证，技能提升补贴给多少钱")
    assert named.direct_answer is not None and "1500元" in named.direct_answer
    assert "2000元" not in named.direct_answer


def test_a_grade_named_picks_its_tier_over_words_every_certificate_shares(kb: KnowledgeBase) -> None:
    # 吉林（二十）: the 初级 tier says 职业资格证书或职业技能等级证书 in full; a question naming 中级 and
    # 职业技能等级证书 asks the 中级 tier alone.
    result = answered(kb, "在四平的厂里干了六年，刚拿到中级（四级）焊工的职业技能等级证书，吉林这个补贴给多少")
    assert result.direct_answer is not None
    assert "1500元" in result.direct_answer
    assert "1000元" not in result.direct_answer


# ---- a sum told with its bound names the measure; it asks no sum ----


def test_a_told_sum_asks_no_sum() -> None:
    asked = classify("巴中那个最高10万元的贷款，申请截止到哪天")
    assert "money" not in asked.units
    assert "date" in asked.units
    assert "money" in classify("巴中创业贷款最高贷多少钱").units


# ---- who pays: the cost asked must be the one the sentence pays for ----


def test_a_payer_of_another_cost_is_no_answer(kb: KnowledgeBase) -> None:
    # 巴中（十四）: 民政部门 pays the 基本医疗保险费 of veterans waiting for a post; nothing on 养老保险.
    result = answered(kb, "在通江等着安排工作的退役士兵，养老保险谁给交")
    assert result.status is AnswerStatus.NO_ANSWER
    assert "养老保险" in result.answer
    said = answered(kb, "在通江等着安排工作的退役士兵，这段时间医保谁给交")
    assert said.status is AnswerStatus.ANSWERED
    assert "民政部门" in said.citations[0].quote


# ---- a standard a measure is reckoned by is not stated by the documents ----


def test_the_amount_of_a_standard_is_said_to_be_unstated(kb: KnowledgeBase) -> None:
    # 平顶山（十三）: 见习补贴 = 当地最低工资标准的70%; the 最低工资 itself is set elsewhere.
    result = answered(kb, "郏县见习补贴是按最低工资算的，那郏县最低工资一个月到底多少钱")
    assert result.status is AnswerStatus.NO_ANSWER
    assert "最低工资" in result.answer
    assert "70%" not in result.answer.splitlines()[0]


def test_a_share_of_a_standard_is_the_measures_figure(kb: KnowledgeBase) -> None:
    result = answered(kb, "宝丰的企业留用见习生过半，见习补贴能提到最低工资标准的多少")
    assert result.status is AnswerStatus.ANSWERED
    assert result.direct_answer is not None and "110%" in result.direct_answer


def test_a_standard_no_document_names_gets_the_plain_refusal(kb: KnowledgeBase) -> None:
    result = answered(kb, "商洛的社平工资一年是多少")
    assert result.status is AnswerStatus.NO_ANSWER
    assert result.citations == []


# ---- a figure asked beside which office: both answered ----


def test_a_figure_and_the_offices_asked_together_are_both_answered(kb: KnowledgeBase) -> None:
    # 平顶山（十一）: 灵活就业 graduates get 2/3 of their contributions; the clause names its offices.
    result = answered(kb, "平顶山毕业两年内没找到工作在打零工的大学生，社保补贴按多少比例补，哪些部门负责")
    assert result.direct_answer is not None
    assert "2/3" in result.direct_answer
    assert "负责部门" in result.direct_answer


# ---- the figure asked is a condition's, named beside the cue ----


def test_the_length_of_a_contract_asked_is_the_conditions(kb: KnowledgeBase) -> None:
    # 巴中（十）: a firm hiring a graduate 签订1年以上劳动合同 gets 社保补贴 for 最长1年.
    result = answered(kb, "巴中的小公司招了应届大学生，合同至少签多久才能拿社保补贴")
    assert result.direct_answer is not None
    assert "1年以上劳动合同" in result.direct_answer
    paid = answered(kb, "巴中的小公司招了应届大学生，社保补贴最长补多久")
    assert paid.direct_answer is not None and "最长1年" in paid.direct_answer


# ---- what the story tells is not what the question asks ----


def test_a_few_told_in_the_story_is_no_count_asked() -> None:
    asked = classify("我在通江帮乡亲们找活，去年带了几个贫困户去宁波进厂，都签了两年合同，这种补贴一个人能给我多少？")
    assert asked.units == ("money",)
    assert classify("公司招几个人能拿补贴").units == ("count",)
    assert classify("失业补助金能发几个月").units == ("duration",)


def test_the_last_phrase_asks_without_a_question_mark() -> None:
    asked = classify("工资保证金能不能先不交？能缓到什么时候")
    assert "date" in asked.units


def test_the_words_of_a_search_box_message_ask_together() -> None:
    assert "date" in classify("稳岗返还 截止时间 平顶山").units
