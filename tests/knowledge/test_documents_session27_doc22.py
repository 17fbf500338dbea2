"""Session 27 (doc22): documents a deployment loads, taken in and answered right — a 公众号 article
whose heading the text's spacing rewrites, a grant per hire asked by the group hired, renting for a
business, where to apply from a 经办 paragraph, a revision's new standard without a grant word, a
grade's own figure. Documents written for these tests (常州, 绵阳, 内江), not the bench's sets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.derive import derive_measures
from knowledge.intake import examine, parse_clauses
from tests.knowledge.test_documents_session18 import published_texts
from tests.knowledge.test_documents_session21 import _ask, _first
from tests.knowledge.test_intake_documents import uploaded

CHANGZHOU_ARTICLE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta property="og:title" content="干货 | 常州2026年创业扶持，一文看懂！">
<title>干货 | 常州2026年创业扶持，一文看懂！</title></head>
<body id="activity-detail">
<div id="js_article" class="rich_media">
<h1 class="rich_media_title" id="activity-name">干货 | 常州2026年创业扶持，一文看懂！</h1>
<div id="meta_content"><span id="profileBt"><a id="js_name">常州就业</a></span>
<em id="publish_time">2026年02月11日 08:15</em></div>
<div class="rich_media_content" id="js_content">
<p>开年想当老板？这些扶持别错过，建议收藏👇</p>
<p>🌟【一、首次创业补贴】</p>
<p>▶补贴对象：在本市首次创办个体工商户并正常经营满6个月的毕业5年内高校毕业生和退役军人。</p>
<p>▶补贴标准：每户一次性补贴4000元。</p>
<p>🌟【二、创业场地租金补贴】</p>
<p>▶补贴标准：入驻市级创业孵化基地的初创企业，按实际租金的50%给予补贴，每年最高不超过8000元，最长2年。</p>
<p>🌟【三、灵活就业社保补贴】</p>
<p>▶补贴标准：就业困难人员灵活就业后缴纳社会保险费的，按实际缴费额的三分之二给予补贴。</p>
<p>来源：常州市人力资源和社会保障局</p>
</div></div></body></html>
"""


def test_an_articles_heading_kept_in_its_page_title_is_found_whatever_its_spacing() -> None:
    facts = examine(CHANGZHOU_ARTICLE.encode("utf-8"), "article.html").facts
    assert facts.title is not None and facts.title.endswith("常州2026年创业扶持，一文看懂！")
    assert facts.title.startswith("干货") and "未找到标题" not in facts.problems
    assert facts.city == "常州市" and str(facts.signed) == "2026-02-11"


MIANYANG_MEASURES = "\n".join(
    (
        "绵阳市人力资源和社会保障局关于印发《绵阳市创业就业扶持办法》的通知",
        "绵人社发〔2026〕7号",
        "各县（市、区）人力资源和社会保障局：",
        "现将《绵阳市创业就业扶持办法》印发给你们，请认真贯彻执行。",
        "第一条　为支持创业带动就业，制定本办法。",
        "第二条　本办法适用于在本市登记注册的创业实体。",
        "第三条　吸纳就业奖补。个体工商户、小微企业招用登记失业人员、退役军人，签订1年以上劳动合同"
        "并缴纳社会保险费满3个月的，按招用人数每人1800元给予补贴，每户补贴总额最高不超过3万元"
        "。",
        "第四条　创业担保贷款。个人创业者最高可申请25万元创业担保贷款；合伙创业的，贷款总额不超过120万元。",
        "第五条　经营场所租金补贴。在孵化基地以外租用经营场地的创业者，按实际租金的40%给予租金补"
        "贴，每年最高不超过5000元。",
        "第六条　高校毕业生租房补贴。对来我市企业就业的全日制本科毕业生，每人每月给予600元租房补贴。",
        "第七条　技能提升补贴。企业职工取得初级工（五级）证书的补贴900元，中级工（四级）证书的补"
        "贴1300元，高级工（三级）证书的补贴1900元。",
        "第八条　吸纳就业奖补由用人单位向参保地县（市、区）就业服务中心提出申请。",
        "第九条　以上补贴申请由县（市、区）公共就业服务机构受理，经审核公示后拨付。",
        "第十条　一次性求职创业补贴。对毕业年度内低保家庭的高校毕业生，每人补贴2500元，一次性发放。",
        "第十一条　本办法自2026年4月1日起施行。",
        "绵阳市人力资源和社会保障局",
        "2026年3月2日",
        "",
    )
)

