"""Session 35 (next35a): documents in forms the intake had not met (issue 13). An open-data portal's JSON export
(a list of records, or {"data": [...]}) is read as records — one clause per record, its fields as 字段：值 lines
quoted as written, the title, issuer and date from the document's own fields or the values every record shares —
and a malformed or non-policy JSON file is refused politely. A heading that only names a body (the letterhead of a
reply letter, XX市人民政府办公室) is no title: the intake keeps looking (关于…的答复, a 《…》 line) or holds the
document for review asking for one. Documents written for these tests (泸州), not the bench's sets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.present.intake import refusal
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.intake import IntakeError, examine, extract_facts, parse_clauses
from tests.knowledge.test_documents_session18 import run_cli

DATA = Path(__file__).resolve().parent / "data" / "documents35a"
EXPORT = DATA / "luzhou-2026-export.json"


def _clauses(text: str) -> list[str]:
    document = Document(
        id="luzhou-2026", source_file="l.json", title="测试", short_name="测试", issuer="泸州市人力资源和社会保障局",
        province="四川省", city="泸州市", document_number=None, signed=date(2026, 3, 15), published=None,
        published_note=None, status=DocumentStatus.OFFICIAL, structure=Structure.AUTO,
    )  # fmt: skip
    return [clause.text for clause in parse_clauses(document, text).clauses]


@pytest.mark.parametrize("name", ["luzhou-2026-export.json", "luzhou-2026-list.json"])
def test_a_json_export_is_read_as_one_clause_per_record(name: str) -> None:
    data = (DATA / name).read_bytes()
    records = json.loads(data)
    records = records["data"] if isinstance(records, dict) else records
    clauses = _clauses(examine(data, name).text)
    assert len(clauses) == len(records)
    for clause, record in zip(clauses, records, strict=True):
        assert f"事项名称：{record['事项名称']}" in clause
        # each field a 字段：值 line, its value as the record writes it
        assert f"补贴标准：{record['补贴标准']}" in clause.splitlines()
        assert f"受理部门：{record['受理部门']}" in clause.splitlines()


def test_a_json_export_saved_under_another_name_is_still_read_as_records() -> None:
    data = (DATA / "luzhou-2026-list.json").read_bytes()
    assert examine(data, "政策清单.txt").text == examine(data, "luzhou-2026-list.json").text


def test_a_json_exports_title_issuer_and_date_are_the_values_every_record_shares() -> None:
    facts = examine(EXPORT.read_bytes(), EXPORT.name).facts
    assert facts.title == "泸州市人力资源和社会保障局泸州市财政局关于进一步做好就业创业补贴工作的通知"
    assert facts.issuer == "泸州市人力资源和社会保障局"
    assert (facts.city, facts.signed) == ("泸州市", date(2026, 3, 15))
    assert (facts.effective, facts.valid_until) == (date(2026, 1, 1), date(2027, 12, 31))


def test_a_json_exports_own_fields_name_it_and_a_shared_basis_is_no_clause_line() -> None:
    records = json.loads(EXPORT.read_bytes())["data"]
    export = {
        "标题": "泸州市就业创业补贴政策清单",
        "发布机构": "泸州市人力资源和社会保障局",
        "发布日期": "2026年3月20日",
        "data": records,
    }
    intake = examine(json.dumps(export, ensure_ascii=False).encode(), "清单.json")
    assert (intake.facts.title, intake.facts.signed) == ("泸州市就业创业补贴政策清单", date(2026, 3, 20))
    assert all("依据文件" not in clause and "发布机构" not in clause for clause in _clauses(intake.text))


def test_a_json_export_is_added_and_answered_from_its_record(tmp_path: Path) -> None:
    added = run_cli(["documents", "add", str(EXPORT), "--publish"], tmp_path)
    assert added.returncode == 0, added.stderr
    asked = run_cli(["ask", "--json", "--region", "泸州市", "求职创业补贴多少钱"], tmp_path)
    answer = json.loads(asked.stdout)
    assert answer["status"] == "answered" and "2000元" in answer["answer"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b'{"data": [{"\xe4\xba\x8b\xe9\xa1\xb9\xe5\x90\x8d\xe7\xa7\xb0": "x",}\n', "malformed_json"),
        (b'{"version": 2, "total": 0}', "not_records"),
        (b"[1, 2, 3]", "not_records"),
        ('[{"city": "泸州", "temperature": 21, "weather": "多云"}]'.encode(), "not_a_policy"),
    ],
    ids=["malformed", "no records", "numbers", "weather records"],
)
def test_a_malformed_or_non_policy_json_file_is_refused_politely(data: bytes, code: str) -> None:
    with pytest.raises(IntakeError) as caught:
        examine(data, "导出.json")
    assert caught.value.code == code
    message = refusal(caught.value, max_bytes=20 * 1024 * 1024)
    assert "没有任何改动" in message and "{" not in message
    if code == "malformed_json":
        assert "第 1 行" in message


REPLY = "\n".join(
    (
        "泸州市人力资源和社会保障局",
        "关于市政协十届三次会议第58号提案的答复",
        "泸人社提〔2026〕12号",
        "张明委员：",
        "您提出的《关于加大高校毕业生就业扶持力度的建议》收悉，现答复如下：",
        "一、关于求职创业补贴。我市对毕业年度内低保家庭、脱贫家庭高校毕业生，按每人2000元标准发放一次性求职创业补贴。",
        "二、关于就业见习补贴。见习单位吸纳离校2年内未就业高校毕业生参加见习的，按每人每月1800元给予见习补贴。",
        "感谢您对人力资源和社会保障工作的关心和支持。",
        "泸州市人力资源和社会保障局",
        "2026年5月20日",
    )
)
OFFICE = "\n".join(
    (
        "泸州市人民政府办公室",
        "各区县人民政府，市级各部门：",
        "为进一步稳定和扩大就业，经市政府同意，现就有关事项通知如下：",
        "一、对首次创办小微企业的高校毕业生，按每户5000元给予一次性创业补贴。",
        "二、对招用就业困难人员的企业，按每人每月300元给予社会保险补贴，期限不超过3年。",
        "泸州市人民政府办公室",
        "2026年4月1日",
    )
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (REPLY, "泸州市人力资源和社会保障局关于市政协十届三次会议第58号提案的答复"),
        (REPLY.replace("的答复", "的答复，请查收"), None),
        (OFFICE.replace("泸州市人民政府办公室\n各区县", "泸州市人民政府办公室\n《泸州市稳就业若干措施》\n各区县", 1),
         "泸州市稳就业若干措施"),
        (OFFICE, None),
    ],
    ids=["reply letter", "no title line", "a 《name》 line", "office letterhead only"],
)  # fmt: skip
def test_a_heading_that_only_names_a_body_is_no_title(text: str, title: str | None) -> None:
    facts = extract_facts(text)
    assert facts.title == title
    assert facts.title != facts.issuer
    assert ("未找到标题" in facts.problems) == (title is None)


def test_a_document_titled_by_no_line_but_its_issuer_is_held_for_review(tmp_path: Path) -> None:
    path = tmp_path / "office.txt"
    path.write_text(OFFICE, encoding="utf-8")
    added = run_cli(["documents", "add", str(path), "--publish"], tmp_path)
    assert "标题" in added.stdout + added.stderr
    listed = json.loads(run_cli(["documents", "list", "--json"], tmp_path).stdout)
    office = [row for row in listed if row["issuer"] == "泸州市人民政府办公室"]
    assert office and all(row["state"] != "published" and row["title"] != row["issuer"] for row in office)
