"""Measure units cut automatically from a document nobody has curated (issue 10): verbatim spans,
figures of the grant (not of its conditions), and answers that work on them."""

from __future__ import annotations

from datetime import date

import pytest

from bot.present.answers import answer_result
from knowledge.answer_model import AnswerStatus
from knowledge.derive import derive_measures, measure_units
from knowledge.kb import KnowledgeBase
from knowledge.measures import AmountKind, Beneficiary, load_measures
from knowledge.registry import Registry

AS_OF = date(2026, 11, 21)


@pytest.fixture(scope="module")
def derived(registry: Registry) -> dict[str, tuple]:
    return {doc: derive_measures(doc, registry.clauses_of(doc)) for doc in registry.documents}


def test_every_derived_span_is_verbatim_and_every_figure_inside_it(registry: Registry, derived: dict) -> None:
    for document_id, measures in derived.items():
        assert measures, document_id
        ids = [m.id for m in measures]
        assert len(ids) == len(set(ids))
        for measure in measures:
            assert measure.derived
            assert measure.span in registry.get(measure.clause).text
            assert all(a.text in measure.span for a in measure.amounts)


def test_the_startup_subsidy_is_cut_with_its_name_beneficiary_and_figure(derived: dict) -> None:
    unit = next(m for m in derived["jilin-2017"] if m.clause == "jilin-2017-07" and "5000" in m.span)
    assert unit.name == "初创企业补贴"
    assert unit.beneficiary is Beneficiary.PERSON
    kinds = {a.text: a.kind for a in unit.amounts}
    assert kinds["一次性5000元"] is AmountKind.FIXED
    assert kinds["1年"] is AmountKind.THRESHOLD  # 正常经营行为1年以上 is a condition, not the grant


def test_a_grant_to_an_enterprise_is_the_employers(derived: dict) -> None:
    internship = next(m for m in derived["jilin-2017"] if "见习的单位，给予" in m.span)
    assert internship.beneficiary is Beneficiary.EMPLOYER


def test_derivation_is_deterministic(registry: Registry, derived: dict) -> None:
    assert derive_measures("ziyang-2017", registry.clauses_of("ziyang-2017")) == derived["ziyang-2017"]


def test_curated_files_are_used_only_where_they_still_fit_the_loaded_document(registry: Registry) -> None:
    curated = load_measures()
    units = measure_units(registry.documents, registry.clauses_of, curated)
    assert units["jilin-2017"] == curated["jilin-2017"]
    # A document whose text no longer holds a curated span (a replaced version) falls back to derived units.
    stale = {**curated, "jilin-2017": (curated["jilin-2017"][0].model_copy(update={"span": "已被替换的旧文本。"}),)}
    assert all(m.derived for m in measure_units(registry.documents, registry.clauses_of, stale)["jilin-2017"])
    # Curated files of documents that are not loaded are never used.
    only_shangluo = measure_units(["shangluo-2012"], registry.clauses_of, curated)
    assert set(only_shangluo) == {"shangluo-2012"}


def test_an_uncurated_deployment_answers_from_derived_units(kb: KnowledgeBase) -> None:
    """The same documents with no curated file at all: the headline figure is still found and every
    figure of the first line is in a quote."""
    bare = KnowledgeBase(kb.registry, kb.store, kb.embedder, kb.retriever.config, curated={})
    answer = bare.answerer.answer("吉林省初创企业补贴标准是多少", None, AS_OF)
    result = answer_result(answer)
    assert result.status == AnswerStatus.ANSWERED
    assert any("一次性5000元" in c.quote for c in result.citations)
    for measure in result.measures:
        assert measure.measure_id.startswith("jilin-2017.auto_")
        if measure.amount_text:
            assert all(part in measure.quote for part in measure.amount_text.split("；"))


