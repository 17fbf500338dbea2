"""Session 24 (doc19): a 办法 in 第X条 whose 款 are numbered （一）（二） and whose items are ①②③, a 一问一答
page whose answers list ①②③ on one line and raise a standard 由…提高到…, where to apply said once for every
measure, and the rent of premises as people say it (租门面, 房租). Documents written for these tests (淮南,
日照), not the bench's session-24 documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.intake import examine, parse_clauses
from knowledge.measures import AmountKind, Measure
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.test_intake_documents import uploaded

# 淮南: a 办法 in 第X条, 受理 said once (第三条) for every measure, 款 （一）（二） inside an article.
HUAINAN_MEASURES = """淮南市人力资源和社会保障局　淮南市财政局
关于印发《淮南市创业就业扶持办法》的通知
淮人社发〔2026〕3号
各县（区）人力资源和社会保障局、财政局：
现将《淮南市创业就业扶持办法》印发给你们，请认真贯彻执行。
淮南市创业就业扶持办法
第一条　为鼓励创业带动就业，根据有关规定，结合我市实际，制定本办法。
第二条　本办法适用于在本市行政区域内创业就业的劳动者。
第三条　本办法所列补贴由县（区）人力资源和社会保障部门所属公共就业服务机构受理，申请人也可以通过“皖事通”APP在线申请。
第四条　场地租金补贴。在创业孵化基地以外租赁经营场所创业的，按实际租金的40%给予场租补贴，每户每年最高3000元。
第五条　创业担保贷款。
（一）个人创业的，贷款额度最高20万元；
（二）合伙创业的，按每人不超过20万元、总额不超过120万元的额度给予贷款。
第六条　社会保险补贴。就业困难人员灵活就业后缴纳社会保险费的，按其实际缴费的三分之二给予补贴。
第七条　本办法自2026年3月1日起施行。《淮南市创业补贴资金管理暂行办法》（淮人社发〔2020〕8号）同时废止。
淮南市人力资源和社会保障局　　淮南市财政局
2026年2月10日
"""

# 日照: a page of numbered questions, answers marked 答：, items ①②③ on one line, a standard raised 由…提高到….
RIZHAO_PAGE = """<html><head><meta charset="utf-8"><title>《日照市就业创业补贴调整方案》政策解读</title></head><body>
<div class="nav">首页 | 政策解读 | 办事服务</div>
<h1>《日照市就业创业补贴调整方案》政策解读</h1>
<div class="info">发布时间：2026-02-20 09:30　来源：日照市人力资源和社会保障局</div>
<p>日照市人力资源和社会保障局、日照市财政局联合印发了《日照市就业创业补贴调整方案》（日人社发〔2026〕2号）。现解读如下。</p>
<p>1．一次性创业补贴有什么变化？</p>
<p>答：一次性创业补贴标准由原来的每户4000元提高到每户7000元；创办小微企业并吸纳5人以上就业、缴纳社会保险费满6个月的，补贴标准提高到每户1.5万元。</p>
<p>2．职工考证书有哪些补贴？</p>
<p>答：企业职工取得职业技能等级证书的，按以下标准给予技能提升补贴：①初级工每人700元；②中级工每人1100元；③高级工每人1600元。</p>
<p>3．灵活就业人员的社会保险补贴怎么补？</p>
<p>答：分两种情况：①就业困难人员灵活就业的，按其实际缴费的2/3给予补贴；②离校2年内未就业高校毕业生灵活就业的，按其实际缴费的40%给予补贴。</p>
<p>4．到哪里申请这些补贴？</p>
<p>答：以上补贴均可登录“爱山东”APP线上申请，也可到县区公共就业和人才服务中心窗口办理。</p>
<div class="footer">日照市人力资源和社会保障局　鲁ICP备00000000号</div>
</body></html>
"""


def _units(text: str, filename: str = "doc.txt") -> tuple[Measure, ...]:
    intake = examine(text.encode("utf-8"), filename)
    return derive_measures("doc", parse_clauses(uploaded("doc"), intake.text).clauses)


def _granted(unit: Measure) -> list[str]:
    return [a.text for a in unit.amounts if a.kind is not AmountKind.THRESHOLD]


def _in_clause(units: tuple[Measure, ...], number: int) -> list[Measure]:
    return [u for u in units if u.clause == f"doc-{number:02d}"]


# --- units -----------------------------------------------------------------------------------------------


def test_a_loan_paid_by_the_sum_its_phrase_states_grants_that_sum_and_its_number_names_nothing() -> None:
    loans = _in_clause(_units(HUAINAN_MEASURES), 5)
    partners = next(u for u in loans if "合伙" in u.span)
    # 按每人不超过20万元、总额不超过120万元的额度给予贷款: the sums the loan is paid by, not conditions
    assert _granted(partners) == ["不超过20万元", "不超过120万元"]
    # the 款's own number （二） is no part of what tells it apart
    assert partners.name == "创业担保贷款（合伙创业）"
    assert all("（一）" not in u.name and "（二）" not in u.name for u in loans)


def test_a_title_heading_its_grant_is_no_unit_beside_it() -> None:
    rent = _in_clause(_units(HUAINAN_MEASURES), 4)
    assert [u.span for u in rent] == [
        "在创业孵化基地以外租赁经营场所创业的，按实际租金的40%给予场租补贴，每户每年最高3000元。"
    ]


def test_repealing_a_document_grants_nothing() -> None:
    assert _in_clause(_units(HUAINAN_MEASURES), 7) == []


def test_answers_listing_items_on_one_line_read_as_tiers_named_by_what_the_question_asks() -> None:
    units = _units(RIZHAO_PAGE, "page.html")
    skills = _in_clause(units, 2)
    assert [(u.name, _granted(u)) for u in skills] == [
        ("技能提升补贴（初级工）", ["每人700元"]),
        ("技能提升补贴（中级工）", ["每人1100元"]),
        ("技能提升补贴（高级工）", ["每人1600元"]),
    ]
    insurance = _in_clause(units, 3)
    # 分两种情况： names no grant; the question heading's 社会保险补贴 does, the second item told apart by its
    # condition without its ②. No 答： in any name.
    assert [u.name for u in insurance] == ["社会保险补贴", "社会保险补贴（离校2年内未就业高校毕业生灵活就业）"]
    assert not any(u.name.startswith("答") or u.span.startswith("答") for u in units)


def test_the_standard_a_raise_starts_from_is_no_figure_and_a_long_condition_is_told_by_its_first_part() -> None:
    start = _in_clause(_units(RIZHAO_PAGE, "page.html"), 1)
    assert [(u.name, _granted(u)) for u in start] == [
        ("创业补贴", ["7000元"]),
        ("创业补贴（创办小微企业并吸纳5人以上就业）", ["1.5万元"]),
    ]


# --- through the CLI -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("session24"), (("huainan.txt", HUAINAN_MEASURES), ("rizhao.html", RIZHAO_PAGE))
    )


def test_a_share_written_in_words_is_the_answer(published: Path) -> None:
    line, label, _ = _first(_ask(published, "淮南", "淮南就业困难人员灵活就业，社保补贴补多少"))
    assert label == "第六条" and "三分之二" in line


def test_rent_as_people_say_it_is_the_premises_subsidy(published: Path) -> None:
    line, label, _ = _first(_ask(published, "淮南", "淮南租门面开店，房租能补多少"))
    assert label == "第四条" and "40%" in line and "3000元" in line


@pytest.mark.parametrize(
    ("region", "question", "label", "said"),
    [
        ("淮南", "淮南场租补贴去哪里申请", "第三条", "公共就业服务机构受理"),
        ("日照", "日照技能提升补贴去哪里申请", "4．", "公共就业和人才服务中心窗口办理"),
    ],
)
def test_where_to_apply_said_once_for_every_measure_answers_for_each(
    published: Path, region: str, question: str, label: str, said: str
) -> None:
    answer = _ask(published, region, question)
    assert answer["status"] == "answered"
    _, cited, quote = _first(answer)
    assert cited == label and said in quote
