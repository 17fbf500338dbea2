"""The asked figure when it is not a sum the measure pays (issue 10, session 7): a date, a share, a
target, a figure written in the measure's own sentence. Each case is worded apart from every golden
set; the classes came from answers_holdout3 (read after its first run)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import AnswerResult, answer_result
from knowledge.intent import asked_units, classify
from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 12, 2)


def first_lines(kb: KnowledgeBase, question: str) -> str:
    result: AnswerResult = answer_result(kb.answerer.answer(question, None, AS_OF))
    return result.direct_answer or ""


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("这几个月平顶山的小规模纳税人增值税降成多少了", None),
        ("前几年在外地打工，回来后商洛的失业率目标定的多少", "ratio"),
        ("好几年没交社保了，灵活就业社保补贴能补几年", "duration"),
        ("十几年的老厂了，稳岗返还截止时间是哪天", "date"),
    ],
)
def test_a_time_the_person_points_at_is_not_a_length_asked(question: str, unit: str | None) -> None:
    """那几个月 / 好几年 / 十几年 tell the person's situation; only a question word asks a length."""
    units = asked_units(question)
    assert "duration" not in units or unit == "duration"
    if unit is not None:
        assert unit in units


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("平顶山允许工程项目暂缓缴存农民工工资保证金，截止到什么时候", "2020年6月底前"),
        ("平顶山线上申领失业保险金最晚到啥时候实现", "2020年4月底前"),
        ("平顶山的稳岗返还政策延长到哪一年", "2020年年底"),
    ],
)
def test_a_date_asked_is_quoted_from_the_measures_own_sentence(kb: KnowledgeBase, question: str, figure: str) -> None:
    result = answer_result(kb.answerer.answer(question, None, AS_OF))
    lines = result.direct_answer or ""
    assert figure in lines, lines
    assert "没有写明" not in lines
    # The phrase shown is the measure's own, verbatim in the quote of the clause it cites.
    shown = [m for m in result.measures if m.amount_text and figure in m.amount_text]
    assert shown, result.measures
    for measure in shown:
        assert measure.amount_text in measure.quote
        assert any(c.clause_id == measure.clause_id and measure.amount_text in c.quote for c in result.citations)


def test_a_share_named_by_a_rate_is_answered_with_the_share(kb: KnowledgeBase) -> None:
    lines = first_lines(kb, "商洛当年给城镇登记失业率定的上限是多少")
    assert "4.5%" in lines, lines


def test_two_figures_asked_at_once_get_both_facets_of_the_sentence(kb: KnowledgeBase) -> None:
    lines = first_lines(kb, "商洛那年打算新增多少人就业？登记失业率又要压在多少以内？")
    assert "1.2万" in lines and "4.5%" in lines, lines


def test_a_target_sharing_a_service_sentence_gives_its_figure_when_a_figure_is_asked(kb: KnowledgeBase) -> None:
    lines = first_lines(kb, "商洛给登记失业大学生的就业服务率定了个多少的指标")
    assert "90%" in lines, lines
    assert "没有写明" not in lines


def test_a_rule_about_a_loan_is_not_mistaken_for_another_benefit_built_on_it(kb: KnowledgeBase) -> None:
    """The risk-sharing rule of a 创业担保贷款 answers how its losses are split; before, it was read
    as a separate benefit that only builds on the loan (like 失业补助金 on 失业保险金) and dropped."""
    lines = first_lines(kb, "平顶山个人创业担保贷款碰上不可抗力收不回来，担保基金和银行怎么分摊")
    assert "8：2" in lines, lines


def test_a_condition_phrase_is_never_given_as_the_amount(kb: KnowledgeBase) -> None:
    """对签订1年以上劳动合同…的 says who qualifies; 能拿多少 is not answered with 1年以上."""
    lines = first_lines(kb, "资阳用人单位招了贫困家庭的人，签了一年多的合同，单位能拿多少奖补")
    assert "1年以上" not in lines.splitlines()[0], lines


def test_a_question_naming_one_measure_of_a_shared_sentence_gets_that_measure_only(kb: KnowledgeBase) -> None:
    """Two measures of one sentence (50万元 for a 培训基地, 5万元 for a 工作室): keywords naming the
    工作室 show its figure and not the other's."""
    lines = first_lines(kb, "巴中 市级技能大师工作室 建设补贴")
    assert "5万元" in lines, lines
    assert "50万元" not in lines


