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

from bot.db import is_reachable, is_writable
from bot.dialogue.ports import SessionAccess
from bot.dialogue.service import TurnWrites
from bot.dialogue.store import SessionRows
from bot.dialogue.types import Outcome, Reply, Turn
from bot.library import DocumentLibrary, DocumentState, LibraryError
from bot.present import citations as worded
from bot.present.conversation import welcome_text
from bot.present.problems import problem_json, problem_text, profile_warning
from bot.present.prose import prose
from bot.web.answer_log import ChatTurn, quote_key
from bot.web.errors import ApiError
from bot.web.feedback import new_ref
from bot.web.profile_schema import CHECK_RESPONSE, packaged_profile_schema
from bot.web.schemas import (
    DATABASE_RESPONSES,
    ERROR_RESPONSES,
    GUARD_RESPONSES,
    SESSION_ID,
    AskRequest,
    AskResponse,
    ChatCitation,
    ChatReply,
    ChatRequest,
    ChatResponse,
    CitationWording,
    ClauseResponse,
    DocumentResponse,
    FeedbackRequest,
    FeedbackResponse,
    Health,
    NewConversationRequest,
    Readiness,
    TranscriptResponse,
    WebCitation,
)
from bot.web.services import WebServices
from bot.web.transcript import Glance
from eligibility.errors import ProfileError
from knowledge.answer_model import AnswerStatus
from knowledge.citations import Citation, make_citation
from knowledge.errors import QueryError
from knowledge.registry import Registry

log = logging.getLogger(__name__)
CHAT_PATH = "/api/chat"
router = APIRouter(responses=GUARD_RESPONSES)
CLAUSE_ID = r"^[a-z0-9][a-z0-9-]{0,63}$"
PROFILE_EXAMPLE = {"region": "长春", "employment_status": "self_employed", "education": "college"}


async def services(request: Request) -> WebServices:
    """Async on purpose: FastAPI runs a plain `def` dependency on the thread pool, and handing it there
    and back (waking a worker, then the event loop) cost more than every other part of reading a
    request (issue 14)."""
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
    responses=ERROR_RESPONSES | DATABASE_RESPONSES,
    tags=["问答"],
    summary="就政策提问，引用条款原文回答（同 policybot ask --json）",
)
def ask(body: AskRequest, web: Services) -> Response:
    web.refresh(now=True)  # a document published or retired a moment ago, by any process, counts
    try:
        result = web.ask(body.question, body.region, body.as_of or web.clock())
    except QueryError as exc:
        # A well-formed question we cannot read (symbols only, words we do not know): answered, as
        # the chat answers it, with what to ask instead — the schema cannot tell such text apart.
        unread = AskResponse(
            question=body.question, status=AnswerStatus.NO_ANSWER, answer=str(exc), region=None, citations=[]
        )
        return _json(unread)
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
    responses={200: CHECK_RESPONSE, **ERROR_RESPONSES},
    tags=["补贴自查"],
    summary="补贴资格自查：一份资料 → 结果与下一个问题（同 policybot check --json，另加 warnings）",
    openapi_extra={"requestBody": {"content": {"application/json": {"schema": packaged_profile_schema()}}}},
)
def check(
    web: Services,
    profile: Annotated[
        dict[str, Any], Body(description="资料：事实名称 → 取值（见 docs/eligibility.md）", examples=[PROFILE_EXAMPLE])
    ],
) -> JSONResponse:
    try:
        result, set_aside = web.checker.check_setting_dates_aside(profile, web.clock())
        return JSONResponse({**result, "warnings": [profile_warning(error) for error in set_aside]})
    except ProfileError as exc:
        message = prose().eligibility.profile_errors.invalid_profile.format(message=problem_text(exc))
        raise ApiError(422, "bad_profile", message, detail=problem_json(exc)) from None


