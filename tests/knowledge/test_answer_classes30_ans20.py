"""Session 30 (ans20, issue 10): false abstains by class — a standard named as how a measure is reckoned
(照着最低工资发的吗) is not the standard's own amount asked; words a clause writes as one phrase (创业融资,
就业服务率) name its topic although each is common apart; the policies of a field (就业政策) asked of their
status are the document, and so is a 稿子 (a draft by its everyday name) or acting on it now (现在能照着执行吗);
a unit of what a figure pays for (每学时) names the figure; pinyin is read into the Chinese of the English
terms too (jiuye, zhengce), and English names the measures' own words (reward, cooperative, hire, per person,
retirement age). Every case is worded apart from the golden and held-out sets."""

from __future__ import annotations

from datetime import date

from bot.present.answers import answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.intent import names_the_policies, standard_asked
from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 12, 5)


def _line(kb: KnowledgeBase, question: str) -> tuple[AnswerStatus, str, list[str]]:
    answer = kb.answerer.answer(question, None, AS_OF)
    result = answer_result(answer)
    return answer.status, result.direct_answer or "", [c.clause_id for c in answer.citations]


def test_a_standard_a_measure_is_reckoned_by_is_not_asked_for_itself() -> None:
    assert standard_asked("见习的钱是照着最低工资发的吗") is None
    assert standard_asked("这个补助是不是参照当地最低工资标准来算") is None
    # the standard's own amount is still asked
    assert standard_asked("那最低工资一个月多少钱") == "最低工资"


def test_a_measure_reckoned_by_the_minimum_wage_is_answered_with_its_share(kb: KnowledgeBase) -> None:
    status, line, cited = _line(kb, "平顶山见习那钱是照着最低工资发的吗")
    assert status is AnswerStatus.ANSWERED, cited
    assert "最低工资标准的70%" in line


def test_the_minimum_wage_itself_is_still_declined(kb: KnowledgeBase) -> None:
    status, _, cited = _line(kb, "平顶山这边最低工资现在每月是多少钱")
    assert status is AnswerStatus.NO_ANSWER
    assert not cited


def test_words_a_clause_writes_as_one_phrase_name_its_topic(kb: KnowledgeBase) -> None:
    # 资阳（九） 灵活高效满足创业融资需求: 创业 and 融资 are common apart, rare together.
    status, line, cited = _line(kb, "资阳创业融资归哪家管")
    assert status is AnswerStatus.ANSWERED
    assert cited[:1] == ["ziyang-2017-09"]
    assert "人行资阳市中心支行" in line


def test_a_rate_named_as_the_clause_writes_it_is_answered_with_its_figure(kb: KnowledgeBase) -> None:
    # 商洛（六） …就业服务率达到90%以上: 率 asks a share, and the clause writes the share's own name.
    status, line, _ = _line(kb, "商洛那边就业服务率是多少")
    assert status is AnswerStatus.ANSWERED
    assert "90%以上" in line


def test_a_term_quoted_for_another_task_is_not_asked_of_the_documents(kb: KnowledgeBase) -> None:
    status, _, cited = _line(kb, "帮我把“创业融资”译成日语")
    assert status is AnswerStatus.NO_ANSWER
    assert not cited


def test_a_phrase_shared_with_no_clause_stays_declined(kb: KnowledgeBase) -> None:
    status, _, cited = _line(kb, "资阳新能源汽车上牌照")
    assert status is AnswerStatus.NO_ANSWER
    assert not cited


def test_the_policies_of_a_field_asked_of_their_status_are_the_document(kb: KnowledgeBase) -> None:
    assert names_the_policies("，那边的就业创业政策现在还作数吗")
    assert not names_the_policies("，创业补贴政策还有效吗")
    status, line, _ = _line(kb, "巴中那边的就业创业政策现在还作数吗")
    assert status is AnswerStatus.ANSWERED
    assert "正式印发的文件" in line


def test_a_status_question_in_pinyin_is_read_as_one(kb: KnowledgeBase) -> None:
    status, line, _ = _line(kb, "bazhong chuangye zhengce xianzai hai youxiao ma")
    assert status is AnswerStatus.ANSWERED
    assert "正式印发的文件" in line


def test_an_english_question_in_the_measures_own_words_is_answered(kb: KnowledgeBase) -> None:
    status, line, cited = _line(kb, "Ziyang cooperative hiring poor household labour: one-time reward per person?")
    assert status is AnswerStatus.ANSWERED
    assert cited[:1] == ["ziyang-2017-19"]
    assert "1000元" in line


def test_a_draft_by_its_everyday_name_is_a_status_question(kb: KnowledgeBase) -> None:
    status, line, _ = _line(kb, "同事说巴中那份就业文件还只是个稿子，现在可以按着办不")
    assert status is AnswerStatus.ANSWERED
    assert "正式印发的文件" in line


def test_a_figure_asked_by_the_unit_it_pays_for_is_answered(kb: KnowledgeBase) -> None:
    # 吉林（十三） 农村劳动力技能培训补贴标准提高到每学时8元: 每学时 is what the figure counts.
    status, line, cited = _line(kb, "每学时给多少钱")
    assert status is AnswerStatus.ANSWERED
    assert cited[:1] == ["jilin-2017-13"]
    assert "每学时8元" in line


def test_the_unit_asked_names_no_other_groups_figure(kb: KnowledgeBase) -> None:
    # guard: the person's group (城镇登记失业人员) has its own measure, which states no figure — the
    # 每学时8元 of 农村劳动力 is not shown as theirs because the question asks 按学时.
    status, line, _ = _line(kb, "我是吉林的城镇登记失业人员，去学电焊参加就业技能培训，补贴是不是按学时给，给多少")
    assert "8元" not in line
    assert status is AnswerStatus.NO_ANSWER


def test_a_bare_counter_names_no_figure(kb: KnowledgeBase) -> None:
    # 每户 counts households of several measures' figures alike: no measure is named by it.
    status, _, cited = _line(kb, "每户补多少")
    assert status is AnswerStatus.NO_ANSWER, cited


def test_an_english_question_about_benefits_before_retirement_is_read(kb: KnowledgeBase) -> None:
    question = (
        "Pingdingshan: unemployment benefits ran out, less than one year before retirement age. Will payment stop?"
    )
    status, line, cited = _line(kb, question)
    assert status is AnswerStatus.ANSWERED
    assert "pingdingshan-2020-22" in cited
    assert "直至法定退休年龄" in line
