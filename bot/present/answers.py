"""A structured `knowledge.answer.Answer` worded for users, and the JSON contract built from it.

`AnswerResult` is the object `policybot ask --json` prints and `POST /api/ask` returns
(docs/ask-json.md); its `answer` and `notices` are worded here, from prose.yaml, for every status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import cache

from pydantic import BaseModel, ConfigDict

from bot.present import citations
from bot.present.prose import AnswerProse, DirectProse, MissingWords, PayerMissingProse, prose
from knowledge.answer_model import (
    Answer,
    AnswerStatus,
    DirectAnswer,
    DraftDocument,
    ExpiredDocument,
    ExpiredMeasure,
    MeasureRef,
    MissingAspect,
    Notice,
    RegionFallback,
    SourceDocument,
    SupersededDocument,
    VersionRef,
)
from knowledge.citations import Citation
from knowledge.documents import Structure
from knowledge.intent import receives_for_self
from knowledge.labels import cited_form
from knowledge.measure_answer import tells_being_one_of
from knowledge.measure_match import states_kind_in_form
from knowledge.measures import Beneficiary
from knowledge.recipient import asked_recipients, hires_someone


@dataclass(frozen=True)
class Misfit:
    """A measure of the answer that the person's stated facts rule out: its name, the rule's
    requirement (需为在职的企业职工) and what the person said that fails it (失业、待业（没有工作）)."""

    name: str
    requirement: str
    said: str


class AnswerResult(BaseModel):
    """The JSON contract of `policybot ask --json` and `POST /api/ask` (docs/ask-json.md)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question: str
    status: AnswerStatus
    answer: str
    region: str | None
    citations: list[Citation]
    notices: list[str] = []
    # Issue 10, additive: what was asked, and the measures of the cited clauses the question is about
    # (each with its own verbatim span and figures).
    intent: str | None = None
    measures: list[MeasureRef] = []
    direct_answer: str | None = None


def answer_result(answer: Answer) -> AnswerResult:
    """The contract object: the structured answer, worded."""
    if answer.status == AnswerStatus.REGION_NOT_COVERED:
        return AnswerResult(
            question=answer.question, status=answer.status, answer=answer_text(answer), region=None, citations=[]
        )
    return AnswerResult(
        question=answer.question,
        status=answer.status,
        answer=answer_text(answer),
        region=answer.reported_region,
        citations=list(answer.citations),
        notices=[notice_text(n) for n in answer.notices],
        intent=answer.intent,
        measures=list(answer.measures),
        direct_answer="\n".join(direct_lines(answer)) or None,
    )


# Session 37 (walk36 W36): whom the answer being written is about when it is not the one who asks (父亲 in 帮家人查).
_ABOUT: ContextVar[str | None] = ContextVar("answer_about", default=None)


@cache
def _answers_of(whom: str) -> AnswerProse:
    return prose().answers.of_relative(whom)


def _answers() -> AnswerProse:
    """The answer templates, naming the one the answer is about where they do not speak to the one who asks."""
    whom = _ABOUT.get()
    return prose().answers if whom is None else _answers_of(whom)


def answer_text(answer: Answer, misfits: Mapping[str, Misfit] | None = None, about: str | None = None) -> str:
    """What the user reads: cited quotes, the partial answer, or the honest refusal. `misfits`: the
    measures (by id) the person's own facts rule out, each marked where it is shown. `about`: the relative
    checked (父亲) when the answer is about them — its sentences about that person name them (您父亲目前不符合),
    those said to the one who asks keep 您 (prose.yaml answers.to_speaker)."""
    token = _ABOUT.set(about)
    try:
        return _answer_text(answer, misfits)
    finally:
        _ABOUT.reset(token)


def _answer_text(answer: Answer, misfits: Mapping[str, Misfit] | None) -> str:
    if answer.status == AnswerStatus.REGION_NOT_COVERED:
        return _region_not_covered(answer)
    words = _answers()
    text = _answer_text_of_place(answer, misfits)
    # A sum the question tells (walk47 C15, A21): one the documents do not give for the measure answered is said to
    # be so first, never left standing; one they do give is said under the first line, which shows it. The sum is
    # never repeated (a figure shown is one quoted: an injected 100万元 is not echoed).
    unstated = [
        (words.told_elsewhere if told.in_place else words.told_absent).format(place=told.place)
        for told in answer.told
        if not told.in_answer
    ]
    stated = [words.told_stated.format(place=told.place) for told in answer.told if told.in_answer][:1]
    if stated and not unstated:
        first, _, rest = text.partition("\n")
        return "\n".join([first, *stated, rest]) if rest else "\n".join([first, *stated])
    return "\n".join([*dict.fromkeys(unstated), text]) if unstated else text


def _answer_text_of_place(answer: Answer, misfits: Mapping[str, Misfit] | None) -> str:
    if answer.status == AnswerStatus.ANSWERED:
        return _answered(answer, misfits or {})
    if answer.missing is not None and answer.missing.kind == "measure":
        return _measure_absent(answer, answer.missing)
    if answer.missing is not None and answer.missing.kind == "group":
        return _group_unnamed(answer, answer.missing)
    if answer.missing is not None and answer.missing.kind == "computation":
        return _computation_declined(answer.missing)
    if answer.missing is not None:
        return _partial(answer, answer.missing)
    return _no_answer(answer)


