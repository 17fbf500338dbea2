"""Classes of answer failure fixed in session 12 (issue 10). Every case is worded apart from the
golden sets, from the source texts."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import AnswerResult, answer_result, answer_text
from knowledge.answer_model import AnswerStatus
from knowledge.intent import Intent, classify
from knowledge.kb import KnowledgeBase
from knowledge.payer import paid_for

AS_OF = date(2026, 12, 3)


def answered(kb: KnowledgeBase, question: str) -> AnswerResult:
    return answer_result(kb.answerer.answer(question, None, AS_OF))


def cited(result: AnswerResult) -> list[str]:
    return [c.clause_id for c in result.citations]


# ---- who bears a cost, asked as a choice of payers or a yes/no about one payer ----


@pytest.mark.parametrize(
    ("question", "cost"),
    [
        ("创业担保贷款的利息是我自己出还是政府给贴", "利息"),
        ("贷款利息要自己还吗", "利息"),
        ("那个利息财政贴不贴", "利息"),
        ("我自己交社保还是单位交", "自己交社保"),
        ("吉林技能提升补贴这钱是哪儿出的？公司出还是国家出", "技能提升补贴"),
    ],
)
def test_a_choice_of_payers_asks_who_pays(question: str, cost: str) -> None:
    asked = classify(question)
    assert asked.asks_payer
    # The cost is what is paid for, never a question word (哪儿) or one of the payers weighed.
    assert paid_for(question)[:1] == (cost,)
    # The cost named is not a figure asked.
    assert not asked.asks(Intent.AMOUNT)


@pytest.mark.parametrize("question", ["政府给不给创业补贴", "利息多少", "我自己开店能拿多少补贴"])
def test_other_questions_do_not_ask_who_pays(question: str) -> None:
    assert not classify(question).asks_payer


def test_a_figure_asked_beside_the_payer_stays_asked() -> None:
    asked = classify("贷款额度最高多少，利息谁出")
    assert asked.asks_payer and asked.asks(Intent.AMOUNT)


def test_the_measures_own_funds_sentence_answers_who_pays_for_it(kb: KnowledgeBase) -> None:
    # jilin-2017-20 names 技能提升补贴 in one sentence and says 所需资金从失业保险基金中列支 in another.
    result = answered(kb, "吉林技能提升补贴是单位出钱还是政府出钱")
    assert cited(result)[:1] == ["jilin-2017-20"]
    assert "失业保险基金" in result.citations[0].quote


def test_no_payer_in_the_loan_clauses_is_said_plainly(kb: KnowledgeBase) -> None:
    # 资阳's loan clauses grant loans (最高不超过10万元) and never say who bears the interest.
    result = answered(kb, "资阳创业担保贷款利息是自己出还是政府贴")
    assert result.status is AnswerStatus.NO_ANSWER
    text = answer_text(kb.answerer.answer("资阳创业担保贷款利息是自己出还是政府贴", None, AS_OF))
    assert "由谁承担" in text
    assert "10万元" not in text.splitlines()[0]


def test_a_payer_named_for_its_own_measure_is_quoted(kb: KnowledgeBase) -> None:
    # 平顶山（十）: 财政部门继续给予贴息支持 for a loan extended for the epidemic.
    result = answered(kb, "平顶山创业贷款的利息要自己还吗")
    assert result.status is AnswerStatus.ANSWERED
    assert "贴息" in result.citations[0].quote


def test_an_employer_that_pays_for_its_staff_names_the_payer(kb: KnowledgeBase) -> None:
    # 资阳（十一）: 企业要依法依规为其参加职工社会保险和缴存住房公积金.
    result = answered(kb, "资阳跑平台的签了合同，社保是平台交还是自己交")
    assert result.status is AnswerStatus.ANSWERED
    assert cited(result)[:1] == ["ziyang-2017-11"]


# ---- a noun of a procedure in the story told is no procedure question ----


@pytest.mark.parametrize(
    "question",
    [
        "我在一家建筑材料公司上班，失业保险交了4年，吉林技能提升补贴中级证多少钱",
        "我做电话销售的，在长春，考了高级证书，技能提升补贴能给多少",
    ],
)
def test_a_procedure_noun_in_the_story_asks_no_procedure(kb: KnowledgeBase, question: str) -> None:
    assert classify(question).primary is not Intent.PROCEDURE
    result = answered(kb, question)
    assert result.status is AnswerStatus.ANSWERED
    assert cited(result)[:1] == ["jilin-2017-20"]


@pytest.mark.parametrize(
    "question", ["申请创业补贴要准备什么材料", "创业担保贷款 流程", "求职创业补贴的申请材料，去哪交"]
)
def test_a_procedure_noun_asked_is_a_procedure_question(question: str) -> None:
    assert classify(question).asks(Intent.PROCEDURE)


# ---- which office: answered by the offices the clause names ----


@pytest.mark.parametrize(
    ("question", "clause"),
    [("资阳创业担保贷款归哪个部门管", "ziyang-2017-09"), ("巴中去产能职工安置是哪个部门牵头", "bazhong-2018-13")],
)
def test_which_office_is_answered_by_the_offices_named(kb: KnowledgeBase, question: str, clause: str) -> None:
    result = answered(kb, question)
    assert result.status is AnswerStatus.ANSWERED
    assert cited(result)[:1] == [clause]
    assert result.direct_answer is not None and "部门" in result.direct_answer


def test_a_role_asked_by_its_name_is_a_department_question(kb: KnowledgeBase) -> None:
    assert classify("资阳市就业工作的第一责任人").primary is Intent.DEPARTMENT
    # A role the person tells about themselves asks nothing of offices.
    assert classify("我是合作社负责人，招了贫困户有奖补吗").primary is not Intent.DEPARTMENT
    result = answered(kb, "资阳市就业工作的第一责任人")
    assert cited(result)[:1] == ["ziyang-2017-27"]
    assert "第一责任人" in result.citations[0].quote


# ---- who issued a document, when, under which number: the document's own data ----


@pytest.mark.parametrize(
    ("question", "document", "said"),
    [
        ("巴中那个就业创业实施意见是哪年谁发的", "bazhong-2018", "2018年2月1日"),
        ("吉林就业创业若干政策措施的文号是多少", "jilin-2017", "吉政发〔2017〕32号"),
        ("商洛加强就业的那份是哪个单位印发的", "shangluo-2012", "商洛市人民政府办公室"),
    ],
)
def test_who_issued_a_document_is_answered_from_the_document(
    kb: KnowledgeBase, question: str, document: str, said: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    text = answer_text(answer)
    assert said in text
    assert [c.clause_id for c in answer.citations] == []  # no clause quoted as if it said so
    # The document asked about, and only it, is the one the answer speaks of.
    assert answer.direct is not None and answer.direct.documents == (document,)


# ---- a variant of the named measure for a circumstance the question does not touch ----


def test_the_variant_whose_conditions_the_question_meets_is_answered(kb: KnowledgeBase) -> None:
    # pingdingshan-2020-09: the SME 一次性吸纳就业补贴 (for hiring 登记失业半年以上人员) states no amount;
    # 每人1000元 is the variant for firms making epidemic supplies in the 2020 Spring Festival.
    answer = kb.answerer.answer("平顶山小公司招了个登记失业半年多的人，一次性吸纳就业补贴给多少", None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert "1000元" not in answer_text(answer).splitlines()[0]
    supplies = kb.answerer.answer(
        "平顶山春节期间生产配送防疫物资的企业新招员工，一次性吸纳就业补贴每人多少", None, AS_OF
    )
    assert "1000元" in answer_text(supplies).splitlines()[0]


# ---- a task for the assistant to carry out is declined, never answered from shared words ----


@pytest.mark.parametrize(
    "question",
    ["请帮我用java写个程序统计招聘网站的岗位数", "给我写一份申请就业见习的自荐信", "用C语言编一个工资计算器"],
)
def test_a_task_for_the_assistant_is_declined(kb: KnowledgeBase, question: str) -> None:
    assert classify(question).primary is Intent.INSTRUCTION
    result = answered(kb, question)
    assert result.status is AnswerStatus.NO_ANSWER
    assert cited(result) == []


@pytest.mark.parametrize(
    "question",
    [
        "帮我看看长春创业补贴多少钱",
        "写字楼开店有场租补贴吗",
        "帮我写个申请，创业补贴要什么条件",
        "做个体户三年了，能申请创业补贴",
    ],
)
def test_a_question_opening_like_a_task_is_still_a_question(question: str) -> None:
    assert classify(question).primary is not Intent.INSTRUCTION


# ---- a measure named by the head of its name, more closely than the shorter name inside it ----


def test_the_head_of_a_longer_name_names_its_measure(kb: KnowledgeBase) -> None:
    # jilin-2017-20: 对符合条件的省内紧缺急需工种可适当提高补贴标准 — no raised figure is written; the
    # 1000/1500/2000元 tiers are the ordinary 技能提升补贴's.
    answer = kb.answerer.answer("省里紧缺急需工种技能提升补贴标准会提高多少钱", None, AS_OF)
    first = answer_text(answer).splitlines()[0]
    assert answer.status is AnswerStatus.NO_ANSWER
    assert not any(figure in first for figure in ("1000元", "1500元", "2000元"))
    assert [m.measure_id for m in answer.measures][:1] == ["jilin-2017.shortage_trades_higher_subsidy"]


def test_a_plain_name_still_names_every_measure_called_so(kb: KnowledgeBase) -> None:
    # 失业保险稳岗返还 heads no longer name: the 平顶山 measures called by it keep their figures.
    answer = kb.answerer.answer("平顶山中小微企业不裁员，失业保险稳岗返还最多返多少", None, AS_OF)
    assert "100%" in answer_text(answer).splitlines()[0]


# ---- how long the handling takes is a procedure's time limit, not a length the measure sets ----


@pytest.mark.parametrize(
    "question",
    ["吉林的初创企业补贴申请了多长时间能批下来", "资阳创业担保贷款放款要几天", "巴中求职创业补贴交了申请多久能发下来"],
)
def test_how_long_the_handling_takes_is_said_to_be_unstated(kb: KnowledgeBase, question: str) -> None:
    assert classify(question).primary is Intent.PROCEDURE
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert answer.missing is not None and answer.missing.name == "办理时限"
    # The measure's own lengths (正常经营行为1年以上) are not shown as the answer.
    assert "1年以上" not in answer_text(answer).splitlines()[0]


# ---- "may I do what the measure offers" is an eligibility question: its target group is shown ----


def test_may_i_with_the_verb_in_between_asks_eligibility(kb: KnowledgeBase) -> None:
    question = "我是南江的，中专毕业半年了还没工作，能去参加见习吗"
    assert classify(question).primary is Intent.ELIGIBILITY
    text = answer_text(kb.answerer.answer(question, None, AS_OF))
    assert "离校1年内未就业的中职（技校）毕业生" in text.split("依据政策原文")[0]


def test_a_benefit_said_shortened_is_the_measures_own(kb: KnowledgeBase) -> None:
    # 失业金 is how people say 失业保险金: the online claim is about it, not a payment the service lacks.
    answer = kb.answerer.answer("平顶山失业金可以在网上申请吗", None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert "没有写明" not in answer_text(answer).splitlines()[0]


# ---- one who hires, said with a bare 招 and the people hired ----


def test_hiring_said_with_a_bare_zhao_asks_the_employers_measure(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("巴中我们店准备招应届大学生，签合同交社保，社保补贴能补多久", None, AS_OF)
    assert [m.measure_id for m in answer.measures][:1] == ["bazhong-2018.graduate_hiring_social_insurance"]
    assert "最长1年" in answer_text(answer).splitlines()[0]


# ---- a headcount the person tells picks the tier a headcount threshold sets ----


@pytest.mark.parametrize(
    ("question", "shown", "not_shown"),
    [
        ("宝丰一家小厂有一百五十个职工，想申请创业担保贷款，新招人员占比要求降到多少", "10%", "20%"),
        ("宝丰一家小厂有六十个职工，想申请创业担保贷款，新招人员占比要求降到多少", "20%", "10%"),
        ("郏县小微企业，厂里150多名职工，创业担保贷款对新招人员比例有啥要求", "10%", "20%"),
    ],
)
def test_a_told_headcount_picks_the_tier(kb: KnowledgeBase, question: str, shown: str, not_shown: str) -> None:
    first = answer_text(kb.answerer.answer(question, None, AS_OF)).splitlines()[0]
    assert shown in first and not_shown not in first, first


def test_no_headcount_told_shows_every_tier(kb: KnowledgeBase) -> None:
    first = answer_text(
        kb.answerer.answer("平顶山小微企业创业担保贷款，新招人员比例要求是多少", None, AS_OF)
    ).splitlines()[0]
    assert "20%" in first


def test_a_rate_per_head_is_no_headcount() -> None:
    from knowledge.measure_match import told_headcounts

    assert told_headcounts("吸纳就业补贴一人多少") == ()
    assert told_headcounts("在职职工超过100人的") == (101,)
    assert told_headcounts("现在有一百二十个工人") == (120,)


# ---- how often: a frequency the text states in words ----


def test_how_often_is_answered_by_the_frequency_stated(kb: KnowledgeBase) -> None:
    question = "吉林那个就业失业动态监测，一年搞几次"
    assert classify(question).units[:1] == ("frequency",)
    answer = kb.answerer.answer(question, None, AS_OF)
    assert answer.status is AnswerStatus.ANSWERED
    assert "按季度" in answer_text(answer).splitlines()[0]


# ---- how a loss is split: the share, from the measure of the clause that states it ----


def test_how_a_loss_is_split_shows_the_share(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("平顶山个人创业贷款因为不可抗力还不上了，担保基金跟银行怎么分", None, AS_OF)
    assert "8：2" in answer_text(answer).splitlines()[0]


def test_a_share_is_no_answer_to_a_sum_asked(kb: KnowledgeBase) -> None:
    # The 8：2 risk-sharing sentence names 个人创业担保贷款 but states no loan amount.
    answer = kb.answerer.answer("平顶山个人创业担保贷款额度最高能贷多少钱", None, AS_OF)
    assert "8：2" not in answer_text(answer).splitlines()[0]


# ---- words naming what is covered are no sum: a money question is told none is written ----


def test_a_covered_cost_without_a_sum_is_no_figure(kb: KnowledgeBase) -> None:
    # bazhong-2018-12: 给予一次性单程铁路、公路或水运（路）交通补贴 — which fares, no sum.
    answer = kb.answerer.answer("通江贫困户跟着县里组织去外地务工，火车票最多给报多少钱", None, AS_OF)
    first = answer_text(answer).splitlines()[0]
    assert answer.status is AnswerStatus.NO_ANSWER
    assert "没有写明" in first
    assert "单程" in answer.citations[0].quote  # what it covers is still quoted


def test_a_standard_it_is_set_by_still_answers_a_money_question(kb: KnowledgeBase) -> None:
    # pingdingshan-2020-23: 按当地最低生活保障标准发放 — a standard, not a sum, but the answer.
    answer = kb.answerer.answer("平顶山生活困难的下岗职工，一次性临时生活补助给多少钱", None, AS_OF)
    assert "最低生活保障标准" in answer_text(answer).splitlines()[0]


# ---- a word in two listed parts of a name names neither ----


def test_a_word_shared_by_two_listed_parts_names_no_tier(kb: KnowledgeBase) -> None:
    # shangluo-2012-06 lists 转移就业、劳务输出和劳务收入: 劳务 is in two parts; 收入 names one.
    first = answer_text(kb.answerer.answer("商洛劳务收入的目标定了多少", None, AS_OF)).splitlines()[0]
    assert "31亿元" in first and "51.1万人" not in first
    first = answer_text(kb.answerer.answer("商洛劳务输出目标多少人", None, AS_OF)).splitlines()[0]
    assert "51.1万人" in first and "31亿元" not in first
