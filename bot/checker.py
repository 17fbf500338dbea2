"""The eligibility check as a service: the engine decides, the clause registry turns its clause ids
into the same citation objects `policybot ask` returns, and the presenter words reasons and the
disclaimer. Shared by the CLI, the web API and the dialogue; no I/O here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.present.prose import prose
from bot.present.results import reason_texts
from eligibility.engine import Engine
from eligibility.facts import FactRegistry
from eligibility.profile import Profile, parse_profile
from eligibility.results import CheckResult
from knowledge.citations import make_citation
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
        """The `check --json` contract (docs/eligibility.md): reasons worded, citations expanded."""
        data = result.model_dump(mode="json")
        documents = self.engine.rulebook.documents
        for benefit, model in zip(data["benefits"], result.benefits, strict=True):
            benefit["reasons"] = list(reason_texts(model, documents))
            benefit["citations"] = [self._citation(c.clause_id, c.quote) for c in model.citations]
        data["disclaimer"] = prose().results.disclaimer
        return data

    def _citation(self, clause_id: str, quote: str) -> dict[str, Any]:
        clause = self.registry.get(clause_id)
        return make_citation(clause, self.registry.document_of(clause), quote, None).model_dump()
