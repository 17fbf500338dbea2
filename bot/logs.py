"""Logging for every entry point: one format, secrets masked, chatty libraries kept at WARNING.

Secrets come only from the environment (Settings). Whatever a log line carries — a Bot API URL
with the token in it, a database URL with its password, a traceback — is masked when it is
formatted. Libraries whose debug output holds what people wrote or SQL parameters (a person's
facts: household, disability …) or the token (python-telegram-bot logs the Bot API URL and every
call's parameters; httpx logs each request URL) log warnings only, whatever POLICYBOT_LOG_LEVEL
says. Our own loggers name facts, never their values.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlsplit

from bot.settings import Settings

FORMAT = "%(levelname)s %(name)s: %(message)s"
MASK = "***"
QUIET_LIBRARIES = (
    "telegram", "httpx", "httpcore", "hpack", "h11", "urllib3", "apscheduler",
    "sqlalchemy", "psycopg", "multipart", "python_multipart", "chromadb",
)  # fmt: skip
# A Bot API token (digits:35 characters) and the password part of any URL's user info.
TOKEN_PATTERN = re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{30,}")
URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s]+@", re.IGNORECASE)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks every known secret and anything shaped like a token or a URL password."""

    def __init__(self, fmt: str = FORMAT, secrets: set[str] | None = None) -> None:
        super().__init__(fmt)
        self.secrets: set[str] = secrets if secrets is not None else set()

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


def redact(text: str, secrets: set[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = TOKEN_PATTERN.sub(MASK, text)
    return URL_PASSWORD.sub(lambda m: m.group("head") + MASK + "@", text)


def secrets_of(settings: Settings) -> set[str]:
    named = (settings.telegram_token, settings.telegram_webhook_secret, settings.session_key_secret)
    found = {s.get_secret_value() for s in named if s}
    for url in (settings.database_url.get_secret_value() if settings.database_url else None, settings.chroma_url):
        password = urlsplit(url).password if url else None
        if password:
            found.add(password)
    return {s for s in found if len(s) >= 4}


_formatter = RedactingFormatter()


def configure_logging(settings: Settings) -> None:
    """Root logging to stderr through the redacting formatter (idempotent)."""
    level = logging.getLevelName(settings.log_level.upper())
    level = level if isinstance(level, int) else logging.WARNING
    _formatter.secrets |= secrets_of(settings)
    root = logging.getLogger()
    if not any(getattr(handler, "policybot", False) for handler in root.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(_formatter)
        handler.policybot = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))


def mask(secret: str) -> None:
    """A secret made at run time (a generated webhook token) is masked too."""
    if len(secret) >= 4:
        _formatter.secrets.add(secret)


def uvicorn_log_config(settings: Settings) -> dict[str, Any]:
    """uvicorn's loggers (server and access log) go through the root handler above, not their own."""
    level = settings.log_level.upper()
    passed_on = {"handlers": [], "propagate": True, "level": level}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "loggers": {"uvicorn": passed_on, "uvicorn.error": passed_on, "uvicorn.access": passed_on},
    }