def test_an_article_with_a_heading_line_over_items_is_cut_per_item() -> None:
    """第二条 返乡创业补贴 / （一）… / （二）…: the heading line is no part of a unit or its name."""
    from knowledge.documents import Document, DocumentStatus, Structure
    from knowledge.intake import parse_clauses

    text = (
        "某市支持返乡创业若干措施\n第一条 为鼓励返乡创业，制定本措施。\n第二条 返乡创业补贴\n"
        "（一）返乡人员首次创办小微企业，正常经营6个月以上的，给予一次性创业补贴8000元。\n"
        "（二）吸纳脱贫人口就业5人以上的，再给予一次性奖补2万元。\n"
        "第三条 本措施自印发之日起施行。\n"
    )
    document = Document(
        id="test-2024", source_file="test.txt", title="某市支持返乡创业若干措施", short_name="测试",
        issuer="某市人民政府", province="河南省", city="洛阳市", document_number=None, signed=date(2024, 3, 18),
        published=None, published_note=None, status=DocumentStatus.OFFICIAL, structure=Structure.AUTO,
    )  # fmt: skip
    clauses = parse_clauses(document, text).clauses
    article = next(c for c in clauses if c.label == "第二条")
    assert article.heading == "返乡创业补贴"
    units = {m.name: m for m in derive_measures("test-2024", clauses)}
    assert "一次性奖补" in units and [a.text for a in units["一次性奖补"].amounts][-1].endswith("2万元")
    assert all("\n" not in m.name and "8000元" not in m.name for m in units.values())
    grant = next(m for m in units.values() if "8000元" in m.span)
    assert "2万元" not in grant.span and "返乡创业补贴\n" not in grant.span


# A notice of another layout (一、 over （1） items), written for these tests: a list of grants after
# an employer's lead-in, and a list of conditions that grants nothing.
LISTED = """某某市人民政府关于支持企业吸纳就业的通知

一、吸纳就业补贴
对吸纳登记失业人员就业的小微企业，按以下标准给予一次性吸纳就业补贴：
（1）签订1年以上劳动合同的，每人2000元；
（2）签订3年以上劳动合同的，每人3000元。
二、个人创业担保贷款
符合下列条件之一的城乡劳动者，可以申请个人创业担保贷款：
（1）毕业5年内的高校毕业生；
（2）登记失业半年以上的人员。
三、对到园区企业就业的退役军人，给予每月500元交通补贴。
"""


@pytest.fixture(scope="module")
def listed() -> tuple:
    from knowledge.intake import parse_clauses
    from tests.knowledge.test_intake_documents import uploaded

    return derive_measures("listed", parse_clauses(uploaded("listed"), LISTED).clauses)


def test_items_of_a_grant_list_are_measures_named_after_its_lead_in_and_paid_to_its_payee(listed: tuple) -> None:
    items = {m.span: m for m in listed if m.span.startswith("（")}
    two_thousand = items["（1）签订1年以上劳动合同的，每人2000元；"]
    assert two_thousand.name == "吸纳就业补贴"
    assert two_thousand.beneficiary is Beneficiary.EMPLOYER  # 对…小微企业，按以下标准给予
    assert [a.text for a in two_thousand.amounts if a.kind is not AmountKind.THRESHOLD] == ["每人2000元"]
    assert not any(m.span.endswith("：") and "按以下标准" in m.span for m in listed), "the lead-in grants nothing"


def test_items_of_a_list_of_conditions_are_not_measures(listed: tuple) -> None:
    assert not any("毕业5年内" in m.span or "半年以上的人员" in m.span for m in listed)


def test_a_company_inside_the_persons_description_does_not_make_the_grant_an_employers(listed: tuple) -> None:
    fare = next(m for m in listed if "交通补贴" in m.span)
    assert fare.name == "交通补贴"
    assert fare.beneficiary is Beneficiary.PERSON  # 到园区企业就业的退役军人 is the payee


def test_no_derived_name_ends_in_punctuation(registry: Registry, derived: dict, listed: tuple) -> None:
    names = [m.name for measures in derived.values() for m in measures] + [m.name for m in listed]
    assert not [name for name in names if name.endswith(("：", ":", "。", "；", "，"))]
