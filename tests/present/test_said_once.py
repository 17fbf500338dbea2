"""Session 38 (next39a, issue 10): an answer says each thing once. The newcomer walk (T9, T26) read the same
clause cited three times in one answer — （十二）'s 求职创业补贴, 基层成长计划 and 国际组织实习 sentences, each
numbered as a citation of its own — and "按资阳市2017年文件" opening two lines in a row. One citation per
clause (its sentences quoted under it); the document and its year said once for consecutive lines of it."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from bot.present.answers import answer_text
from knowledge.kb import KnowledgeBase

# (question, region): answers quoting several sentences of one clause, or two measures of one document.
ASKED = [
    ("大专毕业还没找到工作 有啥补贴", "资阳市"),
    ("我儿子2025年大专毕业的，到现在还没找到工作 有什么政策", "资阳市"),
    ("创业担保贷款能贷多少", "资阳市"),
    ("资阳创业担保贷款最多贷多少", None),
]

_CITED_CLAUSE = re.compile(r"^\d+\. .*?(第[^：]+?条|同一文件第[^：]+?条)：$")


@pytest.mark.parametrize(("question", "region"), ASKED, ids=[q for q, _ in ASKED])
def test_each_clause_is_cited_once_and_each_documents_year_said_once_in_a_row(
    kb: KnowledgeBase, question: str, region: str | None
) -> None:
    answer = kb.answerer.answer(question, region)
    text = answer_text(answer)
    clauses = [c.clause_id for c in answer.citations]
    numbered = [line for line in text.splitlines() if _CITED_CLAUSE.match(line)]
    assert len(numbered) == len(dict.fromkeys(clauses)), text
    first_lines = text.split("\n\n", 1)[0].splitlines()
    opening = [re.match(r"按(.+?文件)，", line) for line in first_lines]
    said = [m.group(1) if m else None for m in opening]
    assert not any(a is not None and a == b for a, b in pairwise(said)), text


def test_a_clause_quoted_for_three_sentences_shows_them_under_one_number(kb: KnowledgeBase) -> None:
    answer = kb.answerer.answer("大专毕业还没找到工作 有啥补贴", "资阳市")
    text = answer_text(answer)
    quoted = [c for c in answer.citations if c.clause_id == "ziyang-2017-12"]
    assert len(quoted) >= 2, [c.clause_id for c in answer.citations]
    header = next(i for i, line in enumerate(text.splitlines()) if "第（十二）条：" in line)
    under = text.splitlines()[header + 1 : header + 1 + len(quoted)]
    assert all(line.startswith("   “") for line in under), text
