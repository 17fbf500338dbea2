"""Fixed prose as data (prose.yaml): loaded once, frozen, strict.

Each section lists the {fields} its templates may use; any other placeholder, and any unknown or
missing key, stops the program at load with the file and the key, instead of reaching a user as
a half-formatted sentence.
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator, model_validator

PROSE_PATH = Path(__file__).with_name("prose.yaml")
# libyaml's loader when PyYAML was built with it: `policybot ask` pays ~2 ms instead of ~20 ms.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ProseError(Exception):
    """prose.yaml is malformed; the message names the file and the key."""


class Section(BaseModel):
    """A group of texts. `placeholders` names the fields a template may use; others use none."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    placeholders: ClassVar[dict[str, tuple[str, ...]]] = {}

    @field_validator("*", mode="after")
    @classmethod
    def _uses_known_fields(cls, value: object, info: ValidationInfo) -> object:
        if not isinstance(value, str):
            return value
        allowed = set(cls.placeholders.get(str(info.field_name), ()))
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as exc:
            raise ValueError(f"not a valid template: {exc}") from None
        if used - allowed:
            may = ", ".join(sorted(allowed)) or "no placeholders"
            raise ValueError(f"unknown placeholder(s) {sorted(used - allowed)}; this text may use {may}")
        return value


class MissingWords(Section):
    placeholders = {"asked": ("name",), "rule": ("name",)}
    asked: str
    rule: str


class MissingProse(Section):
    figure: MissingWords
    procedure: MissingWords
    procedure_joint: str
    use: MissingWords
    detail: MissingWords
    standard: MissingWords
    definition: MissingWords
    for_regions: MissingWords


class DirectProse(Section):
    """The first line of an answer, built from the asked measures' own names and figures."""

    placeholders = {
        "source": ("jurisdiction", "year", "draft", "replaced"),
        "figure": ("source", "name", "side", "amounts"),
        "raised": ("tier",),
        "figure_for_group": ("source", "name", "side", "group", "amounts"),
        "no_figure": ("source", "name", "side", "asked"),
        "benefit_unstated": ("source", "benefit", "asked"),
        "by_group": ("source", "name", "side", "asked"),
        "source_said": ("source",),
        "grade_unstated": ("source", "name", "side", "stated"),
        "listed": ("source",),
        "item": ("name", "side", "amounts", "details"),
        "item_details": ("details",),
        "item_bare": ("name", "side"),
        "measure": ("source", "name", "side", "amounts"),
        "measure_details": ("source", "name", "side"),
        "measure_bare": ("source", "name", "side"),
        "measure_grant": ("source", "name", "side", "grant"),
        "measure_ended": ("source", "name", "side"),
        "measure_stopped": ("source", "name", "side"),
        "targets": ("targets",),
        "conditions": ("conditions",),
        "conditions_open": ("said",),
        "misfit": ("according", "name", "requirement"),
        "according": ("said",),
        "condition": ("source", "name", "side", "conditions"),
        "condition_grant": ("source", "name", "side", "conditions", "amounts"),
        "same_document": ("label",),
        "department": ("source", "label", "parts"),
        "status_draft": ("jurisdiction", "title", "made"),
        "status_measure": ("name", "figures"),
        "definition": ("source", "label", "term", "meaning"),
        "procedure": ("source", "label", "said"),
        "status_figures": ("amount",),
        "status_official": ("jurisdiction", "title", "made"),
        "in_force_until": ("until", "today"),
        "expired_on": ("until", "today"),
        "not_yet_in_force": ("effective", "today"),
        "in_force_since": ("effective",),
        "lead": ("names",),
        "responsible": ("names",),
        "elsewhere": ("regions", "asked", "questions"),
        "elsewhere_question": ("jurisdiction", "name"),
    }
    source: str
    draft: str
    superseded: str
    expired: str
    figure: str
    raised: str
    figure_for_group: str
    no_figure: str
    benefit_unstated: str
    by_group: str
    source_said: str
    grade_unstated: str
    listed: str
    item: str
    item_details: str
    item_bare: str
    measure: str
    measure_details: str
    measure_bare: str
    measure_grant: str
    measure_ended: str
    measure_stopped: str
    targets: str
    conditions: str
    conditions_open: str
    misfit: str
    according: str
    condition: str
    condition_grant: str
    unstated: str
    based_on: str
    same_document: str
    gap: str
    sides: dict[str, str]
    sides_when_two_asked: dict[str, str]
    none_paid_to: dict[str, str]
    paid_to_others: dict[str, str]
    department: str
    definition: str
    procedure: str
    status_draft: str
    status_measure: str
    status_figures: str
    status_official: str
    status_advice: str
    in_force_until: str
    expired_on: str
    not_yet_in_force: str
    in_force_since: str
    status_advice_dated: str
    lead: str
    responsible: str
    elsewhere: str
    elsewhere_question: str
    elsewhere_joint: str
    here: str