def notice_text(notice: Notice) -> str:
    words = prose().notices
    if isinstance(notice, DraftDocument):
        return words.draft_document.format(title=citations.inner_title(notice.title))
    if isinstance(notice, ExpiredDocument):
        return words.expired_document.format(title=citations.inner_title(notice.title))
    if isinstance(notice, ExpiredMeasure):
        return words.expired_measure.format(where=_where(notice), text=notice.text, valid_to=notice.valid_to)
    if isinstance(notice, SupersededDocument):
        lifecycle = prose().documents
        if notice.newer_title:
            return lifecycle.superseded_document.format(
                title=citations.inner_title(notice.title), newer=citations.inner_title(notice.newer_title)
            )
        return lifecycle.superseded_unnamed.format(title=citations.inner_title(notice.title))
    if isinstance(notice, RegionFallback):
        return words.region_fallback.format(place=notice.place, covered="、".join(notice.covered))
    raise TypeError(f"unknown notice {notice!r}")


def _where(measure: ExpiredMeasure) -> str:
    """平顶山市（十七）; a section-numbered document's part as 商洛市文件第四部分."""
    words = prose().notices
    if measure.structure == Structure.SECTIONS_ONLY:
        return words.in_section.format(
            jurisdiction=measure.jurisdiction, numeral=citations.numeral(measure.clause_number)
        )
    return words.in_clause.format(jurisdiction=measure.jurisdiction, label=measure.clause_label)


def _quoted(
    answer: Answer, number: int, citation: Citation, cited: set[str] | None = None, more: Sequence[Citation] = ()
) -> list[str]:
    """One numbered clause and its quotes (`more`: the other sentences quoted of the same clause, each on a
    line of its own under it). A document already cited above is named once only: later quotes from it
    say 同一文件第（八）条 (`cited` holds the document ids named so far)."""
    document = answer.document(citation)
    if cited is not None and document.document_id in cited:
        where = _answers().direct.same_document.format(label=cited_form(citation.clause_label))
    else:
        where = citations.reference(citation, document.document_number)
        if cited is not None:
            cited.add(document.document_id)
    return [f"{number}. {where}：", *(f"   “{shown_quote(c.quote)}”" for c in (citation, *more))]


def _by_clause(quoted: Iterable[Citation]) -> list[tuple[Citation, list[Citation]]]:
    """The citations one per clause, in the order each clause is first cited: a clause quoted for several of
    its sentences (（十二）'s 求职创业补贴, 基层成长计划 and 国际组织实习) is cited once, all its quotes under it."""
    clauses: dict[str, tuple[Citation, list[Citation]]] = {}
    for citation in quoted:
        if citation.clause_id in clauses:
            clauses[citation.clause_id][1].append(citation)
        else:
            clauses[citation.clause_id] = (citation, [])
    return list(clauses.values())


def shown_quote(text: str) -> str:
    """A verbatim quote as users read it: characters lost in the published source (□) are marked
    instead of shown as boxes."""
    return _GAP.sub(_answers().direct.gap, text)


_GAP = re.compile("□+")


def fitting_first(answer: Answer, misfits: Mapping[str, Misfit]) -> Answer:
    """The answer with the measures the person's facts rule out after the others, and the quotes of
    clauses only those measures come from after the rest: it leads with what fits."""
    if not misfits:
        return answer

    def fits(measure: MeasureRef) -> bool:
        return measure.measure_id not in misfits

    measures = (*answer.measures, *(answer.direct.measures if answer.direct is not None else ()))
    fitting = {m.clause_id for m in measures if fits(m)}
    ruled_out = {m.clause_id for m in measures if not fits(m)} - fitting
    direct = answer.direct
    if direct is not None:
        direct = direct.model_copy(update={"measures": tuple(sorted(direct.measures, key=lambda m: not fits(m)))})
    return answer.model_copy(
        update={
            "measures": tuple(sorted(answer.measures, key=lambda m: not fits(m))),
            "direct": direct,
            "citations": tuple(sorted(answer.citations, key=lambda c: c.clause_id in ruled_out)),
        }
    )


def direct_lines(answer: Answer, misfits: Mapping[str, Misfit] | None = None) -> list[str]:
    """The first line(s): the asked measure's own name and figures, or that the document states none;
    under a measure the person's facts rule out, one line saying so."""
    lines = [*_direct_lines(answer), *_sides_unpaid(answer)]
    if not misfits or answer.direct is None:
        return lines
    words = _answers().direct
    marked: list[str] = []
    pending = [m for m in answer.direct.measures if m.measure_id in misfits]
    for line in lines:
        marked.append(line)
        for measure in list(pending):
            if measure.name in line:
                marked.append(_misfit_line(misfits[measure.measure_id], words))
                pending.remove(measure)
    return marked


def _misfit_line(misfit: Misfit, words: DirectProse) -> str:
    according = words.according.format(said=misfit.said)
    return words.misfit.format(according=according, name=misfit.name, requirement=misfit.requirement)


