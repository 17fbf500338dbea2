"""Check a rules file against the clause text before it is used: `policybot rules check` and uploads.

A rules file is YAML written by a person (a benefit, or the documents file). Loading already
rejects a wrong shape; this check goes further, because rules are policy: every quote must be a
verbatim part of the clause it cites, every figure a rule shows must stand in that clause, and
every clause, document, fact, definition and window it refers to must exist. All problems are
reported at once, each with the YAML line it sits on, as codes with their data (`bot/present/rules.py`
words them in Chinese). The clause text comes through the `ClauseRegistry` protocol, so this
package still imports nothing of the knowledge core.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal, Protocol

import yaml
from pydantic import ValidationError

from eligibility import schema
from eligibility.errors import RulebookError
from eligibility.loading import key_path
from eligibility.rulebook import Parts, Rulebook, compile_benefit

# A figure as a rule shows it: 5000, 2/3, 0.5, 80%. Compared with the clause text as written.
FIGURE = re.compile(r"\d+(?:[./]\d+)?%?")
# The clause words the check looks for (a duration a condition sets), as data.
CHECK_WORDS = Path(__file__).with_name("rules_check.yaml")
RulesKind = Literal["benefit", "documents"]


class ClauseText(Protocol):
    @property
    def text(self) -> str: ...


class RegistryDocument(Protocol):
    """A document as the clause registry knows it (the knowledge core's `Document` fits)."""

    @property
    def jurisdiction(self) -> str: ...

    @property
    def short_name(self) -> str: ...

    @property
    def signed(self) -> date: ...

    @property
    def is_draft(self) -> bool: ...


class ClauseRegistry(Protocol):
    """The clause texts a rule is checked against (the knowledge core's `Registry` fits)."""

    @property
    def documents(self) -> Mapping[str, RegistryDocument]: ...

    def has(self, clause_id: str) -> bool: ...

    def get(self, clause_id: str) -> ClauseText: ...

    def clauses_of(self, document_id: str) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """One problem: a code (`quote_not_in_clause` …), the YAML key and line it is at, its data."""

    code: str
    key: str
    line: int | None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RulesReport:
    source: str
    kind: RulesKind | None
    problems: tuple[RuleProblem, ...]
    quotes: int = 0
    figures: int = 0
    name: str | None = None
    # Entries checked in a documents file.
    checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_rules(text: str, registry: ClauseRegistry, rulebook: Rulebook, source: str = "<upload>") -> RulesReport:
    """Every problem of one rules file (a benefit or the documents file), none when it may be used."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = str(getattr(exc, "problem", None) or exc)
        return RulesReport(source, None, (RuleProblem("yaml_syntax", "<yaml>", line, {"detail": detail}),))
    lines = _LineMap(root)
    if not isinstance(data, dict):
        return RulesReport(source, None, (RuleProblem("not_a_mapping", "<root>", 1 if root else None),))
    if "documents" in data:
        return _check_documents(data, registry, source, lines)
    return _check_benefit(data, registry, rulebook, source, lines)


def check_rules_file(path: Path, registry: ClauseRegistry, rulebook: Rulebook) -> RulesReport:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return RulesReport(str(path), None, (RuleProblem("unreadable", "<file>", None, {"detail": str(exc)}),))
    return check_rules(text, registry, rulebook, str(path))


# -- benefits -----------------------------------------------------------------------------------


def _check_benefit(
    data: dict[str, Any], registry: ClauseRegistry, rulebook: Rulebook, source: str, lines: _LineMap
) -> RulesReport:
    try:
        raw = schema.BenefitFile.model_validate(data)
    except ValidationError as exc:
        return RulesReport(source, "benefit", tuple(_schema_problems(exc, lines)))
    problems: list[RuleProblem] = []
    quotes = figures = 0
    for key, cite, quote in _cited_quotes(data, "", None):
        if not registry.has(cite):
            problems.append(RuleProblem("unknown_clause", f"{key}.cite", lines.line(key, "cite"), {"cite": cite}))
            continue
        quotes += 1
        if not _quoted_in(quote, registry.get(cite)):
            details = {"cite": cite, "quote": quote}
            problems.append(RuleProblem("quote_not_in_clause", f"{key}.quote", lines.line(key, "quote"), details))
    for key, cites, shown in _shown_figures(data):
        known = [c for c in cites if registry.has(c)]
        if len(known) < len(cites):
            continue  # the unknown clause is reported above
        clause_text = " ".join(registry.get(c).text for c in known)
        for figure in FIGURE.findall(shown):
            figures += 1
            if figure not in clause_text:
                found = {"figure": figure, "text": shown, "cite": tuple(cites)}
                problems.append(RuleProblem("figure_not_in_clause", key, lines.line(key), found))
    problems += _durations_unstated(data, lines)
    problems += _facts_unaskable(data, rulebook, lines)
    problems += _terms_read_apart(data, rulebook, lines)
    try:
        parts = parts_with(rulebook.parts(), registry, raw.document)
        compile_benefit(parts, raw, source, f"upload.{raw.name}", Path(source))
    except RulebookError as exc:
        reported = {(p.code, p.key) for p in problems}
        if (exc.code, exc.key) not in reported and not (exc.code == "unknown_clause" and problems):
            problems.append(RuleProblem(exc.code, exc.key, lines.line(exc.key), {**exc.details, "detail": exc.problem}))
    return RulesReport(source, "benefit", _by_line(problems), quotes, figures, raw.name)


def _durations_unstated(data: dict[str, Any], lines: _LineMap) -> list[RuleProblem]:
    """A duration the rule's condition quotes set (…并正常经营1年以上的) that none of its requirements states in the
    clause's words: a person would never see it as the clause writes it (巴中（六） said 1年（12个月）以上 until
    session 42)."""
    durations = _durations()
    quoted = [(key, quote) for key, _, quote in _cited_quotes(data, "", None) if _is_condition_key(key)]
    stated = " ".join(_requirements(data))
    problems: list[RuleProblem] = []
    seen: set[str] = set()
    for key, quote in quoted:
        for found in durations.finditer(quote):
            span = found.group(0)
            if span in stated or span in seen:
                continue
            seen.add(span)
            problems.append(
                RuleProblem(
                    "duration_not_in_rule", f"{key}.quote", lines.line(key, "quote"), {"span": span, "quote": quote}
                )
            )
    return problems


def _facts_unaskable(data: dict[str, Any], rulebook: Rulebook, lines: _LineMap) -> list[RuleProblem]:
    """A fact a condition reads that the interview can never ask (issue 11, session 43): a result would name it
    under 还需确认 and nobody could ever answer it. A fact is askable when it has a question and every premise the
    question presupposes (facts.yaml `after`, unless `after_only`) is askable in turn; a fact a condition reads but
    no question asks is reported once, where it is first read."""
    facts = rulebook.facts
    problems: list[RuleProblem] = []
    seen: set[str] = set()
    for key, fact in _condition_facts(data, ""):
        if fact in seen or fact not in facts.specs:
            continue  # an unknown fact is reported by the rulebook's own load
        seen.add(fact)
        blocked = _unaskable_premise(fact, facts.specs, ())
        if blocked is not None:
            details = {"fact": fact, "premise": blocked}
            problems.append(RuleProblem("fact_not_askable", f"{key}.fact", lines.line(key, "fact"), details))
    return problems


def _terms_read_apart(data: dict[str, Any], rulebook: Rulebook, lines: _LineMap) -> list[RuleProblem]:
    """A clause's status term (rules_check.yaml `terms`) that a condition quotes but the rule does not read through
    the term's shared definition (issue 11, session 44): two rules would decide the same words two ways."""
    used = {name for _, name in _condition_definitions(data, "")}
    jurisdiction = data.get("jurisdiction")
    problems: list[RuleProblem] = []
    for term, name in _terms().items():
        definition = rulebook.definitions.get(name)
        if definition is None or jurisdiction not in definition.sources or name in used:
            continue
        for key, _, quote in _cited_quotes(data, "", None):
            if _is_condition_key(key) and not key.startswith("sources") and term in quote:
                details = {"term": term, "definition": name, "quote": quote}
                problems.append(RuleProblem("term_read_apart", f"{key}.quote", lines.line(key, "quote"), details))
                break
    return problems