NEIJIANG_REVISION = """内江市人力资源和社会保障局关于修改《内江市职业技能提升补贴办法》的通知
内人社发〔2026〕3号
各县（区）人力资源和社会保障局：
经研究，决定对《内江市职业技能提升补贴办法》作如下修改：
一、将第五条中“职业资格证书（初级工）每人700元、（中级工）每人1100元”修改为“职业资格证书（初级工）每人900元、（中级工）每人1400元、（高级工）每人1800元”。
二、本通知自2026年5月1日起施行。
内江市人力资源和社会保障局
2026年4月8日
"""


def _units(text: str, name: str) -> list:  # type: ignore[type-arg]
    clauses = list(parse_clauses(uploaded("doc"), examine(text.encode("utf-8"), name).text).clauses)
    return list(derive_measures("doc", clauses))


def test_a_grant_that_names_no_noun_of_its_own_is_named_by_its_heading_not_by_its_cap() -> None:
    hiring = [u for u in _units(MIANYANG_MEASURES, "mianyang.txt") if u.clause == "doc-03"]
    assert [u.name for u in hiring] == ["吸纳就业奖补"]
    assert "每人1800元" in [a.text for a in hiring[0].amounts]


def test_a_name_opening_with_yicixing_is_said_without_it_too() -> None:
    grant = [u for u in _units(MIANYANG_MEASURES, "mianyang.txt") if u.clause == "doc-10"]
    assert [u.name for u in grant] == ["一次性求职创业补贴"] and "求职创业补贴" in grant[0].aliases


def test_a_revisions_new_wording_that_states_a_standard_without_a_grant_word_is_a_measure() -> None:
    revised = [u for u in _units(NEIJIANG_REVISION, "neijiang.txt") if u.clause == "doc-01"]
    assert len(revised) == 1 and revised[0].name == "职业资格证书"
    assert [a.text for a in revised[0].amounts] == ["每人900元", "每人1400元", "每人1800元"]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published_texts(
        tmp_path_factory.mktemp("session27"),
        (("mianyang.txt", MIANYANG_MEASURES), ("neijiang.txt", NEIJIANG_REVISION)),
    )


@pytest.mark.parametrize(
    ("region", "question", "label", "shown", "not_shown"),
    [
        # the hired group named in the question is what a per-hire grant is for
        ("绵阳", "绵阳开小超市招了两个退役军人，奖补给多少", "第三条", "1800元", ("25万元", "120万元")),
        # renting told beside a business is the premises' rent, not a graduate's housing rent
        ("绵阳", "绵阳租了个房子开奶茶店，房租能补多少", "第五条", "40%", ("600元",)),
        # the figure of the grade asked, said just before it
        ("绵阳", "绵阳考了高级工证，技能提升补贴多少", "第七条", "1900元", ("900元", "1300元")),
        ("内江", "内江考了中级工的证，补贴现在是多少", "一、", "1400元", ("1100元", "900元", "1800元")),
    ],
)
def test_the_measure_asked_answers_with_its_own_figure(
    published: Path, region: str, question: str, label: str, shown: str, not_shown: tuple[str, ...]
) -> None:
    line, cited, _ = _first(_ask(published, region, question))
    assert cited == label and shown in line, (question, line)
    # (a whole figure: 900元 is not shown by 1900元)
    assert not any(re.search(rf"(?<![\d.]){re.escape(figure)}", line) for figure in not_shown), (question, line)


@pytest.mark.parametrize(
    ("question", "label", "said"),
    [
        # a 经办 paragraph naming the measure asked
        ("绵阳吸纳就业奖补去哪里申请", "第八条", "参保地县（市、区）就业服务中心"),
        # a place's subsidies asked in general words: the paragraph said for all of them
        ("绵阳就业补贴去哪里申请", "第九条", "公共就业服务机构受理"),
    ],
)
def test_where_to_apply_is_answered_from_the_paragraph_that_says_it(
    published: Path, question: str, label: str, said: str
) -> None:
    answer = _ask(published, "绵阳", question)
    line, cited, _ = _first(answer)
    assert answer["status"] == "answered" and cited == label and said in line, (question, line)


def test_where_to_apply_for_what_the_documents_never_grant_is_still_declined(published: Path) -> None:
    assert _ask(published, "绵阳", "绵阳办护照去哪里申请")["status"] != "answered"
