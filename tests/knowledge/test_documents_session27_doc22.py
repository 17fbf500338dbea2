"""Session 27 (doc22): documents a deployment loads, taken in and answered right — a 公众号 article whose
heading the text's spacing rewrites, …. Documents written for these tests (常州, 绵阳 …), not the bench's sets."""

from __future__ import annotations

from knowledge.intake import examine

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