class AnswerProse(Section):
    placeholders = {
        "partial": ("asked",),
        "partial_unquoted": ("asked",),
        "partial_rule": ("rule", "hotline"),
        "offices_rule": ("rule", "source", "label", "role", "offices"),
        "no_answer": ("scope",),
        "region_not_covered": ("place",),
        "region_within": ("place", "within"),
        "region_issuer": ("place", "issuer"),
        "measure_absent": ("scope", "name"),
        "group_unnamed": ("scope", "name", "group"),
        "measure_elsewhere": ("where", "name", "scope"),
        "measure_topic": ("scope", "name"),
        "covered": ("documents",),
        "covered_document": ("jurisdiction", "year", "draft"),
        "told_stated": ("place",),
        "told_absent": ("place",),
        "told_elsewhere": ("place",),
    }
    found: str
    # Walk47 (C15, A21): a sum the question tells, said first — stated by the answer below, stated by no clause of
    # the place's documents, or stated there but not by the measure answered.
    told_stated: str
    told_absent: str
    told_elsewhere: str
    disclaimer: str
    hotline: str
    partial: str
    partial_unquoted: str
    partial_rule: str
    offices_rule: str
    offices_roles: dict[str, str]
    no_answer: str
    every_region: str
    region_not_covered: str
    region_within: str
    region_issuer: str
    measure_topic: str
    measure_absent: str
    group_unnamed: str
    measure_elsewhere: str
    covered: str
    covered_document: str
    covered_draft: str
    missing: MissingProse
    # What a figure asked is, by the kind of amount the question names (knowledge/data/intents.yaml
    # `units`): 多大年龄 asks an age, 多久 a length; money and an unnamed kind read 具体金额或标准.
    figure_asked: dict[str, str]
    direct: DirectProse
    # Session 37: the templates said to the one who asks (dotted keys, direct.listed); the others speak of the
    # one the answer is about (`of_relative`).
    to_speaker: tuple[str, ...]

    def figure_words(self, unit: str | None) -> str:
        return self.figure_asked.get(unit or "money", self.figure_asked["money"])

    @model_validator(mode="after")
    def _to_speaker_known(self) -> AnswerProse:
        for key in self.to_speaker:
            node: object = self
            for part in key.split("."):
                node = getattr(node, part, None)
            if not isinstance(node, str):
                raise ValueError(f"answers.to_speaker: {key!r} is no template of answers")
        return self

    def of_relative(self, whom: str) -> AnswerProse:
        """These templates in a relative's check (session 37, walk36 W36): each not said to the speaker names the
        one checked where it says 您 (您目前不符合 → 您父亲目前不符合); 您家 is the speaker's household too."""
        renamed: AnswerProse = _renamed(self, whom, "", frozenset(self.to_speaker))
        return renamed


class NoticeProse(Section):
    placeholders = {
        "draft_document": ("title",),
        "expired_measure": ("where", "text", "valid_to"),
        "expired_document": ("title",),
        "in_clause": ("jurisdiction", "label"),
        "in_section": ("jurisdiction", "numeral"),
        "region_fallback": ("place", "covered"),
    }
    draft_document: str
    expired_document: str
    expired_measure: str
    in_clause: str
    in_section: str
    region_fallback: str


class CitationProse(Section):
    placeholders = {"in_clause": ("document", "numeral"), "in_section": ("document", "numeral")}
    in_clause: str
    in_section: str
    draft: str


class ResultProse(Section):
    placeholders = {"reason": ("reason", "clause")}
    disclaimer: str
    reason: str


class CheckSections(Section):
    eligible_applicant: str
    possible_applicant: str
    eligible_other: str
    possible_other: str
    expired: str


class CheckProse(Section):
    placeholders = {"basis": ("reference",), "ineligible": ("count",), "conditions": ("conditions",)}
    banner: str
    sections: CheckSections
    basis: str
    conditions: str
    draft: str
    ineligible: str
    none_of_these: str
    unknown: str
    unknown_by_enter: str
    several: str
    input_ended: str
    quit: str


class ChatProse(Section):
    banner: str


class ButtonProse(Section):
    placeholders = {"clause": ("clause",)}
    check: str
    sources: str
    profile: str
    reset: str
    forget: str
    more: str
    clause: str
    resume: str


class DialogueResultProse(Section):
    placeholders = {
        "title": ("message",),
        "count": ("title", "count"),
        "basis": ("clauses",),
        "amount": ("amount",),
        "to_confirm": ("facts",),
        "reason": ("reason",),
        "valid_to": ("date",),
        "ineligible": ("count",),
        "expired": ("count", "names"),
    }
    title: str
    draft: str
    count: str
    eligible: str
    possible: str
    other: str
    near_miss: str
    basis: str
    amount: str
    to_confirm: str
    maybe: str
    reason: str
    valid_to: str
    nothing: str
    ineligible: str
    expired: str
    correct: str
    no_reasons: str
    reasons_title: str
    near_title: str
    units_title: str
    units_title_owner: str


