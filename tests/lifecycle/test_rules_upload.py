"""Rules uploaded for a new document (issue 13, item 4): checked as `policybot rules check` checks
them, stored with the document, and used by eligibility without a restart — the same live
mechanism as a publish. In the console over HTTP (the real app, a real SQLite file and PostgreSQL:
login, CSRF, audit) and in one process's live product (bot/live.py) on a real SQLite file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bot.library import DocumentLibrary, Upload
from bot.live import LiveServices
from bot.services import Services
from bot.settings import Settings
from bot.web.app import create_app
from bot.web.services import WebServices
from eligibility.profile import Profile
from tests.web.conftest import make_services

DATA = Path(__file__).with_name("data")
RULES = DATA / "rules"
DOCUMENT = "changchun-2025"
AS_OF = date(2026, 6, 1)
# A graduate of 长春 who is not working: the trainee subsidy is the unit's (employer_only) once rules exist.
PERSON = {"region": "长春", "education": "college", "employment_status": "unemployed"}


def rules_file(name: str) -> Upload:
    return Upload((RULES / name).read_bytes(), name)


def new_document(library: DocumentLibrary, publish: bool) -> str:
    (view,) = library.add([Upload((DATA / "changchun_trainee_2025.txt").read_bytes(), "cc.txt")], "t", publish)
    assert view.id == DOCUMENT
    return view.id


# -- one process: live ------------------------------------------------------------------------


def pending_and_benefits(core: Services) -> tuple[list[str], list[str]]:
    result = core.eligibility.check(Profile(values=PERSON, as_of=AS_OF))
    return [d.id for d in result.pending_documents], [b.id for b in result.benefits]


def test_rules_for_a_published_document_become_active_at_the_next_check_without_a_restart(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'policybot.sqlite3'}"
    first = Services(Settings(data_dir=tmp_path, database_url=SecretStr(url)))
    library = first.library
    live = LiveServices(first, interval=1)
    new_document(library, publish=True)
    assert live.renew_now()
    published = live.current()
    assert pending_and_benefits(published) == ([DOCUMENT], []), "listed as 条件尚未整理成规则 before rules"

    reports = library.add_rules(DOCUMENT, [rules_file("changchun_trainee_subsidy.yaml")], "tester")
    assert [r.ok for r in reports] == [True]
    assert live.renew_now(), "storing rules for a published document moves the version"
    pending, benefits = pending_and_benefits(live.current())
    assert pending == [] and benefits == [f"{DOCUMENT}.changchun_trainee_subsidy"]
    result = live.current().eligibility.check(Profile(values=PERSON, as_of=AS_OF))
    (benefit,) = result.benefits
    assert benefit.status == "employer_only" and benefit.amount is not None
    assert benefit.amount.text == "每人每月2000元，发给见习单位"

    # A process started afterwards reads them from the database too.
    restarted = Services(Settings(data_dir=tmp_path, database_url=SecretStr(url)))
    assert pending_and_benefits(restarted)[1] == [f"{DOCUMENT}.changchun_trainee_subsidy"]


def test_a_misquoted_rule_is_refused_with_its_lines_and_nothing_is_stored(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'policybot.sqlite3'}"
    library = Services(Settings(data_dir=tmp_path, database_url=SecretStr(url))).library
    new_document(library, publish=False)
    version = library.version()
    good, bad = rules_file("changchun_trainee_subsidy.yaml"), rules_file("changchun_trainee_subsidy_misquoted.yaml")
    reports = library.add_rules(DOCUMENT, [good, bad], "tester")
    assert [r.ok for r in reports] == [True, False], "every file is checked and reported"
    problems = {(p.code, p.line) for p in reports[1].problems}
    assert problems == {("quote_not_in_clause", 9), ("figure_not_in_clause", 22), ("quote_not_in_clause", 24)}
    assert library.rules(DOCUMENT) == [] and library.version() == version, "all or nothing"


def test_rules_of_another_document_or_for_a_seed_are_refused(tmp_path: Path) -> None:
    from bot.library import LibraryError

    url = f"sqlite:///{tmp_path / 'policybot.sqlite3'}"
    library = Services(Settings(data_dir=tmp_path, database_url=SecretStr(url))).library
    new_document(library, publish=False)
    seed_rule = Upload(Path("eligibility/benefits/jilin/startup_subsidy.yaml").read_bytes(), "startup_subsidy.yaml")
    (report,) = library.add_rules(DOCUMENT, [seed_rule], "tester")
    assert "other_document" in {p.code for p in report.problems}
    with pytest.raises(LibraryError) as refused:
        library.add_rules("jilin-2017", [seed_rule], "tester")
    assert refused.value.code == "packaged_rules"


# -- the console --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def web(kb, databases) -> Iterator[WebServices]:  # type: ignore[no-untyped-def]
    built = make_services(kb, databases.new_url())
    new_document(DocumentLibrary(built.engine), publish=True)
    yield built
    built.close()


def post_rules(client: TestClient, csrf: str, *names: str, document_id: str = DOCUMENT):  # type: ignore[no-untyped-def]
    files = [("files", (name, (RULES / name).read_bytes())) for name in names]
    data = {"csrf": csrf, "document_id": document_id}
    return client.post("/staff/library/rules", data=data, files=files, follow_redirects=False)


def test_the_console_refuses_misquoted_rules_in_chinese_with_line_numbers(
    staff: tuple[TestClient, str], web: WebServices
) -> None:
    client, csrf = staff
    response = post_rules(client, csrf, "changchun_trainee_subsidy_misquoted.yaml")
    assert response.status_code == 422
    problems = re.findall(r'<ul class="rules-problems">(.*?)</ul>', response.text, re.S)[0]
    assert "第9行（sources[0].quote）：引文未逐字出现在条款 changchun-2025-03 中" in problems
    assert "第22行（amount.text）：数字“3000”未出现在所引条款 changchun-2025-03 中" in problems
    assert "规则没有保存" in response.text
    assert DocumentLibrary(web.engine).rules(DOCUMENT) == []


def test_the_console_needs_the_form_token_for_rules(staff: tuple[TestClient, str], web: WebServices) -> None:
    client, _csrf = staff
    response = post_rules(client, "forged", "changchun_trainee_subsidy.yaml")
    assert response.status_code == 403
    assert DocumentLibrary(web.engine).rules(DOCUMENT) == []
    with TestClient(create_app(web)) as anonymous:
        refused = post_rules(anonymous, "x", "changchun_trainee_subsidy.yaml")
        assert refused.status_code == 303 and "/staff/login" in refused.headers["location"]


def test_the_console_stores_valid_rules_lists_them_and_audits_it(
    staff: tuple[TestClient, str], web: WebServices
) -> None:
    client, csrf = staff
    before = DocumentLibrary(web.engine).version()
    response = post_rules(client, csrf, "changchun_trainee_subsidy.yaml")
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert "各服务进程将在数秒内按新规则判断资格" in page.text
    assert 'data-rules="changchun_trainee_subsidy"' in page.text and "就业见习补贴（长春）" in page.text
    assert DocumentLibrary(web.engine).version() == before + 1
    audit = client.get("/staff/audit")
    assert "上传文件的规则" in audit.text and DOCUMENT in audit.text
    seed = client.get("/staff/library/jilin-2017")
    assert "规则随程序一起发布" in seed.text and 'name="document_id"' not in seed.text
