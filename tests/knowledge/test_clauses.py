"""Clause registry: counts, boundaries, labels, headings and metadata per document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from knowledge.clauses import split_departments
from knowledge.registry import Registry

EXPECTED = yaml.safe_load((Path(__file__).parent / "structure.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("document_id", list(EXPECTED))
def test_each_document_has_its_expected_clause_count(registry: Registry, document_id: str) -> None:
    assert len(registry.clauses_of(document_id)) == EXPECTED[document_id]["clauses"]


@pytest.mark.parametrize("document_id", list(EXPECTED))
def test_clauses_are_numbered_one_to_n_with_stable_ids(registry: Registry, document_id: str) -> None:
    clauses = registry.clauses_of(document_id)
    assert [c.clause_number for c in clauses] == list(range(1, len(clauses) + 1))
    assert [c.id for c in clauses] == [f"{document_id}-{n:02d}" for n in range(1, len(clauses) + 1)]


@pytest.mark.parametrize("document_id", list(EXPECTED))
def test_first_and_last_clause_boundaries(registry: Registry, document_id: str) -> None:
    clauses = registry.clauses_of(document_id)
    for clause, key in ((clauses[0], "first"), (clauses[-1], "last")):
        assert clause.label == EXPECTED[document_id][key]["label"]
        assert clause.heading == EXPECTED[document_id][key]["heading"]
        assert clause.text.startswith(clause.label)


@pytest.mark.parametrize("document_id", list(EXPECTED))
def test_sections_and_closing_date(registry: Registry, document_id: str) -> None:
    parsed = registry.parsed[document_id]
    assert len(parsed.sections) == EXPECTED[document_id]["sections"]
    assert parsed.closing_date == EXPECTED[document_id]["closing_date"]


def test_no_clause_swallows_the_next_label_or_the_signature(registry: Registry) -> None:
    for clause in registry.clauses:
        assert "人民政府\n" not in clause.text
        following = f"（{clause.clause_number + 1}）"
        assert following not in clause.text
        assert "各地各部门要结合实际" not in clause.text


def test_pingdingshan_broken_labels_are_repaired_and_reported(registry: Registry) -> None:
    clause = registry.get("pingdingshan-2020-01")
    assert clause.label == "（一）"
    assert clause.original_text.startswith("一)")
    repaired = [i for i in registry.parsed["pingdingshan-2020"].quality.issues if i.kind == "label_repaired"]
    assert len(repaired) == 9
    assert registry.get("pingdingshan-2020-10").label == "（十）"


def test_pingdingshan_unnumbered_sections_are_recognised(registry: Registry) -> None:
    sections = registry.parsed["pingdingshan-2020"].sections
    assert sections[0].heading == "落实保企业措施，支持企业稳定岗位"
    assert sections[4].heading == "加强职业技能培训提升劳动者素质"  # source: "、加强职业…"
    assert all(s.is_number_inferred for s in sections)
    assert registry.get("pingdingshan-2020-16").section_heading == sections[4].heading


def test_shangluo_top_level_sections_are_clauses(registry: Registry) -> None:
    clause = registry.get("shangluo-2012-03")
    assert clause.label == "三、"
    assert clause.heading == "用好就业资金，加大专项扶持"
    assert clause.section_heading is None


def test_clause_heading_is_the_lead_phrase(registry: Registry) -> None:
    assert registry.get("bazhong-2018-12").heading == "促进农村贫困劳动力就业创业增收"
    assert registry.get("jilin-2017-20").heading == "落实职工技能提升补贴"
    assert registry.get("bazhong-2018-12").section_heading == "促进重点群体就业创业"


def test_responsible_departments_are_metadata_not_body(registry: Registry) -> None:
    bazhong = registry.get("bazhong-2018-01")
    assert bazhong.lead_departments == ("市发展改革委",)
    assert "市财政局" in bazhong.responsible_departments
    assert "牵头单位" not in bazhong.body and "牵头单位" in bazhong.text
    ziyang = registry.get("ziyang-2017-08")  # 列首位的为牵头单位，下同
    assert ziyang.lead_departments == ("市人力资源社会保障局",)
    jilin = registry.get("jilin-2017-20")
    assert jilin.responsible_departments == ("省人力资源社会保障厅", "省财政厅")
    assert jilin.body.endswith("对符合条件的省内紧缺急需工种可适当提高补贴标准。")


def test_nested_parentheses_in_departments_are_balanced() -> None:
    body, lead, responsible = split_departments("正文。（人力资源社会保障、财政等部门和各县（区）政府按职责分工负责）")
    assert body == "正文。"
    assert lead == ()
    assert responsible[0] == "人力资源社会保障"


def test_clause_text_without_departments_is_unchanged() -> None:
    assert split_departments("对符合条件的给予补贴（具体标准另行制定）。") == (
        "对符合条件的给予补贴（具体标准另行制定）。",
        (),
        (),
    )


def test_original_text_is_kept_beside_normalized(registry: Registry) -> None:
    jilin = registry.get("jilin-2017-07")
    assert "業(yè)" in jilin.original_text
    assert "业" in jilin.text and "(yè)" not in jilin.text


def test_registry_rejects_unknown_ids(registry: Registry) -> None:
    with pytest.raises(KeyError, match="jilin-2017-99"):
        registry.get("jilin-2017-99")


def test_document_dates_match_the_signature_in_the_text(registry: Registry) -> None:
    for document_id, parsed in registry.parsed.items():
        if parsed.closing_date is not None:
            assert registry.documents[document_id].signed == parsed.closing_date
    assert registry.documents["jilin-2017"].signed == date(2017, 10, 12)
    assert "2017年10月12日" in registry.parsed["jilin-2017"].preamble