def _narrower_states(general: MeasureRef, shown: Sequence[MeasureRef]) -> bool:
    """A version of the measure for a named group, of the same document, states a figure the general
    one does not (去产能企业稳岗补贴 beside 稳岗补贴; 贫困劳动者创业担保贷款 beside 创业担保贷款)."""
    name = _BRACKETED.sub("", general.name)
    return any(
        other is not general
        and other.amount_text
        and other.targets
        and other.clause_id.rsplit("-", 1)[0] == general.clause_id.rsplit("-", 1)[0]
        and name in other.name
        and name != _BRACKETED.sub("", other.name)
        for other in shown
    )


_BRACKETED = re.compile(r"（[^）]*）")


def _answer_kind_lines(answer: Answer, direct: DirectAnswer) -> list[str] | None:
    """The lines of a direct answer that is not about measures' figures or conditions (who is responsible, what a
    term means, how to apply, whether a document still applies, a list of measures); None for the others."""
    words = _answers().direct
    if direct.kind == "department":
        return [_department_line(answer, office) for office in (direct, *direct.more)]
    if direct.kind == "definition":
        return [_definition_line(answer, direct)]
    if direct.kind == "procedure":
        return [_procedure_line(answer, direct)]
    if direct.kind == "status":
        named = [_status_measure_line(answer, measure) for measure in direct.measures[:1]]
        lines = [_status_line(answer, d) for d in direct.documents]
        dated = all(_ends_stated(answer, d) for d in direct.documents)
        return named + lines + [words.status_advice_dated if dated else words.status_advice]
    if direct.kind == "list":
        return _list_lines(answer, direct.measures)
    if direct.kind == "no_figure" and direct.term:
        return _benefit_unstated_lines(answer, direct)
    return None


def _direct_lines(answer: Answer) -> list[str]:
    direct = answer.direct
    if direct is None:
        return []
    words = _answers().direct
    own_kind = _answer_kind_lines(answer, direct)
    if own_kind is not None:
        return own_kind
    lines: list[str] = []
    told_source = None
    for measure in direct.measures:
        fields = {"source": _source(answer, measure), "name": measure.name, "side": _side(answer, measure)}
        at, same_source, told_source = len(lines), fields["source"] == told_source, fields["source"]
        if measure.ended:
            deleted = "删去" in measure.quote or "删除" in measure.quote
            lines.append((words.measure_ended if deleted else words.measure_stopped).format(**fields))
        elif direct.kind == "condition":
            told = "；".join(direct.conditions)
            if measure.amount_text and not any(figure in told for figure in measure.amount_text.split("；")):
                granted = shown_quote(measure.amount_text)
                lines.append(words.condition_grant.format(**fields, conditions=told, amounts=granted))
            else:
                lines.append(words.condition.format(**fields, conditions=told))
        elif _states_asked_figure(answer, direct, measure) and _is_for_group(answer, measure):
            lines += _group_figure_lines(measure, fields)
        elif _states_asked_figure(answer, direct, measure):
            lines.append(words.figure.format(**fields, amounts=shown_quote(measure.amount_text or "")))
            lines += [words.raised.format(tier=shown_quote(tier)) for tier in measure.raised]
        elif direct.kind == "no_figure" and direct.conditions:
            # 考了中级工证书补多少 of a measure granting only 高级工: the grades it states are said, no figure.
            lines.append(words.grade_unstated.format(**fields, stated="、".join(direct.conditions)))
        elif direct.kind in ("figure", "no_figure"):
            unit = answer.missing.name if answer.missing and answer.missing.kind == "figure" else None
            # 创业担保贷款 states no sum, 贫困劳动者创业担保贷款 最高10万 below it: the sum depends on who
            # asks — said so, never "没有写明" above a figure of the same measure.
            template = words.by_group if _narrower_states(measure, direct.measures) else words.no_figure
            lines.append(template.format(**fields, asked=_answers().figure_words(unit)))
        else:
            lines += _measure_lines(answer, measure, fields)
        if same_source and at < len(lines):
            # The line above names this document and its year: said once (按资阳市2017年文件，…：\n贫困劳动者…).
            lines[at] = lines[at].removeprefix(words.source_said.format(source=fields["source"]))
    if direct.lead or direct.responsible:
        lines.append(_department_line(answer, direct))  # 比例多少，归哪些部门管: both asked
    told_whom = _paid_to_others(answer, direct)
    # Only the unit is paid by every measure found: the person is told so before any of them.
    only_others = all(m.beneficiary in words.paid_to_others for m in direct.measures)
    lines = [*told_whom, *lines] if only_others else [*lines, *told_whom]
    if direct.kind == "no_figure" and direct.elsewhere:
        lines.append(_elsewhere_line(direct))
    return lines


def _benefit_unstated_lines(answer: Answer, direct: DirectAnswer) -> list[str]:
    """失业保险金能领多少 where the measures only act on it: its own figure is not stated here, said plainly first; then
    each measure with what it does (延续发放…：直至法定退休年龄; 线上申领…: what its sentence grants)."""
    words = _answers().direct
    unit = answer.missing.name if answer.missing and answer.missing.kind == "figure" else None
    first = words.benefit_unstated.format(
        source=_source(answer, direct.measures[0]), benefit=direct.term, asked=_answers().figure_words(unit)
    )
    lines = [first]
    for m in direct.measures:
        said = m.amount_text or _granted_without_money(m)
        # (a service or a region's measure whose name says what it does: 线上申领失业保险金; its sentence is cited)
        lines.append(
            words.item.format(
                name=m.name, side=_side(answer, m), amounts=shown_quote(said), details=_item_details(answer, m, True)
            )
            if said
            else words.item_bare.format(name=m.name, side=_side(answer, m))
        )
    return lines


