"""The staff console's document library (issue 13): every stored document with its state, upload
(multipart, several files at once), a review page with the parsed clauses beside the original text,
the quality report and the extracted metadata, then publish (optionally replacing an older one) or
retire (optionally naming the newer one). Login and CSRF as every console page; every change is in
the audit trail. Published and retired documents reach every process within seconds (bot/live.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from bot.library import MAX_FILE_BYTES, DocumentLibrary, DocumentState, LibraryError, Upload
from bot.present import documents as words
from bot.present.prose import prose
from bot.present.rules import report_lines
from bot.web.api import Services
from bot.web.staff_auth import Staff, StaffPost
from bot.web.templating import templates
from eligibility.rulebook import default_rulebook
from knowledge.quality import ISSUE_LABELS

router = APIRouter(include_in_schema=False)
UPLOAD_PATH = "/staff/library/upload"
RULES_PATH = "/staff/library/rules"
MAX_FILES = 10
MAX_UPLOAD_BYTES = MAX_FILE_BYTES + 1024 * 1024
# A benefit's YAML is a few kilobytes; ten of them with room to spare.
MAX_RULES_BYTES = 64 * 1024
MAX_RULES_UPLOAD_BYTES = MAX_FILES * MAX_RULES_BYTES + 64 * 1024


def _library(web: Services) -> DocumentLibrary:
    library = DocumentLibrary(web.engine)
    library.ensure_seeds()
    return library


def _page(request: Request, name: str, login: object, status: int = 200, **context: object) -> HTMLResponse:
    values = {"login": login, "state_label": words.state_label, "status_label": words.status_label, **context}
    return templates.TemplateResponse(request, f"staff/{name}.html", values, status_code=status)


def _list(
    request: Request,
    web: Services,
    login: object,
    error: str | Sequence[str] = "",
    status: int = 200,
    notice: str | Sequence[str] = "",
) -> HTMLResponse:
    """The library page; `error` and `notice` are one text or one line per file of an upload."""
    views = _library(web).documents()
    return _page(
        request,
        "library",
        login,
        status=status,
        views=views,
        errors=_lines(error),
        notices=_lines(notice or request.query_params.get("notice", "")),
        upload_hint=words.upload_hint(),
    )


def _lines(text: str | Sequence[str]) -> list[str]:
    return ([text] if text else []) if isinstance(text, str) else [line for line in text if line]


@router.get("/staff/library", response_class=HTMLResponse)
def library_page(request: Request, web: Services, login: Staff) -> HTMLResponse:
    return _list(request, web, login)


@router.post(UPLOAD_PATH, response_model=None)
async def upload(
    request: Request,
    web: Services,
    login: StaffPost,
    files: Annotated[list[UploadFile], File()],
    publish: Annotated[str, Form(max_length=10)] = "",
    jurisdiction: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """Add the files (in review, or published at once); `jurisdiction`, when staff fill it, is the
    place they govern instead of the one read from each file. A file that lacks its place, issuer or
    date is kept in review even when publishing, and the page says what to fill in."""
    chosen = [f for f in files if f.filename]
    if not chosen:
        return _list(request, web, login, prose().intake.empty, status=422)
    uploads = []
    for item in chosen[:MAX_FILES]:
        data = await item.read(MAX_FILE_BYTES + 1)
        uploads.append(Upload(data, item.filename or "upload"))
    library = _library(web)
    try:
        outcomes = library.add_each(
            uploads, login.name, publish=publish == "1", jurisdiction=jurisdiction.strip() or None
        )
    except LibraryError as exc:
        return _list(request, web, login, words.error_text(exc), status=422)
    # One file lands on its review page, which shows its state; several land on the list, told which
    # were added and in what state (as the CLI tells it). Either is told why a file was held. A file
    # refused alone leaves the others added; the page then answers 422 (as the CLI exits 1) with each
    # file's outcome.
    added = [outcome.view for outcome in outcomes if outcome.view is not None]
    refused = [outcome.refusal for outcome in outcomes if outcome.refusal is not None]
    several = len(outcomes) > 1
    said: list[str] = []
    for outcome in outcomes:
        view = outcome.view
        if view is None:
            continue
        web.audit.record(login.name, "document_added", view.id, view.document.title)
        if several:
            said.append(words.added_text(view, outcome.filename))
        if view.state == DocumentState.PUBLISHED:
            web.audit.record(login.name, "document_published", view.id)
        elif publish == "1" and (blocker := library.publish_blocker(view.id)) is not None:
            said.append(words.held_text(blocker, alone=not several))
    if refused:
        lines = [words.not_added_text(exc, alone=not several) for exc in refused]
        if several:
            lines.append(words.batch_summary(len(outcomes), len(refused)))
        return _list(request, web, login, lines, status=422, notice=said)
    target = "/staff/library" if several else f"/staff/library/{added[0].id}"
    if said:
        target += f"?notice={quote(''.join(said))}"
    return RedirectResponse(target, status_code=303)


@router.get("/staff/library/{document_id}", response_class=HTMLResponse)
def review(request: Request, web: Services, login: Staff, document_id: str) -> HTMLResponse:
    return _review(request, web, login, document_id, notice=request.query_params.get("notice", ""))


def _review(
    request: Request,
    web: Services,
    login: object,
    document_id: str,
    status: int = 200,
    notice: str = "",
    error: str = "",
    rules_problems: Sequence[str] = (),
) -> HTMLResponse:
    """The review page: metadata, quality report, clauses beside the original, rules, actions."""
    library = _library(web)
    try:
        view = library.get(document_id)
        parsed = library.parsed(document_id)
        original = library.text(document_id)
        repeals = library.repeals(document_id)
    except LibraryError as exc:
        return _page(request, "error", login, status=404, message=words.error_text(exc))
    return _page(
        request,
        "library_review",
        login,
        status=status,
        view=view,
        metadata=words.metadata(view),
        parsed=parsed,
        original=original,
        others=[v for v in library.documents() if v.id != document_id],
        issue_labels=ISSUE_LABELS,
        notice=notice,
        error=error,
        rules=library.rules(document_id),
        has_packaged_rules=document_id in default_rulebook().documents,
        rules_problems=rules_problems,
        rules_path=RULES_PATH,
        repeal_lines=words.repeal_lines(repeals),
        repealed=repeals.to_retire,
    )


def _after(request: Request, web: Services, login: object, document_id: str, message: str) -> Response:
    return RedirectResponse(f"/staff/library/{document_id}?notice={quote(message)}", status_code=303)


def _refused(request: Request, web: Services, login: object, document_id: str, exc: LibraryError) -> HTMLResponse:
    return _review(request, web, login, document_id, status=422, error=words.error_text(exc))


@router.post(RULES_PATH, response_model=None)
async def upload_rules(
    request: Request,
    web: Services,
    login: StaffPost,
    files: Annotated[list[UploadFile], File()],
    document_id: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Rules for a document without packaged rules: checked as `policybot rules check` checks them,
    stored only when every file passes, live within seconds for a published document."""
    words_ = prose().staff_rules
    chosen = [f for f in files if f.filename][:MAX_FILES]
    uploads = [Upload(await item.read(MAX_RULES_BYTES + 1), item.filename or "rules.yaml") for item in chosen]
    if not uploads:
        return _review(request, web, login, document_id, status=422, error=words_.empty)
    if any(len(u.data) > MAX_RULES_BYTES for u in uploads):
        return _review(request, web, login, document_id, status=422, error=words_.too_large)
    try:
        reports = await run_in_threadpool(_library(web).add_rules, document_id, uploads, login.name)
    except LibraryError as exc:
        return _refused(request, web, login, document_id, exc)
    if not all(report.ok for report in reports):
        lines = [line for report in reports for line in report_lines(report)]
        return _review(request, web, login, document_id, status=422, error=words_.refused, rules_problems=lines)
    names = "、".join(report.name or report.source for report in reports)
    web.audit.record(login.name, "rules_added", document_id, names)
    state = _library(web).get(document_id).state
    template = words_.stored_live if state == DocumentState.PUBLISHED else words_.stored
    return _after(request, web, login, document_id, template.format(count=len(reports), names=names))


