"""Configuration: environment (prefix POLICYBOT_) → one Settings object built at the entry point."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICYBOT_", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="Embedded Chroma directory, SQLite file and index state")
    embedding_model: str | None = Field(
        default=None,
        description="Optional sentence-transformers model name or local path (e.g. BAAI/bge-small-zh-v1.5)",
    )
    chroma_url: str | None = Field(default=None, description="Use a Chroma server (http://host:port) instead")
    log_level: str = "WARNING"

    # Dialogue sessions (bot/dialogue) and the web's tables: any SQLAlchemy URL; default an SQLite file
    # under data_dir. Secret (it may carry a password): never shown in a repr or a log.
    database_url: SecretStr | None = Field(
        default=None, description="SQLAlchemy URL of the database, e.g. postgresql://user:password@host/policybot"
    )
    session_key_secret: SecretStr | None = Field(
        default=None,
        description="Secret of the keyed hash session keys are stored as (at least 32 characters; every "
        "process on one database needs the same). Unset: made once in data_dir/session-key.secret",
    )
    session_ttl_days: int = Field(default=90, ge=1, description="Sessions untouched this long are deleted")
    answer_log_days: int = Field(
        default=180, ge=1, description="Logged answers (the questions people typed) older than this are deleted"
    )
    retention_interval_minutes: float = Field(
        default=60, gt=0, le=24 * 60, description="How often `policybot serve` deletes what is past its retention"
    )

    # Telegram (policybot telegram)
    telegram_token: SecretStr | None = Field(default=None, description="Bot token from @BotFather")
    telegram_base_url: str | None = Field(
        default=None, description="Another Bot API server, e.g. http://127.0.0.1:8081 (a self-hosted one)"
    )
    telegram_webhook_url: str | None = Field(
        default=None, description="Public HTTPS URL Telegram posts updates to; unset means polling"
    )
    telegram_webhook_secret: SecretStr | None = Field(
        default=None, description="secret_token Telegram sends back in X-Telegram-Bot-Api-Secret-Token"
    )
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = 8443

    # Web (policybot serve): JSON API, chat widget, staff console.
    web_host: str = Field(default="127.0.0.1", description="Address `policybot serve` listens on")
    web_port: int = Field(default=8000, ge=1, le=65535, description="Port `policybot serve` listens on")
    web_rate_limit: str = Field(
        default="120/minute;20/second", description="Per-client limit on /api/* (limits syntax, e.g. 60/minute)"
    )
    web_login_rate_limit: str = Field(default="10/minute", description="Per-client limit on staff login attempts")
    web_answer_cache_size: int = Field(
        default=4096, ge=0, description="Answers kept per process for repeated questions (0 turns the cache off)"
    )
    web_max_body_bytes: int = Field(default=16_384, ge=1024, description="Largest request body accepted")
    # uvicorn's own variable, as deploy/compose.yaml sets it for the proxy's fixed address (issue 14, H1).
    forwarded_allow_ips: str | None = Field(
        default=None,
        validation_alias=AliasChoices("POLICYBOT_FORWARDED_ALLOW_IPS", "FORWARDED_ALLOW_IPS", "forwarded_allow_ips"),
        description="Addresses of the reverse proxy whose X-Forwarded-For / X-Forwarded-Proto are believed "
        "(comma-separated, e.g. 172.30.0.10). Unset: no forwarded header is believed from anyone, loopback included",
    )
    web_public_url: str | None = Field(
        default=None,
        description="Public address of this service as people reach it, e.g. https://policy.example.gov.cn "
        "(behind the proxy): the embed code in the staff console and on /demo. Never taken from a request",
    )
    web_sites: dict[str, list[str]] = Field(
        default_factory=dict,
        description='Widget sites: site key → allowed origins, JSON ({"gov-cc": ["https://www.example.gov.cn"]})',
    )
    web_demo_site: bool = Field(default=True, description="Serve /demo and the built-in `demo` site key (own origin)")
    web_cookie_secure: bool | None = Field(
        default=None,
        description="Staff cookies Secure: unset = always, except plain http on this machine (127.0.0.1, "
        "localhost); false = never (plain-http development on a LAN only); true = always",
    )
    staff_session_hours: int = Field(default=12, ge=1, le=720, description="Staff login lifetime")

    # Where the lexical (BM25) index is kept: the index directory under data_dir, or the database
    # (PostgreSQL only: replicas then share it instead of a directory; knowledge/pg_lexical.py).
    lexical_index: Literal["embedded", "database"] = Field(
        default="embedded",
        description="`embedded`: the index directory under data_dir; `database`: PostgreSQL, shared by replicas",
    )

    # Published documents (issue 13): how often a process asks the database whether they changed.
    documents_refresh_seconds: float = Field(
        default=2.0, gt=0, description="Seconds between checks for published or retired documents"
    )

    @field_validator("web_public_url")
    @classmethod
    def _is_an_origin(cls, value: str | None) -> str | None:
        if not value or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname or parts.username or parts.password:
            raise ValueError(
                "POLICYBOT_WEB_PUBLIC_URL must be http(s)://host[:port], e.g. https://policy.example.gov.cn"
            )
        if parts.path not in {"", "/"} or parts.query or parts.fragment:
            raise ValueError("POLICYBOT_WEB_PUBLIC_URL takes no path, query or fragment: http(s)://host[:port]")
        return f"{parts.scheme}://{parts.netloc}"

    def resolved_data_dir(self) -> Path:
        return self.data_dir.expanduser().resolve()

    def resolved_session_key_secret(self) -> bytes:
        """The session key secret (bot/dialogue/keys.py): the setting, else the data directory's file."""
        from bot.dialogue.keys import read_or_create_secret

        configured = self.session_key_secret.get_secret_value() if self.session_key_secret else None
        return read_or_create_secret(configured, self.resolved_data_dir())

    def resolved_database_url(self) -> str:
        """The URL to connect with; postgres:// and postgresql:// mean PostgreSQL through psycopg 3."""
        if self.database_url:
            url = self.database_url.get_secret_value()
            for scheme in ("postgresql://", "postgres://"):
                if url.startswith(scheme):
                    return "postgresql+psycopg://" + url.removeprefix(scheme)
            return url
        data_dir = self.resolved_data_dir()
        data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{data_dir / 'policybot.sqlite3'}"