def _states_asked_figure(answer: Answer, direct: DirectAnswer, measure: MeasureRef) -> bool:
    """Whether this measure's line shows its own figure: decided for each measure, not once for the answer. Its
    `amount_text` holds only its figures of the asked kind (a rate, a period or a share asked leaves a sum out), so
    a measure listed beside one that states none shows its own (招贫困户的奖补一个人给多少钱: 按每人1000元的标准 below
    the 奖补 that states no sum) — except where the stated figures are the grades the asked one is not (考了中级工证书
    of a measure granting only 高级工)."""
    if not measure.amount_text:
        return False
    if direct.kind == "figure":
        return True
    if direct.kind != "no_figure" or direct.conditions:
        return False
    # The kind asked must be the kind its words state: a share, a period or interest asked, a per-head sum is not it
    # (招贫困户奖补比例是多少 shows no 按每人1000元的标准).
    unit = answer.missing.name if answer.missing is not None and answer.missing.kind == "figure" else None
    return any(states_kind_in_form(figure, unit) for figure in measure.amount_text.split("；"))


def _group_figure_lines(measure: MeasureRef, fields: dict[str, str]) -> list[str]:
    """A figure asked by a general word of a measure only for those its conditions name: whom it is for in its line
    when the clause gives others another figure (`by_group`); otherwise its conditions are what one must do to get
    it, said on a line of their own below the figure (条件：首次创办小微企业…；参加社会保险。)."""
    words = _answers().direct
    amounts = shown_quote(measure.amount_text or "")
    if measure.by_group:
        group = "；".join(measure.conditions)
        return [words.figure_for_group.format(**fields, group=group, amounts=amounts)]
    lines = [words.figure.format(**fields, amounts=amounts)]
    if measure.targets:
        # 初创企业补贴 of 高校毕业生、就业困难人员: the figure is theirs, said before what they must do.
        lines.append(words.targets.format(targets="、".join(measure.targets)))
    return [*lines, _conditions_line(measure.conditions)]


def _elsewhere_line(direct: DirectAnswer) -> str:
    """另：吉林省的同类措施写有具体标准（不适用于资阳市），如需了解可以问：“吉林省的初创企业补贴标准是多少？”
    — the regions whose version states a figure, never the figure itself."""
    words = _answers().direct
    asked = direct.measures[0].jurisdiction if direct.measures and direct.measures[0].jurisdiction else words.here
    regions = "、".join(dict.fromkeys(v.jurisdiction for v in direct.elsewhere))
    questions = words.elsewhere_joint.join(f"“{elsewhere_question(v)}”" for v in direct.elsewhere)
    return words.elsewhere.format(regions=regions, asked=asked, questions=questions)


def elsewhere_question(version: VersionRef) -> str:
    """The question a person asks of another region's version of the measure (吉林省的初创企业补贴标准是多少？):
    suggested under an answer whose place states no figure, and asked when its button is pressed."""
    return _answers().direct.elsewhere_question.format(jurisdiction=version.jurisdiction, name=version.name)


# What names a payment or a charge in a measure's name (创业补贴, 担保贷款, 保险费, 个人所得税).
_MONEY_NAMED = re.compile(r"补贴|补助|津贴|奖|贷款|资助|(?<!公积)金|(?<!免)费|税")


def _granted_without_money(measure: MeasureRef) -> str | None:
    """A listed measure that pays nothing (入职体检结果互认, 免费场地): what it grants, in its own words,
    in place of 标准按当地规定 — which only a payment's missing sum means. None for a payment, or a grant
    holding a figure (the list states no figure of a measure but its amount)."""
    if measure.grant is None or _MONEY_NAMED.search(measure.name) or any(ch.isdigit() for ch in measure.grant):
        return None
    return measure.grant


def _measure_lines(answer: Answer, measure: MeasureRef, fields: dict[str, str]) -> list[str]:
    """One measure shown without a figure asked: its figures, and whom it is for and on what conditions
    when whether one qualifies or what it is is asked (能参加劳动预备制培训领补贴吗, an overview in form, asks it
    as much as 符合条件吗). Never its bare name (按…文件，创业补贴。): without figures, the line says what it
    grants in its own words, or points to the sentence below."""
    words = _answers().direct
    details = []
    if measure.targets:
        details.append(words.targets.format(targets="、".join(measure.targets)))
    if measure.conditions:
        details.append(_conditions_line(measure.conditions))
    asked = answer.intent in ("conditions", "eligibility") or (
        answer.intent == "overview" and _YES_OR_NO.search(answer.question) is not None
    )
    if not measure.amount_text:
        shown = details if asked or answer.intent == "what" else []
        if measure.grant:
            # 体检结果互认, 破格晋级, 免费场地: what it grants, in its own words, then whom and on what terms
            return [words.measure_grant.format(**fields, grant=shown_quote(measure.grant)), *shown]
        if shown:
            return [words.measure_details.format(**fields), *shown]
        # 哪个多, 创业补贴 typed alone: the document sets no standard, said plainly
        return [words.measure_bare.format(**fields)]
    amounts = f"（{shown_quote(measure.amount_text)}）"
    return [words.measure.format(**fields, amounts=amounts), *(details if asked else ())]


