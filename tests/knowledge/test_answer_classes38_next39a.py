"""Session 38 (next39a, issues 10 and 13): classes the newcomer walk found answering a 资阳 安岳 returnee.

A county's own newer document loses to its city's old one: staff published 乐至县's 2026 notice (一次性电商创业补贴
2500元) and 乐至县开网店有补贴吗 was answered from 资阳's 2017（八）创业补贴 for 就业困难人员. Where a question
names a place, a measure of a document of exactly that place, newer and in force, that covers the measure asked
leads; the wider place's older one may follow. 网店 is how people say 电商 (a glossary concept, not a phrase).
Real documents (the walk's PDF and workbook) published through the CLI into a data directory of its own."""

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

DATA = Path(__file__).parent / "data" / "documents38next39a"
OWN_PLACE = yaml.safe_load((DATA / "own_place.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    data_dir = tmp_path_factory.mktemp("own-place")
    added = run_cli(
        ["documents", "add", str(DATA / "lezhi-2026.pdf"), str(DATA / "anyue-2026.xlsx"), "--publish"],
        data_dir,
    )
    assert added.returncode == 0, added.stderr
    # The workbook names no issuer in a line of its own (制表单位 beside the date): staff fill it in, then publish.
    edited = run_cli(["documents", "edit", "anyue-2026", "--issuer", "安岳县人力资源和社会保障局"], data_dir)
    assert edited.returncode == 0, edited.stderr
    published = run_cli(["documents", "publish", "anyue-2026"], data_dir)
    assert published.returncode == 0, published.stderr
    yield Services(Settings(data_dir=data_dir, embedding_model=None, chroma_url=None)).knowledge


@pytest.mark.parametrize(("question", "region", "first", "held", "absent"), OWN_PLACE, ids=[r[0] for r in OWN_PLACE])
def test_a_place_named_is_answered_first_from_its_own_newer_document(
    knowledge: KnowledgeBase, question: str, region: str | None, first: str, held: list[str], absent: list[str]
) -> None:
    answer = knowledge.answerer.answer(question, region)
    assert answer.citations and answer.citations[0].clause_id == first, [c.clause_id for c in answer.citations]
    line = (answer_result(answer).direct_answer or "").splitlines()[0]
    assert all(word in line for word in held), line
    assert not any(word in line for word in absent), line


# Walk T49: 开网店 read as 电商 — a person running an online shop is not told the graduates' 求职创业补贴 (its
# name only ends in 创业补贴); where the place's documents grant no startup subsidy, the answer says so.
ONLINE_SHOP = ["平顶山开网店有创业补贴吗？多少钱", "我表妹在平顶山，她那边开网店有创业补贴吗"]


@pytest.mark.parametrize("question", ONLINE_SHOP)
def test_an_online_shop_is_not_answered_with_the_graduates_job_search_subsidy(
    knowledge: KnowledgeBase, question: str
) -> None:
    answer = knowledge.answerer.answer(question)
    named = [m.name for m in answer.measures] + [
        m.name for m in (answer.direct.measures if answer.direct is not None else ())
    ]
    assert not any("求职创业补贴" in name for name in named), named
    assert "求职创业补贴" not in answer_result(answer).answer.split("依据政策原文")[0]
