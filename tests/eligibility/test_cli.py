"""`policybot check` through a real subprocess: the JSON contract (single and JSON Lines batch),
bad input with exit code 2 and no traceback, and the terminal interview."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESULT_KEYS = {"status", "jurisdiction", "next_question", "benefits", "own_benefits", "unit_benefits", "dated_notice"}
QUESTION_KEYS = {"fact", "text", "options", "hint"}
BENEFIT_KEYS = {
    "id",
    "name",
    "status",
    "beneficiary",
    "amount",
    "reasons",
    "missing_facts",
    "valid_from",
    "valid_to",
    "document_status",
    "citations",
    "side",
    "hiring",
    "to_confirm",
    "document",
    "apply",
    "eligible_from",
}
CITATION_KEYS = {
    "clause_id",
    "document_title",
    "issuer",
    "jurisdiction",
    "date",
    "document_status",
    "clause_number",
    "clause_label",
    "heading",
    "quote",
    "text",
    "score",
}
WORKER = {
    "as_of": "2026-03-01",
    "region": "长春",
    "employment_status": "employed",
    "ui_years": 2,
    "certificate_level": "junior",
    "certificate_date": "2025-10-01",
}


def check(*args: str, stdin: str = "", module: str = "bot.check_cli") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", module, *(["check"] if module == "bot.cli" else []), *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)


def write(tmp_path: Path, data: Any, name: str = "profile.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def assert_contract(result: dict[str, Any]) -> None:
    assert set(result) >= RESULT_KEYS
    if result["next_question"] is not None:
        assert set(result["next_question"]) >= QUESTION_KEYS
    for benefit in result["benefits"]:
        assert set(benefit) >= BENEFIT_KEYS
        for citation in benefit["citations"]:
            assert set(citation) == CITATION_KEYS
            assert citation["quote"] in citation["text"]


@pytest.mark.parametrize("module", ["bot.check_cli", "bot.cli"])
def test_one_profile_prints_one_result_in_the_contract(tmp_path: Path, module: str) -> None:
    done = check("--json", "--profile", str(write(tmp_path, WORKER)), module=module)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert_contract(result)
    assert result["jurisdiction"] == "吉林省"
    upgrade = next(b for b in result["benefits"] if b["id"] == "jilin.skill_upgrade_subsidy")
    assert upgrade["status"] == "ineligible"
    assert upgrade["reasons"] == ["需依法参加失业保险3年以上，您的失业保险参保年限为2年（吉林（二十））"]
    assert upgrade["citations"][0]["clause_id"] == "jilin-2017-20"
    assert upgrade["citations"][0]["document_title"].startswith("吉林省人民政府")


def test_batch_mode_answers_every_line_in_order_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(WORKER, ensure_ascii=False),
        json.dumps({"region": "巴中", "age": "三十"}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({"region": "北京"}, ensure_ascii=False),
        json.dumps(
            {
                "as_of": "2020-08-01",
                "region": "平顶山",
                "employment_status": "unemployed",
                "living_difficulty": True,
            },
            ensure_ascii=False,
        ),
    ]
    done = check("--json", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.strip().splitlines()]
    assert [o["status"] for o in out] == [
        "needs_more_info",
        "error",
        "error",
        "region_not_covered",
        "needs_more_info",
    ]
    assert out[1]["line"] == 2 and out[1]["error"]["fact"] == "age"
    assert "age" in out[1]["error"]["message_zh"] and "age" in out[1]["error"]["message_en"]
    assert out[2]["line"] == 3 and "JSON" in out[2]["error"]["message_zh"]
    assert "吉林省" in out[3]["message"]
    allowance = next(b for b in out[4]["benefits"] if b["id"] == "pingdingshan.temporary_living_allowance")
    assert allowance["status"] == "possibly_eligible" and allowance["document_status"] == "draft"
    for result in (out[0], out[3], out[4]):
        assert_contract(result)


@pytest.mark.parametrize(
    ("profile", "fact"),
    [
        ({"region": "延吉", "ui_years": -1}, "ui_years"),
        ({"region": "延吉", "education": "doctorate"}, "education"),
        ({"region": "延吉", "certificate_date": "2099-01-01"}, "certificate_date"),
        ({"region": "延吉", "hard_to_employ": "是"}, "hard_to_employ"),
        ({"region": "延吉", "favourite_colour": "red"}, "favourite_colour"),
    ],
)
def test_a_bad_profile_exits_2_with_a_bilingual_message_naming_the_fact(
    tmp_path: Path, profile: dict[str, Any], fact: str
) -> None:
    done = check("--json", "--profile", str(write(tmp_path, profile)))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert "资料有误" in done.stderr and "Invalid profile" in done.stderr
    assert done.stderr.count(fact) >= 2


def test_ten_megabytes_of_profile_are_an_error_for_that_line_and_nothing_else() -> None:
    """A 10 MB line (a 10-million-character place name) and a 10 MB list under an unknown key: each is
    that line's clear error; the lines around them are answered as if they were not there."""
    huge_place = json.dumps({"region": "长" * 10_000_000}, ensure_ascii=False)
    huge_list = '{"region": "长春", "extras": [' + "1," * 5_000_000 + "1]}"
    lines = [json.dumps(WORKER, ensure_ascii=False), huge_place, huge_list, json.dumps(WORKER, ensure_ascii=False)]
    done = check("--json", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    out = [json.loads(line) for line in done.stdout.strip().splitlines()]
    assert [o["status"] for o in out] == ["needs_more_info", "error", "error", "needs_more_info"]
    assert out[1]["error"]["fact"] == "region" and "1至100个字" in out[1]["error"]["message_zh"]
    assert out[2]["error"]["fact"] == "extras" and len(done.stdout) < 200_000
    assert out[0] == out[3]


@pytest.mark.parametrize("content", ['{"region": ', "[1, 2]", '"延吉"'])
def test_a_profile_file_that_is_not_a_json_object_exits_2(tmp_path: Path, content: str) -> None:
    done = check("--json", "--profile", str(write(tmp_path, content)))
    assert done.returncode == 2 and "Traceback" not in done.stderr and "JSON" in done.stderr


def test_a_missing_profile_file_exits_2(tmp_path: Path) -> None:
    done = check("--json", "--profile", str(tmp_path / "nope.json"))
    assert done.returncode == 2 and "无法读取" in done.stderr and "Traceback" not in done.stderr


def test_the_terminal_interview_asks_until_complete_and_shows_results() -> None:
    # 北京, its 户籍 不清楚 (session 24: asked once at an uncovered place), then 延吉.
    answers = "北京\n\n延吉\n" + "\n" * 40
    done = check(stdin=answers)
    assert done.returncode == 0, done.stderr
    assert "暂未收录北京市" in done.stdout
    assert "以下人员类别中，哪些是您本人的情况" in done.stdout
    assert "可能可以享受" in done.stdout
    assert "以当地人社部门审核为准" in done.stdout
    assert "Traceback" not in done.stderr


def test_the_terminal_interview_takes_numbered_answers_and_explains_bad_input() -> None:
    answers = "\n".join(["巴中", "99", "3", "q"]) + "\n"
    done = check(stdin=answers)
    assert done.returncode == 0
    assert "请输入选项前面的序号" in done.stdout
    assert "已退出" in done.stdout
