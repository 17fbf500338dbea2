"""Session 26 (lead): what cities publish besides 文件 — a 公众号 article (emoji and 【】 headings, a byline,
its heading in og:title) and a 办事指南 page (items 事项一…, each with 申请条件/补贴标准/申请材料/办理流程/办理时限/
受理地点 on lines of their own, one item stopped). Both were refused as 不是政策文件; now they are read, cut into
their items, and answered from the item's own lines. Documents written for these tests (宜春, 荆州), not the
bench's held-out session-26 documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.filetext import read_file
from knowledge.intake import examine, looks_like_policy, parse_clauses
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.test_intake_documents import uploaded

YICHUN_ARTICLE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title></title>
<meta property="og:title" content="政策速览｜宜春稳就业促创业：最高补贴5000元！"></head>
<body>
<div class="rich_media_content">
<h1 class="rich_media_title" id="activity-name">政策速览｜宜春稳就业促创业：最高补贴5000元！</h1>
<p>原创 小宜 宜春人社 2026年04月18日 09:30 江西</p>
<p>为帮助大家更好地了解我市就业创业扶持政策，小编整理了以下政策要点，快来看看你能享受哪些吧👇</p>
<h2>💡【一、一次性创业补贴】</h2>
<p>🔸补贴对象：在我市首次创办小微企业或从事个体经营，且自工商登记注册之日起正常运营6个月以上的高校毕业生、返乡入乡创业人员、退役军人和就业困难人员。</p>
<p>🔸补贴标准：按每户3000元给予一次性创业补贴；带动3人以上就业的，每户补贴5000元。</p>
<h2>💰【二、创业担保贷款】</h2>
<p>🔸符合条件的个人创业，可申请最高30万元的创业担保贷款；合伙创业的，可按每人不超过30万元、总额不超过150万元的额度实行“捆绑性”贷款。</p>
<p>🔸小微企业当年新招用符合条件人员达到现有在职职工人数15%（超过100人的企业达到8%）的，可申请最高400万元的创业担保贷款。</p>
<p>🔸贷款期限最长不超过3年，财政按规定给予贴息。</p>
<h2>🧑‍🎓【三、求职创业补贴】</h2>
<p>🔸对在毕业年度内有就业创业意愿并积极求职创业的低保家庭、脱贫家庭、残疾和获得国家助学贷款的高校毕业生，给予每人1500元的一次性求职创业补贴。</p>
<h2>🏢【四、企业吸纳就业补贴】</h2>
<p>🔸企业招用毕业年度或离校2年内未就业高校毕业生、登记失业的16-24岁青年，签订1年以上劳动合同并按规定缴纳社会保险费的，按每人1500元的标准给予企业一次性吸纳就业补贴。</p>
<h2>📚【五、技能提升补贴】</h2>
<p>🔸企业职工参加失业保险1年以上，取得初级工、中级工、高级工职业资格证书或职业技能等级证书的，分别给予1000元、1500元、2000元的技能提升补贴。</p>
<p>🔸同一职业和等级只能申请享受一次，申请期限为证书核发之日起12个月内。</p>
<h2>☎️【六、咨询方式】</h2>
<p>宜春市就业创业服务中心：0795-3200000</p>
<p>袁州区就业创业服务中心：0795-3211111</p>
<p>以上政策以正式文件为准，具体可向当地人社部门咨询。</p>
<p>来源：宜春市人力资源和社会保障局</p>
<p>编辑：小宜　审核：张某</p>
</div>
</body></html>
"""

