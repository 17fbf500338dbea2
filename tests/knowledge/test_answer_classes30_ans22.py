"""Session 30 (ans22, issue 10): a measure answers a person only when it is for them and grants what they ask —
- a measure for 高校毕业生 alone is no answer to someone who tells schooling below college or an age past
  graduating (五十多了, 小学文化);
- people the documents never name (四零五零) are told so plainly: a measure for 就业困难人员 is theirs only in a
  document that counts them (巴中 names 大龄 among them);
- a measure a region takes as a whole (对出现严重规模性失业风险的地区…延长领取失业保险金期限) is not what a
  person gets: the answer says what the documents do and do not say;
- moving one's insurance record (社保转回来) is granted by no subsidy: declined unless a clause speaks of it;
- a measure word between a verb and its object (学个技术, 学点手艺) and learning to be something (学当…)
  still reach the training subsidies.
Every case is worded apart from the golden, held-out and probe sets."""

from __future__ import annotations

from datetime import date

from bot.present.answers import answer_text
from knowledge.answer_model import AnswerStatus
from knowledge.kb import KnowledgeBase
from knowledge.measure_answer import for_graduates_only, moves_a_record, tells_past_college_age_or_schooling
from knowledge.measures import Measure, load_measures

AS_OF = date(2026, 12, 5)


def _measure(measure_id: str) -> Measure:
    return next(m for measures in load_measures().values() for m in measures if m.id == measure_id)


def _ids(answer: object) -> list[str]:
    return [m.measure_id for m in answer.measures]  # type: ignore[attr-defined]


# Class 1: a graduate's measure for someone who says he is none.


def test_schooling_below_college_and_an_age_past_graduating_are_told() -> None:
    assert tells_past_college_age_or_schooling("俺五十三了 小学文化 在工地打零工")
    assert tells_past_college_age_or_schooling("我今年48岁，自己交养老保险")
    assert tells_past_college_age_or_schooling("下岗好些年了，有啥补贴")
    # a graduate named beside them may be who is asked about
    assert not tells_past_college_age_or_schooling("我初中，闺女大专刚毕业，她有啥补贴")
    assert not tells_past_college_age_or_schooling("孩子22岁，刚找到工作")


def test_a_graduate_measure_is_known_by_its_people() -> None:
    assert for_graduates_only(_measure("jilin-2017.graduate_self_employed_social_insurance"))
    assert not for_graduates_only(_measure("jilin-2017.startup_subsidy"))  # 高校毕业生 and 就业困难人员
    assert not for_graduates_only(_measure("jilin-2017.training_subsidy_five_groups"))


def test_an_older_worker_paying_his_own_insurance_is_not_given_the_graduate_subsidy(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("俺五十三了 小学文化 在工地打零工 自己缴养老保险 能补点不", "吉林省", AS_OF)
    assert not any(for_graduates_only(_measure(i)) for i in _ids(answer)), _ids(answer)
    assert "高校毕业生自主创业" not in answer_text(answer)


def test_a_graduate_still_gets_the_graduate_subsidy(kb: KnowledgeBase) -> None:
    # guard: the same subsidy asked by a graduate
    answer = kb.answerer.answer("大专毕业两年了 在长春送快递 自己交社保 有补贴吗", "吉林省", AS_OF)
    assert "jilin-2017.graduate_self_employed_social_insurance" in _ids(answer), _ids(answer)


# Class 1b: people no document names.


def test_people_no_document_names_are_told_so_plainly(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("我们两口子都算四零五零人员 有啥照顾政策", "吉林省", AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert answer.missing is not None and answer.missing.kind == "group"
    text = answer_text(answer)
    assert "没有提到“四零五零”" in text and "就业困难人员" in text, text
    assert "5000" not in text and "高校毕业生" not in text, text


def test_a_document_that_counts_older_people_among_the_hard_to_employ_answers(kb: KnowledgeBase) -> None:
    # 巴中（十一） names 大龄 among the people of its 就业困难人员 help
    answer = kb.answerer.answer("大龄失业人员在巴中有啥帮扶", None, AS_OF)
    assert answer.status is not AnswerStatus.NO_ANSWER or answer.missing is None or answer.missing.kind != "group"
    assert any(i.startswith("bazhong-2018.hard_to_employ") for i in _ids(answer)), _ids(answer)


# Class 2: a region's measure is not a person's payment.


def test_a_measure_taken_for_a_region_is_known_by_its_condition() -> None:
    assert _measure("jilin-2017.unemployment_benefit_extension").for_regions
    assert _measure("ziyang-2017.unemployment_benefit_extension").for_regions
    assert not _measure("jilin-2017.startup_subsidy").for_regions


def test_a_wifes_unemployment_pay_is_not_answered_by_a_regions_crisis_measure(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("老伴儿的厂子黄了 她能领失业保险金不 一个月多少", "吉林省", AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert answer.missing is not None and answer.missing.kind == "for_regions"
    text = answer_text(answer)
    assert "不是个人申领的依据" in text and "失业保险金" in text, text


# Class 4: moving an insurance record.


def test_moving_an_insurance_record_is_told_apart_from_a_subsidy() -> None:
    assert moves_a_record("以前在四川交的医保能迁到吉林来吗")
    assert moves_a_record("养老保险关系咋转过来")
    assert not moves_a_record("返乡创业有社保补贴吗")
    assert not moves_a_record("社保断了能接着交吗")


def test_moving_ones_insurance_home_is_declined_without_unrelated_subsidies(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("以前在四川交的医保能迁到吉林来吗", "吉林省", AS_OF)
    assert answer.status is AnswerStatus.NO_ANSWER
    assert not _ids(answer), _ids(answer)


def test_a_clause_that_speaks_of_moving_insurance_still_answers(kb: KnowledgeBase) -> None:
    # guard: 巴中（九） 为新就业形态从业者参保及转移接续提供便利
    answer = kb.answerer.answer("跑网约车的 社保能转过来吗", "巴中市", AS_OF)
    assert "bazhong-2018.flexible_worker_unemployment_injury_insurance" in _ids(answer), _ids(answer)


# Class 5: a measure word between verb and object, learning to be something.


def test_learning_a_trade_with_a_measure_word_reaches_training(kb: KnowledgeBase) -> None:
    for question in ("想学个技术 政府有补贴没", "打算学门手艺 能给点补助不"):
        answer = kb.answerer.answer(question, "吉林省", AS_OF)
        assert answer.status is AnswerStatus.ANSWERED, (question, answer_text(answer))
        assert any("training" in i for i in _ids(answer)), (question, _ids(answer))


def test_learning_to_be_a_nanny_reaches_training(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("我姐想学当育婴员 有补贴不", "吉林省", AS_OF)
    assert any("training" in i for i in _ids(answer)), _ids(answer)
    assert "job_search" not in " ".join(_ids(answer))