@router.post(
    CHAT_PATH,
    response_model=ChatResponse,
    responses=ERROR_RESPONSES | DATABASE_RESPONSES,
    tags=["对话"],
    summary="与机器人对话一轮：文字或按钮 → 回复（带按钮和引用）",
)
def chat(body: ChatRequest, web: Services) -> Response:
    web.refresh(now=True)  # a document published or retired a moment ago, by any process, counts
    session_id = body.session_id or secrets.token_urlsafe(18)
    key = web.conversations.key_of("web", session_id)
    # The glance, the session and the answer logged last: one statement before the turn (issue 14).
    before = web.turn_reads.before_turn(key, body.turn_id, body.choice)
    seen, session, last_answer = before.glance, before.session, before.last_answer
    issued = body.session_id is None
    if body.session_id is not None and not seen.exists and session[0] is None:
        # An unknown or forgotten id gets a fresh conversation, never one under an id the client chose.
        session_id = secrets.token_urlsafe(18)
        key = web.conversations.key_of("web", session_id)
        seen = Glance(exists=False, replayed=False, offered=frozenset())
        session, last_answer = (None, None), None  # nothing is stored under a key made just now
        issued = True
    if seen.replayed and body.turn_id is not None:  # a resent turn: the same replies again
        stored = web.transcripts.replies_of(key, body.turn_id) or []
        return _json(ChatResponse(session_id=session_id, replies=[ChatReply.model_validate(r) for r in stored]))
    if body.choice is not None and not seen.is_offered(body.choice):
        # A button from before 重新开始 / 新对话, or one never offered: refused, the session untouched.
        stale = [
            ChatReply.model_validate(Reply(kind="notice", text=prose().conversation_care.stale_button).model_dump())
        ]
        if issued:
            # The id handed out now must name a conversation (GET /api/chat/{id}): it starts with the notice.
            web.transcripts.record(key, body.turn_id, None, [r.model_dump(mode="json") for r in stale])
        return _json(ChatResponse(session_id=session_id, replies=stale))
    pressed = seen.pressed if body.choice is not None else None
    # Every turn carries an id, so a resent turn (a retry after a lost response) is not handled twice.
    turn_id = body.turn_id or secrets.token_hex(8)
    turn = Turn(text=body.message, action=body.choice, id=turn_id)
    replies: list[ChatReply] = []
    read_with_the_glance = True  # the last answer as read with the glance: this turn's first answer only

    def store_with_the_turn(outcome: Outcome) -> TurnWrites:
        """The replies as sent, the transcript and the answers logged for staff, made ready from the
        outcome (on SQLite before the turn takes the write lock) and written in the turn's own
        transaction: one commit for the session and them."""
        if outcome.state is None:  # /forget: nothing is stored
            return lambda rows: None
        keys = web.answer_log.verified_keys()
        typed = body.message is not None
        replies[:] = [
            _chat_reply(reply, keys, web, new_ref() if typed and reply.kind == "answer" else None)
            for reply in outcome.replies
        ]
        said = body.message if typed else (None if replies and replies[0].replaces_previous else pressed)
        shown = [r.model_dump(mode="json") for r in replies]
        starts_over = any(r.starts_over for r in replies)
        answered = [r for r in replies if r.feedback_ref is not None]  # answers to a typed question
        # What this typed message asked, as understood: it tells the answer before it whether it missed.
        asked = next((r.asked for r in answered if r.asked), None)
        # Judged before the turn's transaction, on the answer read with the glance: nothing is read inside
        # it. A turn answered again (another process wrote the session meanwhile) reads it afresh.
        nonlocal read_with_the_glance
        settling = None
        if typed and read_with_the_glance:
            settling = web.answer_log.settling_after(last_answer, key, body.message or "", asked, outcome.told)
        elif typed:
            settling = web.answer_log.settling(key, body.message or "", asked, outcome.told)
        read_with_the_glance = False

        def write(rows: SessionAccess) -> None:
            if isinstance(rows, SessionRows):
                web.transcripts.add(rows.connection, key, turn_id, said, shown, starts_over)
                if settling is not None:
                    web.answer_log.settle_on(rows.connection, settling)
                for reply in answered:
                    logged = _logged(body.message, reply)
                    web.answer_log.add(rows.connection, "web", *logged, session_key=key, turn=_turn_of(reply))
            else:
                web.transcripts.record(key, turn_id, said, shown, starts_over)
                if typed:
                    web.answer_log.said(key, body.message or "", asked, outcome.told)
                for reply in answered:
                    logged = _logged(body.message, reply)
                    web.answer_log.record("web", *logged, session_key=key, turn=_turn_of(reply))

        return write

    handled = web.conversations.handle_turn(key, turn, also=store_with_the_turn, session=session)
    log.debug("chat turn (%s): replies %s", "button" if body.choice else "text", [r.kind for r in handled.replies])
    if handled.forgotten:
        web.forget_person(key, session_deleted=True)
        keys = web.answer_log.verified_keys()
        return _json(
            ChatResponse(
                session_id=session_id, replies=[_chat_reply(r, keys, web) for r in handled.replies], forgotten=True
            )
        )
    return _json(ChatResponse(session_id=session_id, replies=replies))