class MetadataForm(BaseModel):
    """The review page's metadata form: every field at once, as staff typed it."""

    model_config = ConfigDict(extra="ignore")

    title: str = Field(default="", max_length=400)
    issuer: str = Field(default="", max_length=300)
    document_number: str = Field(default="", max_length=200)
    jurisdiction: str = Field(default="", max_length=100)
    signed: str = Field(default="", max_length=40)
    effective: str = Field(default="", max_length=40)
    valid_until: str = Field(default="", max_length=40)
    draft: str = Field(default="0", max_length=10)


@router.post("/staff/library/{document_id}/edit", response_model=None)
def edit(
    request: Request, web: Services, login: StaffPost, document_id: str, typed: Annotated[MetadataForm, Form()]
) -> Response:
    """The extracted metadata corrected before publishing."""
    changes = typed.model_dump()
    try:
        view, changed = _library(web).edit(document_id, login.name, changes)
    except LibraryError as exc:
        return _refused(request, web, login, document_id, exc)
    words_ = prose().document_edit
    if not changed:
        return _after(request, web, login, document_id, words_.unchanged)
    web.audit.record(login.name, "document_edited", document_id, ", ".join(changed))
    names = words.changed_fields(changed)
    return _after(request, web, login, document_id, words_.edited.format(id=view.id, fields=names))


