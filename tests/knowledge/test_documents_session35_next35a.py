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

from bot.db import open_database
from bot.library import DocumentLibrary, LibraryError, Upload
from bot.present.documents import error_text
from bot.present.intake import refusal
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.filetext import INTAKE_CODES, read_file
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


# --- fix35a: what the JSON intake kept, dropped and crashed on ------------------------------------------------------

BODY = (
    "第一条 对吸纳离校未就业高校毕业生参加就业见习的单位，按每人每月1500元给予就业见习补贴。\n"
    "第二条 本通知自发布之日起施行。"
)
SINGLE = {
    "标题": "泸州市人力资源和社会保障局关于做好就业见习补贴发放工作的通知",
    "发布机构": "泸州市人力资源和社会保障局",
    "发布日期": "2026年4月10日",
    "正文": BODY,
    "附件": [{"名称": "就业见习补贴申请表"}, {"名称": "见习协议书"}],
}


@pytest.mark.parametrize(
    "document",
    [SINGLE, {key: SINGLE[key] for key in ("标题", "正文")}, {**SINGLE, "正文": BODY.split("\n")}],
    ids=["with an attachment list", "title and body only", "body as a list of paragraphs"],
)
def test_a_single_document_exported_as_json_is_read_with_its_body(document: dict[str, object]) -> None:
    text = read_file(json.dumps(document, ensure_ascii=False).encode(), "p.json")
    for line in BODY.split("\n"):
        assert line in text.splitlines()
    assert f"标题：{SINGLE['标题']}" in text.splitlines()
    if "附件" in document:
        assert "附件：就业见习补贴申请表；见习协议书" in text.splitlines()
        assert "1．" not in text  # an attachment list is no list of policy records


def test_an_exports_body_text_is_kept_beside_its_records() -> None:
    records = json.loads(EXPORT.read_bytes())["data"]
    export = {"标题": "泸州市就业创业补贴政策清单", "正文": "以下补贴按年度申报。", "data": records}
    text = read_file(json.dumps(export, ensure_ascii=False).encode(), "清单.json")
    assert "以下补贴按年度申报。" in text.splitlines()
    assert f"1．事项名称：{records[0]['事项名称']}" in text.splitlines()


def test_a_single_document_exported_as_json_is_added_and_answered_from_its_body(tmp_path: Path) -> None:
    path = tmp_path / "见习补贴.json"
    path.write_text(json.dumps(SINGLE, ensure_ascii=False), encoding="utf-8")
    added = run_cli(["documents", "add", str(path), "--publish"], tmp_path)
    assert added.returncode == 0, added.stderr
    asked = run_cli(["ask", "--json", "--region", "泸州市", "就业见习补贴每月多少钱"], tmp_path)
    answer = json.loads(asked.stdout)
    assert answer["status"] == "answered" and "1500元" in answer["answer"]


DEEP = b"[" * 100000 + b"]" * 100000


@pytest.mark.parametrize("name", ["x.json", "x.txt", "x.csv", "x"])
def test_json_nested_past_what_python_reads_is_refused_politely_or_read_as_text(name: str) -> None:
    try:
        read_file(DEEP, name)
    except IntakeError as exc:
        assert exc.code in INTAKE_CODES
        message = refusal(exc, max_bytes=20 * 1024 * 1024)
        assert "没有任何改动" in message and "第 0 行" not in message
        if name == "x.json":
            assert exc.code == "malformed_json"
    else:
        assert name != "x.json"


def test_a_records_value_nested_deeper_than_any_export_does_not_crash_the_intake() -> None:
    deep = '[{"事项名称": "就业见习补贴", "补贴标准": "每人每月1500元", "层": ' + "[" * 700 + '"z"' + "]" * 700 + "}]"
    text = read_file(deep.encode(), "x.json")
    assert "1．事项名称：就业见习补贴" in text and "补贴标准：每人每月1500元" in text


def test_a_staff_upload_of_a_json_file_nested_too_deep_is_refused_politely_and_the_rest_lands_after(
    tmp_path: Path,
) -> None:
    library = DocumentLibrary(open_database(f"sqlite:///{tmp_path / 'policybot.sqlite3'}"))
    good = Upload(json.dumps(SINGLE, ensure_ascii=False).encode(), "见习补贴.json")
    library.ensure_seeds()
    before = len(library.documents())
    with pytest.raises(LibraryError) as caught:
        library.add([good, Upload(DEEP, "深层.json")], "tester")
    message = error_text(caught.value)
    assert caught.value.code == "intake" and "深层.json" in message and "没有任何改动" in message
    assert len(library.documents()) == before  # the batch is all or none: nothing half-stored
    (view,) = library.add([good], "tester")
    assert view.document.title == SINGLE["标题"]


def test_true_false_blank_keys_and_nan_in_records_are_written_as_their_values() -> None:
    data = (
        '[{"事项名称": "就业见习补贴", "补贴标准": "每人每月1500元", "需缴纳社保": true, "可重复申领": false,'
        ' "  ": "须由见习单位申请", "上限": NaN, "下限": Infinity}]'
    )
    lines = read_file(data.encode(), "x.json").splitlines()
    assert "需缴纳社保：是" in lines and "可重复申领：否" in lines
    assert "须由见习单位申请" in lines
    assert not any(word in line.lower() for line in lines for word in ("nan", "inf"))
