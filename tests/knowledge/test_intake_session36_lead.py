"""Session 36 (lead, after review36): a short text passes the policy check on few policy words only when it also
carries the marks of an official document (a 文号 or its addressees). walk36 lowered the floor of policy words from
8 to 5 so that a county notice of one article is taken in; a match report and a recipe that happen to hold five such
words and a date line must still be refused. Texts written for this test."""

from __future__ import annotations

import pytest

from knowledge.intake import looks_like_policy

# Five policy words (根据/执行/管理/落实/保障), a 局 and a date line — no 文号, no addressees.
MATCH_REPORT = """市运动会篮球决赛昨晚落幕
根据赛程安排，市体育局组织的篮球决赛在市体育馆举行。裁判组严格执行比赛规则，场馆管理有序，安保措施落实到位，
医疗保障全程在场。最终红队以86比79战胜蓝队夺冠，全场观众近三千人。
市体育局
2026年9月12日"""

# A recipe with one 标准 and the same five words, a date line, numbered steps.
RECIPE = """番茄炒蛋的做法
一、准备鸡蛋3个、番茄2个，根据口味准备盐和糖。
二、按家常标准，鸡蛋打散后先炒，炒到凝固盛出，注意火候管理。
三、番茄炒出汁后倒回鸡蛋，落实调味，执行少油原则，保障口感。
2026年5月1日"""

# The same five-word shape with a 文号 and addressees: a county notice of one article.
COUNTY_NOTICE = """安岳县商务局关于支持电商创业的通知
安商发〔2026〕3号
各乡镇人民政府，县级有关部门：
一、对在我县新注册的电商主体，按其年度网络销售额的30%给予补贴，最高5000元。
安岳县商务局
2026年3月2日"""


@pytest.mark.parametrize("text", [MATCH_REPORT, RECIPE], ids=["match report", "recipe"])
def test_a_text_of_few_policy_words_without_the_marks_of_an_official_document_is_no_policy(text: str) -> None:
    assert not looks_like_policy(text)


def test_a_county_notice_of_few_policy_words_with_its_document_number_and_addressees_is_a_policy() -> None:
    assert looks_like_policy(COUNTY_NOTICE)