@router.post("/staff/library/{document_id}/publish", response_model=None)
def publish(
    request: Request,
    web: Services,
    login: StaffPost,
    document_id: str,
    supersedes: Annotated[str, Form(max_length=64)] = "",
    retire_repealed: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """Publish; with the 发布并停用被废止的文件 button, the published documents it says it repeals are
    retired in the same transaction (each audited), never otherwise."""
    library = _library(web)
    retiring = retire_repealed == "1"
    try:
        to_retire = library.repeals(document_id).to_retire if retiring else ()
        view = library.publish(document_id, login.name, supersedes=supersedes or None, retire_repealed=retiring)
    except LibraryError as exc:
        return _refused(request, web, login, document_id, exc)
    web.audit.record(login.name, "document_published", document_id, f"supersedes {supersedes}" if supersedes else "")
    said = [prose().documents.published.format(id=view.id, title=view.document.title)]
    for old in to_retire:
        older = library.get(old)
        web.audit.record(login.name, "document_retired", old, f"repealed by {document_id}")
        said.append(prose().documents.repeals.retired.format(old=old, title=older.document.title, id=document_id))
    return _after(request, web, login, document_id, "".join(said))


@router.post("/staff/library/{document_id}/retire", response_model=None)
def retire(
    request: Request,
    web: Services,
    login: StaffPost,
    document_id: str,
    superseded_by: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    try:
        view = _library(web).retire(document_id, login.name, superseded_by=superseded_by or None)
    except LibraryError as exc:
        return _refused(request, web, login, document_id, exc)
    web.audit.record(
        login.name, "document_retired", document_id, f"superseded by {superseded_by}" if superseded_by else ""
    )
    return _after(
        request, web, login, document_id, prose().documents.retired.format(id=view.id, title=view.document.title)
    )


@router.get("/staff/library/{document_id}/original", response_model=None)
def original(request: Request, web: Services, login: Staff, document_id: str) -> Response:
    try:
        filename, media_type, data = _library(web).original(document_id)
    except LibraryError as exc:
        return _page(request, "error", login, status=404, message=words.error_text(exc))
    # Served as a download, never rendered: an uploaded HTML file runs no script in the console.
    return Response(
        data,
        media_type="application/octet-stream",
        headers={
            "content-disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
            "x-original-type": media_type,
        },
    )
