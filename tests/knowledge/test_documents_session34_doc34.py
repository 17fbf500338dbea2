"""Session 34 (doc34): answering over a new document once its clauses exist (issue 13, issue 10). Measure units
of an uncurated document: a statement of purpose, a how-to-apply article and a fund grant nothing; a grant whose
only grant word lies in its condition is named by what it grants (免除反担保要求); names stop at 以下 and 拨付; a
tax credit said by its verb is a unit; a per-day sum and a period in days are figures; a subject listed before its
head (…等符合条件的个人) is that head; a variant's condition may end in its party (…的见习单位，). Answers: a share
told (留下来超过一半) picks the tier it reaches; a tier said whole beats one said only shortened; 能补几天 asks a
period; a payment named in no clause (失业保险金) is not covered. A document written for these tests (宁德), not
the bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.intake import parse_clauses
from knowledge.measures import AmountKind, Measure
from tests.knowledge.asking import ask_json
from tests.knowledge.test_documents_session18 import published_texts

NINGDE = "\n".join(
    (
        "宁德市人力资源和社会保障局　宁德市财政局",
        "关于印发宁德市就业创业扶持办法的通知",
        "宁人社〔2026〕8号",
        "各县（市、区）人力资源和社会保障局、财政局：",
        "现将《宁德市就业创业扶持办法》印发给你们，请认真贯彻执行。",
        "第一条　为规范就业创业扶持资金管理，发挥创业带动就业作用，根据有关规定，制定本办法。",
        "第二条　城镇登记失业人员、就业困难人员、退役军人、返乡创业农民工等符合条件的个人，"
        "可申请最高20万元创业担保贷款；"
        "个人合伙创业的，可按每人不超过20万元、贷款总额不超过100万元申请。",
        "第三条　个人贷款由借款人承担LPR减150个基点以下部分，其余利息由财政贴息；"
        "小微企业创业担保贷款按实际贷款利率的50%给予贴息。",
        "第四条　个人申请10万元及以下创业担保贷款的，免除反担保要求。",
        "第五条　见习单位吸纳离校2年内未就业高校毕业生参加见习的，按每人每月1500元给予见习补贴；"
        "见习期满留用率达到50%以上的见习单位，按每人每月1800元给予补贴。",
        "第六条　参加创业培训并取得合格证书的，按每人1000元标准向培训机构拨付培训补贴。"
        "企业招用离校2年内未就业高校毕业生，按月缴纳失业保险费满3个月的，按每人1000元给予一次性吸纳就业补贴。",
        "第七条　企业招用脱贫人口，签订1年以上劳动合同并缴纳社会保险费的，在3年内按实际招用人数予以定额依次扣减"
        "增值税、城市维护建设税和企业所得税，定额标准为每人每年6000元。",
        "第八条　退役后1年内参加职业技能培训的，培训期间按每人每天40元给予生活补助，最长不超过45天。",
        "第九条　申请人可通过“闽政通”APP创业担保贷款专区或到户籍地人社部门经办窗口提出申请。",
        "第十条　本办法所需资金从就业补助资金中列支。",
        "第十一条　本办法自2026年5月1日起施行，有效期至2028年4月30日。",
        "宁德市人力资源和社会保障局　宁德市财政局",
        "2026年4月10日",
        "",
    )
)


# A 细则 opening with its purpose, which names the loan it rules on.
RULES = "\n".join(
    (
        "宁德市创业担保贷款及贴息管理实施细则",
        "第一条　为规范创业担保贷款及贴息管理，发挥创业带动就业作用，根据有关规定，制定本细则。",
        "第二条　符合条件的个人可申请最高20万元创业担保贷款。",
        "",
    )
)


def _derived(text: str) -> tuple[Measure, ...]:
    document = Document(
        id="ningde-2026", source_file="n.txt", title="测试", short_name="测试", issuer="宁德市人力资源和社会保障局",
        province="福建省", city="宁德市", document_number=None, signed=date(2026, 4, 10), published=None,
        published_note=None, status=DocumentStatus.OFFICIAL, structure=Structure.AUTO,
    )  # fmt: skip
    return derive_measures(document.id, parse_clauses(document, text).clauses)


@pytest.fixture(scope="module")
def units() -> tuple[Measure, ...]:
    return _derived(NINGDE) + _derived(RULES)


def _of(units: tuple[Measure, ...], phrase: str) -> list[Measure]:
    return [m for m in units if phrase in m.span]


@pytest.mark.parametrize(
    "phrase",
    ["为规范创业担保贷款及贴息管理", "提出申请", "所需资金从就业补助资金中列支"],
    ids=["a statement of purpose", "how to apply", "a fund a document draws on"],
)
def test_a_piece_that_grants_nothing_is_no_measure(units: tuple[Measure, ...], phrase: str) -> None:
    assert not _of(units, phrase), [(m.name, m.span) for m in _of(units, phrase)]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("免除反担保要求", "免除反担保要求"),  # the loan word is in the condition (…及以下创业担保贷款的，)
        ("向培训机构拨付培训补贴", "培训补贴"),  # the name stops at 拨付, not at 元 before 标准向…
        ("小微企业创业担保贷款按实际贷款利率的50%给予贴息", "小微企业创业担保贷款贴息"),  # heading is a sentence
        ("定额标准为每人每年6000元", "税收扣减"),  # a tax credit said by its verb
        ("城镇登记失业人员、就业困难人员", "创业担保贷款（个人）"),  # …等符合条件的个人: the head, not the first listed
        (
            "见习期满留用率达到50%以上的见习单位",
            "见习补贴（见习期满留用率达到50%以上）",
        ),  # the condition's party ends it
    ],
    ids=["waiver", "paid to a provider", "interest of a loan", "tax credit", "listed subject", "raised variant"],
)
def test_a_unit_is_named_by_what_it_grants(units: tuple[Measure, ...], phrase: str, name: str) -> None:
    found = _of(units, phrase)
    assert [m.name for m in found] == [name], [(m.name, m.span) for m in found]


def test_a_bound_with_ji_is_a_condition_and_a_sum_per_day_and_a_period_in_days_are_figures(
    units: tuple[Measure, ...],
) -> None:
    (waiver,) = _of(units, "免除反担保要求")
    assert [(a.text, a.kind) for a in waiver.amounts] == [("10万元", AmountKind.THRESHOLD)]
    (living,) = _of(units, "每人每天40元")
    kinds = {a.text: a.kind for a in living.amounts}
    assert kinds["每人每天40元"] is AmountKind.RATE
    assert kinds["不超过45天"] is AmountKind.DURATION


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(tmp_path_factory.mktemp("doc34"), (("ningde-2026.txt", NINGDE),))


def _ask(data_dir: Path, questions: list[str]) -> list[dict[str, object]]:
    return ask_json(data_dir, "宁德", questions, "2026-06-01")


# [question, figures the first line shows, figures it must not show]
ASKED = [
    ("见习生期满留下来超过一半了，见习补贴能提到多少", ["1800元"], ["1500元"]),
    ("宁德个人创业担保贷款最多能贷多少", ["20万元"], ["100万元"]),
    ("退役了参加技能培训 生活补助一天多少 能补几天", ["40元", "45天"], []),
    ("公司招脱贫人口税能减多少", ["6000元"], []),
]


@pytest.mark.parametrize(("question", "shown", "hidden"), ASKED, ids=[q for q, _, _ in ASKED])
def test_the_first_line_shows_the_figure_of_the_unit_asked(
    published: Path, question: str, shown: list[str], hidden: list[str]
) -> None:
    (answer,) = _ask(published, [question])
    line = str(answer["direct_answer"] or "")
    assert answer["status"] == "answered" and all(f in line for f in shown), answer
    assert not any(f in line for f in hidden), line


def test_a_payment_no_clause_names_is_not_covered(published: Path) -> None:
    (answer,) = _ask(published, ["宁德失业保险金一个月领多少"])
    assert answer["status"] != "answered", answer