def _logged(message: str | None, reply: ChatReply) -> tuple[str, str, list[Citation], str | None]:
    """What the answer log keeps of an answer to a typed question: question, answer, citations, status."""
    return (message or "").strip(), reply.text, list(reply.citations), reply.answer_status


def _turn_of(reply: ChatReply) -> ChatTurn:
    """What the answer log keeps of an answer besides its words: its feedback reference, what it was
    understood to ask and the asked parts it left unanswered."""
    return ChatTurn(reply.feedback_ref, reply.asked, reply.unanswered_parts)


def _chat_reply(reply: Reply, keys: frozenset[str], web: WebServices, feedback_ref: str | None = None) -> ChatReply:
    registry = web.kb.registry
    data = {name: getattr(reply, name) for name in type(reply).model_fields}
    data["citations"] = tuple(
        ChatCitation(**c.model_dump(), **wording(c, registry)) for c in with_verified(reply.citations, keys)
    )
    if reply.kind == "welcome":  # the widget's buttons stand for the slash commands
        data["text"] = welcome_text(web.rulebook.jurisdictions, with_commands=False)
    data["feedback_ref"] = feedback_ref
    return ChatReply.model_construct(**data)


@router.get(
    "/api/chat/{session_id}",
    response_model=TranscriptResponse,
    responses={
        404: ERROR_RESPONSES[422] | {"description": "没有这段对话"},
        422: ERROR_RESPONSES[422],
        **DATABASE_RESPONSES,
    },
    tags=["对话"],
    summary="一段对话的记录（网页小窗重新打开时显示）",
)
def transcript(web: Services, session_id: Annotated[str, Path(pattern=SESSION_ID)]) -> Response:
    key = web.conversations.key_of("web", session_id)
    entries = web.transcripts.entries(key)
    if not entries and web.conversations.state(key) is None:
        raise ApiError(404, "session_not_found", "没有找到这段对话（可能已删除或已过期），请开始新的对话。")
    # 👍/👎 given before a reload are shown pressed again.
    ratings = web.feedback.ratings_of(key)
    # 原文已核实 as staff judge it now: the quote's mark in force, and not on an answer they judged
    # to have misapplied that quote (a verdict on one answer, never spread to others).
    keys = web.answer_log.verified_keys()
    withdrawn = web.answer_log.badge_withdrawn(
        entry.get("reply", {}).get("feedback_ref") for entry in entries if entry["role"] == "bot"
    )
    for entry in entries:
        ref = entry.get("reply", {}).get("feedback_ref") if entry["role"] == "bot" else None
        if ref in ratings:
            entry["rating"] = ratings[ref]
        if entry["role"] == "bot":
            off = withdrawn.get(ref, set()) if ref else set()
            for cited in entry["reply"].get("citations") or ():
                pair = (cited["clause_id"], cited["quote"])
                cited["verified"] = quote_key(*pair) in keys and pair not in off
    return _json(TranscriptResponse.model_validate({"session_id": session_id, "entries": entries}))


