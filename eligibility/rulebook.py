"""Load the rulebook: facts, documents, shared definitions and one YAML file per benefit.

Loading is strict because rules are policy: a fact that does not exist, an enum value that is
misspelt, a clause cited from another jurisdiction's document or a definition that this
jurisdiction never wrote all stop the program here, naming the file and the key. What comes out
is compiled (`conditions.Node` trees with every requirement stated and cited) and frozen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from eligibility import schema
from eligibility.comparisons import build_test
from eligibility.conditions import AllOf, AnyOf, Defined, Leaf, Node, NotOf, Open, Test, add_years
from eligibility.errors import RulebookError
from eligibility.facts import FactRegistry, load_facts
from eligibility.loading import read_model
from eligibility.results import Amount as AmountResult
from eligibility.results import AmountTier, Requirement

RULES_DIR = Path(__file__).parent
CASES_SUFFIX = ".cases.yaml"


@dataclass(frozen=True, slots=True)
class Amount:
    kind: str
    text: str | None
    fact: str | None
    tiers: tuple[tuple[str, str], ...]
    otherwise: str | None
    citations: tuple[schema.Source, ...]

    def for_values(self, values: dict[str, Any]) -> AmountResult:
        """The amount that applies: a tier is chosen once its fact is known, else all are offered."""
        if self.kind != "tiers":
            return AmountResult(text=self.text)
        value = values.get(str(self.fact))
        for when, text in self.tiers:
            if value == when:
                return AmountResult(text=text)
        if value is None:
            tiers = tuple(AmountTier(when=when, text=text) for when, text in self.tiers)
            return AmountResult(text=None, fact=self.fact, tiers=tiers)
        return AmountResult(text=self.otherwise)

    def for_records(self, records: tuple[Mapping[str, Any], ...]) -> AmountResult:
        """Paid per record (吉林（二十）: per certificate): each qualifying record's own tier."""
        if self.kind != "tiers":
            return AmountResult(text=self.text)
        chosen = dict(self.tiers)
        tiers = []
        for values in records:
            when = str(values.get(str(self.fact)))
            tiers.append(AmountTier(when=when, text=chosen.get(when, self.otherwise or "")))
        return AmountResult(text=None, fact=self.fact, tiers=tuple(tiers), per_record=True)


@dataclass(frozen=True, slots=True)
class Benefit:
    id: str
    name: str
    jurisdiction: str
    document_id: str
    document_status: str
    beneficiary: str
    summary: str
    condition: Node
    facts: tuple[str, ...]
    amount: Amount | None
    valid_from: date
    valid_to: date | None
    validity_label: str | None
    validity_cite: str | None
    notes: tuple[str, ...]
    citations: tuple[schema.Source, ...]
    path: Path
    hiring: tuple[schema.Term, ...] = ()
    deadline: schema.Term | None = None
    # Where and how to apply (the benefit's own terms, then its document's).
    apply: tuple[schema.Term, ...] = ()
    # Prior receipt: the `received_before` option that says the person already had this measure.
    once: schema.Once | None = None
    # A measure of the 户籍 place (session 22): judged also for a person registered there who is elsewhere.
    household: schema.Household | None = None
    # The place whose documents cover the person for this measure (issue 11, session 40): residence, work, business.
    covered_by: schema.PlaceKind = "residence"
    # Employer benefits: the conditions read of the person hired (without the shared definitions the
    # person's side `requires`: a lawful hire is of working age, the unit's duty) and the unit's own
    # (`employer_conditions`) — what an owner whose business is the unit is judged on.
    unit_condition: Node | None = None
    # Session 34 (rules31): when this holds of the person, the measure is the others' it names (`others_whose`).
    others: Node | None = None
    others_whose: str | None = None


