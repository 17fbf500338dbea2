"""Staff accounts and logins: argon2 password hashes, server-side sessions, a CSRF token per login.

The cookie holds a random token; the database holds only its SHA-256, so a leaked table does not
log anyone in. Every login has its own CSRF token, checked on each form post of the console.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.tables import StaffAccount, StaffSession, utcnow
from bot.web.audit import AuditTrail, as_utc

NAME_PATTERN = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")
MIN_PASSWORD_CHARS = 10
UNKNOWN_ACTOR = "?"  # shown as 未知账号 in the console
_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name costs as long as a wrong password.
    Made on first use, never at import (an argon2 hash costs 64 MiB and tens of milliseconds)."""
    return _hasher.hash("not-a-real-password")


class AccountError(ValueError):
    """A staff account cannot be created as asked; the message is Chinese and says why."""


@dataclass(frozen=True)
class StaffLogin:
    """Who is logged in, and the token their forms must carry."""

    staff_id: int
    name: str
    csrf_token: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class StaffAccounts:
    def __init__(self, engine: Engine, audit: AuditTrail, session_hours: int = 12) -> None:
        self.engine = engine
        self.audit = audit
        self.lifetime = timedelta(hours=session_hours)

    def add(self, name: str, password: str) -> None:
        if not NAME_PATTERN.match(name):
            raise AccountError("账号名须为2–32个字母、数字、汉字或 _ . -。")
        if len(password) < MIN_PASSWORD_CHARS:
            raise AccountError(f"密码至少{MIN_PASSWORD_CHARS}个字符。")
        try:
            with Session(self.engine) as session, session.begin():
                session.add(StaffAccount(name=name, password_hash=_hasher.hash(password)))
                self.audit.record("system", "account_created", name, session=session)
        except IntegrityError:
            raise AccountError(f"账号“{name}”已存在。") from None

    def names(self) -> list[str]:
        with Session(self.engine) as session:
            return list(session.scalars(select(StaffAccount.name).order_by(StaffAccount.name)))

    def login(self, name: str, password: str) -> str | None:
        """A new session token when the password is right; None (and an audit event) otherwise."""
        with Session(self.engine) as session, session.begin():
            # A name no account can have is not looked up (PostgreSQL refuses NUL characters in a query).
            query = select(StaffAccount).where(StaffAccount.name == name)
            account = session.scalar(query) if NAME_PATTERN.match(name) else None
            if not self._password_matches(account, password):
                # Only a real account is named: a typed name may be a person's password in the wrong
                # field, or anything at all (issue 14); the trail keeps that a failure happened.
                actor = account.name if account is not None else UNKNOWN_ACTOR
                self.audit.record(actor, "login_failed", session=session)
                return None
            assert account is not None
            if _hasher.check_needs_rehash(account.password_hash):
                account.password_hash = _hasher.hash(password)
            token = secrets.token_urlsafe(32)
            now = utcnow()
            session.execute(delete(StaffSession).where(StaffSession.expires_at < now))
            session.add(
                StaffSession(
                    token_hash=token_hash(token),
                    staff_id=account.id,
                    csrf_token=secrets.token_urlsafe(32),
                    created_at=now,
                    expires_at=now + self.lifetime,
                )
            )
            self.audit.record(account.name, "login", session=session)
            return token

    @staticmethod
    def _password_matches(account: StaffAccount | None, password: str) -> bool:
        try:
            return _hasher.verify(account.password_hash if account else _dummy_hash(), password) and account is not None
        except (VerificationError, InvalidHashError):
            return False

    def current(self, token: str | None) -> StaffLogin | None:
        if not token:
            return None
        with Session(self.engine) as session:
            row = session.get(StaffSession, token_hash(token))
            if row is None or as_utc(row.expires_at) < utcnow():
                return None
            return StaffLogin(staff_id=row.staff_id, name=row.staff.name, csrf_token=row.csrf_token)

    def logout(self, token: str) -> None:
        with Session(self.engine) as session, session.begin():
            row = session.get(StaffSession, token_hash(token))
            if row is not None:
                self.audit.record(row.staff.name, "logout", session=session)
                session.delete(row)

    @staticmethod
    def csrf_matches(login: StaffLogin, submitted: str | None) -> bool:
        return bool(submitted) and secrets.compare_digest(login.csrf_token, submitted or "")
