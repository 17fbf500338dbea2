"""An answer as data: status, citations, notices, the missing aspect, the measures and the first
line's content. `knowledge.answer` builds it; `bot/present` words it for every channel."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from knowledge.citations import Citation
from knowledge.documents import Structure


class AnswerStatus(StrEnum):
    ANSWERED = "answered"
    NO_ANSWER = "no_answer"
    REGION_NOT_COVERED = "region_not_covered"


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DraftDocument(_Part):
    """A cited document is a draft for comment (征求意见稿), not a document in force."""

    kind: Literal["draft_document"] = "draft_document"
    document_id: str
    title: str


class SupersededDocument(_Part):
    """A cited document was replaced by a newer one (staff recorded it); `newer_title` is empty when
    the newer document is not among the published ones."""

    kind: Literal["superseded_document"] = "superseded_document"
    document_id: str
    title: str
    newer_id: str
    newer_title: str = ""


class ExpiredDocument(_Part):
    """A cited document's own validity (有效期至…, 有效期5年) ended before the answer's date."""

    kind: Literal["expired_document"] = "expired_document"
    document_id: str
    title: str


class ExpiredMeasure(_Part):
    """A quote contains a time-limited measure whose validity ended before the answer's date."""

    kind: Literal["expired_measure"] = "expired_measure"
    clause_id: str
    jurisdiction: str
    clause_number: int
    clause_label: str
    structure: Structure
    text: str
    valid_to: date


class RegionFallback(_Part):
    """The place asked about has no document of its own; the answer quotes the covered places inside it."""

    kind: Literal["region_fallback"] = "region_fallback"
    place: str
    covered: tuple[str, ...]


Notice = Annotated[
    DraftDocument | SupersededDocument | ExpiredDocument | ExpiredMeasure | RegionFallback, Field(discriminator="kind")
]


class MissingAspect(_Part):
    """What the question asked that the related clauses do not state: a figure, a procedure aspect
    named in knowledge/data/scope.yaml (所需材料, 办理流程 …), who bears a cost (`name`: 利息), or what
    the money may be spent on (`use`: 创业补贴能用来买车吗), or the amount of a standard a measure is
    reckoned by (`standard`, `name`: 最低工资标准 of 见习补贴按最低工资的70%，那最低工资是多少), or
    who a group of people is (`definition`, `name`: 就业困难人员 of 哪些人算就业困难人员), or the measure
    itself, which only other regions' documents grant (`measure`, `name`: 失业补助金 of 巴中有失业补助金吗), or
    a detail of the measure its clause never states (`detail`, `name`: 这笔钱是否需要缴税 — scope.yaml), or
    what a person gets of a measure the documents take only for a region as a whole (`for_regions`, `name`:
    失业保险金 of 我失业了能领失业金不, where a clause only lets a region at risk extend its payment), or the
    people asked about, whom the documents never name (`group`, `name`: 四零五零; `where`: the group the
    documents do name that they were read as, 就业困难人员, without saying it holds them), or a sum asked to
    be worked out for the person (`computation`, `name`: what it is of — instructions.yaml `computation_subjects`'
    key, tax, pension…, or None), which the assistant does not compute."""

    kind: Literal[
        "figure",
        "procedure",
        "payer",
        "use",
        "detail",
        "standard",
        "definition",
        "measure",
        "for_regions",
        "group",
        "computation",
    ]
    name: str | None = None
    # `measure`: the measure asked about by name is granted only by documents of these other regions.
    where: tuple[str, ...] = ()
    # `procedure`: the other steps asked in the same question that the clauses leave unstated too (去哪办，要啥材料:
    # 办理地点或网站, then 所需材料 here) — every part asked is said unstated, none lost.
    also: tuple[str, ...] = ()

    @model_serializer(mode="wrap")
    def _also_only_when_so(self, handler: SerializerFunctionWrapHandler) -> Any:
        """`also` is written only when set: every other answer reads as it did before it was added."""
        data = handler(self)
        if isinstance(data, dict) and not self.also:
            data.pop("also", None)
        return data


class SourceDocument(_Part):
    """A collected document, as an answer needs it: for the covered list and each citation's 文号."""

    document_id: str
    jurisdiction: str
    year: int
    is_draft: bool
    document_number: str | None
    title: str = ""
    issuer: str = ""
    signed: date | None = None
    # In-force facts the text states (自…起施行, 有效期至… / 有效期N年): what a 还有效吗 answer says.
    effective: date | None = None
    valid_until: date | None = None


class MeasureRef(_Part):
    """A measure the answer is about (issue 10): its own verbatim span and figures, never another's."""

    measure_id: str
    name: str
    beneficiary: str
    amount_text: str | None
    clause_id: str
    quote: str
    jurisdiction: str = ""
    clause_label: str = ""
    conditions: tuple[str, ...] = ()
    # Who it is for, as the span names them (就业困难人员): part of every answer about conditions.
    targets: tuple[str, ...] = ()
    # Deleted by a revising document (删去…): the answer says it ended and shows no figure of it.
    ended: bool = False
    # A measure with no figure of its own (体检结果互认, 破格晋级): what it grants, verbatim from its span
    # (knowledge.measures_grant), so the first line says what is given rather than only its name.
    grant: str | None = None
    # The clause gives another group a different figure of the same kind (失业补助金 发放6个月 beside 失业保险金延续发放
    # 直至法定退休年龄): the measure's conditions tell whom its figure is for, not only what one must do to get it.
    by_group: bool = False
    # Pays its holder money or its like (knowledge.measures.MONEY_KINDS), not a service or a placement: only such is
    # said to be paid to someone (发给个人). Not written: a kept answer reads as before.
    pays: bool = Field(default=True, exclude=True)
    # Figures raised for those who meet a condition of their own that the question does not tell (对留用…的，…110%):
    # not the answer (`amount_text` is the standard), said after it on lines of their own.
    raised: tuple[str, ...] = ()

    @model_serializer(mode="wrap")
    def _ended_only_when_so(self, handler: SerializerFunctionWrapHandler) -> Any:
        """`ended`, `grant`, `by_group` and `raised` are written only when set: every other measure reads as it did
        before the fields were added (golden answers, kept answers, `ask --json`)."""
        data = handler(self)
        if isinstance(data, dict):
            if not self.ended:
                data.pop("ended", None)
            if self.grant is None:
                data.pop("grant", None)
            if not self.by_group:
                data.pop("by_group", None)
            if not self.raised:
                data.pop("raised", None)
        return data


