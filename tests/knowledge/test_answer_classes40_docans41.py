"""Session 40 (docans41, issues 10 and 13): answers over documents staff add — a date or time asked.

A question asking by when one applies (报到几号, 截止到啥时候) or how long the money takes (多久到账) is answered by the
sentence stating that date or time limit, not by a line naming a measure with no figure or by nothing: until which
day (到几号) asks a deadline, 报 is the verb of applying when it asks (还能报吗, 补报), a window said before the
applying it is for (下半年租金于次年1月1日至1月20日申报) is a deadline, of several windows the one the question names
(下半年, 补报) is said, and a time limit of handling is said of paying the money out (拨付至收款账户).
A speaker's opener (再说灵活就业的) names no measure — the topic it opens does; a rate granted in a speaker's words
(按您实际缴费的60%给补) is a measure, and a group's raised rate (男的满50周岁…提高到75%) is that group's, never the
answer to the general question.
Documents written for these tests (松江 notes of a form, 怀柔 speech), not the bench's sets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.present.answers import answer_result
from bot.services import Services
from bot.settings import Settings
from knowledge.derive import derive_measures
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.kb import KnowledgeBase
from knowledge.registry import parse_source
from tests.knowledge.test_documents_session18 import run_cli

DATA = Path(__file__).parent / "data" / "documents40docans41"
ASKED = yaml.safe_load((DATA / "asked.yaml").read_text(encoding="utf-8"))
DATED = ASKED["dated"]


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    data_dir = tmp_path_factory.mktemp("docans41")
    files = [str(DATA / name) for name in ("songjiang-2026-notes.txt", "huairou-2026-speech.txt")]
    added = run_cli(["documents", "add", *files, "--publish"], data_dir)
    assert added.returncode == 0, added.stderr
    yield Services(Settings(data_dir=data_dir, embedding_model=None, chroma_url=None)).knowledge


@pytest.mark.parametrize(("question", "region", "anchor", "held", "absent"), DATED, ids=[r[0] for r in DATED])
def test_the_first_line_says_the_date_or_time_asked_from_the_sentence_stating_it(
    knowledge: KnowledgeBase, question: str, region: str, anchor: str, held: list[str], absent: list[str]
) -> None:
    answer = knowledge.answerer.answer(question, region)
    assert answer.citations and anchor in answer.citations[0].text, [c.clause_id for c in answer.citations]
    line = (answer_result(answer).direct_answer or "").splitlines()[0] if answer_result(answer).direct_answer else ""
    assert all(word in line for word in held), line
    assert not any(word in line for word in absent), line


GENERAL = ASKED["general"]


@pytest.mark.parametrize(("question", "region", "anchor", "held", "absent"), GENERAL, ids=[r[0] for r in GENERAL])
def test_a_general_question_is_answered_by_the_general_rate_not_a_groups_raised_one(
    knowledge: KnowledgeBase, question: str, region: str, anchor: str, held: list[str], absent: list[str]
) -> None:
    answer = knowledge.answerer.answer(question, region)
    assert answer.citations and anchor in answer.citations[0].text, [c.clause_id for c in answer.citations]
    line = answer_result(answer).direct_answer or ""
    assert all(word in line for word in held), line
    assert not any(word in line for word in absent), line


SPEECH = (DATA / "huairou-2026-speech.txt").read_text(encoding="utf-8")


def test_a_speakers_opener_names_no_measure_and_a_groups_raised_rate_is_told_apart() -> None:
    document = Document(
        id="huairou-speech",
        source_file="huairou-2026-speech.txt",
        title="在渤海镇就业政策宣讲会上的讲话",
        short_name="在渤海镇就业政策宣讲会上的讲话",
        issuer="怀柔区人力资源和社会保障局",
        province="北京市",
        city=None,
        county=None,
        document_number=None,
        signed=date(2026, 4, 8),
        published=None,
        published_note=None,
        status=DocumentStatus.OFFICIAL,
        structure=Structure.AUTO,
    )
    measures = derive_measures(document.id, parse_source(document, SPEECH).clauses)
    names = [m.name for m in measures]
    assert not any(name.startswith(("再说", "最后说说")) for name in names), names
    general = [m for m in measures if "60%" in m.span]
    raised = [m for m in measures if "75%" in m.span and "60%" not in m.span]
    assert general and raised, names
    # the group's rate carries the group in its name, the general rate does not
    assert "50周岁" in raised[0].name and "50周岁" not in general[0].name, names