class ClauseProse(Section):
    draft: str
    retired: str


class SourcesProse(Section):
    placeholders = {"document": ("number", "title", "issuer", "signed", "draft")}
    title: str
    document: str
    draft: str
    hint: str


class QuestionProse(Section):
    placeholders = {"hint": ("hint",), "recorded": ("answer",)}
    submit: str
    none: str
    several: str
    number: str
    date: str
    place: str
    hint: str
    recorded: str


class FactProse(Section):
    placeholders = {
        "line": ("label", "value"),
        "by_policy": ("jurisdiction",),
        "covers_inside": ("covered",),
    }
    unknown: str
    yes: str
    no: str
    none_of_these: str
    none_fit: str
    line: str
    by_policy: str
    covers_inside: str
    not_covered: str
    past_working_age: str


class ConfirmProse(Section):
    understood: str
    change: str
    ask: str
    # Session 31: the card once the check is done — 对 checks again with the change, nothing is "continued".
    ask_checked: str
    accept: str
    fix: str
    drop: str
    kept: str
    dropped: str
    already_kept: str


class ProfileProse(Section):
    placeholders = {"hire": ("number",)}
    empty: str
    title: str
    waiting: str
    footer: str
    owner: str
    unit: str
    hire: str


class DialogueNotices(Section):
    placeholders = {
        "no_such_command": ("command",),
        "too_long": ("length", "limit"),
        "cannot_record": ("message",),
        "hire_not_judged": ("labels",),
        "another_person": ("named", "subject"),
        "confirm_first_other": ("place",),
    }
    stale_button: str
    confirm_first: str
    confirm_first_sum: str
    confirm_first_other: str
    nothing_to_confirm: str
    say_what_is_wrong: str
    correction_unread: str
    no_such_clause: str
    thanks: str
    reset: str
    no_such_command: str
    forgotten: str
    text_only: str
    too_long: str
    forwarded: str
    pasted_official: str
    calm: str
    not_understood_confirm: str
    not_understood_answer: str
    hire_not_judged: str
    yes_to_which: str
    signs_only_question: str
    signs_only: str
    not_understood: str
    already_answered: str
    cannot_record: str
    latin_read: str
    another_person: str


class DialogueProse(Section):
    placeholders = {"welcome": ("covered", "commands")}
    welcome: str
    commands: str
    buttons: ButtonProse
    results: DialogueResultProse
    clause: ClauseProse
    sources: SourcesProse
    questions: QuestionProse
    facts: FactProse
    confirm: ConfirmProse
    profile: ProfileProse
    notices: DialogueNotices


class TelegramCommands(Section):
    """The command menu's descriptions, in menu order (the commands the dialogue core knows)."""

    start: str
    help: str
    check: str
    profile: str
    reset: str
    forget: str
    sources: str


class TelegramProse(Section):
    commands: TelegramCommands
    sorry: str


class RegionProse(Section):
    placeholders = {
        "unknown": ("covered",),
        "unrecognised": ("covered",),
        "not_covered": ("place", "covered"),
        "partly_covered": ("place", "candidates", "covered"),
        "covered": ("jurisdiction", "place"),
        "household": ("place", "jurisdiction"),
    }
    missing: str
    unknown: str
    unrecognised: str
    not_covered: str
    partly_covered: str
    covered: str
    household: str


class BeneficiaryProse(Section):
    applicant: str
    employer: str
    service_provider: str
    others: str


class RequirementProse(Section):
    placeholders = {
        "boolean": ("phrase",),
        "equals": ("label", "option"),
        "one_of": ("label", "options"),
        "none_of": ("label", "options"),
        "any_of": ("label", "options"),
        "not_received": ("options",),
        "received_unsaid": ("options",),
        "had_it": ("options",),
        "at_least": ("label", "number", "unit"),
        "more_than": ("label", "number", "unit"),
        "at_most": ("label", "number", "unit"),
        "less_than": ("label", "number", "unit"),
        "within_years": ("label", "count"),
        "within_months": ("label", "count"),
        "same_calendar_year": ("label",),
        "same_school_year": ("label",),
        "on_or_after": ("label", "date"),
        "started_on_or_after": ("label", "date"),
    }
    boolean: str
    equals: str
    one_of: str
    none_of: str
    any_of: str
    not_received: str
    received_unsaid: str
    had_it: str
    options_or: str
    at_least: str
    more_than: str
    at_most: str
    less_than: str
    within_years: str
    within_months: str
    same_calendar_year: str
    same_school_year: str
    on_or_after: str
    started_on_or_after: str


class StatedProse(Section):
    placeholders = {
        "unknown": ("label",),
        "boolean": ("phrase",),
        "value": ("label", "value"),
        "of_hire": ("label", "value"),
    }
    unknown: str
    boolean: str
    value: str
    of_hire: str