# A yes/no question (能参加…吗, 有补贴没, 能不能领): whether one qualifies is asked, whatever its form.
_YES_OR_NO = re.compile(r"[吗么嘛没不][？?！!。\s]*$|能不能|能否|可不可以|有没有|是不是|算不算")


def _paid_to_others(answer: Answer, direct: DirectAnswer) -> list[str]:
    """社保补贴我能领多少 of a subsidy paid to the employer: one line saying whom it pays."""
    words = _answers().direct
    first = direct.measures[0] if direct.measures else None
    if first is None or first.beneficiary not in words.paid_to_others or not receives_for_self(answer.question):
        return []
    if tells_being_one_of(first.targets, answer.question):
        # 我做劳务经纪的 … 我能领啥补贴 of a subsidy paid to 劳务经纪人: the asker is whom it pays.
        return []
    return [words.paid_to_others[first.beneficiary]]


def _item_details(answer: Answer, measure: MeasureRef, always: bool = False) -> str:
    """Who and on what terms, for a listed measure when whether one qualifies is asked (请了两个贫困户
    帮工，有没有奖补) or `always` (a measure acting on the benefit asked, whose figure is only for those it names):
    its own target and condition phrases, verbatim."""
    if not always and answer.intent not in ("conditions", "eligibility"):
        return ""
    words = _answers().direct
    parts = []
    if measure.targets:
        parts.append(words.targets.format(targets="、".join(measure.targets)).rstrip("。"))
    if measure.conditions:
        parts.append(_conditions_line(measure.conditions).rstrip("。"))
    return words.item_details.format(details="；".join(parts)) if parts else ""


# A condition that names none (符合条件的, 按规定): the document leaves the conditions to local rules.
_OPEN_CONDITION = re.compile(r"^(?:对)?(?:符合条件|符合规定|符合相关条件|按规定|按照规定)的?$")


def _conditions_line(conditions: tuple[str, ...]) -> str:
    """条件：… from the measure's verbatim condition phrases; when they name no condition at all, the
    line says so instead of printing 条件：符合条件的。"""
    words = _answers().direct
    if all(_OPEN_CONDITION.match(c) for c in conditions):
        return words.conditions_open.format(said="”“".join(conditions))
    return words.conditions.format(conditions="；".join(conditions))


def _status_measure_line(answer: Answer, measure: MeasureRef) -> str:
    """The measure a status question is about, with its own figures (您问的就业见习补贴（…110%）): what
    the status below is the status of."""
    words = _answers().direct
    figures = words.status_figures.format(amount=measure.amount_text) if measure.amount_text else ""
    return words.status_measure.format(name=measure.name, figures=figures)


def _status_line(answer: Answer, document_id: str) -> str:
    words = _answers().direct
    document = next(d for d in answer.documents if d.document_id == document_id)
    made = "，".join(
        p
        for p in (
            document.document_number,
            document.issuer,
            citations.chinese_date(document.signed) if document.signed else None,
        )
        if p
    )
    template = words.status_draft if document.is_draft else words.status_official
    line = template.format(jurisdiction=document.jurisdiction, title=citations.inner_title(document.title), made=made)
    in_force = None if document.is_draft else _in_force_said(document, answer.as_of)
    return f"{line}{in_force}" if in_force else line


def _in_force_said(document: SourceDocument, as_of: date | None) -> str | None:
    """What an official document's own dates say of the answer's day: in force until …, already past
    its validity, not yet in force, or in force since … with no end stated; None when it states none."""
    words = _answers().direct
    if as_of is None or (document.valid_until is None and document.effective is None):
        return None
    today = citations.chinese_date(as_of)
    if document.effective is not None and as_of < document.effective:
        return words.not_yet_in_force.format(effective=citations.chinese_date(document.effective), today=today)
    if document.valid_until is None:
        return words.in_force_since.format(effective=citations.chinese_date(document.effective or as_of))
    until = citations.chinese_date(document.valid_until)
    template = words.expired_on if document.valid_until < as_of else words.in_force_until
    return template.format(until=until, today=today)


def _ends_stated(answer: Answer, document_id: str) -> bool:
    """The document states when it ends (有效期至…), and is no draft: whether it is in force is known."""
    document = next(d for d in answer.documents if d.document_id == document_id)
    return not document.is_draft and document.valid_until is not None


def _department_line(answer: Answer, direct: DirectAnswer) -> str:
    words = _answers().direct
    clause_id = direct.clause_id or ""
    citation = next(c for c in answer.citations if c.clause_id == clause_id)
    parts = [words.lead.format(names="、".join(direct.lead))] if direct.lead else []
    if direct.responsible:
        parts.append(words.responsible.format(names="、".join(direct.responsible)))
    return words.department.format(
        source=_source(answer, clause_id), label=cited_form(citation.clause_label), parts="；".join(parts)
    )


def _definition_line(answer: Answer, direct: DirectAnswer) -> str:
    clause_id = direct.clause_id or ""
    citation = next(c for c in answer.citations if c.clause_id == clause_id)
    return _answers().direct.definition.format(
        source=_source(answer, clause_id),
        label=cited_form(citation.clause_label),
        term=direct.term or "",
        meaning="".join(direct.conditions),
    )