class VersionRef(_Part):
    """Another covered region's version of the asked measure that states the figure the asked place's does
    not: named to the person (its place and name), never with its figure or quote — a figure is only ever
    shown with the asked measure."""

    measure_id: str
    name: str
    jurisdiction: str


class DirectAnswer(_Part):
    """What the first line of an answer says, as data (worded by bot/present):
    `figure` — the asked measure's own figures; `no_figure` — the asked measure states none here
    (no other region's figure is offered in its place; `elsewhere` names the covered regions whose
    version states one, without it); `list` — several
    measures answer a "what is there" question; `measure` — one measure (or one per region);
    `department` — who leads and who is responsible, as the cited clause names them; `status` — the
    documents asked about, from their own metadata (draft or official, issuer, date)."""

    kind: Literal[
        "figure", "no_figure", "list", "measure", "department", "condition", "status", "definition", "procedure"
    ]
    measures: tuple[MeasureRef, ...] = ()
    # kind `condition`: the measure's verbatim condition phrases that state the asked figure.
    conditions: tuple[str, ...] = ()
    # kind `status`: the documents asked about (is it official, a draft, from which year).
    documents: tuple[str, ...] = ()
    # kind `definition`: the term asked about; `conditions` holds what the cited clause says it means.
    # kind `no_figure`: the benefit asked by name that the measures shown only act on (失业保险金 of
    # 线上申领失业保险金): its own figure is what no clause states.
    # kind `procedure`: the aspect asked (办理地点或网站); `conditions` holds the first quote's sentences
    # that state it, verbatim.
    term: str | None = None
    # kind `department`, `definition` and `procedure`: the clause the line quotes from.
    clause_id: str | None = None
    lead: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    # kind `department` quoting several regions' clauses (a question naming no place): each other region's
    # first cited clause that names its offices, a line of its own after this one.
    more: tuple[DirectAnswer, ...] = ()
    # kind `no_figure`: the other covered regions whose version of the asked measure states a figure (session 42).
    elsewhere: tuple[VersionRef, ...] = ()
    # kind `no_figure`: whom the asked measure's clause names as leading it (牵头单位), else as responsible
    # (责任单位, when it names few), verbatim: whom to ask for the standard it leaves to local rules.
    offices: tuple[str, ...] = ()
    offices_lead: bool = True

    @model_serializer(mode="wrap")
    def _more_only_when_so(self, handler: SerializerFunctionWrapHandler) -> Any:
        """`more`, `elsewhere` and `offices` are written only when set: every other first line reads as it did
        before the fields were added (golden answers, kept answers, `ask --json`)."""
        data = handler(self)
        if isinstance(data, dict):
            for key in ("more", "elsewhere", "offices"):
                if not getattr(self, key):
                    data.pop(key, None)
            if not self.offices:
                data.pop("offices_lead", None)
        return data


class ToldSum(_Part):
    """A sum of money the question tells (一个月1200对吧): whether the answer's own measures or quotes state it
    (`in_answer`), and whether any clause of the answered place's documents does (`in_place`) — said first, so the
    person's figure is never left standing (walk47 C15, A21)."""

    said: str
    place: str
    in_answer: bool
    in_place: bool


class Answer(_Part):
    """The answer to one question, as data. `region` is the covered jurisdiction the question was
    resolved to; `place` the uncovered place named (region_not_covered); `scope` the jurisdictions
    searched; `documents` every collected document in manifest order; `answered_in` the one covered
    jurisdiction whose documents the answer quotes when the question names no place (the reported region:
    a user reads that place's rule, 按平顶山市2020年征求意见稿文件…)."""

    question: str
    status: AnswerStatus
    region: str | None
    place: str | None = None
    citations: tuple[Citation, ...] = ()
    notices: tuple[Notice, ...] = ()
    missing: MissingAspect | None = None
    scope: tuple[str, ...] = ()
    documents: tuple[SourceDocument, ...] = ()
    intent: str | None = None
    measures: tuple[MeasureRef, ...] = ()
    direct: DirectAnswer | None = None
    # region_not_covered for a place whose covered cities are not what was asked (四川其他城市, 河南省里
    # 统一的): those cities, named so the reply can say what is held there.
    within: tuple[str, ...] = ()
    # region_not_covered for a person now in an uncovered place who named a covered region's document
    # (去了丹东…吉林给大学生的补贴): that region, so the reply says its document does not reach there.
    issuers: tuple[str, ...] = ()
    answered_in: str | None = None
    # The day the answer is for (today unless asked as of another): in-force facts are said of it.
    as_of: date | None = None
    told: tuple[ToldSum, ...] = ()

    @property
    def reported_region(self) -> str | None:
        """The region the answer is for, as reported (`ask --json`'s `region`): the place the question
        was resolved to, or the one place whose documents answer a question that names none."""
        return self.region or self.answered_in

    def document(self, citation: Citation) -> SourceDocument:
        document_id = citation.clause_id.rsplit("-", 1)[0]
        return next(d for d in self.documents if d.document_id == document_id)
