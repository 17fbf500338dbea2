"""Documents that arrive as e-mail: a message saved as .eml (RFC 5322 / MIME), or a web page saved as one file
(.mht / .mhtml, MIME multipart/related). A 人社局 often receives a 通知 as a mail whose attachment is the document
itself and whose body is a short cover note ("现将…转发给你们，请遵照执行"); a page archived from a government site
is the same container holding one HTML part and its images.

`mail_parts` opens the container with the standard library's parser and hands back what may hold text, in the
order a reader meets it: the subject, the cover note (text/plain, else text/html), then each attachment with its
decoded file name. Reading each part (its encoding, its own format: a .txt, .docx, .pdf, page…) is left to the
caller, who reads uploads of every kind. Headers may be RFC 2047 encoded (=?GB18030?B?…?=) and file names RFC 2231
encoded; both are decoded here. Parts that cannot hold text (images, signatures, calendar invitations) are skipped.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import EmailMessage

MAIL_SUFFIXES = (".eml", ".mht", ".mhtml", ".mim", ".mime")
# A message's first lines are header fields; these are the ones mail programs and browsers write first.
_HEADER = re.compile(
    rb"^(?:From|To|Cc|Subject|Date|Message-ID|MIME-Version|Received|Return-Path|Content-Type|X-[\w-]+|Snapshot-Content-Location|Reply-To|Sender):",
    re.IGNORECASE,
)
_SKIPPED_TYPES = ("image/", "audio/", "video/", "font/")
_SKIPPED_EXACT = {
    "application/pkcs7-signature",
    "application/x-pkcs7-signature",
    "application/pgp-signature",
    "text/calendar",
    "message/delivery-status",
}
# Reply and forward prefixes a subject collects (Re:, Fw:, 回复：, 转发：), in any order and number.
_SUBJECT_PREFIX = re.compile(r"^(?:\s*(?:re|fw|fwd|回复|答复|转发)\s*[:：]\s*)+", re.IGNORECASE)


@dataclass(frozen=True)
class MailPart:
    """One part that may hold text: `role` is "body" (the cover note or a saved page) or "attachment"."""

    role: str
    filename: str
    content_type: str
    charset: str | None
    data: bytes


@dataclass(frozen=True)
class Mail:
    subject: str
    sender: str
    parts: tuple[MailPart, ...]


def is_mail(data: bytes, suffix: str) -> bool:
    """A file named as mail, or one whose opening lines are header fields (a message saved under any name):
    at least two known fields before the first blank line, one of them saying it is MIME or mail."""
    if suffix in MAIL_SUFFIXES:
        return True
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    lines = head.split(b"\n")
    fields = 0
    mail_like = False
    for raw in lines[:40]:
        line = raw.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t"):  # a folded continuation of the field above
            continue
        if not _HEADER.match(line):
            return False
        fields += 1
        mail_like = mail_like or line.lower().startswith((b"mime-version:", b"from:", b"received:", b"message-id:"))
    return fields >= 2 and mail_like


def parse_mail(data: bytes) -> Mail:
    """The subject, sender and text-bearing parts of a message, cover note first. A message forwarded as an
    attachment (message/rfc822) is one attachment, its own bytes, read as a mail of its own with its own subject."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    bodies: list[MailPart] = []
    attachments: list[MailPart] = []
    pending: list[EmailMessage] = [message]
    while pending:  # in document order, without recursion: a message may nest parts very deep
        part = pending.pop(0)
        content_type = part.get_content_type()
        if content_type == "message/rfc822" and part is not message:
            inner = _forwarded(part)
            if inner is not None:
                attachments.append(inner)
            continue
        if part.is_multipart():
            pending[:0] = [p for p in part.iter_parts() if isinstance(p, EmailMessage)]
            continue
        if content_type.startswith(_SKIPPED_TYPES) or content_type in _SKIPPED_EXACT:
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        filename = _filename(part)
        is_attachment = part.get_content_disposition() == "attachment" or (
            bool(filename) and not content_type.startswith("text/")
        )
        charset = part.get_content_charset()
        if is_attachment:
            attachments.append(MailPart("attachment", filename or "附件", content_type, charset, payload))
        elif content_type in ("text/plain", "text/html"):
            bodies.append(MailPart("body", filename, content_type, charset, payload))
        elif filename:
            attachments.append(MailPart("attachment", filename, content_type, charset, payload))
    # A multipart/alternative body carries the same note as plain text and as a page: keep the plain text.
    if any(p.content_type == "text/plain" for p in bodies) and any(p.content_type == "text/html" for p in bodies):
        plain = [p for p in bodies if p.content_type == "text/plain"]
        if not attachments or len(plain) == 1:
            bodies = plain
    return Mail(_subject(message), str(message.get("from", "") or "").strip(), (*bodies, *attachments))


def _forwarded(part: EmailMessage) -> MailPart | None:
    """A message forwarded as an attachment, as the bytes of a mail of its own (named by its subject)."""
    inner = part.get_payload(0) if part.is_multipart() else None
    if not isinstance(inner, EmailMessage):
        return None
    try:
        data = inner.as_bytes(policy=email.policy.SMTP)
    except (ValueError, LookupError, IndexError, TypeError):
        return None
    return MailPart("attachment", f"{_subject(inner) or '转发邮件'}.eml", "message/rfc822", None, data)


def _subject(message: EmailMessage) -> str:
    """The subject without reply/forward prefixes; an encoded word that did not decode (an unknown charset, broken
    bytes) is left out rather than shown as =?…?= or �."""
    try:
        subject = str(message.get("subject", "") or "")
    except (ValueError, LookupError, IndexError):
        return ""
    subject = re.sub(r"=\?[^?\s]*\?[BbQq]\?[^?\s]*\?=", "", subject).replace("\ufffd", "")
    return _SUBJECT_PREFIX.sub("", subject).strip()


def _filename(part: EmailMessage) -> str:
    try:
        name = part.get_filename() or ""
    except (LookupError, ValueError):  # a declared charset Python does not know
        return ""
    return name.replace("\\", "/").rsplit("/", 1)[-1].strip()