def _procedure_line(answer: Answer, direct: DirectAnswer) -> str:
    clause_id = direct.clause_id or ""
    citation = next(c for c in answer.citations if c.clause_id == clause_id)
    said = "".join(direct.conditions)
    return _answers().direct.procedure.format(
        source=_source(answer, clause_id),
        label=cited_form(citation.clause_label),
        said=said if said.endswith(("。", "！", "？")) else f"{said}。",
    )


def listed_measures(answer: Answer) -> tuple[MeasureRef, ...]:
    """The items of an answer that lists measures (与您的问题相关的有：· …), in the order the person sees them
    (each document's under its own source); () for an answer that is no list."""
    direct = answer.direct
    if direct is None or direct.kind != "list":
        return ()
    return tuple(m for listed in _by_source(answer, direct.measures).values() for m in listed)


def _by_source(answer: Answer, measures: tuple[MeasureRef, ...]) -> dict[str, list[MeasureRef]]:
    by_source: dict[str, list[MeasureRef]] = {}
    for m in measures:
        by_source.setdefault(_source(answer, m), []).append(m)
    return by_source


def _list_lines(answer: Answer, measures: tuple[MeasureRef, ...]) -> list[str]:
    """A short list of measures, each document's under its own source: a list drawn from several
    regions' documents (a question naming no place) never reads as one region's."""
    words = _answers().direct
    by_source = _by_source(answer, measures)
    lines = []
    for source, listed in by_source.items():
        lines.append(words.listed.format(source=source))
        lines += [
            words.item.format(
                name=m.name,
                side=_side(answer, m),
                amounts=shown_quote(m.amount_text or _granted_without_money(m) or words.unstated),
                details=_item_details(answer, m),
            )
            for m in listed
        ]
    return lines


def _source(answer: Answer, measure: MeasureRef | str) -> str:
    words = _answers().direct
    clause_id = measure if isinstance(measure, str) else measure.clause_id
    document_id = clause_id.rsplit("-", 1)[0]
    document = next(d for d in answer.documents if d.document_id == document_id)
    return words.source.format(
        jurisdiction=document.jurisdiction,
        year=document.year,
        draft=words.draft if document.is_draft else "",
        replaced=_replaced(answer, document_id),
    )


def _replaced(answer: Answer, document_id: str) -> str:
    """（已被新文件替代） / （已过有效期） after a document the answer's notices say was replaced."""
    words = _answers().direct
    for notice in answer.notices:
        if isinstance(notice, SupersededDocument) and notice.document_id == document_id:
            return words.superseded
        if isinstance(notice, ExpiredDocument) and notice.document_id == document_id:
            return words.expired
    return ""


def _is_for_group(answer: Answer, measure: MeasureRef) -> bool:
    """Whether the measure's figure is only for those its conditions name, and the question asked by a general word
    (失业金能领多久 of a 距法定退休年龄不足1年 extension) — neither the measure's own name nor its conditions: the
    answer then says whom the figure is for (its line, when the clause gives others another figure: `by_group`) or
    on what conditions (a line below), so it never reads as everyone's."""
    if not measure.conditions or _OPEN_CONDITION.match(measure.conditions[0]) or measure.name in answer.question:
        return False
    if any(condition in answer.question for condition in measure.conditions):
        return False
    # Only a group the sentence sets before all its figures is the group of each figure (对…的失业人员，可继续发放…);
    # a condition after a figure is one tier's (见习补贴70%，其中对留用…50%及以上的…110%), never said of the first.
    figures = (measure.amount_text or "").split("；")
    first_figure = min((measure.quote.find(f) for f in figures if f and f in measure.quote), default=-1)
    ends = [measure.quote.find(condition) + len(condition) for condition in measure.conditions]
    return first_figure >= 0 and all(
        condition in measure.quote and end <= first_figure
        for condition, end in zip(measure.conditions, ends, strict=True)
    )


def _sides_unpaid(answer: Answer) -> list[str]:
    """Asked for two at once (我和公司都能拿吗), a recipient none of the shown measures pays is answered too: one
    line saying so, never left for the other's figures to be read as theirs."""
    direct = answer.direct
    asked = asked_recipients(answer.question)
    if direct is None or len(asked) < 2 or not direct.measures or direct.kind not in _MEASURE_KINDS:
        return []
    # (a placement or a service pays no one: 公益性岗位托底安置 does not answer what the person gets)
    paid = {m.beneficiary for m in direct.measures if m.pays}
    unpaid = _answers().direct.none_paid_to
    return [unpaid[b] for b in sorted(asked) if b not in paid and b in unpaid]


_MEASURE_KINDS = ("figure", "no_figure", "condition", "list")


def _side(answer: Answer, measure: MeasureRef) -> str:
    """Whom a measure pays, said beside its name; the person's own only when the question asks for a unit's money
    (我和公司都能拿吗: each answered, each labelled; 店里能领啥: a person's measure is never told as the shop's) —
    not to one who hires, whose own reward for hiring (创业吸纳就业奖励) is theirs as the employer."""
    words = _answers().direct
    side = words.sides.get(measure.beneficiary, "")
    asked = asked_recipients(answer.question)
    if (
        not side
        and measure.pays
        and (len(asked) > 1 or (asked - {Beneficiary.PERSON} and not hires_someone(answer.question)))
    ):
        # (a placement — 退役士兵安排工作 — pays no one: it is not said to be paid to the person)
        return words.sides_when_two_asked.get(measure.beneficiary, "")
    return side


