"""Configuration: environment (prefix POLICYBOT_) → one Settings object built at the entry point."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
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

    def resolved_data_dir(self) -> Path:
        return self.data_dir.expanduser().resolve()
