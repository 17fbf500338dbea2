"""Secrets come only from the environment and are never logged; a person's facts never reach a log.

Logs are captured at DEBUG — in-process, and from the real `policybot serve` and `policybot
telegram` processes — across a chat where someone describes themselves (disability, household,
age, a small shop), a staff login and a policy question. None of the fact values or labels, the
message, the staff password, the cookie, the bot token or the database password may appear.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
import pytest
import sqlalchemy
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bot.logs import MASK, QUIET_LIBRARIES, RedactingFormatter, configure_logging, redact, secrets_of
from bot.present.reasons import stated_text
from bot.settings import Settings
from bot.web.services import WebServices
from eligibility.facts import FactRegistry
from eligibility.rulebook import default_rulebook
from knowledge.kb import KnowledgeBase

from ..databases import Databases
from ..telegram.fake_bot_api import FakeBotApi
from ..web.conftest import CSRF_FIELD, REPO, free_port, wait_ready
from .conftest import POLICY_QUESTION, SELF_DESCRIPTION, describe_yourself

TOKEN = "7712345678:AAF3xQ9vLrT2mZpK8sWdY4cHbN6jE1uGq0o"  # the shape of a real Bot API token
WEBHOOK_SECRET = "webhook-Secret-for-tests-9f8e7d"
STAFF = ("privacy-staff", "a long enough staff secret")
CHAT = 4242


def sensitive_strings(profile: dict[str, object]) -> list[str]:
    """What must never be logged about this person: the message, and each fact's label and value."""
    facts: FactRegistry = default_rulebook().facts
    found = {SELF_DESCRIPTION, POLICY_QUESTION, "残疾", "低保"}
    for name, value in profile.items():
        spec = facts[name]
        found.add(spec.label)
        found.add(stated_text(spec, spec.parse(value, date.today())).split("（")[0])
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, str) and item:
                found.add(item)
                if spec.options:
                    found.add(spec.option_label(item))
    return sorted(found)


def assert_nothing_private(log_text: str, private: list[str]) -> None:
    leaked = [value for value in private if value in log_text]
    assert leaked == [], f"logged: {leaked}"


# -- secrets come from the environment -------------------------------------------------------------


def test_every_secret_setting_comes_from_the_environment_and_has_no_default(monkeypatch: pytest.MonkeyPatch) -> None:
    secret_fields = {name for name, field in Settings.model_fields.items() if field.annotation == SecretStr | None}
    assert secret_fields == {"telegram_token", "telegram_webhook_secret", "database_url", "session_key_secret"}
    for name in secret_fields:
        monkeypatch.delenv(f"POLICYBOT_{name.upper()}", raising=False)
    assert all(getattr(Settings(), name) is None for name in secret_fields)
    monkeypatch.setenv("POLICYBOT_TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("POLICYBOT_DATABASE_URL", "postgresql://policybot:db-Pa55word@db.internal/policybot")
    settings = Settings()
    assert settings.telegram_token is not None and settings.telegram_token.get_secret_value() == TOKEN
    assert settings.resolved_database_url() == "postgresql+psycopg://policybot:db-Pa55word@db.internal/policybot"
    shown = f"{settings!r} {settings} {settings.model_dump()}"
    assert TOKEN not in shown and "db-Pa55word" not in shown


SESSION_KEY_SECRET = "session-key-secret-for-the-log-test-0123456789"


def test_the_formatter_masks_known_secrets_tokens_in_urls_and_url_passwords() -> None:
    settings = Settings(
        telegram_token=SecretStr(TOKEN),
        telegram_webhook_secret=SecretStr(WEBHOOK_SECRET),
        database_url=SecretStr("postgresql+psycopg://policybot:db-Pa55word@127.0.0.1:5432/policybot"),
        session_key_secret=SecretStr(SESSION_KEY_SECRET),
    )
    secrets = secrets_of(settings)
    assert secrets == {TOKEN, WEBHOOK_SECRET, "db-Pa55word", SESSION_KEY_SECRET}
    line = (
        f"POST https://api.telegram.org/bot{TOKEN}/getUpdates secret={WEBHOOK_SECRET} "
        "url=postgresql://someone:other-pass@db/x bot 1234567:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh"
    )
    masked = redact(line, secrets)
    for secret in (TOKEN, WEBHOOK_SECRET, "other-pass", "1234567:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh"):
        assert secret not in masked
    assert masked.count(MASK) == 4 and "someone:***@db/x" in masked
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "connect to %s failed", (settings.database_url,), None)
    record.args = (settings.resolved_database_url(),)
    assert "db-Pa55word" not in RedactingFormatter(secrets=secrets).format(record)


# -- in-process: logging as the entry points configure it, at DEBUG --------------------------------


