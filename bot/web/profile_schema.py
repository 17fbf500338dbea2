"""The JSON Schema of a profile for `POST /api/check`, made from the facts registry, so the OpenAPI
schema states exactly what the checker accepts: every fact with its type, options and bounds, `null`
for 不清楚, no other key. Dates are stated by their form (YYYY-MM-DD); a date of that form that no
calendar has, or one later than its fact allows, cannot be stated in JSON Schema, so the checker
accepts the profile and sets that date aside with a warning (eligibility/profile.py `set_aside`)."""

from __future__ import annotations

from functools import cache
from typing import Any

from eligibility.facts import DATE_FORM, RECORDS_MAX, TEXT_FORM, TEXT_MAX_LENGTH, FactRegistry, FactSpec
from eligibility.profile import AS_OF


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _value(spec: FactSpec, facts: FactRegistry) -> dict[str, Any]:
    kind = spec.type
    if kind == "boolean":
        return {"type": "boolean"}
    if kind in {"integer", "number"}:
        bounds: dict[str, Any] = {"minimum": spec.minimum if spec.minimum is not None else 0}
        if spec.maximum is not None:
            bounds["maximum"] = spec.maximum
        return {"type": kind, **bounds}
    if kind == "date":
        return {"type": "string", "pattern": DATE_FORM}
    if kind == "enum":
        return {"type": "string", "enum": list(spec.enum_values)}
    if kind == "enum_list":
        return {"type": "array", "items": {"type": "string", "enum": list(spec.enum_values)}}
    if kind == "text":
        return {"type": "string", "minLength": 1, "maxLength": TEXT_MAX_LENGTH, "pattern": TEXT_FORM}
    if kind == "record_list":
        fields = {key: _nullable(_value(facts[fact], facts)) for key, fact in spec.fields.items()}
        record = {"type": "object", "properties": fields, "additionalProperties": False}
        return {"type": "array", "maxItems": RECORDS_MAX, "items": record}
    raise ValueError(f"fact {spec.name!r}: no JSON Schema for type {kind!r}")


def profile_schema(facts: FactRegistry) -> dict[str, Any]:
    properties = {AS_OF: _nullable({"type": "string", "pattern": DATE_FORM, "description": "查询日期（默认今天）"})}
    for spec in facts:
        properties[spec.name] = {**_nullable(_value(spec, facts)), "description": spec.label}
    return {"type": "object", "properties": properties, "additionalProperties": False}


@cache
def packaged_profile_schema() -> dict[str, Any]:
    """The schema of the packaged facts (facts.yaml; staff-added rules use the same facts)."""
    from eligibility.rulebook import default_rulebook

    return profile_schema(default_rulebook().facts)


# The 200 answer of POST /api/check: the check --json object (docs/eligibility.md) and `warnings`.
CHECK_RESPONSE: dict[str, Any] = {
    "description": "结果（docs/eligibility.md 的 check --json 对象）；warnings 列出没有计入的日期"
    "（不存在的日期，或晚于该项允许的日期），这些项会在 next_question 中再问",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["warnings"],
                "properties": {
                    "warnings": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["problem", "fact", "message_zh", "message_en"],
                            "properties": {
                                "problem": {
                                    "type": "string",
                                    "enum": ["impossible_date", "too_late", "impossible_as_of"],
                                },
                                "fact": {"type": "string"},
                                "message_zh": {"type": "string"},
                                "message_en": {"type": "string"},
                            },
                        },
                    }
                },
            }
        }
    },
}
