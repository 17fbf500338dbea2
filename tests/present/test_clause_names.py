"""A clause named briefly (buttons, reasons): the packaged documents by their running numbers, as
always (吉林（二十）); a document staff added by its clauses' own label path (长春市第三条), whether
it has rules yet or not — never by a running number glued to its long title."""

from __future__ import annotations

import pytest

from bot.db import open_database
from bot.library import DocumentLibrary, Upload
from bot.present.citations import clause_name
from eligibility.rulebook import default_rulebook
from eligibility.rules_check import parts_with
from knowledge.registry import Registry

# Regulations style: 第X章 holding 第X条, as many municipal 管理办法 are written.
REGULATION = """长春市人民政府关于印发长春市创业担保贷款管理办法的通知
长府发〔2025〕8号
各县（市）区人民政府，市政府各委办局：
现将《长春市创业担保贷款管理办法》印发给你们，请认真贯彻执行。
长春市人民政府
2025年3月1日
长春市创业担保贷款管理办法
第一章 总则
第一条 为支持创业带动就业，根据有关规定，制定本办法。
第二条 本办法适用于本市行政区域内创业担保贷款的申请和管理。
第二章 贷款对象和额度
第三条 符合条件的个人创业者可申请创业担保贷款，最高额度为20万元，贷款期限最长不超过3年。
第四条 小微企业当年新招用符合条件人员达到企业现有在职职工人数15%的，可申请最高300万元的创业担保贷款。
第三章 附则
第五条 本办法自2025年4月1日起施行，有效期5年。
"""


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Registry]:
    path = tmp_path_factory.mktemp("names") / "policybot.sqlite3"
    library = DocumentLibrary(open_database(f"sqlite:///{path}"))
    (view,) = library.add([Upload(REGULATION.encode(), "regulation.txt")], "tester", publish=True)
    return view.id, library.registry()[1]


@pytest.mark.parametrize(
    ("clause_id", "name"),
    [("jilin-2017-20", "吉林（二十）"), ("ziyang-2017-05", "资阳（五）"), ("shangluo-2012-03", "商洛第三部分")],
)
def test_the_packaged_documents_keep_their_short_names(
    published: tuple[str, Registry], clause_id: str, name: str
) -> None:
    _document_id, registry = published
    assert clause_name(clause_id, default_rulebook().documents, registry) == name
    assert clause_name(clause_id, default_rulebook().documents) == name


def test_an_added_document_without_rules_is_named_by_its_articles(published: tuple[str, Registry]) -> None:
    document_id, registry = published
    documents = default_rulebook().documents
    names = [clause_name(c.id, documents, registry) for c in registry.clauses_of(document_id)]
    assert names == ["长春市第一条", "长春市第二条", "长春市第三条", "长春市第四条", "长春市第五条"]


def test_an_added_document_with_rules_is_named_by_its_articles_from_its_rules_entry(
    published: tuple[str, Registry],
) -> None:
    document_id, registry = published
    parts = parts_with(default_rulebook().parts(), registry, document_id)
    assert parts.documents[document_id].numbering == "labels"
    fourth = f"{document_id}-04"
    assert clause_name(fourth, parts.documents) == "长春市第四条", "no registry needed once it has rules"
    assert "（四）" not in clause_name(fourth, parts.documents, registry)


def test_an_unknown_clause_is_its_id(published: tuple[str, Registry]) -> None:
    _document_id, registry = published
    assert clause_name("nowhere-2030-01", default_rulebook().documents, registry) == "nowhere-2030-01"
