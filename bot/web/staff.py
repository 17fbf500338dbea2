"""The staff console (/staff): documents and clauses, the answer log, verification, audit, sites.

Every page needs a login (`Staff`); every form post needs the login's CSRF token (`StaffPost`).
Pages are server-rendered HTML without scripts, so the console works with JavaScript off.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from bot.library import DocumentLibrary, DocumentState, DocumentView
from bot.present.citations import clause_name
from bot.web.answer_log import LOG_CHANNELS, MARK_LABELS, VERDICT_LABELS, LogChannel, LogFilter
from bot.web.api import Services
from bot.web.feedback import MISSED_LABELS, QUEUES, RATING_LABELS, QueueName
from bot.web.schemas import ROW_ID_MAX
from bot.web.services import WebServices
from bot.web.sites import SiteError
from bot.web.staff_auth import Staff, StaffPost
from bot.web.templating import CHANNEL_LABELS, templates
from bot.web.widget import UNSET_BASE, embed_base
from knowledge.clauses import Clause
from knowledge.quality import ISSUE_LABELS

# An answer's or a citation's id in a page's address.
RowId = Annotated[int, Path(ge=1, le=ROW_ID_MAX)]

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
QueueShown = Literal["unanswered", "refused", "low_rated", "missed", "partial"]
FILTERS: dict[str, str] = {"all": "全部", "unmarked": "待核实", "verified": "已核实", "flagged": "有问题"}
# The channels staff filter answers and queues by (all of them when none is chosen), by their Chinese names.
CHANNEL_FILTERS: dict[str, str] = {channel: CHANNEL_LABELS[channel] for channel in LOG_CHANNELS}
# A cited clause whose document is no longer answered from: shown from the library, with why.
GONE_NOTE: dict[str, str] = {
    DocumentState.RETIRED: "本条所在文件已停用，不再用于回答；下面是它的原文，供核对停用前的答复。",
    DocumentState.DRAFT_REVIEW: "本条所在文件目前没有发布（待审核），不用于回答；下面是它的原文。",
}


def _page(request: Request, name: str, login: object, status: int = 200, **context: object) -> HTMLResponse:
    web: WebServices = request.app.state.services
    documents, registry = web.rulebook.documents, web.kb.registry
    values = {
        "login": login,
        "mark_labels": MARK_LABELS,
        "verdict_labels": VERDICT_LABELS,
        "clause_name": lambda clause_id: clause_name(clause_id, documents, registry),
        "GONE_NOTE": GONE_NOTE,
        **context,
    }
    return templates.TemplateResponse(request, f"staff/{name}.html", values, status_code=status)


def _not_found(request: Request, login: object, message: str) -> HTMLResponse:
    return _page(request, "error", login, status=404, message=message)


@router.get("/staff", response_class=HTMLResponse)
def home(request: Request, web: Services, login: Staff) -> HTMLResponse:
    return _page(
        request,
        "home",
        login,
        counts=web.answer_log.counts(),
        documents=len(web.kb.registry.documents),
        queues=QUEUES,
        queue_totals=web.feedback.totals(),
    )


@router.get("/staff/documents", response_class=HTMLResponse)
def documents(request: Request, web: Services, login: Staff) -> HTMLResponse:
    registry = web.kb.registry
    quality = {r.document_id: r.summary() for r in registry.quality_reports()}
    rows = [(d, len(registry.clauses_of(d.id)), quality.get(d.id, {})) for d in registry.documents.values()]
    return _page(request, "documents", login, rows=rows, issue_labels={k.value: v for k, v in ISSUE_LABELS.items()})


@router.get("/staff/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, web: Services, login: Staff, document_id: str) -> HTMLResponse:
    registry = web.kb.registry
    if document_id not in registry.documents:
        return _not_found(request, login, f"没有文件“{document_id}”。")
    report = next(r for r in registry.quality_reports() if r.document_id == document_id)
    return _page(
        request,
        "document",
        login,
        document=registry.documents[document_id],
        clauses=registry.clauses_of(document_id),
        report=report,
        issue_labels=ISSUE_LABELS,
        benefits=web.clause_benefits,
        # Staff read a clause by its label (第（九）条), not its id (jilin-2017-09).
        labels={c.id: c.label for c in registry.clauses_of(document_id)},
    )


def _stored_clause(web: WebServices, clause_id: str) -> tuple[Clause, DocumentView] | None:
    """A clause of a document no longer answered from (retired, or back in review): the library keeps
    its text, and answers given before cite it — staff check those quotes against it (session 34)."""
    library = DocumentLibrary(web.engine)
    for view in library.documents():
        if view.state is DocumentState.PUBLISHED or not clause_id.startswith(f"{view.id}-"):
            continue
        found = next((c for c in library.parsed(view.id).clauses if c.id == clause_id), None)
        if found is not None:
            return found, view
    return None


@router.get("/staff/clauses/{clause_id}", response_class=HTMLResponse)
def clause(request: Request, web: Services, login: Staff, clause_id: str) -> HTMLResponse:
    registry = web.kb.registry
    stored = None if registry.has(clause_id) else _stored_clause(web, clause_id)
    if not registry.has(clause_id) and stored is None:
        return _not_found(request, login, f"没有条款“{clause_id}”。")
    item = registry.get(clause_id) if stored is None else stored[0]
    quoted = web.answer_log.quotes_of(clause_id)
    marks = web.answer_log.marks({c.quote_key for c in quoted})
    return _page(
        request,
        "clause",
        login,
        clause=item,
        document=registry.document_of(item) if stored is None else stored[1].document,
        gone=stored[1].state if stored is not None else None,
        benefits=web.clause_benefits.get(clause_id, []),
        quoted=quoted,
        marks=marks,
        quotes=list(dict.fromkeys(c.quote for c in quoted)),
    )


@router.get("/staff/answers", response_class=HTMLResponse)
def answers(
    request: Request,
    web: Services,
    login: Staff,
    show: Literal["all", "unmarked", "verified", "flagged"] = "all",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    channel: LogChannel | None = None,
) -> HTMLResponse:
    which: LogFilter = show
    entries = web.answer_log.entries(which, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE, channel=channel)
    keys = {c.quote_key for e in entries for c in e.citations}
    return _page(
        request,
        "answers",
        login,
        entries=entries[:PAGE_SIZE],
        marks=web.answer_log.marks(keys),
        verdicts=web.answer_log.verdicts(c.id for e in entries for c in e.citations),
        show=show,
        filters=FILTERS,
        channel=channel,
        channels=CHANNEL_FILTERS,
        page=page,
        has_next=len(entries) > PAGE_SIZE,
    )


@router.get("/staff/queue", response_class=HTMLResponse)
def queue(
    request: Request,
    web: Services,
    login: Staff,
    show: QueueShown = "unanswered",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    channel: LogChannel | None = None,
) -> HTMLResponse:
    """Where content is missing: unanswered, declined, low-rated, missed and partly answered questions
    from every channel, or from the one chosen."""
    which: QueueName = show
    rows = web.feedback.queue(which, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE, channel=channel)
    dates, per_day = web.feedback.counts(channel=channel)
    return _page(
        request,
        "queue",
        login,
        rows=rows[:PAGE_SIZE],
        show=show,
        queues=QUEUES,
        channel=channel,
        channels=CHANNEL_FILTERS,
        totals=web.feedback.totals(channel),
        days=[(day, [per_day[name][i] for name in QUEUES]) for i, day in enumerate(dates)][::-1],
        rating_labels=RATING_LABELS,
        missed_labels=MISSED_LABELS,
        page=page,
        has_next=len(rows) > PAGE_SIZE,
    )


NOTE_NEEDED = "请在备注里写一句哪里不对，再点一次“{button}”：同事改答复时要用到。已有的核实记录都还在。"


@router.get("/staff/answers/{answer_id}", response_class=HTMLResponse)
def answer(
    request: Request,
    web: Services,
    login: Staff,
    answer_id: RowId,
    note_for: Annotated[int | None, Query(ge=1, le=ROW_ID_MAX)] = None,
    form: Literal["quote", "answer"] = "quote",
) -> HTMLResponse:
    entry = web.answer_log.entry(answer_id)
    if entry is None:
        return _not_found(request, login, f"没有第{answer_id}条答复记录。")
    registry = web.kb.registry
    rows = []
    gone: dict[str, DocumentState] = {}  # cited clauses of documents no longer answered from
    for citation in entry.citations:
        item = registry.get(citation.clause_id) if registry.has(citation.clause_id) else None
        if item is None and (stored := _stored_clause(web, citation.clause_id)) is not None:
            item, gone[citation.clause_id] = stored[0], stored[1].state
        rows.append(
            (
                citation,
                item,
                web.answer_log.history(citation.quote_key),
                web.answer_log.verdict_history(citation.id),
            )
        )
    # A flag sent without a note comes back here, to the citation it was for, with a polite word.
    button = "⚑ 引文有误" if form == "quote" else "⚑ 这条答复有问题"
    return _page(
        request,
        "answer",
        login,
        entry=entry,
        rows=rows,
        gone=gone,
        feedback=web.feedback.of_answer(answer_id),
        rating_labels=RATING_LABELS,
        note_for=note_for,
        note_form=form,
        note_needed=NOTE_NEEDED.format(button=button),
    )


def _marked(
    request: Request, web: WebServices, login: object, citation_id: int, form: Literal["quote", "answer"]
) -> Response:
    """Back to the answer page after a mark, or — a flag without a note — to the same page and the
    same citation with the request for a note (nothing is stored, nothing already stored is lost)."""
    answer_id = web.answer_log.answer_of(citation_id)
    if answer_id is None:
        return _not_found(request, login, f"没有第{citation_id}条引用。")
    # No #fragment: a page with a target element skips autofocus (HTML spec), and the focused note
    # field scrolls itself into view.
    return RedirectResponse(f"/staff/answers/{answer_id}?note_for={citation_id}&form={form}", status_code=303)


@router.post("/staff/citations/{citation_id}/mark")
def mark(
    request: Request,
    web: Services,
    login: StaffPost,
    citation_id: RowId,
    status: Annotated[Literal["verified", "flagged"], Form()],
    note: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """A mark on the quote itself (verbatim and correct, or not): in force wherever it is quoted."""
    if status == "flagged" and not note.strip():
        return _marked(request, web, login, citation_id, "quote")
    citation = web.answer_log.mark(citation_id, status, note, login.name)
    if citation is None:
        return _not_found(request, login, f"没有第{citation_id}条引用。")
    return RedirectResponse(f"/staff/answers/{citation.answer_id}#citation-{citation.id}", status_code=303)


@router.post("/staff/citations/{citation_id}/verdict")
def verdict(
    request: Request,
    web: Services,
    login: StaffPost,
    citation_id: RowId,
    status: Annotated[Literal["apt", "misapplied", "flagged"], Form()],
    note: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """A verdict on how this one answer used the quote: never shown on another answer."""
    if status == "flagged" and not note.strip():
        return _marked(request, web, login, citation_id, "answer")
    citation = web.answer_log.judge_answer(citation_id, status, note, login.name)
    if citation is None:
        return _not_found(request, login, f"没有第{citation_id}条引用。")
    return RedirectResponse(f"/staff/answers/{citation.answer_id}#citation-{citation.id}", status_code=303)


@router.get("/staff/audit", response_class=HTMLResponse)
def audit(
    request: Request, web: Services, login: Staff, page: Annotated[int, Query(ge=1, le=10_000)] = 1
) -> HTMLResponse:
    events = web.audit.recent(limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    return _page(request, "audit", login, events=events[:PAGE_SIZE], page=page, has_next=len(events) > PAGE_SIZE)


@router.get("/staff/export/answers.csv")
def export(web: Services, login: Staff, channel: LogChannel | None = None) -> StreamingResponse:
    """The answer log as a spreadsheet: of every channel, or of the one the page is filtered by."""
    web.audit.record(login.name, "export", f"answers.csv{'?channel=' + channel if channel else ''}")
    name = f"policybot-answers{'-' + channel if channel else ''}.csv"
    return StreamingResponse(
        web.answer_log.export_csv(channel),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.get("/staff/export/queue.csv")
def export_queue(
    web: Services, login: Staff, show: QueueShown = "unanswered", channel: LogChannel | None = None
) -> StreamingResponse:
    """One staff queue with why each question is in it (the page's filters, as a spreadsheet)."""
    of = f"&channel={channel}" if channel else ""
    web.audit.record(login.name, "export", f"queue.csv?show={show}{of}")
    name = f"policybot-queue-{show}{'-' + channel if channel else ''}.csv"
    return StreamingResponse(
        web.feedback.export_csv(show, channel),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.get("/staff/sites", response_class=HTMLResponse)
def sites(request: Request, web: Services, login: Staff) -> HTMLResponse:
    return _page(
        request, "sites", login, sites=web.sites.all(), error="", base=embed_base(web.settings), unset_base=UNSET_BASE
    )


@router.post("/staff/sites")
def add_site(
    request: Request,
    web: Services,
    login: StaffPost,
    name: Annotated[str, Form(max_length=100)] = "",
    origins: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    try:
        web.sites.add(name, origins.split(), login.name)
    except SiteError as exc:
        return _page(
            request, "sites", login, status=422, sites=web.sites.all(), error=str(exc),
            base=embed_base(web.settings), unset_base=UNSET_BASE,
        )  # fmt: skip
    return RedirectResponse("/staff/sites", status_code=303)


@router.post("/staff/sites/{key}/remove")
def remove_site(web: Services, login: StaffPost, key: str) -> Response:
    web.sites.remove(key, login.name)
    return RedirectResponse("/staff/sites", status_code=303)
