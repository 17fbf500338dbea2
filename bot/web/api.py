"""The public JSON API: ask, check, chat, clauses, documents, and the health probes.

Each route translates: a request model in, the same call every channel makes, a response out.
Answers are logged for staff review; citations carry `verified` from staff marks.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Request
from fastapi.responses import JSONResponse, Response

from bot.db import is_reachable
from bot.dialogue.service import session_key
from bot.dialogue.types import Reply, Turn
from bot.present import citations as worded
from bot.present.problems import problem_json, problem_text
from bot.present.prose import prose
from bot.web.answer_log import quote_key
from bot.web.errors import ApiError
from bot.web.schemas import (
    ERROR_RESPONSES,
    AskRequest,
    AskResponse,
    ChatCitation,
    ChatReply,
    ChatRequest,
    ChatResponse,
    CitationWording,
    ClauseResponse,
    DocumentResponse,
    Health,
    Readiness,
    WebCitation,
)
from bot.web.services import WebServices
from eligibility.errors import ProfileError
from knowledge.citations import Citation, make_citation
from knowledge.errors import QueryError
from knowledge.registry import Registry

log = logging.getLogger(__name__)
router = APIRouter()
CLAUSE_ID = r"^[a-z0-9][a-z0-9-]{0,63}$"
PROFILE_EXAMPLE = {"region": "长春", "employment_status": "self_employed", "education": "college"}


def services(request: Request) -> WebServices:
    return request.app.state.services  # type: ignore[no-any-return]


Services = Annotated[WebServices, Depends(services)]


def _json(model: Any) -> Response:
    return Response(model.model_dump_json(), media_type="application/json")


def with_verified(citations: Iterable[Citation], keys: frozenset[str]) -> list[WebCitation]:
    return [WebCitation(**c.model_dump(), verified=quote_key(c.clause_id, c.quote) in keys) for c in citations]


def wording(citation: Citation, registry: Registry) -> dict[str, Any]:
    """How bot/present words this citation (the widget shows it as it is)."""
    document = registry.document_of(registry.get(citation.clause_id))
    return CitationWording(
        title=worded.title(citation),
        reference=worded.reference(citation, document.document_number),
        status_note=worded.status_note(citation),
    ).model_dump()


@router.post(
    "/api/ask",
    response_model=AskResponse,
    responses=ERROR_RESPONSES,
    tags=["问答"],
    summary="就政策提问，引用条款原文回答（同 policybot ask --json）",
)
def ask(body: AskRequest, web: Services) -> Response:
    try:
        result = web.ask(body.question, body.region, body.as_of or web.clock())
    except QueryError as exc:
        message = str(exc)
        raise ApiError(
            422, "bad_question", message, question=body.question, answer=message, region=None, citations=[]
        ) from None
    web.answer_log.record(
        "api", result.question, result.answer, result.citations, status=result.status.value, region=result.region
    )
    keys = web.answer_log.verified_keys()
    data = result.model_dump()
    data["citations"] = with_verified(result.citations, keys)
    data["measures"] = result.measures  # the models, as model_construct does not validate dicts back
    return _json(AskResponse.model_construct(**data))


@router.post(
    "/api/check",
    responses=ERROR_RESPONSES,
    tags=["补贴自查"],
    summary="补贴资格自查：一份资料 → 结果与下一个问题（同 policybot check --json）",
)
def check(
    web: Services,
    profile: Annotated[
        dict[str, Any], Body(description="资料：事实名称 → 取值（见 docs/eligibility.md）", examples=[PROFILE_EXAMPLE])
    ],
) -> JSONResponse:
    try:
        return JSONResponse(web.checker.check(profile, web.clock()))
    except ProfileError as exc:
        message = prose().eligibility.profile_errors.invalid_profile.format(message=problem_text(exc))
        raise ApiError(422, "bad_profile", message, detail=problem_json(exc)) from None


@router.post(
    "/api/chat",
    response_model=ChatResponse,
    responses=ERROR_RESPONSES,
    tags=["对话"],
    summary="与机器人对话一轮：文字或按钮 → 回复（带按钮和引用）",
)
def chat(body: ChatRequest, web: Services) -> Response:
    session_id = body.session_id or secrets.token_urlsafe(18)
    key = session_key("web", session_id)
    # Every turn carries an id, so a resent turn (a retry after a lost response) is not handled twice.
    turn = Turn(text=body.message, action=body.choice, id=body.turn_id or secrets.token_hex(8))
    handled = web.conversations.handle_turn(key, turn)
    replies = handled.replies
    log.debug("chat turn (%s): replies %s", "button" if body.choice else "text", [r.kind for r in replies])
    if handled.forgotten:
        web.answer_log.forget_session(key)
    elif body.message is not None:
        for reply in replies:
            if reply.kind == "answer":
                web.answer_log.record("chat", body.message.strip(), reply.text, reply.citations, session_key=key)
    keys = web.answer_log.verified_keys()
    registry = web.kb.registry
    return _json(ChatResponse(session_id=session_id, replies=[_chat_reply(r, keys, registry) for r in replies]))


def _chat_reply(reply: Reply, keys: frozenset[str], registry: Registry) -> ChatReply:
    data = {name: getattr(reply, name) for name in type(reply).model_fields}
    data["citations"] = tuple(
        ChatCitation(**c.model_dump(), **wording(c, registry)) for c in with_verified(reply.citations, keys)
    )
    return ChatReply.model_construct(**data)


@router.get(
    "/api/clauses/{clause_id}",
    response_model=ClauseResponse,
    responses={404: ERROR_RESPONSES[422] | {"description": "没有这一条款"}, 429: ERROR_RESPONSES[429]},
    tags=["政策文件"],
    summary="一条条款：规范化全文、原文和出处",
)
def clause(web: Services, clause_id: Annotated[str, Path(pattern=CLAUSE_ID, examples=["jilin-2017-07"])]) -> Response:
    registry = web.kb.registry
    if not registry.has(clause_id):
        raise ApiError(404, "clause_not_found", f"没有找到条款“{clause_id}”。")
    item = registry.get(clause_id)
    document = registry.document_of(item)
    return _json(
        ClauseResponse(
            **wording(make_citation(item, document, item.text, None), registry),
            clause_id=item.id,
            document_id=document.id,
            document_title=document.title,
            document_number=document.document_number,
            issuer=document.issuer,
            jurisdiction=document.jurisdiction,
            date=document.signed.isoformat(),
            document_status=document.status.value,
            clause_number=item.clause_number,
            clause_label=item.label,
            heading=item.heading,
            section_heading=item.section_heading,
            text=item.text,
            original_text=item.original_text,
            verified_quotes=web.answer_log.verified_quotes(clause_id),
        )
    )


@router.get("/api/documents", response_model=list[DocumentResponse], tags=["政策文件"], summary="收录的政策文件")
def documents(web: Services) -> list[DocumentResponse]:
    registry = web.kb.registry
    quality = {r.document_id: r.summary() for r in registry.quality_reports()}
    return [
        DocumentResponse(
            id=d.id,
            title=d.title,
            short_name=d.short_name,
            issuer=d.issuer,
            jurisdiction=d.jurisdiction,
            document_number=d.document_number,
            signed=d.signed,
            published=d.published,
            status=d.status.value,
            status_label=d.status_label,
            clause_count=len(registry.clauses_of(d.id)),
            quality=quality.get(d.id, {}),
        )
        for d in registry.documents.values()
    ]


@router.get("/healthz", response_model=Health, tags=["运维"], summary="存活检查")
@router.head("/healthz", include_in_schema=False)  # load balancers and uptime checkers probe with HEAD
def healthz() -> Health:
    return Health(status="ok")


@router.head("/readyz", include_in_schema=False)
@router.get(
    "/readyz",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "未就绪"}},
    tags=["运维"],
    summary="就绪检查：索引已加载、数据库可达",
)
def readyz(web: Services) -> JSONResponse:
    checks = {
        "index": len(web.kb.lexical.clauses) == len(web.kb.registry.clauses) > 0,
        "vectors": web.kb.store.is_ready(),
        "database": is_reachable(web.engine),
    }
    if not checks["index"] or not checks["database"]:
        status, code = "not_ready", 503
    else:
        status, code = ("ready" if checks["vectors"] else "degraded"), 200
    return JSONResponse(Readiness(status=status, checks=checks).model_dump(), status_code=code)  # type: ignore[arg-type]
