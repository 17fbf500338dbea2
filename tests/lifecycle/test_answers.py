"""Answers follow the published documents (a real SQLite file, the real parser and index): a new
document answers at once, with its own figures and citation; a retired one is no longer cited; a
superseded one still answers what only it says, and the answer says it was replaced; the newer,
in-force document is preferred."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.library import DocumentLibrary, Upload
from bot.present.answers import answer_text
from bot.present.citations import inner_title
from bot.services import Services
from bot.settings import Settings
from knowledge.answer_model import AnswerStatus, SupersededDocument

DATA = Path(__file__).with_name("data")
TODAY = date(2026, 6, 1)


def services(tmp_path: Path) -> Services:
    return Services(Settings(data_dir=tmp_path, database_url=SecretStr(f"sqlite:///{tmp_path / 'policybot.sqlite3'}")))


def upload(name: str) -> Upload:
    return Upload((DATA / name).read_bytes(), name)


@pytest.fixture
def library(tmp_path: Path) -> DocumentLibrary:
    return services(tmp_path).library


def test_a_published_city_document_answers_for_its_city_with_its_figures(tmp_path: Path) -> None:
    core = services(tmp_path)
    core.library.add([upload("changchun_trainee_2025.txt")], "tester", publish=True)
    answer = services(tmp_path).knowledge.answerer.answer("长春市就业见习补贴每月多少钱", as_of=TODAY)
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.region == "长春市"
    assert answer.citations[0].clause_id == "changchun-2025-03"
    text = answer_text(answer)
    assert "2000元" in text
    assert "长府办发〔2025〕3号" in text


def test_a_retired_document_is_no_longer_cited(tmp_path: Path) -> None:
    core = services(tmp_path)
    question = "商洛市小额担保贷款有多少"
    before = core.knowledge.answerer.answer(question, as_of=TODAY)
    assert any(c.clause_id.startswith("shangluo-2012") for c in before.citations)
    core.library.retire("shangluo-2012", "tester")
    after = services(tmp_path).knowledge.answerer.answer(question, as_of=TODAY)
    assert not any(c.clause_id.startswith("shangluo-2012") for c in after.citations)
    assert after.status is AnswerStatus.REGION_NOT_COVERED


def test_the_newer_document_is_preferred_and_the_superseded_one_says_so(tmp_path: Path) -> None:
    core = services(tmp_path)
    (newer,) = core.library.add([upload("jilin_loans_2024.txt")], "tester")
    core.library.publish(newer.id, "tester", supersedes="jilin-2017")
    answerer = services(tmp_path).knowledge.answerer

    loans = answerer.answer("吉林省创业担保贷款最高额度是多少", as_of=TODAY)
    assert loans.citations[0].clause_id == f"{newer.id}-04"
    assert "30万元" in answer_text(loans)

    # Only the superseded document speaks of this: still answered, with the notice.
    graduates = answerer.answer("吉林省高校毕业生到基层工作有什么补贴", as_of=TODAY)
    assert graduates.status is AnswerStatus.ANSWERED
    assert graduates.citations and all(c.clause_id.startswith("jilin-2017") for c in graduates.citations)
    assert (
        SupersededDocument(
            document_id="jilin-2017",
            title=core.library.get("jilin-2017").document.title,
            newer_id=newer.id,
            newer_title=newer.document.title,
        )
        in graduates.notices
    )
    # a title naming another in 《》 is written with single inner marks inside the outer ones (doc30)
    assert f"已被新文件《{inner_title(newer.document.title)}》替代" in answer_text(graduates)