class ReasonProse(Section):
    placeholders = {
        "failed": ("requirement", "stated"),
        "unsure": ("requirement", "facts"),
        "unconfirmed": ("requirement",),
        "expired": ("window", "valid_to", "as_of"),
        "not_yet_in_force": ("valid_from", "as_of"),
    }
    failed: str
    unsure: str
    unconfirmed: str
    expired: str
    not_yet_in_force: str


class TypeNames(Section):
    boolean: str
    integer: str
    number: str
    date: str
    enum: str
    enum_list: str
    text: str


class ProfileErrorProse(Section):
    placeholders = {
        "named_fact": ("name", "label"),
        "wrong_type": ("fact", "expected", "shown"),
        "negative": ("fact", "value"),
        "below_minimum": ("fact", "limit", "value"),
        "above_maximum": ("fact", "limit", "value"),
        "too_late": ("fact", "limit", "latest", "value"),
        "days_after": ("days",),
        "unknown_option": ("fact", "raw", "allowed"),
        "bad_text": ("fact", "limit"),
        "bad_as_of": ("raw",),
        "unknown_fact": ("name",),
        "unknown_fact_close": ("name", "close"),
        "one_option_only": ("label",),
        "not_an_option": ("tick",),
        "not_json": ("line", "column"),
        "unreadable": ("path",),
        "invalid_profile": ("message",),
    }
    named_fact: str
    type_names: TypeNames
    wrong_type: str
    negative: str
    below_minimum: str
    above_maximum: str
    too_late: str
    on_the_day: str
    days_after: str
    unknown_option: str
    bad_text: str
    bad_as_of: str
    not_an_object: str
    unknown_fact: str
    unknown_fact_close: str
    one_option_only: str
    not_an_option: str
    not_json: str
    unreadable: str
    type_a_number: str
    pick_one: str
    invalid_profile: str


class EligibilityProse(Section):
    """What `eligibility` returns as codes and data, worded: the check's line, who may claim,
    the draft note, tiered amounts, requirements phrased from comparisons, answers and reasons."""

    placeholders = {"amount_tiers": ("label", "tiers")}
    region: RegionProse
    household_tag: str
    work_tag: str
    business_tag: str
    beneficiaries: BeneficiaryProse
    draft_note: str
    amount_tiers: str
    requirements: RequirementProse
    stated: StatedProse
    reasons: ReasonProse
    profile_errors: ProfileErrorProse


class FollowupProse(Section):
    placeholders = {
        "read_as": ("question",),
        "read_as_measure": ("place", "subject"),
        "read_as_place": ("place", "subject"),
        "no_such_citation": ("shown",),
        "not_stated": ("asked",),
        "counts_unstated": ("name",),
        "no_more_conditions": ("targets", "name"),
        "no_conditions": ("name",),
    }
    read_as: str
    read_as_measure: str
    read_as_place: str
    no_such_citation: str
    nothing_more: str
    said_above: str
    not_stated: str
    # Session 31: 看大门那种算不算 right after a measure: whether a kind of work or case counts as it.
    counts_unstated: str
    clauses_above: str
    no_more_conditions: str
    no_conditions: str


class DialogueReadingProse(Section):
    """Messages read as a whole: instructions to the bot, openers, a bare yes, a document's article."""

    placeholders = {"no_such_article": ("document", "number", "count"), "which_item": ("items",)}
    declined: str
    listening: str
    # Session 38 (walk37 C1/C2): 我能拿到啥补贴 给我算算 while the check asks its questions: what the check will answer.
    check_underway: str
    # Session 42 (ans45): 我这岁数还有啥补贴能领, which no clause answers — the person's own case, the check's.
    own_case: str
    noted: str
    no_such_article: str
    cannot_make: str
    cannot_act: str
    # 帮我投诉老板, 去哪里投诉: where a grievance is lodged.
    cannot_take_up: str
    # http://t.cn/… 这个呢: a link pointed at, nothing else named — the bot opens no links.
    link_unread: str
    about_bot: str
    cannot_reach: str
    number_not_kept: str
    off_topic: str
    genuine_asked: str
    results_unchanged: str
    # Session 42: 那这个要什么条件 after a list of several measures: which one is meant, asked back.
    which_item: str


class EligibilityStatedProse(Section):
    placeholders = {"itself": ("option",), "bare": ("option", "label"), "answered": ("label", "option")}
    itself: str
    bare: str
    answered: str
    # `fact.value` → the person's situation said plainly, for an option that is only a negation.
    plain: dict[str, str]
    negations: tuple[str, ...]


class StaffExportProse(Section):
    columns: tuple[str, ...]
    # The staff queue's export (/staff/export/queue.csv): one row per question in the queue.
    queue_columns: tuple[str, ...]


class ConversationCareProse(Section):
    """The web transcript's stale buttons and feedback on answers (web and Telegram), and the
    terminal's compact 可多选 question."""

    placeholders = {
        "ticked_now": ("ticked",),
        "tick_hint": ("done",),
        "several_hint": ("done",),
        "numbers_out_of_range": ("last",),
    }
    stale_button: str
    feedback_thanks: str
    report_thanks: str
    feedback_unknown: str
    feedback_up: str
    feedback_down: str
    feedback_report: str
    report_prompt: str
    ticked_now: str
    ticked_none: str
    tick_hint: str
    several_hint: str
    numbers_out_of_range: str