def _notices(answer: Answer) -> list[str]:
    return ["", *(f"⚠️ {notice_text(n)}" for n in answer.notices)] if answer.notices else []


def _cited(answer: Answer) -> list[str]:
    """The quotes, grouped by region when several regions answer; each document named once."""
    lines: list[str] = []
    jurisdictions = list(dict.fromkeys(c.jurisdiction for c in answer.citations))
    grouped = answer.region is None and len(jurisdictions) > 1
    number = 0
    cited: set[str] = set()
    for jurisdiction in jurisdictions:
        if grouped:
            lines.append(f"\n【{jurisdiction}】")
        for citation, more in _by_clause(c for c in answer.citations if c.jurisdiction == jurisdiction):
            number += 1
            lines.extend(_quoted(answer, number, citation, cited, more))
    return lines


def _answered(answer: Answer, misfits: Mapping[str, Misfit]) -> str:
    words = _answers()
    direct = direct_lines(answer, misfits)
    lines = [*direct, "", words.direct.based_on] if direct else [words.found]
    shown = {m.measure_id for m in answer.direct.measures} if direct and answer.direct is not None else set()
    # A ruled-out measure the first lines do not name (only quoted) is marked after the quotes.
    unmarked = [misfit for measure_id, misfit in misfits.items() if measure_id not in shown]
    if not answer.citations:
        lines = direct  # a document-status answer: the documents' own metadata, no clause to quote
    lines.extend(_cited(answer))
    if unmarked:
        lines.extend(["", *(_misfit_line(m, words.direct) for m in dict.fromkeys(unmarked))])
    lines.extend(_notices(answer))
    if answer.citations:
        lines.extend(["", words.disclaimer])
    # A status answer quotes nothing: its own line already sends people to the 人社部门 (12333).
    return "\n".join(lines)


def _partial(answer: Answer, missing: MissingAspect) -> str:
    words = _answers()
    aspect: MissingWords | PayerMissingProse = words.missing.procedure
    if missing.kind == "figure":
        aspect = words.missing.figure
    elif missing.kind == "use":
        aspect = words.missing.use
    elif missing.kind == "detail":
        aspect = words.missing.detail
    elif missing.kind == "standard":
        aspect = words.missing.standard
    elif missing.kind == "definition":
        aspect = words.missing.definition
    elif missing.kind == "for_regions":
        aspect = words.missing.for_regions
    elif missing.kind == "payer":
        aspect = prose().payer_missing
    name = words.figure_words(missing.name) if missing.kind == "figure" else missing.name or ""
    if missing.kind == "procedure" and missing.also:
        name = words.missing.procedure_joint.join((name, *missing.also))  # 办理地点或网站和所需材料
    if missing.kind == "payer" and not name:
        # (最多能贷多少，谁出: the cost is not named — the sentence still has a subject)
        name = prose().payer_missing.unnamed
    direct = direct_lines(answer)
    said = words.partial.format(asked=aspect.asked.format(name=name))
    # The first line says what the measure grants; what it leaves open is said before the quote unless
    # that line already says it (没有写明具体金额).
    if missing.kind in ("procedure", "for_regions"):
        # 几月份到账: what was asked is a step of applying the clauses never state — said first, then
        # the clauses themselves; the measure's amount is not what was asked.
        direct = []
    if direct and missing.kind == "payer" and answer.direct is not None and answer.direct.kind == "department":
        # 利息谁出, no sentence naming the payer: said unstated first, then the offices answerable for the measure
        # (its clause's own note) as whom to ask — never as who pays (session 37).
        offices = prose().payer_missing.offices
        lines = [prose().payer_missing.beside.format(name=name), *(offices.format(line=d) for d in direct)]
        lines += ["", words.direct.based_on]
    elif direct and missing.kind == "payer":
        # 最多能贷多少，利息谁出: the figure answers its phrase; who bears the cost is said unstated below it.
        lines = [*direct, prose().payer_missing.beside.format(name=name), "", words.direct.based_on]
    elif direct and missing.kind in ("use", "detail", "standard"):
        # 两个能一起拿不: the measures' own lines never say what was asked — that is said first, plainly,
        # then the measures the clauses grant and the clauses themselves.
        lines = [said, *direct, "", words.direct.based_on]
    elif _WHERE_TO_APPLY in (missing.name, *missing.also) and missing.kind == "procedure":
        # 去哪里办 of clauses naming no place or office: said plainly with the 12333 line, no sentence quoted — a
        # quote about something else (担保基金…8：2) reads as the answer. The clauses stay cited (their buttons).
        lines = [words.partial_unquoted.format(asked=aspect.asked.format(name=name))]
        lines.extend(_notices(answer))
        lines.extend(["", _rule_line(answer, aspect.rule.format(name=name), missing)])
        return "\n".join(lines)
    else:
        lines = [*direct, "", words.direct.based_on] if direct else [said]
    lines.extend(_cited(answer))
    lines.extend(_notices(answer))
    lines.extend(["", _rule_line(answer, aspect.rule.format(name=name), missing)])
    return "\n".join(lines)


