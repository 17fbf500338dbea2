"""Session 41 (docans42, issue 13): measures of a new document work in answers at once.

A sentence denying a grant to some (在本县务工的不享受此项补贴) or warning against paying for one (别信“代办补贴”的)
is no measure. A sentence stating only a grant's period, naming it longer (公益性岗位补贴期限最长不超过3年 after …给予
岗位补贴), is that grant's period, shown beside its sum when both are asked. By when one applies is answered from the
sentence saying it when asked as the days one may hand it in (几号能交申请: 每季度第一个月的5日至25日) or as whether
one is still in time (八个月了还能申请吗: 应在取得证书后6个月内申请). A slide's 标准 bullet leaves its sub-bullets to
the grant the slide's title names, and a tier's key listing several groups is each group's (退伍 reaches 退役军人).
Documents written for these tests, not the bench's sets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.present.answers import answer_result
from bot.services import Services
from bot.settings import Settings
from knowledge.kb import KnowledgeBase
from tests.knowledge.test_documents_session18 import run_cli

DATA = Path(__file__).parent / "data" / "docans42"
ASKED = yaml.safe_load((DATA / "asked.yaml").read_text(encoding="utf-8"))
ROWS = [row for part in ("dated", "period", "tiers") for row in ASKED[part]]


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    data_dir = tmp_path_factory.mktemp("docans42")
    files = [str(DATA / name) for name in ("yuexi-2026-tongzhi.txt", "taihu-2026-huibao.txt")]
    added = run_cli(["documents", "add", *files, "--publish"], data_dir)
    assert added.returncode == 0, added.stderr
    yield Services(Settings(data_dir=data_dir, embedding_model=None, chroma_url=None)).knowledge


@pytest.mark.parametrize(("question", "region", "anchor", "held", "absent"), ROWS, ids=[r[0] for r in ROWS])
def test_the_first_line_says_the_figures_asked_from_the_sentence_stating_them(
    knowledge: KnowledgeBase, question: str, region: str, anchor: str, held: list[str], absent: list[str]
) -> None:
    answer = knowledge.answerer.answer(question, region)
    assert answer.citations and anchor in answer.citations[0].text, [c.clause_id for c in answer.citations]
    line = answer_result(answer).direct_answer or ""
    assert all(word in line for word in held), line
    assert not any(word in line for word in absent), line


def test_a_denial_or_a_warning_is_no_measure(knowledge: KnowledgeBase) -> None:
    matcher = knowledge.answerer.matcher
    assert matcher is not None
    spans = [
        m.span for clause in ("yuexi-2026-tongzhi-01", "yuexi-2026-tongzhi-06") for m in matcher.measures_of(clause)
    ]
    assert spans and not any("不享受" in span or "别信" in span for span in spans), spans
    assert any("400元" in span for span in spans), spans


def test_a_period_named_longer_is_the_period_of_the_grant_just_stated(knowledge: KnowledgeBase) -> None:
    matcher = knowledge.answerer.matcher
    assert matcher is not None
    names = {m.name for m in matcher.measures_of("yuexi-2026-tongzhi-02")}
    assert names == {"岗位补贴"}, names