@dataclass(frozen=True)
class Rulebook:
    facts: FactRegistry
    documents: dict[str, schema.DocumentInfo]
    windows: dict[str, schema.Window]
    definitions: dict[str, schema.Definition]
    benefits: dict[str, Benefit]
    root: Path
    stale_after_years: int = 3
    # What a draft document's measure leaves to confirm (documents.yaml `draft_to_confirm`).
    draft_to_confirm: str = ""

    @property
    def jurisdictions(self) -> list[str]:
        return [doc.jurisdiction for doc in self.documents.values()]

    def benefits_of(self, jurisdiction: str) -> list[Benefit]:
        return list(self._by_jurisdiction.get(jurisdiction, ()))

    def warm(self) -> None:
        """Group the benefits by place now (a server, at start), not in the first check."""
        _ = self._by_jurisdiction

    @cached_property
    def _by_jurisdiction(self) -> dict[str, tuple[Benefit, ...]]:
        """Benefits by jurisdiction, in rule order: every check asks for one place's (a province's, two)."""
        grouped: dict[str, list[Benefit]] = {}
        for benefit in self.benefits.values():
            grouped.setdefault(benefit.jurisdiction, []).append(benefit)
        return {place: tuple(benefits) for place, benefits in grouped.items()}

    def parts(self) -> Parts:
        return Parts(self.facts, self.documents, self.windows, self.definitions)

    def case_files(self) -> list[Path]:
        return sorted((self.root / "benefits").rglob(f"*{CASES_SUFFIX}"))


# The fact that lists the one-time measures a person already had (a benefit's `once.measure`).
RECEIVED = "received_before"


class _Compiler:
    """Turns one benefit's YAML conditions into a cited `Node` tree, checking meaning as it goes."""

    def __init__(self, book: Parts, source: str, document_id: str, jurisdiction: str) -> None:
        self.book = book
        self.source = source
        self.document_id = document_id
        self.jurisdiction = jurisdiction

    def fail(self, key: str, problem: str, code: str = "invalid", **details: Any) -> RulebookError:
        return RulebookError(self.source, key, problem, code, **details)

    def check_cite(self, key: str, cite: str) -> None:
        document_id, number = cite.rsplit("-", 1)
        if document_id != self.document_id:
            raise self.fail(
                key,
                f"cites {cite}, which is not a clause of {self.document_id}",
                "clause_of_other_document",
                cite=cite,
                document=self.document_id,
            )
        count = self.book.documents[document_id].clauses
        if not 1 <= int(number) <= count:
            raise self.fail(key, f"cites {cite}, but {document_id} has clauses 1..{count}", "unknown_clause", cite=cite)

    def compile(self, node: Any, key: str, inherited: schema.Source | None) -> Node:
        if isinstance(node, schema.DefinitionRef):
            return self.definition(node, key)
        own = inherited
        if node.cite is not None:
            self.check_cite(f"{key}.cite", node.cite)
            if node.quote is None:
                raise self.fail(f"{key}.quote", "a cited condition needs the quote it rests on", "missing_quote")
            own = schema.Source(cite=node.cite, quote=node.quote)
        if isinstance(node, schema.AllCondition):
            return AllOf(tuple(self.compile(p, f"{key}.all[{i}]", own) for i, p in enumerate(node.all)))
        if own is None:
            raise self.fail(f"{key}.cite", "every condition needs a clause id (its own or a parent's)", "missing_cite")
        if isinstance(node, schema.AnyCondition):
            parts = tuple(self.compile(p, f"{key}.any[{i}]", own) for i, p in enumerate(node.any))
            return AnyOf(parts, Requirement(text=node.requirement), own.cite)
        if isinstance(node, schema.OpenCondition):
            return Open(Requirement(text=node.open, open=True), own.cite, own.quote)
        if isinstance(node, schema.NotCondition):
            return NotOf(self.compile(node.not_, f"{key}.not", own), Requirement(text=node.requirement), own.cite)
        return self.leaf(node, key, own)

    def leaf(self, node: schema.FactCondition, key: str, source: schema.Source) -> Leaf:
        if node.fact not in self.book.facts:
            raise self.fail(f"{key}.fact", f"unknown fact {node.fact!r}", "unknown_fact", fact=node.fact)
        spec = self.book.facts[node.fact]
        comparison, operand = node.comparison
        try:
            test: Test = build_test(spec, comparison, operand)
        except ValueError as exc:
            raise self.fail(
                f"{key}.{comparison}",
                str(exc),
                "bad_comparison",
                fact=node.fact,
                comparison=comparison,
                values=spec.enum_values,
            ) from None
        requirement = Requirement(text=node.requirement, fact=node.fact, comparison=comparison, operand=operand)
        presumed = None if node.presumed_by is None else self.compile(node.presumed_by, f"{key}.presumed_by", source)
        return Leaf(node.fact, test, requirement, source.cite, source.quote, presumed)

    def definition(self, ref: schema.DefinitionRef, key: str) -> Defined:
        name = ref.definition
        definition = self.book.definitions.get(name)
        if definition is None:
            raise self.fail(f"{key}.definition", f"unknown definition {name!r}", "unknown_definition", name=name)
        source = definition.sources.get(self.jurisdiction)
        if ref.cite is not None:
            self.check_cite(f"{key}.cite", ref.cite)
            if ref.quote is None:
                raise self.fail(f"{key}.quote", "a cited definition use needs the quote it rests on", "missing_quote")
            source = schema.Source(cite=ref.cite, quote=ref.quote)
        if source is None:
            raise self.fail(
                f"{key}.definition",
                f"definition {name!r} has no source for {self.jurisdiction}",
                "definition_not_here",
                name=name,
                jurisdiction=self.jurisdiction,
            )
        inner = _Compiler(self.book, f"definitions.yaml ({name})", source.cite.rsplit("-", 1)[0], self.jurisdiction)
        part = inner.compile(definition.condition, "condition", source)
        return Defined(name, part, Requirement(text=definition.requirement), source.cite, source.quote)