# The procedure aspect of where to apply (knowledge/data/scope.yaml `procedure_intent`).
_WHERE_TO_APPLY = "办理地点或网站"


def _rule_line(answer: Answer, rule: str, missing: MissingAspect) -> str:
    """…请以当地人社部门的规定为准: with the offices the asked measure's clause names (牵头部门是市人力资源社会保障局)
    as whom to ask, when a figure it leaves unstated was asked; otherwise the 12333 line alone."""
    words = _answers()
    direct = answer.direct
    if missing.kind == "procedure" and direct is not None and direct.kind == "department" and direct.clause_id:
        # 贷款去哪办, no clause saying where: the offices the quoted clause names (its lead, else its few responsible).
        citation = next((c for c in answer.citations if c.clause_id == direct.clause_id), None)
        return words.offices_rule.format(
            rule=rule,
            source=_source(answer, direct.clause_id),
            label=cited_form(citation.clause_label) if citation is not None else "",
            role=words.offices_roles["lead" if direct.lead else "responsible"],
            offices="、".join(direct.lead or direct.responsible),
        )
    if missing.kind != "figure" or direct is None or not direct.offices or not direct.measures:
        return words.partial_rule.format(rule=rule, hotline=words.hotline)
    measure = direct.measures[0]
    citation = next((c for c in answer.citations if c.clause_id == measure.clause_id), None)
    label = cited_form(citation.clause_label) if citation is not None else ""
    return words.offices_rule.format(
        rule=rule,
        source=_source(answer, measure),
        label=label,
        role=words.offices_roles["lead" if direct.offices_lead else "responsible"],
        offices="、".join(direct.offices),
    )


def not_stated(text: str) -> tuple[str, str] | None:
    """What an answer's text says the documents leave unwritten (its first line, 没有写明您问的…) and its
    closing line (…请以当地人社部门的规定为准); None for an answer that states what was asked."""
    lines = [line for line in text.splitlines() if line.strip()]
    for template in (_answers().partial, _answers().partial_unquoted):
        before, _, after = template.partition("{asked}")
        for line in lines:
            if line.startswith(before) and line.endswith(after) and len(line) > len(before) + len(after):
                return line[len(before) : len(line) - len(after)], lines[-1]
    return None


def own_lines(text: str) -> list[str]:
    """The answer's own lines above its quotes (按…文件，… / · a measure / 对象：… / 条件：…): none for an
    answer that only quotes (根据收录的政策原文，找到以下相关条款：)."""
    words = _answers()
    lines = text.splitlines()
    if not lines or lines[0] == words.found:
        return []
    head = text.split(words.direct.based_on, 1)[0] if words.direct.based_on in text else lines[0]
    return [line for line in head.splitlines() if line.strip()]


def _covered(answer: Answer) -> str:
    words = _answers()
    # A place is named once per year and draft flag, however many of its documents are published.
    entries = dict.fromkeys(
        words.covered_document.format(
            jurisdiction=d.jurisdiction, year=d.year, draft=words.covered_draft if d.is_draft else ""
        )
        for d in answer.documents
    )
    return words.covered.format(documents="、".join(entries))


def _region_not_covered(answer: Answer) -> str:
    words = _answers()
    head = words.region_not_covered.format(place=answer.place)
    if answer.within:
        head = words.region_within.format(place=answer.place, within="、".join(answer.within))
    elif answer.issuers:
        head = words.region_issuer.format(place=answer.place, issuer="、".join(answer.issuers))
    return f"{head}\n{_covered(answer)}\n{words.hotline}"


def _measure_absent(answer: Answer, missing: MissingAspect) -> str:
    words = _answers()
    scope = "、".join(answer.scope) or words.every_region
    lines = [words.measure_absent.format(scope=scope, name=missing.name)]
    if missing.where:
        lines.append(words.measure_elsewhere.format(where="、".join(missing.where), name=missing.name, scope=scope))
    if answer.citations:
        # The clause here on the rest of the question, quoted as what the document does say of it.
        lines.append(words.measure_topic.format(scope=scope, name=missing.name))
        cited: set[str] = set()
        for number, (citation, more) in enumerate(_by_clause(answer.citations), start=1):
            lines.extend(_quoted(answer, number, citation, cited, more))
    return "\n".join([*lines, _covered(answer), words.hotline])


def _group_unnamed(answer: Answer, missing: MissingAspect) -> str:
    """四零五零有啥政策: the documents never name these people, nor say the group they were read as holds them."""
    words = _answers()
    scope = "、".join(answer.scope) or words.every_region
    said = words.group_unnamed.format(scope=scope, name=missing.name, group="、".join(missing.where))
    return "\n".join([said, _covered(answer), words.hotline])


def _computation_declined(missing: MissingAspect) -> str:
    """帮我算下农家乐的个税: the assistant computes nothing for the person — said plainly, with whom to ask,
    and no clause quoted."""
    words = prose().declined
    whom = words.computation_of.get(missing.name or "", words.computation_other)
    return words.computation.format(what=whom.what, ask=whom.ask)


def _no_answer(answer: Answer) -> str:
    words = _answers()
    if answer.intent == "instruction":
        return f"{prose().declined.instruction}\n{words.hotline}"
    head = words.no_answer.format(scope="、".join(answer.scope) if answer.scope else words.every_region)
    return f"{head}\n{_covered(answer)}\n{words.hotline}"
