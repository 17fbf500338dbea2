"""`policybot ingest` and `policybot ask` as users run them: real subprocesses, real data dir."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.present.answers import AnswerResult

ASK_KEYS = {"question", "status", "answer", "region", "citations", "notices", "intent", "measures", "direct_answer"}


def run(args: list[str], data_dir: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(data_dir)}
    env.pop("POLICYBOT_EMBEDDING_MODEL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-data")
    result = run(["ingest", "--json"], path)
    assert result.returncode == 0, result.stderr.decode()
    return path


def test_ingest_reports_counts_quality_and_is_idempotent(data_dir: Path) -> None:
    again = run(["ingest", "--json"], data_dir)
    assert again.returncode == 0
    summary = json.loads(again.stdout)
    assert summary["rebuilt"] is False
    assert summary["clause_counts"] == {
        "bazhong-2018": 25,
        "pingdingshan-2020": 28,
        "jilin-2017": 30,
        "ziyang-2017": 29,
        "shangluo-2012": 7,
    }
    assert summary["quality"]["jilin-2017"]["garbled_span"] == 3
    stderr = again.stderr.decode()
    assert "乱码 jilin-2017-09" in stderr and "跳过" in stderr
    quality = json.loads((data_dir / "index" / "quality.json").read_text(encoding="utf-8"))
    assert {q["document_id"] for q in quality} == set(summary["clause_counts"])


def test_ask_text_mode_prints_a_cited_chinese_answer(data_dir: Path) -> None:
    result = run(["ask", "延吉", "返乡创业", "有啥扶持"], data_dir)
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "第（十一）条" in out and "吉林省人民政府" in out and "人社部门" in out


def test_ask_json_single_object_matches_the_schema(data_dir: Path) -> None:
    result = run(["ask", "--json", "--region", "巴中", "创业担保贷款"], data_dir)
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert set(data) == ASK_KEYS
    AnswerResult.model_validate(data)
    assert data["region"] == "巴中市"
    assert all(c["jurisdiction"] == "巴中市" for c in data["citations"])


def test_ask_json_batch_reads_stdin_lines_and_answers_in_order(data_dir: Path) -> None:
    lines = [
        "求职创业补贴谁能领".encode(),
        "北京创业补贴".encode(),
        "明天天气".encode(),
        b"",
        b"\xff\xfe binary \x00",
        ("很长" * 5000).encode(),
        "畢業生創業補貼".encode(),
    ]
    result = run(["ask", "--json"], data_dir, stdin=b"\n".join(lines) + b"\n")
    assert result.returncode == 0, result.stderr.decode()
    objects = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o["status"] for o in objects] == [
        "answered",
        "region_not_covered",
        "no_answer",
        "error",
        "error",
        "error",
        "answered",
    ]
    assert objects[0]["question"] == "求职创业补贴谁能领"
    assert "请输入" in objects[3]["error"] and "太长" in objects[5]["error"]
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize(
    "argv,fragment",
    [(["ask", ""], "请输入"), (["ask", "问" * 10_000], "太长"), (["ask", "\x07\x1b"], "请输入")],
    ids=["empty", "10k", "control"],
)
def test_bad_questions_get_a_message_and_exit_2_without_traceback(
    data_dir: Path, argv: list[str], fragment: str
) -> None:
    result = run(argv, data_dir)
    assert result.returncode == 2
    assert fragment in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_ask_builds_the_index_on_first_use(tmp_path: Path) -> None:
    result = run(["ask", "--json", "失业补助金"], tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout)["status"] == "answered"
    assert (tmp_path / "chroma").is_dir() and (tmp_path / "index" / "state.json").is_file()


def test_corrupt_index_directory_is_rebuilt_not_fatal(tmp_path: Path) -> None:
    chroma = tmp_path / "chroma"
    chroma.mkdir(parents=True)
    (chroma / "chroma.sqlite3").write_bytes(b"this is not a sqlite database")
    result = run(["ask", "--json", "失业补助金"], tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["status"] == "answered"
    assert any(p.name.startswith("chroma.corrupt-") for p in tmp_path.iterdir())


def test_missing_index_directory_is_rebuilt_with_a_message(data_dir: Path, tmp_path: Path) -> None:
    shutil.copytree(data_dir / "index", tmp_path / "index")  # a data dir whose chroma/ was deleted
    result = run(["ask", "失业", "补助金", "怎么领"], tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    stderr = result.stderr.decode()
    assert f"索引目录不存在（已被删除？），正在重建：{tmp_path / 'chroma'}" in stderr
    assert "Traceback" not in stderr
    assert "人社部门" in result.stdout.decode()
    assert (tmp_path / "chroma").is_dir()
    again = run(["ask", "失业", "补助金", "怎么领"], tmp_path)
    assert again.returncode == 0
    assert "重建" not in again.stderr.decode()
