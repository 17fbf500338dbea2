"""The eligibility check as a service: the engine decides, the clause registry turns its clause ids
into the same citation objects `policybot ask` returns. Shared by the CLI, the web API and the
dialogue; no I/O here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from eligibility.engine import Engine
from eligibility.facts import FactRegistry
from eligibility.profile import Profile, parse_profile
from eligibility.results import CheckResult
from knowledge.citations import format_reference, make_citation
from knowledge.registry import Registry


@dataclass(frozen=True)
class Checker:
    """The engine plus the registry that expands its clause ids into citation objects."""

    engine: Engine
    registry: Registry

    @property
    def facts(self) -> FactRegistry:
        return self.engine.rulebook.facts

    def profile(self, raw: Any, today: date) -> Profile:
        return parse_profile(raw, self.facts, today)

    def check(self, raw: Any, today: date) -> dict[str, Any]:
        """One raw profile (a JSON object) → the `check --json` result object."""
        return self.to_json(self.engine.check(self.profile(raw, today)))

    def to_json(self, result: CheckResult) -> dict[str, Any]:
        data = result.model_dump(mode="json")
        for benefit, model in zip(data["benefits"], result.benefits, strict=True):
            benefit["citations"] = [self._citation(c.clause_id, c.quote) for c in model.citations]
        return data

    def _citation(self, clause_id: str, quote: str) -> dict[str, Any]:
        clause = self.registry.get(clause_id)
        return make_citation(clause, self.registry.document_of(clause), quote, None).model_dump()

    def reference(self, clause_id: str, quote: str) -> str:
        """《标题》（文号，发文机关，日期）第（七）条 — as `policybot ask` prints it."""
        clause = self.registry.get(clause_id)
        document = self.registry.document_of(clause)
        return format_reference(make_citation(clause, document, quote, None), document.document_number)
