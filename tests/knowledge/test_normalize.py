"""Normalization: every repair named in issue 2 §3, and the quality report of what could not be repaired."""

from __future__ import annotations

import re

import pytest

from knowledge.documents import load_manifest, read_source
from knowledge.normalize import GARBLED_MARK, find_garbled_spans, is_noise_line, normalize_document
from knowledge.quality import IssueKind
from knowledge.registry import Registry


def all_text(registry: Registry, document_id: str) -> str:
    parsed = registry.parsed[document_id]
    return "\n".join([*parsed.preamble, *(c.text for c in parsed.clauses), *parsed.closing])


@pytest.mark.parametrize(
    "line",
    [
        "系统检测到您的浏览器版本过低,无法获得最佳的使用体验,建议您更换其他浏览器或 升级您的浏览器。",
        "请用微信扫一扫 浏览量: {{clickNum}}",
        "{{sexSelectedText ? sexSelectedText : '性别'}}",
        "扫描打开手机端",
        "本文鏈接:http://www.fl1002.com/policy/77198.html",
        "本文關鍵詞: 吉政發(fā), 吉林省",
        "新文档2022-07-24_00.jpg",
        "当前位置: 网站首页 -> 政务公开 -> 政策",
        "时间: 2018-09-26 09:37 分类: 劳动法苑 来源: [转载]",
    ],
)
def test_web_page_noise_lines_are_recognised(line: str) -> None:
    assert is_noise_line(line)


@pytest.mark.parametrize(
    "line",
    ["（一）在稳增长中保就业。", "巴中市人民政府", "2018年2月1日", "一、把稳定和扩大就业作为经济社会发展的优先目标"],
)
def test_policy_lines_are_not_noise(line: str) -> None:
    assert not is_noise_line(line)


def test_no_noise_survives_in_any_document(registry: Registry) -> None:
    for document_id in registry.documents:
        text = all_text(registry, document_id)
        for marker in ("{{", "clickNum", "扫描打开手机端", "浏览器", "本文链接", "本文关键词", ".jpg", "微信扫一扫"):
            assert marker not in text, (document_id, marker)


def test_jilin_pinyin_debris_is_removed_and_text_is_simplified(registry: Registry) -> None:
    text = all_text(registry, "jilin-2017")
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", text)
    for traditional in ("業", "創", "發", "職", "輔", "當"):
        assert traditional not in text
    assert "对依法参加失业保险3年以上" in registry.get("jilin-2017-20").text
    kinds = registry.parsed["jilin-2017"].quality.summary()
    assert kinds["pinyin_debris"] == 1 and kinds["traditional_converted"] == 1


def test_legitimate_parentheses_survive_pinyin_removal(registry: Registry) -> None:
    assert "各市（州）人民政府" in registry.parsed["jilin-2017"].preamble[3]
    assert "初级（五级）" in registry.get("jilin-2017-20").text


def test_garbled_spans_are_detected_reported_and_marked(registry: Registry) -> None:
    report = registry.parsed["jilin-2017"].quality
    garbled = report.of_kind(IssueKind.GARBLED_SPAN)
    assert [g.original for g in garbled] == ["?shù)卣匆?guī)", "?jié)摿Υ?", "?,F(xiàn)"]
    assert [g.clause_id for g in garbled] == ["jilin-2017-09", "jilin-2017-12", "jilin-2017-18"]
    assert "普通高□有的优势资源" in registry.get("jilin-2017-18").text
    for clause in registry.clauses:
        assert "?" not in clause.text
        assert "摿" not in clause.text and "Υ" not in clause.text


def test_garbled_detector_merges_nearby_lost_characters() -> None:
    text = "可由當?shù)卣匆?guī)定程序"
    ((start, end),) = find_garbled_spans(text)
    assert text[start:end] == "?shù)卣匆?guī)"
    assert find_garbled_spans("没有乱码的句子。") == []


def test_page_breaks_inside_words_are_joined(registry: Registry) -> None:
    assert "完善多元化产业体系" in registry.get("ziyang-2017-02").text
    assert "实施简易注销登记" in registry.get("ziyang-2017-06").text
    assert "劳务输出、托底安置" in registry.get("ziyang-2017-13").text
    assert "加强就业形势研判" in registry.get("ziyang-2017-29").text
    assert "市发展改革委、市财政局" in registry.get("ziyang-2017-09").text
    joined = registry.parsed["ziyang-2017"].quality.of_kind(IssueKind.PAGE_BREAK_JOINED)
    assert len(joined) == 6


def test_titles_and_headers_are_not_joined(registry: Registry) -> None:
    preamble = registry.parsed["jilin-2017"].preamble
    assert "吉政发〔2017〕32号" in preamble
    assert registry.parsed["ziyang-2017"].preamble[:3] == (
        "资阳市人民政府",
        "关于做好当前和今后一段时期就业创业工作的",
        "实施意见",
    )


def test_stray_english_is_removed(registry: Registry) -> None:
    for clause in registry.clauses_of("ziyang-2017"):
        assert " and " not in clause.text and "and" not in clause.text
    assert "扶持政策和清理规范涉企收费" in registry.get("ziyang-2017-03").text
    assert "3D打印" in registry.get("ziyang-2017-04").text  # a real Latin token stays
    reported = registry.parsed["ziyang-2017"].quality.of_kind(IssueKind.STRAY_ENGLISH)
    assert [r.clause_id for r in reported] == ["ziyang-2017-02", "ziyang-2017-03", "ziyang-2017-23"]
    assert " and " in registry.get("ziyang-2017-03").original_text


def test_punctuation_is_unified_to_full_width(registry: Registry) -> None:
    clause = registry.get("ziyang-2017-11")
    assert clause.text.startswith("（十一）扶持新就业形态。")
    assert "," not in clause.text and " " not in clause.text
    assert "至少有1人就业" in registry.get("ziyang-2017-13").text
    assert "“领跑者”行动" in registry.get("pingdingshan-2020-05").text
    assert "1.2万" in registry.get("shangluo-2012-02").text


def test_normalization_is_deterministic() -> None:
    manifest = load_manifest()
    for document in manifest.documents:
        raw = read_source(document)
        first = normalize_document(raw)
        second = normalize_document(raw)
        assert [p.text for p in first.paragraphs] == [p.text for p in second.paragraphs]
        assert GARBLED_MARK not in raw


def test_a_paragraph_after_a_line_joined_across_a_page_break_starts_no_block() -> None:
    raw = "\n".join(
        (
            "企业招用离校2年内未就业高校毕业生，签订1年以上劳动合同并按月缴纳社会保险费满3个月的，按每人1500元给予",
            "",
            "一次性吸纳就业补贴。",
            "见习单位吸纳高校毕业生参加见习的，按每人每月1800元给予补贴。",
            "",
            "各县（市、区）人社部门负责受理。",
        )
    )
    paragraphs = normalize_document(raw).paragraphs
    assert [p.text[:4] for p in paragraphs] == ["企业招用", "见习单位", "各县（市"]
    assert [p.after_break for p in paragraphs] == [False, False, True]