def _condition_definitions(node: Any, key: str) -> Iterator[tuple[str, str]]:
    """(key, name) of every `definition:` the rule's conditions read."""
    if isinstance(node, dict):
        if isinstance(node.get("definition"), str):
            yield key, node["definition"]
        for name, value in node.items():
            yield from _condition_definitions(value, f"{key}.{name}" if key else str(name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _condition_definitions(item, f"{key}[{index}]")


@cache
def _terms() -> dict[str, str]:
    """A clause's status term → the shared definition every rule reads it through (rules_check.yaml `terms`)."""
    words = yaml.safe_load(CHECK_WORDS.read_text(encoding="utf-8"))
    return {str(term): str(name) for term, name in words["terms"].items()}


def _unaskable_premise(fact: str, specs: Mapping[str, Any], chain: tuple[str, ...]) -> str | None:
    """The first fact on the way to asking `fact` that has no question (a premise it presupposes, or itself)."""
    spec = specs[fact]
    if not spec.is_askable or fact in chain:
        return fact
    for premise in spec.presupposes:
        blocked = _unaskable_premise(premise, specs, (*chain, fact))
        if blocked is not None:
            return blocked
    return None


def _condition_facts(node: Any, key: str) -> Iterator[tuple[str, str]]:
    """(key, fact) of every `fact:` the rule reads (conditions, employer conditions, tiers)."""
    if isinstance(node, dict):
        if isinstance(node.get("fact"), str):
            yield key, node["fact"]
        for name, value in node.items():
            yield from _condition_facts(value, f"{key}.{name}" if key else str(name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _condition_facts(item, f"{key}[{index}]")


@cache
def _durations() -> re.Pattern[str]:
    """A duration a clause sets as a condition (rules_check.yaml `durations`)."""
    words = yaml.safe_load(CHECK_WORDS.read_text(encoding="utf-8"))
    return re.compile(str(words["durations"]))


def _is_condition_key(key: str) -> bool:
    return key == "" or key.startswith(("conditions", "employer_conditions", "sources"))


def _requirements(node: Any) -> Iterator[str]:
    """Every `requirement:` and `open:` text of the rule, and its hiring terms: what a result shows as a condition."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name in {"requirement", "open"} and isinstance(value, str):
                yield value
            elif name == "hiring" and isinstance(value, list):
                yield from (term["text"] for term in value if isinstance(term, dict) and "text" in term)
            elif isinstance(value, dict | list):
                yield from _requirements(value)
    elif isinstance(node, list):
        for item in node:
            yield from _requirements(item)


def _quoted_in(quote: str, clause: ClauseText) -> bool:
    """The quote is verbatim in the clause as it is matched (simplified) or as its file writes it (a 繁体 page's
    `source_text`, offset for offset the same text): `make_citation` takes either."""
    written = getattr(clause, "source_text", None)
    return quote in clause.text or (isinstance(written, str) and quote in written)


def parts_with(parts: Parts, registry: ClauseRegistry, document_id: str) -> Parts:
    """The rulebook's parts, plus the document from the registry when it has no rules yet.

    A newly published document is not in documents.yaml: its jurisdiction, date and clause count
    are the registry's, and its slug (the prefix of its benefits' ids) is its whole id, so two
    documents of one place never share benefit ids.
    """
    if document_id in parts.documents or document_id not in registry.documents:
        return parts
    doc = registry.documents[document_id]
    clauses = registry.clauses_of(document_id)
    info = schema.DocumentInfo(
        jurisdiction=doc.jurisdiction,
        slug=document_id,
        short_name=doc.short_name,
        status="draft" if doc.is_draft else "official",
        signed=doc.signed,
        numbering="labels",
        clauses=max(1, len(clauses)),
        labels={clause.id: clause.label for clause in clauses},
        checked_on=doc.signed,
    )
    return Parts(parts.facts, {**parts.documents, document_id: info}, parts.windows, parts.definitions)


def _cited_quotes(node: Any, key: str, cite: str | None) -> Iterator[tuple[str, str, str]]:
    """(key, clause id, quote) for every quote of the file, with the cite it rests on: its own or
    the nearest parent's (a tier's quote is the amount's clause, a leaf may inherit its parent's)."""
    if isinstance(node, dict):
        own = node.get("cite") if isinstance(node.get("cite"), str) else cite
        if isinstance(node.get("quote"), str) and own is not None:
            yield key, own, node["quote"]
        for name, value in node.items():
            if isinstance(value, dict | list):
                yield from _cited_quotes(value, f"{key}.{name}".lstrip("."), own)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _cited_quotes(item, f"{key}[{index}]", cite)


def _shown_figures(data: dict[str, Any]) -> Iterator[tuple[str, list[str], str]]:
    """(key, cited clauses, text) for every text a user reads as a figure: the amount (text,
    otherwise, each tier), the hiring terms and the deadline, each with its own clause."""
    amount = data.get("amount")
    if isinstance(amount, dict):
        cites = [amount["cite"]]
        for name in ("text", "otherwise"):
            if isinstance(amount.get(name), str):
                yield f"amount.{name}", cites, amount[name]
        for index, tier in enumerate(amount.get("tiers") or ()):
            yield f"amount.tiers[{index}].text", cites, tier["text"]
    for index, term in enumerate(data.get("hiring") or ()):
        yield f"hiring[{index}].text", [term["cite"]], term["text"]
    deadline = data.get("deadline")
    if isinstance(deadline, dict):
        yield "deadline.text", [deadline["cite"]], deadline["text"]
    for index, term in enumerate(data.get("apply") or ()):
        yield f"apply[{index}].text", [term["cite"]], term["text"]


def _schema_problems(exc: ValidationError, lines: _LineMap) -> Iterator[RuleProblem]:
    seen: set[tuple[str, str]] = set()
    for error in exc.errors():
        key = key_path(tuple(error["loc"]))
        kind = error["type"]
        code = {"extra_forbidden": "unknown_key", "missing": "missing_key"}.get(kind, "invalid_value")
        if (code, key) in seen:
            continue
        seen.add((code, key))
        details: dict[str, Any] = {"detail": error["msg"]}
        if kind == "string_pattern_mismatch" and key.endswith("cite"):
            code = "bad_cite"
            details["value"] = error.get("input")
        elif kind == "literal_error":
            code = "not_an_option"
            details["expected"] = (error.get("ctx") or {}).get("expected", "")
        elif "full-width punctuation" in error["msg"]:
            code = "ascii_punctuation"
        yield RuleProblem(code, key, lines.line(key), details)


def _by_line(problems: list[RuleProblem]) -> tuple[RuleProblem, ...]:
    return tuple(sorted(problems, key=lambda p: p.line or 0))


# -- the documents file -------------------------------------------------------------------------


def _check_documents(data: dict[str, Any], registry: ClauseRegistry, source: str, lines: _LineMap) -> RulesReport:
    """Each document entry must be a document of the registry, with its place, status, date and
    clause count."""
    try:
        raw = schema.DocumentsFile.model_validate(data)
    except ValidationError as exc:
        return RulesReport(source, "documents", tuple(_schema_problems(exc, lines)))
    problems: list[RuleProblem] = []
    for document_id, info in raw.documents.items():
        key = f"documents.{document_id}"
        doc = registry.documents.get(document_id)
        if doc is None:
            problems.append(RuleProblem("unknown_document", key, lines.line(key), {"document": document_id}))
            continue
        expected: dict[str, Any] = {
            "jurisdiction": doc.jurisdiction,
            "status": "draft" if doc.is_draft else "official",
            "signed": doc.signed,
            "clauses": len(registry.clauses_of(document_id)),
        }
        for index, term in enumerate(info.apply):
            where = f"{key}.apply[{index}]"
            if not registry.has(term.cite):
                problems.append(
                    RuleProblem("unknown_clause", f"{where}.cite", lines.line(where, "cite"), {"cite": term.cite})
                )
            elif not _quoted_in(term.quote, registry.get(term.cite)):
                details = {"cite": term.cite, "quote": term.quote}
                problems.append(
                    RuleProblem("quote_not_in_clause", f"{where}.quote", lines.line(where, "quote"), details)
                )
        for name, value in expected.items():
            given = getattr(info, name)
            if given != value:
                details = {"document": document_id, "field": name, "given": given, "expected": value}
                where = f"{key}.{name}"
                problems.append(RuleProblem("document_disagrees", where, lines.line(where), details))
    return RulesReport(source, "documents", _by_line(problems), checked=len(raw.documents))


# -- line numbers -------------------------------------------------------------------------------


class _LineMap:
    """Key paths as the messages write them (`conditions.all[2].gtee`) → 1-based YAML lines."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.lines: dict[str, int] = {}
        if root is not None:
            self.lines["<root>"] = root.start_mark.line + 1
            self._walk(root, "")

    def _walk(self, node: yaml.Node, key: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                child = f"{key}.{key_node.value}".lstrip(".")
                self.lines.setdefault(child, key_node.start_mark.line + 1)
                self._walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                child = f"{key}[{index}]"
                self.lines.setdefault(child, item.start_mark.line + 1)
                self._walk(item, child)

    def line(self, key: str, leaf: str | None = None) -> int | None:
        """The line of `key` (or its `leaf` child), else of its nearest written parent."""
        path = f"{key}.{leaf}".lstrip(".") if leaf else key
        while path:
            if path in self.lines:
                return self.lines[path]
            path = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", path) if re.search(r"[.\[]", path) else ""
        return self.lines.get("<root>")