class AdviceSections(Section):
    if_hired: str
    not_yet_in_force: str


class CheckAdviceProse(Section):
    """Issue 11's words: who claims a unit's benefit, what to confirm, how old the document is,
    where to apply."""

    placeholders = {
        "to_confirm": ("office", "requirement"),
        "hiring": ("terms",),
        "others": ("whose",),
        "document": ("name", "year", "draft"),
        "stale": ("year", "years"),
        "not_yet_in_force": ("signed",),
        "departments": ("departments",),
        "deadline": ("deadline",),
        "units_failed_count": ("count",),
        "units_failed_count_terminal": ("count",),
        "eligible_from": ("date",),
        "opens_with": ("actions",),
        "opens_with_possible": ("actions",),
        "opens_with_then": ("actions",),
    }
    to_confirm: str
    confirm_office: str
    confirm_joiner: str
    if_hired: str
    employer_only: str
    others: str
    hiring: str
    document: str
    draft: str
    stale: str
    not_yet_in_force: str
    departments: str
    deadline: str
    hotline: str
    default_department: str
    sections: AdviceSections
    units_failed_count: str
    units_failed_count_terminal: str
    if_hired_count: str
    eligible_from: str
    opens_with: str
    opens_with_possible: str
    opens_with_then: str
    actions_joiner: str
    near_miss_section: str


class IntakeProse(Section):
    """Why an upload was refused, one text per knowledge.intake IntakeError code."""

    placeholders = {
        "too_large": ("limit",),
        "unknown_place": ("place",),
        "malformed_json": ("line",),
        "upload_hint": ("kinds",),
        "unsupported_type": ("kinds",),
    }
    kinds: str
    upload_label: str
    upload_hint: str
    empty: str
    too_large: str
    unsupported_type: str
    image: str
    archive_bomb: str
    pdf_without_text: str
    pdf_unsupported: str
    damaged: str
    undecodable: str
    malformed_json: str
    legacy_excel: str
    encrypted_workbook: str
    encrypted_document: str
    corrupt_workbook: str
    no_table: str
    not_records: str
    not_a_policy: str
    unknown_place: str
    nothing_saved: str


class DocumentStates(Section):
    draft_review: str
    published: str
    retired: str


class DocumentStatuses(Section):
    official: str
    draft: str


class DocumentFields(Section):
    id: str
    title: str
    issuer: str
    document_number: str
    jurisdiction: str
    signed: str
    effective: str
    valid_until: str
    status: str
    state: str
    clauses: str
    files: str
    quality: str
    repeals: str


class DocumentErrors(Section):
    """One text per bot.library.LibraryError code."""

    placeholders = {
        "unknown_document": ("id",),
        "already_published": ("id",),
        "already_retired": ("id",),
        "last_document": ("id",),
        "supersedes_itself": ("id",),
        "duplicate_id": ("id",),
        "duplicate_file": ("file",),
        "unknown_place": ("file",),
        "intake": ("file", "reason"),
        "unparsable": ("file", "detail"),
        "no_clauses": ("file",),
        "missing_metadata": ("file", "fields", "id"),
        "no_place": ("file", "id"),
        "does_not_build": ("detail",),
        "unreadable": ("file", "detail"),
        "not_found": ("file",),
    }
    unknown_document: str
    already_published: str
    already_retired: str
    last_document: str
    supersedes_itself: str
    duplicate_id: str
    duplicate_file: str
    unknown_place: str
    intake: str
    unparsable: str
    no_clauses: str
    missing_metadata: str
    no_place: str
    does_not_build: str
    unreadable: str
    not_found: str
    retire_needs_publish: str


class RepealProse(Section):
    """What a new document says it repeals (…同时废止), before and after publishing it."""

    placeholders = {
        "named": ("reference", "id", "title"),
        "not_found": ("reference",),
        "cli_hint": ("id",),
        "retired": ("old", "title", "id"),
        "reference_full": ("title", "number"),
        "reference_title": ("title",),
    }
    named: str
    not_found: str
    cli_hint: str
    console_hint: str
    retired: str
    earlier_rules_yield: str
    button: str
    reference_full: str
    reference_title: str


