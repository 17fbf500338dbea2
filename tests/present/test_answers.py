"""Answers worded from the structured answer: the two wording slips that words spread over three
packages let through (具体具体金额, 商洛市四、中) and the wording of each status."""

from __future__ import annotations

from datetime import date

from bot.present.answers import answer_result, answer_text, notice_text
from knowledge.answer_model import (
    Answer,
    AnswerStatus,
    DraftDocument,
    ExpiredMeasure,
    MissingAspect,
    RegionFallback,
    SourceDocument,
)
from knowledge.documents import Structure
from knowledge.kb import KnowledgeBase

AS_OF = date(2026, 11, 21)
DOCUMENTS = (
    SourceDocument(document_id="jilin-2017", jurisdiction="吉林省", year=2017, is_draft=False, document_number=None),
    SourceDocument(
        document_id="pingdingshan-2020", jurisdiction="平顶山市", year=2020, is_draft=True, document_number=None
    ),
)


def test_a_figure_the_documents_leave_open_is_named_once(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("巴中的创业补贴具体是多少钱一笔？", None, AS_OF)
    assert answer.missing == MissingAspect(kind="figure")
    text = answer_text(answer)
    assert text.startswith("按巴中市2018年文件，") and "没有写明具体金额或标准。" in text.splitlines()[0]
    # Session 42 (ans43): the departments the clause names are said beside 12333.
    assert "\n具体金额或标准请以当地人社部门的规定为准；巴中市2018年文件第（六）条写明的牵头部门是" in text
    assert "也可拨打12333人社服务热线" in text
    assert "具体具体" not in text


def test_a_procedure_the_documents_leave_open_is_named_in_both_places() -> None:
    answer = Answer(
        question="怎么申请",
        status=AnswerStatus.NO_ANSWER,
        region="吉林省",
        missing=MissingAspect(kind="procedure", name="所需材料"),
        documents=DOCUMENTS,
    )
    text = answer_text(answer)
    assert text.startswith("收录的政策文件提到了相关内容，但没有写明您问的所需材料，我不能替文件编造。")
    assert text.endswith("具体所需材料请以当地人社部门的规定为准，可拨打12333人社服务热线或到当地人社部门咨询。")


def test_an_expired_measure_of_a_sectioned_document_names_the_part(kb: KnowledgeBase) -> None:
    result = answer_result(kb.answerer.answer("商洛今年城镇新增就业目标是多少？失业率要控制在多少", None, AS_OF))
    expired = [n for n in result.notices if "有时限" in n]
    assert expired == [
        "商洛市文件第二部分中“确保全年新增城镇就业人员1.2万”的措施有时限，截至2012-12-31，现已可能到期。"
    ]
    assert "、中" not in result.answer and f"⚠️ {expired[0]}" in result.answer


def test_an_expired_measure_of_a_clause_numbered_document_names_the_clause() -> None:
    measure = ExpiredMeasure(
        clause_id="pingdingshan-2020-17",
        jurisdiction="平顶山市",
        clause_number=17,
        clause_label="（十七）",
        structure=Structure.SECTIONS_WITH_CLAUSES,
        text="2020年度内",
        valid_to=date(2020, 12, 31),
    )
    assert notice_text(measure) == "平顶山市（十七）中“2020年度内”的措施有时限，截至2020-12-31，现已可能到期。"


def test_draft_and_fallback_notices() -> None:
    draft = DraftDocument(
        document_id="pingdingshan-2020", title="平顶山市人民政府关于进一步做好稳就业工作的实施意见（征求意见稿）"
    )
    assert notice_text(draft) == (
        "《平顶山市人民政府关于进一步做好稳就业工作的实施意见（征求意见稿）》是征求意见稿（草案），"
        "并非正式施行的文件，请以正式文件为准。"
    )
    fallback = RegionFallback(place="四川省", covered=("巴中市", "资阳市"))
    assert notice_text(fallback) == "暂未收录四川省本级的政策文件，以下为其下辖巴中市、资阳市的政策。"


def test_refusals_list_the_covered_documents_with_year_and_draft_flag() -> None:
    uncovered = Answer(
        question="北京", status=AnswerStatus.REGION_NOT_COVERED, region=None, place="北京市", documents=DOCUMENTS
    )
    assert answer_text(uncovered) == (
        "抱歉，目前还没有收录北京市的就业创业政策文件，无法回答该地区的问题。\n"
        "目前收录的地区：吉林省（2017年）、平顶山市（2020年，征求意见稿）。\n"
        "可拨打12333人社服务热线或到当地人社部门咨询。"
    )
    unanswered = Answer(question="天气", status=AnswerStatus.NO_ANSWER, region=None, documents=DOCUMENTS)
    assert answer_text(unanswered).startswith("抱歉，在收录的已收录地区政策文件中没有找到")
    scoped = unanswered.model_copy(update={"scope": ("吉林省",)})
    assert answer_text(scoped).startswith("抱歉，在收录的吉林省政策文件中没有找到")
    contract = answer_result(uncovered)
    assert (contract.region, contract.citations, contract.notices) == (None, [], [])


def test_refusals_name_a_place_whose_documents_share_a_year_once() -> None:
    # Session 39 (walk39): staff published a county's 通知 and its 补贴标准表 of the same year; the refusal listed
    # "通江县（2026年）、通江县（2026年）". One entry per place, year and draft flag, in the documents' order.
    county = (
        SourceDocument(
            document_id="tongjiang-2026", jurisdiction="通江县", year=2026, is_draft=False, document_number=None
        ),
        SourceDocument(document_id="tongjiang", jurisdiction="通江县", year=2026, is_draft=False, document_number=None),
        SourceDocument(
            document_id="tongjiang-2025", jurisdiction="通江县", year=2025, is_draft=False, document_number=None
        ),
    )
    uncovered = Answer(
        question="重庆",
        status=AnswerStatus.REGION_NOT_COVERED,
        region=None,
        place="重庆市",
        documents=DOCUMENTS + county,
    )
    assert "目前收录的地区：吉林省（2017年）、平顶山市（2020年，征求意见稿）、通江县（2026年）、通江县（2025年）。" in (
        answer_text(uncovered)
    )
