"""`policybot telegram`: run the Telegram bot (polling by default, webhook when a URL is set)."""

from __future__ import annotations

import argparse
import logging
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

from telegram import Update

from bot.dialogue.store import SqlSessionStore
from bot.live import LiveConversations, LiveServices
from bot.logs import mask
from bot.services import Services
from bot.settings import Settings
from bot.telegram.bot import build_application
from bot.web.feedback import open_answer_book

log = logging.getLogger(__name__)
EXIT_OK = 0
EXIT_CONFIG = 1
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]


def run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.telegram_token is None:
        print("请设置 POLICYBOT_TELEGRAM_TOKEN（从 @BotFather 获取的机器人令牌）。", flush=True)
        return EXIT_CONFIG
    services = Services(settings)
    services.warm()
    store = services.conversations.store
    if isinstance(store, SqlSessionStore):
        pruned = store.prune(datetime.now(UTC) - timedelta(days=settings.session_ttl_days))
        if pruned:
            log.info("deleted %d sessions idle for over %d days", pruned, settings.session_ttl_days)
    # Telegram's answers go to the staff answer log (and its queues) like the web's.
    answers = open_answer_book("telegram", settings.resolved_database_url(), services.session_key_secret)
    application = build_application(
        settings.telegram_token.get_secret_value(),
        LiveConversations(LiveServices(services, settings.documents_refresh_seconds)),  # published means live
        settings.telegram_base_url,
        answers,
    )
    try:
        _serve(args, settings, application)
    finally:
        answers.close()
    return EXIT_OK


def _serve(args: argparse.Namespace, settings: Settings, application: Any) -> None:
    webhook_url = args.webhook_url or settings.telegram_webhook_url
    if webhook_url:
        secret = (
            settings.telegram_webhook_secret.get_secret_value()
            if settings.telegram_webhook_secret
            else secrets.token_urlsafe(32)
        )
        mask(secret)
        application.run_webhook(
            listen=settings.telegram_webhook_listen,
            port=settings.telegram_webhook_port,
            url_path=urlparse(webhook_url).path.lstrip("/"),
            webhook_url=webhook_url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        print("就业政策通 Telegram 机器人已启动（长轮询），Ctrl+C 停止。", flush=True)
        application.run_polling(allowed_updates=ALLOWED_UPDATES)


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `policybot telegram` (help text: the table in bot/cli.py)."""
    parser.add_argument("--webhook-url", help="公网 HTTPS 地址（覆盖 POLICYBOT_TELEGRAM_WEBHOOK_URL）")
    parser.set_defaults(handler=run)