class DocumentsProse(Section):
    """Issue 13's words: the superseded notice, `policybot documents` and the console's documents."""

    placeholders = {
        "superseded_document": ("title", "newer"),
        "superseded_unnamed": ("title",),
        "added": ("file", "id", "title", "clauses", "state"),
        "published": ("id", "title"),
        "retired": ("id", "title"),
        "superseded_by": ("id",),
        "problems": ("problems",),
        "review_hint": ("id",),
        "held": ("reason",),
        "not_added": ("reason",),
        "held_alone": ("reason",),
        "not_added_alone": ("reason",),
        "batch_summary": ("total", "added", "refused"),
    }
    superseded_document: str
    superseded_unnamed: str
    states: DocumentStates
    statuses: DocumentStatuses
    added: str
    published: str
    retired: str
    superseded_by: str
    problems: str
    review_hint: str
    held: str
    not_added: str
    held_alone: str
    not_added_alone: str
    batch_summary: str
    no_documents: str
    unknown_date: str
    fields: DocumentFields
    errors: DocumentErrors
    nothing_changed: str
    repeals: RepealProse


class RulesProblemProse(Section):
    """One message per problem code of `eligibility.rules_check` (and the rulebook's load errors)."""

    placeholders = {
        "yaml_syntax": ("detail",),
        "unreadable": ("detail",),
        "unknown_key": ("field",),
        "missing_key": ("field",),
        "invalid_value": ("field", "detail"),
        "bad_cite": ("value",),
        "not_an_option": ("field", "expected"),
        "unknown_clause": ("cite",),
        "clause_of_other_document": ("cite", "document"),
        "quote_not_in_clause": ("cite", "quote"),
        "figure_not_in_clause": ("figure", "cite", "text"),
        "duration_not_in_rule": ("span", "quote"),
        "fact_not_askable": ("fact", "premise"),
        "term_read_apart": ("term", "definition", "quote"),
        "unknown_fact": ("fact",),
        "bad_comparison": ("fact", "comparison", "values"),
        "unknown_definition": ("name",),
        "definition_not_here": ("name", "jurisdiction"),
        "unknown_document": ("document",),
        "wrong_jurisdiction": ("document", "expected", "given"),
        "bad_tiers": ("fact",),
        "unknown_window": ("name",),
        "document_disagrees": ("document", "field", "given", "expected"),
        "invalid": ("detail",),
    }
    yaml_syntax: str
    not_a_mapping: str
    unreadable: str
    unknown_key: str
    missing_key: str
    invalid_value: str
    bad_cite: str
    not_an_option: str
    ascii_punctuation: str
    unknown_clause: str
    clause_of_other_document: str
    quote_not_in_clause: str
    figure_not_in_clause: str
    duration_not_in_rule: str
    fact_not_askable: str
    term_read_apart: str
    missing_quote: str
    missing_cite: str
    unknown_fact: str
    bad_comparison: str
    unknown_definition: str
    definition_not_here: str
    unknown_document: str
    wrong_jurisdiction: str
    bad_tiers: str
    unknown_window: str
    document_disagrees: str
    invalid: str


class RulesCheckProse(Section):
    """`policybot rules check` and the documents that have no rules yet (issue 13)."""

    placeholders = {
        "passed": ("source", "quotes", "figures"),
        "passed_documents": ("source", "count"),
        "failed": ("source", "count"),
        "at_line": ("source", "line", "key", "message"),
        "at_key": ("source", "key", "message"),
        "values": ("values",),
        "pending_line": ("title", "year"),
        "pending_only": ("place",),
    }
    passed: str
    passed_documents: str
    failed: str
    at_line: str
    at_key: str
    problems: RulesProblemProse
    values: str
    pending_title: str
    pending: str
    pending_line: str
    pending_only: str


class RecordsProse(Section):
    """A fact kept as a list of records (certificates), worded."""

    placeholders = {"per_record": ("tiers",), "bad_records": ("fact", "limit", "keys"), "how": ("how", "clause")}
    per_record: str
    field_separator: str
    record_separator: str
    none: str
    unknown_field: str
    type_name: str
    bad_records: str
    how: str


class AsEmployerProse(Section):
    """An employer's subsidy for hiring, for a person whose business is hiring (`as_employer`)."""

    placeholders = {"hiring": ("terms",), "hires": ("numbers",)}
    label: str
    section: str
    chat_title: str
    chat_line: str
    hiring: str
    hired: str
    # A measure for units as such (稳岗补贴): no hire, so no 招用 in its lines (session 13).
    unit_label: str
    unit_chat_line: str
    hires: str


class StaffRulesProblems(Section):
    """Problems of a rules upload on one document's review page (beside rules_check.problems)."""

    placeholders = {"other_document": ("document", "expected")}
    not_utf8: str
    not_a_benefit: str
    other_document: str


class StaffRulesErrors(Section):
    placeholders = {"packaged_rules": ("id",)}
    packaged_rules: str


class StaffRulesProse(Section):
    """Rules uploaded in the console for a document without packaged rules (issue 13)."""

    placeholders = {"stored": ("count", "names"), "stored_live": ("count", "names")}
    title: str
    intro: str
    packaged: str
    none: str
    upload_label: str
    upload_button: str
    columns: tuple[str, ...]
    refused: str
    empty: str
    too_large: str
    stored: str
    stored_live: str
    problems: StaffRulesProblems
    errors: StaffRulesErrors


