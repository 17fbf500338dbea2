"""A rules check worded: each problem in Chinese with its file, line and key (prose.yaml `rules_check`).

Shared by `policybot rules check` and the staff console's upload (`report_json`).
"""

from __future__ import annotations

import re
from typing import Any

from bot.present.prose import prose
from eligibility.rules_check import RuleProblem, RulesReport


def problem_message(problem: RuleProblem) -> str:
    """The problem in one Chinese sentence."""
    words = prose().rules_check
    template: str = getattr(
        words.problems, problem.code, getattr(prose().staff_rules.problems, problem.code, words.problems.invalid)
    )
    details = {key: _shown(value) for key, value in problem.details.items()}
    details.setdefault("detail", problem.code)
    details["field"] = re.split(r"[.\[]", problem.key)[-1].rstrip("]") or problem.key
    values = problem.details.get("values")
    details["values"] = words.values.format(values="、".join(values)) if values else ""
    return template.format(**details)


def problem_line(problem: RuleProblem, source: str) -> str:
    words = prose().rules_check
    message = problem_message(problem)
    if problem.line is not None:
        return words.at_line.format(source=source, line=problem.line, key=problem.key, message=message)
    return words.at_key.format(source=source, key=problem.key, message=message)


def report_lines(report: RulesReport) -> list[str]:
    words = prose().rules_check
    if report.ok and report.kind == "documents":
        return [words.passed_documents.format(source=report.source, count=report.checked)]
    if report.ok:
        return [words.passed.format(source=report.source, quotes=report.quotes, figures=report.figures)]
    head = words.failed.format(source=report.source, count=len(report.problems))
    return [head, *(f"  {problem_line(p, report.source)}" for p in report.problems)]


def report_json(report: RulesReport) -> dict[str, Any]:
    """The report as data for a client (the staff console's upload): every problem worded."""
    return {
        "source": report.source,
        "kind": report.kind,
        "name": report.name,
        "ok": report.ok,
        "quotes": report.quotes,
        "figures": report.figures,
        "checked": report.checked,
        "problems": [
            {"code": p.code, "key": p.key, "line": p.line, "message_zh": problem_message(p)} for p in report.problems
        ],
    }


def _shown(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return "、".join(str(v) for v in value)
    return value