@pytest.fixture
def debug_logging(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """`configure_logging` at DEBUG, as `policybot …` does; put back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    library_levels = {name: logging.getLogger(name).level for name in QUIET_LIBRARIES}
    configure_logging(Settings(log_level="DEBUG", telegram_token=SecretStr(TOKEN)))
    caplog.set_level(logging.DEBUG)
    yield caplog
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, library_level in library_levels.items():
        logging.getLogger(name).setLevel(library_level)


def test_sql_statements_rows_and_bot_api_calls_are_not_logged_even_at_debug(
    debug_logging: pytest.LogCaptureFixture,
) -> None:
    for name in ("sqlalchemy.engine.Engine", "telegram.Bot", "httpx", "python_multipart.multipart"):
        assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
    assert logging.getLogger("bot.web.api").isEnabledFor(logging.DEBUG)


def test_a_chat_with_a_self_description_logs_none_of_the_facts_at_debug(
    client: TestClient, services: WebServices, debug_logging: pytest.LogCaptureFixture
) -> None:
    session_id = describe_yourself(client)
    client.post("/api/chat", json={"session_id": session_id, "message": "/profile"})
    services.answer_log.flush()
    state = services.conversations.state(services.conversations.key_of("web", session_id))
    assert state is not None and state.profile["disabled"] is True and state.profile["household"] == ["dibao"]
    text = "\n".join(f"{r.name}: {r.getMessage()}" for r in debug_logging.records)
    assert "chat turn" in text, "the turns were logged at DEBUG"
    assert_nothing_private(text, sensitive_strings(state.profile))


# -- the real processes at DEBUG -------------------------------------------------------------------


@dataclass
class ServerRun:
    log: str
    database_url: str
    staff_cookie: str
    csrf: str
    private: list[str]


@pytest.fixture(scope="module")
def serve_at_debug(
    kb: KnowledgeBase, kb_dir: Path, databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerRun]:
    """`policybot serve --access-log` at DEBUG: a staff login and a self-description, then its log."""
    database_url = databases.new_url()
    port = free_port()
    log_path = tmp_path_factory.mktemp("serve-log") / "stderr.log"
    env = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(kb_dir),
        "POLICYBOT_DATABASE_URL": database_url,
        "POLICYBOT_LOG_LEVEL": "DEBUG",
        "POLICYBOT_TELEGRAM_TOKEN": TOKEN,
        "POLICYBOT_SESSION_KEY_SECRET": SESSION_KEY_SECRET,
        "POLICYBOT_WEB_RATE_LIMIT": "",
    }
    command = [sys.executable, "-m", "bot.cli"]
    added = subprocess.run(
        [*command, "staff", "add", STAFF[0], "--password-stdin"], input=STAFF[1] + "\n", env=env, cwd=REPO,
        capture_output=True, text=True, timeout=60, check=False,)  # fmt: skip
    assert added.returncode == 0, added.stderr
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [*command, "serve", "--port", str(port), "--access-log"], cwd=REPO, env=env, stderr=log, text=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process)
        with httpx.Client(base_url=url, timeout=20) as http:
            token = CSRF_FIELD.search(http.get("/staff/login").text).group(1)  # type: ignore[union-attr]
            http.post("/staff/login", data={"name": STAFF[0], "password": STAFF[1], "csrf": token})
            cookie = http.cookies["policybot_staff"]
            csrf = CSRF_FIELD.search(http.get("/staff").text).group(1)  # type: ignore[union-attr]
            session_id = describe_yourself(http)  # type: ignore[arg-type]
            profile = http.post("/api/chat", json={"session_id": session_id, "message": "/profile"}).json()
            assert "低保家庭" in profile["replies"][0]["text"], "the person's facts were understood"
            http.get("/staff/answers")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    engine = sqlalchemy.create_engine(database_url)
    with engine.connect() as connection:
        raw = connection.execute(sqlalchemy.text("SELECT state FROM dialogue_sessions")).scalar_one()
    engine.dispose()
    stored = json.loads(raw)["profile"]
    yield ServerRun(log_path.read_text(), database_url, cookie, csrf, sensitive_strings(stored))


def test_the_server_log_at_debug_has_the_requests(serve_at_debug: ServerRun) -> None:
    assert '"POST /api/chat HTTP/1.1" 200' in serve_at_debug.log, "the access log was captured"
    assert "DEBUG" in serve_at_debug.log


def test_the_server_log_has_no_secret(serve_at_debug: ServerRun) -> None:
    password = sqlalchemy.make_url(serve_at_debug.database_url).password
    secrets = [TOKEN, STAFF[1], serve_at_debug.staff_cookie, serve_at_debug.csrf, SESSION_KEY_SECRET]
    secrets += [password] if password else []
    assert [s for s in secrets if s in serve_at_debug.log] == []


def test_the_server_log_has_none_of_the_persons_facts(serve_at_debug: ServerRun) -> None:
    assert_nothing_private(serve_at_debug.log, serve_at_debug.private)


def test_the_telegram_bot_at_debug_logs_neither_the_token_nor_the_facts(
    kb: KnowledgeBase, kb_dir: Path, tmp_path: Path
) -> None:
    log_path = tmp_path / "stderr.log"
    with FakeBotApi() as api, log_path.open("w") as log:
        env = {
            **os.environ,
            "POLICYBOT_TELEGRAM_TOKEN": TOKEN,
            "POLICYBOT_TELEGRAM_BASE_URL": api.url,
            "POLICYBOT_DATA_DIR": str(kb_dir),
            "POLICYBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'sessions.sqlite3'}",
            "POLICYBOT_LOG_LEVEL": "DEBUG",
        }
        process = subprocess.Popen([sys.executable, "-m", "bot.cli", "telegram"], cwd=REPO, env=env, stderr=log)
        try:
            api.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls), timeout=60)
            api.send_text(CHAT, SELF_DESCRIPTION)
            confirm = api.wait_for(lambda calls: any("对吗" in c.text for c in calls))[-1]
            api.press(CHAT, confirm, "对")
            api.wait_for(lambda calls: any("已记下" in c.text for c in calls))
            api.send_text(CHAT, "/profile")
            api.wait_for(lambda calls: any("我知道的您的情况" in c.text for c in calls))
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    text = log_path.read_text()
    assert "DEBUG" in text, "the bot logged at DEBUG"
    profile = {"disabled": True, "household": ["dibao"], "age": 45, "region": "巴中市", "business_form": "individual"}
    assert TOKEN not in text and TOKEN.split(":")[1] not in text
    assert_nothing_private(text, sensitive_strings(profile))