class ClauseNameProse(Section):
    placeholders = {"by_label": ("place", "label")}
    by_label: str


class DocumentEditErrors(Section):
    placeholders = {
        "edit_published": ("id",),
        "unknown_place_name": ("place",),
        "bad_date": ("field", "value"),
        "empty_field": ("field",),
        "too_long": ("field", "limit"),
        "dates_out_of_order": ("signed", "until"),
        "bad_metadata": ("detail",),
    }
    edit_published: str
    unknown_place_name: str
    bad_date: str
    empty_field: str
    too_long: str
    dates_out_of_order: str
    bad_metadata: str


class DocumentEditProse(Section):
    """Staff correct a document's extracted metadata (issue 13)."""

    placeholders = {"edited": ("id", "fields"), "place_differs": ("place", "named")}
    title: str
    intro: str
    button: str
    draft_label: str
    official: str
    draft: str
    edited: str
    unchanged: str
    place_differs: str
    errors: DocumentEditErrors


class ComputationWhom(Section):
    """A sum of one kind (tax, pension…): what it is called, and whom to ask to work it out."""

    what: str
    ask: str


class DeclinedProse(Section):
    """`computation`: a sum asked to be worked out for the person; `computation_of`, by instructions.yaml
    `computation_subjects`' key, what it is and whom to ask (`computation_other` for a sum of anything else)."""

    placeholders = {"computation": ("what", "ask")}
    instruction: str
    computation: str
    computation_of: dict[str, ComputationWhom]
    computation_other: ComputationWhom


class DialogueLeftoversProse(Section):
    """A clause asked for by typing with nothing cited yet, and a card naming a place not covered."""

    placeholders = {
        "uncovered": ("place", "covered"),
        "uncovered_ask": ("example",),
        "outsider": ("place", "asked", "covered"),
        "moved_uncovered": ("place", "before", "covered", "example"),
        "asked_elsewhere": ("asked", "own", "own_jurisdiction"),
        "article_without_document": ("number",),
        "place_taken": ("place",),
        "date_ahead": ("said", "today", "ahead", "before"),
    }
    nothing_cited: str
    # 第十三条 with nothing asked before: which place's document ({number}: the article as typed).
    article_without_document: str
    uncovered: str
    uncovered_ask: str
    outsider: str
    moved_uncovered: str
    asked_elsewhere: str
    # 巴州区 查下补贴: the place recorded without a card, said before the interview's first question.
    place_taken: str
    # Session 40 (chat54): a date told for a thing done that is still ahead of today (今年七月份毕业的 on 2027-01-03).
    date_ahead: str


class ProfileWarningProse(Section):
    """Dates `POST /api/check` sets aside instead of refusing the profile (issue 14)."""

    placeholders = {"impossible_date": ("fact", "raw"), "impossible_as_of": ("raw",)}
    impossible_date: str
    impossible_as_of: str
    set_aside: str


class ApiProblemProse(Section):
    """What was wrong with one field of a request, by pydantic's error type (bot/web/errors.py)."""

    placeholders = {"too_long": ("limit",)}
    too_long: str
    too_short: str
    missing: str
    extra: str
    pattern: str
    wrong_type: str
    other: str


class ForgettingProse(Section):
    """Deleting a person's data asks first; the web API's own errors in Chinese."""

    placeholders = {"message_too_long": ("limit",)}
    ask: str
    confirm: str
    cancel: str
    kept: str
    problems: ApiProblemProse
    message_too_long: str


class ReminderProse(Section):
    """A long pending question re-offered in one line after an answer."""

    placeholders = {"pending": ("question",), "card": ("facts",)}
    pending: str
    resume: str
    card: str


class ProvinceRestProse(Section):
    """A province named with the rest of it (四川其他城市): none of its covered cities applies."""

    placeholders = {"not_covered": ("place", "candidates", "covered"), "documents": ("names",)}
    not_covered: str
    documents: str


class CommandLineProse(Section):
    """argparse's own words in Chinese, keyed by the English text it looks up (bot/arguments.py)."""

    messages: dict[str, str]
    command: str


class PayerMissingProse(Section):
    """Who bears a cost (利息谁出) when no sentence of the related clauses says it."""

    placeholders = {"asked": ("name",), "rule": ("name",), "beside": ("name",), "offices": ("line",)}
    asked: str
    rule: str
    # Beside a figure answered in the same question (最多能贷多少，利息谁出): the cost's payer is unstated.
    beside: str
    # Session 37: after it, the offices the cited clause names as answerable for the measure (whom to ask).
    offices: str
    # The cost when the question does not name it (最多能贷多少，谁出).
    unnamed: str


class GeneralQuestionProse(Section):
    """A message asking what help there is at all (你好，我想问问补贴的事): what the documents hold."""

    placeholders = {"guide": ("kinds", "example"), "interview": ("kinds", "example")}
    guide: str
    # From someone who has told nothing yet: the kinds of help, then the check's first question at once.
    interview: str


