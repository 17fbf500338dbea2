"""Rules staff add for a published document that has no packaged rules (issue 13).

They arrive as the same YAML a benefit file holds, are checked by `rules_check` before they are
stored (every quote verbatim in its clause, every figure in its clause), and join the packaged
rulebook here whenever a process builds its product on the published documents: the document is
then one with rules, no longer listed as 条件尚未整理成规则. Loading is as strict as for packaged
files: a stored file that no longer compiles stops the build, and a running server keeps the
product it had (bot/live.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from eligibility import schema
from eligibility.errors import RulebookError
from eligibility.loading import model_error
from eligibility.rulebook import Rulebook, compile_benefit
from eligibility.rules_check import ClauseRegistry, parts_with


@dataclass(frozen=True, slots=True)
class AddedRules:
    """One benefit's YAML for a document; `name` makes the benefit id (`<document>.<name>`)."""

    document_id: str
    name: str
    text: str

    @property
    def source(self) -> str:
        return f"{self.document_id}/{self.name}.yaml"


def rulebook_with(rulebook: Rulebook, registry: ClauseRegistry, added: Sequence[AddedRules]) -> Rulebook:
    """The rulebook with the added benefits of the documents the registry holds (the published
    ones); the same rulebook when there are none. Rules of documents not published are left out."""
    usable = [rules for rules in added if rules.document_id in registry.documents]
    if not usable:
        return rulebook
    parts = rulebook.parts()
    benefits = dict(rulebook.benefits)
    for rules in sorted(usable, key=lambda r: (r.document_id, r.name)):
        if rules.document_id in rulebook.documents:
            raise RulebookError(rules.source, "document", "a document with packaged rules", "packaged_rules")
        parts = parts_with(parts, registry, rules.document_id)
        raw = _benefit_file(rules)
        if raw.document != rules.document_id:
            raise RulebookError(rules.source, "document", f"a rule of {raw.document}", "other_document")
        benefit_id = f"{parts.documents[rules.document_id].slug}.{rules.name}"
        benefits[benefit_id] = compile_benefit(parts, raw, rules.source, benefit_id, Path(rules.source))
    return dataclasses.replace(rulebook, documents=parts.documents, benefits=benefits)


def _benefit_file(rules: AddedRules) -> schema.BenefitFile:
    try:
        data = yaml.safe_load(rules.text)
    except yaml.YAMLError as exc:
        raise RulebookError(rules.source, "<yaml>", f"not valid YAML: {exc}") from exc
    try:
        return schema.BenefitFile.model_validate(data)
    except ValidationError as exc:
        raise model_error(rules.source, exc) from exc
