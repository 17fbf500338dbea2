"""What document tests do again and again: parse a text written for the test as one document's clauses, and ask
questions of a data directory through the real `policybot ask --json` in a subprocess (offline: no embedding
model, database or Chroma server from the environment)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from knowledge.clauses import Clause
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.intake import parse_clauses


def clauses_of(text: str, *, province: str, city: str, signed: date, document_id: str = "t-2026") -> list[Clause]:
    """The clauses the parser reads from `text`, as an official document of `city` signed on `signed`."""
    document = Document(
        id=document_id, source_file="t.txt", title="测试", short_name="测试", issuer="某市人力资源和社会保障局",
        province=province, city=city, document_number=None, signed=signed, published=None,
        published_note=None, status=DocumentStatus.OFFICIAL, structure=Structure.AUTO,
    )  # fmt: skip
    return list(parse_clauses(document, text).clauses)


def ask_json(data_dir: Path, region: str, questions: list[str], as_of: str | None = None) -> list[dict[str, object]]:
    """The JSON answers to questions of one region, asked in one `policybot ask --json` process (on `as_of`)."""
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(data_dir)}
    for name in ("POLICYBOT_EMBEDDING_MODEL", "POLICYBOT_DATABASE_URL", "POLICYBOT_CHROMA_URL"):
        env.pop(name, None)
    dated = ["--as-of", as_of] if as_of else []
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--json", "--region", region, *dated],
        input="\n".join(questions), capture_output=True, text=True, env=env, timeout=300, check=True,
    )  # fmt: skip
    return [dict(json.loads(line)) for line in done.stdout.splitlines()]