@dataclass(frozen=True)
class Parts:
    """What a benefit is compiled against: the facts, documents, windows and shared definitions."""

    facts: FactRegistry
    documents: dict[str, schema.DocumentInfo]
    windows: dict[str, schema.Window]
    definitions: dict[str, schema.Definition]


def _compile_benefit(parts: Parts, path: Path, benefit_id: str, slug: str) -> Benefit:
    raw = read_model(path, schema.BenefitFile)
    doc = parts.documents.get(raw.document)
    if doc is not None and doc.slug != slug:
        raise RulebookError(str(path), "document", f"a benefit of {raw.document} belongs under benefits/{doc.slug}/")
    return compile_benefit(parts, raw, str(path), benefit_id, path)


def compile_benefit(parts: Parts, raw: schema.BenefitFile, source: str, benefit_id: str, path: Path) -> Benefit:
    """Check one benefit's meaning against the rulebook's parts and compile it; RulebookError names
    `source` and the key. Shared by loading and by `rules_check` (a file not yet in the rulebook)."""
    doc = parts.documents.get(raw.document)
    if doc is None:
        raise RulebookError(
            source, "document", f"unknown document {raw.document!r}", "unknown_document", document=raw.document
        )
    if doc.jurisdiction != raw.jurisdiction:
        raise RulebookError(
            source,
            "jurisdiction",
            f"{raw.document} is {doc.jurisdiction}, not {raw.jurisdiction}",
            "wrong_jurisdiction",
            document=raw.document,
            expected=doc.jurisdiction,
            given=raw.jurisdiction,
        )
    compiler = _Compiler(parts, source, raw.document, raw.jurisdiction)
    for index, cited in enumerate(raw.sources):
        compiler.check_cite(f"sources[{index}].cite", cited.cite)
    own = compiler.compile(raw.conditions, "conditions", None)
    condition = _with_required(compiler, raw, own)
    unit_condition = _unit_condition(compiler, parts, raw, own)
    amount = _compile_amount(compiler, parts, raw.amount) if raw.amount else None
    valid_from, valid_to, label, validity_cite = doc.signed, None, None, None
    citations = list(raw.sources)
    if raw.validity:
        valid_from, valid_to, label = _window(compiler, parts, raw.validity, doc.signed)
        validity_cite = raw.validity.cite
        citations.append(schema.Source(cite=raw.validity.cite, quote=raw.validity.quote))
    others = None
    if raw.others is not None:
        compiler.check_cite("others.cite", raw.others.cite)
        cited = schema.Source(cite=raw.others.cite, quote=raw.others.quote)
        others = compiler.compile(raw.others.when, "others.when", cited)
        citations.append(cited)
    for index, term in enumerate(raw.hiring):
        compiler.check_cite(f"hiring[{index}].cite", term.cite)
    if raw.deadline is not None:
        compiler.check_cite("deadline.cite", raw.deadline.cite)
    for index, term in enumerate(raw.apply):
        compiler.check_cite(f"apply[{index}].cite", term.cite)
    if raw.once is not None:
        compiler.check_cite("once.cite", raw.once.cite)
        received = parts.facts.specs.get(RECEIVED)
        if received is None or raw.once.measure not in received.enum_values:
            options = ", ".join(received.enum_values) if received else ""
            raise compiler.fail(
                "once.measure", f"{raw.once.measure!r} is not a value of {RECEIVED!r} ({options})", "unknown_value"
            )
    if amount:
        citations.extend(amount.citations)
    citations.extend(_node_sources(condition))
    if unit_condition is not None:
        citations.extend(_node_sources(unit_condition))
    unique: dict[str, schema.Source] = {}
    for cited in citations:
        unique.setdefault(cited.cite, cited)
    return Benefit(
        id=benefit_id,
        name=raw.name,
        jurisdiction=raw.jurisdiction,
        document_id=raw.document,
        document_status=doc.status,
        beneficiary=raw.beneficiary,
        summary=raw.summary,
        condition=condition,
        facts=condition.facts(),
        amount=amount,
        valid_from=valid_from,
        valid_to=valid_to,
        validity_label=label,
        validity_cite=validity_cite,
        notes=raw.notes,
        citations=tuple(unique.values()),
        path=path,
        hiring=raw.hiring,
        deadline=raw.deadline,
        apply=(*raw.apply, *doc.apply),
        once=raw.once,
        household=raw.household,
        covered_by=raw.covered_by,
        unit_condition=unit_condition,
        others=others,
        others_whose=raw.others.whose if raw.others is not None else None,
    )