JINGZHOU_GUIDE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>荆州市就业创业补贴办事指南</title></head>
<body>
<div class="main">
<div class="crumb">首页 &gt; 政务服务 &gt; 办事指南</div>
<h1>荆州市就业创业补贴办事指南</h1>
<p>发布机构：荆州市人力资源和社会保障局　发布日期：2026年2月10日</p>
<h2>事项一：一次性创业补贴</h2>
<h3>申请条件</h3>
<p>在本市首次领取营业执照并正常经营满1年的高校毕业生、退役军人、返乡创业农民工，且本人为法定代表人或主要负责人。</p>
<h3>补贴标准</h3>
<p>每户一次性补贴5000元。</p>
<h3>申请材料</h3>
<p>1.身份证；2.营业执照；3.经营场所证明；4.银行账户信息。</p>
<h3>办理流程</h3>
<p>申请人向经营所在地县（市、区）就业服务中心提交申请，经审核、公示5个工作日无异议后拨付资金。</p>
<h3>办理时限</h3>
<p>20个工作日。</p>
<h3>受理地点</h3>
<p>各县（市、区）政务服务中心人社窗口。</p>
<h2>事项二：灵活就业人员社会保险补贴</h2>
<h3>申请条件</h3>
<p>就业困难人员和离校2年内未就业高校毕业生灵活就业后缴纳社会保险费的。</p>
<h3>补贴标准</h3>
<p>按其实际缴纳社会保险费的三分之二给予补贴，补贴期限最长不超过3年。</p>
<h3>申请材料</h3>
<p>身份证、社会保险缴费凭证。</p>
<h3>办理流程</h3>
<p>每半年申请一次，经审核后按季度拨付至本人账户。</p>
<h3>办理时限</h3>
<p>15个工作日。</p>
<h3>受理地点</h3>
<p>户籍所在地或居住地街道（乡镇）公共就业服务机构。</p>
<h2>事项三：就业见习补贴</h2>
<h3>申请条件</h3>
<p>见习单位吸纳16-24岁失业青年、离校2年内未就业高校毕业生参加就业见习，见习期3至12个月。</p>
<h3>补贴标准</h3>
<p>按当地最低工资标准的60%给予见习单位见习补贴；见习期满留用率达50%以上的，提高到80%。</p>
<h3>受理地点</h3>
<p>荆州市公共就业和人才服务局。</p>
<h2>事项四：一次性扩岗补助（已停止受理）</h2>
<p>根据上级通知，该补助已于2025年12月31日执行期满，自2026年1月1日起不再受理申请。</p>
<div class="foot">主办：荆州市人力资源和社会保障局　联系电话：0716-8000000</div>
</div>
</body></html>
"""


@pytest.mark.parametrize(("text", "name"), [(YICHUN_ARTICLE, "article.html"), (JINGZHOU_GUIDE, "guide.html")])
def test_an_article_and_a_service_guide_that_state_measures_are_policy_sources(text: str, name: str) -> None:
    assert looks_like_policy(read_file(text.encode("utf-8"), name))


def test_an_article_is_titled_by_its_own_heading_dated_by_its_byline_and_issued_by_its_source() -> None:
    facts = examine(YICHUN_ARTICLE.encode("utf-8"), "article.html").facts
    assert facts.title == "政策速览｜宜春稳就业促创业：最高补贴5000元！"
    assert str(facts.signed) == "2026-04-18"
    assert facts.issuer == "宜春市人力资源和社会保障局" and facts.city == "宜春市"


def test_a_guide_is_issued_by_its_info_bars_publisher() -> None:
    facts = examine(JINGZHOU_GUIDE.encode("utf-8"), "guide.html").facts
    assert facts.issuer == "荆州市人力资源和社会保障局" and facts.city == "荆州市"
    assert str(facts.signed) == "2026-02-10"


def _clauses(text: str, name: str) -> list:  # type: ignore[type-arg]
    return list(parse_clauses(uploaded("doc"), examine(text.encode("utf-8"), name).text).clauses)


def test_headings_behind_emoji_and_brackets_and_guide_items_are_the_parts() -> None:
    article = _clauses(YICHUN_ARTICLE, "article.html")
    assert [c.label for c in article] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert article[0].heading == "一次性创业补贴" and "🔸" not in article[0].text
    guide = _clauses(JINGZHOU_GUIDE, "guide.html")
    assert [c.label for c in guide] == ["事项一", "事项二", "事项三", "事项四"]
    # a field name on its own line belongs to the line it heads
    assert "补贴标准：每户一次性补贴5000元。" in guide[0].text
    assert "申请材料：1.身份证；2.营业执照；3.经营场所证明；4.银行账户信息。" in guide[0].text


def test_a_guides_items_are_named_by_their_heading_and_a_stopped_item_grants_nothing() -> None:
    units = derive_measures("doc", _clauses(JINGZHOU_GUIDE, "guide.html"))
    by_clause = {u.clause: u for u in units if "（" not in u.name}
    assert by_clause["doc-01"].name == "一次性创业补贴" and [a.text for a in by_clause["doc-01"].amounts] == ["5000元"]
    assert by_clause["doc-02"].name == "灵活就业人员社会保险补贴"
    # the 见习 subsidy goes to the host unit, its raised tier too
    assert {u.beneficiary.value for u in units if u.clause == "doc-03"} == {"employer"}
    stopped = [u for u in units if u.clause == "doc-04"]
    assert len(stopped) == 1 and stopped[0].ended and not stopped[0].amounts
    assert stopped[0].name == "一次性扩岗补助"
    # who an item is for is no measure of its own (补贴对象：…正常运营6个月以上的…)
    article = derive_measures("doc", _clauses(YICHUN_ARTICLE, "article.html"))
    assert not any("对象" in u.name for u in article)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("session26"), (("yichun.html", YICHUN_ARTICLE), ("jingzhou.html", JINGZHOU_GUIDE))
    )


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("荆州市一次性创业补贴去哪里申请", "受理地点：各县（市、区）政务服务中心人社窗口。"),
        ("荆州市一次性创业补贴多久能到账", "办理时限：20个工作日。"),
        ("荆州一次性创业补贴申请要带什么材料", "申请材料：1.身份证；2.营业执照；3.经营场所证明；4.银行账户信息。"),
    ],
)
def test_a_step_of_applying_is_answered_from_the_items_own_line(published: Path, question: str, line: str) -> None:
    answer = _ask(published, "荆州", question)
    first, label, _ = _first(answer)
    assert answer["status"] == "answered" and label == "事项一"
    assert first.endswith(line), first


def test_a_stopped_item_is_said_to_have_stopped(published: Path) -> None:
    first, label, _ = _first(_ask(published, "荆州", "荆州扩岗补助还能申请吗"))
    assert label == "事项四" and "已停止执行" in first and "已被删去" not in first


def test_an_articles_item_answers_with_its_own_figure(published: Path) -> None:
    first, label, _ = _first(_ask(published, "宜春", "宜春开个体户一次性创业补贴多少钱"))
    assert label == "一、" and "3000元" in first
