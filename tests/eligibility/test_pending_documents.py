"""A published document that has no rules yet is listed as 条件尚未整理成规则 — in `check --json`,
the terminal check and the chat results — never silently left out (issue 13, item 4).

The registry is a real one, built by the knowledge core from a copy of the packaged sources with
two documents added: a newer 巴中 document (a place that has rules) and a 成都 document (a place
that has none). The rules of the same copy stay the packaged ones.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.checker import Checker
from bot.present.check import check_text
from bot.present.results import results_message
from eligibility.engine import Engine
from eligibility.rulebook import Rulebook
from eligibility.rules_check import check_rules
from knowledge.regions import Gazetteer
from knowledge.registry import Registry, build_registry, load_registry

SOURCES = Path(__file__).resolve().parents[2] / "knowledge" / "sources"
TODAY = date(2026, 12, 1)
NEW_DOCUMENTS = {
    "bazhong-2026": ("巴中市人民政府关于做好新时期就业创业工作的通知", "巴中市", date(2026, 3, 1)),
    "chengdu-2026": ("成都市人民政府关于进一步稳定和扩大就业的实施意见", "成都市", date(2026, 5, 1)),
}


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    """The packaged sources plus two published documents (texts copied from 巴中's, ids and places new)."""
    root = tmp_path_factory.mktemp("sources")
    for path in SOURCES.iterdir():
        shutil.copy(path, root / path.name)
    manifest = yaml.safe_load((root / "manifest.yaml").read_text(encoding="utf-8"))
    bazhong = next(d for d in manifest["documents"] if d["id"] == "bazhong-2018")
    for document_id, (title, city, signed) in NEW_DOCUMENTS.items():
        entry = {
            **bazhong,
            "id": document_id,
            "title": title,
            "short_name": title[:8],
            "city": city,
            "issuer": f"{city}人民政府",
            "signed": signed,
            "published": signed,
            "source_file": f"{document_id}.txt",
        }
        shutil.copy(root / bazhong["source_file"], root / entry["source_file"])
        manifest["documents"].append(entry)
    (root / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    return build_registry(root)


@pytest.fixture(scope="module")
def checker(rulebook: Rulebook, extended: Registry) -> Checker:
    return Checker(Engine(rulebook, Gazetteer(extended.jurisdictions), extended), extended)


def _check(checker: Checker, raw: dict[str, Any]) -> dict[str, Any]:
    return checker.check({"as_of": TODAY.isoformat(), **raw}, TODAY)


def test_a_place_with_only_a_document_without_rules_lists_it(checker: Checker) -> None:
    out = _check(checker, {"region": "成都"})
    assert out["status"] == "complete" and out["jurisdiction"] == "成都市"
    assert out["benefits"] == [] and out["next_question"] is None
    assert "成都市" in out["covered_jurisdictions"]
    assert out["message"] == "已收录成都市的政策文件，但其中的条件尚未整理成规则，暂不能自动判断能享受哪些补贴。"
    [pending] = out["pending_documents"]
    assert pending == {
        "id": "chengdu-2026",
        "title": "成都市人民政府关于进一步稳定和扩大就业的实施意见",
        "jurisdiction": "成都市",
        "signed": "2026-05-01",
        "year": 2026,
        "document_status": "official",
        "status": "rules_pending",
        "label": "条件尚未整理成规则",
        "text": "成都市人民政府关于进一步稳定和扩大就业的实施意见（2026年）：条件尚未整理成规则，"
        "暂不能自动判断，请拨打12333或向当地人社部门咨询",
    }


def test_a_place_with_rules_lists_its_newer_document_beside_the_benefits(checker: Checker) -> None:
    out = _check(checker, {"region": "巴中市恩阳区", "employment_status": "unemployed"})
    assert out["jurisdiction"] == "巴中市"
    assert out["benefits"], "the 2018 rules still apply"
    assert [d["id"] for d in out["pending_documents"]] == ["bazhong-2026"]
    assert out["message"].startswith("已按巴中市")


def test_places_without_a_new_document_list_none(checker: Checker) -> None:
    for place in ("延吉", "资阳", "平顶山", "商洛"):
        assert _check(checker, {"region": place})["pending_documents"] == [], place


def test_the_packaged_registry_has_no_document_without_rules(rulebook: Rulebook) -> None:
    registry = load_registry()
    engine = Engine(rulebook, Gazetteer(registry.jurisdictions), registry)
    assert all(engine.pending_documents(j) == () for j in engine.jurisdictions)
    assert engine.jurisdictions == tuple(rulebook.jurisdictions)


def test_the_terminal_check_lists_it(checker: Checker, rulebook: Rulebook, profile_of) -> None:  # type: ignore[no-untyped-def]
    text = check_text(checker.engine.check(profile_of({"region": "成都"}, TODAY)), checker.registry, rulebook)
    assert "【已收录、条件尚未整理成规则的文件】" in text
    assert "· 成都市人民政府关于进一步稳定和扩大就业的实施意见（2026年）：条件尚未整理成规则" in text
    assert "暂时没有找到您本人可以直接享受的补贴" not in text


def test_the_chat_results_list_it(checker: Checker, rulebook: Rulebook, profile_of) -> None:  # type: ignore[no-untyped-def]
    for place, benefits in (("成都", False), ("巴中", True)):
        result = checker.engine.check(profile_of({"region": place, "employment_status": "unemployed"}, TODAY))
        message = results_message(result, rulebook)
        assert "条件尚未整理成规则" in message.text, place
        assert bool(message.listed) is benefits, place


def test_rules_for_the_new_document_are_checked_against_its_own_text(extended: Registry, rulebook: Rulebook) -> None:
    """Staff write the first rule of a document that has none: its clauses come from the registry."""
    clause = extended.get("chengdu-2026-06")
    quote = clause.text[:20]
    text = f"""\
name: 成都创业扶持
jurisdiction: 成都市
document: chengdu-2026
beneficiary: applicant
summary: 测试
sources:
  - cite: chengdu-2026-06
    quote: {quote}
conditions:
  fact: wants_business
  is: true
  cite: chengdu-2026-06
  quote: {quote}
"""
    assert check_rules(text, extended, rulebook).ok
    wrong = check_rules(text.replace("jurisdiction: 成都市", "jurisdiction: 巴中市"), extended, rulebook)
    assert [(p.code, p.line) for p in wrong.problems] == [("wrong_jurisdiction", 2)]
    unknown = check_rules(text, load_registry(), rulebook)
    assert {p.code for p in unknown.problems} == {"unknown_clause", "unknown_document"}
