"""Classes of answer failure fixed in session 33 (issue 10, ans27). Every case is worded apart from the
golden sets, from the source texts:
- a share's base (按2019年当地平均工资的 of its 60%) says what the share is of: its year or its period is
  none of the grant's own figures, and never answers a question of when or of how long;
- 块 asks a sum only after a number (几块, 5000块): 这块 and 一块儿 ask none (融资这块谁管 asks an office);
- a place, the words naming some of its measures by their kind, and words that only ask (哪个部门, 这块): the
  question asks that of those measures however few words it shares with them — and the place with words
  no measure holds is still not answered."""

from __future__ import annotations

import pytest

from knowledge.answer_model import AnswerStatus
from knowledge.granted_figures import amounts
from knowledge.intent import classify, without_figure_cues
from knowledge.kb import KnowledgeBase
from knowledge.measure_match import answers_unit
from knowledge.measures import Amount, AmountKind
from tests.knowledge.test_answer_classes12 import AS_OF, answered, cited

# ---- a share's base is no date and no period ----


@pytest.mark.parametrize(
    ("piece", "unit"),
    [
        ("对符合条件的，按2019年当地职工平均工资的60%给予补贴", "date"),
        ("对签订劳动合同的，给予按近3年月平均工资的50%的补贴", "duration"),
        ("按2020年6月底当地最低工资标准的70%给予见习补贴", "date"),
    ],
)
def test_a_share_said_with_a_dated_base_answers_no_question_of_when_or_how_long(piece: str, unit: str) -> None:
    shares = [a for a in amounts(piece) if a.text.startswith("按")]
    assert shares, amounts(piece)  # the base travels with the share, as the answer shows it
    assert all(not answers_unit(share, unit) for share in shares)
    assert all(answers_unit(share, "ratio") and answers_unit(share, "money") for share in shares)


@pytest.mark.parametrize(
    ("amount", "unit"),
    [
        (Amount(text="最长不超过6个月", kind=AmountKind.DURATION), "duration"),
        (Amount(text="2020年12月31日", kind=AmountKind.DURATION), "date"),
        (Amount(text="按不超过6个月的当地月人均失业保险金", kind=AmountKind.CAP), "duration"),
    ],
)
def test_a_grant_s_own_period_or_date_still_answers_them(amount: Amount, unit: str) -> None:
    assert answers_unit(amount, unit)


# ---- 块 counts money only after a number ----


@pytest.mark.parametrize(
    ("question", "asks_a_sum"),
    [
        ("巴中贷款这块谁管", False),
        ("我们几个一块儿去申请创业补贴行不", False),
        ("吉林创业那块的事找谁", False),
        ("一个月补几块钱", True),
        ("见习补贴多少块", True),
        ("开店补几千块", True),
        ("补好多块", True),
    ],
)
def test_kuai_asks_a_sum_only_after_a_number(question: str, asks_a_sum: bool) -> None:
    assert ("money" in classify(question).units) is asks_a_sum
    if not asks_a_sum:
        assert "这块" not in question or "这块" in without_figure_cues(question)


# ---- a place's measures named by kind, then what is asked of them ----


@pytest.mark.parametrize(
    ("question", "clause", "office"),
    [
        # 资阳（九）: 企业改制上市、挂牌融资支持 …（人行资阳市中心支行牵头…）
        ("资阳融资这块归哪个部门", "ziyang-2017-09", "人行资阳市中心支行"),
        ("资阳融资找哪个部门", "ziyang-2017-09", "人行资阳市中心支行"),
        ("资阳融资哪个单位负责", "ziyang-2017-09", "人行资阳市中心支行"),
    ],
)
def test_a_kind_of_measure_and_an_office_asked_is_answered_by_its_clause_s_offices(
    kb: KnowledgeBase, question: str, clause: str, office: str
) -> None:
    result = answered(kb, question)
    assert result.status == "answered", result.answer
    assert cited(result)[:1] == [clause]
    assert result.direct_answer is not None and office in result.direct_answer


@pytest.mark.parametrize(
    "question",
    # (企业年金 is read as 企业 + 年 + 金: the characters left alone are words no measure's name holds)
    ["资阳买房子这块谁管", "资阳这块谁管", "资阳融资买房子咋办", "企业年金是啥 资阳的单位必须给交吗"],
)
def test_a_place_with_words_no_measure_holds_is_still_not_answered(kb: KnowledgeBase, question: str) -> None:
    assert kb.answerer.answer(question, None, AS_OF).status is AnswerStatus.NO_ANSWER


# ---- acting on a document still (还能照着…), asked of the document named by its title ----


@pytest.mark.parametrize(
    ("question", "document"),
    [
        ("巴中那个实施意见现在还能照着办不", "巴中市人民政府关于进一步做好当前和今后一段时期就业创业工作的实施意见"),
        (
            "资阳那个就业创业工作的实施意见 今年还能照着领补贴不",
            "资阳市人民政府关于做好当前和今后一段时期就业创业工作的实施意见",
        ),
        ("吉林就业创业工作若干政策措施 现在还能照着申请不", "就业创业工作若干政策措施的通知"),
    ],
)
def test_whether_one_can_still_act_on_a_named_document_is_answered_by_the_document(
    kb: KnowledgeBase, question: str, document: str
) -> None:
    assert classify(question).primary.value == "status"
    result = answered(kb, question)
    assert result.direct_answer is not None and document in result.direct_answer


@pytest.mark.parametrize("question", ["创业补贴现在还能申请吗", "现在还能按照最低工资标准算吗", "明年还能领见习补贴不"])
def test_still_applying_for_a_measure_is_no_question_of_a_document_s_status(question: str) -> None:
    assert classify(question).primary.value != "status"