@router.post(
    "/api/chat/new",
    response_model=ChatResponse,
    responses=ERROR_RESPONSES | DATABASE_RESPONSES,
    tags=["对话"],
    summary="新对话：清除这段对话的资料和记录，换一个新的会话编号",
)
def new_conversation(body: NewConversationRequest, web: Services) -> Response:
    if body.session_id is not None:
        key = web.conversations.key_of("web", body.session_id)
        web.conversations.forget(key)
        web.transcripts.forget(key)
        web.answer_log.detach_session(key)
    return chat(ChatRequest(choice="cmd:start"), web)


@router.post(
    "/api/feedback",
    response_model=FeedbackResponse,
    responses={404: ERROR_RESPONSES[422] | {"description": "没有这条回答"}, **ERROR_RESPONSES, **DATABASE_RESPONSES},
    tags=["对话"],
    summary="对一条回答的反馈：有用、没用或报告问题（可附说明）",
)
def feedback(body: FeedbackRequest, web: Services) -> FeedbackResponse:
    words = prose().conversation_care
    key = web.conversations.key_of("web", body.session_id)
    if not web.feedback.give(key, body.ref, body.rating, body.note):
        raise ApiError(404, "answer_not_found", words.feedback_unknown)
    return FeedbackResponse(
        status="ok", message=words.report_thanks if body.rating == "report" else words.feedback_thanks
    )


def _is_retired(web: WebServices, clause_id: str) -> bool:
    """The clause id starts with its document's id (`{document}-{number:02d}`); retired documents stay in the
    library with their text, so an answer given before the retirement still names them."""
    document_id, dash, number = clause_id.rpartition("-")
    if not dash or not number.isdigit():
        return False
    try:  # one row by its key: an unknown id on this public endpoint never reads the whole library
        return DocumentLibrary(web.engine).get(document_id).state is DocumentState.RETIRED
    except LibraryError:
        return False


@router.get(
    "/api/clauses/{clause_id}",
    response_model=ClauseResponse,
    responses={
        404: ERROR_RESPONSES[422] | {"description": "没有这一条款"},
        410: ERROR_RESPONSES[422] | {"description": "条款所在文件已停用（此前的答复引用过它）"},
        422: ERROR_RESPONSES[422],
        **DATABASE_RESPONSES,
    },
    tags=["政策文件"],
    summary="一条条款：规范化全文、原文和出处",
)
def clause(web: Services, clause_id: Annotated[str, Path(pattern=CLAUSE_ID, examples=["jilin-2017-07"])]) -> Response:
    registry = web.kb.registry
    if not registry.has(clause_id):
        if _is_retired(web, clause_id):  # cited before its document was retired: the sheet says so
            raise ApiError(410, "clause_retired", prose().dialogue.clause.retired)
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
    summary="就绪检查：索引已加载、数据库可达且可写",
)
def readyz(web: Services) -> JSONResponse:
    checks = {
        "index": len(web.kb.lexical.clauses) == len(web.kb.registry.clauses) > 0,
        "vectors": web.kb.store.is_ready(),
        # Reachable is not enough: a read-only file or a read-only replica cannot store a turn.
        "database": is_reachable(web.engine) and is_writable(web.engine),
    }
    if not checks["index"] or not checks["database"]:
        status, code = "not_ready", 503
    else:
        status, code = ("ready" if checks["vectors"] else "degraded"), 200
    return JSONResponse(Readiness(status=status, checks=checks).model_dump(), status_code=code)  # type: ignore[arg-type]
