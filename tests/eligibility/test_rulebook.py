"""Rulebook integrity: the rules agree with the clause registry, the facts and their own cases.

This is the one place where the two halves of the project meet in tests: every clause a rule
cites must exist in the knowledge core's registry, and every quote must be a verbatim part of
that clause's normalized text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from eligibility.conditions import AllOf, AnyOf, Defined, Leaf, Node, NotOf, Open
from eligibility.coverage import PLACE_FACTS
from eligibility.errors import RulebookError
from eligibility.loading import read_model
from eligibility.rulebook import CASES_SUFFIX, RULES_DIR, Rulebook, default_rulebook, load_rulebook
from eligibility.schema import CasesFile
from knowledge.registry import Registry, load_registry

FIGURE = re.compile(r"\d+(?:[./]\d+)?%?")
BOOK = default_rulebook()
BENEFIT_IDS = sorted(BOOK.benefits)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _quotes(benefit_id: str) -> list[tuple[str, str]]:
    benefit = BOOK.benefits[benefit_id]
    pairs = [(c.cite, c.quote) for c in benefit.citations]
    if benefit.amount:
        pairs += [(c.cite, c.quote) for c in benefit.amount.citations]
    pairs += _node_quotes(benefit.condition)
    pairs += [(t.cite, t.quote) for t in benefit.hiring]
    if benefit.deadline is not None:
        pairs.append((benefit.deadline.cite, benefit.deadline.quote))
    pairs += [(t.cite, t.quote) for t in benefit.apply]
    return pairs


def _node_quotes(node: Node) -> list[tuple[str, str]]:
    if isinstance(node, Leaf):
        return [(node.cite, node.quote)]
    if isinstance(node, Defined):
        return [(node.cite, node.quote), *_node_quotes(node.part)]
    if isinstance(node, NotOf):
        return _node_quotes(node.part)
    if isinstance(node, Open):
        return [(node.cite, node.quote)]
    assert isinstance(node, AllOf | AnyOf)
    return [q for part in node.parts for q in _node_quotes(part)]


@pytest.mark.parametrize("benefit_id", BENEFIT_IDS)
def test_every_cited_clause_exists_and_every_quote_is_verbatim(registry: Registry, benefit_id: str) -> None:
    for clause_id, quote in _quotes(benefit_id):
        assert registry.has(clause_id), f"{benefit_id} cites unknown clause {clause_id}"
        assert quote in registry.get(clause_id).text, f"{benefit_id}: quote not in {clause_id}: {quote}"


def test_every_definition_source_is_verbatim(registry: Registry) -> None:
    for name, definition in BOOK.definitions.items():
        for jurisdiction, source in definition.sources.items():
            assert quote_in(registry, source.cite, source.quote), f"{name} ({jurisdiction}): {source.quote}"


def quote_in(registry: Registry, clause_id: str, quote: str) -> bool:
    return registry.has(clause_id) and quote in registry.get(clause_id).text


@pytest.mark.parametrize("benefit_id", BENEFIT_IDS)
def test_amounts_use_only_figures_from_the_cited_clause(registry: Registry, benefit_id: str) -> None:
    benefit = BOOK.benefits[benefit_id]
    if benefit.amount is None:
        return
    texts = [benefit.amount.text or "", benefit.amount.otherwise or "", *(t for _, t in benefit.amount.tiers)]
    clause_text = " ".join(registry.get(c.cite).text for c in benefit.amount.citations)
    for figure in (f for text in texts for f in FIGURE.findall(text)):
        assert figure in clause_text, f"{benefit_id}: amount figure {figure} is not in its cited clause"


def test_documents_agree_with_the_knowledge_manifest(registry: Registry) -> None:
    for document_id, info in BOOK.documents.items():
        document = registry.documents[document_id]
        assert info.jurisdiction == document.jurisdiction
        assert info.status == document.status.value
        assert info.signed == document.signed
        assert info.clauses == len(registry.clauses_of(document_id))


def test_time_limited_measures_of_the_manifest_are_known_windows(registry: Registry) -> None:
    """Every benefit limited by a window cites a clause that the manifest lists as time-limited."""
    for benefit in BOOK.benefits.values():
        if benefit.valid_to is None:
            continue
        document = registry.documents[benefit.document_id]
        number = int(str(benefit.validity_cite).rsplit("-", 1)[1])
        ends = {m.valid_to for m in document.measures_for(number)}
        # Session 30: a window whose measure runs on after its span (延长1年) ends its claims later — the manifest
        # dates the measure by its claims too (2021-12-31, not the span's 2020-12-31).
        assert benefit.valid_to in ends, f"{benefit.id}: {benefit.valid_to} not among the manifest's {ends}"


@pytest.mark.parametrize("benefit_id", BENEFIT_IDS)
def test_every_benefit_has_at_least_two_cases_beside_it(benefit_id: str) -> None:
    benefit = BOOK.benefits[benefit_id]
    cases_path = benefit.path.with_name(benefit.path.stem + CASES_SUFFIX)
    assert cases_path.exists(), f"missing {cases_path}"
    cases = read_model(cases_path, CasesFile).cases
    assert len(cases) >= 2
    statuses = {c.expect.status for c in cases}
    if not benefit.condition.facts() and benefit.beneficiary == "service_provider":
        # Session 17: a provider's grant no fact of the person decides (a park's 园区建设补贴, a base's 80万元) has
        # one side for every person, on any date: the provider's. Its cases show that with different people.
        assert statuses == {"employer_only"}, benefit_id
        return
    assert len(statuses) >= 2, f"{benefit_id}: cases should show both sides of a condition"


def test_every_case_file_belongs_to_a_benefit() -> None:
    for path in BOOK.case_files():
        assert path.with_name(path.name.removesuffix(CASES_SUFFIX) + ".yaml").exists(), path


def test_every_fact_used_is_defined_and_every_askable_fact_is_used() -> None:
    used = {f for b in BOOK.benefits.values() for f in b.facts}
    # An owner's unit is judged on the hire's facts, each standing for a fact the rule states (session 13).
    unit = {f for b in BOOK.benefits.values() if b.unit_condition is not None for f in b.unit_condition.facts()}
    used |= unit | {hire for base, hire in BOOK.facts.hire_facts.items() if base in unit}
    # `received_before` is asked through the benefits' `once` (prior receipt), not a condition.
    used |= {"received_before"} if any(b.once for b in BOOK.benefits.values()) else set()
    # `household_region` is read for the benefits' `household` (a 户籍 place's measures, session 22), not a condition.
    used |= {"household_region"} if any(b.household for b in BOOK.benefits.values()) else set()
    # The places of work and business are read for the benefits' `covered_by` (session 40), not a condition.
    used |= {PLACE_FACTS[b.covered_by] for b in BOOK.benefits.values() if b.covered_by in PLACE_FACTS}
    # Session 42: a tiered amount's fact chooses the tier (平顶山（十三） 见习单位留用比例), not a condition.
    used |= {str(b.amount.fact) for b in BOOK.benefits.values() if b.amount is not None and b.amount.kind == "tiers"}
    assert used <= set(BOOK.facts.specs)
    # A fact an action is open to (session 38: more hires to come open a count of hires short of the text's) is used
    # through that action, when the action's own fact is used.
    used |= {
        fact
        for spec in BOOK.facts
        if spec.action is not None and spec.name in used
        for alternative in spec.action.when_any
        for fact in alternative
    }
    # A record list is used through its records' facts, and the fact that collects a record with them.
    records = {name for name, spec in BOOK.facts.specs.items() if spec.fields or spec.collects}
    # `hiring_staff` decides whose an employer's benefit is (roles.HIRING), not a condition.
    unused = (
        set(BOOK.facts.specs)
        - used
        - records
        - {"region", "unsure_groups", "hiring_staff", "city", "hire_date", "labor_broker", "job_start_date"}
    )
    assert not unused, f"facts asked by no rule: {sorted(unused)}"


def test_every_jurisdiction_has_benefits() -> None:
    for jurisdiction in BOOK.jurisdictions:
        assert BOOK.benefits_of(jurisdiction), jurisdiction


def test_every_benefit_file_states_its_clause_and_beneficiary() -> None:
    for benefit in BOOK.benefits.values():
        assert benefit.citations[0].cite.startswith(benefit.document_id)
        assert benefit.beneficiary in {"applicant", "employer", "service_provider"}


# -- fail loudly at load ------------------------------------------------------------------------


def _copy_rules(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(RULES_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


BROKEN = [
    pytest.param("gte: 12", "gtee: 12", "conditions.all[3].all[1].gtee", id="typo in a comparison"),
    pytest.param("beneficiary: applicant", "beneficary: applicant", "beneficary", id="typo in a benefit key"),
    pytest.param("fact: business_months", "fact: business_month", "fact", id="unknown fact"),
    pytest.param(
        "in: [micro_enterprise, individual]",
        "in: [micro_enterprise, indivdual]",
        "in",
        id="unknown enum value",
    ),
    pytest.param(
        "cite: jilin-2017-07\n      quote: 领取",
        "cite: bazhong-2018-07\n      quote: 领取",
        "cite",
        id="clause of another document",
    ),
    pytest.param(
        "cite: jilin-2017-07\n      quote: 领取",
        "cite: jilin-2017-31\n      quote: 领取",
        "cite",
        id="clause number beyond the document",
    ),
    pytest.param(
        "text: 一次性5000元",
        "text: 一次性5000元\n  tiers: []\n  fact: age",
        "amount",
        id="amount of the wrong shape",
    ),
]


@pytest.mark.parametrize(("old", "new", "key"), BROKEN)
def test_a_typo_in_a_benefit_fails_at_load_naming_file_and_key(tmp_path: Path, old: str, new: str, key: str) -> None:
    root = _copy_rules(tmp_path)
    path = root / "benefits" / "jilin" / "startup_subsidy.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RulebookError) as raised:
        load_rulebook(root)
    assert "startup_subsidy.yaml" in raised.value.source
    assert key in raised.value.key


def test_a_typo_in_the_facts_file_fails_at_load(tmp_path: Path) -> None:
    root = _copy_rules(tmp_path)
    path = root / "facts.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("hint:", "hnit:", 1), encoding="utf-8")
    with pytest.raises(RulebookError) as raised:
        load_rulebook(root)
    assert "facts.yaml" in raised.value.source and "hnit" in raised.value.key


def test_a_definition_missing_for_a_jurisdiction_fails_at_load(tmp_path: Path) -> None:
    root = _copy_rules(tmp_path)
    path = root / "definitions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      吉林省: {cite: jilin-2017-12,", "      #", 1), encoding="utf-8")
    with pytest.raises(RulebookError, match="no source for 吉林省"):
        load_rulebook(root)


def test_the_packaged_rulebook_loads(rulebook: Rulebook) -> None:
    assert len(rulebook.benefits) == len(BENEFIT_IDS) >= 60


def test_the_docs_list_every_benefit_and_every_fact() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "eligibility.md").read_text(encoding="utf-8")
    missing = [b for b in BENEFIT_IDS if f"`{b}`" not in docs]
    missing += [f for f in BOOK.facts.specs if f"`{f}`" not in docs]
    assert not missing, f"docs/eligibility.md does not mention {missing}"


def test_eligibility_imports_neither_knowledge_nor_bot() -> None:
    for path in RULES_DIR.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) (knowledge|bot)\b", source, re.MULTILINE), path.name
