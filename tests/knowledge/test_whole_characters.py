"""Radical code points in a file's text layer are read as the characters they stand for (issue 13):
a PDF printed by Chromium, WPS or Word often names 长 as U+2ED3 and 人 as U+2F08, and the facts
would come out wrong (长兴县 → 兴县, another county) or missing (年⽉⽇ is no date)."""

from __future__ import annotations

import unicodedata

from knowledge.filetext import read_file, whole_characters
from knowledge.intake import extract_facts

# How such a text layer reads: 长 U+2ED3, 门 U+2ED4, 民 U+2EA0, 页 U+2EDA; 人 生 月 日 … as Kangxi radicals.
AS_EXTRACTED = (
    "\u2ed3沙县\u2f08\u2ea0政府办公室关于印发\u2ed3沙县稳岗\u2f64\u2f2f补贴办法的通知\n"
    "\u2ed3政办发〔2023〕9号\n"
    "各乡镇\u2f08\u2ea0政府，县直各部\u2ed4：\n"
    "一、对首次就业的\u2fbc校毕业\u2f63，每\u2f08每\u2f49给予500元\u2f63活补贴。\n"
    "二、本办法\u2f832023年5\u2f491\u2f47起施\u2f8f，有效期\u2f842025年4\u2f4930\u2f47。\n"
    "\u2ed3沙县\u2f08\u2ea0政府办公室\n"
    "2023年4\u2f4920\u2f47\n"
)


def test_radicals_become_the_characters_they_stand_for() -> None:
    text = whole_characters(AS_EXTRACTED)
    assert "长沙县人民政府办公室" in text
    assert "县直各部门" in text
    assert "高校毕业生，每人每月给予500元生活补贴" in text
    assert not [ch for ch in text if "RADICAL" in unicodedata.name(ch, "")]


def test_the_facts_of_such_a_text_layer_name_the_right_county_and_dates() -> None:
    facts = extract_facts(read_file(AS_EXTRACTED.encode("utf-8"), "办法.txt"))
    assert (facts.province, facts.city, facts.county) == ("湖南省", "长沙市", "长沙县")
    assert facts.document_number == "长政办发〔2023〕9号"
    assert str(facts.signed) == "2023-04-20"
    assert str(facts.effective) == "2023-05-01" and str(facts.valid_until) == "2025-04-30"


def test_ordinary_text_and_full_width_punctuation_are_left_as_they_are() -> None:
    text = "（一）１．对符合条件的，给予５０００元补贴；ＡＢＣ"
    assert whole_characters(text) == text
