"""Session 34 (issue 13, as staff on a real deployment): in a fresh data directory staff publish another
city's document from the console and retire a seed, and the console follows — on the live product
(`build_services` without a fixed knowledge base, a real SQLite file, the real app with login and CSRF).

- A question declined because its place was not covered, whose place staff cover afterwards, stays under
  地区未收录 noted as covered since — never filed as a content gap of a place that was covered.
- An answer given before its document was retired still shows the clause it quoted (from the library),
  marked as retired, on its answer page and on the clause page: staff check quotes people already read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.settings import Settings
from bot.web.app import create_app
from bot.web.services import WebServices, build_services
from tests.web.chatting import cited, say
from tests.web.conftest import login

YANTAI = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "documents32" / "yantai-2025-fabuhui.txt"
STAFF = ("王芳", "a long enough password")
DECLINED = "烟台个人创业担保贷款最多贷多少"
ANSWERED = "长春创业补贴多少钱"


@pytest.fixture(scope="module")
def live_web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServices]:
    root = tmp_path_factory.mktemp("replaced-seeds")
    settings = Settings(
        data_dir=root / "data",
        database_url=f"sqlite:///{root / 'policybot.sqlite3'}",
        web_rate_limit="",
        web_cookie_secure=False,
    )
    built = build_services(settings, clock=date.today)
    built.accounts.add(*STAFF)
    yield built
    built.close()


@pytest.fixture(scope="module")
def walked(live_web: WebServices) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """The walk once: two questions asked, then 烟台's document published and 吉林's retired by staff."""
    assert live_web.live is not None
    with TestClient(create_app(live_web), base_url="http://testserver") as client:
        declined = say(client, None, message=DECLINED)
        assert declined["replies"][0]["answer_status"] == "region_not_covered"
        answered = say(client, None, message=ANSWERED)
        assert "jilin-2017-07" in cited(answered)
        csrf = login(client, *STAFF)
        with YANTAI.open("rb") as handle:
            sent = client.post(
                "/staff/library/upload",
                data={"csrf": csrf, "publish": "1"},
                files=[("files", (YANTAI.name, handle, "text/plain"))],
                follow_redirects=False,
            )
        assert sent.status_code == 303
        retired = client.post("/staff/library/jilin-2017/retire", data={"csrf": csrf}, follow_redirects=False)
        assert retired.status_code == 303
        assert live_web.live.renew_now()
        live_web.refresh()
        yield client, {"declined": declined["session_id"], "answered": answered["session_id"]}


def test_a_question_declined_before_its_place_was_covered_stays_a_place_gap_noted_as_covered_since(
    walked: tuple[TestClient, dict[str, str]], live_web: WebServices
) -> None:
    client, _ = walked
    unanswered = client.get("/staff/queue", params={"show": "unanswered"}).text
    assert DECLINED not in unanswered  # never "问的是已收录的烟台市…缺的是内容"
    refused = client.get("/staff/queue", params={"show": "refused"}).text
    assert DECLINED in refused and "提问时还没有收录烟台市" in refused
    exported = client.get("/staff/export/queue.csv", params={"show": "refused"}).text
    row = next(r for r in csv.reader(io.StringIO(exported.lstrip("\ufeff"))) if len(r) > 6 and r[4] == DECLINED)
    assert "烟台市的文件是之后发布的" in row[6]
    again = say(client, None, message=DECLINED)  # and the answer follows the publish
    assert any(c.startswith("yantai-2025-fabuhui-") for c in cited(again))


def test_an_answer_quoting_a_retired_document_still_shows_its_clause_marked_retired(
    walked: tuple[TestClient, dict[str, str]], live_web: WebServices
) -> None:
    client, _ = walked
    live_web.answer_log.flush()
    entry = next(row for row in live_web.answer_log.entries(limit=500) if row.question == ANSWERED)
    page = client.get(f"/staff/answers/{entry.id}").text
    assert "已不在收录文件中" not in page
    assert "本条所在文件已停用" in page and "初创企业补贴" in page
    clause = client.get("/staff/clauses/jilin-2017-07")
    assert clause.status_code == 200
    assert "本条所在文件已停用" in clause.text and 'href="/staff/library/jilin-2017"' in clause.text
    assert "初创企业补贴" in clause.text and ANSWERED in clause.text  # where the bot quoted it
    assert client.get("/staff/clauses/jilin-2017-99").status_code == 404  # no such clause anywhere
    now = say(client, None, message=ANSWERED)
    assert not cited(now)  # retired: no longer cited