def test_an_open_question_still_lists_every_measure_that_matches(kb: KnowledgeBase) -> None:
    lines = first_lines(kb, "巴中对技能人才培训基地和大师工作室都有哪些补贴")
    assert "50万元" in lines and "5万元" in lines, lines


def test_open_list_is_read_from_the_question() -> None:
    assert classify("在巴中创业都有啥补贴").open_list
    assert not classify("巴中创业补贴能不能延长").open_list


def test_a_measure_about_the_named_benefit_itself_survives_when_the_best_only_builds_on_it(
    kb: KnowledgeBase,
) -> None:
    """失业补助金 (80% of 失业保险金) only builds on the benefit named; the online claim of the 失业
    保险金 holds more of the question's words and answers it."""
    result = answer_result(kb.answerer.answer("平顶山的失业保险金能不能在网上申请领取", None, AS_OF))
    assert result.citations, result.answer
    assert result.citations[0].clause_id == "pingdingshan-2020-22"
    assert "线上申领" in result.answer


# Session 8: a tier named by a word only it holds; each kind of figure asked chosen on its own; an
# outside topic told as the person's situation. Worded apart from every golden set.


def test_a_count_in_ten_thousands_asks_a_count_not_money() -> None:
    assert asked_units("商洛那年农村外出务工的目标是几万人") == ("count",)
    assert asked_units("创业担保贷款最多能贷多少万") == ("money",)


def test_a_tier_named_by_a_word_only_it_holds_is_the_one_shown(kb: KnowledgeBase) -> None:
    """Two targets of one sentence hold 万人; 转移就业 is in only one of them: that one answers."""
    lines = first_lines(kb, "商洛当年农村劳动力转移就业的目标定了多少万人")
    assert "58.2万人" in lines, lines
    assert "51.1万人" not in lines, lines


def test_each_kind_of_figure_asked_is_kept(kb: KnowledgeBase) -> None:
    """A share and a period asked together: naming the share does not drop the period."""
    lines = first_lines(kb, "平顶山刚毕业的大学生打零工自己缴社保，补贴按缴费的几成补，最长补几年")
    assert "2/3" in lines and "3年" in lines, lines


def test_an_outside_topic_told_as_the_situation_does_not_refuse_a_named_measure(kb: KnowledgeBase) -> None:
    """加班 only tells what the factory did; the question asks a measure the documents name."""
    told = answer_result(
        kb.answerer.answer("我们厂去年加班生产消毒液，新招了员工，一次性吸纳就业补贴能给多少", None, AS_OF)
    )
    assert "1000元" in (told.direct_answer or ""), told.direct_answer
    asked = answer_result(kb.answerer.answer("一次性吸纳就业补贴能不能当加班费发给工人", None, AS_OF))
    assert asked.status.value == "no_answer", asked.direct_answer
    # Whether one may have it at all turns on the situation told: that topic is what is asked.
    turns_on_it = answer_result(kb.answerer.answer("上个月我自己辞职不干了，失业保险金还能领吗", None, AS_OF))
    assert turns_on_it.status.value == "no_answer", turns_on_it.direct_answer


def test_a_figure_asked_of_a_sibling_measure_named_by_the_question(kb: KnowledgeBase) -> None:
    """选调生 names the programme, which states no figure; 多少年…编制 asks its sibling in the same
    clause (落实编制), whose own condition states the period."""
    lines = first_lines(kb, "吉林去基层当选调生，服务多少年考核后能给编制")
    assert "满2年" in lines, lines
    assert "没有写明" not in lines, lines


def test_a_sibling_sharing_only_a_word_of_the_best_measures_sentence_does_not_answer(kb: KnowledgeBase) -> None:
    """贫困 is in the base award's own sentence: a sibling named for 贫困家庭 is no better an answer."""
    lines = first_lines(kb, "巴中的就业扶贫基地招多少贫困人口才能拿到奖励")
    assert "至少1人" not in lines, lines


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("巴中的就业扶贫基地招多少贫困人口才能拿到奖励", "10个以上"),
        ("在吉林考了个技能证书，失业保险得交几年才能申请技能提升补贴", "3年以上"),
    ],
)
def test_how_much_is_needed_before_a_measure_applies_is_its_conditions_figure(
    kb: KnowledgeBase, question: str, figure: str
) -> None:
    """多少/几 … 才 asks a threshold: the figure of the measure's condition answers."""
    assert classify(question).threshold
    lines = first_lines(kb, question)
    assert figure in lines, lines
