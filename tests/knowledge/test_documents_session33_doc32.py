"""Session 33 (doc32): answering over a new document once its clauses exist (issue 13, issue 10). A 申报通知
states how to apply in parts of their own (二、申报时间, 三、申报方式, 四、申报材料), once for every measure:
lateness said there (逾期不再受理) stops nothing; a tier said in people's words (开个体户) is the one variant
shown; a deadline without a year (截止时间为11月15日) answers a day asked in any words (最晚什么时候之前要申请);
the materials item naming the measure asked answers what to bring; the part titled for applying answers
哪个网站/公众号 before a clause mentioning a 网站 in passing. A document written for these tests (亳州), not the
bench's sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.answer import _batch_asked
from knowledge.derive import derive_measures
from knowledge.documents import Document, DocumentStatus, Structure
from knowledge.intake import parse_clauses
from tests.knowledge.asking import ask_json
from tests.knowledge.test_documents_session18 import published_texts

BOZHOU = "\n".join(
    (
        "亳州市人力资源和社会保障局",
        "关于做好2026年度就业补贴申报工作的通知",
        "亳人社秘〔2026〕5号",
        "各县（区）人力资源和社会保障局：",
        "现就做好2026年度就业补贴申报工作有关事项通知如下。",
        "一、补贴项目",
        "（一）一次性创业补贴。对首次创办小微企业或从事个体经营，且正常运营6个月以上的高校毕业生、就业困难人员，给予一次性创业补贴。"
        "创办小微企业的，每户补贴5000元；"
        "从事个体经营的，每户补贴3000元。",
        "（二）一次性吸纳就业补贴。企业吸纳离校2年内未就业高校毕业生就业并缴纳社会保险费3个月以上的，"
        "按每人1000元给予一次性吸纳就业补贴。",
        "（三）就业见习补贴。对吸纳高校毕业生参加见习的单位，按每人每月1600元给予见习补贴。"
        "各县（区）要通过政府网站、微信公众号等渠道广泛宣传补贴政策，提供见习岗位信息服务。",
        "二、申报时间",
        "当年度补贴申报截止时间为11月15日，逾期不再受理。",
        "三、申报方式",
        "（一）网上申报。申报单位和个人登录“亳州市就业补贴申报系统”（https://jybt.bozhou.example），"
        "或关注“亳州人社”微信公众号在线填报。",
        "（二）线下申报。不便网上申报的，到户籍地县（区）政务服务中心人社窗口现场申报。",
        "四、申报材料",
        "（一）《亳州市就业补贴申请表》；",
        "（二）申报吸纳就业补贴类的，提供劳动合同和社会保险缴费明细；",
        "（三）申报一次性创业补贴的，提供营业执照和经营场所证明。",
        "亳州市人力资源和社会保障局",
        "2026年2月1日",
        "",
    )
)


def test_lateness_said_of_applying_stops_no_measure() -> None:
    document = Document(
        id="bozhou-2026", source_file="b.txt", title="测试", short_name="测试", issuer="亳州市人力资源和社会保障局",
        province="安徽省", city="亳州市", document_number=None, signed=date(2026, 2, 1), published=None,
        published_note=None, status=DocumentStatus.OFFICIAL, structure=Structure.AUTO,
    )  # fmt: skip
    measures = derive_measures(document.id, parse_clauses(document, BOZHOU).clauses)
    assert measures and not any(m.ended for m in measures), [(m.name, m.span) for m in measures if m.ended]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(tmp_path_factory.mktemp("doc32"), (("bozhou-2026.txt", BOZHOU),))


def _ask(data_dir: Path, questions: list[str]) -> list[dict[str, object]]:
    return ask_json(data_dir, "亳州", questions, "2026-06-01")


def _first_text(answer: dict[str, object]) -> str:
    citations = answer.get("citations")
    return str(citations[0].get("text") or "") if isinstance(citations, list) and citations else ""


def test_a_tier_said_in_peoples_words_is_the_one_variant_shown(published: Path) -> None:
    shop, whole = (
        str(a["direct_answer"] or "")
        for a in _ask(published, ["在谯城区开个体户，一次性创业补贴多少钱", "亳州一次性创业补贴多少"])
    )
    assert "3000元" in shop and "5000元" not in shop, shop
    assert "3000元" in whole and "5000元" in whole, whole


def test_a_deadline_without_a_year_answers_a_day_asked_in_any_words(published: Path) -> None:
    for answer in _ask(published, ["亳州补贴申报截止到什么时候", "亳州今年的就业补贴最晚什么时候之前要申请"]):
        line = str(answer["direct_answer"] or "")
        assert answer["status"] == "answered" and "11月15日" in line, answer
        assert "停止执行" not in line


def test_the_materials_item_naming_the_measure_asked_answers_what_to_bring(published: Path) -> None:
    answer = _ask(published, ["亳州企业申请一次性吸纳就业补贴要准备哪些材料"])[0]
    assert answer["status"] == "answered", answer
    assert "劳动合同和社会保险缴费明细" in _first_text(answer), answer


def test_the_part_titled_for_applying_names_the_website_before_a_passing_mention(published: Path) -> None:
    answer = _ask(published, ["亳州补贴在哪个网站申报？有没有公众号能办"])[0]
    line = str(answer["direct_answer"] or "")
    assert "jybt.bozhou.example" in line and "亳州人社" in line, answer


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("最后一批申报哪天截止", "11月20日", "4月30日"),
        ("第一批申报截止到什么时候", "4月30日", "11月20日"),
        ("申报截止到什么时候", "11月20日", None),
    ],
)
def test_a_batch_named_in_the_question_is_the_window_shown(question: str, shown: str, hidden: str | None) -> None:
    said = [
        "第一批为2026年3月1日至4月30日，第二批为2026年7月1日至8月31日，第三批（年度最后一批）为2026年10月10日至11月20日。"
    ]
    line = "".join(_batch_asked(said, question))
    assert shown in line and (hidden is None or hidden not in line), line