def _unit_condition(compiler: _Compiler, parts: Parts, raw: schema.BenefitFile, own: Node) -> Node | None:
    """An employer benefit's conditions read of the person hired, with the unit's own: what an owner
    whose business is that unit is judged on (`employer_conditions` may name no fact about a person)."""
    if raw.beneficiary == "applicant":
        return None
    if raw.employer_conditions is None:
        return AllOf((own,))
    unit = compiler.compile(raw.employer_conditions, "employer_conditions", None)
    for fact in unit.facts():
        if parts.facts[fact].about == "person":
            raise compiler.fail("employer_conditions", f"{fact!r} is a fact about a person", "person_fact")
    return AllOf((own, unit))


def _with_required(compiler: _Compiler, raw: schema.BenefitFile, condition: Node) -> Node:
    """The benefit's conditions and the shared definitions it `requires` (劳动年龄 for a benefit about
    work), each cited to the benefit's first source: the clause that names who it is for."""
    if not raw.requires:
        return condition
    first = raw.sources[0]
    required = tuple(
        compiler.definition(schema.DefinitionRef(definition=name, cite=first.cite, quote=first.quote), f"requires[{i}]")
        for i, name in enumerate(raw.requires)
    )
    own = condition.parts if isinstance(condition, AllOf) else (condition,)
    return AllOf((*own, *required))


