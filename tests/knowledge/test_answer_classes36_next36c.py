"""Classes of answer failure fixed for session 36 (issue 10, next36c), read from answers_holdout32. Every case is
worded apart from the golden and chat sets, from the source texts:
- a firm named by its kind (国企, 民企, 私企) hiring a counted someone (招一个退伍兵, 雇了两名) is an employer hiring:
  the measure for that hire is found, and where its clause states no amount the answer quotes it and says so
  plainly (and where to ask) — never the bare "没有找到能直接回答";
- an English question is read through the bilingual term table (latin.yaml) into the documents' own words
  (guarantee loan → 担保贷款, incubation base → 孵化基地, epidemic → 疫情, maximum → 最高), then answered as the
  Chinese would be;
- 开业 / 开张 (opening a business) mean what 开店 means: the start-up measures (创业补贴)."""

from __future__ import annotations

import pytest

from bot.present.answers import answer_text
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_answer_classes12 import AS_OF, answered, cited


@pytest.mark.parametrize("question", ["平顶山 国企招两名退伍兵 能拿多少补贴", "平顶山 国企招一名退伍兵 公司给多少补贴"])
def test_a_firm_of_a_kind_hiring_a_counted_person_is_told_the_clause_states_no_amount(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert [m.measure_id for m in answer.measures][:1] == ["pingdingshan-2020.veteran_hiring_support"]
    text = answer_text(answer)
    assert "没有写明具体金额" in text
    assert "落实鼓励企业吸纳录用退役军人" in text
    assert "没有找到能直接回答" not in text


@pytest.mark.parametrize(
    ("question", "clause", "figure"),
    [
        (
            "Ziyang: what is the maximum guarantee loan for a poor rural laborer starting a business?",
            "ziyang-2017-19",
            "10万元",
        ),
        (
            "Pingdingshan: the epidemic hit my business, can the repayment of my guarantee loan be extended?",
            "pingdingshan-2020-10",
            "不超过1年",
        ),
        (
            "Bazhong: what does the owner of a municipal incubator get when first accredited?",
            "bazhong-2018-06",
            "20万元",
        ),
    ],
)
def test_an_english_question_is_read_into_the_documents_words_and_answered(
    kb: KnowledgeBase, question: str, clause: str, figure: str
) -> None:
    answer = kb.answerer.answer(question, None, AS_OF)
    assert [c.clause_id for c in answer.citations][:1] == [clause]
    assert figure in answer_text(answer).split("依据政策原文")[0]


@pytest.mark.parametrize(
    "question", ["巴中 困难人员 开张补贴 要满足啥条件", "我在巴中是就业困难人员 想领开业补贴 有啥要求"]
)
def test_opening_a_business_said_as_kaiye_means_the_start_up_subsidy(kb: KnowledgeBase, question: str) -> None:
    result = answered(kb, question)
    assert [m.measure_id for m in result.measures][:1] == ["bazhong-2018.startup_subsidy"]
    assert cited(result)[:1] == ["bazhong-2018-06"]