class TypedControlProse(Section):
    """A button's label typed while that button is not on the screen: what it does, how to get it."""

    erase: str
    card: str
    more: str
    feedback: str


class CityUnknownProse(Section):
    """The city question answered 不清楚: the province kept, its covered cities' benefits listed, none sure."""

    placeholders = {"message": ("place", "candidates")}
    message: str


class SituationQuestionProse(Section):
    """有啥政策 from someone who described themselves: asked of their situation, said first."""

    placeholders = {"read_as": ("situation",)}
    read_as: str


class ClosingProse(Section):
    """谢谢 / 明白了 / 再见 / 你说的不对 after an answer, and a question about someone else."""

    understood: str
    farewell: str
    objection: str
    someone_else: str
    as_employer: str
    for_someone_else: str
    speaker_apart: str
    speaker_turns: str
    placeholders = {
        "reattributed_named": ("facts",),
        "place_kept": ("place",),
        "place_kept_asked": ("place", "asked"),
        "not_higher_graduate": ("schooling",),
    }
    reattributed: str
    reattributed_all: str
    reattributed_named: str
    other_situation_needed: str
    place_kept: str
    place_kept_asked: str
    not_higher_graduate: str
    check_for_other_offer: str


class SubjectsProse(Section):
    """Checks for several people in one conversation (帮我闺女也查查, 回到我自己的): session 30, chat33."""

    placeholders = {
        "started": ("whom",),
        "started_told": ("whom",),
        "whose": ("whom",),
        "back_to": ("whom",),
        "view_button": ("whom",),
        "card_note": ("whom",),
        "card_ask": ("whom",),
        "started_from": ("whom", "before"),
        "started_self": ("before",),
        "too_many": ("most",),
        "relative_self": ("whom",),
        "profile_title": ("whom",),
    }
    started: str
    started_told: str
    whose: str
    ask_whom: str
    back_to_self: str
    back_to: str
    nothing_saved: str
    too_many: str
    card_note: str
    # Session 33: 📋 我的资料 in a relative's check names whose facts these are — never 您的情况.
    profile_title: str
    card_ask: str
    started_from: str
    # Session 38: 那我自己呢 in a relative's check starts the speaker's own, the relative's set aside.
    started_self: str
    # Session 31: the speaker's household facts offered on a spouse's or child's first card.
    household_carried: str
    relative_button: str
    self_button: str
    view_button: str
    someone: str
    persons: dict[str, str]
    # Session 31: the results' words for the one checked (您本人) and what they become in a relative's results.
    speaker_self: str
    relative_self: str


class Prose(Section):
    answers: AnswerProse
    notices: NoticeProse
    citations: CitationProse
    results: ResultProse
    check: CheckProse
    chat: ChatProse
    dialogue: DialogueProse
    telegram: TelegramProse
    eligibility: EligibilityProse
    followups: FollowupProse
    conversation_care: ConversationCareProse
    check_advice: CheckAdviceProse
    intake: IntakeProse
    documents: DocumentsProse
    rules_check: RulesCheckProse
    records: RecordsProse
    as_employer: AsEmployerProse
    dialogue_reading: DialogueReadingProse
    eligibility_stated: EligibilityStatedProse
    staff_export: StaffExportProse
    staff_rules: StaffRulesProse
    clause_names: ClauseNameProse
    document_edit: DocumentEditProse
    declined: DeclinedProse
    dialogue_leftovers: DialogueLeftoversProse
    profile_warnings: ProfileWarningProse
    forgetting: ForgettingProse
    reminders: ReminderProse
    province_rest: ProvinceRestProse
    command_line: CommandLineProse
    general_question: GeneralQuestionProse
    payer_missing: PayerMissingProse
    typed_controls: TypedControlProse
    city_unknown: CityUnknownProse
    situation_question: SituationQuestionProse
    closing: ClosingProse
    subjects: SubjectsProse


def load_prose(path: Path = PROSE_PATH) -> Prose:
    try:
        return Prose.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ProseError(f"{path}: {exc}") from None


_YOU = re.compile(r"您(?!家)(本人)?")


def _renamed(node: Any, whom: str, path: str, kept: frozenset[str]) -> Any:
    """`node` with 您 naming `whom` in every template below it whose dotted key is not in `kept`."""
    if path in kept:
        return node
    if isinstance(node, str):
        return _YOU.sub(lambda m: f"您{whom}本人" if m.group(1) else f"您{whom}", node)
    if isinstance(node, dict):
        return {k: _renamed(v, whom, f"{path}.{k}".lstrip("."), kept) for k, v in node.items()}
    if isinstance(node, Section):
        fields = type(node).model_fields
        return node.model_copy(
            update={
                name: _renamed(getattr(node, name), whom, f"{path}.{name}".lstrip("."), kept)
                for name in fields
                if name != "to_speaker"
            }
        )
    return node


@cache
def prose() -> Prose:
    """The packaged prose, loaded once per process."""
    return load_prose()
