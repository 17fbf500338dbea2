"""The scale-out index: a real `chroma run` server on loopback (POLICYBOT_CHROMA_URL).

The knowledge base builds its collection on the server once and attaches to it afterwards; it
answers the golden questions exactly as it does from the embedded directory; and when the server
is stopped (SIGTERM or SIGKILL) mid-run, answers continue from the lexical index, `/readyz` says
degraded, and full service returns when the server is back — without restarting the app.

The default hashing embedder has dense weight 0 (Chroma is then not queried at answer time), so
these tests fuse dense scores at 0.3 to exercise the server on every answer, and shorten the
retriever's back-off after a failed vector query from 15 s to a fraction of a second.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings
from fastapi.testclient import TestClient

from bot.settings import Settings
from bot.web.app import create_app
from bot.web.services import WebServices, build_services
from knowledge.answer import Answerer
from knowledge.answer_model import AnswerStatus
from knowledge.evaluation import GoldenQuestion, load_golden
from knowledge.kb import KnowledgeBase
from knowledge.registry import Registry
from knowledge.retrieve import HybridRetriever, Retrieval, RetrievalConfig
from tests.chroma_server import ChromaServer, free_port, running_server
from tests.conftest import GOLDEN

REPO = Path(__file__).resolve().parents[2]
RETRY_SECONDS = 0.3
FUSED = RetrievalConfig(dense_weight=0.3, dense_retry_seconds=RETRY_SECONDS)
AS_OF = date(2024, 6, 1)
QUESTION = "延吉 返乡创业 有啥扶持"
GOLDEN_SETS = {
    name: load_golden(GOLDEN / f"{name}.yaml") for name in ("retrieval", "retrieval_dev2", "retrieval_holdout")
}


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """One server process for the session (bounded start, always killed at teardown)."""
    with running_server(tmp_path_factory.mktemp("chroma-server")) as server:
        yield server


@pytest.fixture(autouse=True)
def server_is_up(chroma_server: ChromaServer) -> None:
    """Every test starts with the server running, whatever a fault test before it left."""
    chroma_server.start()


def server_client(server: ChromaServer) -> chromadb.ClientAPI:
    parsed = urlparse(server.url)
    return chromadb.HttpClient(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 8000,
        settings=ChromaSettings(anonymized_telemetry=False),
    )


@pytest.fixture(scope="module")
def first_open(
    chroma_server: ChromaServer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[KnowledgeBase, list[str], Path]:
    data_dir = tmp_path_factory.mktemp("server-app")
    messages: list[str] = []
    kb = KnowledgeBase.open(data_dir, chroma_url=chroma_server.url, progress=messages.append, config=FUSED)
    return kb, messages, data_dir


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return KnowledgeBase.open(tmp_path_factory.mktemp("embedded-app"), config=FUSED)


def run_cli(args: list[str], data_dir: Path, chroma_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(data_dir), "POLICYBOT_CHROMA_URL": chroma_url}
    env.pop("POLICYBOT_EMBEDDING_MODEL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


# -- the index on the server ------------------------------------------------------------------


def test_the_first_open_builds_the_collection_on_the_server(
    first_open: tuple[KnowledgeBase, list[str], Path], chroma_server: ChromaServer, registry: Registry
) -> None:
    kb, messages, data_dir = first_open
    assert any("正在重建" in m and chroma_server.url in m for m in messages), messages
    assert f"写入 Chroma：{len(registry.clauses)}/{len(registry.clauses)}" in messages
    (collection,) = server_client(chroma_server).list_collections()
    assert collection.name == f"clauses-{kb.embedder.name}"
    assert collection.count() == len(registry.clauses) == 119
    assert collection.metadata["content_hash"] == registry.content_hash
    assert (chroma_server.path / "chroma.sqlite3").is_file(), "the server persists to its --path"
    assert not (data_dir / "chroma").exists(), "no local Chroma directory when a server is configured"
    assert json.loads((data_dir / "index" / "state.json").read_text(encoding="utf-8"))["content_hash"] == (
        registry.content_hash
    )
    assert kb.store.is_ready()


def test_a_second_open_attaches_without_rebuilding(
    first_open: tuple[KnowledgeBase, list[str], Path], chroma_server: ChromaServer, tmp_path: Path
) -> None:
    built = server_client(chroma_server).list_collections()[0].id
    messages: list[str] = []
    again = KnowledgeBase.open(tmp_path, chroma_url=chroma_server.url, progress=messages.append, config=FUSED)
    assert messages == []
    assert server_client(chroma_server).list_collections()[0].id == built
    assert again.store.is_ready()
    assert not again.retriever.retrieve(QUESTION).degraded


def test_the_cli_switches_to_the_server_with_the_environment_variable(
    first_open: tuple[KnowledgeBase, list[str], Path], chroma_server: ChromaServer, tmp_path: Path
) -> None:
    ingest = run_cli(["ingest", "--json"], tmp_path, chroma_server.url)
    assert ingest.returncode == 0, ingest.stderr
    assert json.loads(ingest.stdout)["rebuilt"] is False
    ask = run_cli(["ask", "--json", "--region", "巴中", "创业担保贷款"], tmp_path, chroma_server.url)
    assert ask.returncode == 0, ask.stderr
    assert json.loads(ask.stdout)["status"] == "answered"
    assert not (tmp_path / "chroma").exists()


def test_an_unreachable_server_at_start_answers_from_the_lexical_index(tmp_path: Path) -> None:
    """Issue 14: the lexical index needs no vectors, so `ask` answers (and says why it is lexical);
    `ingest`, whose job is to write the vectors, still fails with a clear message."""
    nowhere = f"http://127.0.0.1:{free_port()}"
    done = run_cli(["ask", "--json", "失业补助金"], tmp_path, nowhere)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] == "answered"
    assert "unreachable at start, answering lexically" in done.stderr and nowhere in done.stderr
    assert "Traceback" not in done.stderr
    ingest = run_cli(["ingest"], tmp_path, nowhere)
    assert ingest.returncode == 1
    assert "无法打开 Chroma 索引" in ingest.stderr and "Traceback" not in ingest.stderr


# -- the same answers as the embedded directory -----------------------------------------------


@pytest.mark.parametrize("golden", list(GOLDEN_SETS.values()), ids=list(GOLDEN_SETS))
def test_answers_from_the_server_match_the_embedded_directory(
    first_open: tuple[KnowledgeBase, list[str], Path], embedded: KnowledgeBase, golden: list[GoldenQuestion]
) -> None:
    server_kb, _, _ = first_open
    differences = []
    fused = 0
    for item in golden:
        remote = server_kb.retriever.retrieve(item.question)
        local = embedded.retriever.retrieve(item.question)
        assert not remote.degraded and not local.degraded, item.id
        assert all(entry.dense is not None for entry in remote.ranked), item.id
        fused += any(abs(entry.score - entry.lexical) > 1e-3 for entry in remote.ranked)
        # Per clause, not per rank: the two vector indexes compute float32 distances that differ by ~1e-8,
        # so two clauses whose fused scores tie to within that may swap ranks; each rank must then
        # still hold the same score (same_ranking), and the answers must be the same.
        dense_of = {entry.clause.id: entry.dense or 0 for entry in local.ranked}
        dense_gap = max(abs((entry.dense or 0) - dense_of[entry.clause.id]) for entry in remote.ranked)
        remote_answer = server_kb.answerer.compose(remote, AS_OF)
        local_answer = embedded.answerer.compose(local, AS_OF)
        if not same_ranking(remote, local) or remote_answer != local_answer or dense_gap > 1e-3:
            differences.append((item.id, ids(remote)[:3], ids(local)[:3], round(dense_gap, 5)))
    assert differences == []
    assert fused == len(golden), "the dense scores from the server take part in every ranking"


def ids(retrieval: Retrieval) -> list[str]:
    return [entry.clause.id for entry in retrieval.ranked]


def same_ranking(first: Retrieval, second: Retrieval) -> bool:
    """The same clauses at every rank, except that clauses whose fused scores tie to within float32
    noise may stand in either order."""
    ranked = list(zip(first.ranked, second.ranked, strict=True))
    return all(
        a.clause.id == b.clause.id
        or (abs(a.score - b.score) < TIE and {a.clause.id, b.clause.id} <= ties(first, a.score))
        for a, b in ranked
    )


def ties(retrieval: Retrieval, score: float) -> set[str]:
    return {entry.clause.id for entry in retrieval.ranked if abs(entry.score - score) < TIE}


TIE = 2e-4  # scores are rounded to 4 decimals: a near-tie may round to neighbouring values


# -- faults: the server stops mid-run and comes back ------------------------------------------


@pytest.fixture
def web(
    first_open: tuple[KnowledgeBase, list[str], Path], chroma_server: ChromaServer, tmp_path: Path
) -> Iterator[tuple[KnowledgeBase, TestClient]]:
    """The real web app on a knowledge base of its own (its own retriever back-off state)."""
    kb = KnowledgeBase.open(tmp_path / "data", chroma_url=chroma_server.url, config=FUSED)
    settings = Settings.model_validate(
        {
            "data_dir": tmp_path / "data",
            "database_url": f"sqlite:///{tmp_path / 'web.sqlite3'}",
            "chroma_url": chroma_server.url,
            "web_rate_limit": "",
            "web_answer_cache_size": 0,  # every request reaches the retriever
        }
    )
    services: WebServices = build_services(settings, kb=kb)
    with TestClient(create_app(services), base_url="http://testserver") as client:
        yield kb, client
    services.close()


def readiness(client: TestClient) -> tuple[int, str, dict[str, bool]]:
    response = client.get("/readyz")
    body = response.json()
    return response.status_code, body["status"], body["checks"]


def wait_until(condition: object, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_stopped_server_degrades_to_lexical_and_full_service_returns_on_restart(
    web: tuple[KnowledgeBase, TestClient], chroma_server: ChromaServer, how: signal.Signals
) -> None:
    kb, client = web
    lexical_only = HybridRetriever(kb.registry, kb.analyzer, kb.lexical, config=RetrievalConfig())
    expected_during = Answerer(lexical_only).answer(QUESTION, None, date.today())
    assert readiness(client) == (200, "ready", {"index": True, "vectors": True, "database": True})
    before = kb.retriever.retrieve(QUESTION)
    assert not before.degraded and before.ranked[0].dense is not None

    chroma_server.stop(how)
    assert not chroma_server.is_answering()

    during = kb.retriever.retrieve(QUESTION)
    assert during.degraded
    assert all(entry.dense is None for entry in during.ranked)
    assert ids(during) == ids(lexical_only.retrieve(QUESTION))
    response = client.post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 200
    answer = response.json()
    assert answer["status"] == AnswerStatus.ANSWERED.value
    assert [c["clause_id"] for c in answer["citations"]] == [c.clause_id for c in expected_during.citations]
    chat = client.post("/api/chat", json={"message": "长春 高校毕业生 创业担保贷款 额度多少"})
    assert chat.status_code == 200 and chat.json()["replies"]
    assert readiness(client) == (200, "degraded", {"index": True, "vectors": False, "database": True})

    chroma_server.start()  # same port, same directory; the app is not restarted

    assert wait_until(lambda: not kb.retriever.retrieve(QUESTION).degraded, seconds=10 * RETRY_SECONDS + 5)
    after = kb.retriever.retrieve(QUESTION)
    assert ids(after) == ids(before)
    assert [e.dense for e in after.ranked] == pytest.approx([e.dense for e in before.ranked], abs=1e-4)
    assert readiness(client) == (200, "ready", {"index": True, "vectors": True, "database": True})
    assert client.post("/api/ask", json={"question": QUESTION}).json()["status"] == "answered"


def test_a_wiped_server_is_degraded_until_reingested_then_recovers_without_a_restart(
    web: tuple[KnowledgeBase, TestClient], chroma_server: ChromaServer, tmp_path: Path, registry: Registry
) -> None:
    kb, client = web
    before = kb.retriever.retrieve(QUESTION)
    admin = server_client(chroma_server)
    (collection,) = admin.list_collections()
    admin.delete_collection(collection.name)  # an operator wiped Chroma's data

    assert kb.retriever.retrieve(QUESTION).degraded
    assert readiness(client)[1] == "degraded"
    assert client.post("/api/ask", json={"question": QUESTION}).json()["status"] == "answered"

    ingest = run_cli(["ingest", "--json"], tmp_path / "ingest", chroma_server.url)  # another process
    assert ingest.returncode == 0, ingest.stderr
    assert json.loads(ingest.stdout)["rebuilt"] is True
    assert server_client(chroma_server).list_collections()[0].count() == len(registry.clauses)

    assert wait_until(lambda: not kb.retriever.retrieve(QUESTION).degraded, seconds=10 * RETRY_SECONDS + 5)
    assert ids(kb.retriever.retrieve(QUESTION)) == ids(before)
    assert readiness(client)[1] == "ready"


def test_a_process_started_while_the_server_is_down_attaches_once_it_is_up(
    first_open: tuple[KnowledgeBase, list[str], Path], chroma_server: ChromaServer
) -> None:
    """Issue 14: started with the server down (as `policybot serve` or `telegram` opens it), the
    knowledge base answers lexically and connects in the background of later queries: no restart."""
    _, _, data_dir = first_open
    chroma_server.stop(signal.SIGTERM)
    kb = KnowledgeBase.open(data_dir, chroma_url=chroma_server.url, config=FUSED)
    started = kb.retriever.retrieve(QUESTION)
    assert started.degraded and all(entry.dense is None for entry in started.ranked)
    assert not kb.store.is_ready()

    chroma_server.start()

    assert wait_until(lambda: not kb.retriever.retrieve(QUESTION).degraded, seconds=10 * RETRY_SECONDS + 5)
    assert kb.store.is_ready()
    assert any(entry.dense is not None for entry in kb.retriever.retrieve(QUESTION).ranked)
