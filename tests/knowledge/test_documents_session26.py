"""Session 26 (doc21): tables whose caption and header row stand between numbered rows, a 受理部门 said once
in a caption or in a column, a tier stated as its own piece of a row, a cap asked as the most one can have, a
政策问答 whose answers state figures without naming the measure, and when a policy starts. Documents written for
these tests (岳阳, 本溪, 黄石), not the bench's documents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.intake import examine, parse_clauses
from knowledge.measures import AmountKind, Measure
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_intake_documents import uploaded

# 岳阳: a page of two tables of numbered rows; the first says its office once in its caption (经办机构：…),
# the second in a column (受理单位).
YUEYANG_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>岳阳市2026年创业就业补贴标准表_通知公告_岳阳市人力资源和社会保障局</title></head><body>
<h1>岳阳市2026年创业就业补贴标准表</h1>
<div class="info">发布时间：2026-04-10 09:00　来源：就业促进科</div>
<p>根据《岳阳市就业创业扶持办法》（岳人社发〔2026〕3号），岳阳市人力资源和社会保障局现将全市2026年度补贴项目、标准和经办机构公布如下，请按规定申请。</p>
<p><strong>表1　创业类（经办机构：创业者户籍地乡镇（街道）劳动保障服务站）</strong></p>
<table><tr><td>序号</td><td>项目</td><td>对象</td><td>标准</td></tr>
<tr><td>1</td><td>一次性开业补贴</td><td>首次创办个体工商户的退役军人</td><td>每户3000元；吸纳3人以上就业的，每户7000元</td></tr>
<tr><td>2</td><td>创业担保贷款</td><td>个人创业者</td><td>个人最高25万元，按规定给予贴息</td></tr></table>
<p><strong>表2　就业类</strong></p>
<table><tr><td>序号</td><td>项目</td><td>对象</td><td>标准</td><td>受理单位</td></tr>
<tr><td>3</td><td>一次性吸纳就业补贴</td><td>招用毕业年度高校毕业生的企业</td><td>每招用1人给予800元</td><td>市就业服务中心</td></tr>
<tr><td>4</td><td>就业见习补贴</td><td>接收见习人员的见习单位</td><td>按最低工资标准的60%给予补贴</td><td>市就业服务中心</td></tr></table>
<p>注：本表自2026年4月10日起执行。</p>
</body></html>"""

