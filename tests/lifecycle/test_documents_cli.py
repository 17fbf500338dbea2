"""`policybot documents` as staff run it: real subprocesses on a real SQLite file. Refusals are one
polite Chinese message with a non-zero exit code, and leave the published documents as they were."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).with_name("data")
LIST_KEYS = {
    "id",
    "title",
    "issuer",
    "document_number",
    "jurisdiction",
    "signed",
    "status",
    "state",
    "clauses",
    "superseded_by",
}


def run(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(data_dir)}
    for name in ("POLICYBOT_EMBEDDING_MODEL", "POLICYBOT_DATABASE_URL", "POLICYBOT_CHROMA_URL"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "documents", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


def listed(data_dir: Path) -> dict[str, dict[str, Any]]:
    result = run(["list", "--json"], data_dir)
    assert result.returncode == 0, result.stderr
    return {entry["id"]: entry for entry in json.loads(result.stdout)}


def test_list_shows_the_five_seeds_with_every_field(tmp_path: Path) -> None:
    documents = listed(tmp_path)
    assert list(documents) == ["bazhong-2018", "pingdingshan-2020", "jilin-2017", "ziyang-2017", "shangluo-2012"]
    assert all(set(entry) == LIST_KEYS for entry in documents.values())
    assert documents["pingdingshan-2020"]["status"] == "draft"
    assert {entry["state"] for entry in documents.values()} == {"published"}
    assert sum(entry["clauses"] for entry in documents.values()) == 119


def test_add_show_publish_retire_round_trip(tmp_path: Path) -> None:
    added = run(["add", str(DATA / "jilin_loans_2024.txt"), "--json"], tmp_path)
    assert added.returncode == 0, added.stderr
    (entry,) = json.loads(added.stdout)
    assert entry | {"id": "x"} == {
        "id": "x",
        "title": "吉林省人力资源和社会保障厅 吉林省财政厅关于印发《吉林省创业担保贷款实施办法》的通知",
        "issuer": entry["issuer"],
        "document_number": "吉人社发〔2024〕9号",
        "jurisdiction": "吉林省",
        "signed": "2024-04-01",
        "status": "official",
        "state": "draft-review",
        "clauses": 6,
        "superseded_by": None,
    }
    document_id = entry["id"]
    assert f"policybot documents publish {document_id}" in added.stderr

    shown = run(["show", document_id, "--json"], tmp_path)
    assert shown.returncode == 0, shown.stderr
    detail = json.loads(shown.stdout)
    assert detail["effective"] == "2024-05-01" and detail["valid_until"] == "2029-04-30"
    assert detail["files"][0]["filename"] == "jilin_loans_2024.txt"
    assert "quality" in detail and detail["quality"]["document_id"] == document_id
    assert [c["id"] for c in detail["clause_list"]][-1] == f"{document_id}-06"
    assert "个人创业担保贷款最高额度为30万元" in detail["clause_list"][3]["text"]
    text = run(["show", document_id], tmp_path)
    assert "文号：吉人社发〔2024〕9号" in text.stdout and "状态：待审核" in text.stdout

    published = run(["publish", document_id, "--supersedes", "jilin-2017"], tmp_path)
    assert published.returncode == 0, published.stderr
    assert "已发布" in published.stderr
    documents = listed(tmp_path)
    assert documents[document_id]["state"] == "published"
    assert documents["jilin-2017"]["superseded_by"] == document_id

    retired = run(["retire", "jilin-2017", "--superseded-by", document_id], tmp_path)
    assert retired.returncode == 0, retired.stderr
    assert listed(tmp_path)["jilin-2017"]["state"] == "retired"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["publish", "nope"], "没有编号为“nope”的文件"),
        (["retire", "nope"], "没有编号为“nope”的文件"),
        (["publish", "jilin-2017"], "已经发布，无需重复发布"),
        (["show", "nope"], "没有编号为“nope”的文件"),
        (["add", "/nonexistent/file.txt"], "找不到文件“/nonexistent/file.txt”"),
        (["add", "EMPTY"], "是空的"),
        (["add", "RECIPE"], "看起来不是政策文件"),
        (["add", "IMAGE"], "是一张图片"),
        (["add", "UNKNOWN_PLACE"], "“某某省”不在行政区划表中"),
    ],
    ids=[
        "publish-unknown",
        "retire-unknown",
        "publish-twice",
        "show-unknown",
        "missing",
        "empty",
        "recipe",
        "image",
        "place",
    ],
)
def test_refusals_are_polite_exit_non_zero_and_change_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    files = {
        "EMPTY": ("empty.txt", b""),
        "RECIPE": (
            "recipe.txt",
            "红烧肉的做法\n\n1. 五花肉切块焯水。\n2. 冰糖炒糖色，下肉翻炒。\n3. 小火炖一小时。\n".encode(),
        ),
        "IMAGE": ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200),
        "UNKNOWN_PLACE": (
            "nowhere.txt",
            (DATA / "jilin_loans_2024.txt")
            .read_text(encoding="utf-8")
            .replace("吉林省", "某某省")
            .replace("吉", "某")
            .encode(),
        ),
    }
    args = [str(_write(tmp_path, *files[a])) if a in files else a for a in args]
    before = listed(tmp_path)
    result = run([*args, "--publish"] if args[0] == "add" else args, tmp_path)
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert listed(tmp_path) == before


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / "uploads" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path
