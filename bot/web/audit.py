"""The audit trail: who did what when, for every staff action (login, marks, sites, accounts)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.db import storable
from bot.tables import AuditEvent

ACTION_LABELS = {
    "account_created": "创建账号",
    "login": "登录",
    "login_failed": "登录失败",
    "logout": "退出登录",
    "citation_verified": "核实引用",
    "citation_flagged": "标记引用有问题",
    "answer_apt": "判断答复引用切题",
    "answer_misapplied": "判断引文没有回答这个问题",
    "answer_flagged": "标记这条答复有问题",
    "site_added": "登记网站",
    "site_removed": "删除网站",
    "export": "导出",
    "person_deleted": "删除个人资料",
    "document_added": "添加政策文件",
    "document_published": "发布政策文件",
    "rules_added": "上传文件的规则",
    "document_edited": "修改文件信息",
    "document_retired": "停用政策文件",
}


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored here is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class AuditTrail:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(
        self, actor: str, action: str, target: str = "", detail: str = "", session: Session | None = None
    ) -> None:
        """Append an event; inside `session` when given, so it commits with the change it records."""
        if action not in ACTION_LABELS:
            raise ValueError(f"unknown audit action {action!r}")
        event = AuditEvent(
            actor=storable(actor)[:64], action=action, target=storable(target)[:200], detail=storable(detail)
        )
        if session is not None:
            session.add(event)
            return
        with Session(self.engine) as own, own.begin():
            own.add(event)

    def recent(self, limit: int = 200, offset: int = 0) -> list[AuditEvent]:
        with Session(self.engine) as session:
            query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit).offset(offset)
            return list(session.scalars(query))
