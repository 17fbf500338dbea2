"""A citation's format is decided in one function: replace `bot.present.citations.reference` and
every channel — `policybot ask`, the web API and widget, Telegram, the eligibility result —
shows the new form, with nothing else changed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.cli import main as policybot
from bot.dialogue.service import Conversations
from bot.dialogue.store import SqlSessionStore
from bot.present import check, citations
from bot.services import Services
from bot.settings import Settings
from bot.telegram.bot import build_application
from bot.web.app import create_app
from knowledge.citations import Citation, make_citation
from knowledge.kb import KnowledgeBase
from knowledge.registry import Registry

from ..telegram.conftest import TOKEN, RunningBot
from ..telegram.fake_bot_api import FakeBotApi
from ..web.conftest import make_services

QUESTION = "长春开店有补贴吗？"
TODAY = date(2020, 6, 1)


def new_format(citation: Citation, document_number: str | None = None) -> str:
    return f"〔新格式 {citation.clause_id} {document_number}〕"


@pytest.fixture
def reformatted(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The citation format changed in its one place; yields the new form of jilin-2017-07."""
    monkeypatch.setattr(citations, "reference", new_format)
    yield "〔新格式 jilin-2017-07 吉政发〔2017〕32号〕"


def test_the_reference_format_today(registry: Registry) -> None:
    clause = registry.get("jilin-2017-07")
    document = registry.document_of(clause)
    citation = make_citation(clause, document, clause.text, None)
    assert citations.reference(citation, document.document_number) == (
        "《吉林省人民政府印发关于做好当前和今后一段时期就业创业工作若干政策措施的通知》"
        "（吉政发〔2017〕32号，吉林省人民政府，2017年10月12日）第（七）条"
    )


def test_policybot_ask_prints_the_new_form(
    reformatted: str,
    kb: KnowledgeBase,
    kb_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(kb_dir))
    monkeypatch.delenv("POLICYBOT_EMBEDDING_MODEL", raising=False)
    assert policybot(["ask", "--as-of", "2020-06-01", QUESTION]) == 0
    out = capsys.readouterr().out
    assert f"1. {reformatted}：" in out
    assert "《" not in out


def test_the_web_api_and_widget_show_the_new_form(reformatted: str, kb: KnowledgeBase, tmp_path: Path) -> None:
    services = make_services(kb, f"sqlite:///{tmp_path / 'web.sqlite3'}")
    try:
        with TestClient(create_app(services), base_url="http://testserver") as client:
            asked = client.post("/api/ask", json={"question": QUESTION, "as_of": "2020-06-01"}).json()
            chat = client.post("/api/chat", json={"message": QUESTION}).json()
            clause = client.get("/api/clauses/jilin-2017-07").json()
    finally:
        services.close()
    assert f"1. {reformatted}：" in asked["answer"]
    answer = next(r for r in chat["replies"] if r["kind"] == "answer")
    assert reformatted in answer["text"]
    cited = next(c for c in answer["citations"] if c["clause_id"] == "jilin-2017-07")
    assert cited["reference"] == reformatted  # what the widget shows as the citation's source line
    assert cited["title"] == "吉林省 （七） 加大创业政策支持"
    assert clause["reference"] == reformatted


def test_telegram_sends_the_new_form(reformatted: str, kb: KnowledgeBase, tmp_path: Path) -> None:
    store = SqlSessionStore(f"sqlite:///{tmp_path / 'sessions.sqlite3'}")
    conversations = Conversations(Services(Settings(), knowledge=kb).dialogue, store, clock=lambda: TODAY)
    try:
        with FakeBotApi() as api, RunningBot(build_application(TOKEN, conversations, base_url=api.url)):
            api.send_text(4242, QUESTION)
            api.wait_for(lambda calls: any(reformatted in c.text for c in calls))
            before = len(api.calls)
            answer = next(c for c in api.calls if reformatted in c.text)
            api.press(4242, answer, "查看条款原文")
            api.wait_for(lambda calls: any(c.method == "sendMessage" for c in calls[before:]))
            clause = api.replies_after(before)[0]
    finally:
        store.close()
    assert "《" not in answer.text
    assert clause.text.startswith(f"【{reformatted}】")


def test_the_eligibility_result_shows_the_new_form(reformatted: str, kb: KnowledgeBase) -> None:
    checker = Services(Settings(), knowledge=kb).checker
    profile = checker.profile({"region": "长春", "employment_status": "self_employed"}, TODAY)
    text = check.check_text(checker.engine.check(profile), checker.registry, checker.engine.rulebook)
    assert f"依据：{reformatted}" in text
    assert "《" not in text


def test_no_other_code_composes_a_reference_or_a_clause_label() -> None:
    """The widget and the other packages take the server's wording; none builds 《…》（… itself."""
    root = Path(__file__).resolve().parents[2]
    sources = [
        p for d in ("bot", "knowledge", "eligibility") for p in (root / d).rglob("*") if p.suffix in {".py", ".js"}
    ]
    composing = []
    for path in sources:
        if path == root / "bot" / "present" / "citations.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"[\"'f]《\{|}》（", text) or re.search(r"clause_label\s*\+|\+\s*c\.clause_label", text):
            composing.append(str(path.relative_to(root)))
    assert composing == []