def _compile_amount(compiler: _Compiler, parts: Parts, amount: schema.Amount) -> Amount:
    compiler.check_cite("amount.cite", amount.cite)
    citations = [schema.Source(cite=amount.cite, quote=amount.quote)]
    if amount.kind == "tiers":
        if amount.fact not in parts.facts or parts.facts[str(amount.fact)].type != "enum":
            raise compiler.fail(
                "amount.fact", f"tiers need an enum fact, got {amount.fact!r}", "bad_tiers", fact=amount.fact
            )
        allowed = parts.facts[str(amount.fact)].enum_values
        for index, tier in enumerate(amount.tiers):
            if tier.when not in allowed:
                raise compiler.fail(
                    f"amount.tiers[{index}].when",
                    f"{tier.when!r} is not a value of {amount.fact}",
                    "bad_comparison",
                    fact=amount.fact,
                    comparison="when",
                    values=allowed,
                )
            citations.append(schema.Source(cite=amount.cite, quote=tier.quote))
    return Amount(
        amount.kind,
        amount.text,
        amount.fact,
        tuple((t.when, t.text) for t in amount.tiers),
        amount.otherwise,
        tuple(citations),
    )


def _window(
    compiler: _Compiler, parts: Parts, validity: schema.Validity, signed: date
) -> tuple[date, date | None, str]:
    compiler.check_cite("validity.cite", validity.cite)
    if validity.window:
        window = parts.windows.get(validity.window)
        if window is None:
            raise compiler.fail(
                "validity.window", f"unknown window {validity.window!r}", "unknown_window", name=validity.window
            )
        ends = add_years(window.to, window.runs_on_years) if window.to and window.runs_on_years else window.to
        return window.from_ or signed, ends, window.label
    return validity.from_ or signed, validity.to, validity.quote


def _node_sources(node: Node) -> list[schema.Source]:
    if isinstance(node, Open):
        return [schema.Source(cite=node.cite, quote=node.quote)]
    if isinstance(node, Leaf | Defined):
        own = [schema.Source(cite=node.cite, quote=node.quote)]
        return own + (_node_sources(node.part) if isinstance(node, Defined) else [])
    if isinstance(node, NotOf):
        return _node_sources(node.part)
    return [s for part in node.parts for s in _node_sources(part)]


def load_rulebook(root: Path = RULES_DIR) -> Rulebook:
    """Load and check every rule file under `root`; raises RulebookError on the first problem."""
    facts = load_facts(root / "facts.yaml")
    documents_file = read_model(root / "documents.yaml", schema.DocumentsFile)
    definitions = read_model(root / "definitions.yaml", schema.DefinitionsFile).definitions
    parts = Parts(facts, documents_file.documents, documents_file.windows, definitions)
    for document_id, info in parts.documents.items():
        for index, term in enumerate(info.apply):
            if term.cite.rsplit("-", 1)[0] != document_id:
                raise RulebookError(
                    str(root / "documents.yaml"),
                    f"documents.{document_id}.apply[{index}].cite",
                    f"{term.cite} is not a clause of {document_id}",
                    "clause_of_other_document",
                    cite=term.cite,
                    document=document_id,
                )
    for name, definition in definitions.items():
        for jurisdiction, source in definition.sources.items():
            document_id = source.cite.rsplit("-", 1)[0]
            doc = parts.documents.get(document_id)
            if doc is None or doc.jurisdiction != jurisdiction:
                raise RulebookError(
                    str(root / "definitions.yaml"),
                    f"definitions.{name}.sources.{jurisdiction}",
                    f"{source.cite} is not a clause of {jurisdiction}'s document",
                )
    benefits: dict[str, Benefit] = {}
    for path in sorted((root / "benefits").glob("*/*.yaml")):
        if path.name.endswith(CASES_SUFFIX):
            continue
        slug = path.parent.name
        benefit_id = f"{slug}.{path.stem}"
        benefits[benefit_id] = _compile_benefit(parts, path, benefit_id, slug)
    if not benefits:
        raise RulebookError(str(root / "benefits"), "<dir>", "no benefit files found")
    return Rulebook(
        facts,
        parts.documents,
        parts.windows,
        definitions,
        benefits,
        root,
        documents_file.stale_after_years,
        documents_file.draft_to_confirm,
    )


@lru_cache(maxsize=1)
def default_rulebook() -> Rulebook:
    """The packaged rulebook, loaded once per process."""
    return load_rulebook()
