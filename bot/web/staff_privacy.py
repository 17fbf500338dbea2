"""Staff-side deletion of one person's data (/staff/privacy): the same as the person's own /forget.

A person who cannot send /forget (a letter, a phone call) gives staff their web session id or
their chat key; staff delete the session and every logged answer of that conversation. The
action needs a login and the form's CSRF token, and is audited with the channel and a SHA-256
fingerprint of the key (the key itself identifies a person, so it is not kept after deletion).
Pages show a key only as that fingerprint; the answer page's button names the answer, not the key.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from bot.db import checkpoint
from bot.dialogue.service import CHANNELS
from bot.web.accounts import StaffLogin
from bot.web.api import Services
from bot.web.schemas import ROW_ID_MAX, SESSION_ID
from bot.web.services import WebServices
from bot.web.staff_auth import Staff, StaffPost
from bot.web.templating import templates

router = APIRouter(include_in_schema=False)
CHAT_KEY = re.compile(r"^(?P<channel>[a-z]+):(?P<identity>[A-Za-z0-9_-]{1,100})$")
NO_ANSWER = "没有找到这条答复（可能已经删除）。"
NOT_A_KEY = "请填写网页会话编号（session_id，16–64 个字母、数字、_ 或 -），或对话标识（如 telegram:123456789）。"


def parse_subject(raw: str) -> tuple[str, str] | None:
    """`web:<id>`, `telegram:<chat id>`, `terminal:<name>`, or a bare web session id → (channel, identity)."""
    text = raw.strip()
    found = CHAT_KEY.match(text)
    if found and found["channel"] in CHANNELS:
        return found["channel"], found["identity"]
    if re.match(SESSION_ID, text):
        return "web", text
    return None


def fingerprint(key: str) -> str:
    """12 hex digits of the SHA-256 of the stored key (itself a keyed hash: bot/dialogue/keys.py)."""
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def _page(request: Request, login: object, status: int = 200, **context: object) -> HTMLResponse:
    values = {"login": login, "error": "", "done": None, "review": None, "subject": "", **context}
    return templates.TemplateResponse(request, "staff/privacy.html", values, status_code=status)


@router.get("/staff/privacy", response_class=HTMLResponse)
def privacy(request: Request, login: Staff) -> HTMLResponse:
    return _page(request, login)


@router.post("/staff/privacy/delete")
def delete_person(
    request: Request,
    web: Services,
    login: StaffPost,
    subject: Annotated[str, Form(max_length=200)] = "",
    answer: Annotated[int | None, Form(ge=1, le=ROW_ID_MAX)] = None,
    confirm: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """Two steps: the first post shows what would be deleted; only the confirmed one deletes.
    The person is named by what staff typed (`subject`) or by one of their logged answers (`answer`,
    the answer page's button), so no page carries a session key staff did not type themselves."""
    if answer is not None:
        entry = web.answer_log.entry(answer)
        if entry is None:
            return _page(request, login, status=404, error=NO_ANSWER)
        if entry.session_key is None:  # asked through /api/ask: the answer is all that is kept
            return _delete_one_answer(request, web, login, answer, confirmed=confirm == "yes")
        key: str | None = entry.session_key
    else:
        named = parse_subject(subject)
        key = web.conversations.key_of(*named) if named is not None else None
    if key is None:
        return _page(request, login, status=422, error=NOT_A_KEY, subject=subject[:200])
    channel = key.split(":", 1)[0]
    if confirm != "yes":
        review = {"channel": channel, "fingerprint": fingerprint(key), "answer": answer, **web.person_data(key)}
        return _page(request, login, review=review, subject=subject[:200] if answer is None else "")
    had_session, answers = web.forget_person(key)
    detail = f"会话记录 {int(had_session)} 条，答复记录 {answers} 条"
    web.audit.record(login.name, "person_deleted", f"{channel}:…（指纹 {fingerprint(key)}）", detail)
    done = {"channel": channel, "fingerprint": fingerprint(key), "session": had_session, "answers": answers}
    return _page(request, login, done=done)


def _delete_one_answer(request: Request, web: WebServices, login: StaffLogin, answer: int, confirmed: bool) -> Response:
    """An answer logged without a conversation (/api/ask): its question may hold what a person typed
    about themselves, and it is the only record of them, so staff delete that one answer."""
    if not confirmed:
        review = {"channel": "api", "answer": answer, "single": True, "session": 0, "messages": 0, "answers": 1}
        return _page(request, login, review=review)
    deleted = web.answer_log.delete_entry(answer)
    checkpoint(web.engine)
    web.audit.record(login.name, "person_deleted", f"答复#{answer}", f"答复记录 {int(deleted)} 条")
    done = {"channel": "api", "answer": answer, "single": True, "session": False, "answers": int(deleted)}
    return _page(request, login, done=done)