# 本溪: a 政策问答 page whose answers state a loan's figures with 申请 and never name it again, and say where
# to apply and when the policies start in questions of their own.
BENXI_QA = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>本溪市创业扶持政策问答 - 本溪市人民政府</title></head><body>
<h1>本溪市创业扶持政策问答</h1>
<div class="info">来源：本溪市人力资源和社会保障局　发布日期：2026-07-01</div>
<p>为便于群众了解《本溪市创业扶持若干措施》（本政办发〔2026〕5号）的主要内容，市人力资源和社会保障局整理了以下问答。</p>
<p>问1：创业担保贷款最多能贷多少？</p><p>答：个人创业者最高可申请20万元；合伙经营的，可按每人不超过20万元、总额不超过100万元的额度申请。</p>
<p>问2：开网店有一次性创业补贴吗？</p><p>答：首次创办并正常经营6个月以上的，个体工商户每户给予3000元，小微企业每户给予6000元。</p>
<p>问3：以上补贴到哪里申请？</p><p>答：个人补贴向户籍所在地街道（乡镇）社保所申请；单位补贴向区就业服务中心申请。</p>
<p>问4：这些政策从什么时候起实施？</p><p>答：本问答所涉创业扶持政策自2026年7月1日起施行，有效期至2028年6月30日。</p>
</body></html>"""

# 黄石: a measure cut into a base (吸纳2人以下的按每人1500元) and a tier that states the cap (总额最高不超过4万元).
HUANGSHI = """黄石市人力资源和社会保障局　黄石市财政局
关于印发《黄石市创业带动就业扶持办法》的通知
黄人社发〔2026〕8号
各县（市、区）人力资源和社会保障局、财政局：
现将《黄石市创业带动就业扶持办法》印发给你们，请认真贯彻执行。
一、创业带动就业补贴。初创企业吸纳就业并缴纳社会保险费满6个月的，吸纳2人以下的按每人1500元给予补贴；吸纳2人以上的，每增加1人给予2500元补贴，总额最高不超过4万元。
二、一次性求职补贴。对毕业年度内有求职意愿的困难家庭高校毕业生，给予每人2000元的一次性求职补贴。
三、本办法自2026年5月1日起施行。
黄石市人力资源和社会保障局　　黄石市财政局
2026年4月1日
"""


def _parsed(text: str, filename: str) -> tuple[list[str], tuple[Measure, ...]]:
    intake = examine(text.encode("utf-8"), filename)
    clauses = parse_clauses(uploaded("doc"), intake.text).clauses
    return [c.text for c in clauses], derive_measures("doc", clauses)


# --- structure and units -----------------------------------------------------------------------------


def test_a_caption_and_header_row_between_numbered_rows_belong_to_no_row() -> None:
    texts, units = _parsed(YUEYANG_PAGE, "page.html")
    # the note below the table is no row's text either: a clause of its own (表后说明, doc30)
    assert len(texts) == 5 and texts[-1] == "注：本表自2026年4月10日起执行。"
    assert not any("表2" in t or "序号" in t for t in texts)
    assert not any("序号" in u.name or "表2" in u.span for u in units)


def test_an_office_said_in_a_caption_or_a_column_is_read_with_each_row() -> None:
    texts, _ = _parsed(YUEYANG_PAGE, "page.html")
    assert texts[0].endswith("｜经办机构：创业者户籍地乡镇（街道）劳动保障服务站")
    assert texts[1].endswith("｜经办机构：创业者户籍地乡镇（街道）劳动保障服务站")
    assert texts[2].endswith("｜受理单位：市就业服务中心")


def test_a_tier_in_a_rows_standard_is_a_unit_of_its_own() -> None:
    _, units = _parsed(YUEYANG_PAGE, "page.html")
    first = [u for u in units if u.clause == "doc-01"]
    granted = [[a.text for a in u.amounts if a.kind is not AmountKind.THRESHOLD] for u in first]
    assert ["3000元"] in granted and ["7000元"] in granted
    tier = next(u for u in first if any(a.text == "7000元" for a in u.amounts))
    assert "吸纳3人以上就业" in tier.name


def test_an_answer_stating_figures_with_shen_qing_grants_the_measure_its_question_names() -> None:
    _, units = _parsed(BENXI_QA, "qa.html")
    loans = {u.name: [a.text for a in u.amounts] for u in units if u.clause == "doc-01"}
    assert loans["创业担保贷款"] == ["20万元"]
    assert "不超过100万元" in loans["创业担保贷款（合伙经营）"]


def test_tiers_with_no_plain_unit_are_named_by_the_plain_name_too() -> None:
    _, units = _parsed(BENXI_QA, "qa.html")
    tiers = [u for u in units if u.clause == "doc-02"]
    assert len(tiers) == 2 and all("创业补贴" in u.aliases for u in tiers)


# --- asked -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("session26"),
        (("yueyang.html", YUEYANG_PAGE), ("benxi.html", BENXI_QA), ("huangshi.txt", HUANGSHI)),
    )


def _asked(data_dir: Path, region: str, questions: list[str]) -> list[dict[str, object]]:
    """Each question asked through `ask --json` in one process (one question a line)."""
    env = {**os.environ, "POLICYBOT_DATA_DIR": str(data_dir)}
    for name in ("POLICYBOT_EMBEDDING_MODEL", "POLICYBOT_DATABASE_URL", "POLICYBOT_CHROMA_URL"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--json", "--region", region],
        input="\n".join(questions), capture_output=True, text=True, env=env, timeout=300, check=True,
    )  # fmt: skip
    return [dict(json.loads(line)) for line in done.stdout.splitlines()]


def _line_and_cited(answer: dict[str, object]) -> tuple[str, str]:
    citations = answer["citations"]
    assert isinstance(citations, list) and citations, answer
    return str(answer["direct_answer"] or ""), str(citations[0]["clause_id"])


def test_the_tier_holding_the_count_told_wins_over_the_base(published: Path) -> None:
    four, one = _asked(
        published, "岳阳", ["岳阳开个体户招了4个人，开业补贴能拿多少", "岳阳开个体户招了1个人，开业补贴能拿多少"]
    )
    line, _ = _line_and_cited(four)
    assert "7000元" in line and "3000元" not in line
    line, _ = _line_and_cited(one)
    assert "3000元" in line and "7000元" not in line


def test_the_office_of_a_row_answers_where_and_which_department(published: Path) -> None:
    where, which = _asked(published, "岳阳", ["岳阳一次性吸纳就业补贴去哪里办", "岳阳开业补贴归哪个部门管"])
    line, cited = _line_and_cited(where)
    assert "市就业服务中心" in line and cited.endswith("-03")
    line, cited = _line_and_cited(which)
    assert "劳动保障服务站" in line and cited.endswith("-01")


def test_the_most_asked_is_the_cap_of_the_tier_that_states_it(published: Path) -> None:
    (most,) = _asked(published, "黄石", ["黄石创业带动就业补贴最多能拿多少"])
    line, _ = _line_and_cited(most)
    assert "4万元" in line and "1500元" not in line


def test_a_question_and_answer_page_answers_its_loan_where_to_apply_and_when(published: Path) -> None:
    loan, where, when = _asked(
        published,
        "本溪",
        ["本溪合伙经营的创业担保贷款最多能贷多少", "本溪一次性创业补贴到哪里申请", "本溪创业扶持政策什么时候开始施行"],
    )
    line, cited = _line_and_cited(loan)
    assert "100万元" in line and cited.endswith("-01")
    line, cited = _line_and_cited(where)
    assert "社保所" in line and cited.endswith("-03")
    line, cited = _line_and_cited(when)
    assert "2026年7月1日" in line and cited.endswith("-04")
